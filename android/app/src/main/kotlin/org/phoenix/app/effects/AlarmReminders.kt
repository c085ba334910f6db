package org.phoenix.app.effects

import android.Manifest
import android.app.AlarmManager
import android.app.Notification
import android.app.NotificationChannel
import android.app.NotificationManager
import android.app.PendingIntent
import android.content.BroadcastReceiver
import android.content.Context
import android.content.Intent
import android.content.pm.PackageManager
import android.os.Build
import org.json.JSONArray
import org.json.JSONObject
import org.phoenix.app.MainActivity
import org.phoenix.app.ScreenHolder
import org.phoenix.core.Notifier
import org.phoenix.shared.Reminder
import java.time.LocalDateTime
import java.time.ZoneId
import java.time.ZonedDateTime

/**
 * Local notifications at the core's local times. The core sends the whole
 * schedule each time (an empty one cancels every reminder); it replaces the
 * previous one. Titles and bodies are the core's (neutral in discreet mode).
 *
 * One alarm per reminder, for its next occurrence only, exact when the
 * participant allows exact alarms: [ReminderReceiver] posts it and arms the
 * next one, computed in local time, so a daily reminder stays at 9:00
 * across DST changes (no `INTERVAL_DAY` drift). After a reboot, a time
 * change or an update the receiver re-arms them from [ReminderStore].
 */
class AlarmReminders(private val context: Context, private val screen: ScreenHolder) : Notifier {
    private val store = ReminderStore(context)

    override fun schedule(reminders: List<Reminder>) {
        for (old in store.load()) disarm(context, old.id)
        val kept = reminders.map(StoredReminder::from)
        store.save(kept)
        for (reminder in kept) arm(context, reminder)
        if (kept.isNotEmpty()) askForNotificationsOnce()
    }

    /** Android 13+: notifications need the participant's permission, asked the first time a reminder is set. */
    private fun askForNotificationsOnce() {
        if (Build.VERSION.SDK_INT < Build.VERSION_CODES.TIRAMISU) return
        if (context.checkSelfPermission(Manifest.permission.POST_NOTIFICATIONS) == PackageManager.PERMISSION_GRANTED) return
        val activity = screen.activity ?: return
        activity.runOnUiThread { activity.askForNotifications() }
    }

    companion object {
        const val CHANNEL = "reminders"
        private const val REMIND = "org.phoenix.app.REMIND"

        fun arm(context: Context, reminder: StoredReminder) {
            val at = reminder.next(ZonedDateTime.now(ZoneId.systemDefault())) ?: return
            val alarms = context.getSystemService(AlarmManager::class.java)
            val millis = at.toInstant().toEpochMilli()
            val intent = pending(context, reminder.id)
            val exact = Build.VERSION.SDK_INT < Build.VERSION_CODES.S || alarms.canScheduleExactAlarms()
            if (exact) {
                alarms.setExactAndAllowWhileIdle(AlarmManager.RTC_WAKEUP, millis, intent)
            } else {
                alarms.setAndAllowWhileIdle(AlarmManager.RTC_WAKEUP, millis, intent)
            }
        }

        fun disarm(context: Context, id: String) {
            context.getSystemService(AlarmManager::class.java).cancel(pending(context, id))
        }

        private fun pending(context: Context, id: String): PendingIntent {
            val intent = Intent(context, ReminderReceiver::class.java).setAction(REMIND).setData(android.net.Uri.fromParts("reminder", id, null))
            return PendingIntent.getBroadcast(context, 0, intent, PendingIntent.FLAG_UPDATE_CURRENT or PendingIntent.FLAG_IMMUTABLE)
        }

        fun idOf(intent: Intent): String? = intent.takeIf { it.action == REMIND }?.data?.schemeSpecificPart
    }
}

/**
 * A reminder as kept for after a reboot: no more than its notification
 * shows (the core's title and body, neutral in discreet mode) and when.
 */
