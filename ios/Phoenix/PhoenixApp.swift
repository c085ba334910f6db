import SwiftUI

@main
struct PhoenixApp: App {
    @State private var core = Core.onThisDevice()
    @Environment(\.scenePhase) private var phase

    var body: some Scene {
        WindowGroup {
            Frame()
                .environment(core)
                // Coming back to the app: the core locks it if it sat idle too long.
                .onChange(of: phase) { _, now in
                    if now == .active {
                        core.send(.resumed)
                        core.background(.sync)
                    }
                }
        }
    }
}
