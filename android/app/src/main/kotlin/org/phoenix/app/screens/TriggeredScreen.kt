package org.phoenix.app.screens

import androidx.compose.foundation.lazy.LazyListScope
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
import org.phoenix.app.ui.BigLinkButton
import org.phoenix.app.ui.CheckRow
import org.phoenix.app.ui.Scale
import org.phoenix.app.ui.ScreenColumn
import org.phoenix.app.ui.SectionHeading
import org.phoenix.shared.ContactEvent
import org.phoenix.shared.Event
import org.phoenix.shared.FlowEvent
import org.phoenix.shared.FlowStep
import org.phoenix.shared.FormWords
import org.phoenix.shared.Halt
import org.phoenix.shared.ReachOut
import org.phoenix.shared.Screen
import org.phoenix.shared.TriggeredView

/** "I'm triggered": what set it off, how strong, what helps, how strong now. */
@Composable
fun TriggeredScreen(view: TriggeredView, words: FormWords, dispatch: Dispatch) {
    val flow = { event: FlowEvent -> dispatch(Event.Triggered(event)) }
    var halt by remember { mutableStateOf(listOf(false, false, false, false)) }
    // The scale starts where the core says: the second rating at the first.
    var craving by remember(view.step, view.ratingStart) { mutableIntStateOf(view.ratingStart.toInt()) }
    ScreenColumn(view.heading) {
        item { Text(view.prompt) }
        when (view.step) {
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
                view.ideasHeading?.let { heading ->
                    item { SectionHeading(heading) }
                    for (idea in view.ideas) item { Text("• $idea") }
                }
                for (strategy in view.strategies) {
                    item { CheckRow("${strategy.name} — ${strategy.evidence}", strategy.tried) { flow(FlowEvent.Tried(strategy.id, it)) } }
                }
                view.reachOut?.let { reachOut(it, dispatch) }
                item { Scale(view.cravingLabel, words.cravingScale, craving, 0..10) { craving = it } }
                item { Button(onClick = { flow(FlowEvent.RateAfter(craving.toUByte())) }) { Text(view.doneLabel) } }
            }
            is FlowStep.Done -> {
                view.stillHighMessage?.let { item { Text(it) } }
                view.reachOut?.let { reachOut(it, dispatch) }
                view.tryAnotherLabel?.let { label -> item { Button(onClick = { flow(FlowEvent.TryAnother) }) { Text(label) } } }
            }
        }
        item {
            OutlinedButton(onClick = { flow(FlowEvent.Cancel) }) {
                Text(if (view.step is FlowStep.Done) words.close else view.cancelLabel)
            }
        }
    }
}

/**
 * People in one tap: the peer's call and text (the preferred way first),
 * the crisis line, then Contact my peer and the safety plan. Links go
 * through the core, which shows the number if the phone cannot open them.
 */
fun LazyListScope.reachOut(panel: ReachOut, dispatch: Dispatch) {
    for (link in panel.peer + panel.crisis) {
        item { BigLinkButton(link.label) { dispatch(Event.Contact(ContactEvent.OpenLink(link.url))) } }
    }
    item { BigLinkButton(panel.contactPeerLabel) { dispatch(Event.Navigate(Screen.CONTACT)) } }
    item { BigLinkButton(panel.safetyPlanLabel) { dispatch(Event.Navigate(Screen.SAFETYPLAN)) } }
}
