import Charts
import SharedTypes
import SwiftUI

/// Mood and craving averages by week and by month, with Swift Charts (Apple's own).
struct TrendsScreen: View {
    let view: TrendsView
    let words: FormWords

    var body: some View {
        Form {
            Section {
                // How the craving changed over the last 30 days, in one line.
                if let summary = view.summary { Text(summary) }
                if view.weekly.allSatisfy({ $0.checkIns == 0 }) { Text(words.noCheckInsYet) }
            } header: { Text(view.heading).font(.title2).accessibilityAddTraits(.isHeader) }
            trend(view.weeklyLabel, view.weekly)
            trend(view.monthlyLabel, view.monthly)
        }
    }

    private func trend(_ title: String, _ points: [TrendPoint]) -> some View {
        Section(title) {
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
