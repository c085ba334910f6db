package org.phoenix.app

import androidx.compose.foundation.isSystemInDarkTheme
import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.ExperimentalLayoutApi
import androidx.compose.foundation.layout.FlowRow
import androidx.compose.foundation.layout.Row
import androidx.compose.foundation.layout.WindowInsets
import androidx.compose.foundation.layout.consumeWindowInsets
import androidx.compose.foundation.layout.fillMaxSize
import androidx.compose.foundation.layout.imePadding
import androidx.compose.foundation.layout.padding
import androidx.compose.foundation.layout.safeDrawing
import androidx.compose.foundation.layout.only
import androidx.compose.foundation.layout.WindowInsetsSides
import androidx.compose.foundation.layout.windowInsetsPadding
import androidx.compose.foundation.rememberScrollState
import androidx.compose.foundation.horizontalScroll
import androidx.compose.material3.Button
import androidx.compose.material3.ButtonDefaults
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.OutlinedButton
import androidx.compose.material3.Scaffold
import androidx.compose.material3.Text
import androidx.compose.material3.TextButton
import androidx.compose.material3.darkColorScheme
import androidx.compose.material3.lightColorScheme
import android.app.Activity
import android.view.WindowManager
import androidx.compose.runtime.Composable
import androidx.compose.runtime.CompositionLocalProvider
import androidx.compose.runtime.LaunchedEffect
import androidx.compose.ui.platform.LocalContext
import androidx.compose.ui.semantics.LiveRegionMode
import androidx.compose.ui.semantics.liveRegion
import org.phoenix.app.ui.FieldProblem
import org.phoenix.app.ui.LocalFieldProblem
import androidx.compose.runtime.getValue
import androidx.compose.ui.Modifier
import androidx.compose.ui.semantics.LiveRegionMode
import androidx.compose.ui.semantics.heading
import androidx.compose.ui.semantics.liveRegion
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
import org.phoenix.shared.ContactEvent
import org.phoenix.shared.Event
import org.phoenix.shared.FlowEvent
import org.phoenix.shared.Screen
import org.phoenix.shared.ScreenView
import org.phoenix.shared.SettingsEvent
import org.phoenix.shared.UndoOffer
import org.phoenix.shared.ViewModel
import org.phoenix.app.ui.LocalSharing
import org.phoenix.app.ui.SharePreviewDialog

/** Sends an event to the core. */
typealias Dispatch = (Event) -> Unit

/** The help actions, navigation and problem around every screen; every word is the core's. */
@OptIn(ExperimentalLayoutApi::class)
@Composable
fun PhoenixApp(state: PhoenixState) {
    val view = state.view.value ?: return
    val busy by state.busy
    val dispatch: Dispatch = state::dispatch
    val keys = state.effects.keys
    val device = Device(biometricsUsable = keys.usable(), biometricKeyKept = keys.hasKey())
    // The system invalidated the biometric key (a new fingerprint or face):
    // the core learns that biometric unlock is off.
    val settings = view.screen as? ScreenView.Settings
    if (settings != null && settings.value.biometricsEnabled && !device.biometricKeyKept) {
        LaunchedEffect(settings.value.biometricsEnabled) { dispatch(Event.Settings(SettingsEvent.DisableBiometrics)) }
    }
    SecureWindow(allowScreenshots = view.allowScreenshots)
    // The same light or dark scheme as the window theme (values-night).
    MaterialTheme(colorScheme = if (isSystemInDarkTheme()) darkColorScheme() else lightColorScheme()) {
        // Edge to edge: the help bar clears the status bar and cutouts, the
        // screen clears the navigation bar and the keyboard.
        Scaffold(topBar = { HelpBar(view, dispatch, state::openLinkWhileLocked) }) { padding ->
            Column(
                Modifier.fillMaxSize().padding(padding).consumeWindowInsets(padding).imePadding().padding(horizontal = 16.dp),
            ) {
                if (view.navigation.isNotEmpty()) Navigation(view, dispatch)
                Status(view.status)
                view.undo?.let { UndoBar(it, dispatch) }
                // A problem the core tied to a field shows at that field instead.
                if (view.problemField == null) view.problem?.let { Problem(it, view, dispatch) }
                CompositionLocalProvider(
                    LocalFieldProblem provides FieldProblem(view.problemField, view.problem),
                    LocalSharing provides view.sharing,
                ) {
                    Screen(view, device, busy || view.busy, dispatch)
                    // What the specialist will see, while the core holds an item to share.
                    SharePreviewDialog(dispatch)
                }
            }
        }
    }
}

/** What the phone can do, as the screens need to know it. */
data class Device(
    /** A strong biometric and a screen lock are set up: enabling biometric unlock can work. */
    val biometricsUsable: Boolean,
    /** This phone holds the biometric key: unlocking with it can work. */
    val biometricKeyKept: Boolean,
)

