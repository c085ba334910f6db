import UIKit

/// `tel:`, `sms:` and `mailto:` in the phone's own apps.
enum OpenLink {
    @MainActor
    static func open(_ url: String) {
        guard let link = URL(string: url), ["tel", "sms", "mailto"].contains(link.scheme ?? "") else { return }
        UIApplication.shared.open(link)
    }
}
