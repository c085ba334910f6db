package org.phoenix.app.effects

import android.Manifest
import android.app.Notification
import android.app.NotificationChannel
import android.app.NotificationManager
import android.content.Context
import android.content.pm.PackageManager
import android.security.keystore.KeyGenParameterSpec
import android.security.keystore.KeyProperties
import android.util.Base64
import androidx.work.Constraints
import androidx.work.ExistingPeriodicWorkPolicy
import androidx.work.NetworkType
import androidx.work.PeriodicWorkRequestBuilder
import androidx.work.WorkManager
import androidx.work.Worker
import androidx.work.WorkerParameters
import org.json.JSONObject
import org.phoenix.core.BackgroundCheckStore
import org.phoenix.shared.BackgroundCheckOperation
import java.net.HttpURLConnection
import java.net.URL
import java.security.KeyStore
import java.util.concurrent.TimeUnit
import javax.crypto.Cipher
import javax.crypto.KeyGenerator
import javax.crypto.SecretKey
import javax.crypto.spec.GCMParameterSpec
import uniffi.shared.BackgroundCheck
import uniffi.shared.backgroundCheckAnswer
import uniffi.shared.backgroundCheckRequest

/**
 * The background check (ARCHITECTURE.md, "The background check"): while
 * the app is closed and the vault locked, WorkManager runs
 * [BackgroundCheckWorker] about every 15 minutes when there is a network;
 * it asks the relay how many messages wait, with the waiting key only, and
 * posts a local notification in the core's words (discreet or not), never
 * a text.
 *
 * The config the core hands over is kept in app-private preferences,
 * sealed with AES-GCM under a key in the Android Keystore (this device
 * only, no user authentication: the check runs while the phone is locked).
 * It never touches the vault.
 */
class KeystoreBackgroundCheck(private val context: Context) : BackgroundCheckStore {
    override fun keep(config: BackgroundCheckOperation.Keep) {
        val key = ByteArray(config.waitingKey.size) { config.waitingKey[it].toByte() }
        val json = JSONObject()
            .put("relay", config.relay)
            .put("waiting_key", Base64.encodeToString(key, Base64.NO_WRAP))
            .put("discreet", config.discreet)
            .put("language", config.language)
        key.fill(0)
        val cipher = Cipher.getInstance(SEALING)
        cipher.init(Cipher.ENCRYPT_MODE, sealingKey())
        val sealed = cipher.iv + cipher.doFinal(json.toString().toByteArray())
        preferences(context).edit().putString(CONFIG, Base64.encodeToString(sealed, Base64.NO_WRAP)).apply()
        val every = PeriodicWorkRequestBuilder<BackgroundCheckWorker>(15, TimeUnit.MINUTES)
            .setConstraints(Constraints.Builder().setRequiredNetworkType(NetworkType.CONNECTED).build())
            .build()
        WorkManager.getInstance(context).enqueueUniquePeriodicWork(WORK, ExistingPeriodicWorkPolicy.UPDATE, every)
    }

    override fun forget() {
        WorkManager.getInstance(context).cancelUniqueWork(WORK)
        preferences(context).edit().remove(CONFIG).apply()
        keyStore().deleteEntry(KEY)
    }

    companion object {
        private const val WORK = "org.phoenix.background-check"
        private const val KEY = "org.phoenix.background-check"
        private const val CONFIG = "config"
        private const val SEALING = "AES/GCM/NoPadding"
        private const val IV_BYTES = 12

        private fun preferences(context: Context) =
            context.getSharedPreferences("background-check", Context.MODE_PRIVATE)

        private fun keyStore() = KeyStore.getInstance("AndroidKeyStore").apply { load(null) }

        private fun sealingKey(): SecretKey {
            (keyStore().getKey(KEY, null) as? SecretKey)?.let { return it }
            val generator = KeyGenerator.getInstance(KeyProperties.KEY_ALGORITHM_AES, "AndroidKeyStore")
            generator.init(
                KeyGenParameterSpec.Builder(KEY, KeyProperties.PURPOSE_ENCRYPT or KeyProperties.PURPOSE_DECRYPT)
                    .setBlockModes(KeyProperties.BLOCK_MODE_GCM)
                    .setEncryptionPaddings(KeyProperties.ENCRYPTION_PADDING_NONE)
                    .build(),
            )
            return generator.generateKey()
        }

        /** The kept config, opened; `null` if there is none (or it does not open). */
        fun load(context: Context): BackgroundCheck? {
            val stored = preferences(context).getString(CONFIG, null) ?: return null
            val key = keyStore().getKey(KEY, null) as? SecretKey ?: return null
            return runCatching {
                val sealed = Base64.decode(stored, Base64.NO_WRAP)
                val cipher = Cipher.getInstance(SEALING)
                cipher.init(Cipher.DECRYPT_MODE, key, GCMParameterSpec(128, sealed, 0, IV_BYTES))
                val json = JSONObject(String(cipher.doFinal(sealed, IV_BYTES, sealed.size - IV_BYTES)))
                BackgroundCheck(
                    relay = json.getString("relay"),
                    waitingKey = Base64.decode(json.getString("waiting_key"), Base64.NO_WRAP),
                    discreet = json.getBoolean("discreet"),
                    language = json.getString("language"),
                )
            }.getOrNull()
        }
    }
}

/** One check: the core's signed `GET /v1/waiting`, sent as it is; the core words the answer. */
class BackgroundCheckWorker(context: Context, params: WorkerParameters) : Worker(context, params) {
    override fun doWork(): Result {
        val config = KeystoreBackgroundCheck.load(applicationContext) ?: return Result.success()
        val request = backgroundCheckRequest(config, System.currentTimeMillis()) ?: return Result.success()
        val connection = URL(request.url).openConnection() as HttpURLConnection
        val (status, body) = try {
            connection.connectTimeout = 20_000
            connection.readTimeout = 20_000
            for ((name, value) in request.headers) connection.setRequestProperty(name, value)
            val status = connection.responseCode
            val stream = if (status < 400) connection.inputStream else connection.errorStream
            status to (stream?.use { it.readBytes() } ?: ByteArray(0))
        } catch (offline: java.io.IOException) {
            return Result.retry()
        } finally {
            connection.disconnect()
        }
        val notification = backgroundCheckAnswer(config, status.toUShort(), body) ?: return Result.success()
        val allowed = applicationContext.checkSelfPermission(Manifest.permission.POST_NOTIFICATIONS) ==
            PackageManager.PERMISSION_GRANTED
        if (allowed) {
            val manager = applicationContext.getSystemService(NotificationManager::class.java)
            manager.createNotificationChannel(
                NotificationChannel(
                    AlarmReminders.CHANNEL,
                    applicationContext.applicationInfo.loadLabel(applicationContext.packageManager),
                    NotificationManager.IMPORTANCE_DEFAULT,
                ),
            )
            manager.notify(
                NOTIFICATION,
                Notification.Builder(applicationContext, AlarmReminders.CHANNEL)
                    .setSmallIcon(android.R.drawable.ic_dialog_email)
                    .setContentTitle(notification.title)
                    .setContentText(notification.body)
                    .setAutoCancel(true)
                    .build(),
            )
        }
        return Result.success()
    }

    private companion object {
        /** One notification at a time: a newer check replaces it. */
        const val NOTIFICATION = 19
    }
}
