package org.phoenix.app.ui

import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Box
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.rememberScrollState
import androidx.compose.foundation.verticalScroll
import androidx.compose.material3.AlertDialog
import androidx.compose.material3.Button
import androidx.compose.material3.DropdownMenu
import androidx.compose.material3.DropdownMenuItem
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.OutlinedButton
import androidx.compose.material3.Text
import androidx.compose.material3.TextButton
import androidx.compose.runtime.Composable
import androidx.compose.runtime.compositionLocalOf
import androidx.compose.runtime.getValue
import androidx.compose.runtime.mutableIntStateOf
import androidx.compose.runtime.mutableStateOf
import androidx.compose.runtime.remember
import androidx.compose.runtime.saveable.rememberSaveable
import androidx.compose.runtime.setValue
import androidx.compose.ui.Modifier
import androidx.compose.ui.semantics.contentDescription
import androidx.compose.ui.semantics.heading
import androidx.compose.ui.semantics.semantics
import androidx.compose.ui.unit.dp
import org.phoenix.app.Dispatch
import org.phoenix.shared.Event
import org.phoenix.shared.ShareItem
import org.phoenix.shared.SharingEvent
import org.phoenix.shared.SharingView

// Share with my specialist: the controls the screens share. Shown only when
// paired (`available`); every word is the core's, and nothing is sent
// before the preview's Send.

/** The view model's `sharing` (null while locked), provided around the screens by `PhoenixApp`. */
val LocalSharing = compositionLocalOf<SharingView?> { null }

private fun Dispatch.send(event: SharingEvent) = this(Event.Sharing(event))

/** "Share with my specialist" on an item: asks the core for the preview. [name] is what is shared, for TalkBack. */
@Composable
fun ShareButton(item: ShareItem, dispatch: Dispatch, name: String? = null) {
    val sharing = LocalSharing.current?.takeIf { it.available } ?: return
    OutlinedButton(
        onClick = { dispatch.send(SharingEvent.Preview(item)) },
        modifier = Modifier.semantics { if (name != null) contentDescription = "${sharing.shareLabel}: $name" },
    ) { Text(sharing.shareLabel) }
}

/** The aftercare plan's "Share with my specialist": the core's choices, as listed (the whole plan, then each section by its heading). */
@Composable
fun SharePlanMenu(dispatch: Dispatch) {
    val sharing = LocalSharing.current?.takeIf { it.available } ?: return
    var open by remember { mutableStateOf(false) }
    Box {
        OutlinedButton(onClick = { open = true }) { Text(sharing.shareLabel) }
        DropdownMenu(expanded = open, onDismissRequest = { open = false }) {
            for (choice in sharing.planChoices) {
                DropdownMenuItem(text = { Text(choice.label) }, onClick = { open = false; dispatch.send(SharingEvent.Preview(choice.item)) })
            }
        }
    }
}

/** The check-in summary: its period (7, 30 or 90 days), the notes only when ticked, then the preview. */
@Composable
fun ShareCheckIns(dispatch: Dispatch) {
    val sharing = LocalSharing.current?.takeIf { it.available } ?: return
    var period by rememberSaveable { mutableIntStateOf(1) }
    var notes by rememberSaveable { mutableStateOf(false) }
    val choice = sharing.periods.getOrNull(period) ?: return
    Column(verticalArrangement = Arrangement.spacedBy(8.dp)) {
        Picker(sharing.shareLabel, sharing.periods.map { it.label }, period) { period = it }
        CheckRow(sharing.includeNotesLabel, notes) { notes = it }
        ShareButton(ShareItem.CheckIns(choice.days, notes), dispatch, name = choice.label)
    }
}

/**
 * What the specialist will see, exactly as the core describes it, in a
 * dialog with its Send and Cancel; back or a tap outside cancels too. The
 * dialog's window inherits the activity's `FLAG_SECURE` (the default
 * `SecureFlagPolicy.Inherit`), so it stays out of screenshots like the screen.
 */
@Composable
fun SharePreviewDialog(dispatch: Dispatch) {
    val preview = LocalSharing.current?.preview ?: return
    val cancel = { dispatch.send(SharingEvent.Cancel) }
    AlertDialog(
        onDismissRequest = cancel,
        title = { Text(preview.heading) },
        text = {
            Column(Modifier.verticalScroll(rememberScrollState()), verticalArrangement = Arrangement.spacedBy(4.dp)) {
                Text(preview.title, style = MaterialTheme.typography.titleMedium, modifier = Modifier.semantics { heading() })
                for (line in preview.lines) Text(line)
            }
        },
        confirmButton = { Button(onClick = { dispatch.send(SharingEvent.Send) }) { Text(preview.sendLabel) } },
        dismissButton = { TextButton(onClick = cancel) { Text(preview.cancelLabel) } },
    )
}

/** "Shared with my specialist" on Contact my peer: what, when, its delivery status, and Stop sharing with what it can and cannot do. */
@Composable
fun SharedList(dispatch: Dispatch) {
    val sharing = LocalSharing.current?.takeIf { it.available } ?: return
    Column(verticalArrangement = Arrangement.spacedBy(8.dp)) {
        SectionHeading(sharing.heading)
        if (sharing.shared.isEmpty()) Text(sharing.emptyNote)
        for (item in sharing.shared) {
            Column {
                Text(item.what, style = MaterialTheme.typography.titleSmall)
                Text("${item.sharedOn} · ${item.statusLabel}", style = MaterialTheme.typography.bodySmall)
                TextButton(
                    onClick = { dispatch.send(SharingEvent.StopSharing(item.key)) },
                    modifier = Modifier.semantics { contentDescription = "${sharing.stopLabel}: ${item.what}" },
                ) { Text(sharing.stopLabel) }
            }
        }
        if (sharing.shared.isNotEmpty()) Text(sharing.stopNote, style = MaterialTheme.typography.bodySmall)
    }
}
