import SharedTypes
import SwiftUI

struct CheckInScreen: View {
    @Environment(Core.self) private var core
    let view: CheckInView
    let words: FormWords
    @State private var mood = 3
    @State private var craving = 0
    @State private var halt = [false, false, false, false]
    @State private var sleep = ""
    @State private var used = 2
    @State private var note = ""
    @State private var barc: [Int] = Array(repeating: 0, count: 10)

    var body: some View {
        Form {
            Section {
                if let offer = view.offerTriggered {
                    Text(offer)
                    Button(view.imTriggeredLabel) { core.send(.triggered(.start)) }
                        .buttonStyle(.borderedProminent).tint(.red)
                }
                ScaleField(label: view.moodLabel, hint: words.moodScale, value: $mood, range: 1...5)
                ScaleField(label: view.cravingLabel, hint: words.cravingScale, value: $craving, range: 0...10)
                Text(view.haltLabel)
                ForEach(words.halt.indices, id: \.self) { Toggle(words.halt[$0], isOn: $halt[$0]) }
                TextField(view.sleepLabel, text: $sleep).keyboardType(.numberPad).field("sleep-hours")
                Picker(view.usedLabel, selection: $used) {
                    Text(words.no).tag(0)
                    Text(words.yes).tag(1)
                    Text(words.preferNotToSay).tag(2)
                }
                Text(view.usedNote).font(.footnote)
                TextField(view.noteLabel, text: $note, axis: .vertical)
                Button(view.submitLabel) {
                    let form = CheckInForm(
                        mood: UInt8(mood), craving: UInt8(craving),
                        halt: Halt(hungry: halt[0], angry: halt[1], lonely: halt[2], tired: halt[3]),
                        sleepHours: sleep,
                        usedToday: used == 2 ? nil : used == 1,
                        triggers: view.saved?.triggers ?? [], strategies: view.saved?.strategies ?? [], note: note
                    )
                    core.send(.checkIn(form))
                }
            } header: { Text(view.heading).font(.title2).accessibilityAddTraits(.isHeader) }
            // Today's check-in reopens exactly as saved: every answer.
            .onAppear { restore() }
            .onChange(of: view.saved) { _, _ in restore() }
            Section(view.barcHeading) {
                if let score = view.barcLastScore { Text(score) }
                ForEach(view.barcItems.indices, id: \.self) { index in
                    Picker(view.barcItems[index], selection: $barc[index]) {
                        ForEach(view.barcScale.indices, id: \.self) { Text(view.barcScale[$0]).tag($0 + 1) }
                    }
                }
                Button(words.save) { core.send(.recoveryCapital(barc.map { UInt8($0) })) }
                    .disabled(barc.contains(0))
            }
        }
    }
}

extension CheckInScreen {
    private func restore() {
        guard let saved = view.saved else {
            mood = Int(view.mood ?? 3)
            craving = Int(view.craving ?? 0)
            note = view.note
            return
        }
        mood = Int(saved.mood)
        craving = Int(saved.craving)
        halt = [saved.halt.hungry, saved.halt.angry, saved.halt.lonely, saved.halt.tired]
        sleep = saved.sleepHours
        used = saved.usedToday.map { $0 ? 1 : 0 } ?? 2
        note = saved.note
    }
}
