import SharedTypes
import SwiftUI

struct FirstRunScreen: View {
    @Environment(Core.self) private var core
    let view: FirstRunView
    let busy: Bool
    @State private var passcode = ""
    @State private var again = ""

    var body: some View {
        Form {
            Section {
                Text(view.intro)
                SecureField(view.passcodeLabel, text: $passcode).field("passcode")
                SecureField(view.confirmationLabel, text: $again).field("passcode-confirmation")
                Button(view.submitLabel) {
                    core.send(.setPasscode(passcode: passcode, confirmation: again))
                    passcode = ""; again = ""
                }
                .disabled(busy)
            } header: { Text(view.heading).font(.title2).accessibilityAddTraits(.isHeader) }
        }
    }
}

struct LockScreen: View {
    @Environment(Core.self) private var core
    let view: LockView
    let words: FormWords
    let busy: Bool
    @State private var passcode = ""

    var body: some View {
        Form {
            Section {
                SecureField(view.passcodeLabel, text: $passcode)
                Button(view.unlockLabel) { core.send(.unlock(passcode: passcode)); passcode = "" }
                    .disabled(busy || passcode.isEmpty)
                if PlatformKey.usable() { Button(view.biometricsLabel) { core.send(.unlockWithBiometrics) }.disabled(busy) }
                if let message = view.throttleMessage { Text(message).foregroundStyle(.red) }
            } header: { Text(view.heading).font(.title2).accessibilityAddTraits(.isHeader) }
            Section { EraseEverything(label: view.eraseLabel, words: words) }
        }
    }
}

/// Erase, behind a second, explicit confirmation.
struct EraseEverything: View {
    @Environment(Core.self) private var core
    let label: String
    let words: FormWords
    @State private var confirming = false

    var body: some View {
        Button(label, role: .destructive) { confirming = true }
            .confirmationDialog(words.eraseWarning, isPresented: $confirming, titleVisibility: .visible) {
                Button(words.eraseConfirm, role: .destructive) { core.send(.eraseEverything) }
                Button(words.cancel, role: .cancel) {}
            }
    }
}
