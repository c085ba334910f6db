package org.phoenix.app

/**
 * The activity on screen, for the effects that need one (the biometric
 * prompt, the share sheet, the notification permission). `null` while it
 * is being recreated or in the background; the effects then answer
 * "unavailable" instead of holding on to a destroyed activity.
 */
class ScreenHolder {
    @Volatile
    var activity: MainActivity? = null
}
