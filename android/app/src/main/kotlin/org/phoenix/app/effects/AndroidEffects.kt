package org.phoenix.app.effects

import android.app.Application
import org.phoenix.app.ScreenHolder
import org.phoenix.core.ShellEffects
import org.phoenix.core.UrlConnectionHttp
import java.util.concurrent.Executor

/**
 * Android's side of every shell effect. Built on the Application (they live
 * as long as the core does); the ones that need an activity reach the one
 * on screen through [ScreenHolder].
 */
class AndroidEffects private constructor(
    val keys: KeystorePlatformKey,
    private val http: UrlConnectionHttp,
    val shell: ShellEffects,
) : AutoCloseable {
    override fun close() = http.close()

    companion object {
        fun create(app: Application, screen: ScreenHolder, coreThread: Executor): AndroidEffects {
            val keys = KeystorePlatformKey(app, screen, coreThread)
            val http = UrlConnectionHttp(coreThread)
            val shell = ShellEffects(
                keys = keys,
                notifier = AlarmReminders(app, screen),
                urls = IntentUrlOpener(app, screen, coreThread),
                sharer = ShareSheet(app, screen),
                http = http,
                background = KeystoreBackgroundCheck(app),
            )
            return AndroidEffects(keys, http, shell)
        }
    }
}
