package org.phoenix.app.screens

import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.Row
import androidx.compose.material3.Button
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.OutlinedButton
import androidx.compose.material3.Text
import androidx.compose.material3.TextButton
import androidx.compose.runtime.Composable
import androidx.compose.runtime.getValue
import androidx.compose.runtime.mutableIntStateOf
import androidx.compose.runtime.mutableStateOf
import androidx.compose.runtime.remember
import androidx.compose.runtime.saveable.rememberSaveable
import androidx.compose.runtime.setValue
import androidx.compose.foundation.lazy.LazyListScope
import androidx.compose.ui.Modifier
import androidx.compose.ui.semantics.LiveRegionMode
import androidx.compose.ui.semantics.liveRegion
import androidx.compose.ui.semantics.semantics
import androidx.compose.ui.text.input.KeyboardType
import androidx.compose.ui.unit.dp
import org.phoenix.app.Dispatch
import org.phoenix.app.ui.BigLinkButton
import org.phoenix.app.ui.Field
import org.phoenix.app.ui.Picker
import org.phoenix.app.ui.ScreenColumn
import org.phoenix.app.ui.SectionHeading
import org.phoenix.shared.ContactEvent
import org.phoenix.shared.ContactView
import org.phoenix.shared.Event
import org.phoenix.shared.FormWords
import org.phoenix.shared.HelpActions
import org.phoenix.shared.HoursForm
import org.phoenix.shared.LinkItem
import org.phoenix.shared.MessagesEvent
import org.phoenix.shared.MessagesView
import org.phoenix.shared.SpecialistForm
import org.phoenix.shared.TemplateItem
import org.phoenix.app.ui.SharedList

/**
 * Contact my peer: the way they prefer first, quick messages, the crisis
 * line; with no peer yet, adding one comes first. Every link goes through
 * the core, which shows the number if the phone cannot open it.
 */
@Composable
fun ContactScreen(view: ContactView, words: FormWords, help: HelpActions, dispatch: Dispatch) {
    val contact = { event: ContactEvent -> dispatch(Event.Contact(event)) }
    val open = { link: LinkItem -> contact(ContactEvent.OpenLink(link.url)) }
    val reach = view.reach
    val saved = view.specialist
    ScreenColumn(view.heading) {
        val addHeading = reach.addPeerHeading
        if (addHeading != null) {
            item { SectionHeading(addHeading) }
            reach.addPeerIntro?.let { item { Text(it) } }
            specialistEditor(view, words, dispatch)
            for (link in reach.crisis) item { BigLinkButton(link.label) { open(link) } }
        } else {
            view.outsideHoursMessage?.let { message ->
                item { Text(message, color = MaterialTheme.colorScheme.error) }
                item { Button(onClick = { contact(ContactEvent.CallCrisisLine) }) { Text(help.crisisLabel) } }
            }
            if (saved != null) {
                item { Text(listOf(saved.name, saved.organization).filter { it.isNotEmpty() }.joinToString(" · "), style = MaterialTheme.typography.titleMedium) }
                view.preferredLabel?.let { item { Text(it) } }
                for (line in view.hours) item { Text(line) }
                reach.primary?.let { link -> item { BigLinkButton(link.label) { open(link) } } }
                if (reach.others.isNotEmpty()) {
                    item { Row { for (link in reach.others) OutlinedButton(onClick = { open(link) }) { Text(link.label) } } }
                }
            }
            quickMessages(view, words, dispatch)
            for (link in reach.crisis) item { BigLinkButton(link.label) { open(link) } }
        }
        secureMessages(view.messages, dispatch)
        item { SharedList(dispatch) }
        if (addHeading == null) {
            item { SectionHeading(words.specialist) }
            specialistEditor(view, words, dispatch)
        }
    }
}

/** Quick messages as large buttons; "Remove" only in edit mode, and a removal can be undone. */
private fun LazyListScope.quickMessages(view: ContactView, words: FormWords, dispatch: Dispatch) {
    val contact = { event: ContactEvent -> dispatch(Event.Contact(event)) }
    val reach = view.reach
    item {
        var editing by rememberSaveable { mutableStateOf(false) }
        var removed by remember { mutableStateOf<TemplateItem?>(null) }
        var template by rememberSaveable { mutableStateOf("") }
        Column(verticalArrangement = Arrangement.spacedBy(8.dp)) {
            SectionHeading(view.templatesHeading)
            for (quick in view.templates) {
                val url = quick.textUrl
                if (url != null) {
                    BigLinkButton("${view.textLabel}: ${quick.text}") { contact(ContactEvent.OpenLink(url)) }
                } else {
                    Text(quick.text)
                }
                if (editing) {
                    TextButton(onClick = {
                        removed = quick
                        contact(quick.id?.let { ContactEvent.RemoveTemplate(it) } ?: ContactEvent.DismissStarterTemplate(quick.starter ?: ""))
                    }) { Text("${words.remove}: ${quick.text}") }
                }
            }
            removed?.let { gone ->
                Row(Modifier.semantics { liveRegion = LiveRegionMode.Polite }) {
                    Text("${reach.removedLabel} ${gone.text}", modifier = Modifier.weight(1f))
                    Button(onClick = {
                        removed = null
                        contact(gone.starter?.let { ContactEvent.RestoreStarterTemplate(it) } ?: ContactEvent.SaveTemplate(null, gone.text))
                    }) { Text(reach.undoLabel) }
                }
            }
            OutlinedButton(onClick = { editing = !editing }) { Text(if (editing) reach.doneEditingLabel else reach.editMessagesLabel) }
            if (editing) {
                Field(view.templatesHeading, template, { template = it }, lines = 2)
                OutlinedButton(onClick = { contact(ContactEvent.SaveTemplate(null, template)); template = "" }) { Text(words.add) }
            }
        }
    }
}

