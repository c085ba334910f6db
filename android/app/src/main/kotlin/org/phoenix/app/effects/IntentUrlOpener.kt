package org.phoenix.app.effects

import android.app.Activity
import android.content.ActivityNotFoundException
import android.content.Intent
import android.net.Uri
import org.phoenix.core.UrlOpener

/** `tel:`, `sms:` and `mailto:` in the phone's own dialer, messages or mail app. */
class IntentUrlOpener(private val activity: Activity) : UrlOpener {
    override fun open(url: String) {
        if (!url.startsWith("tel:") && !url.startsWith("sms:") && !url.startsWith("mailto:")) return
        activity.runOnUiThread {
            try {
                activity.startActivity(Intent(Intent.ACTION_VIEW, Uri.parse(url)))
            } catch (noApp: ActivityNotFoundException) {
                // No app for this kind of link (a tablet without a dialer): nothing to open.
            }
        }
    }
}