/**
 * The help actions, on every screen. The crisis line goes first and the row
 * wraps, so large fonts never push it off screen. Every link goes through
 * the core's open-url effect; on the lock screen (where the core refuses
 * events) the same opener is called directly.
 */
@OptIn(ExperimentalLayoutApi::class)
@Composable
private fun HelpBar(view: ViewModel, dispatch: Dispatch, openWhileLocked: (String) -> Unit) {
    val unlocked = view.navigation.isNotEmpty()
    Column(
        Modifier
            .windowInsetsPadding(WindowInsets.safeDrawing.only(WindowInsetsSides.Top + WindowInsetsSides.Horizontal))
            .padding(16.dp),
        verticalArrangement = Arrangement.spacedBy(8.dp),
    ) {
        Text(view.screenTitle, style = MaterialTheme.typography.titleMedium)
        FlowRow(horizontalArrangement = Arrangement.spacedBy(8.dp)) {
            TextButton(onClick = {
                if (unlocked) dispatch(Event.Contact(ContactEvent.CallCrisisLine)) else openWhileLocked(view.help.crisisCallUrl)
            }) { Text(view.help.crisisLabel) }
            if (unlocked) {
                Button(
                    onClick = { dispatch(Event.Triggered(FlowEvent.Start)) },
                    colors = ButtonDefaults.buttonColors(containerColor = MaterialTheme.colorScheme.error),
                ) { Text(view.help.imTriggered) }
                Button(onClick = { dispatch(Event.Navigate(Screen.CONTACT)) }) { Text(view.help.contactPeer) }
            }
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

/**
 * Screens are hidden from screenshots, screen recording and the recent-apps
 * thumbnail (`FLAG_SECURE`) unless the participant allows screenshots in
 * settings; while locked the core always says no.
 */
@Composable
private fun SecureWindow(allowScreenshots: Boolean) {
    val window = (LocalContext.current as? Activity)?.window ?: return
    LaunchedEffect(allowScreenshots) {
        if (allowScreenshots) {
            window.clearFlags(WindowManager.LayoutParams.FLAG_SECURE)
        } else {
            window.addFlags(WindowManager.LayoutParams.FLAG_SECURE)
        }
    }
}

/** The last save's confirmation, shown and announced politely by TalkBack. */
@Composable
private fun Status(text: String?) {
    Text(
        text ?: "",
        style = MaterialTheme.typography.bodyMedium,
        modifier = Modifier.semantics { liveRegion = LiveRegionMode.Polite },
    )
}

@Composable
private fun Problem(text: String, view: ViewModel, dispatch: Dispatch) {
    Row(Modifier.padding(vertical = 8.dp).semantics { liveRegion = LiveRegionMode.Assertive }) {
        Text(text, color = MaterialTheme.colorScheme.error, modifier = Modifier.weight(1f))
        if (view.navigation.isNotEmpty()) OutlinedButton(onClick = { dispatch(Event.DismissProblem) }) { Text(view.words.close) }
    }
}

/** After a delete: what was deleted, announced, and one Undo until the next action. */
@Composable
private fun UndoBar(offer: UndoOffer, dispatch: Dispatch) {
    Row(Modifier.padding(vertical = 8.dp).semantics { liveRegion = LiveRegionMode.Polite }) {
        Text(offer.message, modifier = Modifier.weight(1f))
        OutlinedButton(onClick = { dispatch(Event.Undo) }) { Text(offer.label) }
    }
}

@Composable
private fun Screen(view: ViewModel, device: Device, busy: Boolean, dispatch: Dispatch) {
    val words = view.words
    when (val screen = view.screen) {
        is ScreenView.Starting -> Text(view.title, Modifier.semantics { heading() })
        is ScreenView.FirstRun -> FirstRunScreen(screen.value, busy, dispatch)
        is ScreenView.Locked -> LockScreen(screen.value, words, device.biometricKeyKept && device.biometricsUsable, busy, dispatch)
        is ScreenView.Today -> TodayScreen(screen.value, words, dispatch)
        is ScreenView.Goals -> GoalsScreen(screen.value, words, dispatch)
        is ScreenView.Triggers -> TriggersScreen(screen.value, words, dispatch)
        is ScreenView.Triggered -> TriggeredScreen(screen.value, words, dispatch)
        is ScreenView.CheckIn -> CheckInScreen(screen.value, words, dispatch)
        is ScreenView.Trends -> TrendsScreen(screen.value, words, dispatch)
        is ScreenView.Aftercare -> AftercareScreen(screen.value, words, dispatch)
        is ScreenView.SafetyPlan -> SafetyPlanScreen(screen.value, words, dispatch)
        is ScreenView.Contact -> ContactScreen(screen.value, words, view.help, dispatch)
        is ScreenView.Settings -> SettingsScreen(screen.value, words, device.biometricsUsable, dispatch)
    }
}
