/**
 * What every chart on the page shares: a <figure> with its title, the SVG as one labelled image
 * (its accessible name lists the values, so nothing is only in the picture), a legend, a caption
 * and the same data as a table ("Show the data as a table"). The drawing itself is @visx
 * primitives inside (bar-chart.tsx, line-chart.tsx); colours come from CSS classes over the
 * design tokens, so light and dark follow the theme without JavaScript.
 */
import type { ReactNode } from 'react';

export interface LegendEntry {
  readonly label: string;
  /** CSS classes of the swatch: a fill tone, `chart-swatch-line`, `chart-band`… */
  readonly swatch: string;
}

export interface DataTable {
  /** Column headings; the first names the row labels. */
  readonly head: readonly string[];
  readonly rows: readonly { readonly label: string; readonly cells: readonly string[] }[];
}

export const CHART_TABLE_SUMMARY = 'Show the data as a table';

export function ChartFrame(props: {
  title: string;
  /** The accessible name of the image: the title and every value in words. */
  description: string;
  width: number;
  height: number;
  legend?: readonly LegendEntry[];
  caption?: ReactNode;
  table: DataTable;
  children: ReactNode;
}) {
  return (
    <figure className="chart">
      <figcaption className="chart-title">{props.title}</figcaption>
      <div className="chart-scroll">
        <svg
          role="img"
          aria-label={props.description}
          viewBox={`0 0 ${props.width} ${props.height}`}
          width={props.width}
          height={props.height}
        >
          {props.children}
        </svg>
      </div>
      {props.legend && props.legend.length > 0 ? (
        <ul className="chart-legend" aria-hidden="true">
          {props.legend.map((entry) => (
            <li key={entry.label}>
              <span className={`chart-swatch ${entry.swatch}`} />
              {entry.label}
            </li>
          ))}
        </ul>
      ) : null}
      {props.caption ? <div className="chart-caption subtle">{props.caption}</div> : null}
      <details className="chart-data">
        <summary>{CHART_TABLE_SUMMARY}</summary>
        <table className="table">
          <caption className="visually-hidden">{props.title}</caption>
          <thead>
            <tr>
              {props.table.head.map((heading) => (
                <th scope="col" key={heading}>
                  {heading}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {props.table.rows.map((row, index) => (
              <tr key={`${row.label}-${index}`}>
                <th scope="row">{row.label}</th>
                {row.cells.map((cell, column) => (
                  <td key={props.table.head[column + 1] ?? column}>{cell}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}

/** An axis tick label styled by the page's CSS (visx's default inline fill and font are not used). */
export function TickLabel({
  x,
  y,
  formattedValue,
  anchor,
  dy,
}: {
  x?: number | undefined;
  y?: number | undefined;
  formattedValue?: string | undefined;
  anchor: 'start' | 'middle' | 'end';
  dy: number;
}) {
  return (
    <text className="chart-axis" x={x} y={y} dy={dy} textAnchor={anchor}>
      {formattedValue}
    </text>
  );
}
