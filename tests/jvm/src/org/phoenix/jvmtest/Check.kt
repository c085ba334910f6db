package org.phoenix.jvmtest

/**
 * A minimal test runner: no JUnit is reachable without Maven, and a test
 * needs no more than named cases, assertions with a message, and an exit
 * code. Failures print what differed, never participant data beyond the
 * test's own fixtures.
 */
class CheckFailed(message: String) : AssertionError(message)

fun check(condition: Boolean, message: () -> String) {
    if (!condition) throw CheckFailed(message())
}

fun <T> checkEquals(expected: T, actual: T, what: String) {
    check(expected == actual) { "$what: expected <$expected>, got <$actual>" }
}

inline fun <reified E : Throwable> checkThrows(what: String, block: () -> Unit): E {
    try {
        block()
    } catch (error: Throwable) {
        if (error is E) return error
        throw CheckFailed("$what: expected ${E::class.simpleName}, got $error")
    }
    throw CheckFailed("$what: expected ${E::class.simpleName}, nothing was thrown")
}

fun main() {
    val cases = listOf(
        "a participant's scenario through the real UniFFI boundary" to ::participantScenario,
        "the vault reopens with the passcode and refuses a wrong one" to ::reopenTheVault,
        "a phone with no dialer shows the crisis line's number instead" to ::noDialerShowsTheNumber,
        "biometric unlock goes through the platform-key effect" to ::biometricUnlock,
        "malformed bytes and unknown ids are typed errors" to ::malformedBytes,
        "a relay answer that arrives after Lock now is dropped without an exception" to ::lateRelayAnswerAfterLockNow,
        "a biometric answer that arrives after Lock now is dropped without an exception" to ::lateBiometricAnswerAfterLockNow,
        "exported files are cleared when the app starts, locks and erases" to ::exportsClearedOnStartLockAndErase,
        "erasing everything asks the phone to cancel every reminder" to ::eraseCancelsEveryReminder,
        "a copied vault file does not open without this device's key, nor after erase" to ::aCopiedVaultFileDoesNotOpenWithoutThisDevicesKey,
        "paired through a real relay, a shared goal reaches the specialist as an item, and the background check with the vault locked says only that something waits" to ::backgroundCheckWithTheVaultLocked,
    )
    var failed = 0
    for ((name, case) in cases) {
        val started = System.nanoTime()
        try {
            case()
            println("  ok   $name (${(System.nanoTime() - started) / 1_000_000} ms)")
        } catch (error: Throwable) {
            failed++
            println("  FAIL $name\n       $error")
        }
    }
    println("${cases.size - failed} passed, $failed failed")
    kotlin.system.exitProcess(if (failed == 0) 0 else 1)
}
