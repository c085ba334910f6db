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
import org.phoenix.app.ui.ItemActions
import org.phoenix.app.ui.Picker
import org.phoenix.app.ui.SaveOrCancel
import org.phoenix.app.ui.ScreenColumn
import org.phoenix.app.ui.SectionHeading
import org.phoenix.shared.Event
import org.phoenix.shared.FormWords
import org.phoenix.shared.StrategyItem
import org.phoenix.shared.TriggerEvent
import org.phoenix.shared.TriggerItem
import org.phoenix.shared.TriggersView

@Composable
fun TriggersScreen(view: TriggersView, words: FormWords, dispatch: Dispatch) {
    var kind by rememberSaveable { mutableIntStateOf(0) }
    var name by rememberSaveable { mutableStateOf("") }
    var strategy by rememberSaveable { mutableStateOf("") }
    var helpsWith by remember { mutableStateOf(setOf<ULong>()) }
    ScreenColumn(view.heading) {
        // No items yet: what the screen is for, in one sentence.
        view.empty?.let { empty -> item { Text(empty) } }
        item { SectionHeading(view.addTriggerLabel) }
        item { Picker(words.kind, view.kinds.map { it.label }, kind) { kind = it } }
        item { Field(view.nameLabel, name, { name = it }, field = "trigger-name") }
        item { Button(onClick = { dispatch(Event.Triggers(TriggerEvent.AddTrigger(view.kinds[kind].value, name))); name = "" }) { Text(view.addTriggerLabel) } }
        for (trigger in view.triggers) {
            item(key = "trigger-${trigger.id}") { Trigger(trigger, view, words, dispatch) }
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
        for (item in view.strategies) item(key = "strategy-${item.id}") { Strategy(item, view, words, dispatch) }
        if (view.suggestions.isNotEmpty()) {
            item { SectionHeading(view.suggestionsHeading) }
            for (suggestion in view.suggestions) {
                item {
                    Text(suggestion.label)
                    Row {
                        OutlinedButton(onClick = { dispatch(Event.Triggers(TriggerEvent.KeepSuggestion(suggestion.value, listOf()))) }) { Text(view.keepLabel) }
                        OutlinedButton(onClick = { dispatch(Event.Triggers(TriggerEvent.DismissSuggestion(suggestion.value))) }) { Text(view.dismissLabel) }
                    }
                }
            }
        }
    }
}

@Composable
private fun Trigger(trigger: TriggerItem, view: TriggersView, words: FormWords, dispatch: Dispatch) {
    // Closes once the core has saved the trigger; a refused edit stays open.
    var editing by rememberSaveable(trigger.name, trigger.kind) { mutableStateOf(false) }
    if (editing) {
        var kind by rememberSaveable { mutableIntStateOf(view.kinds.indexOfFirst { it.value == trigger.kind }.coerceAtLeast(0)) }
        var name by rememberSaveable { mutableStateOf(trigger.name) }
        Picker(words.kind, view.kinds.map { it.label }, kind) { kind = it }
        Field(view.nameLabel, name, { name = it }, field = "trigger-edit-name")
        SaveOrCancel(words, onSave = {
            dispatch(Event.Triggers(TriggerEvent.EditTrigger(trigger.id, view.kinds[kind].value, name)))
        }, onCancel = { editing = false })
    } else {
        Text("${trigger.name} · ${trigger.kindLabel}")
        ItemActions(trigger.name, words, onEdit = { editing = true }, onDelete = { dispatch(Event.Triggers(TriggerEvent.RemoveTrigger(trigger.id))) })
    }
    for (insight in trigger.insight) Text("${insight.strategy}: ${insight.evidence}")
}

/** A strategy: rename it, link it to triggers (saved at each tick), delete it. */
@Composable
private fun Strategy(item: StrategyItem, view: TriggersView, words: FormWords, dispatch: Dispatch) {
    // Closes once the core has saved the name (ticking a trigger saves at
    // once and keeps the editor open); a refused name stays open.
    var editing by rememberSaveable(item.name) { mutableStateOf(false) }
    if (!editing) {
        Text(item.name)
        ItemActions(item.name, words, onEdit = { editing = true }, onDelete = { dispatch(Event.Triggers(TriggerEvent.RemoveStrategy(item.id))) })
        return
    }
    var name by rememberSaveable { mutableStateOf(item.name) }
    Field(view.nameLabel, name, { name = it }, field = "strategy-edit-name")
    if (view.triggers.isNotEmpty()) Text(words.helpsWith)
    for (trigger in view.triggers) {
        CheckRow(trigger.name, trigger.id in item.triggers) { on ->
            dispatch(Event.Triggers(TriggerEvent.Link(item.id, trigger.id, on)))
        }
    }
    SaveOrCancel(words, onSave = {
        dispatch(Event.Triggers(TriggerEvent.EditStrategy(item.id, name)))
    }, onCancel = { editing = false })
}
