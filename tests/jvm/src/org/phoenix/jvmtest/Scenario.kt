package org.phoenix.jvmtest

import java.nio.file.Files
import java.nio.file.Path
import org.phoenix.core.BackgroundCheckStore
import org.phoenix.core.Core
import org.phoenix.core.FileSharer
import org.phoenix.core.HttpClient
import org.phoenix.core.Notifier
import org.phoenix.core.PlatformKeyStore
import org.phoenix.core.ShellEffects
import org.phoenix.core.UrlOpener
import org.phoenix.shared.AftercareEvent
import org.phoenix.shared.BackgroundCheckOperation
import org.phoenix.shared.AftercarePlan
import org.phoenix.shared.AppointmentForm
import org.phoenix.shared.CheckInForm
import org.phoenix.shared.ContactEvent
import org.phoenix.shared.ContactWay
import org.phoenix.shared.Dimension
import org.phoenix.shared.Event
import org.phoenix.shared.FlowEvent
import org.phoenix.shared.GoalEvent
import org.phoenix.shared.Halt
import org.phoenix.shared.HttpRequest
import org.phoenix.shared.HttpResult
import org.phoenix.shared.MessagesEvent
import org.phoenix.shared.Reminder
import org.phoenix.shared.Referral
import org.phoenix.shared.ReferralStatus
import org.phoenix.shared.Screen
import org.phoenix.shared.ScreenView
import org.phoenix.shared.ServiceCategory
import org.phoenix.shared.SettingsEvent
import org.phoenix.shared.ShareFile
import org.phoenix.shared.SpecialistForm
import org.phoenix.shared.TriggerEvent
import org.phoenix.shared.TriggerKind
import org.phoenix.shared.ViewModel
import uniffi.shared.CoreFfi
import uniffi.shared.HostException

const val PASSCODE = "quiet harbor 7"

/** What the phone was asked to do, recorded. */
class Recorder(val device: DeviceKey = thisDevice) : PlatformKeyStore, Notifier, UrlOpener, FileSharer, BackgroundCheckStore {
    val opened = mutableListOf<String>()
    /** The phone has a dialer and a messages app. */
    var opensLinks = true
    val shared = mutableListOf<ShareFile>()
    val schedules = mutableListOf<List<Reminder>>()
    var stored: ByteArray? = null
    /** How many times the exports folder was emptied. */
    var clears = 0

    override fun create(done: (ByteArray?) -> Unit) {
        val key = ByteArray(32) { (it * 7 + 3).toByte() }
        stored = key.copyOf()
        done(key)
    }
    override fun read(done: (ByteArray?) -> Unit) = done(stored?.copyOf())
    override fun delete() { stored = null }
    override fun deviceSecret(salt: ByteArray) = device.secret(salt)
    override fun destroyDeviceKey() = device.destroy()
    override fun schedule(reminders: List<Reminder>) { schedules += reminders }
    override fun open(url: String, done: (Boolean) -> Unit) {
        opened += url
        done(opensLinks)
    }
    override fun share(file: ShareFile) { shared += file }
    override fun clear() { clears++ }
    /** The background check's config, as the phone keeps it outside the vault. */
    var background: BackgroundCheckOperation.Keep? = null
    override fun keep(config: BackgroundCheckOperation.Keep) { background = config }
    override fun forget() { background = null }

    /** Nothing in these scenarios pairs for secure messages: no request may be made. */
    fun effects() = ShellEffects(
        keys = this,
        notifier = this,
        urls = this,
        sharer = this,
        http = { _, _ -> error("no HTTP before pairing") },
        background = this,
    )
}

/** One participant's vault, in a fresh directory. */
val vaultPath: String by lazy { Files.createTempDirectory("phoenix-jvm").resolve("phoenix.db").toString() }
val phone = Recorder()

fun open(path: String = vaultPath, recorder: Recorder = phone): Core =
    Core(path, "America/New_York", "en-US", recorder.effects()).also { it.dispatch(Event.Start) }

inline fun <reified S : ScreenView> Core.screen(): S {
    val screen = view.screen
    check(screen is S) { "expected ${S::class.simpleName}, the core shows ${screen::class.simpleName} (problem: ${view.problem})" }
    return screen as S
}

fun Core.go(screen: Screen) = dispatch(Event.Navigate(screen))

fun checkNoProblem(view: ViewModel, what: String) = checkEquals(null, view.problem, "$what: problem")

