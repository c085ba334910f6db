package org.phoenix.app.effects

import android.content.ActivityNotFoundException
import android.content.Context
import android.content.Intent
import android.net.Uri
import org.phoenix.app.ScreenHolder
import org.phoenix.core.UrlOpener
import java.util.concurrent.Executor

/**
 * `tel:`, `sms:` and `mailto:` in the phone's own dialer, messages or mail
 * app: the only way the app opens a link (no `LocalUriHandler`, which
 * throws where nothing handles `tel:`). Where no app takes the link
 * (`ActivityNotFoundException`: a tablet without a dialer), the core hears
 * so on [coreThread] and shows the number instead.
 */
class IntentUrlOpener(
    private val context: Context,
    private val screen: ScreenHolder,
    private val coreThread: Executor,
) : UrlOpener {
    override fun open(url: String, done: (opened: Boolean) -> Unit) {
        if (!url.startsWith("tel:") && !url.startsWith("sms:") && !url.startsWith("mailto:")) {
            coreThread.execute { done(false) }
            return
        }
        val intent = Intent(Intent.ACTION_VIEW, Uri.parse(url))
        val activity = screen.activity
        val start = { from: Context ->
            val opened = try {
                from.startActivity(intent)
                true
            } catch (noApp: ActivityNotFoundException) {
                false
            }
            coreThread.execute { done(opened) }
        }
        if (activity != null) {
            activity.runOnUiThread { start(activity) }
        } else {
            intent.addFlags(Intent.FLAG_ACTIVITY_NEW_TASK)
            start(context)
        }
    }
}
