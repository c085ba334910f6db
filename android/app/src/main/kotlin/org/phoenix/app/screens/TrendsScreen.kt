package org.phoenix.app.screens

import androidx.compose.foundation.Canvas
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.height
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.ui.Modifier
import androidx.compose.ui.geometry.Offset
import androidx.compose.ui.graphics.Color
import androidx.compose.ui.semantics.contentDescription
import androidx.compose.ui.semantics.semantics
import androidx.compose.ui.unit.dp
import org.phoenix.app.ui.ScreenColumn
import org.phoenix.app.ui.SectionHeading
import org.phoenix.shared.FormWords
import org.phoenix.shared.TrendPoint
import org.phoenix.shared.TrendsView

@Composable
fun TrendsScreen(view: TrendsView, words: FormWords) {
    ScreenColumn(view.heading) {
        // How the craving changed over the last 30 days, in one line.
        view.summary?.let { summary -> item { Text(summary) } }
        if (view.weekly.all { it.checkIns == 0u }) item { Text(words.noCheckInsYet) }
        for ((title, points) in listOf(view.weeklyLabel to view.weekly, view.monthlyLabel to view.monthly)) {
            item { SectionHeading(title) }
            item { Chart(points, "$title: ${view.moodLabel}, ${view.cravingLabel}") }
            // The figures as text, for TalkBack and for exact values.
            for (point in points) {
                item { Text("${point.periodStart}: ${view.moodLabel} ${point.mood?.let { "%.1f".format(it) } ?: "–"}, ${view.cravingLabel} ${point.craving?.let { "%.1f".format(it) } ?: "–"}") }
            }
        }
    }
}

/** Mood (1–5) and craving (0–10) as two lines, drawn on a Canvas. */
@Composable
private fun Chart(points: List<TrendPoint>, description: String) {
    val mood = MaterialTheme.colorScheme.primary
    val craving = MaterialTheme.colorScheme.error
    Canvas(Modifier.fillMaxWidth().height(160.dp).semantics { contentDescription = description }) {
        fun line(color: Color, value: (TrendPoint) -> Float?) {
            val step = size.width / (points.size - 1).coerceAtLeast(1)
            val positions = points.mapIndexedNotNull { i, p -> value(p)?.let { Offset(i * step, size.height * (1 - it)) } }
            positions.zipWithNext { a, b -> drawLine(color, a, b, strokeWidth = 6f) }
        }
        line(mood) { p -> p.mood?.let { (it - 1f) / 4f } }
        line(craving) { p -> p.craving?.let { it / 10f } }
    }
}
