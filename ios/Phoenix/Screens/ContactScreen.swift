import SharedTypes
import SwiftUI

/// Contact my peer: call, text (a quick message) or email, through the phone's own apps.
struct ContactScreen: View {
    @Environment(Core.self) private var core
    let view: ContactView
    let words: FormWords
    let help: HelpActions
    @State private var name = ""
    @State private var organization = ""
    @State private var phone = ""
    @State private var email = ""
    @State private var preferred = 0
    @State private var hours: [HoursForm] = []
    @State private var template = ""

    private func send(_ event: ContactEvent) { core.send(.contact(event)) }

    var body: some View {
        Form {
            Section {
                if let message = view.outsideHoursMessage {
                    Text(message).foregroundStyle(.red)
                    Button(help.crisisLabel) { send(.callCrisisLine) }
                }
                if let saved = view.specialist {
                    Text("\(saved.name) · \(saved.organization)").bold()
                    if let preferred = view.preferredLabel { Text(preferred) }
                    ForEach(view.hours, id: \.self) { Text($0) }
                    if view.callUrl != nil { Button(view.callLabel) { send(.call) } }
                    if view.emailUrl != nil { Button(view.emailLabel) { send(.email("")) } }
                }
            } header: { Text(view.heading).font(.title2).accessibilityAddTraits(.isHeader) }
            if view.specialist != nil {
                Section(view.templatesHeading) {
                    ForEach(view.templates, id: \.text) { item in
                        HStack {
                            Button("\(view.textLabel): \(item.text)") { send(.text(item.text)) }
                            Spacer()
                            Button(words.remove, role: .destructive) {
                                if let id = item.id { send(.removeTemplate(id)) } else { send(.dismissStarterTemplate(item.starter ?? "")) }
                            }
                            .accessibilityLabel("\(words.remove): \(item.text)")
                        }
                        .buttonStyle(.borderless)
                    }
                    TextField(view.templatesHeading, text: $template, axis: .vertical)
                    Button(words.add) { send(.saveTemplate(id: nil, text: template)); template = "" }
                }
            }
            SecureMessagesSection(view: view.messages)
            Section(words.specialist) {
                TextField(words.name, text: $name)
                TextField(words.organization, text: $organization)
                TextField(words.phone, text: $phone).keyboardType(.phonePad)
                TextField(words.email, text: $email).keyboardType(.emailAddress)
                Picker(words.preferredWay, selection: $preferred) {
                    ForEach(words.contactWays.indices, id: \.self) { Text(words.contactWays[$0].label).tag($0) }
                }
                ForEach(hours.indices, id: \.self) { index in
                    Picker(words.day, selection: Binding(
                        get: { words.days.firstIndex { $0.value == hours[index].weekday } ?? 0 },
                        set: { hours[index].weekday = words.days[$0].value }
                    )) { ForEach(words.days.indices, id: \.self) { Text(words.days[$0].label).tag($0) } }
                    TextField("\(words.from) (HH:MM)", text: $hours[index].start)
                    TextField("\(words.until) (HH:MM)", text: $hours[index].end)
                }
                Button(words.addHours) { hours.append(HoursForm(weekday: words.days[0].value, start: "09:00", end: "17:00")) }
                Button(view.setSpecialistLabel) {
                    send(.setSpecialist(SpecialistForm(name: name, organization: organization, phone: phone, email: email, hours: hours, preferred: words.contactWays[preferred].value)))
                }
            }
        }
        .onAppear {
            guard let saved = view.specialist else { return }
            name = saved.name; organization = saved.organization; phone = saved.phone; email = saved.email
            preferred = words.contactWays.firstIndex { $0.value == saved.preferred } ?? 0
            hours = saved.hours
        }
    }
}

/// Secure messages through the organization's relay: pairing with an invite
/// code, the conversation with each message's status, writing and
/// unpairing. Every word comes from the view model; the core seals, signs
/// and queues.
struct SecureMessagesSection: View {
    @Environment(Core.self) private var core
    let view: MessagesView
    @State private var relay = ""
    @State private var invite = ""
    @State private var name = ""
    @State private var text = ""

    private func send(_ event: MessagesEvent) { core.send(.messages(event)) }

    var body: some View {
        Section(view.heading) {
            Text(view.intro)
            if view.specialistName == nil {
                TextField(view.relayLabel, text: $relay)
                    .keyboardType(.URL)
                    .textInputAutocapitalization(.never)
                    .autocorrectionDisabled()
                TextField(view.inviteLabel, text: $invite)
                    .textInputAutocapitalization(.characters)
                    .autocorrectionDisabled()
                TextField(view.nameLabel, text: $name)
                Button(view.pairLabel) {
                    send(.pair(relay: relay, invite: invite, name: name))
                    invite = ""
                }
                .disabled(view.pairing)
            } else {
                if let pairedWith = view.pairedWith { Text(pairedWith).font(.headline) }
                if let note = view.outboxNote { Text(note) }
                if let dropped = view.droppedNote { Text(dropped).foregroundStyle(.red) }
                if view.conversation.isEmpty { Text(view.emptyNote) }
                ForEach(view.conversation, id: \.id) { message in
                    VStack(alignment: message.mine ? .trailing : .leading) {
                        Text("\(message.statusLabel) · \(message.writtenAt)").font(.caption)
                        Text(message.text)
                    }
                    .frame(maxWidth: .infinity, alignment: message.mine ? .trailing : .leading)
                }
                TextField(view.messageLabel, text: $text, axis: .vertical)
                Button(view.sendLabel) {
                    send(.send(text))
                    text = ""
                }
                Text(view.unpairWarning).font(.footnote)
                Button(view.unpairLabel, role: .destructive) { send(.unpair) }
            }
        }
    }
}
