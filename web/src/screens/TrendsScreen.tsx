import { useDispatch } from '../core/CoreContext';
import type { FormWords, TrendPoint, TrendsView } from '../generated/shared_types';
import { Section } from '../ui/fields';
import { ShareButton, ShareCheckIns } from '../ui/Sharing';

export function TrendsScreen({ view, words }: { view: TrendsView; words: FormWords }) {
  const dispatch = useDispatch();
  const empty = view.monthly.every((point) => point.check_ins === 0);
  return (
    <main className="screen">
      <h1>{view.heading}</h1>
      <ShareCheckIns />
      <ShareButton item={{ kind: 'Barc10' }} />
      {empty && (
        <>
          <p className="empty">{words.no_check_ins_yet}</p>
          <button type="button" onClick={() => dispatch({ kind: 'Navigate', value: { kind: 'CheckIn' } })}>
            {view.check_in_label}
          </button>
        </>
      )}
      <Trend title={view.weekly_label} summary={view.weekly_summary} points={view.weekly} view={view} tick={(start) => start.slice(5)} />
      <Trend title={view.monthly_label} summary={view.monthly_summary} points={view.monthly} view={view} tick={(start) => start.slice(0, 7)} />
    </main>
  );
}

const WIDTH = 320;
const HEIGHT = 180;
const LEFT = 26;
const RIGHT = 26;
const TOP = 10;
const BOTTOM = 26;

/**
 * Mood (1–5, right axis) and craving (0–10, left axis) averages on one
 * chart, drawn as plain SVG: a dot for every period with check-ins, and a
 * line between them from the second one on. The periods' dates label the
 * time axis (first, middle, last). The same figures are in a table for
 * screen readers and for reading exact values. Plain SVG rather than a chart
 * library: two series of at most twelve points need a few dozen lines, no
 * canvas (so the text scales and the colours follow the theme), and nothing
 * more to download. See ARCHITECTURE.md.
 */
function Trend({
  title,
  summary,
  points,
  view,
  tick,
}: {
  title: string;
  /** What changed, one line a series, above the chart. */
  summary: string[];
  points: TrendPoint[];
  view: TrendsView;
  tick: (start: string) => string;
}) {
  const x = (index: number) => LEFT + (index * (WIDTH - LEFT - RIGHT)) / Math.max(1, points.length - 1);
  const y = (fraction: number) => HEIGHT - BOTTOM - fraction * (HEIGHT - TOP - BOTTOM);
  const series = (value: (point: TrendPoint) => number | null) =>
    points.flatMap((point, index) => {
      const v = value(point);
      return v === null ? [] : [[x(index), y(v)] as const];
    });
  const mood = series((point) => (point.mood === null ? null : (point.mood - 1) / 4));
  const craving = series((point) => (point.craving === null ? null : point.craving / 10));
  const path = (dots: (readonly [number, number])[]) => dots.map(([px, py]) => `${px.toFixed(1)},${py.toFixed(1)}`).join(' ');
  const ticks = [0, Math.floor((points.length - 1) / 2), points.length - 1].filter((index, i, all) => index >= 0 && all.indexOf(index) === i);
  return (
    <Section title={title}>
      {summary.map((line) => (
        <p key={line} className="summary">
          {line}
        </p>
      ))}
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={`${title}: ${view.mood_label}, ${view.craving_label}`} className="chart">
        {[0, 0.5, 1].map((fraction) => (
          <g key={fraction}>
            <line x1={LEFT} y1={y(fraction)} x2={WIDTH - RIGHT} y2={y(fraction)} className={fraction === 0 ? 'axis' : 'grid'} />
            <text x={LEFT - 4} y={y(fraction) + 4} textAnchor="end" className="craving">
              {fraction * 10}
            </text>
            <text x={WIDTH - RIGHT + 4} y={y(fraction) + 4} textAnchor="start" className="mood">
              {1 + fraction * 4}
            </text>
          </g>
        ))}
        {ticks.map((index) => (
          <text key={index} x={x(index)} y={HEIGHT - 8} textAnchor={index === 0 ? 'start' : index === points.length - 1 ? 'end' : 'middle'}>
            {tick(points[index].period_start)}
          </text>
        ))}
        {mood.length > 1 && <polyline points={path(mood)} className="mood" />}
        {craving.length > 1 && <polyline points={path(craving)} className="craving" />}
        {mood.map(([cx, cy]) => (
          <circle key={`m${cx}`} cx={cx} cy={cy} r={4} className="mood" />
        ))}
        {craving.map(([cx, cy]) => (
          <rect key={`c${cx}`} x={cx - 4} y={cy - 4} width={8} height={8} className="craving" />
        ))}
      </svg>
      <p className="legend">
        <span className="key mood">● {view.mood_label}</span> <span className="key craving">■ {view.craving_label}</span>
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
