package org.phoenix.app.screens

import androidx.compose.foundation.layout.Row
import androidx.compose.material3.Button
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.OutlinedButton
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.runtime.getValue
import androidx.compose.runtime.mutableIntStateOf
import androidx.compose.runtime.mutableStateOf
import androidx.compose.runtime.remember
import androidx.compose.runtime.saveable.rememberSaveable
import androidx.compose.runtime.setValue
import androidx.compose.foundation.lazy.LazyListScope
import androidx.compose.ui.text.input.KeyboardType
import org.phoenix.app.Dispatch
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
import org.phoenix.shared.MessagesEvent
import org.phoenix.shared.MessagesView
import org.phoenix.shared.SpecialistForm

/** Contact my peer: call, text (a quick message) or email, through the phone's own apps. */
@Composable
fun ContactScreen(view: ContactView, words: FormWords, help: HelpActions, dispatch: Dispatch) {
    val contact = { event: ContactEvent -> dispatch(Event.Contact(event)) }
    val saved = view.specialist
    var name by rememberSaveable { mutableStateOf(saved?.name ?: "") }
    var organization by rememberSaveable { mutableStateOf(saved?.organization ?: "") }
    var phone by rememberSaveable { mutableStateOf(saved?.phone ?: "") }
    var email by rememberSaveable { mutableStateOf(saved?.email ?: "") }
    var preferred by rememberSaveable { mutableIntStateOf(words.contactWays.indexOfFirst { it.value == saved?.preferred }.coerceAtLeast(0)) }
    var hours by remember { mutableStateOf(saved?.hours ?: listOf()) }
    var template by rememberSaveable { mutableStateOf("") }
    val messages = view.messages
    ScreenColumn(view.heading) {
        view.outsideHoursMessage?.let { message ->
            item { Text(message, color = MaterialTheme.colorScheme.error) }
            item { Button(onClick = { contact(ContactEvent.CallCrisisLine) }) { Text(help.crisisLabel) } }
        }
        if (saved != null) {
            item { Text("${saved.name} · ${saved.organization}", style = MaterialTheme.typography.titleMedium) }
            view.preferredLabel?.let { item { Text(it) } }
            for (line in view.hours) item { Text(line) }
            item {
                Row {
                    if (view.callUrl != null) Button(onClick = { contact(ContactEvent.Call) }) { Text(view.callLabel) }
                    if (view.emailUrl != null) OutlinedButton(onClick = { contact(ContactEvent.Email("")) }) { Text(view.emailLabel) }
                }
            }
            item { SectionHeading(view.templatesHeading) }
            for (item in view.templates) {
                item {
                    OutlinedButton(onClick = { contact(ContactEvent.Text(item.text)) }) { Text("${view.textLabel}: ${item.text}") }
                    OutlinedButton(onClick = {
                        contact(item.id?.let { ContactEvent.RemoveTemplate(it) } ?: ContactEvent.DismissStarterTemplate(item.starter ?: ""))
                    }) { Text("${words.remove}: ${item.text}") }
                }
            }
            item { Field(view.templatesHeading, template, { template = it }, lines = 2) }
            item { OutlinedButton(onClick = { contact(ContactEvent.SaveTemplate(null, template)); template = "" }) { Text(words.add) } }
        }
        secureMessages(messages, dispatch)
        item { SectionHeading(words.specialist) }
        item { Field(words.name, name, { name = it }) }
        item { Field(words.organization, organization, { organization = it }) }
        item { Field(words.phone, phone, { phone = it }, kind = KeyboardType.Phone) }
        item { Field(words.email, email, { email = it }, kind = KeyboardType.Email) }
        item { Picker(words.preferredWay, words.contactWays.map { it.label }, preferred) { preferred = it } }
        hours.forEachIndexed { index, form ->
            item {
                Picker(words.day, words.days.map { it.label }, words.days.indexOfFirst { it.value == form.weekday }) { day ->
                    hours = hours.mapIndexed { i, h -> if (i == index) h.copy(weekday = words.days[day].value) else h }
                }
                Field("${words.from} (HH:MM)", form.start, { start -> hours = hours.mapIndexed { i, h -> if (i == index) h.copy(start = start) else h } })
                Field("${words.until} (HH:MM)", form.end, { end -> hours = hours.mapIndexed { i, h -> if (i == index) h.copy(end = end) else h } })
            }
        }
        item { OutlinedButton(onClick = { hours = hours + HoursForm(words.days.first().value, "09:00", "17:00") }) { Text(words.addHours) } }
        item {
            Button(onClick = {
                contact(ContactEvent.SetSpecialist(SpecialistForm(name, organization, phone, email, hours, words.contactWays[preferred].value)))
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
