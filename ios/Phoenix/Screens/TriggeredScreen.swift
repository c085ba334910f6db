import SharedTypes
import SwiftUI

/// "I'm triggered": what set it off, how strong, what helps, how strong now.
struct TriggeredScreen: View {
    @Environment(Core.self) private var core
    let view: TriggeredView
    let words: FormWords
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
                    Text(view.haltLabel).font(.headline)
                    ForEach(view.halt.indices, id: \.self) { index in
                        Toggle(view.halt[index].label, isOn: $halt[index])
                    }
                    Button(words.next) { core.send(.triggered(.halt(Halt(hungry: halt[0], angry: halt[1], lonely: halt[2], tired: halt[3])))) }
                case .rateBefore:
                    ScaleField(label: view.cravingLabel, hint: words.cravingScale, value: $craving, range: 0...10)
                    Button(words.next) { core.send(.triggered(.rateBefore(UInt8(craving)))) }
                case .cope:
                    if let heading = view.ideasHeading {
                        Text(heading).font(.headline).accessibilityAddTraits(.isHeader)
                        ForEach(view.ideas, id: \.self) { Text("• \($0)") }
                    }
                    ForEach(view.strategies, id: \.id) { strategy in
                        Toggle("\(strategy.name) — \(strategy.evidence)", isOn: Binding(
                            get: { strategy.tried },
                            set: { core.send(.triggered(.tried(strategy: strategy.id, tried: $0))) }
                        ))
                    }
                    if let panel = view.reachOut { ReachOutPanel(panel: panel) }
                    ScaleField(label: view.cravingLabel, hint: words.cravingScale, value: $craving, range: 0...10)
                    Button(view.doneLabel) { core.send(.triggered(.rateAfter(UInt8(craving)))) }
                case .done:
                    if let message = view.stillHighMessage { Text(message) }
                    if let panel = view.reachOut { ReachOutPanel(panel: panel) }
                    if let tryAnother = view.tryAnotherLabel {
                        Button(tryAnother) { core.send(.triggered(.tryAnother)) }
                    }
                }
                Button(isDone ? words.close : view.cancelLabel) { core.send(.triggered(.cancel)) }
            } header: { Text(view.heading).font(.title2).accessibilityAddTraits(.isHeader) }
        }
        // The scale starts where the core says: the second rating at the first.
        .onAppear { craving = Int(view.ratingStart) }
        .onChange(of: view.step) { _, _ in craving = Int(view.ratingStart) }
    }

    private var isDone: Bool {
        if case .done = view.step { return true }
        return false
    }
}

/// People in one tap: the peer's call and text (the preferred way first),
/// the crisis line, then Contact my peer and the safety plan.
struct ReachOutPanel: View {
    @Environment(Core.self) private var core
    let panel: ReachOut

    var body: some View {
        ForEach(panel.peer + panel.crisis, id: \.url) { BigLinkButton(link: $0) }
        Button(panel.contactPeerLabel) { core.send(.navigate(.contact)) }.buttonStyle(.bordered)
        Button(panel.safetyPlanLabel) { core.send(.navigate(.safetyPlan)) }.buttonStyle(.bordered)
    }
}
