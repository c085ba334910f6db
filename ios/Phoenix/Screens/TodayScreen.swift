import SharedTypes
import SwiftUI

struct TodayScreen: View {
    @Environment(Core.self) private var core
    let view: TodayView
    let words: FormWords
    @State private var date = ""
    @State private var lapseDate = ""
    @State private var lapseContext = ""
    /// The lapse form closes once the core confirms the lapse.
    @State private var lapseOpen = false

    var body: some View {
        Form {
            // After a lapse: something kind, the total days, people within reach.
            if let response = view.lapseResponse {
                Section {
                    Text(response.message).font(.headline)
                    if let total = response.totalDays { Text(total).font(.title3.bold()) }
                    Button(response.contactPeerLabel) { core.send(.navigate(.contact)) }.buttonStyle(.borderedProminent)
                    Button(response.safetyPlanLabel) { core.send(.navigate(.safetyPlan)) }.buttonStyle(.borderedProminent)
                }
            }
            Section {
                if let prompt = view.checkInPrompt {
                    Text(prompt)
                    Button(view.checkInLabel) { core.send(.navigate(.checkIn)) }
                }
                if let prompt = view.recoveryCapitalPrompt {
                    Text(prompt)
                    Button(view.checkInLabel) { core.send(.navigate(.checkIn)) }
                }
            } header: { Text(view.heading).font(.title2).accessibilityAddTraits(.isHeader) }
            Section {
                if let recovery = view.recovery {
                    Text(recovery.daysLabel).font(.title3.bold())
                    Text(recovery.totalLabel)
                    Text(recovery.longestLabel)
                    if let reached = recovery.milestoneReached { Text(reached).bold() }
                    if let next = recovery.nextMilestone { Text(next) }
                    // Changing the date: the same rules as the first one; lapses stay.
                    DisclosureGroup(view.changeRecoveryDateLabel) {
                        TextField("\(view.recoveryDateLabel). \(words.dateHint)", text: $date)
                        Button(words.save) { core.send(.setRecoveryDate(date)) }
                    }
                    .onAppear { if date.isEmpty { date = view.recoveryDate ?? "" } }
                    DisclosureGroup(view.recordLapseLabel, isExpanded: $lapseOpen) {
                        TextField("\(words.lapseDate). \(words.dateHint)", text: $lapseDate).field("lapse-date")
                        TextField(words.lapseContext, text: $lapseContext)
                        Button(words.save) { core.send(.recordLapse(date: lapseDate, context: lapseContext)); lapseContext = "" }
                    }
                    Text(view.overdose.message)
                    BigLinkButton(link: view.overdose.call)
                } else {
                    TextField("\(view.recoveryDateLabel). \(words.dateHint)", text: $date).field("recovery-date")
                    Button(words.save) { core.send(.setRecoveryDate(date)) }
                }
            }
            if !view.stepsDue.isEmpty {
                Section(view.stepsDueHeading) {
                    ForEach(view.stepsDue, id: \.id) { step in
                        Toggle("\(step.title) (\(step.goalTitle))", isOn: Binding(
                            get: { step.done },
                            set: { core.send(.goals($0 ? .completeStep(step.id) : .reopenStep(step.id))) }
                        ))
                    }
                }
            }
            if !view.appointments.isEmpty {
                Section(view.appointmentsHeading) {
                    ForEach(view.appointments, id: \.id) { Text("\($0.title) · \($0.at) · \($0.place)") }
                }
            }
        }
        .onChange(of: view.lapseResponse) { _, response in if response != nil { lapseOpen = false } }
    }
}
