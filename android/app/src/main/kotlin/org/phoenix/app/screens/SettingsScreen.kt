package org.phoenix.app.screens

import android.text.format.DateFormat
import androidx.activity.compose.rememberLauncherForActivityResult
import androidx.activity.result.contract.ActivityResultContracts
import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Row
import androidx.compose.material3.AlertDialog
import androidx.compose.material3.Button
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.ExperimentalMaterial3Api
import androidx.compose.material3.OutlinedButton
import androidx.compose.material3.Text
import androidx.compose.material3.TextButton
import androidx.compose.material3.TimePicker
import androidx.compose.material3.rememberTimePickerState
import androidx.compose.runtime.Composable
import androidx.compose.runtime.getValue
import androidx.compose.runtime.mutableStateOf
import androidx.compose.runtime.remember
import androidx.compose.runtime.saveable.rememberSaveable
import androidx.compose.runtime.setValue
import androidx.compose.ui.platform.LocalContext
import androidx.compose.ui.text.input.KeyboardType
import androidx.compose.ui.unit.dp
import java.time.LocalTime
import java.time.format.DateTimeFormatter
import java.time.format.FormatStyle
import org.phoenix.app.Dispatch
import org.phoenix.app.ui.CheckRow
import org.phoenix.app.ui.Field
import org.phoenix.app.ui.LocalFieldProblem
import org.phoenix.app.ui.Picker
import org.phoenix.app.ui.ScreenColumn
import org.phoenix.app.ui.SectionHeading
import org.phoenix.app.ui.orNull
import org.phoenix.shared.Event
import org.phoenix.shared.FormWords
import org.phoenix.shared.SettingsEvent
import org.phoenix.shared.SettingsView

@Composable
/** [biometricsUsable]: a strong biometric and a screen lock are set up; otherwise only turning it off is offered. */
fun SettingsScreen(view: SettingsView, words: FormWords, biometricsUsable: Boolean, dispatch: Dispatch) {
    val settings = { event: SettingsEvent -> dispatch(Event.Settings(event)) }
    var autoLock by rememberSaveable { mutableStateOf(view.autoLockMinutes.toString()) }
    var crisisLine by rememberSaveable { mutableStateOf(view.crisisLine) }
    var emergencyNumber by rememberSaveable { mutableStateOf(view.emergencyNumber) }
    var reminder by rememberSaveable { mutableStateOf(view.checkInReminder ?: "") }
    var passphrase by remember { mutableStateOf("") }
    var importPassphrase by remember { mutableStateOf("") }
    val context = LocalContext.current
    // The system file picker; the chosen backup's bytes go to the core, which verifies them before replacing anything.
    val pickBackup = rememberLauncherForActivityResult(ActivityResultContracts.OpenDocument()) { uri ->
        val bytes = uri?.let { context.contentResolver.openInputStream(it)?.use { stream -> stream.readBytes() } }
        if (bytes != null) settings(SettingsEvent.ImportBackup(bytes.map { it.toUByte() }, importPassphrase))
        importPassphrase = ""
    }
    var current by remember { mutableStateOf("") }
    var next by remember { mutableStateOf("") }
    var again by remember { mutableStateOf("") }
    ScreenColumn(view.heading) {
        item { Button(onClick = { dispatch(Event.Lock) }) { Text(view.lockNowLabel) } }
        item {
            Picker(view.languageLabel, view.languages.map { it.label }, view.languages.indexOfFirst { it.value == view.language }.coerceAtLeast(0)) {
                settings(SettingsEvent.SetLanguage(view.languages[it].value))
            }
        }
        item { CheckRow(view.discreetLabel, view.discreet) { settings(SettingsEvent.SetDiscreet(it)) } }
        view.backgroundCheck?.let { on ->
            item { CheckRow(view.backgroundCheckLabel, on) { settings(SettingsEvent.SetBackgroundCheck(it)) } }
        }
        item {
            Picker(view.recoveryFocusLabel, view.recoveryFocuses.map { it.label }, view.recoveryFocuses.indexOfFirst { it.value == view.recoveryFocus }.coerceAtLeast(0)) {
                settings(SettingsEvent.SetRecoveryFocus(view.recoveryFocuses[it].value))
            }
        }
        // Off: FLAG_SECURE keeps screens out of screenshots and recent apps.
        item { CheckRow(view.allowScreenshotsLabel, view.allowScreenshots) { settings(SettingsEvent.SetAllowScreenshots(it)) } }
        item { Text(view.allowScreenshotsNote, style = MaterialTheme.typography.bodySmall) }
        if (biometricsUsable || view.biometricsEnabled) item { CheckRow(view.biometricsLabel, view.biometricsEnabled) { on -> settings(if (on) SettingsEvent.EnableBiometrics else SettingsEvent.DisableBiometrics) } }
        item { Field(view.autoLockLabel, autoLock, { autoLock = it }, kind = KeyboardType.Number) }
        item { OutlinedButton(onClick = { settings(SettingsEvent.SetAutoLockMinutes(autoLock.toUIntOrNull() ?: 0u)) }) { Text(words.save) } }
        item { Field(view.crisisLineLabel, crisisLine, { crisisLine = it }, kind = KeyboardType.Phone, field = "crisis-line") }
        item { OutlinedButton(onClick = { settings(SettingsEvent.SetCrisisLine(crisisLine)) }) { Text(words.save) } }
        item { Field(view.emergencyNumberLabel, emergencyNumber, { emergencyNumber = it }, kind = KeyboardType.Phone, field = "emergency-number") }
        item { OutlinedButton(onClick = { settings(SettingsEvent.SetEmergencyNumber(emergencyNumber)) }) { Text(words.save) } }
        item { ReminderTime(view.checkInReminderLabel, reminder, words, field = "check-in-reminder") { picked -> reminder = picked; settings(SettingsEvent.SetCheckInReminder(picked.orNull())) } }
        item { SectionHeading(view.exportBackupLabel) }
        item { Field(view.backupPassphraseLabel, passphrase, { passphrase = it }, secret = true, field = "backup-passphrase") }
        item { OutlinedButton(onClick = { settings(SettingsEvent.ExportBackup(passphrase)); passphrase = "" }) { Text(view.exportBackupLabel) } }
        item { OutlinedButton(onClick = { settings(SettingsEvent.ExportBackupWithRecoveryKey) }) { Text(view.recoveryKeyLabel) } }
        view.recoveryKey?.let { key -> item { Text("${view.recoveryKeyHint} $key") } }
        item { Field(view.backupPassphraseLabel, importPassphrase, { importPassphrase = it }, secret = true) }
        item { OutlinedButton(onClick = { pickBackup.launch(arrayOf("*/*")) }) { Text(view.importBackupLabel) } }
        item { SectionHeading(view.changePasscodeLabel) }
        item { Field(words.currentPasscode, current, { current = it }, secret = true) }
        item { Field(words.newPasscode, next, { next = it }, secret = true, field = "new-passcode") }
        item { Field(words.newPasscodeAgain, again, { again = it }, secret = true, field = "new-passcode-confirmation") }
        item {
            OutlinedButton(onClick = { settings(SettingsEvent.ChangePasscode(current, next, again)); current = ""; next = ""; again = "" }) {
                Text(view.changePasscodeLabel)
            }
        }
        item { SectionHeading(view.eraseLabel) }
        item { Text(view.eraseWarning) }
        item { EraseEverything(view.eraseLabel, words, dispatch) }
    }
}

