package org.phoenix.app.ui

import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Row
import androidx.compose.material3.Button
import androidx.compose.material3.Text
import androidx.compose.material3.TextButton
import androidx.compose.runtime.Composable
import androidx.compose.ui.Modifier
import androidx.compose.ui.semantics.contentDescription
import androidx.compose.ui.semantics.semantics
import androidx.compose.ui.unit.dp
import org.phoenix.shared.FormWords

/** Edit and Delete for one item, named for TalkBack ("Edit: Walk more"); a delete is undone from the bar above. */
@Composable
fun ItemActions(name: String, words: FormWords, onEdit: () -> Unit, onDelete: () -> Unit) {
    Row(horizontalArrangement = Arrangement.spacedBy(8.dp)) {
        TextButton(onClick = onEdit, modifier = Modifier.semantics { contentDescription = "${words.edit}: $name" }) { Text(words.edit) }
        TextButton(onClick = onDelete, modifier = Modifier.semantics { contentDescription = "${words.deleteItem}: $name" }) { Text(words.deleteItem) }
    }
}

/** Save and Cancel under an item's edit form. */
@Composable
fun SaveOrCancel(words: FormWords, onSave: () -> Unit, onCancel: () -> Unit) {
    Row(horizontalArrangement = Arrangement.spacedBy(8.dp)) {
        Button(onClick = onSave) { Text(words.save) }
        TextButton(onClick = onCancel) { Text(words.cancel) }
    }
}
