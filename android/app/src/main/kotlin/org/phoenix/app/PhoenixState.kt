package org.phoenix.app

import android.app.Application
import android.os.Handler
import android.os.Looper
import androidx.compose.runtime.State
import androidx.compose.runtime.mutableStateOf
import androidx.lifecycle.AndroidViewModel
import org.phoenix.app.effects.AndroidEffects
import org.phoenix.core.Core
import org.phoenix.shared.Event
import org.phoenix.shared.MessagesEvent
import org.phoenix.shared.ViewModel
import java.util.Locale
import java.util.TimeZone
import java.util.concurrent.Executor
import java.util.concurrent.Executors
import java.util.concurrent.RejectedExecutionException
import java.util.concurrent.TimeUnit

/**
 * The core on one background thread (the passcode's KDF takes a moment; the
 * UI never waits), its view model as Compose state on the main thread.
 *
 * A ViewModel: it outlives the Activity, so rotation, dark mode, font size
 * and locale changes keep the vault unlocked, the screen and the worker.
 * Effects that need an Activity (the biometric prompt, the share sheet, the
 * notification permission) reach the one on screen through [screen].
 */
class PhoenixState(application: Application) : AndroidViewModel(application) {
    private val worker = Executors.newSingleThreadScheduledExecutor()
    private val main = Handler(Looper.getMainLooper())
    private val current = mutableStateOf<ViewModel?>(null)
    private val waiting = mutableStateOf(false)

    /** The activity on screen, if any. */
    val screen = ScreenHolder()

    /**
     * The core's thread as the effect handlers see it: an answer that
     * arrives after the app closed (a relay reply, a biometric prompt) is
     * dropped instead of throwing `RejectedExecutionException`.
     */
    private val coreThread = Executor { task ->
        try {
            worker.execute(task)
        } catch (closed: RejectedExecutionException) {
            // The app is closing: nobody is waiting for this answer.
        }
    }

    val effects = AndroidEffects.create(application, screen, coreThread)

    /** Created on the worker: the main thread never waits for the core. */
    private lateinit var core: Core

    /** The latest view model; `null` until the core has started. */
    val view: State<ViewModel?> = current

    /** An event is with the core (show progress, ignore repeated taps). */
    val busy: State<Boolean> = waiting

    /** The sync timer runs (set on the worker; declared before `init`, which starts the worker). */
    private var syncing = false

    init {
        coreThread.execute {
            core = Core(
                vaultPath = application.filesDir.resolve("phoenix.vault").path,
                timeZone = TimeZone.getDefault().id,
                locale = Locale.getDefault().toLanguageTag(),
                effects = effects.shell,
            )
            core.observe { view ->
                startSyncing(view.syncEverySecs.toLong())
                main.post { current.value = view }
            }
            core.dispatch(Event.Start)
        }
    }

    /**
     * Secure messages: a sync as often as the core's view model says sends
     * the outbox (the core applies its own backoff) and fetches replies. The
     * core ignores it until the participant pairs, and while locked; it never
     * counts as activity, so auto-lock still applies. Started once, on the
     * worker, from the first view.
     */
    private fun startSyncing(everySecs: Long) {
        if (syncing) return
        syncing = true
        worker.scheduleWithFixedDelay({ background(MessagesEvent.Sync) }, everySecs, everySecs, TimeUnit.SECONDS)
    }

    /** On the worker: the sync timer's event, without showing progress. */
    private fun background(event: MessagesEvent) {
        if (::core.isInitialized) core.dispatch(Event.Messages(event))
    }

    /** The network came back: send the outbox now, without waiting out the backoff. */
    fun reconnected() = coreThread.execute { background(MessagesEvent.Reconnected) }

    /** The share sheet closed: the exported file goes. */
    fun shareSheetClosed() = coreThread.execute { effects.shell.sharer.clear() }

    /**
     * The crisis line from the lock screen, where the core takes no events:
     * the same opener the open-url effect uses (it never throws). There is
     * nobody to tell if it fails: the lock screen shows the number itself.
     */
    fun openLinkWhileLocked(url: String) = effects.shell.urls.open(url) {}

    fun dispatch(event: Event) {
        waiting.value = true
        coreThread.execute {
            core.dispatch(event)
            main.post { waiting.value = false }
        }
    }

    /** The app is finishing for good (not a configuration change). */
    override fun onCleared() {
        coreThread.execute {
            core.close()
            effects.close()
        }
        worker.shutdown()
    }
}
