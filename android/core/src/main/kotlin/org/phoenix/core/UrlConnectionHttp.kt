package org.phoenix.core

import org.phoenix.shared.HttpRequest
import org.phoenix.shared.HttpResult
import java.io.IOException
import java.net.HttpURLConnection
import java.net.URL
import java.util.concurrent.Executor
import java.util.concurrent.ExecutorService
import java.util.concurrent.Executors

/**
 * [HttpClient] over `java.net.HttpURLConnection` (plain Kotlin: it runs on
 * the JVM too). The blocking call runs on its own background thread; the
 * answer is handed to the core on [answerOn], the core's thread. No
 * cookies, no cache, no redirects (the signature covers the path).
 * [close] ends the background thread.
 */
class UrlConnectionHttp(
    private val answerOn: Executor,
    private val io: ExecutorService = Executors.newSingleThreadExecutor(),
) : HttpClient, AutoCloseable {
    override fun send(request: HttpRequest, done: (HttpResult) -> Unit) {
        if (io.isShutdown) return done(HttpResult.Unreachable)
        io.execute {
            val result = perform(request)
            answerOn.execute { done(result) }
        }
    }

    override fun close() = io.shutdown()

    private fun perform(request: HttpRequest): HttpResult = try {
        val connection = URL(request.url).openConnection() as HttpURLConnection
        try {
            connection.requestMethod = request.method
            connection.instanceFollowRedirects = false
            connection.useCaches = false
            connection.connectTimeout = TIMEOUT_MS
            connection.readTimeout = TIMEOUT_MS
            for (header in request.headers) connection.setRequestProperty(header.name, header.value)
            if (request.body.isNotEmpty()) {
                val body = ByteArray(request.body.size) { request.body[it].toByte() }
                connection.doOutput = true
                connection.setFixedLengthStreamingMode(body.size)
                connection.outputStream.use { it.write(body) }
            }
            val status = connection.responseCode
            val stream = if (status >= 400) connection.errorStream else connection.inputStream
            val body = stream?.use { it.readBytes() } ?: ByteArray(0)
            HttpResult.Response(status.toUShort(), body.map { it.toUByte() })
        } finally {
            connection.disconnect()
        }
    } catch (_: IOException) {
        HttpResult.Unreachable
    } catch (_: IllegalArgumentException) {
        HttpResult.Unreachable
    }

    private companion object {
        const val TIMEOUT_MS = 30_000
    }
}
