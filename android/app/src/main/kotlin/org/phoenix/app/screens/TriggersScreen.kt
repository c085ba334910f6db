package org.phoenix.app.screens

import androidx.compose.foundation.layout.Row
import androidx.compose.material3.Button
import androidx.compose.material3.OutlinedButton
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.runtime.getValue
import androidx.compose.runtime.mutableIntStateOf
import androidx.compose.runtime.mutableStateOf
import androidx.compose.runtime.remember
import androidx.compose.runtime.saveable.rememberSaveable
import androidx.compose.runtime.setValue
import org.phoenix.app.Dispatch
import org.phoenix.app.ui.CheckRow
import org.phoenix.app.ui.Field
import org.phoenix.app.ui.Picker
import org.phoenix.app.ui.ScreenColumn
import org.phoenix.app.ui.SectionHeading
import org.phoenix.shared.Event
import org.phoenix.shared.FormWords
import org.phoenix.shared.TriggerEvent
import org.phoenix.shared.TriggersView

@Composable
fun TriggersScreen(view: TriggersView, words: FormWords, dispatch: Dispatch) {
    var kind by rememberSaveable { mutableIntStateOf(0) }
    var name by rememberSaveable { mutableStateOf("") }
    var strategy by rememberSaveable { mutableStateOf("") }
    var helpsWith by remember { mutableStateOf(setOf<ULong>()) }
    ScreenColumn(view.heading) {
        item { SectionHeading(view.addTriggerLabel) }
        item { Picker(words.kind, view.kinds.map { it.label }, kind) { kind = it } }
        item { Field(view.nameLabel, name, { name = it }, field = "trigger-name") }
        item { Button(onClick = { dispatch(Event.Triggers(TriggerEvent.AddTrigger(view.kinds[kind].value, name))); name = "" }) { Text(view.addTriggerLabel) } }
        for (trigger in view.triggers) {
            item(key = "trigger-${trigger.id}") {
                Text("${trigger.name} · ${trigger.kindLabel}")
                for (insight in trigger.insight) Text("${insight.strategy}: ${insight.evidence}")
            }
        }
        item { SectionHeading(view.addStrategyLabel) }
        item { Field(view.nameLabel, strategy, { strategy = it }, field = "strategy-name") }
        if (view.triggers.isNotEmpty()) item { Text(words.helpsWith) }
        for (trigger in view.triggers) {
            item { CheckRow(trigger.name, trigger.id in helpsWith) { on -> helpsWith = if (on) helpsWith + trigger.id else helpsWith - trigger.id } }
        }
        item {
            Button(onClick = {
                dispatch(Event.Triggers(TriggerEvent.AddStrategy(strategy, helpsWith.toList())))
                strategy = ""; helpsWith = emptySet()
            }) { Text(view.addStrategyLabel) }
        }
        for (item in view.strategies) item(key = "strategy-${item.id}") { Text(item.name) }
        if (view.suggestions.isNotEmpty()) {
            item { SectionHeading(view.suggestionsHeading) }
            for (suggestion in view.suggestions) {
                item {
                    Text(suggestion.label)
                    Row {
                        OutlinedButton(onClick = { dispatch(Event.Triggers(TriggerEvent.AddStrategy(suggestion.label, listOf()))) }) { Text(view.keepLabel) }
                        OutlinedButton(onClick = { dispatch(Event.Triggers(TriggerEvent.DismissSuggestion(suggestion.value))) }) { Text(view.dismissLabel) }
                    }
                }
            }
        }
    }
}
