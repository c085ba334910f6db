package org.phoenix.jvmtest

import javax.crypto.KeyGenerator
import javax.crypto.Mac
import javax.crypto.SecretKey

/**
 * The JVM's stand-in for the Android Keystore: an HMAC-SHA256 key the test
 * host holds (never given to the core), created on the first ask. The
 * device secret is its MAC of the core's salt, as on the phone.
 */
class DeviceKey {
    var key: SecretKey? = null
        private set

    fun secret(salt: ByteArray): ByteArray {
        val key = key ?: KeyGenerator.getInstance("HmacSHA256").generateKey().also { key = it }
        return Mac.getInstance("HmacSHA256").run {
            init(key)
            doFinal(salt)
        }
    }

    fun destroy() {
        key = null
    }
}

/** The device these scenarios run on: its keystore outlives each app start. */
val thisDevice = DeviceKey()