/** The specialist's name, organization, phone, email, preferred way and hours. */
private fun LazyListScope.specialistEditor(view: ContactView, words: FormWords, dispatch: Dispatch) {
    item {
        val saved = view.specialist
        var name by rememberSaveable(saved) { mutableStateOf(saved?.name ?: "") }
        var organization by rememberSaveable(saved) { mutableStateOf(saved?.organization ?: "") }
        var phone by rememberSaveable(saved) { mutableStateOf(saved?.phone ?: "") }
        var email by rememberSaveable(saved) { mutableStateOf(saved?.email ?: "") }
        var preferred by rememberSaveable(saved) { mutableIntStateOf(words.contactWays.indexOfFirst { it.value == saved?.preferred }.coerceAtLeast(0)) }
        var hours by remember(saved) { mutableStateOf(saved?.hours ?: listOf()) }
        Column(verticalArrangement = Arrangement.spacedBy(8.dp)) {
            Field(words.name, name, { name = it }, field = "specialist-name")
            Field(words.organization, organization, { organization = it })
            Field(words.phone, phone, { phone = it }, kind = KeyboardType.Phone)
            Field(words.email, email, { email = it }, kind = KeyboardType.Email)
            Picker(words.preferredWay, words.contactWays.map { it.label }, preferred) { preferred = it }
            hours.forEachIndexed { index, form ->
                Picker(words.day, words.days.map { it.label }, words.days.indexOfFirst { it.value == form.weekday }) { day ->
                    hours = hours.mapIndexed { i, h -> if (i == index) h.copy(weekday = words.days[day].value) else h }
                }
                Field("${words.from} (HH:MM)", form.start, { start -> hours = hours.mapIndexed { i, h -> if (i == index) h.copy(start = start) else h } }, field = if (index == 0) "specialist-hours" else null)
                Field("${words.until} (HH:MM)", form.end, { end -> hours = hours.mapIndexed { i, h -> if (i == index) h.copy(end = end) else h } })
            }
            OutlinedButton(onClick = { hours = hours + HoursForm(words.days.first().value, "09:00", "17:00") }) { Text(words.addHours) }
            Button(onClick = {
                dispatch(Event.Contact(ContactEvent.SetSpecialist(SpecialistForm(name, organization, phone, email, hours, words.contactWays[preferred].value))))
            }) { Text(view.setSpecialistLabel) }
        }
    }
}

/**
 * Secure messages through the organization's relay: pairing with an invite
 * code, the conversation with each message's status, writing and unpairing.
 * Every word comes from the view model; the core seals, signs and queues.
 */
private fun LazyListScope.secureMessages(view: MessagesView, dispatch: Dispatch) {
    val send = { event: MessagesEvent -> dispatch(Event.Messages(event)) }
    item { SectionHeading(view.heading) }
    item { Text(view.intro) }
    if (view.specialistName == null) {
        view.pairAgainNote?.let { item { Text(it) } }
        item {
            var relay by rememberSaveable { mutableStateOf("") }
            var invite by rememberSaveable { mutableStateOf("") }
            var name by rememberSaveable { mutableStateOf("") }
            Field(view.relayLabel, relay, { relay = it }, kind = KeyboardType.Uri)
            Field(view.inviteLabel, invite, { invite = it })
            Field(view.nameLabel, name, { name = it })
            Button(enabled = !view.pairing, onClick = { send(MessagesEvent.Pair(relay, invite, name)); invite = "" }) { Text(view.pairLabel) }
        }
        return
    }
    view.pairedWith?.let { item { Text(it, style = MaterialTheme.typography.titleMedium) } }
    view.keyChangedNote?.let { note ->
        item {
            Text(note, color = MaterialTheme.colorScheme.error)
            view.verificationNote?.let { Text(it) }
            Button(onClick = { send(MessagesEvent.ConfirmSpecialistKey) }) { Text(view.confirmKeyLabel) }
        }
    }
    view.outboxNote?.let { item { Text(it) } }
    view.droppedNote?.let { item { Text(it, color = MaterialTheme.colorScheme.error) } }
    if (view.conversation.isEmpty()) item { Text(view.emptyNote) }
    for (message in view.conversation) {
        item {
            Text("${message.statusLabel} · ${message.writtenAt}", style = MaterialTheme.typography.labelMedium)
            Text(message.text)
        }
    }
    item {
        var text by rememberSaveable { mutableStateOf("") }
        Field(view.messageLabel, text, { text = it }, lines = 3)
        Button(onClick = { send(MessagesEvent.Send(text)); text = "" }) { Text(view.sendLabel) }
    }
    item { Text(view.unpairWarning, style = MaterialTheme.typography.bodySmall) }
    item { OutlinedButton(onClick = { send(MessagesEvent.Unpair) }) { Text(view.unpairLabel) } }
}
