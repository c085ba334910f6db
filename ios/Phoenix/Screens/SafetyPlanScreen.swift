import SharedTypes
import SwiftUI

/// The Stanley–Brown safety plan: six steps and reasons for living.
struct SafetyPlanScreen: View {
    @Environment(Core.self) private var core
    let view: SafetyPlanView
    let words: FormWords
    let help: HelpActions
    @State private var lists = Array(repeating: "", count: 5)
    @State private var people: [Person] = []
    @State private var professionals: [Person] = []

    var body: some View {
        let headings = view.stepHeadings
        Form {
            Section {
                if let call = URL(string: help.crisisCallUrl) { Link(view.callCrisisLabel, destination: call) }
                if let text = URL(string: help.crisisTextUrl) { Link(view.textCrisisLabel, destination: text) }
                Text(view.useNow.overdose.message)
                if let call = URL(string: view.useNow.overdose.call.url) { Link(view.useNow.overdose.call.label, destination: call) }
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
                Button(view.saveLabel) {
                    core.send(.safetyPlan(SafetyPlan(
                        warningSigns: lists[0].asList, internalCoping: lists[1].asList, distractions: lists[2].asList,
                        peopleToAsk: people, professionals: professionals,
                        safeEnvironment: lists[3].asList, reasonsForLiving: lists[4].asList
                    )))
                }
            }
        }
        .onAppear {
            let plan = view.plan
            lists = [plan.warningSigns, plan.internalCoping, plan.distractions, plan.safeEnvironment, plan.reasonsForLiving].map(\.asLines)
            people = plan.peopleToAsk
            professionals = plan.professionals
        }
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
