package org.phoenix.core

import com.novi.bincode.BincodeDeserializer
import org.phoenix.shared.BackgroundCheckOperation
import org.phoenix.shared.Event
import org.phoenix.shared.LinkOutcome
import org.phoenix.shared.PlatformKeyOperation
import org.phoenix.shared.PlatformKeyOutput
import org.phoenix.shared.ScreenView
import org.phoenix.shared.ShellEffect
import org.phoenix.shared.ShellRequest
import org.phoenix.shared.ViewModel
import uniffi.shared.CoreFfi
import uniffi.shared.HostException

/**
 * The app's handle on the Rust core, through UniFFI: send [Event]s, observe
 * the [ViewModel], and the shell effects are carried out by [effects].
 *
 * Plain Kotlin (no Android imports), so it runs on the JVM in the tests.
 * Call it from one thread at a time (the app uses a single background
 * executor: the passcode's KDF takes a moment) and deliver [observe]'s view
 * models to the UI thread.
 *
 * Exported files (the plan, the calendar, the backup) are cleared when the
 * core starts, locks or erases (the view turns to the lock screen or first
 * run); the share sheet clears them itself when it closes.
 */
class Core(
    vaultPath: String,
    timeZone: String,
    locale: String,
    private val effects: ShellEffects,
) : AutoCloseable {
    private val ffi = CoreFfi(vaultPath, timeZone, locale)
    private val observers = mutableListOf<(ViewModel) -> Unit>()

    /** The latest view model. */
    var view: ViewModel = ViewModel.bincodeDeserialize(ffi.view())
        private set

    init {
        // Whatever a previous run left for the share sheet goes first.
        effects.sharer.clear()
    }

    /** Calls [observer] with every new view model, starting with the current one. */
    fun observe(observer: (ViewModel) -> Unit): AutoCloseable {
        observers += observer
        observer(view)
        return AutoCloseable { observers -= observer }
    }

    /**
     * Sends [event] to the core. Throws `HostException` only for a bug in
     * this wrapper (bytes the core refused); participants' mistakes come
     * back as a problem in the view model.
     */
    fun dispatch(event: Event) {
        handle(ffi.update(event.bincodeSerialize()))
    }

    private fun handle(requests: ByteArray) {
        for (request in decodeRequests(requests)) perform(request)
    }

    private fun perform(request: ShellRequest) {
        when (val effect = request.effect) {
            is ShellEffect.Render -> render()
            is ShellEffect.OpenUrl -> effects.urls.open(effect.value.url) { opened ->
                answer(request, (if (opened) LinkOutcome.OPENED else LinkOutcome.FAILED).bincodeSerialize())
            }
            is ShellEffect.Share -> done(request) { effects.sharer.share(effect.value) }
            is ShellEffect.Notify -> done(request) { effects.notifier.schedule(effect.value.value) }
            is ShellEffect.PlatformKey -> platformKey(effect.value) { output ->
                answer(request, output.bincodeSerialize())
            }
            is ShellEffect.Http -> effects.http.send(effect.value) { result ->
                answer(request, result.bincodeSerialize())
            }
            is ShellEffect.Background -> done(request) {
                when (val operation = effect.value) {
                    is BackgroundCheckOperation.Keep -> effects.background.keep(operation)
                    BackgroundCheckOperation.Forget -> effects.background.forget()
                }
            }
        }
    }

    private fun platformKey(operation: PlatformKeyOperation, answer: (PlatformKeyOutput) -> Unit) {
        when (operation) {
            PlatformKeyOperation.Create -> effects.keys.create { answer(key(it)) }
            PlatformKeyOperation.Read -> effects.keys.read { answer(key(it)) }
            PlatformKeyOperation.Delete -> {
                effects.keys.delete()
                answer(PlatformKeyOutput.Deleted)
            }
            is PlatformKeyOperation.DeviceSecret -> {
                val salt = ByteArray(operation.salt.size) { operation.salt[it].toByte() }
                answer(key(effects.keys.deviceSecret(salt)))
            }
            PlatformKeyOperation.DestroyDeviceKey -> {
                effects.keys.destroyDeviceKey()
                answer(PlatformKeyOutput.Deleted)
            }
        }
    }

    /** The key for the core; the caller's copy is wiped. */
    private fun key(bytes: ByteArray?): PlatformKeyOutput {
        if (bytes == null) return PlatformKeyOutput.Unavailable
        val output = PlatformKeyOutput.Key(bytes.map { it.toUByte() })
        bytes.fill(0)
        return output
    }

    /** Carries out a request whose answer is "done" (no bytes), then answers it. */
    private inline fun done(request: ShellRequest, action: () -> Unit) {
        action()
        answer(request, ByteArray(0))
    }

    /**
     * Answers [request]. Locking, auto-lock and erasing make the core forget
     * the requests it was waiting for, so an answer that arrives after them
     * (a relay reply, a biometric prompt closed after "Lock now") is
     * dropped quietly: there is nobody left to give it to.
     */
    private fun answer(request: ShellRequest, bytes: ByteArray) {
        val next = try {
            ffi.resolve(request.id, bytes)
        } catch (late: HostException.UnknownEffect) {
            return
        }
        handle(next)
    }

    private fun render() {
        val before = view.screen
        view = ViewModel.bincodeDeserialize(ffi.view())
        if (leftUnlocked(before, view.screen)) effects.sharer.clear()
        for (observer in observers.toList()) observer(view)
    }

    /** Locked or erased: the participant's exports must not outlive it. */
    private fun leftUnlocked(before: ScreenView, after: ScreenView): Boolean =
        (after is ScreenView.Locked || after is ScreenView.FirstRun) && before::class != after::class

    override fun close() {
        observers.clear()
        ffi.close()
    }

    companion object {
        /** A bincode `Vec<ShellRequest>`. */
        fun decodeRequests(bytes: ByteArray): List<ShellRequest> {
            val deserializer = BincodeDeserializer(bytes)
            val count = deserializer.deserialize_len()
            return List(count.toInt()) { ShellRequest.deserialize(deserializer) }
        }
    }
}
