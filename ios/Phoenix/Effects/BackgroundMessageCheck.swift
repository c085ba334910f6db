import BackgroundTasks
import Foundation
import Security
import SharedTypes
import UserNotifications

/// The background check (ARCHITECTURE.md, "The background check"): while
/// the app is closed and the vault locked, iOS wakes Phoenix now and then
/// (BGAppRefreshTask, at the system's discretion) to ask the relay how many
/// messages wait, with the waiting key only, and to post a local
/// notification in the core's words (discreet or not), never a text.
///
/// The config the core hands over (`BackgroundCheckOperation.keep`) is one
/// Keychain item, on this device only, readable after the first unlock
/// since the phone started (the check runs while the phone is locked); it
/// never touches the vault.
enum BackgroundMessageCheck {
    static let task = "org.phoenix.background-check"
    private static let account = "org.phoenix.background-check"

    /// The core's `Background` effect: keep the config (and schedule the
    /// next check) or delete it.
    static func perform(_ operation: BackgroundCheckOperation) {
        SecItemDelete(query() as CFDictionary)
        switch operation {
        case .keep(let relay, let waitingKey, let discreet, let language):
            let config = Stored(relay: relay, waitingKey: Data(waitingKey), discreet: discreet, language: language)
            guard let bytes = try? JSONEncoder().encode(config) else { return }
            var item = query()
            item[kSecValueData as String] = bytes
            item[kSecAttrAccessible as String] = kSecAttrAccessibleAfterFirstUnlockThisDeviceOnly
            SecItemAdd(item as CFDictionary, nil)
            schedule()
        case .forget:
            BGTaskScheduler.shared.cancel(taskRequestWithIdentifier: task)
        }
    }

    /// Asks iOS for the next check, in 15 minutes at the earliest.
    static func schedule() {
        let request = BGAppRefreshTaskRequest(identifier: task)
        request.earliestBeginDate = Date(timeIntervalSinceNow: 15 * 60)
        try? BGTaskScheduler.shared.submit(request)
    }

    /// One check (PhoenixApp's `.backgroundTask(.appRefresh)`): the signed
    /// `GET /v1/waiting` from the core's free function, sent as it is; the
    /// answer turned into a notification by the core, or nothing.
    static func run() async {
        guard let config = stored() else { return }
        schedule()
        let now = Int64(Date().timeIntervalSince1970 * 1000)
        guard let waiting = backgroundCheckRequest(config: config, nowMs: now),
              let url = URL(string: waiting.url) else { return }
        var request = URLRequest(url: url, timeoutInterval: 20)
        for (name, value) in waiting.headers { request.setValue(value, forHTTPHeaderField: name) }
        guard let (body, response) = try? await URLSession.shared.data(for: request),
              let status = (response as? HTTPURLResponse)?.statusCode,
              let notification = backgroundCheckAnswer(config: config, status: UInt16(clamping: status), body: body)
        else { return }
        let content = UNMutableNotificationContent()
        content.title = notification.title
        content.body = notification.body
        // One at a time: a newer check replaces the last notification.
        let post = UNNotificationRequest(identifier: task, content: content, trigger: nil)
        try? await UNUserNotificationCenter.current().add(post)
    }

    private static func stored() -> BackgroundCheck? {
        var item = query()
        item[kSecReturnData as String] = true
        var result: AnyObject?
        guard SecItemCopyMatching(item as CFDictionary, &result) == errSecSuccess,
              let bytes = result as? Data,
              let config = try? JSONDecoder().decode(Stored.self, from: bytes) else { return nil }
        return BackgroundCheck(
            relay: config.relay, waitingKey: config.waitingKey, discreet: config.discreet, language: config.language
        )
    }

    private static func query() -> [String: Any] {
        [kSecClass as String: kSecClassGenericPassword, kSecAttrAccount as String: account]
    }

    private struct Stored: Codable {
        let relay: String
        let waitingKey: Data
        let discreet: Bool
        let language: String
    }
}
