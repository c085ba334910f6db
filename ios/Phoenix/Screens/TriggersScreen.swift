import SharedTypes
import SwiftUI

struct TriggersScreen: View {
    @Environment(Core.self) private var core
    let view: TriggersView
    let words: FormWords
    @State private var kind = 0
    @State private var name = ""
    @State private var strategy = ""
    @State private var helpsWith: Set<UInt64> = []

    var body: some View {
        Form {
            Section {
                Picker(words.kind, selection: $kind) {
                    ForEach(view.kinds.indices, id: \.self) { Text(view.kinds[$0].label).tag($0) }
                }
                TextField(view.nameLabel, text: $name).field("trigger-name")
                Button(view.addTriggerLabel) { core.send(.triggers(.addTrigger(category: view.kinds[kind].value, name: name))); name = "" }
                ForEach(view.triggers, id: \.id) { trigger in
                    VStack(alignment: .leading) {
                        Text("\(trigger.name) · \(trigger.kindLabel)")
                        ForEach(trigger.insight, id: \.strategy) { Text("\($0.strategy): \($0.evidence)").font(.footnote) }
                    }
                }
            } header: { Text(view.heading).font(.title2).accessibilityAddTraits(.isHeader) }
            Section(view.addStrategyLabel) {
                TextField(view.nameLabel, text: $strategy).field("strategy-name")
                ForEach(view.triggers, id: \.id) { trigger in
                    Toggle("\(words.helpsWith): \(trigger.name)", isOn: Binding(
                        get: { helpsWith.contains(trigger.id) },
                        set: { if $0 { helpsWith.insert(trigger.id) } else { helpsWith.remove(trigger.id) } }
                    ))
                }
                Button(view.addStrategyLabel) {
                    core.send(.triggers(.addStrategy(name: strategy, triggers: Array(helpsWith))))
                    strategy = ""; helpsWith = []
                }
                ForEach(view.strategies, id: \.id) { Text($0.name) }
            }
            if !view.suggestions.isEmpty {
                Section(view.suggestionsHeading) {
                    ForEach(view.suggestions, id: \.value) { suggestion in
                        HStack {
                            Text(suggestion.label)
                            Spacer()
                            Button(view.keepLabel) { core.send(.triggers(.addStrategy(name: suggestion.label, triggers: []))) }
                            Button(view.dismissLabel) { core.send(.triggers(.dismissSuggestion(suggestion.value))) }
                        }
                        .buttonStyle(.borderless)
                    }
                }
            }
        }
    }
}
