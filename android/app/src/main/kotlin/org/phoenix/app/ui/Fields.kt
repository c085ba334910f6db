package org.phoenix.app.ui

import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.ColumnScope
import androidx.compose.foundation.layout.Row
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.heightIn
import androidx.compose.foundation.lazy.LazyColumn
import androidx.compose.foundation.lazy.LazyListScope
import androidx.compose.foundation.selection.toggleable
import androidx.compose.foundation.text.KeyboardOptions
import androidx.compose.material3.Checkbox
import androidx.compose.material3.DropdownMenuItem
import androidx.compose.material3.ExperimentalMaterial3Api
import androidx.compose.material3.ExposedDropdownMenuBox
import androidx.compose.material3.ExposedDropdownMenuDefaults
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.MenuAnchorType
import androidx.compose.material3.OutlinedTextField
import androidx.compose.material3.Slider
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.runtime.LaunchedEffect
import androidx.compose.runtime.compositionLocalOf
import androidx.compose.runtime.getValue
import androidx.compose.runtime.mutableStateOf
import androidx.compose.runtime.remember
import androidx.compose.runtime.setValue
import androidx.compose.ui.Alignment
import androidx.compose.ui.Modifier
import androidx.compose.ui.focus.FocusRequester
import androidx.compose.ui.focus.focusRequester
import androidx.compose.ui.semantics.Role
import androidx.compose.ui.semantics.contentDescription
import androidx.compose.ui.semantics.error
import androidx.compose.ui.semantics.LiveRegionMode
import androidx.compose.ui.semantics.liveRegion
import androidx.compose.ui.semantics.heading
import androidx.compose.ui.semantics.semantics
import androidx.compose.ui.text.input.KeyboardType
import androidx.compose.ui.text.input.PasswordVisualTransformation
import androidx.compose.ui.unit.dp
import kotlin.math.roundToInt

/** A screen: a scrolling column under its heading. Text scales with the system font size. */
@Composable
fun ScreenColumn(heading: String, content: LazyListScope.() -> Unit) {
    LazyColumn(verticalArrangement = Arrangement.spacedBy(12.dp)) {
        item { Text(heading, style = MaterialTheme.typography.headlineMedium, modifier = Modifier.semantics { heading() }) }
        content()
    }
}

@Composable
fun SectionHeading(text: String) {
    Text(text, style = MaterialTheme.typography.titleLarge, modifier = Modifier.semantics { heading() })
}

/** The problem the core tied to a field: its field name (`ViewModel.problemField`) and message. */
data class FieldProblem(val field: String?, val text: String?)

val LocalFieldProblem = compositionLocalOf { FieldProblem(null, null) }

/**
 * A labelled text field; the label is what TalkBack announces. [field] is
 * the core's name for it: when the core ties its problem to that field, the
 * message shows under the field (and is announced) and the field takes focus.
 */
@Composable
fun Field(
    label: String,
    value: String,
    onChange: (String) -> Unit,
    kind: KeyboardType = KeyboardType.Text,
    secret: Boolean = false,
    lines: Int = 1,
    field: String? = null,
) {
    val problem = LocalFieldProblem.current
    val message = if (field != null && problem.field == field) problem.text else null
    val focus = remember { FocusRequester() }
    LaunchedEffect(message) { if (message != null) focus.requestFocus() }
    val supporting: (@Composable () -> Unit)? = message?.let { text ->
        @Composable { Text(text, modifier = Modifier.semantics { liveRegion = LiveRegionMode.Assertive }) }
    }
    OutlinedTextField(
        value = value,
        onValueChange = onChange,
        label = { Text(label) },
        isError = message != null,
        supportingText = supporting,
        singleLine = lines == 1,
        minLines = lines,
        visualTransformation = if (secret) PasswordVisualTransformation() else androidx.compose.ui.text.input.VisualTransformation.None,
        keyboardOptions = KeyboardOptions(keyboardType = if (secret) KeyboardType.Password else kind),
        modifier = Modifier
            .fillMaxWidth()
            .focusRequester(focus)
            .semantics { if (message != null) error(message) },
    )
}

/** A large button for a link the core offers (a call, a text): opened through the core, which hears back if it failed. */
@Composable
fun BigLinkButton(label: String, onClick: () -> Unit) {
    androidx.compose.material3.Button(onClick = onClick, modifier = Modifier.fillMaxWidth().heightIn(min = 56.dp)) {
        Text(label, style = MaterialTheme.typography.titleMedium)
    }
}

/** A 0..max scale with its label and current value read out. */
@Composable
fun Scale(label: String, hint: String, value: Int, range: IntRange, onChange: (Int) -> Unit) {
    Column {
        Text("$label: $value")
        Slider(
            value = value.toFloat(),
            onValueChange = { onChange(it.roundToInt()) },
            valueRange = range.first.toFloat()..range.last.toFloat(),
            steps = range.last - range.first - 1,
            modifier = Modifier.semantics { contentDescription = "$label. $hint" },
        )
    }
}

@Composable
fun CheckRow(label: String, checked: Boolean, onChange: (Boolean) -> Unit) {
    Row(
        Modifier.fillMaxWidth().toggleable(value = checked, role = Role.Checkbox, onValueChange = onChange),
        verticalAlignment = Alignment.CenterVertically,
    ) {
        Checkbox(checked = checked, onCheckedChange = null)
        Text(label)
    }
}

/** A picker over the core's choices, by position. */
@OptIn(ExperimentalMaterial3Api::class)
@Composable
fun Picker(label: String, options: List<String>, selected: Int, onChange: (Int) -> Unit) {
    var open by remember { mutableStateOf(false) }
    ExposedDropdownMenuBox(expanded = open, onExpandedChange = { open = it }) {
        OutlinedTextField(
            value = options.getOrElse(selected) { "" },
            onValueChange = {},
            readOnly = true,
            label = { Text(label) },
            trailingIcon = { ExposedDropdownMenuDefaults.TrailingIcon(expanded = open) },
            modifier = Modifier.menuAnchor(MenuAnchorType.PrimaryNotEditable).fillMaxWidth(),
        )
        ExposedDropdownMenu(expanded = open, onDismissRequest = { open = false }) {
            options.forEachIndexed { index, option ->
                DropdownMenuItem(text = { Text(option) }, onClick = { onChange(index); open = false })
            }
        }
    }
}

/** A group of fields with a visible title. */
@Composable
fun Group(title: String, content: @Composable ColumnScope.() -> Unit) {
    Column(verticalArrangement = Arrangement.spacedBy(8.dp)) {
        Text(title, style = MaterialTheme.typography.titleMedium)
        content()
    }
}

/** Lines of a text field as a list, and back. */
fun List<String>.asLines() = joinToString("\n")
fun String.asList() = split("\n")
fun String.orNull() = trim().ifEmpty { null }
