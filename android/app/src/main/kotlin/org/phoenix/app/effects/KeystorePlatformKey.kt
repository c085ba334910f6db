package org.phoenix.app.effects

import android.content.Context
import android.security.keystore.KeyGenParameterSpec
import android.security.keystore.KeyPermanentlyInvalidatedException
import android.security.keystore.KeyProperties
import androidx.biometric.BiometricManager
import androidx.biometric.BiometricManager.Authenticators.BIOMETRIC_STRONG
import androidx.biometric.BiometricPrompt
import androidx.core.content.ContextCompat
import org.phoenix.app.ScreenHolder
import org.phoenix.core.PlatformKeyStore
import java.io.File
import java.security.GeneralSecurityException
import java.security.KeyStore
import java.security.ProviderException
import java.security.SecureRandom
import java.util.concurrent.Executor
import javax.crypto.Cipher
import javax.crypto.KeyGenerator
import javax.crypto.Mac
import javax.crypto.SecretKey
import javax.crypto.spec.GCMParameterSpec

/**
 * Biometric unlock's key: 32 random bytes the core wraps its data key with,
 * kept on this device only, sealed by an Android Keystore AES key that
 * needs the participant's biometric for every use (and is invalidated when
 * a new fingerprint or face is enrolled). Only the sealed bytes touch disk.
 *
 * Every failure answers "unavailable" (`null`): no strong biometric enrolled
 * or no screen lock ([usable] is false, checked before any key is made), a
 * key the system invalidated (then deleted, so [hasKey] turns false and the
 * app tells the core biometrics are off), or no activity on screen.
 *
 * Also this device's key for the vault ([deviceSecret]): an Android
 * Keystore HMAC-SHA256 key (sign only, no user authentication, never
 * exportable, gone with the app's data and never in a backup) whose MAC of
 * the core's salt the core combines with the passcode.
 */
class KeystorePlatformKey(
    private val context: Context,
    private val screen: ScreenHolder,
    private val coreThread: Executor,
) : PlatformKeyStore {
    private val sealed = File(context.noBackupFilesDir, "platform-key.sealed")
    private val keyStore = KeyStore.getInstance("AndroidKeyStore").apply { load(null) }

    /** A strong biometric is enrolled and a screen lock set: the prompt can work. */
    fun usable(): Boolean =
        BiometricManager.from(context).canAuthenticate(BIOMETRIC_STRONG) == BiometricManager.BIOMETRIC_SUCCESS

    /** This device holds a sealed key that biometric unlock can read. */
    fun hasKey(): Boolean = sealed.exists() && keyStore.containsAlias(ALIAS)

    override fun create(done: (ByteArray?) -> Unit) {
        if (!usable()) return done(null)
        val cipher = try {
            Cipher.getInstance(TRANSFORMATION).apply { init(Cipher.ENCRYPT_MODE, newSealingKey()) }
        } catch (failed: GeneralSecurityException) {
            delete()
            return done(null)
        } catch (failed: ProviderException) {
            // Thrown by some Keystore versions when no screen lock is set.
            delete()
            return done(null)
        }
        val raw = ByteArray(32).also { SecureRandom().nextBytes(it) }
        authenticate(cipher, done) { ready ->
            sealed.writeBytes(ready.iv + ready.doFinal(raw))
            raw
        }
    }

    override fun read(done: (ByteArray?) -> Unit) {
        val bytes = sealed.takeIf { it.exists() }?.readBytes()
        val key = keyStore.getKey(ALIAS, null) as? SecretKey
        if (bytes == null || key == null || bytes.size <= IV_BYTES || !usable()) return done(null)
        val cipher = try {
            Cipher.getInstance(TRANSFORMATION).apply {
                init(Cipher.DECRYPT_MODE, key, GCMParameterSpec(128, bytes.copyOfRange(0, IV_BYTES)))
            }
        } catch (invalidated: KeyPermanentlyInvalidatedException) {
            // A new biometric was enrolled: the key is gone; the passcode still works.
            delete()
            return done(null)
        } catch (failed: GeneralSecurityException) {
            return done(null)
        }
        authenticate(cipher, done) { ready -> ready.doFinal(bytes.copyOfRange(IV_BYTES, bytes.size)) }
    }

    override fun delete() {
        sealed.delete()
        if (keyStore.containsAlias(ALIAS)) keyStore.deleteEntry(ALIAS)
    }

    override fun deviceSecret(salt: ByteArray): ByteArray? = try {
        val key = keyStore.getKey(DEVICE_ALIAS, null) as? SecretKey ?: newDeviceKey()
        Mac.getInstance("HmacSHA256").run {
            init(key)
            doFinal(salt)
        }
    } catch (failed: GeneralSecurityException) {
        null
    } catch (failed: ProviderException) {
        null
    }

    override fun destroyDeviceKey() {
        if (keyStore.containsAlias(DEVICE_ALIAS)) keyStore.deleteEntry(DEVICE_ALIAS)
    }

    private fun newDeviceKey(): SecretKey = KeyGenerator.getInstance(KeyProperties.KEY_ALGORITHM_HMAC_SHA256, "AndroidKeyStore").run {
        init(KeyGenParameterSpec.Builder(DEVICE_ALIAS, KeyProperties.PURPOSE_SIGN).build())
        generateKey()
    }

    private fun newSealingKey(): SecretKey = KeyGenerator.getInstance(KeyProperties.KEY_ALGORITHM_AES, "AndroidKeyStore").run {
        init(
            KeyGenParameterSpec.Builder(ALIAS, KeyProperties.PURPOSE_ENCRYPT or KeyProperties.PURPOSE_DECRYPT)
                .setBlockModes(KeyProperties.BLOCK_MODE_GCM)
                .setEncryptionPaddings(KeyProperties.ENCRYPTION_PADDING_NONE)
                .setUserAuthenticationRequired(true)
                .setInvalidatedByBiometricEnrollment(true)
                .build(),
        )
        generateKey()
    }

    /** Shows the biometric prompt; on success runs [use] with the unlocked cipher. Answers on the core's thread. */
    private fun authenticate(cipher: Cipher, done: (ByteArray?) -> Unit, use: (Cipher) -> ByteArray) {
        val callback = object : BiometricPrompt.AuthenticationCallback() {
            override fun onAuthenticationSucceeded(result: BiometricPrompt.AuthenticationResult) {
                val key = result.cryptoObject?.cipher?.let { runCatching { use(it) }.getOrNull() }
                coreThread.execute { done(key) }
            }

            override fun onAuthenticationError(code: Int, message: CharSequence) {
                coreThread.execute { done(null) }
            }
        }
        ContextCompat.getMainExecutor(context).execute {
            val activity = screen.activity
            if (activity == null || activity.isFinishing) {
                coreThread.execute { done(null) }
                return@execute
            }
            val prompt = BiometricPrompt(activity, ContextCompat.getMainExecutor(activity), callback)
            // Title only: the prompt is the system's; it shows no participant data.
            val info = BiometricPrompt.PromptInfo.Builder()
                .setTitle(activity.applicationInfo.loadLabel(activity.packageManager))
                .setNegativeButtonText(activity.getString(android.R.string.cancel))
                .setAllowedAuthenticators(BIOMETRIC_STRONG)
                .build()
            prompt.authenticate(info, BiometricPrompt.CryptoObject(cipher))
        }
    }

    private companion object {
        const val ALIAS = "phoenix-platform-key"
        const val DEVICE_ALIAS = "phoenix-device-key"
        const val TRANSFORMATION = "AES/GCM/NoPadding"
        const val IV_BYTES = 12
    }
}
