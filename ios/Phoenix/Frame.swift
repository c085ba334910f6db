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
                StatusLine(status: view.status)
                // A problem the core tied to a field shows at that field instead.
                if let problem = view.problem, view.problemField == nil {
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
                    .environment(\.fieldProblem, FieldProblem(field: view.problemField, text: view.problem))
                    // The participant's language, for VoiceOver and formatting.
                    .environment(\.locale, Locale(identifier: view.language == .spanish ? "es" : "en"))
            }
            .navigationTitle(view.screenTitle)
            .navigationBarTitleDisplayMode(.inline)
        }
        // What the specialist will see, while the core holds an item to
        // share; swiping it away cancels, as Cancel does.
        .sheet(isPresented: Binding(
            get: { core.view.sharing?.preview != nil },
            set: { shown in if !shown, core.view.sharing?.preview != nil { core.send(.sharing(.cancel)) } }
        )) {
            if let preview = core.view.sharing?.preview { SharePreviewSheet(preview: preview).environment(core) }
        }
    }
}

/// The last save's confirmation, shown and announced by VoiceOver.
private struct StatusLine: View {
    let status: String?

    var body: some View {
        Group {
            if let status { Text(status).padding(.horizontal) }
        }
        .onChange(of: status) { _, now in
            if let now { AccessibilityNotification.Announcement(now).post() }
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
            // Unlocked, through the core (it shows the number if the phone
            // cannot call); locked, where the core takes no events, directly.
            if !view.navigation.isEmpty {
                Button(view.help.crisisLabel) { core.send(.contact(.callCrisisLine)) }
            } else if let call = URL(string: view.help.crisisCallUrl) {
                Link(view.help.crisisLabel, destination: call)
            }
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
        case .starting: ProgressView(view.title)
        case .firstRun(let screen): FirstRunScreen(view: screen, busy: busy)
        case .locked(let screen): LockScreen(view: screen, words: words, busy: busy)
        case .today(let screen): TodayScreen(view: screen, words: words)
        case .goals(let screen): GoalsScreen(view: screen, words: words)
        case .triggers(let screen): TriggersScreen(view: screen, words: words)
        case .triggered(let screen): TriggeredScreen(view: screen, words: words)
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

/// The problem the core tied to a field: its name (`ViewModel.problemField`) and message.
struct FieldProblem: Equatable, Sendable {
    let field: String?
    let text: String?
}

private struct FieldProblemKey: EnvironmentKey {
    static let defaultValue = FieldProblem(field: nil, text: nil)
}

extension EnvironmentValues {
    var fieldProblem: FieldProblem {
        get { self[FieldProblemKey.self] }
        set { self[FieldProblemKey.self] = newValue }
    }
}

/// When the core ties its problem to this field (by the core's field name),
/// the message shows under it, VoiceOver announces it, and focus moves here.
private struct ProblemAtField: ViewModifier {
    let field: String
    @Environment(\.fieldProblem) private var problem
    @FocusState private var focused: Bool

    func body(content: Content) -> some View {
        let message = problem.field == field ? problem.text : nil
        VStack(alignment: .leading) {
            content.focused($focused)
            if let message {
                Text(message).font(.footnote).foregroundStyle(.red)
            }
        }
        .onChange(of: message) { _, now in
            guard let now else { return }
            focused = true
            AccessibilityNotification.Announcement(now).post()
        }
    }
}

extension View {
    /// Tags this input with the core's name for it (see `app/field.rs`).
    func field(_ name: String) -> some View { modifier(ProblemAtField(field: name)) }
}

/// A large button for a link the core offers (a call, a text): opened
/// through the core, which shows the number if the phone cannot open it.
struct BigLinkButton: View {
    @Environment(Core.self) private var core
    let link: LinkItem

    var body: some View {
        Button {
            core.send(.contact(.openLink(link.url)))
        } label: {
            Text(link.label).font(.headline).frame(maxWidth: .infinity, minHeight: 44)
        }
        .buttonStyle(.borderedProminent)
    }
}
