package org.phoenix.app.effects

import android.content.Context
import android.content.Intent
import androidx.core.content.FileProvider
import org.phoenix.app.ScreenHolder
import org.phoenix.core.FileSharer
import org.phoenix.shared.ShareFile
import java.io.File

/**
 * The one private folder exports are written to (`cache/exports`, the only
 * folder the FileProvider serves). It holds at most the file being shared:
 * it is emptied before each export, when the share sheet closes, and on
 * start, lock and erase (`Core`).
 */
class ExportsFolder(context: Context) {
    private val dir = File(context.cacheDir, "exports")

    fun write(name: String, bytes: ByteArray): File {
        clear()
        dir.mkdirs()
        return File(dir, File(name).name).apply { writeBytes(bytes) }
    }

    fun clear() {
        dir.listFiles()?.forEach { it.delete() }
    }
}

/** The plan document, calendar file or backup, offered to the share sheet. */
class ShareSheet(private val context: Context, private val screen: ScreenHolder) : FileSharer {
    private val exports = ExportsFolder(context)

    override fun share(file: ShareFile) {
        val activity = screen.activity ?: return
        val out = exports.write(file.fileName, ByteArray(file.bytes.size) { file.bytes[it].toByte() })
        val uri = FileProvider.getUriForFile(context, AUTHORITY, out)
        val send = Intent(Intent.ACTION_SEND)
            .setType(file.mimeType)
            .putExtra(Intent.EXTRA_STREAM, uri)
            .addFlags(Intent.FLAG_GRANT_READ_URI_PERMISSION)
        // The activity clears the folder when the sheet returns (PhoenixState.shareSheetClosed).
        activity.runOnUiThread { activity.openShareSheet(Intent.createChooser(send, null)) }
    }

    override fun clear() = exports.clear()

    private companion object {
        const val AUTHORITY = "org.phoenix.app.files"
    }
}
