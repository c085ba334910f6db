import Foundation
import Observation
import SharedTypes

/// The app's handle on the Rust core, through UniFFI: send events, observe
/// the view model; the shell effects go to one handler each (Effects/).
/// Storage and time are served inside the core.
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

    init(vaultPath: String, timeZone: String, locale: String) {
        ffi = CoreFfi(vaultPath: vaultPath, timeZone: timeZone, locale: locale)
        view = try! ViewModel.bincodeDeserialize(input: [UInt8](ffi.view()))
        send(.start)
        // Secure messages: a sync every 30 s sends the outbox (the core
        // applies its own backoff) and fetches replies. The core ignores it
        // until the participant pairs, and while locked; it never counts as
        // activity, so auto-lock still applies.
        timers = [
            Timer.scheduledTimer(withTimeInterval: 30, repeats: true) { [weak self] _ in
                Task { @MainActor in self?.background(.sync) }
            },
        ]
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
        try? FileManager.default.createDirectory(at: support, withIntermediateDirectories: true)
        var vault = support.appendingPathComponent("phoenix.vault")
        // Never in iCloud or iTunes backups; participants export encrypted backups themselves.
        var values = URLResourceValues()
        values.isExcludedFromBackup = true
        try? vault.setResourceValues(values)
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
                view = next
            }
        case .openUrl(let link):
            OpenLink.open(link.url)
            resolve(request.id, [])
        case .share(let file):
            ShareSheet.present(file)
            resolve(request.id, [])
        case .notify(let schedule):
            reminders.schedule(schedule.value)
            resolve(request.id, [])
        case .platformKey(let operation):
            keys.perform(operation) { output in
                self.resolve(request.id, (try? output.bincodeSerialize()) ?? [])
            }
        case .http(let http):
            RelayHttp.send(http) { result in
                self.resolve(request.id, (try? result.bincodeSerialize()) ?? [])
            }
        }
    }
}
