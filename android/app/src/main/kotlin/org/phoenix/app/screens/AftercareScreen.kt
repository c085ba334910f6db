package org.phoenix.app.screens

import androidx.compose.foundation.layout.Row
import androidx.compose.material3.Button
import androidx.compose.material3.OutlinedButton
import androidx.compose.material3.Text
import androidx.compose.material3.TextButton
import androidx.compose.runtime.Composable
import androidx.compose.runtime.getValue
import androidx.compose.runtime.mutableIntStateOf
import androidx.compose.runtime.mutableStateOf
import androidx.compose.runtime.saveable.rememberSaveable
import androidx.compose.runtime.setValue
import androidx.compose.ui.text.input.KeyboardType
import org.phoenix.app.Dispatch
import org.phoenix.app.ui.CheckRow
import org.phoenix.app.ui.Field
import org.phoenix.app.ui.Picker
import org.phoenix.app.ui.ScreenColumn
import org.phoenix.app.ui.SectionHeading
import org.phoenix.app.ui.asLines
import org.phoenix.app.ui.asList
import org.phoenix.shared.AftercareEvent
import org.phoenix.shared.AftercarePlan
import org.phoenix.shared.AftercareView
import org.phoenix.shared.AppointmentForm
import org.phoenix.shared.ContactEvent
import org.phoenix.shared.Document
import org.phoenix.shared.DocumentKind
import org.phoenix.shared.Event
import org.phoenix.shared.FormWords
import org.phoenix.shared.MeetingForm
import org.phoenix.shared.Referral
import org.phoenix.shared.SupportContact
import org.phoenix.app.ui.SharePlanMenu

