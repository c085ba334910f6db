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
            // No items yet: what the screen is for, in one sentence.
            if let empty = view.empty { Text(empty) }
            Section {
                Picker(words.kind, selection: $kind) {
                    ForEach(view.kinds.indices, id: \.self) { Text(view.kinds[$0].label).tag($0) }
                }
                TextField(view.nameLabel, text: $name).field("trigger-name")
                Button(view.addTriggerLabel) { core.send(.triggers(.addTrigger(category: view.kinds[kind].value, name: name))); name = "" }
                ForEach(view.triggers, id: \.id) { TriggerRow(trigger: $0, view: view, words: words) }
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
                ForEach(view.strategies, id: \.id) { StrategyRow(item: $0, view: view, words: words) }
            }
            if !view.suggestions.isEmpty {
                Section(view.suggestionsHeading) {
                    ForEach(view.suggestions, id: \.value) { suggestion in
                        HStack {
                            Text(suggestion.label)
                            Spacer()
                            Button(view.keepLabel) { core.send(.triggers(.keepSuggestion(idea: suggestion.value, triggers: []))) }
                            Button(view.dismissLabel) { core.send(.triggers(.dismissSuggestion(suggestion.value))) }
                        }
                        .buttonStyle(.borderless)
                    }
                }
            }
        }
    }
}

private struct TriggerRow: View {
    @Environment(Core.self) private var core
    let trigger: TriggerItem
    let view: TriggersView
    let words: FormWords
    @State private var editing = false
    @State private var kind = 0
    @State private var name = ""

    var body: some View {
        VStack(alignment: .leading) {
            if editing {
                Picker(words.kind, selection: $kind) {
                    ForEach(view.kinds.indices, id: \.self) { Text(view.kinds[$0].label).tag($0) }
                }
                TextField(view.nameLabel, text: $name).field("trigger-edit-name")
                SaveOrCancel(words: words, cancel: { editing = false }) {
                    core.send(.triggers(.editTrigger(trigger: trigger.id, category: view.kinds[kind].value, name: name)))
                }
            } else {
                Text("\(trigger.name) · \(trigger.kindLabel)")
                ItemActions(name: trigger.name, words: words, edit: {
                    kind = view.kinds.firstIndex { $0.value == trigger.kind } ?? 0
                    name = trigger.name
                    editing = true
                }) { core.send(.triggers(.removeTrigger(trigger.id))) }
            }
            ForEach(trigger.insight, id: \.strategy) { Text("\($0.strategy): \($0.evidence)").font(.footnote) }
        }
        // Closes once the core has saved the trigger; a refused edit stays open.
        .onChange(of: [trigger.name, trigger.kindLabel]) { _, _ in editing = false }
    }
}

/// A strategy: rename it, link it to triggers (saved at each toggle), delete it.
private struct StrategyRow: View {
    @Environment(Core.self) private var core
    let item: StrategyItem
    let view: TriggersView
    let words: FormWords
    @State private var editing = false
    @State private var name = ""

    var body: some View {
        VStack(alignment: .leading) {
            if editing {
                TextField(view.nameLabel, text: $name).field("strategy-edit-name")
                ForEach(view.triggers, id: \.id) { trigger in
                    Toggle("\(words.helpsWith): \(trigger.name)", isOn: Binding(
                        get: { item.triggers.contains(trigger.id) },
                        set: { core.send(.triggers(.link(strategy: item.id, trigger: trigger.id, linked: $0))) }
                    ))
                }
                SaveOrCancel(words: words, cancel: { editing = false }) {
                    core.send(.triggers(.editStrategy(strategy: item.id, name: name)))
                }
            } else {
                Text(item.name)
                ItemActions(name: item.name, words: words, edit: {
                    name = item.name
                    editing = true
                }) { core.send(.triggers(.removeStrategy(item.id))) }
            }
        }
        // Closes once the core has saved the name (a tick saves at once and
        // keeps the editor open); a refused name stays open.
        .onChange(of: item.name) { _, _ in editing = false }
    }
}
