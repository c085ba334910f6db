import SwiftUI

@main
struct PhoenixApp: App {
    @State private var core = Core.onThisDevice()
    @Environment(\.scenePhase) private var phase

    var body: some Scene {
        WindowGroup {
            Frame()
                .environment(core)
                // The app switcher's snapshot is taken once the app is no
                // longer active: a neutral cover hides the participant's data.
                .coveredWhenInactive()
                // Coming back to the app: the core locks it if it sat idle too
                // long, and otherwise syncs secure messages itself.
                .onChange(of: phase) { _, now in
                    if now == .active { core.send(.resumed) }
                }
        }
        // While closed and locked: the relay asked with the waiting key only.
        .backgroundTask(.appRefresh(BackgroundMessageCheck.task)) {
            await BackgroundMessageCheck.run()
        }
    }
}

extension View {
    /// A neutral cover while the app is inactive or in the background, so
    /// the app switcher's snapshot shows nothing. A sheet is presented
    /// above the window's root, so it needs its own.
    func coveredWhenInactive() -> some View { modifier(InactiveCover()) }
}

private struct InactiveCover: ViewModifier {
    @Environment(\.scenePhase) private var phase

    func body(content: Content) -> some View {
        content.overlay { if phase != .active { PrivacyCover() } }
    }
}

/// A plain screen, no words and no data, shown while the app is inactive or in the background.
private struct PrivacyCover: View {
    var body: some View {
        Rectangle()
            .fill(.background)
            .ignoresSafeArea()
            .accessibilityHidden(true)
    }
}