fun participantScenario() {
    open().use { core ->
        core.screen<ScreenView.FirstRun>()
        core.dispatch(Event.SetPasscode(PASSCODE, PASSCODE))
        checkEquals("Today", core.screen<ScreenView.Today>().value.heading, "after the passcode")
        checkEquals("I'm triggered", core.view.help.imTriggered, "help action")

        // A goal with two steps, one done.
        core.go(Screen.GOALS)
        core.dispatch(Event.Goals(GoalEvent.Add("Get my license back", Dimension.PURPOSE, "To drive to work", null)))
        val goal = core.screen<ScreenView.Goals>().value.goals.single()
        for (step in listOf("Book the written test", "Pay the fine")) {
            core.dispatch(Event.Goals(GoalEvent.AddStep(goal.id, step, null)))
        }
        val steps = core.screen<ScreenView.Goals>().value.goals.single().steps
        checkEquals(listOf("Book the written test", "Pay the fine"), steps.map { it.title }, "steps")
        core.dispatch(Event.Goals(GoalEvent.CompleteStep(steps.first().id)))
        val goals = core.screen<ScreenView.Goals>().value
        checkEquals(50.toUByte(), goals.goals.single().progress, "progress")
        checkEquals("50% of steps done", goals.goals.single().progressLabel, "progress label")

        // A trigger and two coping strategies linked to it.
        core.go(Screen.TRIGGERS)
        core.dispatch(Event.Triggers(TriggerEvent.AddTrigger(TriggerKind.PLACES, "Passing the old bar")))
        val trigger = core.screen<ScreenView.Triggers>().value.triggers.single().id
        for (strategy in listOf("Call my sponsor", "Walk the long way home")) {
            core.dispatch(Event.Triggers(TriggerEvent.AddStrategy(strategy, listOf(trigger))))
        }
        val strategies = core.screen<ScreenView.Triggers>().value.strategies
        checkEquals(2, strategies.count { it.triggers == listOf(trigger) }, "strategies linked to the trigger")

        // I'm triggered: craving 8, call the sponsor, craving 3.
        core.dispatch(Event.Triggered(FlowEvent.Start))
        checkEquals(listOf("Passing the old bar"), core.screen<ScreenView.Triggered>().value.triggers.map { it.label }, "triggers offered")
        core.dispatch(Event.Triggered(FlowEvent.ChooseTrigger(trigger)))
        core.dispatch(Event.Triggered(FlowEvent.RateBefore(8u)))
        val sponsor = strategies.first { it.name == "Call my sponsor" }.id
        core.dispatch(Event.Triggered(FlowEvent.Tried(sponsor, true)))
        core.dispatch(Event.Triggered(FlowEvent.RateAfter(3u)))
        checkEquals("Saved. You got through it.", core.screen<ScreenView.Triggered>().value.prompt, "after the flow")
        core.dispatch(Event.Triggered(FlowEvent.Cancel))
        core.go(Screen.TRIGGERS)
        val insight = core.screen<ScreenView.Triggers>().value.triggers.single().insight
        checkEquals("Call my sponsor", insight.first().strategy, "what helped with this trigger")
        check(insight.first().evidence.startsWith("Made the craving 5")) { "evidence: ${insight.first().evidence}" }

        // Today's check-in.
        core.go(Screen.CHECKIN)
        core.dispatch(Event.CheckIn(CheckInForm(4u, 2u, Halt(false, false, true, false), "7", false, listOf(), listOf(sponsor), "A good day")))
        val checkIn = core.screen<ScreenView.CheckIn>().value
        check(checkIn.alreadyCheckedIn) { "the check-in was saved" }
        checkEquals("A good day", checkIn.note, "today's note")

        // The aftercare plan: a referral, an appointment (a reminder), the plan, an export.
        core.go(Screen.AFTERCARE)
        core.dispatch(Event.Aftercare(AftercareEvent.SaveReferral(null, Referral(ServiceCategory.EMERGENCYHOUSING, "County Housing Office", "555 0100", "", "", ReferralStatus.TOCONTACT, ""))))
        core.dispatch(Event.Aftercare(AftercareEvent.SaveAppointment(null, AppointmentForm("Intake", "2036-12-01T10:30", "Main St clinic", 60u))))
        core.dispatch(Event.Aftercare(AftercareEvent.SetPlan(AftercarePlan(listOf("Skipping meals"), listOf("Call my sponsor the same day")))))
        val aftercare = core.screen<ScreenView.Aftercare>().value
        checkEquals(listOf("County Housing Office"), aftercare.referrals.map { it.organization }, "referrals")
        checkEquals("December 1, 2036, 10:30", aftercare.appointments.single().at, "appointment")
        checkEquals(listOf("Skipping meals"), aftercare.plan.warningSigns, "warning signs")
        val reminder = phone.schedules.last().single { it.id.startsWith("appointment") }
        checkEquals("2036-12-01T09:30:00", reminder.at, "the reminder an hour before")
        core.dispatch(Event.ExportPlan)
        check(phone.shared.single().fileName.endsWith(".md")) { "shared ${phone.shared.single().fileName}" }
        check(String(phone.shared.single().bytes.map { it.toByte() }.toByteArray()).contains("County Housing Office")) { "the plan document lists the referral" }

        // The specialist, then a call through the phone.
        core.dispatch(Event.Contact(ContactEvent.SetSpecialist(SpecialistForm("Dana Cruz", "Bay Peer Support", "(555) 010-2030", "", listOf(), ContactWay.TEXT))))
        core.go(Screen.CONTACT)
        checkEquals("tel:5550102030", core.screen<ScreenView.Contact>().value.callUrl, "call link")
        core.dispatch(Event.Contact(ContactEvent.Call))
        checkEquals(listOf("tel:5550102030"), phone.opened, "the phone was asked to call")
        checkNoProblem(core.view, "end of the scenario")
    }
}

