package org.phoenix.app

import android.os.Handler
import android.os.Looper
import androidx.compose.runtime.State
import androidx.compose.runtime.mutableStateOf
import org.phoenix.core.Core
import org.phoenix.core.ShellEffects
import org.phoenix.shared.Event
import org.phoenix.shared.MessagesEvent
import org.phoenix.shared.ViewModel
import java.util.concurrent.Executor
import java.util.concurrent.Executors
import java.util.concurrent.TimeUnit

/**
 * The core on one background thread (the passcode's KDF takes a moment; the
 * UI never waits), its view model as Compose state on the main thread.
 */
class PhoenixState(
    vaultPath: String,
    timeZone: String,
    locale: String,
    /** The effect handlers, given the core's thread to answer on. */
    effects: (coreThread: Executor) -> ShellEffects,
) : AutoCloseable {
    private val worker = Executors.newSingleThreadScheduledExecutor()
    private val main = Handler(Looper.getMainLooper())
    /** Created on the worker: the main thread never waits for the core. */
    private lateinit var core: Core
    private val current = mutableStateOf<ViewModel?>(null)
    private val waiting = mutableStateOf(false)

    /** The latest view model; `null` until the core has started. */
    val view: State<ViewModel?> = current

    /** An event is with the core (show progress, ignore repeated taps). */
    val busy: State<Boolean> = waiting

    init {
        worker.execute {
            core = Core(vaultPath, timeZone, locale, effects(worker))
            core.observe { view -> main.post { current.value = view } }
            core.dispatch(Event.Start)
        }
        // Secure messages: a sync every 30 s sends the outbox (the core
        // applies its own backoff) and fetches replies. The core ignores it
        // until the participant pairs, and while locked; it never counts as
        // activity, so auto-lock still applies.
        worker.scheduleWithFixedDelay({ background(MessagesEvent.Sync) }, 30, 30, TimeUnit.SECONDS)
    }

    /** On the worker: the sync timer's event, without showing progress. */
    private fun background(event: MessagesEvent) {
        if (::core.isInitialized) core.dispatch(Event.Messages(event))
    }

    /** The app came back online or to the foreground: sync now. */
    fun syncNow() {
        worker.execute { background(MessagesEvent.Sync) }
    }

    fun dispatch(event: Event) {
        waiting.value = true
        worker.execute {
            core.dispatch(event)
            main.post { waiting.value = false }
        }
    }

    override fun close() {
        worker.execute { core.close() }
        worker.shutdown()
    }
}
