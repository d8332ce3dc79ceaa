import { useEffect, useRef, useState } from 'preact/hooks';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { ScrollRegion } from './scroll-region';

export interface UsageSeries {
  api: string;
  /** Transactions per day, one per entry of `days`. */
  values: number[];
}

// Distinguishable colours with at least 3:1 contrast against white (WCAG 1.4.11, graphics).
const COLOURS = ['#1f5fbf', '#b3261e', '#2e7d32', '#7b1fa2', '#8a5a00', '#00695c'];

/**
 * Transactions per API per day, as a chart (uPlot, drawn on a canvas) or as a table. The chart is an
 * image to assistive technology (`role="img"`) with a label that says what it shows and its totals;
 * the table view gives every number.
 */
export function UsageChart({ title, days, series }: { title: string; days: string[]; series: UsageSeries[] }) {
  const [asTable, setAsTable] = useState(false);
  const box = useRef<HTMLDivElement>(null);
  const totals = series.map((s) => ({ api: s.api, total: s.values.reduce((a, b) => a + b, 0) }));
  const total = totals.reduce((a, t) => a + t.total, 0);
  const label = `Usage: ${title}, ${days[0]} to ${days[days.length - 1]}: ${total} transactions${totals.length ? ` (${totals.map((t) => `${t.api} ${t.total}`).join(', ')})` : ', none recorded'}`;

  useEffect(() => {
    if (asTable || !box.current) return;
    const el = box.current;
    const xs = days.map((d) => Date.parse(`${d}T00:00:00Z`) / 1000);
    const plot = new uPlot(
      {
        width: Math.max(320, el.clientWidth || 640),
        height: 260,
        tzDate: (ts) => uPlot.tzDate(new Date(ts * 1000), 'Etc/UTC'),
        legend: { show: false },
        cursor: { drag: { x: false, y: false } },
        scales: { x: { time: true }, y: { range: (_u, _min, max) => [0, Math.max(1, max)] } },
        axes: [{ stroke: '#333' }, { stroke: '#333' }],
        series: [
          {},
          ...series.map((s, i) => ({
            label: s.api,
            stroke: COLOURS[i % COLOURS.length],
            width: 2,
            points: { show: true, size: 5 },
          })),
        ],
      },
      [xs, ...series.map((s) => s.values)],
      el,
    );
    return () => plot.destroy();
  }, [asTable, days.join(','), JSON.stringify(series)]);

  return (
    <figure class="usage-chart">
      <div class="row">
        <figcaption>{title}</figcaption>
        <button type="button" class="secondary" aria-pressed={asTable} onClick={() => setAsTable(!asTable)}>
          {asTable ? 'Show chart' : 'Show table'}
        </button>
      </div>
      {asTable ? (
        <ScrollRegion label="Usage table">
          <table>
            <caption>{label}</caption>
            <thead>
              <tr>
                <th scope="col">Day</th>
                {series.map((s) => (
                  <th scope="col" key={s.api}>
                    {s.api}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {days.map((d, i) => (
                <tr key={d}>
                  <th scope="row">{d}</th>
                  {series.map((s) => (
                    <td key={s.api} class="num">
                      {s.values[i]}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      ) : (
        <>
          <div ref={box} class="chart" role="img" aria-label={label} />
          <ul class="legend" aria-hidden="true">
            {series.map((s, i) => (
              <li key={s.api}>
                <span class="swatch" style={{ background: COLOURS[i % COLOURS.length] }} />
                {s.api}
              </li>
            ))}
          </ul>
        </>
      )}
    </figure>
  );
}
