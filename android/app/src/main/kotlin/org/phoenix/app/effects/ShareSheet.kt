package org.phoenix.app.effects

import android.app.Activity
import android.content.Intent
import androidx.core.content.FileProvider
import org.phoenix.core.FileSharer
import org.phoenix.shared.ShareFile
import java.io.File

/** The plan document, calendar file or backup, offered to the share sheet. */
class ShareSheet(private val activity: Activity) : FileSharer {
    override fun share(file: ShareFile) {
        val dir = File(activity.cacheDir, "exports").apply { mkdirs() }
        // One export at a time: the previous one (participant data) is removed.
        dir.listFiles()?.forEach { it.delete() }
        val out = File(dir, File(file.fileName).name)
        out.writeBytes(ByteArray(file.bytes.size) { file.bytes[it].toByte() })
        val uri = FileProvider.getUriForFile(activity, "org.phoenix.app.files", out)
        val send = Intent(Intent.ACTION_SEND)
            .setType(file.mimeType)
            .putExtra(Intent.EXTRA_STREAM, uri)
            .addFlags(Intent.FLAG_GRANT_READ_URI_PERMISSION)
        activity.runOnUiThread { activity.startActivity(Intent.createChooser(send, null)) }
    }
}
