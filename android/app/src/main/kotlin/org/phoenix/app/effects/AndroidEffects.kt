package org.phoenix.app.effects

import androidx.fragment.app.FragmentActivity
import org.phoenix.core.ShellEffects
import org.phoenix.core.UrlConnectionHttp
import java.util.concurrent.Executor

/** Android's side of every shell effect. */
object AndroidEffects {
    fun create(activity: FragmentActivity, coreThread: Executor) = ShellEffects(
        keys = KeystorePlatformKey(activity, coreThread),
        notifier = AlarmReminders(activity.applicationContext),
        urls = IntentUrlOpener(activity),
        sharer = ShareSheet(activity),
        http = UrlConnectionHttp(coreThread),
    )
}
