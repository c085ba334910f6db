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

    var body: some View {
        Section(goal.title) {
            Text(([goal.dimensionLabel, goal.statusLabel] + (goal.target.map { [$0] } ?? [])).joined(separator: " · "))
            if !goal.why.isEmpty { Text(goal.why) }
            ProgressView(value: Double(goal.progress), total: 100).accessibilityLabel(goal.progressLabel)
            Text(goal.progressLabel)
            ForEach(goal.steps, id: \.id) { item in
                Toggle(item.due.map { "\(item.title) (\($0))" } ?? item.title, isOn: Binding(
                    get: { item.done },
                    set: { core.send(.goals($0 ? .completeStep(item.id) : .reopenStep(item.id))) }
                ))
            }
            TextField(words.step, text: $step).field("step-title")
            TextField("\(words.due). \(words.dateHint)", text: $due).field("step-due")
            Button(view.addStepLabel) { core.send(.goals(.addStep(goal: goal.id, title: step, due: due.orNil))); step = ""; due = "" }
        }
    }
}
