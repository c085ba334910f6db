package org.phoenix.jvmtest

import java.nio.file.Files
import java.nio.file.Path
import java.nio.file.attribute.FileTime
import java.util.concurrent.AbstractExecutorService
import java.util.concurrent.TimeUnit
import org.phoenix.core.Core
import org.phoenix.core.UrlConnectionHttp
import org.phoenix.shared.BackgroundCheckOperation
import org.phoenix.shared.Event
import org.phoenix.shared.HttpHeader
import org.phoenix.shared.HttpRequest
import org.phoenix.shared.HttpResult
import org.phoenix.shared.MessagesEvent
import org.phoenix.shared.Screen
import org.phoenix.shared.ScreenView
import org.phoenix.shared.SettingsEvent
import uniffi.shared.BackgroundCheck
import uniffi.shared.BackgroundNotification
import uniffi.shared.backgroundCheckAnswer
import uniffi.shared.backgroundCheckRequest

/** Runs each task on the calling thread: the test's HTTP is synchronous, like the Rust tests'. */
class OnThisThread : AbstractExecutorService() {
    private var shut = false
    override fun execute(command: Runnable) = command.run()
    override fun shutdown() { shut = true }
    override fun shutdownNow(): List<Runnable> = emptyList<Runnable>().also { shut = true }
    override fun isShutdown() = shut
    override fun isTerminated() = shut
    override fun awaitTermination(timeout: Long, unit: TimeUnit) = true
}

/**
 * A real relay on loopback with a signed-in specialist: the scripted inbox
 * `relay/examples/specialist.rs` (its path in `PHOENIX_SPECIALIST_BIN`,
 * set by `cargo xtask test jvm`), driven over its standard input.
 */
class ScriptedSpecialist(dir: Path) : AutoCloseable {
    private val process = ProcessBuilder(System.getenv("PHOENIX_SPECIALIST_BIN") ?: error("PHOENIX_SPECIALIST_BIN is not set"), dir.toString())
        .redirectError(ProcessBuilder.Redirect.INHERIT)
        .start()
    private val input = process.outputStream.bufferedWriter()
    private val output = process.inputStream.bufferedReader()
    val relay: String = answer().removePrefix("relay ")

    private fun answer(): String = output.readLine() ?: error("the scripted specialist stopped")

    private fun ask(line: String): String {
        input.write(line + "\n")
        input.flush()
        return answer()
    }

    fun invite() = ask("invite")

    fun send(text: String) = check(ask("send $text").startsWith("sent ")) { "the specialist's message was not stored" }

    /** What the participant sent, oldest first, as the inbox opened it: `text …`, `item <envelope JSON>` or `unsupported`. */
    fun letters(): List<String> {
        val count = ask("letters").removePrefix("letters ").toInt()
        return List(count) { answer() }
    }

    override fun close() {
        input.close()
        process.waitFor(10, TimeUnit.SECONDS)
        process.destroy()
    }
}

/** What the phone's scheduler does with the kept config: ask the relay, word the answer. */
fun checkInBackground(kept: BackgroundCheckOperation.Keep): BackgroundNotification? {
    val config = BackgroundCheck(
        relay = kept.relay,
        waitingKey = ByteArray(kept.waitingKey.size) { kept.waitingKey[it].toByte() },
        discreet = kept.discreet,
        language = kept.language,
    )
    val request = backgroundCheckRequest(config, System.currentTimeMillis()) ?: error("a waiting key")
    var result: HttpResult = HttpResult.Unreachable
    UrlConnectionHttp(answerOn = { it.run() }, io = OnThisThread()).use { http ->
        http.send(HttpRequest("GET", request.url, request.headers.map { (name, value) -> HttpHeader(name, value) }, emptyList())) {
            result = it
        }
    }
    val response = result as? HttpResult.Response ?: error("the relay did not answer")
    return backgroundCheckAnswer(config, response.status, ByteArray(response.body.size) { response.body[it].toByte() })
}

/** Each of the vault's files: its bytes and when it was last modified. */
fun vaultFiles(dir: Path): Map<String, Pair<List<Byte>, FileTime>> =
    Files.list(dir).use { files ->
        files.toList().associate { it.fileName.toString() to (Files.readAllBytes(it).toList() to Files.getLastModifiedTime(it)) }
    }

/**
 * Paired through a real relay (and, on the same pairing, a goal shared:
 * [shareAGoalWithTheSpecialist]), the core hands the phone the background
 * check's config; with the vault locked (then with the app closed), the
 * check asks the relay with it alone, through the real UniFFI functions,
 * and words a waiting message plainly, then discreetly: never its text,
 * and the vault's files are neither opened for writing nor changed.
 */
fun backgroundCheckWithTheVaultLocked() {
    val dir = Files.createTempDirectory("phoenix-jvm-background")
    val vault = dir.resolve("vault").also { Files.createDirectory(it) }
    val secret = "SENTINEL-craving-after-court-4410"
    ScriptedSpecialist(dir).use { specialist ->
        val recorder = Recorder()
        val effects = recorder.effects()
        val http = UrlConnectionHttp(answerOn = { it.run() }, io = OnThisThread())
        val phone = org.phoenix.core.ShellEffects(effects.keys, effects.notifier, effects.urls, effects.sharer, http, effects.background)
        val path = vault.resolve("phoenix.db").toString()
        Core(path, "America/New_York", "en-US", phone).use { core ->
            core.dispatch(Event.Start)
            core.dispatch(Event.SetPasscode(PASSCODE, PASSCODE))
            core.go(Screen.CONTACT)
            core.dispatch(Event.Messages(MessagesEvent.Pair(specialist.relay, specialist.invite(), "Sam")))
            checkNoProblem(core.view, "pairing")
            val kept = recorder.background ?: throw CheckFailed("pairing kept no background check")
            checkEquals(specialist.relay, kept.relay, "the config's relay")
            check(!kept.discreet) { "discreet mode is off by default" }
            checkEquals(null, checkInBackground(kept), "nothing waits yet")
            // The same relay and pairing: sharing a goal reaches the inbox as an item.
            shareAGoalWithTheSpecialist(core, specialist)

            specialist.send(secret)
            core.dispatch(Event.Lock)
            val before = vaultFiles(vault)
            val normal = checkInBackground(recorder.background!!) ?: throw CheckFailed("a message waits")
            checkEquals("New message", normal.title, "the normal title")
            checkEquals("You have a new message from your peer specialist.", normal.body, "the normal body")
            check(!normal.toString().contains(secret)) { "the notification holds no text" }
            core.screen<ScreenView.Locked>()
            check(vaultFiles(vault) == before) { "the vault's files are untouched" }

            // Discreet mode: unlocking fetches the first message, so send another.
            core.dispatch(Event.Unlock(PASSCODE))
            core.dispatch(Event.Settings(SettingsEvent.SetDiscreet(true)))
            check(recorder.background!!.discreet) { "the config follows discreet mode" }
            core.dispatch(Event.Lock)
        }
        specialist.send(secret)
        // The app is closed now, as when the phone's scheduler runs the check.
        val before = vaultFiles(vault)
        val discreet = checkInBackground(recorder.background!!) ?: throw CheckFailed("a message waits")
        checkEquals("Something new", discreet.title, "the discreet title")
        checkEquals("Open the app to see it.", discreet.body, "the discreet body")
        check(!discreet.toString().contains(secret) && !discreet.toString().lowercase().contains("message")) {
            "the discreet notification mentions no message"
        }
        check(vaultFiles(vault) == before) { "the vault's files are untouched with the app closed" }
    }
    dir.toFile().deleteRecursively()
}