/**
 * The check-in reminder through the system's time picker, 12- or 24-hour as
 * the phone is set; the core gets `HH:MM`. Picking saves; Remove turns it off.
 */
@OptIn(ExperimentalMaterial3Api::class)
@Composable
private fun ReminderTime(label: String, value: String, words: FormWords, field: String, onPicked: (String) -> Unit) {
    var open by remember { mutableStateOf(false) }
    val problem = LocalFieldProblem.current
    val context = LocalContext.current
    val time = value.split(":").mapNotNull { it.toIntOrNull() }.takeIf { it.size == 2 }
    val shown = time?.let { (hour, minute) ->
        LocalTime.of(hour, minute).format(DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT))
    }
    Row(horizontalArrangement = Arrangement.spacedBy(8.dp)) {
        OutlinedButton(onClick = { open = true }) { Text(shown?.let { "$label: $it" } ?: label) }
        if (shown != null) TextButton(onClick = { onPicked("") }) { Text(words.remove) }
    }
    // A picker cannot make a bad time; the core's message shows here all the same.
    if (problem.field == field) problem.text?.let { Text(it, color = MaterialTheme.colorScheme.error) }
    if (open) {
        val state = rememberTimePickerState(
            initialHour = time?.get(0) ?: 20,
            initialMinute = time?.get(1) ?: 0,
            is24Hour = DateFormat.is24HourFormat(context),
        )
        AlertDialog(
            onDismissRequest = { open = false },
            confirmButton = {
                TextButton(onClick = { onPicked("%02d:%02d".format(state.hour, state.minute)); open = false }) { Text(words.save) }
            },
            dismissButton = { TextButton(onClick = { open = false }) { Text(words.cancel) } },
            text = { TimePicker(state = state) },
        )
    }
}
