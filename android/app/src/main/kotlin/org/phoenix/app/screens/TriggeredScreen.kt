package org.phoenix.app.screens

import androidx.compose.material3.Button
import androidx.compose.material3.OutlinedButton
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.runtime.getValue
import androidx.compose.runtime.mutableIntStateOf
import androidx.compose.runtime.mutableStateOf
import androidx.compose.runtime.remember
import androidx.compose.runtime.setValue
import org.phoenix.app.Dispatch
import org.phoenix.app.ui.CheckRow
import org.phoenix.app.ui.Scale
import org.phoenix.app.ui.ScreenColumn
import org.phoenix.shared.Event
import org.phoenix.shared.FlowEvent
import org.phoenix.shared.FlowStep
import org.phoenix.shared.FormWords
import org.phoenix.shared.Halt
import org.phoenix.shared.HelpActions
import org.phoenix.shared.Screen
import org.phoenix.shared.TriggeredView

/** "I'm triggered": what set it off, how strong, what helps, how strong now. */
@Composable
fun TriggeredScreen(view: TriggeredView, words: FormWords, help: HelpActions, dispatch: Dispatch) {
    val flow = { event: FlowEvent -> dispatch(Event.Triggered(event)) }
    var halt by remember { mutableStateOf(listOf(false, false, false, false)) }
    var craving by remember(view.step) { mutableIntStateOf(5) }
    ScreenColumn(view.heading) {
        item { Text(view.prompt) }
        when (val step = view.step) {
            is FlowStep.ChooseTrigger -> {
                for (trigger in view.triggers) item { Button(onClick = { flow(FlowEvent.ChooseTrigger(trigger.value)) }) { Text(trigger.label) } }
                item { Text(view.haltLabel) }
                view.halt.forEachIndexed { index, choice ->
                    item { CheckRow(choice.label, halt[index]) { on -> halt = halt.mapIndexed { i, v -> if (i == index) on else v } } }
                }
                item { OutlinedButton(onClick = { flow(FlowEvent.Halt(Halt(halt[0], halt[1], halt[2], halt[3]))) }) { Text(words.next) } }
            }
            is FlowStep.RateBefore -> {
                item { Scale(view.cravingLabel, words.cravingScale, craving, 0..10) { craving = it } }
                item { Button(onClick = { flow(FlowEvent.RateBefore(craving.toUByte())) }) { Text(words.next) } }
            }
            is FlowStep.Cope -> {
                for (strategy in view.strategies) {
                    item { CheckRow("${strategy.name} — ${strategy.evidence}", strategy.tried) { flow(FlowEvent.Tried(strategy.id, it)) } }
                }
                item { Scale(view.cravingLabel, words.cravingScale, craving, 0..10) { craving = it } }
                item { Button(onClick = { flow(FlowEvent.RateAfter(craving.toUByte())) }) { Text(view.doneLabel) } }
            }
            is FlowStep.Done -> if (step.stillHigh) {
                view.stillHighMessage?.let { item { Text(it) } }
                item { Button(onClick = { dispatch(Event.Navigate(Screen.CONTACT)) }) { Text(help.contactPeer) } }
                item { Button(onClick = { dispatch(Event.Navigate(Screen.SAFETYPLAN)) }) { Text(view.safetyPlanLabel) } }
            }
        }
        item {
            OutlinedButton(onClick = { flow(FlowEvent.Cancel) }) {
                Text(if (view.step is FlowStep.Done) words.close else view.cancelLabel)
            }
        }
    }
}
