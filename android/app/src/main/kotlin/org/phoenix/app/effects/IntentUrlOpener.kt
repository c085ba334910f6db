package org.phoenix.app.effects

import android.content.ActivityNotFoundException
import android.content.Context
import android.content.Intent
import android.net.Uri
import org.phoenix.app.ScreenHolder
import org.phoenix.core.UrlOpener

/**
 * `tel:`, `sms:` and `mailto:` in the phone's own dialer, messages or mail
 * app: the only way the app opens a link (no `LocalUriHandler`, which
 * throws where nothing handles `tel:`).
 */
class IntentUrlOpener(private val context: Context, private val screen: ScreenHolder) : UrlOpener {
    override fun open(url: String) {
        if (!url.startsWith("tel:") && !url.startsWith("sms:") && !url.startsWith("mailto:")) return
        val intent = Intent(Intent.ACTION_VIEW, Uri.parse(url))
        val activity = screen.activity
        val start = { from: Context ->
            try {
                from.startActivity(intent)
            } catch (noApp: ActivityNotFoundException) {
                // No app for this kind of link (a tablet without a dialer).
                // The open-url effect's answer carries no outcome today, so
                // the core cannot show the number instead (noted for the core).
            }
        }
        if (activity != null) {
            activity.runOnUiThread { start(activity) }
        } else {
            intent.addFlags(Intent.FLAG_ACTIVITY_NEW_TASK)
            start(context)
        }
    }
}
