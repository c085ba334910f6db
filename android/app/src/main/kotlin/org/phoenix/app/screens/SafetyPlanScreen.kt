package org.phoenix.app.screens

import androidx.compose.material3.Button
import androidx.compose.material3.OutlinedButton
import androidx.compose.material3.Text
import androidx.compose.material3.TextButton
import androidx.compose.runtime.Composable
import androidx.compose.runtime.DisposableEffect
import androidx.compose.runtime.rememberUpdatedState
import androidx.compose.runtime.getValue
import androidx.compose.runtime.mutableStateOf
import androidx.compose.runtime.remember
import androidx.compose.runtime.saveable.rememberSaveable
import androidx.compose.runtime.setValue
import androidx.compose.ui.text.input.KeyboardType
import org.phoenix.app.Dispatch
import org.phoenix.app.ui.BigLinkButton
import org.phoenix.app.ui.Field
import org.phoenix.app.ui.SectionHeading
import org.phoenix.app.ui.Group
import org.phoenix.app.ui.ScreenColumn
import org.phoenix.app.ui.asLines
import org.phoenix.app.ui.asList
import org.phoenix.shared.ContactEvent
import org.phoenix.shared.Event
import org.phoenix.shared.FormWords
import org.phoenix.shared.Person
import org.phoenix.shared.SafetyPlan
import org.phoenix.shared.SafetyPlanView
import org.phoenix.app.ui.ShareButton
import org.phoenix.shared.ShareItem

/** The Stanley–Brown safety plan: read to use now first; editing is separate and saves as you go. */
@Composable
fun SafetyPlanScreen(view: SafetyPlanView, words: FormWords, dispatch: Dispatch) {
    val useNow = view.useNow
    var editing by rememberSaveable { mutableStateOf(useNow.emptyMessage != null) }
    if (editing) {
        SafetyPlanEditor(view, words, dispatch) { editing = false }
    } else {
        ScreenColumn(view.heading) {
            for (link in useNow.people + useNow.crisis) {
                item { BigLinkButton(link.label) { dispatch(Event.Contact(ContactEvent.OpenLink(link.url))) } }
            }
            if (useNow.reasons.isNotEmpty()) {
                item { SectionHeading(useNow.reasonsHeading) }
                for (reason in useNow.reasons) item { Text("• $reason") }
            }
            for (step in useNow.steps) {
                item { SectionHeading(step.heading) }
                for (line in step.items) item { Text("• $line") }
            }
            item { Text(useNow.overdose.message) }
            item { OutlinedButton(onClick = { dispatch(Event.Contact(ContactEvent.CallEmergency)) }) { Text(useNow.overdose.call.label) } }
            item { OutlinedButton(onClick = { editing = true }) { Text(useNow.editLabel) } }
            item { ShareButton(ShareItem.SafetyPlan, dispatch) }
        }
    }
}

/**
 * Editing: nothing typed is lost. The plan saves with Save, with Done, and
 * when the screen goes away with changes unsaved (navigation, I'm
 * triggered); every save is confirmed by the core's status message.
 */
@Composable
private fun SafetyPlanEditor(view: SafetyPlanView, words: FormWords, dispatch: Dispatch, onDone: () -> Unit) {
    val plan = view.plan
    var warningSigns by rememberSaveable { mutableStateOf(plan.warningSigns.asLines()) }
    var coping by rememberSaveable { mutableStateOf(plan.internalCoping.asLines()) }
    var distractions by rememberSaveable { mutableStateOf(plan.distractions.asLines()) }
    var people by remember { mutableStateOf(plan.peopleToAsk) }
    var professionals by remember { mutableStateOf(plan.professionals) }
    var environment by rememberSaveable { mutableStateOf(plan.safeEnvironment.asLines()) }
    var reasons by rememberSaveable { mutableStateOf(plan.reasonsForLiving.asLines()) }
    val typed = SafetyPlan(warningSigns.asList(), coping.asList(), distractions.asList(), people, professionals, environment.asList(), reasons.asList())
    val latest by rememberUpdatedState(typed)
    var sent by remember { mutableStateOf(typed) }
    val save = {
        sent = latest
        dispatch(Event.SafetyPlan(latest))
    }
    // Leaving with changes unsaved saves them.
    DisposableEffect(Unit) { onDispose { if (latest != sent) save() } }
    val headings = view.stepHeadings
    ScreenColumn(view.heading) {
        view.useNow.emptyMessage?.let { item { Text(it) } }
        item { Field("${headings[0]}. ${words.onePerLine}", warningSigns, { warningSigns = it }, lines = 3) }
        item { Field("${headings[1]}. ${words.onePerLine}", coping, { coping = it }, lines = 3) }
        item { Field("${headings[2]}. ${words.onePerLine}", distractions, { distractions = it }, lines = 3) }
        item { People(headings[3], people, plan.peopleToAsk, view.peopleToAskCalls, words, dispatch) { people = it } }
        item { People(headings[4], professionals, plan.professionals, view.professionalsCalls, words, dispatch) { professionals = it } }
        item { Field("${headings[5]}. ${words.onePerLine}", environment, { environment = it }, lines = 3) }
        item { Field("${headings[6]}. ${words.onePerLine}", reasons, { reasons = it }, lines = 3) }
        item { Button(onClick = save) { Text(view.saveLabel) } }
        item {
            OutlinedButton(onClick = {
                if (latest != sent) save()
                onDone()
            }) { Text(view.useNow.doneEditingLabel) }
        }
    }
}

/** Rows of name and phone; a saved person with a number to dial gets a call button (the core's open-url effect). */
@Composable
private fun People(
    title: String,
    people: List<Person>,
    saved: List<Person>,
    calls: List<String?>,
    words: FormWords,
    dispatch: Dispatch,
    onChange: (List<Person>) -> Unit,
) {
    Group(title) {
        people.forEachIndexed { index, person ->
            Field(words.name, person.name, { name -> onChange(people.mapIndexed { i, p -> if (i == index) p.copy(name = name) else p }) })
            Field(words.phone, person.phone, { phone -> onChange(people.mapIndexed { i, p -> if (i == index) p.copy(phone = phone) else p }) }, kind = KeyboardType.Phone)
            if (calls.getOrNull(index) != null) {
                val number = saved[index].phone
                TextButton(onClick = { dispatch(Event.Contact(ContactEvent.CallNumber(number))) }) { Text(number) }
            }
        }
        OutlinedButton(onClick = { onChange(people + Person("", "")) }) { Text("${words.add}: $title") }
    }
}
