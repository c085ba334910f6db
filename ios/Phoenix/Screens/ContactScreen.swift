import SharedTypes
import SwiftUI

/// Contact my peer: the way they prefer first, quick messages, the crisis
/// line; with no peer yet, adding one comes first. Every link goes through
/// the core, which shows the number if the phone cannot open it.
struct ContactScreen: View {
    @Environment(Core.self) private var core
    let view: ContactView
    let words: FormWords
    let help: HelpActions

    private func send(_ event: ContactEvent) { core.send(.contact(event)) }

    var body: some View {
        let reach = view.reach
        Form {
            Section {
                if let message = view.outsideHoursMessage, reach.addPeerHeading == nil {
                    Text(message).foregroundStyle(.red)
                    Button(help.crisisLabel) { send(.callCrisisLine) }
                }
                if let saved = view.specialist, reach.addPeerHeading == nil {
                    Text([saved.name, saved.organization].filter { !$0.isEmpty }.joined(separator: " · ")).bold()
                    if let preferred = view.preferredLabel { Text(preferred) }
                    ForEach(view.hours, id: \.self) { Text($0) }
                    if let primary = reach.primary { BigLinkButton(link: primary) }
                    ForEach(reach.others, id: \.url) { link in
                        Button(link.label) { send(.openLink(link.url)) }.buttonStyle(.bordered)
                    }
                }
            } header: { Text(view.heading).font(.title2).accessibilityAddTraits(.isHeader) }
            if let addHeading = reach.addPeerHeading {
                Section {
                    if let intro = reach.addPeerIntro { Text(intro) }
                    SpecialistFields(view: view, words: words)
                } header: { Text(addHeading).font(.headline).accessibilityAddTraits(.isHeader) }
                Section { ForEach(reach.crisis, id: \.url) { BigLinkButton(link: $0) } }
            } else {
                QuickMessagesSection(view: view, words: words)
                Section { ForEach(reach.crisis, id: \.url) { BigLinkButton(link: $0) } }
            }
            SecureMessagesSection(view: view.messages)
            SharedList()
            if reach.addPeerHeading == nil {
                Section(words.specialist) { SpecialistFields(view: view, words: words) }
            }
        }
    }
}

/// Quick messages as large buttons; "Remove" only in edit mode, and a
/// removal can be undone.
private struct QuickMessagesSection: View {
    @Environment(Core.self) private var core
    let view: ContactView
    let words: FormWords
    @State private var editing = false
    @State private var removed: TemplateItem?
    @State private var template = ""

    private func send(_ event: ContactEvent) { core.send(.contact(event)) }

    var body: some View {
        let reach = view.reach
        Section(view.templatesHeading) {
            ForEach(view.templates, id: \.text) { item in
                HStack {
                    if let url = item.textUrl {
                        BigLinkButton(link: LinkItem(label: "\(view.textLabel): \(item.text)", url: url))
                    } else {
                        Text(item.text)
                    }
                    if editing {
                        Button(words.remove, role: .destructive) {
                            removed = item
                            if let id = item.id { send(.removeTemplate(id)) } else { send(.dismissStarterTemplate(item.starter ?? "")) }
                        }
                        .buttonStyle(.borderless)
                        .accessibilityLabel("\(words.remove): \(item.text)")
                    }
                }
            }
            if let gone = removed {
                HStack {
                    Text("\(reach.removedLabel) \(gone.text)")
                    Spacer()
                    Button(reach.undoLabel) {
                        removed = nil
                        if let starter = gone.starter { send(.restoreStarterTemplate(starter)) } else { send(.saveTemplate(id: nil, text: gone.text)) }
                    }
                    .buttonStyle(.borderless)
                }
            }
            Button(editing ? reach.doneEditingLabel : reach.editMessagesLabel) { editing.toggle() }
            if editing {
                TextField(view.templatesHeading, text: $template, axis: .vertical)
                Button(words.add) { send(.saveTemplate(id: nil, text: template)); template = "" }
            }
        }
    }
}

/// The specialist's name, organization, phone, email, preferred way and hours.
private struct SpecialistFields: View {
    @Environment(Core.self) private var core
    let view: ContactView
    let words: FormWords
    @State private var name = ""
    @State private var organization = ""
    @State private var phone = ""
    @State private var email = ""
    @State private var preferred = 0
    @State private var hours: [HoursForm] = []

    var body: some View {
        TextField(words.name, text: $name).field("specialist-name")
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
            TextField("\(words.from) (HH:MM)", text: $hours[index].start).field(index == 0 ? "specialist-hours" : "")
            TextField("\(words.until) (HH:MM)", text: $hours[index].end)
        }
        Button(words.addHours) { hours.append(HoursForm(weekday: words.days[0].value, start: "09:00", end: "17:00")) }
        Button(view.setSpecialistLabel) {
            core.send(.contact(.setSpecialist(SpecialistForm(name: name, organization: organization, phone: phone, email: email, hours: hours, preferred: words.contactWays[preferred].value))))
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
                if let note = view.pairAgainNote { Text(note) }
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
                if let changed = view.keyChangedNote {
                    Text(changed).foregroundStyle(.red)
                    if let code = view.verificationNote { Text(code) }
                    Button(view.confirmKeyLabel) { send(.confirmSpecialistKey) }
                }
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
