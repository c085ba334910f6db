package org.phoenix.app.screens

import androidx.compose.foundation.Canvas
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.height
import androidx.compose.material3.Button
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.ui.Modifier
import androidx.compose.ui.geometry.Offset
import androidx.compose.ui.graphics.Color
import androidx.compose.ui.semantics.contentDescription
import androidx.compose.ui.semantics.semantics
import androidx.compose.ui.unit.dp
import org.phoenix.app.Dispatch
import org.phoenix.app.ui.ScreenColumn
import org.phoenix.app.ui.SectionHeading
import org.phoenix.shared.Event
import org.phoenix.shared.FormWords
import org.phoenix.shared.Screen
import org.phoenix.shared.TrendPoint
import org.phoenix.shared.TrendsView
import org.phoenix.app.ui.ShareButton
import org.phoenix.app.ui.ShareCheckIns
import org.phoenix.shared.ShareItem

@Composable
fun TrendsScreen(view: TrendsView, words: FormWords, dispatch: Dispatch) {
    ScreenColumn(view.heading) {
        // No check-in yet: what the screen is for, and the way to the first one.
        if (view.monthly.all { it.checkIns == 0u }) {
            item { Text(words.noCheckInsYet) }
            item { Button(onClick = { dispatch(Event.Navigate(Screen.CHECKIN)) }) { Text(view.checkInLabel) } }
        }
        item {
            ShareCheckIns(dispatch)
            ShareButton(ShareItem.Barc10, dispatch)
        }
        val trends = listOf(
            Triple(view.weeklyLabel, view.weeklySummary, view.weekly),
            Triple(view.monthlyLabel, view.monthlySummary, view.monthly),
        )
        for ((title, summary, points) in trends) {
            item { SectionHeading(title) }
            // What changed, one line for each series, above the chart.
            for (line in summary) item { Text(line) }
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
