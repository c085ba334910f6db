import Foundation
import Network
import Observation
import Serde
import SharedTypes

/// The app's handle on the Rust core, through UniFFI: send events, observe
/// the view model; the shell effects go to one handler each (Effects/).
/// Storage and time are served inside the core.
///
/// Exported files are cleared when the core starts, locks or erases (the
/// view turns to the lock screen or first run); the share sheet clears them
/// when it closes. An answer that arrives after a lock (the core forgot the
/// request) is dropped: `resolve` fails and nothing follows.
@Observable
@MainActor
final class Core {
    private(set) var view: ViewModel
    /// An event is with the core (the passcode's KDF takes a moment).
    private(set) var busy = false

    private let ffi: CoreFfi
    private let queue = DispatchQueue(label: "org.phoenix.core")
    private let keys = PlatformKey()
    private let reminders = Reminders()
    private var timers: [Timer] = []
    private let network = NWPathMonitor()

    init(vaultPath: String, timeZone: String, locale: String) {
        ffi = CoreFfi(vaultPath: vaultPath, timeZone: timeZone, locale: locale)
        view = try! ViewModel.bincodeDeserialize(input: [UInt8](ffi.view()))
        ShareSheet.clear()
        send(.start)
        // Secure messages: a sync as often as the core's view model says
        // sends the outbox (the core applies its own backoff) and fetches
        // replies. The core ignores it until the participant pairs, and while
        // locked; it never counts as activity, so auto-lock still applies.
        timers = [
            // Scheduled on the main run loop, so it fires on the main actor.
            Timer.scheduledTimer(withTimeInterval: TimeInterval(view.syncEverySecs), repeats: true) { [weak self] _ in
                MainActor.assumeIsolated { self?.background(.sync) }
            },
        ]
        // The network came back: send what waits and fetch replies at once,
        // as the web shell does on `online`. The monitor reports on its own
        // queue (and once at start, which the core ignores while locked).
        network.pathUpdateHandler = { [weak self] path in
            guard path.status == .satisfied else { return }
            Task { @MainActor in self?.background(.reconnected) }
        }
        network.start(queue: DispatchQueue(label: "org.phoenix.network"))
    }

    /// A timer's (or the network's) event, without showing progress.
    func background(_ event: MessagesEvent) {
        guard let bytes = try? Event.messages(event).bincodeSerialize() else { return }
        queue.async { [ffi] in
            let requests = try? ffi.update(event: Data(bytes))
            Task { @MainActor in self.handle(requests) }
        }
    }

    static func onThisDevice() -> Core {
        let support = FileManager.default.urls(for: .applicationSupportDirectory, in: .userDomainMask)[0]
        // The vault and its -wal and -shm files live in their own directory,
        // created first and then excluded from iCloud and computer backups
        // (the flag is lost if set before the item exists). Participants
        // export encrypted backups themselves.
        var directory = support.appendingPathComponent("Vault", isDirectory: true)
        try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        var values = URLResourceValues()
        values.isExcludedFromBackup = true
        try? directory.setResourceValues(values)
        let vault = directory.appendingPathComponent("phoenix.vault")
        // A vault from a build that kept it directly in Application Support moves in.
        for suffix in ["", "-wal", "-shm"] {
            let old = support.appendingPathComponent("phoenix.vault" + suffix)
            let new = directory.appendingPathComponent("phoenix.vault" + suffix)
            if FileManager.default.fileExists(atPath: old.path), !FileManager.default.fileExists(atPath: new.path) {
                try? FileManager.default.moveItem(at: old, to: new)
            }
        }
        return Core(vaultPath: vault.path, timeZone: TimeZone.current.identifier, locale: Locale.current.identifier(.bcp47))
    }

    func send(_ event: Event) {
        guard let bytes = try? event.bincodeSerialize() else { return }
        busy = true
        queue.async { [ffi] in
            let requests = try? ffi.update(event: Data(bytes))
            Task { @MainActor in
                self.busy = false
                self.handle(requests)
            }
        }
    }

    private func resolve(_ id: UInt32, _ output: [UInt8]) {
        queue.async { [ffi] in
            let requests = try? ffi.resolve(id: id, output: Data(output))
            Task { @MainActor in self.handle(requests) }
        }
    }

    private func handle(_ bytes: Data?) {
        guard let bytes else { return }
        let deserializer = BincodeDeserializer(input: [UInt8](bytes))
        guard let count = try? deserializer.deserialize_len() else { return }
        for _ in 0..<count {
            guard let request = try? ShellRequest.deserialize(deserializer: deserializer) else { return }
            perform(request)
        }
    }

    private func perform(_ request: ShellRequest) {
        switch request.effect {
        case .render:
            if let bytes = try? ffi.view(), let next = try? ViewModel.bincodeDeserialize(input: [UInt8](bytes)) {
                if Self.leftUnlocked(from: view.screen, to: next.screen) { ShareSheet.clear() }
                view = next
            }
        case .openUrl(let link):
            let id = request.id
            OpenLink.open(link.url) { opened in
                let outcome: LinkOutcome = opened ? .opened : .failed
                self.resolve(id, (try? outcome.bincodeSerialize()) ?? [])
            }
        case .share(let file):
            ShareSheet.present(file)
            resolve(request.id, [])
        case .notify(let schedule):
            reminders.schedule(schedule.value)
            resolve(request.id, [])
        case .platformKey(let operation):
            let id = request.id
            keys.perform(operation) { output in
                self.resolve(id, (try? output.bincodeSerialize()) ?? [])
            }
        case .http(let http):
            let id = request.id
            RelayHttp.send(http) { result in
                self.resolve(id, (try? result.bincodeSerialize()) ?? [])
            }
        case .background(let operation):
            BackgroundMessageCheck.perform(operation)
            resolve(request.id, [])
        }
    }

    /// Locked or erased: the participant's exports must not outlive it.
    private static func leftUnlocked(from before: ScreenView, to after: ScreenView) -> Bool {
        switch (before, after) {
        case (.locked, .locked), (.firstRun, .firstRun): return false
        case (_, .locked), (_, .firstRun): return true
        default: return false
        }
    }
}