@Composable
fun AftercareScreen(view: AftercareView, words: FormWords, dispatch: Dispatch) {
    val aftercare = { event: AftercareEvent -> dispatch(Event.Aftercare(event)) }
    val remove = @Composable { id: ULong, name: String ->
        OutlinedButton(onClick = { aftercare(AftercareEvent.Remove(id)) }) { Text("${words.remove}: $name") }
    }
    // Form state, one set per section.
    var contactName by rememberSaveable { mutableStateOf("") }
    var relationship by rememberSaveable { mutableStateOf("") }
    var contactPhone by rememberSaveable { mutableStateOf("") }
    var category by rememberSaveable { mutableIntStateOf(0) }
    var organization by rememberSaveable { mutableStateOf("") }
    var referralContact by rememberSaveable { mutableStateOf("") }
    var address by rememberSaveable { mutableStateOf("") }
    var hours by rememberSaveable { mutableStateOf("") }
    var notes by rememberSaveable { mutableStateOf("") }
    var status by rememberSaveable { mutableIntStateOf(0) }
    var documentStatus by rememberSaveable { mutableIntStateOf(0) }
    var documentKind by rememberSaveable { mutableIntStateOf(0) }
    var documentName by rememberSaveable { mutableStateOf("") }
    var title by rememberSaveable { mutableStateOf("") }
    var at by rememberSaveable { mutableStateOf("") }
    var place by rememberSaveable { mutableStateOf("") }
    var meeting by rememberSaveable { mutableStateOf("") }
    var day by rememberSaveable { mutableIntStateOf(0) }
    var time by rememberSaveable { mutableStateOf("") }
    var meetingPlace by rememberSaveable { mutableStateOf("") }
    var warningSigns by rememberSaveable { mutableStateOf(view.plan.warningSigns.asLines()) }
    var reEngagement by rememberSaveable { mutableStateOf(view.plan.reEngagement.asLines()) }

    ScreenColumn(view.heading) {
        item {
            Row {
                Button(onClick = { dispatch(Event.ExportPlan) }) { Text(view.exportDocumentLabel) }
                OutlinedButton(onClick = { dispatch(Event.ExportCalendar) }) { Text(view.exportCalendarLabel) }
            }
            SharePlanMenu(dispatch)
        }
        item { SectionHeading(view.contactsHeading) }
        // Empty: what the section is for, in one sentence.
        view.contactsEmpty?.let { empty -> item { Text(empty) } }
        for (entry in view.contacts) item {
            Text("${entry.contact.name} (${entry.contact.relationship})")
            // One tap to call, through the core's open-url effect, when the number has digits.
            if (entry.callUrl != null) {
                TextButton(onClick = { dispatch(Event.Contact(ContactEvent.CallNumber(entry.contact.phone))) }) { Text(entry.contact.phone) }
            } else {
                Text(entry.contact.phone)
            }
            remove(entry.id, entry.contact.name)
        }
        item { Field(words.name, contactName, { contactName = it }, field = "contact-name") }
        item { Field(words.relationship, relationship, { relationship = it }) }
        item { Field(words.phone, contactPhone, { contactPhone = it }, kind = KeyboardType.Phone) }
        item { Button(onClick = { aftercare(AftercareEvent.SaveContact(null, SupportContact(contactName, relationship, contactPhone))); contactName = ""; relationship = ""; contactPhone = "" }) { Text(words.addContact) } }

        item { SectionHeading(view.referralsHeading) }
        // Empty: what the section is for, in one sentence.
        view.referralsEmpty?.let { empty -> item { Text(empty) } }
        for (item in view.referrals) item {
            Text("${item.organization} · ${item.categoryLabel} · ${item.statusLabel}")
            for (line in listOf(item.contact, item.address, item.hours, item.notes)) if (line.isNotEmpty()) Text(line)
            Picker("${words.status}: ${item.organization}", view.referralStatuses.map { it.label }, view.referralStatuses.indexOfFirst { it.value == item.status }) { index ->
                val changed = Referral(item.category, item.organization, item.contact, item.address, item.hours, view.referralStatuses[index].value, item.notes)
                aftercare(AftercareEvent.SaveReferral(item.id, changed))
            }
            if (item.callUrl != null) TextButton(onClick = { dispatch(Event.Contact(ContactEvent.CallNumber(item.contact))) }) { Text(item.contact) }
            remove(item.id, item.organization)
        }
        item { Picker(words.category, view.categories.map { it.label }, category) { category = it } }
        item { Field(words.organization, organization, { organization = it }, field = "referral-organization") }
        item { Field(words.phone, referralContact, { referralContact = it }) }
        item { Field(words.address, address, { address = it }) }
        item { Field(words.hours, hours, { hours = it }) }
        item { Picker(words.status, view.referralStatuses.map { it.label }, status) { status = it } }
        item { Field(words.notes, notes, { notes = it }, lines = 2) }
        item {
            Button(onClick = {
                aftercare(AftercareEvent.SaveReferral(null, Referral(view.categories[category].value, organization, referralContact, address, hours, view.referralStatuses[status].value, notes)))
                organization = ""; referralContact = ""; address = ""; hours = ""; notes = ""
            }) { Text(words.addReferral) }
        }

        item { SectionHeading(view.documentsHeading) }
        // Empty: what the section is for, in one sentence.
        view.documentsEmpty?.let { empty -> item { Text(empty) } }
        for (item in view.documents) item {
            Text("${item.name} · ${item.statusLabel} ${item.waitingFor.joinToString()}")
            Picker("${words.status}: ${item.name}", view.documentStatuses.map { it.label }, view.documentStatuses.indexOfFirst { it.value == item.status }) { index ->
                val name = if (item.kind == DocumentKind.OTHER) item.name else ""
                aftercare(AftercareEvent.SaveDocument(item.id, Document(item.kind, name, view.documentStatuses[index].value, item.needsFirst)))
            }
            // What to get first (a birth certificate before a social security card); the core refuses a circle.
            for (other in view.documents.filter { it.id != item.id }) {
                CheckRow("${view.needsFirstLabel}: ${other.name}", other.id in item.needsFirst) { on ->
                    val first = if (on) item.needsFirst + other.id else item.needsFirst - other.id
                    val name = if (item.kind == DocumentKind.OTHER) item.name else ""
                    aftercare(AftercareEvent.SaveDocument(item.id, Document(item.kind, name, item.status, first)))
                }
            }
            remove(item.id, item.name)
        }
        item { Picker(words.document, view.documentKinds.map { it.label }, documentKind) { documentKind = it } }
        if (view.documentKinds[documentKind].value == DocumentKind.OTHER) item { Field(words.name, documentName, { documentName = it }) }
        item { Picker(words.status, view.documentStatuses.map { it.label }, documentStatus) { documentStatus = it } }
        item {
            Button(onClick = {
                aftercare(AftercareEvent.SaveDocument(null, Document(view.documentKinds[documentKind].value, documentName, view.documentStatuses[documentStatus].value, listOf())))
                documentName = ""
            }) { Text(words.addDocument) }
        }

        item { SectionHeading(view.appointmentsHeading) }
        // Empty: what the section is for, in one sentence.
        view.appointmentsEmpty?.let { empty -> item { Text(empty) } }
        for (item in view.appointments) item { Text("${item.title} · ${item.at} · ${item.place}"); remove(item.id, item.title) }
        item { Field(words.title, title, { title = it }, field = "appointment-title") }
        item { Field("${words.dateTime}. ${words.dateTimeHint}", at, { at = it }, field = "appointment-at") }
        item { Field(words.place, place, { place = it }) }
        item { Button(onClick = { aftercare(AftercareEvent.SaveAppointment(null, AppointmentForm(title, at, place, view.defaultRemindMinutes))); title = ""; at = ""; place = "" }) { Text(words.addAppointment) } }

        item { SectionHeading(view.meetingsHeading) }
        // Empty: what the section is for, in one sentence.
        view.meetingsEmpty?.let { empty -> item { Text(empty) } }
        for (item in view.meetings) item { Text("${item.name} · ${item.dayAndTime} · ${item.place}"); remove(item.id, item.name) }
        item { Field(words.name, meeting, { meeting = it }, field = "meeting-name") }
        item { Picker(words.day, words.days.map { it.label }, day) { day = it } }
        item { Field("${words.time} (HH:MM)", time, { time = it }, field = "meeting-time") }
        item { Field(words.place, meetingPlace, { meetingPlace = it }) }
        item { Button(onClick = { aftercare(AftercareEvent.SaveMeeting(null, MeetingForm(meeting, words.days[day].value, time, meetingPlace))); meeting = ""; time = ""; meetingPlace = "" }) { Text(words.addMeeting) } }

        item { Field("${view.warningSignsHeading}. ${words.onePerLine}", warningSigns, { warningSigns = it }, lines = 3) }
        item { Field("${view.reEngagementHeading}. ${words.onePerLine}", reEngagement, { reEngagement = it }, lines = 3) }
        item { Button(onClick = { aftercare(AftercareEvent.SetPlan(AftercarePlan(warningSigns.asList(), reEngagement.asList()))) }) { Text(view.saveLabel) } }
    }
}