fun reopenTheVault() {
    open().use { core ->
        check(core.view.screen is ScreenView.Locked) { "a reopened vault starts locked" }
        core.dispatch(Event.Unlock("not the passcode"))
        checkEquals("That passcode did not work. Try again.", core.view.problem, "wrong passcode")
        core.screen<ScreenView.Locked>()
        core.dispatch(Event.Unlock(PASSCODE))
        core.screen<ScreenView.Today>()
        core.go(Screen.GOALS)
        val goal = core.screen<ScreenView.Goals>().value.goals.single()
        checkEquals("Get my license back", goal.title, "goal after reopening")
        checkEquals(listOf(true, false), goal.steps.map { it.done }, "steps after reopening")
        core.go(Screen.TRIGGERS)
        checkEquals(listOf("Passing the old bar"), core.screen<ScreenView.Triggers>().value.triggers.map { it.name }, "triggers after reopening")
        core.go(Screen.CHECKIN)
        checkEquals("A good day", core.screen<ScreenView.CheckIn>().value.note, "check-in after reopening")
        core.go(Screen.AFTERCARE)
        checkEquals(listOf("Skipping meals"), core.screen<ScreenView.Aftercare>().value.plan.warningSigns, "plan after reopening")
    }
}

/** A tablet with no dialer: the phone answers that the link did not open, and the core shows the number. */
fun noDialerShowsTheNumber() {
    val recorder = Recorder()
    open(vaultPath, recorder).use { core ->
        core.dispatch(Event.Unlock(PASSCODE))
        recorder.opensLinks = false
        core.dispatch(Event.Contact(ContactEvent.CallCrisisLine))
        checkEquals(listOf("tel:988"), recorder.opened, "the phone was asked to call")
        val problem = core.view.problem
        check(problem != null && problem.contains("988")) { "the number is shown instead: $problem" }
        recorder.opensLinks = true
        core.dispatch(Event.Contact(ContactEvent.CallCrisisLine))
        checkNoProblem(core.view, "a phone that can call")
    }
}

fun biometricUnlock() {
    val recorder = Recorder()
    val path = Files.createTempDirectory("phoenix-jvm-keys").resolve("phoenix.db").toString()
    open(path, recorder).use { core ->
        core.dispatch(Event.SetPasscode(PASSCODE, PASSCODE))
        core.dispatch(Event.Settings(SettingsEvent.EnableBiometrics))
        check(recorder.stored != null) { "the platform key was created" }
        core.go(Screen.SETTINGS)
        check(core.screen<ScreenView.Settings>().value.biometricsEnabled) { "biometrics on" }
        core.dispatch(Event.Lock)
        core.screen<ScreenView.Locked>()
        core.dispatch(Event.UnlockWithBiometrics)
        core.screen<ScreenView.Today>()
        core.dispatch(Event.Settings(SettingsEvent.DisableBiometrics))
        checkEquals(null, recorder.stored, "the keystore deleted the key")
    }
    Path.of(path).parent.toFile().deleteRecursively()
}

