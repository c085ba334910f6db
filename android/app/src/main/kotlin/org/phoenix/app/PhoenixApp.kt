package org.phoenix.app

import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.Row
import androidx.compose.foundation.layout.fillMaxSize
import androidx.compose.foundation.layout.padding
import androidx.compose.foundation.rememberScrollState
import androidx.compose.foundation.horizontalScroll
import androidx.compose.material3.Button
import androidx.compose.material3.ButtonDefaults
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.OutlinedButton
import androidx.compose.material3.Scaffold
import androidx.compose.material3.Text
import androidx.compose.material3.TextButton
import androidx.compose.runtime.Composable
import androidx.compose.runtime.getValue
import androidx.compose.ui.Modifier
import androidx.compose.ui.platform.LocalUriHandler
import androidx.compose.ui.semantics.heading
import androidx.compose.ui.semantics.selected
import androidx.compose.ui.semantics.semantics
import androidx.compose.ui.unit.dp
import org.phoenix.app.screens.AftercareScreen
import org.phoenix.app.screens.CheckInScreen
import org.phoenix.app.screens.ContactScreen
import org.phoenix.app.screens.FirstRunScreen
import org.phoenix.app.screens.GoalsScreen
import org.phoenix.app.screens.LockScreen
import org.phoenix.app.screens.SafetyPlanScreen
import org.phoenix.app.screens.SettingsScreen
import org.phoenix.app.screens.TodayScreen
import org.phoenix.app.screens.TrendsScreen
import org.phoenix.app.screens.TriggeredScreen
import org.phoenix.app.screens.TriggersScreen
import org.phoenix.shared.Event
import org.phoenix.shared.FlowEvent
import org.phoenix.shared.Screen
import org.phoenix.shared.ScreenView
import org.phoenix.shared.ViewModel

/** Sends an event to the core. */
typealias Dispatch = (Event) -> Unit

/** The help actions, navigation and problem around every screen; every word is the core's. */
@Composable
fun PhoenixApp(state: PhoenixState) {
    val view = state.view.value ?: return
    val busy by state.busy
    val dispatch: Dispatch = state::dispatch
    MaterialTheme {
        Scaffold(topBar = { HelpBar(view, dispatch) }) { padding ->
            Column(Modifier.fillMaxSize().padding(padding).padding(horizontal = 16.dp)) {
                if (view.navigation.isNotEmpty()) Navigation(view, dispatch)
                view.problem?.let { Problem(it, view, dispatch) }
                Screen(view, busy || view.busy, dispatch)
            }
        }
    }
}

@Composable
private fun HelpBar(view: ViewModel, dispatch: Dispatch) {
    val links = LocalUriHandler.current
    Column(Modifier.padding(16.dp), verticalArrangement = Arrangement.spacedBy(8.dp)) {
        Text(view.title, style = MaterialTheme.typography.titleMedium)
        Row(horizontalArrangement = Arrangement.spacedBy(8.dp)) {
            if (view.navigation.isNotEmpty()) {
                Button(
                    onClick = { dispatch(Event.Triggered(FlowEvent.Start)) },
                    colors = ButtonDefaults.buttonColors(containerColor = MaterialTheme.colorScheme.error),
                ) { Text(view.help.imTriggered) }
                Button(onClick = { dispatch(Event.Navigate(Screen.CONTACT)) }) { Text(view.help.contactPeer) }
            }
            TextButton(onClick = { links.openUri(view.help.crisisCallUrl) }) { Text(view.help.crisisLabel) }
        }
    }
}

@Composable
private fun Navigation(view: ViewModel, dispatch: Dispatch) {
    Row(Modifier.horizontalScroll(rememberScrollState()), horizontalArrangement = Arrangement.spacedBy(4.dp)) {
        for (item in view.navigation) {
            TextButton(
                onClick = { dispatch(Event.Navigate(item.screen)) },
                modifier = Modifier.semantics { selected = item.current },
            ) { Text(item.label, style = if (item.current) MaterialTheme.typography.labelLarge else MaterialTheme.typography.bodyMedium) }
        }
    }
}

@Composable
private fun Problem(text: String, view: ViewModel, dispatch: Dispatch) {
    Row(Modifier.padding(vertical = 8.dp)) {
        Text(text, color = MaterialTheme.colorScheme.error, modifier = Modifier.weight(1f))
        if (view.navigation.isNotEmpty()) OutlinedButton(onClick = { dispatch(Event.DismissProblem) }) { Text(view.words.close) }
    }
}

@Composable
private fun Screen(view: ViewModel, busy: Boolean, dispatch: Dispatch) {
    val words = view.words
    when (val screen = view.screen) {
        is ScreenView.Starting -> Text(view.title, Modifier.semantics { heading() })
        is ScreenView.FirstRun -> FirstRunScreen(screen.value, busy, dispatch)
        is ScreenView.Locked -> LockScreen(screen.value, words, busy, dispatch)
        is ScreenView.Today -> TodayScreen(screen.value, words, dispatch)
        is ScreenView.Goals -> GoalsScreen(screen.value, words, dispatch)
        is ScreenView.Triggers -> TriggersScreen(screen.value, words, dispatch)
        is ScreenView.Triggered -> TriggeredScreen(screen.value, words, view.help, dispatch)
        is ScreenView.CheckIn -> CheckInScreen(screen.value, words, dispatch)
        is ScreenView.Trends -> TrendsScreen(screen.value, words)
        is ScreenView.Aftercare -> AftercareScreen(screen.value, words, dispatch)
        is ScreenView.SafetyPlan -> SafetyPlanScreen(screen.value, words, view.help, dispatch)
        is ScreenView.Contact -> ContactScreen(screen.value, words, view.help, dispatch)
        is ScreenView.Settings -> SettingsScreen(screen.value, words, dispatch)
    }
}
