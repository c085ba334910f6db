import SharedTypes
import SwiftUI

struct GoalsScreen: View {
    @Environment(Core.self) private var core
    let view: GoalsView
    let words: FormWords
    @State private var title = ""
    @State private var dimension = 0
    @State private var why = ""
    @State private var target = ""

    var body: some View {
        Form {
            // No items yet: what the screen is for, in one sentence.
            if let empty = view.empty { Text(empty) }
            Section {
                TextField(view.titleLabel, text: $title).field("goal-title")
                Picker(words.dimension, selection: $dimension) {
                    ForEach(view.dimensions.indices, id: \.self) { Text(view.dimensions[$0].label).tag($0) }
                }
                TextField(view.whyLabel, text: $why, axis: .vertical)
                TextField("\(view.targetLabel). \(words.dateHint)", text: $target).field("goal-target")
                Button(view.addGoalLabel) {
                    core.send(.goals(.add(title: title, dimension: view.dimensions[dimension].value, why: why, target: target.orNil)))
                    title = ""; why = ""; target = ""
                }
            } header: { Text(view.heading).font(.title2).accessibilityAddTraits(.isHeader) }
            ForEach(view.goals, id: \.id) { GoalSection(goal: $0, view: view, words: words) }
            if !view.history.isEmpty {
                Section(view.historyHeading) {
                    ForEach(view.history, id: \.id) { Text("\($0.title) · \($0.statusLabel) · \($0.progressLabel)") }
                }
            }
        }
    }
}

private struct GoalSection: View {
    @Environment(Core.self) private var core
    let goal: GoalItem
    let view: GoalsView
    let words: FormWords
    @State private var step = ""
    @State private var due = ""
    @State private var editing = false

    var body: some View {
        Section(goal.title) {
            if editing {
                GoalEditor(goal: goal, view: view, words: words) { editing = false }
            } else {
                Text("\(goal.dimensionLabel) · \(goal.statusLabel)")
                if !goal.why.isEmpty { Text(goal.why) }
                ItemActions(name: goal.title, words: words, edit: { editing = true }) { core.send(.goals(.deleteGoal(goal.id))) }
                ShareButton(item: ShareItem.goal(goal.id), name: goal.title)
            }
            ProgressView(value: Double(goal.progress), total: 100).accessibilityLabel(goal.progressLabel)
            Text(goal.progressLabel)
            ForEach(goal.steps, id: \.id) { StepRow(item: $0, words: words) }
            TextField(words.step, text: $step).field("step-title")
            TextField("\(words.due). \(words.dateHint)", text: $due).field("step-due")
            Button(view.addStepLabel) { core.send(.goals(.addStep(goal: goal.id, title: step, due: due.orNil))); step = ""; due = "" }
        }
        // The editor closes when the core has saved the goal (its fields
        // change); a refused edit keeps it open with what was typed.
        .onChange(of: [goal.title, goal.dimensionLabel, goal.why, goal.targetDate ?? ""]) { _, _ in editing = false }
    }
}

/// The goal's own fields, as saved; Save sends them to the core, which checks them.
private struct GoalEditor: View {
    @Environment(Core.self) private var core
    let goal: GoalItem
    let view: GoalsView
    let words: FormWords
    let close: () -> Void
    @State private var title = ""
    @State private var dimension = 0
    @State private var why = ""
    @State private var target = ""

    var body: some View {
        TextField(view.titleLabel, text: $title).field("goal-edit-title")
        Picker(words.dimension, selection: $dimension) {
            ForEach(view.dimensions.indices, id: \.self) { Text(view.dimensions[$0].label).tag($0) }
        }
        TextField(view.whyLabel, text: $why, axis: .vertical)
        TextField("\(view.targetLabel). \(words.dateHint)", text: $target).field("goal-edit-target")
        SaveOrCancel(words: words, cancel: close) {
            core.send(.goals(.edit(goal: goal.id, title: title, dimension: view.dimensions[dimension].value, why: why, target: target.orNil)))
        }
        .onAppear {
            title = goal.title
            dimension = view.dimensions.firstIndex { $0.value == goal.dimension } ?? 0
            why = goal.why
            target = goal.targetDate ?? ""
        }
    }
}

private struct StepRow: View {
    @Environment(Core.self) private var core
    let item: StepItem
    let words: FormWords
    @State private var editing = false
    @State private var title = ""
    @State private var due = ""

    var body: some View {
        Group {
            if editing {
                TextField(words.step, text: $title).field("step-edit-title")
                TextField("\(words.due). \(words.dateHint)", text: $due).field("step-edit-due")
                SaveOrCancel(words: words, cancel: { editing = false }) {
                    core.send(.goals(.editStep(step: item.id, title: title, due: due.orNil)))
                }
            } else {
                Toggle(item.due.map { "\(item.title) (\($0))" } ?? item.title, isOn: Binding(
                    get: { item.done },
                    set: { core.send(.goals($0 ? .completeStep(item.id) : .reopenStep(item.id))) }
                ))
                ItemActions(name: item.title, words: words, edit: {
                    title = item.title
                    due = item.dueDate ?? ""
                    editing = true
                }) { core.send(.goals(.deleteStep(item.id))) }
            }
        }
        // Closes once the core has saved the step; a refused edit stays open.
        .onChange(of: [item.title, item.dueDate ?? ""]) { _, _ in editing = false }
    }
}
