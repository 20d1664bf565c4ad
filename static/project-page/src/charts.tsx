/**
 * The page's charts, hand-written as SVG (static/README.md says why no chart library): bars per
 * sprint, optionally stacked, with a reference line or band. Each chart is a <figure> whose SVG is
 * one labelled image (the figures in words for screen readers) followed by the same data as a
 * table, so nothing is only visible in the picture.
 */
import { useId, type ReactNode } from 'react';
import { niceMax, shortLabels, ticks, yOf } from './chart-scale';

export interface Segment {
  readonly key: string;
  readonly label: string;
  readonly value: number;
  /** CSS class giving the fill (chart-fill-feature …). */
  readonly tone: string;
}

export interface BarGroup {
  readonly label: string;
  /** One segment: a plain bar; several: stacked. Null: no data for this category. */
  readonly segments: readonly Segment[] | null;
}

export interface ChartProps {
  readonly title: string;
  readonly groups: readonly BarGroup[];
  readonly format: (value: number) => string;
  /** Fixed axis maximum (e.g. 1 for ratios); otherwise a nice value above the data. */
  readonly max?: number;
  /** A line across the chart; `limit` draws it in the danger colour (a cap not to cross). */
  readonly reference?: { readonly value: number; readonly label: string; readonly limit?: boolean };
  readonly band?: { readonly from: number; readonly to: number; readonly label: string };
  /** Column headings of the data table after the category column. */
  readonly legend?: readonly { readonly label: string; readonly tone: string }[];
  readonly caption?: ReactNode;
}

const HEIGHT = 160;
const LEFT = 44;
const BOTTOM = 36;
const BAR_SLOT = 56;

const total = (group: BarGroup): number =>
  (group.segments ?? []).reduce((acc, segment) => acc + segment.value, 0);

/** The chart's data in words, for the SVG's accessible name. */
export function describeChart(props: ChartProps): string {
  const parts = props.groups.map((group) => {
    if (group.segments === null) return `${group.label}: no data`;
    if (group.segments.length === 1)
      return `${group.label}: ${props.format(group.segments[0]!.value)}`;
    return `${group.label}: ${group.segments.map((s) => `${s.label} ${props.format(s.value)}`).join(', ')}`;
  });
  const extra = [
    props.reference ? `${props.reference.label} at ${props.format(props.reference.value)}` : '',
    props.band
      ? `${props.band.label} from ${props.format(props.band.from)} to ${props.format(props.band.to)}`
      : '',
  ].filter(Boolean);
  return `${props.title}. ${[...parts, ...extra].join('; ')}.`;
}

export function BarChart(props: ChartProps) {
  const id = useId();
  const dataMax = Math.max(
    0,
    ...props.groups.map(total),
    props.reference?.value ?? 0,
    props.band?.to ?? 0,
  );
  const max = props.max ?? niceMax(dataMax);
  const width = LEFT + Math.max(1, props.groups.length) * BAR_SLOT + 8;
  const barWidth = BAR_SLOT * 0.6;
  const y = (value: number) => 8 + yOf(value, max, HEIGHT);
  const columns = props.legend ?? [{ label: props.title, tone: '' }];
  const axisLabels = shortLabels(props.groups.map((group) => group.label));
  const lineClass = props.reference?.limit
    ? 'chart-reference chart-reference-limit'
    : 'chart-reference';
  return (
    <figure className="chart">
      <figcaption className="chart-title" id={`${id}-title`}>
        {props.title}
      </figcaption>
      <div className="chart-scroll">
        <svg
          role="img"
          aria-label={describeChart(props)}
          viewBox={`0 0 ${width} ${HEIGHT + BOTTOM + 8}`}
          width={width}
          height={HEIGHT + BOTTOM + 8}
        >
          {ticks(max).map((tick) => (
            <g key={tick} aria-hidden="true">
              <line className="chart-grid" x1={LEFT} x2={width} y1={y(tick)} y2={y(tick)} />
              <text className="chart-axis" x={LEFT - 6} y={y(tick) + 4} textAnchor="end">
                {props.format(tick)}
              </text>
            </g>
          ))}
          {props.band ? (
            <rect
              className="chart-band"
              x={LEFT}
              width={width - LEFT}
              y={y(props.band.to)}
              height={y(props.band.from) - y(props.band.to)}
            />
          ) : null}
          {props.groups.map((group, index) => {
            const x = LEFT + index * BAR_SLOT + (BAR_SLOT - barWidth) / 2;
            let base = 0;
            return (
              <g key={group.label}>
                {group.segments === null ? (
                  <text
                    className="chart-axis"
                    x={x + barWidth / 2}
                    y={y(0) - 6}
                    textAnchor="middle"
                  >
                    n/a
                  </text>
                ) : (
                  group.segments.map((segment) => {
                    const top = y(base + segment.value);
                    const bottom = y(base);
                    base += segment.value;
                    return segment.value > 0 ? (
                      <rect
                        key={segment.key}
                        className={`chart-bar ${segment.tone}`}
                        x={x}
                        width={barWidth}
                        y={top}
                        height={Math.max(0, bottom - top)}
                      >
                        <title>{`${group.label} — ${segment.label}: ${props.format(segment.value)}`}</title>
                      </rect>
                    ) : null;
                  })
                )}
                <text
                  className="chart-axis"
                  x={x + barWidth / 2}
                  y={HEIGHT + 24}
                  textAnchor="middle"
                >
                  {(() => {
                    const label = axisLabels[index] ?? group.label;
                    return label.length > 9 ? `${label.slice(0, 8)}…` : label;
                  })()}
                </text>
              </g>
            );
          })}
          {props.reference ? (
            <g aria-hidden="true">
              <line
                className={lineClass}
                x1={LEFT}
                x2={width}
                y1={y(props.reference.value)}
                y2={y(props.reference.value)}
              />
            </g>
          ) : null}
          <line
            className="chart-baseline"
            x1={LEFT}
            x2={width}
            y1={y(0)}
            y2={y(0)}
            aria-hidden="true"
          />
        </svg>
      </div>
      {props.reference || props.band || props.legend ? (
        <ul className="chart-legend" aria-hidden="true">
          {(props.legend ?? []).map((entry) => (
            <li key={entry.label}>
              <span className={`chart-swatch ${entry.tone}`} />
              {entry.label}
            </li>
          ))}
          {props.reference ? (
            <li>
              <span
                className={`chart-swatch chart-swatch-line${props.reference.limit ? ' chart-swatch-limit' : ''}`}
              />
              {props.reference.label} ({props.format(props.reference.value)})
            </li>
          ) : null}
          {props.band ? (
            <li>
              <span className="chart-swatch chart-band" />
              {props.band.label} ({props.format(props.band.from)}–{props.format(props.band.to)})
            </li>
          ) : null}
        </ul>
      ) : null}
      {props.caption ? <div className="chart-caption subtle">{props.caption}</div> : null}
      <details className="chart-data">
        <summary>Show the data as a table</summary>
        <table className="table">
          <caption className="visually-hidden">{props.title}</caption>
          <thead>
            <tr>
              <th scope="col">Sprint</th>
              {columns.map((column) => (
                <th scope="col" key={column.label}>
                  {column.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {props.groups.map((group) => (
              <tr key={group.label}>
                <th scope="row">{group.label}</th>
                {columns.map((column, index) => (
                  <td key={column.label}>
                    {group.segments === null
                      ? 'no data'
                      : props.format(
                          (props.legend
                            ? group.segments.find((s) => s.label === column.label)?.value
                            : group.segments[index]?.value) ?? 0,
                        )}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