fun malformedBytes() {
    val path = Files.createTempDirectory("phoenix-jvm-bytes").resolve("phoenix.db").toString()
    CoreFfi(path, "UTC", "en").use { ffi ->
        checkThrows<HostException.Malformed>("garbage event") { ffi.update(byteArrayOf(-1, -1, -1)) }
        checkThrows<HostException.Malformed>("empty event") { ffi.update(ByteArray(0)) }
        checkThrows<HostException.UnknownEffect>("unknown effect id") { ffi.resolve(4242u, ByteArray(0)) }
        val view = ViewModel.bincodeDeserialize(ffi.view())
        checkEquals("Starting", view.screen::class.simpleName, "bad bytes changed nothing")
    }
    Path.of(path).parent.toFile().deleteRecursively()
}

/** A phone whose answers wait: the test decides when (and after what) they arrive. */
class SlowPhone : PlatformKeyStore, Notifier, UrlOpener, FileSharer, HttpClient, BackgroundCheckStore {
    val keyAnswers = mutableListOf<(ByteArray?) -> Unit>()
    val relayAnswers = mutableListOf<(HttpResult) -> Unit>()
    var clears = 0

    override fun create(done: (ByteArray?) -> Unit) { keyAnswers += done }
    override fun read(done: (ByteArray?) -> Unit) { keyAnswers += done }
    override fun delete() {}
    override fun deviceSecret(salt: ByteArray) = thisDevice.secret(salt)
    override fun destroyDeviceKey() = thisDevice.destroy()
    override fun schedule(reminders: List<Reminder>) {}
    override fun open(url: String, done: (Boolean) -> Unit) = done(true)
    override fun share(file: ShareFile) {}
    override fun clear() { clears++ }
    override fun send(request: HttpRequest, done: (HttpResult) -> Unit) { relayAnswers += done }
    override fun keep(config: BackgroundCheckOperation.Keep) {}
    override fun forget() {}

    fun effects() = ShellEffects(keys = this, notifier = this, urls = this, sharer = this, http = this, background = this)
}

fun freshCore(phone: SlowPhone): Pair<Core, Path> {
    val dir = Files.createTempDirectory("phoenix-jvm-late")
    val core = Core(dir.resolve("phoenix.db").toString(), "America/New_York", "en-US", phone.effects())
    core.dispatch(Event.Start)
    core.dispatch(Event.SetPasscode(PASSCODE, PASSCODE))
    core.screen<ScreenView.Today>()
    return core to dir
}

fun lateRelayAnswerAfterLockNow() {
    val phone = SlowPhone()
    val (core, dir) = freshCore(phone)
    core.use {
        core.dispatch(Event.Messages(MessagesEvent.Pair("https://relay.example.org", "ABCDE-FGHJK 0123-4567-89AB-CDEF", "Sam")))
        check(phone.relayAnswers.isNotEmpty()) { "pairing asked the relay" }
        core.dispatch(Event.Lock)
        core.screen<ScreenView.Locked>()
        // The sync was in flight when the participant tapped "Lock now".
        phone.relayAnswers.single()(HttpResult.Unreachable)
        core.screen<ScreenView.Locked>()
        core.dispatch(Event.Unlock(PASSCODE))
        core.screen<ScreenView.Today>()
    }
    dir.toFile().deleteRecursively()
}

fun lateBiometricAnswerAfterLockNow() {
    val phone = SlowPhone()
    val (core, dir) = freshCore(phone)
    core.use {
        core.dispatch(Event.Settings(SettingsEvent.EnableBiometrics))
        check(phone.keyAnswers.isNotEmpty()) { "the biometric prompt is showing" }
        core.dispatch(Event.Lock)
        core.screen<ScreenView.Locked>()
        // The participant answers the prompt after the app locked.
        phone.keyAnswers.single()(ByteArray(32) { 7 })
        core.screen<ScreenView.Locked>()
        core.dispatch(Event.Unlock(PASSCODE))
        core.go(Screen.SETTINGS)
        check(!core.screen<ScreenView.Settings>().value.biometricsEnabled) { "the late key was not enrolled" }
    }
    dir.toFile().deleteRecursively()
}

