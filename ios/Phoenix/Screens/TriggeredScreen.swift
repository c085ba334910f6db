import SharedTypes
import SwiftUI

/// "I'm triggered": what set it off, how strong, what helps, how strong now.
struct TriggeredScreen: View {
    @Environment(Core.self) private var core
    let view: TriggeredView
    let words: FormWords
    let help: HelpActions
    @State private var halt = [false, false, false, false]
    @State private var craving = 5

    var body: some View {
        Form {
            Section {
                Text(view.prompt)
                switch view.step {
                case .chooseTrigger:
                    ForEach(view.triggers, id: \.value) { trigger in
                        Button(trigger.label) { core.send(.triggered(.chooseTrigger(trigger.value))) }
                    }
                    ForEach(view.halt.indices, id: \.self) { index in
                        Toggle(view.halt[index].label, isOn: $halt[index])
                    }
                    Button(words.next) { core.send(.triggered(.halt(Halt(hungry: halt[0], angry: halt[1], lonely: halt[2], tired: halt[3])))) }
                case .rateBefore:
                    ScaleField(label: view.cravingLabel, hint: words.cravingScale, value: $craving, range: 0...10)
                    Button(words.next) { core.send(.triggered(.rateBefore(UInt8(craving)))) }
                case .cope:
                    ForEach(view.strategies, id: \.id) { strategy in
                        Toggle("\(strategy.name) — \(strategy.evidence)", isOn: Binding(
                            get: { strategy.tried },
                            set: { core.send(.triggered(.tried(strategy: strategy.id, tried: $0))) }
                        ))
                    }
                    ScaleField(label: view.cravingLabel, hint: words.cravingScale, value: $craving, range: 0...10)
                    Button(view.doneLabel) { core.send(.triggered(.rateAfter(UInt8(craving)))) }
                case .done(let stillHigh):
                    if stillHigh {
                        if let message = view.stillHighMessage { Text(message) }
                        Button(help.contactPeer) { core.send(.navigate(.contact)) }
                        Button(view.safetyPlanLabel) { core.send(.navigate(.safetyPlan)) }
                    }
                }
                Button(view.step == .done(stillHigh: view.stillHigh) ? words.close : view.cancelLabel) { core.send(.triggered(.cancel)) }
            } header: { Text(view.heading).font(.title2).accessibilityAddTraits(.isHeader) }
        }
    }
}
