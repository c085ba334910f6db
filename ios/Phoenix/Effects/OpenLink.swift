import UIKit

/// `tel:`, `sms:` and `mailto:` in the phone's own apps. `done` hears
/// whether an app took the link (an iPad or iPod has no dialer): the core
/// then shows the number instead.
enum OpenLink {
    @MainActor
    static func open(_ url: String, done: @escaping @MainActor @Sendable (Bool) -> Void) {
        guard let link = URL(string: url), ["tel", "sms", "mailto"].contains(link.scheme ?? "") else {
            done(false)
            return
        }
        UIApplication.shared.open(link, options: [:]) { opened in
            done(opened)
        }
    }
}
