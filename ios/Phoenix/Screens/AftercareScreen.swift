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
    @State private var referralContact = ""
    @State private var address = ""
    @State private var hours = ""
    @State private var notes = ""
    @State private var status = 0
    @State private var documentStatus = 0
    @State private var documentKind = 0
    @State private var documentName = ""
    @State private var title = ""
    @State private var at = Date()
    @State private var place = ""
    @State private var meeting = ""
    @State private var day = 0
    @State private var time = ""
    @State private var meetingPlace = ""
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
                SharePlanMenu()
            } header: { Text(view.heading).font(.title2).accessibilityAddTraits(.isHeader) }
            Section(view.contactsHeading) {
                // Empty: what the section is for, in one sentence.
                if let empty = view.contactsEmpty { Text(empty) }
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
                TextField(words.name, text: $contactName).field("contact-name")
                TextField(words.relationship, text: $relationship)
                TextField(words.phone, text: $contactPhone).keyboardType(.phonePad)
                Button(words.addContact) {
                    send(.saveContact(id: nil, contact: SupportContact(name: contactName, relationship: relationship, phone: contactPhone)))
                    contactName = ""; relationship = ""; contactPhone = ""
                }
            }
            Section(view.referralsHeading) {
                // Empty: what the section is for, in one sentence.
                if let empty = view.referralsEmpty { Text(empty) }
                ForEach(view.referrals, id: \.id) { item in
                    VStack(alignment: .leading) {
                        HStack {
                            Text("\(item.organization) · \(item.categoryLabel) · \(item.statusLabel)")
                            if item.callUrl != nil { Button(item.contact) { core.send(.contact(.callNumber(item.contact))) } }
                            Spacer(); remove(item.id, item.organization)
                        }
                        ForEach([item.contact, item.address, item.hours, item.notes].filter { !$0.isEmpty }, id: \.self) { Text($0).font(.callout) }
                        Picker("\(words.status): \(item.organization)", selection: Binding(
                            get: { view.referralStatuses.firstIndex { $0.value == item.status } ?? 0 },
                            set: { index in
                                send(.saveReferral(id: item.id, referral: Referral(
                                    category: item.category, organization: item.organization, contact: item.contact, address: item.address,
                                    hours: item.hours, status: view.referralStatuses[index].value, notes: item.notes
                                )))
                            }
                        )) { ForEach(view.referralStatuses.indices, id: \.self) { Text(view.referralStatuses[$0].label).tag($0) } }
                    }
                }
                Picker(words.category, selection: $category) { ForEach(view.categories.indices, id: \.self) { Text(view.categories[$0].label).tag($0) } }
                TextField(words.organization, text: $organization).field("referral-organization")
                TextField(words.phone, text: $referralContact).keyboardType(.phonePad)
                TextField(words.address, text: $address)
                TextField(words.hours, text: $hours)
                Picker(words.status, selection: $status) { ForEach(view.referralStatuses.indices, id: \.self) { Text(view.referralStatuses[$0].label).tag($0) } }
                TextField(words.notes, text: $notes, axis: .vertical)
                Button(words.addReferral) {
                    send(.saveReferral(id: nil, referral: Referral(category: view.categories[category].value, organization: organization, contact: referralContact, address: address, hours: hours, status: view.referralStatuses[status].value, notes: notes)))
                    organization = ""; referralContact = ""; address = ""; hours = ""; notes = ""
                }
            }
            Section(view.documentsHeading) {
                // Empty: what the section is for, in one sentence.
                if let empty = view.documentsEmpty { Text(empty) }
                ForEach(view.documents, id: \.id) { item in
                    VStack(alignment: .leading) {
                        HStack { Text(([item.name, item.statusLabel] + item.waitingFor).joined(separator: " · ")); Spacer(); remove(item.id, item.name) }
                        Picker("\(words.status): \(item.name)", selection: Binding(
                            get: { view.documentStatuses.firstIndex { $0.value == item.status } ?? 0 },
                            set: { index in
                                let name = item.kind == .other ? item.name : ""
                                send(.saveDocument(id: item.id, document: Document(kind: item.kind, name: name, status: view.documentStatuses[index].value, needsFirst: item.needsFirst)))
                            }
                        )) { ForEach(view.documentStatuses.indices, id: \.self) { Text(view.documentStatuses[$0].label).tag($0) } }
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
                }
                Picker(words.document, selection: $documentKind) { ForEach(view.documentKinds.indices, id: \.self) { Text(view.documentKinds[$0].label).tag($0) } }
                if view.documentKinds[documentKind].value == .other { TextField(words.name, text: $documentName) }
                Picker(words.status, selection: $documentStatus) { ForEach(view.documentStatuses.indices, id: \.self) { Text(view.documentStatuses[$0].label).tag($0) } }
                Button(words.addDocument) {
                    send(.saveDocument(id: nil, document: Document(kind: view.documentKinds[documentKind].value, name: documentName, status: view.documentStatuses[documentStatus].value, needsFirst: [])))
                    documentName = ""
                }
            }
            Section(view.appointmentsHeading) {
                // Empty: what the section is for, in one sentence.
                if let empty = view.appointmentsEmpty { Text(empty) }
                ForEach(view.appointments, id: \.id) { item in
                    HStack { Text("\(item.title) · \(item.at) · \(item.place)"); Spacer(); remove(item.id, item.title) }
                }
                TextField(words.title, text: $title).field("appointment-title")
                DatePicker(words.dateTime, selection: $at).field("appointment-at")
                TextField(words.place, text: $place)
                Button(words.addAppointment) {
                    send(.saveAppointment(id: nil, appointment: AppointmentForm(title: title, at: Self.localDateTime(at), place: place, remindMinutesBefore: view.defaultRemindMinutes)))
                    title = ""; place = ""
                }
            }
            Section(view.meetingsHeading) {
                // Empty: what the section is for, in one sentence.
                if let empty = view.meetingsEmpty { Text(empty) }
                ForEach(view.meetings, id: \.id) { item in
                    HStack { Text("\(item.name) · \(item.dayAndTime) · \(item.place)"); Spacer(); remove(item.id, item.name) }
                }
                TextField(words.name, text: $meeting).field("meeting-name")
                Picker(words.day, selection: $day) { ForEach(words.days.indices, id: \.self) { Text(words.days[$0].label).tag($0) } }
                TextField("\(words.time) (HH:MM)", text: $time).field("meeting-time")
                TextField(words.place, text: $meetingPlace)
                Button(words.addMeeting) {
                    send(.saveMeeting(id: nil, meeting: MeetingForm(name: meeting, weekday: words.days[day].value, time: time, place: meetingPlace)))
                    meeting = ""; time = ""; meetingPlace = ""
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
