import SharedTypes
import UIKit

/// The plan document, calendar file or backup, offered to the share sheet.
/// Exports live in one private folder (tmp/exports) holding at most the file
/// being shared: emptied before each export, when the sheet closes, and on
/// start, lock and erase (`Core`).
enum ShareSheet {
    private static var folder: URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("exports", isDirectory: true)
    }

    @MainActor
    static func present(_ file: ShareFile) {
        clear()
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let url = folder.appendingPathComponent((file.fileName as NSString).lastPathComponent)
        guard (try? Data(file.bytes).write(to: url, options: .completeFileProtection)) != nil,
              let scene = UIApplication.shared.connectedScenes.first as? UIWindowScene,
              let root = scene.keyWindow?.rootViewController
        else {
            clear()
            return
        }
        let sheet = UIActivityViewController(activityItems: [url], applicationActivities: nil)
        // Shared, saved or cancelled: the file goes.
        sheet.completionWithItemsHandler = { _, _, _, _ in clear() }
        root.present(sheet, animated: true)
    }

    /// Deletes every exported file.
    static func clear() {
        try? FileManager.default.removeItem(at: folder)
    }
}
