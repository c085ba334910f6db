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
                ScaleField(label: view.moodLabel, hint: words.moodScale, value: $mood, range: 1...5)
                ScaleField(label: view.cravingLabel, hint: words.cravingScale, value: $craving, range: 0...10)
                Text(view.haltLabel)
                ForEach(words.halt.indices, id: \.self) { Toggle(words.halt[$0], isOn: $halt[$0]) }
                TextField(view.sleepLabel, text: $sleep).keyboardType(.numberPad)
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
                        sleepHours: sleepHours(sleep),
                        usedToday: used == 2 ? nil : used == 1,
                        triggers: [], strategies: [], note: note
                    )
                    core.send(.checkIn(form))
                }
            } header: { Text(view.heading).font(.title2).accessibilityAddTraits(.isHeader) }
            .onAppear {
                mood = Int(view.mood ?? 3)
                craving = Int(view.craving ?? 0)
                note = view.note
            }
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

/// The hours typed, unchecked: the core says when they are off the scale. A
/// number that does not fit the form's byte is sent as 255, which the core
/// refuses too; empty means not answered.
private func sleepHours(_ typed: String) -> UInt8? {
    let text = typed.trimmingCharacters(in: .whitespaces)
    if text.isEmpty { return nil }
    return UInt8(text) ?? UInt8.max
}
