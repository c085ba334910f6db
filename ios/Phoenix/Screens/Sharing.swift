import SharedTypes
import SwiftUI

// Share with my specialist (`ViewModel.sharing`, nil while locked): the
// controls the screens share. Shown only when paired (`available`); every
// word is the core's, and nothing is sent before the preview's Send.

/// "Share with my specialist" on an item: asks the core for the preview.
/// `name` is what is shared, for VoiceOver ("Share with my specialist: Walk more").
struct ShareButton: View {
    @Environment(Core.self) private var core
    let item: ShareItem
    var name: String?

    var body: some View {
        if let sharing = core.view.sharing, sharing.available {
            Button(sharing.shareLabel) { core.send(.sharing(.preview(item))) }
                .accessibilityLabel(name.map { "\(sharing.shareLabel): \($0)" } ?? sharing.shareLabel)
        }
    }
}

/// The aftercare plan's "Share with my specialist": the core's choices, as
/// listed (the whole plan, then each section by its heading).
struct SharePlanMenu: View {
    @Environment(Core.self) private var core

    var body: some View {
        if let sharing = core.view.sharing, sharing.available {
            Menu(sharing.shareLabel) {
                ForEach(sharing.planChoices.indices, id: \.self) { index in
                    let choice = sharing.planChoices[index]
                    Button(choice.label) { core.send(.sharing(.preview(choice.item))) }
                }
            }
        }
    }
}

/// The check-in summary: its period (7, 30 or 90 days), the notes only
/// when ticked, then the preview.
struct ShareCheckIns: View {
    @Environment(Core.self) private var core
    @State private var period = 1
    @State private var notes = false

    var body: some View {
        if let sharing = core.view.sharing, sharing.available, sharing.periods.indices.contains(period) {
            Picker(sharing.shareLabel, selection: $period) {
                ForEach(sharing.periods.indices, id: \.self) { Text(sharing.periods[$0].label).tag($0) }
            }
            Toggle(sharing.includeNotesLabel, isOn: $notes)
            let choice = sharing.periods[period]
            ShareButton(item: ShareItem.checkIns(days: choice.days, notes: notes), name: choice.label)
        }
    }
}

/// What the specialist will see, exactly as the core describes it, with its
/// Send and Cancel; swiping the sheet away cancels too (see `Frame`).
struct SharePreviewSheet: View {
    @Environment(Core.self) private var core
    let preview: SharePreview

    var body: some View {
        NavigationStack {
            List {
                Section {
                    ForEach(preview.lines.indices, id: \.self) { Text(preview.lines[$0]) }
                } header: { Text(preview.title).font(.headline).accessibilityAddTraits(.isHeader) }
            }
            .navigationTitle(preview.heading)
            .navigationBarTitleDisplayMode(.inline)
            .toolbar {
                ToolbarItem(placement: .cancellationAction) {
                    Button(preview.cancelLabel) { core.send(.sharing(.cancel)) }
                }
                ToolbarItem(placement: .confirmationAction) {
                    Button(preview.sendLabel) { core.send(.sharing(.send)) }
                }
            }
        }
        // Above the window's root, so the app's own cover does not reach it.
        .coveredWhenInactive()
    }
}

/// "Shared with my specialist" on Contact my peer: what, when, its delivery
/// status, and Stop sharing with what it can and cannot do.
struct SharedList: View {
    @Environment(Core.self) private var core

    var body: some View {
        if let sharing = core.view.sharing, sharing.available {
            Section(sharing.heading) {
                if sharing.shared.isEmpty { Text(sharing.emptyNote) }
                ForEach(sharing.shared, id: \.key) { item in
                    VStack(alignment: .leading, spacing: 4) {
                        Text(item.what).bold()
                        Text("\(item.sharedOn) · \(item.statusLabel)").font(.footnote)
                        Button(sharing.stopLabel) { core.send(.sharing(.stopSharing(item.key))) }
                            .buttonStyle(.borderless)
                            .accessibilityLabel("\(sharing.stopLabel): \(item.what)")
                    }
                }
                if !sharing.shared.isEmpty { Text(sharing.stopNote).font(.footnote) }
            }
        }
    }
}
