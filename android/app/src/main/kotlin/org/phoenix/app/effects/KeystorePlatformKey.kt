package org.phoenix.app.effects

import android.security.keystore.KeyGenParameterSpec
import android.security.keystore.KeyProperties
import androidx.biometric.BiometricPrompt
import androidx.core.content.ContextCompat
import androidx.fragment.app.FragmentActivity
import org.phoenix.core.PlatformKeyStore
import java.io.File
import java.security.KeyStore
import java.security.SecureRandom
import java.util.concurrent.Executor
import javax.crypto.Cipher
import javax.crypto.KeyGenerator
import javax.crypto.SecretKey
import javax.crypto.spec.GCMParameterSpec

/**
 * Biometric unlock's key: 32 random bytes the core wraps its data key with,
 * kept on this device only, sealed by an Android Keystore AES key that
 * needs the participant's biometric for every use (and is invalidated when
 * a new fingerprint or face is enrolled). Only the sealed bytes touch disk.
 */
class KeystorePlatformKey(
    private val activity: FragmentActivity,
    private val coreThread: Executor,
) : PlatformKeyStore {
    private val sealed = File(activity.noBackupFilesDir, "platform-key.sealed")
    private val keyStore = KeyStore.getInstance("AndroidKeyStore").apply { load(null) }

    override fun create(done: (ByteArray?) -> Unit) {
        val raw = ByteArray(32).also { SecureRandom().nextBytes(it) }
        val cipher = Cipher.getInstance(TRANSFORMATION).apply { init(Cipher.ENCRYPT_MODE, newSealingKey()) }
        authenticate(cipher, done) { ready ->
            sealed.writeBytes(ready.iv + ready.doFinal(raw))
            raw
        }
    }

    override fun read(done: (ByteArray?) -> Unit) {
        val bytes = sealed.takeIf { it.exists() }?.readBytes()
        val key = keyStore.getKey(ALIAS, null) as? SecretKey
        if (bytes == null || key == null || bytes.size <= IV_BYTES) return done(null)
        val cipher = try {
            Cipher.getInstance(TRANSFORMATION).apply {
                init(Cipher.DECRYPT_MODE, key, GCMParameterSpec(128, bytes.copyOfRange(0, IV_BYTES)))
            }
        } catch (invalidated: Exception) {
            // A new biometric was enrolled: the key is gone; the passcode still works.
            delete()
            return done(null)
        }
        authenticate(cipher, done) { ready -> ready.doFinal(bytes.copyOfRange(IV_BYTES, bytes.size)) }
    }

    override fun delete() {
        sealed.delete()
        if (keyStore.containsAlias(ALIAS)) keyStore.deleteEntry(ALIAS)
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
        ContextCompat.getMainExecutor(activity).execute {
            val prompt = BiometricPrompt(activity, ContextCompat.getMainExecutor(activity), callback)
            // Title only: the prompt is the system's; it shows no participant data.
            val info = BiometricPrompt.PromptInfo.Builder()
                .setTitle(activity.applicationInfo.loadLabel(activity.packageManager))
                .setNegativeButtonText(activity.getString(android.R.string.cancel))
                .setAllowedAuthenticators(androidx.biometric.BiometricManager.Authenticators.BIOMETRIC_STRONG)
                .build()
            prompt.authenticate(info, BiometricPrompt.CryptoObject(cipher))
        }
    }

    private companion object {
        const val ALIAS = "phoenix-platform-key"
        const val TRANSFORMATION = "AES/GCM/NoPadding"
        const val IV_BYTES = 12
    }
}
