package org.phoenix.core

import org.phoenix.shared.BackgroundCheckOperation
import org.phoenix.shared.HttpRequest
import org.phoenix.shared.HttpResult
import org.phoenix.shared.Reminder
import org.phoenix.shared.ShareFile

/**
 * What the phone does for the core. Each is an interface so the app plugs
 * in the platform (Android Keystore, NotificationManager, intents, the share
 * sheet) and the JVM tests plug in recorders. None of them ever sees the
 * vault: storage and time are served inside the Rust core.
 */
interface PlatformKeyStore {
    /**
     * Creates a random 32-byte key, kept on this device only, and calls
     * [done] with it, or with `null` if unavailable. (A callback: the
     * platform may show a biometric prompt first.)
     */
    fun create(done: (ByteArray?) -> Unit)

    /** Calls [done] with the stored key after the biometric check; `null` if absent or cancelled. */
    fun read(done: (ByteArray?) -> Unit)

    fun delete()

    /**
     * HMAC-SHA-256 of [salt] under this device's key (created on the first
     * ask, kept by the keystore on this device only, no biometric check,
     * never exported): 32 bytes, or `null` if the keystore cannot answer.
     * The vault needs it with the passcode, so a copied file opens nowhere else.
     */
    fun deviceSecret(salt: ByteArray): ByteArray?

    /** Destroys the device key (everything is being erased). */
    fun destroyDeviceKey()
}

/** Replaces every scheduled local notification with these. */
fun interface Notifier {
    fun schedule(reminders: List<Reminder>)
}

/**
 * Opens a `tel:`, `sms:` or `mailto:` link in the phone's own app, and
 * calls [done] on the core's thread with whether an app took it (a tablet
 * may have no dialer): the core then shows the number instead.
 */
fun interface UrlOpener {
    fun open(url: String, done: (opened: Boolean) -> Unit)
}

/**
 * Offers a file (plan document, calendar, backup) to the share sheet. The
 * files live in one private folder, emptied when the sheet closes and by
 * [clear].
 */
interface FileSharer {
    fun share(file: ShareFile)

    /** Deletes every exported file (on start, lock and erase). */
    fun clear()
}

/**
 * Sends a request to the relay exactly as the core signed it, and calls
 * [done] on the core's thread with any answer (any status), or
 * [HttpResult.Unreachable] when there was none. No protocol logic here.
 */
fun interface HttpClient {
    fun send(request: HttpRequest, done: (HttpResult) -> Unit)
}

/**
 * Keeps the background check's config outside the vault (the relay, the
 * waiting key, discreet mode, the language: see ARCHITECTURE.md, "The
 * background check"), protected by the Keystore, for the scheduler's
 * periodic check; or deletes it (turned off, unpaired, erased).
 */
interface BackgroundCheckStore {
    fun keep(config: BackgroundCheckOperation.Keep)

    fun forget()
}

/** The platform's side of every shell effect. */
class ShellEffects(
    val keys: PlatformKeyStore,
    val notifier: Notifier,
    val urls: UrlOpener,
    val sharer: FileSharer,
    val http: HttpClient,
    val background: BackgroundCheckStore,
)
