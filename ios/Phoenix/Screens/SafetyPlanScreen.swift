import SharedTypes
import SwiftUI

/// The Stanley–Brown safety plan: read to use now first (people as large
/// call buttons, the crisis line, reasons for living); editing is separate
/// and saves as you go.
struct SafetyPlanScreen: View {
    let view: SafetyPlanView
    let words: FormWords
    let help: HelpActions
    @State private var editing: Bool?

    var body: some View {
        if editing ?? (view.useNow.emptyMessage != nil) {
            SafetyPlanEditor(view: view, words: words) { editing = false }
        } else {
            UseNowView(view: view) { editing = true }
        }
    }
}

private struct UseNowView: View {
    let view: SafetyPlanView
    let onEdit: () -> Void

    var body: some View {
        let useNow = view.useNow
        Form {
            Section {
                ForEach(useNow.people + useNow.crisis, id: \.url) { BigLinkButton(link: $0) }
            } header: { Text(view.heading).font(.title2).accessibilityAddTraits(.isHeader) }
            if !useNow.reasons.isEmpty {
                Section(useNow.reasonsHeading) { ForEach(useNow.reasons, id: \.self) { Text($0) } }
            }
            ForEach(useNow.steps, id: \.heading) { step in
                Section(step.heading) { ForEach(step.items, id: \.self) { Text($0) } }
            }
            Section {
                Text(useNow.overdose.message)
                BigLinkButton(link: useNow.overdose.call)
            }
            Section {
                Button(useNow.editLabel, action: onEdit)
                ShareButton(item: ShareItem.safetyPlan)
            }
        }
    }
}

/// Editing: nothing typed is lost. The plan saves with Save, with Done, and
/// when the screen goes away with changes unsaved (navigation, I'm
/// triggered); every save is confirmed by the core's status message.
private struct SafetyPlanEditor: View {
    @Environment(Core.self) private var core
    let view: SafetyPlanView
    let words: FormWords
    let onDone: () -> Void
    @State private var lists = Array(repeating: "", count: 5)
    @State private var people: [Person] = []
    @State private var professionals: [Person] = []
    @State private var sent: SafetyPlan?

    private var typed: SafetyPlan {
        SafetyPlan(
            warningSigns: lists[0].asList, internalCoping: lists[1].asList, distractions: lists[2].asList,
            peopleToAsk: people, professionals: professionals,
            safeEnvironment: lists[3].asList, reasonsForLiving: lists[4].asList
        )
    }

    private func save() {
        sent = typed
        core.send(.safetyPlan(typed))
    }

    var body: some View {
        let headings = view.stepHeadings
        Form {
            Section {
                if let empty = view.useNow.emptyMessage { Text(empty) }
            } header: { Text(view.heading).font(.title2).accessibilityAddTraits(.isHeader) }
            Section(headings[0]) { TextField(headings[0], text: $lists[0], axis: .vertical) }
            Section(headings[1]) { TextField(headings[1], text: $lists[1], axis: .vertical) }
            Section(headings[2]) { TextField(headings[2], text: $lists[2], axis: .vertical) }
            PeopleSection(title: headings[3], people: $people, saved: view.plan.peopleToAsk, calls: view.peopleToAskCalls, words: words)
            PeopleSection(title: headings[4], people: $professionals, saved: view.plan.professionals, calls: view.professionalsCalls, words: words)
            Section(headings[5]) { TextField(headings[5], text: $lists[3], axis: .vertical) }
            Section(headings[6]) { TextField(headings[6], text: $lists[4], axis: .vertical) }
            Section {
                Text(words.onePerLine).font(.footnote)
                Button(view.saveLabel) { save() }
                Button(view.useNow.doneEditingLabel) {
                    if typed != sent { save() }
                    onDone()
                }
            }
        }
        .onAppear {
            let plan = view.plan
            lists = [plan.warningSigns, plan.internalCoping, plan.distractions, plan.safeEnvironment, plan.reasonsForLiving].map(\.asLines)
            people = plan.peopleToAsk
            professionals = plan.professionals
            sent = typed
        }
        // Leaving with changes unsaved saves them.
        .onDisappear { if typed != sent { save() } }
    }
}

/// Rows of name and phone; a saved person with a number to dial gets a call
/// button (the core's open-url effect).
private struct PeopleSection: View {
    @Environment(Core.self) private var core
    let title: String
    @Binding var people: [Person]
    let saved: [Person]
    let calls: [String?]
    let words: FormWords

    var body: some View {
        Section(title) {
            ForEach(people.indices, id: \.self) { index in
                TextField(words.name, text: $people[index].name)
                TextField(words.phone, text: $people[index].phone).keyboardType(.phonePad)
                if index < calls.count, calls[index] != nil {
                    let number = saved[index].phone
                    Button(number) { core.send(.contact(.callNumber(number))) }
                }
            }
            Button("\(words.add): \(title)") { people.append(Person(name: "", phone: "")) }
        }
    }
}
