import SharedTypes
import SwiftUI
import UniformTypeIdentifiers

struct SettingsScreen: View {
    @Environment(Core.self) private var core
    let view: SettingsView
    let words: FormWords
    @State private var autoLock = ""
    @State private var crisisLine = ""
    @State private var emergencyNumber = ""
    @State private var reminder = ""
    @State private var passphrase = ""
    @State private var importPassphrase = ""
    @State private var importing = false
    @State private var current = ""
    @State private var next = ""
    @State private var again = ""

    private func send(_ event: SettingsEvent) { core.send(.settings(event)) }

    var body: some View {
        Form {
            Section {
                Button(view.lockNowLabel) { core.send(.lock) }
                Picker(view.languageLabel, selection: Binding(
                    get: { view.languages.firstIndex { $0.value == view.language } ?? 0 },
                    set: { send(.setLanguage(view.languages[$0].value)) }
                )) { ForEach(view.languages.indices, id: \.self) { Text(view.languages[$0].label).tag($0) } }
                Toggle(view.discreetLabel, isOn: Binding(get: { view.discreet }, set: { send(.setDiscreet($0)) }))
                if let backgroundCheck = view.backgroundCheck {
                    Toggle(view.backgroundCheckLabel, isOn: Binding(get: { backgroundCheck }, set: { send(.setBackgroundCheck($0)) }))
                }
                Picker(view.recoveryFocusLabel, selection: Binding(
                    get: { view.recoveryFocuses.firstIndex { $0.value == view.recoveryFocus } ?? 0 },
                    set: { send(.setRecoveryFocus(view.recoveryFocuses[$0].value)) }
                )) { ForEach(view.recoveryFocuses.indices, id: \.self) { Text(view.recoveryFocuses[$0].label).tag($0) } }
                // iOS cannot keep screens out of screenshots; the app
                // switcher's cover (PhoenixApp) stays on whatever this says.
                Toggle(view.allowScreenshotsLabel, isOn: Binding(get: { view.allowScreenshots }, set: { send(.setAllowScreenshots($0)) }))
                Text(view.allowScreenshotsNote).font(.footnote)
                Toggle(view.biometricsLabel, isOn: Binding(
                    get: { view.biometricsEnabled },
                    set: { send($0 ? .enableBiometrics : .disableBiometrics) }
                ))
            } header: { Text(view.heading).font(.title2).accessibilityAddTraits(.isHeader) }
            Section {
                TextField(view.autoLockLabel, text: $autoLock).keyboardType(.numberPad)
                Button(words.save) { send(.setAutoLockMinutes(UInt32(autoLock) ?? 0)) }
                TextField(view.crisisLineLabel, text: $crisisLine).keyboardType(.phonePad).field("crisis-line")
                Button(words.save) { send(.setCrisisLine(crisisLine)) }
                TextField(view.emergencyNumberLabel, text: $emergencyNumber).keyboardType(.phonePad).field("emergency-number")
                Button(words.save) { send(.setEmergencyNumber(emergencyNumber)) }
                // The system's time picker, 12- or 24-hour as the phone is set; the core gets HH:MM.
                DatePicker(view.checkInReminderLabel, selection: Binding(
                    get: { Self.time(reminder) },
                    set: { reminder = Self.text($0) }
                ), displayedComponents: .hourAndMinute).field("check-in-reminder")
                Button(words.save) { send(.setCheckInReminder(Self.text(Self.time(reminder)))) }
                if view.checkInReminder != nil {
                    Button(words.remove, role: .destructive) { reminder = ""; send(.setCheckInReminder(nil)) }
                }
            }
            Section(view.exportBackupLabel) {
                SecureField(view.backupPassphraseLabel, text: $passphrase).field("backup-passphrase")
                Button(view.exportBackupLabel) { send(.exportBackup(passphrase: passphrase)); passphrase = "" }
                Button(view.recoveryKeyLabel) { send(.exportBackupWithRecoveryKey) }
                if let key = view.recoveryKey {
                    Text("\(view.recoveryKeyHint) \(key)").textSelection(.enabled)
                }
            }
            Section(view.importBackupLabel) {
                SecureField(view.backupPassphraseLabel, text: $importPassphrase)
                Button(view.importBackupLabel) { importing = true }
            }
            .fileImporter(isPresented: $importing, allowedContentTypes: [.data]) { result in
                guard let url = try? result.get(), url.startAccessingSecurityScopedResource() else { return }
                defer { url.stopAccessingSecurityScopedResource() }
                if let bytes = try? Data(contentsOf: url) {
                    send(.importBackup(file: [UInt8](bytes), passphrase: importPassphrase))
                }
                importPassphrase = ""
            }
            Section(view.changePasscodeLabel) {
                SecureField(words.currentPasscode, text: $current)
                SecureField(words.newPasscode, text: $next).field("new-passcode")
                SecureField(words.newPasscodeAgain, text: $again).field("new-passcode-confirmation")
                Button(view.changePasscodeLabel) {
                    send(.changePasscode(current: current, replacement: next, confirmation: again))
                    current = ""; next = ""; again = ""
                }
            }
            Section(view.eraseLabel) {
                Text(view.eraseWarning)
                EraseEverything(label: view.eraseLabel, words: words)
            }
        }
        .onAppear {
            autoLock = String(view.autoLockMinutes)
            crisisLine = view.crisisLine
            emergencyNumber = view.emergencyNumber
            reminder = view.checkInReminder ?? ""
        }
    }

    /// The core's `HH:MM` as a time today (20:00 when none is set), and back.
    private static func time(_ text: String) -> Date {
        let parts = text.split(separator: ":").compactMap { Int($0) }
        let (hour, minute) = parts.count == 2 ? (parts[0], parts[1]) : (20, 0)
        return Calendar.current.date(bySettingHour: hour, minute: minute, second: 0, of: Date()) ?? Date()
    }

    private static func text(_ date: Date) -> String {
        let parts = Calendar.current.dateComponents([.hour, .minute], from: date)
        return String(format: "%02d:%02d", parts.hour ?? 0, parts.minute ?? 0)
    }
}
