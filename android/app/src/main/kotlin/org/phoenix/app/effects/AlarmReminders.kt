package org.phoenix.app.effects

import android.app.AlarmManager
import android.app.NotificationChannel
import android.app.NotificationManager
import android.app.PendingIntent
import android.content.BroadcastReceiver
import android.content.Context
import android.content.Intent
import org.phoenix.core.Notifier
import org.phoenix.shared.Reminder
import java.time.LocalDateTime
import java.time.ZoneId

/**
 * Local notifications at the core's local times: AlarmManager wakes
 * [ReminderReceiver], which posts the notification. The core sends the whole
 * schedule each time; it replaces the previous one. Titles and bodies are
 * the core's (neutral in discreet mode).
 */
class AlarmReminders(private val context: Context) : Notifier {
    private val alarms = context.getSystemService(AlarmManager::class.java)
    private val scheduled = context.getSharedPreferences("reminders", Context.MODE_PRIVATE)

    override fun schedule(reminders: List<Reminder>) {
        for (id in scheduled.getStringSet(IDS, emptySet()).orEmpty()) alarms.cancel(pending(id, null))
        for (reminder in reminders) {
            val at = LocalDateTime.parse(reminder.at).atZone(ZoneId.systemDefault()).toInstant().toEpochMilli()
            val intent = pending(reminder.id, reminder)
            when {
                reminder.daily -> alarms.setInexactRepeating(AlarmManager.RTC_WAKEUP, at, AlarmManager.INTERVAL_DAY, intent)
                reminder.weekly -> alarms.setInexactRepeating(AlarmManager.RTC_WAKEUP, at, 7 * AlarmManager.INTERVAL_DAY, intent)
                else -> alarms.set(AlarmManager.RTC_WAKEUP, at, intent)
            }
        }
        scheduled.edit().putStringSet(IDS, reminders.map { it.id }.toSet()).apply()
    }

    private fun pending(id: String, reminder: Reminder?): PendingIntent {
        val intent = Intent(context, ReminderReceiver::class.java).setAction(id)
        if (reminder != null) intent.putExtra(TITLE, reminder.title).putExtra(BODY, reminder.body)
        return PendingIntent.getBroadcast(context, id.hashCode(), intent, PendingIntent.FLAG_UPDATE_CURRENT or PendingIntent.FLAG_IMMUTABLE)
    }

    companion object {
        const val CHANNEL = "reminders"
        const val TITLE = "title"
        const val BODY = "body"
        private const val IDS = "ids"
    }
}

class ReminderReceiver : BroadcastReceiver() {
    override fun onReceive(context: Context, intent: Intent) {
        val notifications = context.getSystemService(NotificationManager::class.java)
        notifications.createNotificationChannel(
            NotificationChannel(AlarmReminders.CHANNEL, context.applicationInfo.loadLabel(context.packageManager), NotificationManager.IMPORTANCE_DEFAULT),
        )
        val notification = android.app.Notification.Builder(context, AlarmReminders.CHANNEL)
            .setSmallIcon(android.R.drawable.ic_popup_reminder)
            .setContentTitle(intent.getStringExtra(AlarmReminders.TITLE))
            .setContentText(intent.getStringExtra(AlarmReminders.BODY))
            .setVisibility(android.app.Notification.VISIBILITY_PRIVATE)
            .setAutoCancel(true)
            .build()
        notifications.notify(intent.action.hashCode(), notification)
    }
}
