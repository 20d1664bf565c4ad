/**
 * A line over time (the error-budget burn-down), hand-written SVG like charts.tsx: one labelled
 * image listing every point for screen readers, then the same data as a table. Values beyond the
 * axis are drawn at its edge and keep their real value in the name and the table.
 */
import { yOf } from './chart-scale';

export interface LinePoint {
  readonly label: string;
  readonly value: number | null;
}

const HEIGHT = 140;
const LEFT = 48;
const STEP = 22;

export function LineChart(props: {
  title: string;
  points: readonly LinePoint[];
  min: number;
  max: number;
  format: (value: number) => string;
  /** A horizontal line, e.g. the budget spent (0%). */
  zeroLabel?: string;
}) {
  const { min, max, points } = props;
  const width = LEFT + Math.max(2, points.length) * STEP + 8;
  const y = (value: number) => 8 + yOf(value - min, max - min, HEIGHT);
  const path = points
    .map((point, index) =>
      point.value === null ? null : `${LEFT + index * STEP + STEP / 2},${y(point.value)}`,
    )
    .filter((p): p is string => p !== null)
    .join(' ');
  const described = points.map(
    (p) => `${p.label}: ${p.value === null ? 'no data' : props.format(p.value)}`,
  );
  const ticks = [min, (min + max) / 2, max];
  return (
    <figure className="chart">
      <figcaption className="chart-title">{props.title}</figcaption>
      <div className="chart-scroll">
        <svg
          role="img"
          aria-label={`${props.title}. ${described.join('; ')}.`}
          viewBox={`0 0 ${width} ${HEIGHT + 36}`}
          width={width}
          height={HEIGHT + 36}
        >
          {ticks.map((tick) => (
            <g key={tick} aria-hidden="true">
              <line className="chart-grid" x1={LEFT} x2={width} y1={y(tick)} y2={y(tick)} />
              <text className="chart-axis" x={LEFT - 6} y={y(tick) + 4} textAnchor="end">
                {props.format(tick)}
              </text>
            </g>
          ))}
          {min < 0 && max > 0 ? (
            <line
              className="chart-reference chart-reference-limit"
              x1={LEFT}
              x2={width}
              y1={y(0)}
              y2={y(0)}
            />
          ) : null}
          <polyline className="chart-line" points={path} fill="none" />
          {points.map((point, index) =>
            index % Math.ceil(points.length / 8) === 0 ? (
              <text
                key={point.label}
                className="chart-axis"
                x={LEFT + index * STEP + STEP / 2}
                y={HEIGHT + 28}
                textAnchor="middle"
              >
                {point.label}
              </text>
            ) : null,
          )}
        </svg>
      </div>
      {props.zeroLabel && min < 0 ? (
        <ul className="chart-legend" aria-hidden="true">
          <li>
            <span className="chart-swatch chart-swatch-line chart-swatch-limit" />
            {props.zeroLabel}
          </li>
        </ul>
      ) : null}
      <details className="chart-data">
        <summary>Show the data as a table</summary>
        <table className="table">
          <caption className="visually-hidden">{props.title}</caption>
          <thead>
            <tr>
              <th scope="col">Day</th>
              <th scope="col">Value</th>
            </tr>
          </thead>
          <tbody>
            {points.map((point) => (
              <tr key={point.label}>
                <th scope="row">{point.label}</th>
                <td>{point.value === null ? 'no data' : props.format(point.value)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
