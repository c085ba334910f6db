package org.phoenix.app.screens

import androidx.compose.material3.Button
import androidx.compose.material3.ButtonDefaults
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
import androidx.compose.ui.text.input.KeyboardType
import org.phoenix.app.Dispatch
import org.phoenix.app.ui.CheckRow
import org.phoenix.app.ui.Field
import org.phoenix.app.ui.Picker
import org.phoenix.app.ui.Scale
import org.phoenix.app.ui.ScreenColumn
import org.phoenix.app.ui.SectionHeading
import org.phoenix.shared.CheckInForm
import org.phoenix.shared.CheckInView
import org.phoenix.shared.Event
import org.phoenix.shared.FlowEvent
import org.phoenix.shared.FormWords
import org.phoenix.shared.Halt

@Composable
fun CheckInScreen(view: CheckInView, words: FormWords, dispatch: Dispatch) {
    // Today's check-in reopens exactly as saved: every answer.
    val saved = view.saved
    var mood by rememberSaveable(saved) { mutableIntStateOf(saved?.mood?.toInt() ?: 3) }
    var craving by rememberSaveable(saved) { mutableIntStateOf(saved?.craving?.toInt() ?: 0) }
    var halt by remember(saved) {
        mutableStateOf(saved?.halt?.let { listOf(it.hungry, it.angry, it.lonely, it.tired) } ?: listOf(false, false, false, false))
    }
    var sleep by rememberSaveable(saved) { mutableStateOf(saved?.sleepHours ?: "") }
    var used by rememberSaveable(saved) { mutableIntStateOf(when (saved?.usedToday) { false -> 0; true -> 1; null -> 2 }) }
    var note by rememberSaveable(saved) { mutableStateOf(saved?.note ?: view.note) }
    var barc by remember { mutableStateOf(List(view.barcItems.size) { 0 }) }
    ScreenColumn(view.heading) {
        view.offerTriggered?.let { offer ->
            item { Text(offer) }
            item {
                Button(
                    onClick = { dispatch(Event.Triggered(FlowEvent.Start)) },
                    colors = ButtonDefaults.buttonColors(containerColor = MaterialTheme.colorScheme.error),
                ) { Text(view.imTriggeredLabel) }
            }
        }
        item { Scale(view.moodLabel, words.moodScale, mood, 1..5) { mood = it } }
        item { Scale(view.cravingLabel, words.cravingScale, craving, 0..10) { craving = it } }
        item { Text(view.haltLabel) }
        words.halt.forEachIndexed { index, label ->
            item { CheckRow(label, halt[index]) { on -> halt = halt.mapIndexed { i, v -> if (i == index) on else v } } }
        }
        item { Field(view.sleepLabel, sleep, { sleep = it }, kind = KeyboardType.Number, field = "sleep-hours") }
        item { Text(view.usedNote) }
        item { Picker(view.usedLabel, listOf(words.no, words.yes, words.preferNotToSay), used) { used = it } }
        item { Field(view.noteLabel, note, { note = it }, lines = 3) }
        item {
            Button(onClick = {
                val usedToday = when (used) { 0 -> false; 1 -> true; else -> null }
                val halts = Halt(halt[0], halt[1], halt[2], halt[3])
                val form = CheckInForm(mood.toUByte(), craving.toUByte(), halts, sleep, usedToday, saved?.triggers ?: listOf(), saved?.strategies ?: listOf(), note)
                dispatch(Event.CheckIn(form))
            }) { Text(view.submitLabel) }
        }
        item { SectionHeading(view.barcHeading) }
        view.barcLastScore?.let { item { Text(it) } }
        view.barcItems.forEachIndexed { index, statement ->
            item {
                Picker(statement, view.barcScale, barc[index] - 1) { option -> barc = barc.mapIndexed { i, v -> if (i == index) option + 1 else v } }
            }
        }
        item {
            OutlinedButton(enabled = barc.all { it > 0 }, onClick = { dispatch(Event.RecoveryCapital(barc.map { it.toUByte() })) }) { Text(words.save) }
        }
    }
}
