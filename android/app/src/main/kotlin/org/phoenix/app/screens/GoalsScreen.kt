package org.phoenix.app.screens

import androidx.compose.material3.Button
import androidx.compose.material3.LinearProgressIndicator
import androidx.compose.material3.OutlinedButton
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.runtime.getValue
import androidx.compose.runtime.mutableIntStateOf
import androidx.compose.runtime.mutableStateOf
import androidx.compose.runtime.saveable.rememberSaveable
import androidx.compose.runtime.setValue
import androidx.compose.ui.Modifier
import androidx.compose.ui.semantics.contentDescription
import androidx.compose.ui.semantics.semantics
import org.phoenix.app.Dispatch
import org.phoenix.app.ui.CheckRow
import org.phoenix.app.ui.Field
import org.phoenix.app.ui.ItemActions
import org.phoenix.app.ui.Picker
import org.phoenix.app.ui.SaveOrCancel
import org.phoenix.app.ui.ScreenColumn
import org.phoenix.app.ui.SectionHeading
import org.phoenix.app.ui.orNull
import org.phoenix.shared.Event
import org.phoenix.shared.FormWords
import org.phoenix.shared.GoalEvent
import org.phoenix.shared.GoalItem
import org.phoenix.shared.GoalsView
import org.phoenix.shared.StepItem
import org.phoenix.app.ui.ShareButton
import org.phoenix.shared.ShareItem

@Composable
fun GoalsScreen(view: GoalsView, words: FormWords, dispatch: Dispatch) {
    var title by rememberSaveable { mutableStateOf("") }
    var dimension by rememberSaveable { mutableIntStateOf(0) }
    var why by rememberSaveable { mutableStateOf("") }
    var target by rememberSaveable { mutableStateOf("") }
    ScreenColumn(view.heading) {
        // No items yet: what the screen is for, in one sentence.
        view.empty?.let { empty -> item { Text(empty) } }
        item { Field(view.titleLabel, title, { title = it }, field = "goal-title") }
        item { Picker(words.dimension, view.dimensions.map { it.label }, dimension) { dimension = it } }
        item { Field(view.whyLabel, why, { why = it }, lines = 2) }
        item { Field("${view.targetLabel}. ${words.dateHint}", target, { target = it }, field = "goal-target") }
        item {
            Button(onClick = {
                dispatch(Event.Goals(GoalEvent.Add(title, view.dimensions[dimension].value, why, target.orNull())))
                title = ""; why = ""; target = ""
            }) { Text(view.addGoalLabel) }
        }
        for (goal in view.goals) item(key = "goal-${goal.id}") { Goal(goal, view, words, dispatch) }
        if (view.history.isNotEmpty()) {
            item { SectionHeading(view.historyHeading) }
            for (goal in view.history) item { Text("${goal.title} · ${goal.statusLabel} · ${goal.progressLabel}") }
        }
    }
}

@Composable
private fun Goal(goal: GoalItem, view: GoalsView, words: FormWords, dispatch: Dispatch) {
    var step by rememberSaveable { mutableStateOf("") }
    var due by rememberSaveable { mutableStateOf("") }
    // The editor closes when the core has saved the goal (its fields change);
    // a refused edit keeps the editor open with what was typed.
    var editing by rememberSaveable(goal.title, goal.dimension, goal.why, goal.targetDate) { mutableStateOf(false) }
    SectionHeading(goal.title)
    if (editing) {
        GoalEditor(goal, view, words, dispatch) { editing = false }
    } else {
        Text("${goal.dimensionLabel} · ${goal.statusLabel}${goal.target?.let { " · $it" } ?: ""}")
        if (goal.why.isNotEmpty()) Text(goal.why)
        ItemActions(goal.title, words, onEdit = { editing = true }, onDelete = { dispatch(Event.Goals(GoalEvent.DeleteGoal(goal.id))) })
        ShareButton(ShareItem.Goal(goal.id), dispatch, name = goal.title)
    }
    LinearProgressIndicator(
        progress = { goal.progress.toFloat() / 100f },
        modifier = Modifier.semantics { contentDescription = goal.progressLabel },
    )
    Text(goal.progressLabel)
    for (item in goal.steps) Step(item, words, dispatch)
    Field(words.step, step, { step = it }, field = "step-title")
    Field("${words.due}. ${words.dateHint}", due, { due = it }, field = "step-due")
    OutlinedButton(onClick = { dispatch(Event.Goals(GoalEvent.AddStep(goal.id, step, due.orNull()))); step = ""; due = "" }) {
        Text(view.addStepLabel)
    }
}

/** The goal's own fields, as saved; Save sends them to the core, which checks them. */
@Composable
private fun GoalEditor(goal: GoalItem, view: GoalsView, words: FormWords, dispatch: Dispatch, close: () -> Unit) {
    var title by rememberSaveable { mutableStateOf(goal.title) }
    var dimension by rememberSaveable { mutableIntStateOf(view.dimensions.indexOfFirst { it.value == goal.dimension }.coerceAtLeast(0)) }
    var why by rememberSaveable { mutableStateOf(goal.why) }
    var target by rememberSaveable { mutableStateOf(goal.targetDate ?: "") }
    Field(view.titleLabel, title, { title = it }, field = "goal-edit-title")
    Picker(words.dimension, view.dimensions.map { it.label }, dimension) { dimension = it }
    Field(view.whyLabel, why, { why = it }, lines = 2)
    Field("${view.targetLabel}. ${words.dateHint}", target, { target = it }, field = "goal-edit-target")
    SaveOrCancel(words, onSave = {
        dispatch(Event.Goals(GoalEvent.Edit(goal.id, title, view.dimensions[dimension].value, why, target.orNull())))
    }, onCancel = close)
}

@Composable
private fun Step(item: StepItem, words: FormWords, dispatch: Dispatch) {
    // Closes once the core has saved the step; a refused edit stays open.
    var editing by rememberSaveable(item.title, item.dueDate) { mutableStateOf(false) }
    if (editing) {
        var title by rememberSaveable { mutableStateOf(item.title) }
        var due by rememberSaveable { mutableStateOf(item.dueDate ?: "") }
        Field(words.step, title, { title = it }, field = "step-edit-title")
        Field("${words.due}. ${words.dateHint}", due, { due = it }, field = "step-edit-due")
        SaveOrCancel(words, onSave = {
            dispatch(Event.Goals(GoalEvent.EditStep(item.id, title, due.orNull())))
        }, onCancel = { editing = false })
        return
    }
    CheckRow(item.due?.let { "${item.title} ($it)" } ?: item.title, item.done) { done ->
        dispatch(Event.Goals(if (done) GoalEvent.CompleteStep(item.id) else GoalEvent.ReopenStep(item.id)))
    }
    ItemActions(item.title, words, onEdit = { editing = true }, onDelete = { dispatch(Event.Goals(GoalEvent.DeleteStep(item.id))) })
}
