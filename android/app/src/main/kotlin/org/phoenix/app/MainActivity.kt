package org.phoenix.app

import android.os.Bundle
import androidx.activity.compose.setContent
import androidx.fragment.app.FragmentActivity
import androidx.lifecycle.Lifecycle
import androidx.lifecycle.LifecycleEventObserver
import org.phoenix.app.effects.AndroidEffects
import org.phoenix.shared.Event
import java.util.Locale
import java.util.TimeZone

/** One activity: Compose renders the core's view model. */
class MainActivity : FragmentActivity() {
    private lateinit var phoenix: PhoenixState

    override fun onCreate(savedInstanceState: Bundle?) {
        super.onCreate(savedInstanceState)
        phoenix = PhoenixState(
            vaultPath = filesDir.resolve("phoenix.vault").path,
            timeZone = TimeZone.getDefault().id,
            locale = Locale.getDefault().toLanguageTag(),
            effects = { coreThread -> AndroidEffects.create(this, coreThread) },
        )
        // Coming back to the app: the core locks it if it sat idle too long.
        lifecycle.addObserver(LifecycleEventObserver { _, event ->
            if (event == Lifecycle.Event.ON_RESUME) {
                phoenix.dispatch(Event.Resumed)
                phoenix.syncNow()
            }
        })
        setContent { PhoenixApp(phoenix) }
    }

    override fun onDestroy() {
        phoenix.close()
        super.onDestroy()
    }
}
