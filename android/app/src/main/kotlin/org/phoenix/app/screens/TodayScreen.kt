package org.phoenix.app.screens

import androidx.compose.material3.Button
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.OutlinedButton
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.runtime.getValue
import androidx.compose.runtime.mutableStateOf
import androidx.compose.runtime.saveable.rememberSaveable
import androidx.compose.runtime.setValue
import org.phoenix.app.Dispatch
import org.phoenix.app.ui.CheckRow
import org.phoenix.app.ui.Field
import org.phoenix.app.ui.ScreenColumn
import org.phoenix.app.ui.SectionHeading
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
    ScreenColumn(view.heading) {
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
            item { Field("${view.recoveryDateLabel} (YYYY-MM-DD)", date, { date = it }) }
            item { Button(onClick = { dispatch(Event.SetRecoveryDate(date)) }) { Text(words.save) } }
        } else {
            item { Text(recovery.daysLabel, style = MaterialTheme.typography.headlineSmall) }
            item { Text(recovery.totalLabel) }
            item { Text(recovery.longestLabel) }
            recovery.milestoneReached?.let { item { Text(it, style = MaterialTheme.typography.titleMedium) } }
            recovery.nextMilestone?.let { item { Text(it) } }
            // Changing the date: the same rules as the first one; lapses stay.
            item { Field("${view.changeRecoveryDateLabel} (YYYY-MM-DD)", date.ifEmpty { view.recoveryDate ?: "" }, { date = it }) }
            item { OutlinedButton(onClick = { dispatch(Event.SetRecoveryDate(date.ifEmpty { view.recoveryDate ?: "" })) }) { Text(words.save) } }
            item { SectionHeading(view.recordLapseLabel) }
            item { Field(words.lapseDate, lapseDate, { lapseDate = it }) }
            item { Field(words.lapseContext, lapseContext, { lapseContext = it }) }
            item { OutlinedButton(onClick = { dispatch(Event.RecordLapse(lapseDate, lapseContext)); lapseContext = "" }) { Text(words.save) } }
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
