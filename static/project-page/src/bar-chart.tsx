/**
 * Bars per category (sprints), optionally stacked, with a reference line or band, drawn with
 * @visx (scaleBand / scaleLinear, Bar, Line, AxisLeft / AxisBottom) inside ChartFrame.
 */
import { AxisBottom, AxisLeft } from '@visx/axis';
import { Group } from '@visx/group';
import { scaleBand, scaleLinear } from '@visx/scale';
import { Bar, Line } from '@visx/shape';
import type { ReactNode } from 'react';
import { ChartFrame, TickLabel, type LegendEntry } from './chart-frame';
import { clip, labelWidth, shortLabels, splitShared } from './chart-labels';

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
  /** Heading of the category column of the data table. */
  readonly categoryLabel?: string;
  /** Bar slot width in pixels (narrower for small multiples). */
  readonly slot?: number;
  readonly height?: number;
}

const MARGIN = { top: 8, right: 8, bottom: 28 };

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

function legendOf(props: ChartProps): LegendEntry[] {
  const entries: LegendEntry[] = (props.legend ?? []).map((entry) => ({
    label: entry.label,
    swatch: entry.tone,
  }));
  if (props.reference)
    entries.push({
      label: `${props.reference.label} (${props.format(props.reference.value)})`,
      swatch: `chart-swatch-line${props.reference.limit ? ' chart-swatch-limit' : ''}`,
    });
  if (props.band)
    entries.push({
      label: `${props.band.label} (${props.format(props.band.from)}–${props.format(props.band.to)})`,
      swatch: 'chart-band',
    });
  return entries;
}

function tableOf(props: ChartProps) {
  const columns = props.legend ?? [{ label: props.title, tone: '' }];
  return {
    head: [props.categoryLabel ?? 'Sprint', ...columns.map((column) => column.label)],
    rows: props.groups.map((group) => ({
      label: group.label,
      cells: columns.map((column, index) =>
        group.segments === null
          ? 'no data'
          : props.format(
              (props.legend
                ? group.segments.find((s) => s.label === column.label)?.value
                : group.segments[index]?.value) ?? 0,
            ),
      ),
    })),
  };
}

export function BarChart(props: ChartProps) {
  const slot = props.slot ?? 56;
  const innerHeight = props.height ?? 160;
  const innerWidth = Math.max(1, props.groups.length) * slot;
  const dataMax = Math.max(
    0,
    ...props.groups.map(total),
    props.reference?.value ?? 0,
    props.band?.to ?? 0,
  );
  const y = scaleLinear<number>({
    domain: [0, props.max ?? (dataMax > 0 ? dataMax : 1)],
    range: [innerHeight, 0],
    nice: props.max === undefined,
    clamp: true,
  });
  const x = scaleBand<string>({
    domain: props.groups.map((group) => group.label),
    range: [0, innerWidth],
    paddingInner: 0.4,
    paddingOuter: 0.2,
  });
  const labels = props.groups.map((group) => group.label);
  const shortened = shortLabels(labels);
  const ticks = y.ticks(4);
  // Room for the widest tick label ("100 pts"), so none is cut at the left edge.
  const left = 8 + Math.max(36, ...ticks.map((tick) => labelWidth(props.format(tick))));
  // Narrow slots show only what differs ("1", "2") and the shared words once under the axis.
  const { shared, words } = splitShared(labels);
  const narrow = slot < 56 && shared.length > 0;
  const axisLabels = narrow ? words.map((w) => w.slice(shared.length).join(' ')) : shortened;
  const axisLabel = new Map(labels.map((label, i) => [label, axisLabels[i] ?? label]));
  const bottom = MARGIN.bottom + (narrow ? 14 : 0);
  const width = left + innerWidth + MARGIN.right;
  const height = MARGIN.top + innerHeight + bottom;
  const lineClass = props.reference?.limit
    ? 'chart-reference chart-reference-limit'
    : 'chart-reference';
  return (
    <ChartFrame
      title={props.title}
      description={describeChart(props)}
      width={width}
      height={height}
      legend={legendOf(props)}
      caption={props.caption}
      table={tableOf(props)}
    >
      <Group left={left} top={MARGIN.top}>
        <g aria-hidden="true">
          {ticks.map((tick) => (
            <Line
              key={tick}
              className="chart-grid"
              from={{ x: 0, y: y(tick) }}
              to={{ x: innerWidth, y: y(tick) }}
            />
          ))}
        </g>
        {props.band ? (
          <Bar
            className="chart-band"
            x={0}
            width={innerWidth}
            y={y(props.band.to)}
            height={y(props.band.from) - y(props.band.to)}
          />
        ) : null}
        {props.groups.map((group) => {
          const left = x(group.label) ?? 0;
          const barWidth = x.bandwidth();
          if (group.segments === null)
            return (
              <text
                key={group.label}
                className="chart-axis"
                x={left + barWidth / 2}
                y={innerHeight - 6}
                textAnchor="middle"
              >
                n/a
              </text>
            );
          let base = 0;
          return (
            <g key={group.label}>
              {group.segments.map((segment) => {
                const top = y(base + segment.value);
                const bottom = y(base);
                base += segment.value;
                return segment.value > 0 ? (
                  <Bar
                    key={segment.key}
                    className={`chart-bar ${segment.tone}`}
                    x={left}
                    width={barWidth}
                    y={top}
                    height={Math.max(0, bottom - top)}
                  >
                    <title>{`${group.label} — ${segment.label}: ${props.format(segment.value)}`}</title>
                  </Bar>
                ) : null;
              })}
            </g>
          );
        })}
        {props.reference ? (
          <Line
            aria-hidden="true"
            className={lineClass}
            from={{ x: 0, y: y(props.reference.value) }}
            to={{ x: innerWidth, y: y(props.reference.value) }}
          />
        ) : null}
        <g aria-hidden="true">
          <AxisLeft
            scale={y}
            tickValues={ticks}
            tickFormat={(value) => props.format(Number(value))}
            hideAxisLine
            hideTicks
            tickComponent={(tick) => <TickLabel {...tick} anchor="end" dy={4} />}
            left={-6}
          />
          <AxisBottom
            scale={x}
            top={innerHeight}
            hideTicks
            axisLineClassName="chart-baseline"
            tickFormat={(label) => clip(axisLabel.get(label) ?? label)}
            tickComponent={(tick) => <TickLabel {...tick} anchor="middle" dy={6} />}
          />
          {narrow ? (
            <text
              className="chart-axis"
              x={innerWidth / 2}
              y={innerHeight + MARGIN.bottom + 8}
              textAnchor="middle"
            >
              {shared.join(' ')}
            </text>
          ) : null}
        </g>
      </Group>
    </ChartFrame>
  );
}
