import SharedTypes
import SwiftUI

/// Edit and Delete for one item, named for VoiceOver ("Edit: Walk more"); a delete is undone from the bar above.
struct ItemActions: View {
    let name: String
    let words: FormWords
    let edit: () -> Void
    let delete: () -> Void

    var body: some View {
        HStack {
            Button(words.edit, action: edit).accessibilityLabel("\(words.edit): \(name)")
            Spacer()
            Button(words.deleteItem, role: .destructive, action: delete).accessibilityLabel("\(words.deleteItem): \(name)")
        }
        .buttonStyle(.borderless)
    }
}

/// Save and Cancel under an item's edit form.
struct SaveOrCancel: View {
    let words: FormWords
    let cancel: () -> Void
    let save: () -> Void

    var body: some View {
        HStack {
            Button(words.save, action: save)
            Spacer()
            Button(words.cancel, action: cancel)
        }
        .buttonStyle(.borderless)
    }
}
