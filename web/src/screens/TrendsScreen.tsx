import type { FormWords, TrendPoint, TrendsView } from '../generated/shared_types';
import { Section } from '../ui/fields';

export function TrendsScreen({ view, words }: { view: TrendsView; words: FormWords }) {
  const empty = view.weekly.every((point) => point.check_ins === 0);
  return (
    <main className="screen">
      <h1>{view.heading}</h1>
      {empty && <p>{words.no_check_ins_yet}</p>}
      <Trend title={view.weekly_label} points={view.weekly} view={view} />
      <Trend title={view.monthly_label} points={view.monthly} view={view} />
    </main>
  );
}

const WIDTH = 320;
const HEIGHT = 160;
const PAD = 24;

/**
 * Mood (1–5) and craving (0–10) averages as two lines on one chart, drawn
 * as plain SVG (no chart library: two polylines and a few labels), with the
 * same figures in a table for screen readers and for reading exact values.
 */
function Trend({ title, points, view }: { title: string; points: TrendPoint[]; view: TrendsView }) {
  const x = (index: number) => PAD + (index * (WIDTH - 2 * PAD)) / Math.max(1, points.length - 1);
  const y = (fraction: number) => HEIGHT - PAD - fraction * (HEIGHT - 2 * PAD);
  const line = (value: (point: TrendPoint) => number | null) =>
    points
      .map((point, index) => [index, value(point)] as const)
      .filter(([, v]) => v !== null)
      .map(([index, v]) => `${x(index).toFixed(1)},${y(v as number).toFixed(1)}`)
      .join(' ');
  const mood = line((point) => (point.mood === null ? null : (point.mood - 1) / 4));
  const craving = line((point) => (point.craving === null ? null : point.craving / 10));
  return (
    <Section title={title}>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={`${title}: ${view.mood_label}, ${view.craving_label}`} className="chart">
        <line x1={PAD} y1={HEIGHT - PAD} x2={WIDTH - PAD} y2={HEIGHT - PAD} className="axis" />
        <polyline points={mood} className="mood" />
        <polyline points={craving} className="craving" />
      </svg>
      <p className="legend">
        <span className="key mood">{view.mood_label}</span> <span className="key craving">{view.craving_label}</span>
      </p>
      <details>
        <summary>{title}</summary>
        <table>
          <thead>
            <tr>
              <th scope="col">{title}</th>
              <th scope="col">{view.mood_label}</th>
              <th scope="col">{view.craving_label}</th>
            </tr>
          </thead>
          <tbody>
            {points.map((point) => (
              <tr key={point.period_start}>
                <th scope="row">{point.period_start}</th>
                <td>{point.mood?.toFixed(1) ?? '–'}</td>
                <td>{point.craving?.toFixed(1) ?? '–'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </Section>
  );
}
