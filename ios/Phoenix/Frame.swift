import SharedTypes
import SwiftUI

/// The help actions, navigation and problem around every screen; every word is the core's.
struct Frame: View {
    @Environment(Core.self) private var core

    var body: some View {
        let view = core.view
        NavigationStack {
            VStack(alignment: .leading, spacing: 8) {
                HelpBar(view: view)
                if !view.navigation.isEmpty { Navigation(items: view.navigation) }
                if let problem = view.problem {
                    HStack {
                        Text(problem).foregroundStyle(.red)
                        Spacer()
                        if !view.navigation.isEmpty { Button(view.words.close) { core.send(.dismissProblem) } }
                    }
                    .padding(.horizontal)
                    .accessibilityElement(children: .combine)
                }
                if let undo = view.undo {
                    // After a delete: one Undo, until the next action or navigation.
                    HStack {
                        Text(undo.message)
                        Spacer()
                        Button(undo.label) { core.send(.undo) }
                    }
                    .padding(.horizontal)
                }
                ScreenSwitch(view: view, busy: core.busy || view.busy)
            }
            .navigationTitle(view.title)
            .navigationBarTitleDisplayMode(.inline)
        }
    }
}

private struct HelpBar: View {
    @Environment(Core.self) private var core
    let view: ViewModel

    var body: some View {
        HStack {
            if !view.navigation.isEmpty {
                Button(view.help.imTriggered) { core.send(.triggered(.start)) }.buttonStyle(.borderedProminent).tint(.red)
                Button(view.help.contactPeer) { core.send(.navigate(.contact)) }.buttonStyle(.bordered)
            }
            if let call = URL(string: view.help.crisisCallUrl) { Link(view.help.crisisLabel, destination: call) }
        }
        .padding(.horizontal)
    }
}

private struct Navigation: View {
    @Environment(Core.self) private var core
    let items: [NavigationItem]

    var body: some View {
        ScrollView(.horizontal, showsIndicators: false) {
            HStack {
                ForEach(items, id: \.label) { item in
                    Button(item.label) { core.send(.navigate(item.screen)) }
                        .fontWeight(item.current ? .bold : .regular)
                        .accessibilityAddTraits(item.current ? .isSelected : [])
                }
            }
            .padding(.horizontal)
        }
    }
}

private struct ScreenSwitch: View {
    let view: ViewModel
    let busy: Bool

    var body: some View {
        let words = view.words
        switch view.screen {
        case .starting: ProgressView()
        case .firstRun(let screen): FirstRunScreen(view: screen, busy: busy)
        case .locked(let screen): LockScreen(view: screen, words: words, busy: busy)
        case .today(let screen): TodayScreen(view: screen, words: words)
        case .goals(let screen): GoalsScreen(view: screen, words: words)
        case .triggers(let screen): TriggersScreen(view: screen, words: words)
        case .triggered(let screen): TriggeredScreen(view: screen, words: words, help: view.help)
        case .checkIn(let screen): CheckInScreen(view: screen, words: words)
        case .trends(let screen): TrendsScreen(view: screen, words: words)
        case .aftercare(let screen): AftercareScreen(view: screen, words: words)
        case .safetyPlan(let screen): SafetyPlanScreen(view: screen, words: words, help: view.help)
        case .contact(let screen): ContactScreen(view: screen, words: words, help: view.help)
        case .settings(let screen): SettingsScreen(view: screen, words: words)
        }
    }
}

/// A 0...max scale that reads out its label and value.
struct ScaleField: View {
    let label: String
    let hint: String
    @Binding var value: Int
    let range: ClosedRange<Int>

    var body: some View {
        VStack(alignment: .leading) {
            Text("\(label): \(value)")
            Slider(value: Binding(get: { Double(value) }, set: { value = Int($0.rounded()) }),
                   in: Double(range.lowerBound)...Double(range.upperBound), step: 1)
                .accessibilityLabel(label)
                .accessibilityHint(hint)
        }
    }
}

/// Lines of a text editor as a list, and back.
extension Array where Element == String {
    var asLines: String { joined(separator: "\n") }
}

extension String {
    var asList: [String] { components(separatedBy: "\n") }
    var orNil: String? { trimmingCharacters(in: .whitespaces).isEmpty ? nil : trimmingCharacters(in: .whitespaces) }
}
