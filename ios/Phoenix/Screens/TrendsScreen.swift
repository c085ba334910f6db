import Charts
import SharedTypes
import SwiftUI

/// Mood and craving averages by week and by month, with Swift Charts (Apple's own).
struct TrendsScreen: View {
    @Environment(Core.self) private var core
    let view: TrendsView
    let words: FormWords

    var body: some View {
        Form {
            Section {
                // No check-in yet: what the screen is for, and the way to the first one.
                if view.monthly.allSatisfy({ $0.checkIns == 0 }) {
                    Text(words.noCheckInsYet)
                    Button(view.checkInLabel) { core.send(.navigate(.checkIn)) }
                }
                ShareCheckIns()
                ShareButton(item: ShareItem.barc10)
            } header: { Text(view.heading).font(.title2).accessibilityAddTraits(.isHeader) }
            trend(view.weeklyLabel, view.weeklySummary, view.weekly)
            trend(view.monthlyLabel, view.monthlySummary, view.monthly)
        }
    }

    private func trend(_ title: String, _ summary: [String], _ points: [TrendPoint]) -> some View {
        Section(title) {
            // What changed, one line for each series, above the chart.
            ForEach(summary, id: \.self) { Text($0) }
            Chart {
                ForEach(points, id: \.periodStart) { point in
                    if let mood = point.mood {
                        LineMark(x: .value(title, point.periodStart), y: .value(view.moodLabel, Double(mood - 1) / 4))
                            .foregroundStyle(by: .value("", view.moodLabel))
                    }
                    if let craving = point.craving {
                        LineMark(x: .value(title, point.periodStart), y: .value(view.cravingLabel, Double(craving) / 10))
                            .foregroundStyle(by: .value("", view.cravingLabel))
                    }
                }
            }
            .frame(height: 160)
            .accessibilityLabel("\(title): \(view.moodLabel), \(view.cravingLabel)")
        }
    }
}
