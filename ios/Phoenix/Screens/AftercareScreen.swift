import SharedTypes
import SwiftUI

struct AftercareScreen: View {
    @Environment(Core.self) private var core
    let view: AftercareView
    let words: FormWords
    @State private var contactName = ""
    @State private var relationship = ""
    @State private var contactPhone = ""
    @State private var category = 0
    @State private var organization = ""
    @State private var referralPhone = ""
    @State private var status = 0
    @State private var documentKind = 0
    @State private var documentName = ""
    @State private var title = ""
    @State private var at = Date()
    @State private var place = ""
    @State private var meeting = ""
    @State private var day = 0
    @State private var time = ""
    @State private var warningSigns = ""
    @State private var reEngagement = ""

    private func send(_ event: AftercareEvent) { core.send(.aftercare(event)) }

    private func remove(_ id: UInt64, _ name: String) -> some View {
        Button(words.remove, role: .destructive) { send(.remove(id)) }.accessibilityLabel("\(words.remove): \(name)")
    }

    var body: some View {
        Form {
            Section {
                Button(view.exportDocumentLabel) { core.send(.exportPlan) }
                Button(view.exportCalendarLabel) { core.send(.exportCalendar) }
            } header: { Text(view.heading).font(.title2).accessibilityAddTraits(.isHeader) }
            Section(view.contactsHeading) {
                ForEach(view.contacts, id: \.id) { item in
                    HStack {
                        Text("\(item.contact.name) (\(item.contact.relationship))")
                        // One tap to call, through the core's open-url effect, when the number has digits.
                        if item.callUrl != nil {
                            Button(item.contact.phone) { core.send(.contact(.callNumber(item.contact.phone))) }
                        } else {
                            Text(item.contact.phone)
                        }
                        Spacer(); remove(item.id, item.contact.name)
                    }
                }
                TextField(words.name, text: $contactName)
                TextField(words.relationship, text: $relationship)
                TextField(words.phone, text: $contactPhone).keyboardType(.phonePad)
                Button(words.addContact) {
                    send(.saveContact(id: nil, contact: SupportContact(name: contactName, relationship: relationship, phone: contactPhone)))
                    contactName = ""; relationship = ""; contactPhone = ""
                }
            }
            Section(view.referralsHeading) {
                ForEach(view.referrals, id: \.id) { item in
                    HStack {
                        Text("\(item.organization) · \(item.categoryLabel) · \(item.statusLabel)")
                        if item.callUrl != nil { Button(item.contact) { core.send(.contact(.callNumber(item.contact))) } }
                        Spacer(); remove(item.id, item.organization)
                    }
                }
                Picker(words.category, selection: $category) { ForEach(view.categories.indices, id: \.self) { Text(view.categories[$0].label).tag($0) } }
                TextField(words.organization, text: $organization)
                TextField(words.phone, text: $referralPhone).keyboardType(.phonePad)
                Picker(words.status, selection: $status) { ForEach(view.referralStatuses.indices, id: \.self) { Text(view.referralStatuses[$0].label).tag($0) } }
                Button(words.addReferral) {
                    send(.saveReferral(id: nil, referral: Referral(category: view.categories[category].value, organization: organization, contact: referralPhone, address: "", hours: "", status: view.referralStatuses[status].value, notes: "")))
                    organization = ""; referralPhone = ""
                }
            }
            Section(view.documentsHeading) {
                ForEach(view.documents, id: \.id) { item in
                    HStack { Text("\(item.name) · \(item.statusLabel)"); Spacer(); remove(item.id, item.name) }
                    if !item.waitingFor.isEmpty { Text(item.waitingFor.joined(separator: ", ")).font(.footnote) }
                    // What to get first (a birth certificate before a social security card); the core refuses a circle.
                    ForEach(view.documents.filter { $0.id != item.id }, id: \.id) { other in
                        Toggle("\(view.needsFirstLabel): \(other.name)", isOn: Binding(
                            get: { item.needsFirst.contains(other.id) },
                            set: { on in
                                let first = on ? item.needsFirst + [other.id] : item.needsFirst.filter { $0 != other.id }
                                let name = item.kind == .other ? item.name : ""
                                send(.saveDocument(id: item.id, document: Document(kind: item.kind, name: name, status: item.status, needsFirst: first)))
                            }
                        ))
                    }
                }
                Picker(words.document, selection: $documentKind) { ForEach(view.documentKinds.indices, id: \.self) { Text(view.documentKinds[$0].label).tag($0) } }
                if view.documentKinds[documentKind].value == .other { TextField(words.name, text: $documentName) }
                Button(words.addDocument) {
                    send(.saveDocument(id: nil, document: Document(kind: view.documentKinds[documentKind].value, name: documentName, status: view.documentStatuses[0].value, needsFirst: [])))
                    documentName = ""
                }
            }
            Section(view.appointmentsHeading) {
                ForEach(view.appointments, id: \.id) { item in
                    HStack { Text("\(item.title) · \(item.at) · \(item.place)"); Spacer(); remove(item.id, item.title) }
                }
                TextField(words.title, text: $title)
                DatePicker(words.dateTime, selection: $at)
                TextField(words.place, text: $place)
                Button(words.addAppointment) {
                    send(.saveAppointment(id: nil, appointment: AppointmentForm(title: title, at: Self.localDateTime(at), place: place, remindMinutesBefore: view.defaultRemindMinutes)))
                    title = ""; place = ""
                }
            }
            Section(view.meetingsHeading) {
                ForEach(view.meetings, id: \.id) { item in
                    HStack { Text("\(item.name) · \(item.dayAndTime) · \(item.place)"); Spacer(); remove(item.id, item.name) }
                }
                TextField(words.name, text: $meeting)
                Picker(words.day, selection: $day) { ForEach(words.days.indices, id: \.self) { Text(words.days[$0].label).tag($0) } }
                TextField("\(words.time) (HH:MM)", text: $time)
                Button(words.addMeeting) {
                    send(.saveMeeting(id: nil, meeting: MeetingForm(name: meeting, weekday: words.days[day].value, time: time, place: "")))
                    meeting = ""; time = ""
                }
            }
            Section {
                TextField(view.warningSignsHeading, text: $warningSigns, axis: .vertical)
                TextField(view.reEngagementHeading, text: $reEngagement, axis: .vertical)
                Text(words.onePerLine).font(.footnote)
                Button(view.saveLabel) { send(.setPlan(AftercarePlan(warningSigns: warningSigns.asList, reEngagement: reEngagement.asList))) }
            }
            .onAppear {
                warningSigns = view.plan.warningSigns.asLines
                reEngagement = view.plan.reEngagement.asLines
            }
        }
    }

    /// The core's form text: local `YYYY-MM-DDTHH:MM`.
    private static func localDateTime(_ date: Date) -> String {
        let format = DateFormatter()
        format.locale = Locale(identifier: "en_US_POSIX")
        format.dateFormat = "yyyy-MM-dd'T'HH:mm"
        return format.string(from: date)
    }
}
