package org.phoenix.app.screens

import androidx.compose.material3.Button
import androidx.compose.material3.ButtonDefaults
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.OutlinedButton
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.runtime.getValue
import androidx.compose.runtime.mutableStateOf
import androidx.compose.runtime.remember
import androidx.compose.runtime.saveable.rememberSaveable
import androidx.compose.runtime.setValue
import org.phoenix.app.Dispatch
import org.phoenix.app.ui.Field
import org.phoenix.app.ui.ScreenColumn
import org.phoenix.shared.Event
import org.phoenix.shared.FirstRunView
import org.phoenix.shared.FormWords
import org.phoenix.shared.LockView

@Composable
fun FirstRunScreen(view: FirstRunView, busy: Boolean, dispatch: Dispatch) {
    var passcode by remember { mutableStateOf("") }
    var again by remember { mutableStateOf("") }
    ScreenColumn(view.heading) {
        item { Text(view.intro) }
        item { Field(view.passcodeLabel, passcode, { passcode = it }, secret = true, field = "passcode") }
        item { Field(view.confirmationLabel, again, { again = it }, secret = true, field = "passcode-confirmation") }
        item {
            Button(enabled = !busy, onClick = { dispatch(Event.SetPasscode(passcode, again)); passcode = ""; again = "" }) {
                Text(view.submitLabel)
            }
        }
    }
}

/** [biometrics]: this phone holds a biometric key it can read; otherwise the button is hidden. */
@Composable
fun LockScreen(view: LockView, words: FormWords, biometrics: Boolean, busy: Boolean, dispatch: Dispatch) {
    var passcode by remember { mutableStateOf("") }
    ScreenColumn(view.heading) {
        item { Field(view.passcodeLabel, passcode, { passcode = it }, secret = true) }
        item {
            Button(enabled = !busy && passcode.isNotEmpty(), onClick = { dispatch(Event.Unlock(passcode)); passcode = "" }) {
                Text(view.unlockLabel)
            }
        }
        if (biometrics) item { OutlinedButton(enabled = !busy, onClick = { dispatch(Event.UnlockWithBiometrics) }) { Text(view.biometricsLabel) } }
        view.throttleMessage?.let { item { Text(it, color = MaterialTheme.colorScheme.error) } }
        item { EraseEverything(view.eraseLabel, words, dispatch) }
    }
}

/** Erase, behind a second, explicit confirmation. */
@Composable
fun EraseEverything(label: String, words: FormWords, dispatch: Dispatch) {
    var confirming by rememberSaveable { mutableStateOf(false) }
    if (!confirming) {
        OutlinedButton(onClick = { confirming = true }) { Text(label, color = MaterialTheme.colorScheme.error) }
    } else {
        Text(words.eraseWarning, color = MaterialTheme.colorScheme.error)
        Button(
            onClick = { dispatch(Event.EraseEverything) },
            colors = ButtonDefaults.buttonColors(containerColor = MaterialTheme.colorScheme.error),
        ) { Text(words.eraseConfirm) }
        OutlinedButton(onClick = { confirming = false }) { Text(words.cancel) }
    }
}
