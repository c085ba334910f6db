package org.phoenix.app.screens

import androidx.compose.material3.Button
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.OutlinedButton
import androidx.compose.material3.Text
import androidx.compose.material3.TextButton
import androidx.compose.runtime.Composable
import androidx.compose.runtime.LaunchedEffect
import androidx.compose.runtime.getValue
import androidx.compose.runtime.mutableStateOf
import androidx.compose.runtime.saveable.rememberSaveable
import androidx.compose.runtime.setValue
import org.phoenix.app.Dispatch
import org.phoenix.app.ui.BigLinkButton
import org.phoenix.app.ui.CheckRow
import org.phoenix.app.ui.Field
import org.phoenix.app.ui.ScreenColumn
import org.phoenix.app.ui.SectionHeading
import org.phoenix.shared.ContactEvent
import org.phoenix.shared.Event
import org.phoenix.shared.FormWords
import org.phoenix.shared.GoalEvent
import org.phoenix.shared.Screen
import org.phoenix.shared.TodayView

@Composable
fun TodayScreen(view: TodayView, words: FormWords, dispatch: Dispatch) {
    var date by rememberSaveable { mutableStateOf("") }
    var lapseDate by rememberSaveable { mutableStateOf("") }
    var lapseContext by rememberSaveable { mutableStateOf("") }
    // The lapse form closes once the core confirms the lapse.
    var lapseOpen by rememberSaveable { mutableStateOf(false) }
    val response = view.lapseResponse
    LaunchedEffect(response) { if (response != null) lapseOpen = false }
    ScreenColumn(view.heading) {
        // After a lapse: something kind, the total days, people within reach.
        response?.let { answer ->
            item { Text(answer.message, style = MaterialTheme.typography.titleMedium) }
            answer.totalDays?.let { item { Text(it, style = MaterialTheme.typography.headlineSmall) } }
            item { BigLinkButton(answer.contactPeerLabel) { dispatch(Event.Navigate(Screen.CONTACT)) } }
            item { BigLinkButton(answer.safetyPlanLabel) { dispatch(Event.Navigate(Screen.SAFETYPLAN)) } }
        }
        view.checkInPrompt?.let { prompt ->
            item { Text(prompt) }
            item { Button(onClick = { dispatch(Event.Navigate(Screen.CHECKIN)) }) { Text(view.checkInLabel) } }
        }
        view.recoveryCapitalPrompt?.let { prompt ->
            item { Text(prompt) }
            item { OutlinedButton(onClick = { dispatch(Event.Navigate(Screen.CHECKIN)) }) { Text(view.checkInLabel) } }
        }
        val recovery = view.recovery
        if (recovery == null) {
            item { Field("${view.recoveryDateLabel}. ${words.dateHint}", date, { date = it }, field = "recovery-date") }
            item { Button(onClick = { dispatch(Event.SetRecoveryDate(date)) }) { Text(words.save) } }
        } else {
            item { Text(recovery.daysLabel, style = MaterialTheme.typography.headlineSmall) }
            item { Text(recovery.totalLabel) }
            item { Text(recovery.longestLabel) }
            recovery.milestoneReached?.let { item { Text(it, style = MaterialTheme.typography.titleMedium) } }
            recovery.nextMilestone?.let { item { Text(it) } }
            // Changing the date: the same rules as the first one; lapses stay.
            item { Field("${view.changeRecoveryDateLabel}. ${words.dateHint}", date.ifEmpty { view.recoveryDate ?: "" }, { date = it }) }
            item { OutlinedButton(onClick = { dispatch(Event.SetRecoveryDate(date.ifEmpty { view.recoveryDate ?: "" })) }) { Text(words.save) } }
            item { TextButton(onClick = { lapseOpen = !lapseOpen }) { Text(view.recordLapseLabel) } }
            if (lapseOpen) {
                item { Field("${words.lapseDate}. ${words.dateHint}", lapseDate, { lapseDate = it }, field = "lapse-date") }
                item { Field(words.lapseContext, lapseContext, { lapseContext = it }) }
                item { OutlinedButton(onClick = { dispatch(Event.RecordLapse(lapseDate, lapseContext)); lapseContext = "" }) { Text(words.save) } }
            }
            item { Text(view.overdose.message) }
            item { OutlinedButton(onClick = { dispatch(Event.Contact(ContactEvent.CallEmergency)) }) { Text(view.overdose.call.label) } }
        }
        if (view.stepsDue.isNotEmpty()) {
            item { SectionHeading(view.stepsDueHeading) }
            for (step in view.stepsDue) {
                item(key = "step-${step.id}") {
                    CheckRow("${step.title} (${step.goalTitle})", step.done) { done ->
                        dispatch(Event.Goals(if (done) GoalEvent.CompleteStep(step.id) else GoalEvent.ReopenStep(step.id)))
                    }
                }
            }
        }
        if (view.appointments.isNotEmpty()) {
            item { SectionHeading(view.appointmentsHeading) }
            for (appointment in view.appointments) item { Text("${appointment.title} · ${appointment.at} · ${appointment.place}") }
        }
    }
}