fun exportsClearedOnStartLockAndErase() {
    val phone = SlowPhone()
    val (core, dir) = freshCore(phone)
    core.use {
        check(phone.clears >= 1) { "cleared when the app started" }
        val unlocked = phone.clears
        core.dispatch(Event.Lock)
        check(phone.clears > unlocked) { "cleared on lock" }
        core.dispatch(Event.Unlock(PASSCODE))
        val again = phone.clears
        core.go(Screen.GOALS)
        core.dispatch(Event.ExportPlan)
        checkEquals(again, phone.clears, "kept while unlocked (the share sheet clears its own)")
        core.dispatch(Event.EraseEverything)
        core.screen<ScreenView.FirstRun>()
        check(phone.clears > again) { "cleared on erase" }
    }
    dir.toFile().deleteRecursively()
}

/** After any erase the phone is asked to cancel every reminder: an empty schedule. */
fun eraseCancelsEveryReminder() {
    val dir = Files.createTempDirectory("phoenix-jvm-erase")
    val path = dir.resolve("phoenix.db").toString()
    val recorder = Recorder()
    open(path, recorder).use { core ->
        core.dispatch(Event.SetPasscode(PASSCODE, PASSCODE))
        core.dispatch(Event.Settings(SettingsEvent.SetCheckInReminder("20:30")))
        check(recorder.schedules.lastOrNull()?.isNotEmpty() == true) { "a reminder was scheduled" }
        core.dispatch(Event.EraseEverything)
        core.screen<ScreenView.FirstRun>()
        checkEquals(emptyList<Reminder>(), recorder.schedules.last(), "the schedule after erasing from settings")

        core.dispatch(Event.SetPasscode(PASSCODE, PASSCODE))
        core.dispatch(Event.Settings(SettingsEvent.SetCheckInReminder("20:30")))
    }
    // The app starts locked and knows nothing of what was scheduled.
    val locked = Recorder()
    open(path, locked).use { core ->
        core.screen<ScreenView.Locked>()
        core.dispatch(Event.EraseEverything)
        core.screen<ScreenView.FirstRun>()
        checkEquals(listOf(emptyList<Reminder>()), locked.schedules, "the schedule after erasing from the lock screen")
    }
    dir.toFile().deleteRecursively()
}

/**
 * The vault opens with the passcode through the host's device key; a copy
 * of the file on another device (another key) does not open with the same
 * passcode, and after erase a copy taken before does not open here either.
 */
fun aCopiedVaultFileDoesNotOpenWithoutThisDevicesKey() {
    val device = DeviceKey()
    val dir = Files.createTempDirectory("phoenix-jvm-device")
    val path = dir.resolve("phoenix.db")
    open(path.toString(), Recorder(device)).use { core ->
        core.dispatch(Event.SetPasscode(PASSCODE, PASSCODE))
        core.screen<ScreenView.Today>()
        check(device.key != null) { "the host's device key was created" }
    }
    open(path.toString(), Recorder(device)).use { core ->
        core.dispatch(Event.Unlock(PASSCODE))
        core.screen<ScreenView.Today>()
    }
    val copy = Files.createTempDirectory("phoenix-jvm-copy")
    copyVault(dir, copy)
    open(copy.resolve("phoenix.db").toString(), Recorder(DeviceKey())).use { core ->
        core.dispatch(Event.Unlock(PASSCODE))
        // The attempt counter carries this device's MAC: elsewhere, the longest wait.
        checkEquals("Too many attempts. Try again in 900 seconds.", core.view.problem, "the copy on another device")
        core.screen<ScreenView.Locked>()
    }
    open(path.toString(), Recorder(device)).use { core ->
        core.dispatch(Event.EraseEverything)
        core.screen<ScreenView.FirstRun>()
        checkEquals(null, device.key, "erase destroyed the device key")
    }
    copyVault(copy, dir)
    open(path.toString(), Recorder(device)).use { core ->
        core.dispatch(Event.Unlock(PASSCODE))
        checkEquals("Too many attempts. Try again in 900 seconds.", core.view.problem, "a copy from before the erase")
        core.screen<ScreenView.Locked>()
    }
    dir.toFile().deleteRecursively()
    copy.toFile().deleteRecursively()
}

/** The vault's files (the database and any write-ahead log) from [from] to [to]. */
fun copyVault(from: Path, to: Path) {
    Files.list(from).use { files ->
        files.filter { it.fileName.toString().startsWith("phoenix.db") }
            .forEach { Files.copy(it, to.resolve(it.fileName)) }
    }
}
