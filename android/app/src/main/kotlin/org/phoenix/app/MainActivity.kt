package org.phoenix.app

import android.Manifest
import android.content.Intent
import android.net.ConnectivityManager
import android.net.Network
import android.os.Bundle
import android.view.WindowManager
import androidx.activity.compose.setContent
import androidx.activity.enableEdgeToEdge
import androidx.activity.result.contract.ActivityResultContracts
import androidx.activity.viewModels
import androidx.fragment.app.FragmentActivity
import androidx.lifecycle.Lifecycle
import androidx.lifecycle.LifecycleEventObserver
import org.phoenix.shared.Event

/**
 * One activity: Compose renders the core's view model. The core itself
 * lives in [PhoenixState], a ViewModel, so recreating this activity
 * (rotation, dark mode, font size, locale) neither locks the vault nor
 * loses the screen.
 */
class MainActivity : FragmentActivity() {
    private val phoenix: PhoenixState by viewModels()

    private val shareSheet = registerForActivityResult(ActivityResultContracts.StartActivityForResult()) {
        phoenix.shareSheetClosed()
    }
    private val notificationPermission = registerForActivityResult(ActivityResultContracts.RequestPermission()) {}

    private val network = object : ConnectivityManager.NetworkCallback() {
        override fun onAvailable(network: Network) = phoenix.reconnected()
    }

    override fun onCreate(savedInstanceState: Bundle?) {
        // Hidden from the app switcher's thumbnail and from screenshots until
        // the core's view model says the participant allows screenshots
        // (PhoenixApp's SecureWindow follows the setting; locked, always hidden).
        window.setFlags(WindowManager.LayoutParams.FLAG_SECURE, WindowManager.LayoutParams.FLAG_SECURE)
        enableEdgeToEdge()
        super.onCreate(savedInstanceState)
        phoenix.screen.activity = this
        // Coming back to the app: the core locks it if it sat idle too long,
        // and otherwise syncs secure messages itself.
        lifecycle.addObserver(LifecycleEventObserver { _, event ->
            if (event == Lifecycle.Event.ON_RESUME) phoenix.dispatch(Event.Resumed)
        })
        getSystemService(ConnectivityManager::class.java).registerDefaultNetworkCallback(network)
        setContent { PhoenixApp(phoenix) }
    }

    /** The share sheet; [PhoenixState.shareSheetClosed] clears the export when it returns. */
    fun openShareSheet(chooser: Intent) = shareSheet.launch(chooser)

    /** Android 13+: the permission reminders need. */
    fun askForNotifications() = notificationPermission.launch(Manifest.permission.POST_NOTIFICATIONS)

    override fun onDestroy() {
        getSystemService(ConnectivityManager::class.java).unregisterNetworkCallback(network)
        if (phoenix.screen.activity === this) phoenix.screen.activity = null
        super.onDestroy()
    }
}
