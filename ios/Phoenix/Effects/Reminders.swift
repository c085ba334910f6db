import Foundation
import SharedTypes
import UserNotifications

/// Local notifications at the core's local times. The core sends the whole
/// schedule each time (an empty one cancels every reminder); it replaces the
/// previous one. Titles and bodies are
/// the core's (neutral in discreet mode).
@MainActor
final class Reminders {
    private let center = UNUserNotificationCenter.current()

    func schedule(_ reminders: [Reminder]) {
        center.removeAllPendingNotificationRequests()
        guard !reminders.isEmpty else { return }
        center.requestAuthorization(options: [.alert, .sound]) { _, _ in }
        let format = DateFormatter()
        format.locale = Locale(identifier: "en_US_POSIX")
        format.dateFormat = "yyyy-MM-dd'T'HH:mm:ss"
        for reminder in reminders {
            guard let at = format.date(from: reminder.at) else { continue }
            let parts: Set<Calendar.Component> = reminder.daily ? [.hour, .minute]
                : reminder.weekly ? [.weekday, .hour, .minute]
                : [.year, .month, .day, .hour, .minute]
            let trigger = UNCalendarNotificationTrigger(
                dateMatching: Calendar.current.dateComponents(parts, from: at),
                repeats: reminder.daily || reminder.weekly
            )
            let content = UNMutableNotificationContent()
            content.title = reminder.title
            content.body = reminder.body
            center.add(UNNotificationRequest(identifier: reminder.id, content: content, trigger: trigger))
        }
    }
}
