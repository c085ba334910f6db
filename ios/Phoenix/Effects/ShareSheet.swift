import SharedTypes
import UIKit

/// The plan document, calendar file or backup, offered to the share sheet.
enum ShareSheet {
    @MainActor
    static func present(_ file: ShareFile) {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("exports", isDirectory: true)
        // One export at a time: the previous one (participant data) is removed.
        try? FileManager.default.removeItem(at: dir)
        try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let url = dir.appendingPathComponent((file.fileName as NSString).lastPathComponent)
        guard (try? Data(file.bytes).write(to: url, options: .completeFileProtection)) != nil,
              let scene = UIApplication.shared.connectedScenes.first as? UIWindowScene,
              let root = scene.keyWindow?.rootViewController
        else { return }
        root.present(UIActivityViewController(activityItems: [url], applicationActivities: nil), animated: true)
    }
}