data class StoredReminder(
    val id: String,
    /** Local `YYYY-MM-DDTHH:MM:SS`. */
    val at: String,
    val daily: Boolean,
    val weekly: Boolean,
    val title: String,
    val body: String,
) {
    /** The next occurrence after [now], in local time (so DST moves nothing); `null` once a one-off has passed. */
    fun next(now: ZonedDateTime): ZonedDateTime? {
        var local = LocalDateTime.parse(at)
        while (local.atZone(now.zone).isBefore(now)) {
            local = when {
                daily -> local.plusDays(1)
                weekly -> local.plusWeeks(1)
                else -> return null
            }
        }
        return local.atZone(now.zone)
    }

    fun toJson(): JSONObject = JSONObject()
        .put("id", id).put("at", at).put("daily", daily).put("weekly", weekly).put("title", title).put("body", body)

    companion object {
        fun from(reminder: Reminder) = StoredReminder(reminder.id, reminder.at, reminder.daily, reminder.weekly, reminder.title, reminder.body)

        fun fromJson(json: JSONObject) = StoredReminder(
            json.getString("id"), json.getString("at"), json.getBoolean("daily"), json.getBoolean("weekly"),
            json.getString("title"), json.getString("body"),
        )
    }
}

/** The current schedule, in the app's private preferences (excluded from backup). */
class ReminderStore(context: Context) {
    private val prefs = context.getSharedPreferences("reminders", Context.MODE_PRIVATE)

    fun load(): List<StoredReminder> {
        val array = JSONArray(prefs.getString(SCHEDULE, "[]"))
        return List(array.length()) { StoredReminder.fromJson(array.getJSONObject(it)) }
    }

    fun save(reminders: List<StoredReminder>) {
        val array = JSONArray()
        for (reminder in reminders) array.put(reminder.toJson())
        // commit: the receiver may read it in another process start right after.
        prefs.edit().putString(SCHEDULE, array.toString()).commit()
    }

    private companion object {
        const val SCHEDULE = "schedule"
    }
}

/**
 * After a reboot, a time or time-zone change, an app update or a change to
 * the exact-alarm permission: re-arms the whole schedule (alarms do not
 * survive a reboot). It only re-arms what [ReminderStore] holds.
 */
class RestoreReminders : BroadcastReceiver() {
    override fun onReceive(context: Context, intent: Intent) {
        for (reminder in ReminderStore(context).load()) AlarmReminders.arm(context, reminder)
    }
}

/** Posts a due reminder and arms its next occurrence. */
class ReminderReceiver : BroadcastReceiver() {
    override fun onReceive(context: Context, intent: Intent) {
        val id = AlarmReminders.idOf(intent) ?: return
        val reminder = ReminderStore(context).load().firstOrNull { it.id == id } ?: return
        post(context, reminder)
        if (reminder.daily || reminder.weekly) AlarmReminders.arm(context, reminder)
    }

    private fun post(context: Context, reminder: StoredReminder) {
        val notifications = context.getSystemService(NotificationManager::class.java)
        notifications.createNotificationChannel(
            NotificationChannel(AlarmReminders.CHANNEL, context.applicationInfo.loadLabel(context.packageManager), NotificationManager.IMPORTANCE_DEFAULT),
        )
        // Tapping it opens the app (on its lock screen if it locked meanwhile).
        val open = PendingIntent.getActivity(
            context,
            0,
            Intent(context, MainActivity::class.java).addFlags(Intent.FLAG_ACTIVITY_NEW_TASK or Intent.FLAG_ACTIVITY_SINGLE_TOP),
            PendingIntent.FLAG_IMMUTABLE,
        )
        val notification = Notification.Builder(context, AlarmReminders.CHANNEL)
            .setSmallIcon(android.R.drawable.ic_popup_reminder)
            .setContentTitle(reminder.title)
            .setContentText(reminder.body)
            .setContentIntent(open)
            .setVisibility(Notification.VISIBILITY_PRIVATE)
            .setAutoCancel(true)
            .build()
        notifications.notify(reminder.id.hashCode(), notification)
    }
}
