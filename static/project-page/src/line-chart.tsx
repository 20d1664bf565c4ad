/**
 * A value over time (the error-budget burn-down, the SLI), drawn with @visx (scaleTime /
 * scaleLinear, LinePath, Line, AxisLeft / AxisBottom) inside ChartFrame. Gaps without data break
 * the line (a point alone is drawn as a dot); values beyond the axis are drawn at its edge and
 * keep their real value in the accessible name and the table.
 */
import { AxisBottom, AxisLeft } from '@visx/axis';
import { Group } from '@visx/group';
import { scaleLinear, scaleTime } from '@visx/scale';
import { Circle, Line, LinePath } from '@visx/shape';
import type { ReactNode } from 'react';
import { ChartFrame, TickLabel, type LegendEntry } from './chart-frame';

export interface LinePoint {
  /** ISO instant the value belongs to. */
  readonly at: string;
  /** How the point is named in words and in the table ("20 Nov", "20 Nov 06:00"). */
  readonly label: string;
  readonly value: number | null;
}

export interface ReferenceLine {
  readonly value: number;
  readonly label: string;
  /** Drawn in the danger colour (a limit: the objective, the budget spent). */
  readonly limit?: boolean;
  /** A gate state's colour class (static/shared/gate-tone.ts), for the policy's thresholds. */
  readonly tone?: string;
  /** The legend's words, when they are not "label (value)". */
  readonly legend?: string;
}

export interface LineChartProps {
  readonly title: string;
  readonly points: readonly LinePoint[];
  /** The value axis, [min, max]; made "nice" around it. */
  readonly domain: readonly [number, number];
  readonly format: (value: number) => string;
  /** Axis tick format for ticks `step` apart, when it needs other decimals than the values. */
  readonly tickFormat?: (step: number) => (value: number) => string;
  /** Time axis ticks ("20 Nov"). */
  readonly timeFormat: (iso: string) => string;
  readonly references?: readonly ReferenceLine[];
  /** Table headings: the time column and the value column. */
  readonly columns: readonly [string, string];
  readonly caption?: ReactNode;
}

const MARGIN = { top: 8, right: 24, bottom: 28, left: 56 };
const INNER_WIDTH = 600;
const INNER_HEIGHT = 140;

export function describeLine(props: LineChartProps): string {
  const values = props.points.map(
    (p) => `${p.label}: ${p.value === null ? 'no data' : props.format(p.value)}`,
  );
  const lines = (props.references ?? []).map((r) => `${r.label} at ${props.format(r.value)}`);
  return `${props.title}. ${[...values, ...lines].join('; ')}.`;
}

export function LineChart(props: LineChartProps) {
  const { points } = props;
  const times = points.map((p) => Date.parse(p.at));
  const first = times[0] ?? 0;
  const last = times.at(-1) ?? first + 1;
  // Local time, as the labels (shortDate): ticks fall on the viewer's midnights.
  const x = scaleTime<number>({
    domain: [new Date(first), new Date(last > first ? last : first + 1)],
    range: [0, INNER_WIDTH],
  });
  const y = scaleLinear<number>({
    domain: [props.domain[0], props.domain[1]],
    range: [INNER_HEIGHT, 0],
    nice: 4,
    clamp: true,
  });
  const ticks = y.ticks(4);
  // One tick per label: a short span gives several ticks on the same day.
  const xTicks = x
    .ticks(6)
    .filter(
      (tick, i, all) =>
        i === 0 ||
        props.timeFormat(tick.toISOString()) !== props.timeFormat(all[i - 1]!.toISOString()),
    );
  const defined = (index: number) => points[index]?.value != null;
  const legend: LegendEntry[] = (props.references ?? []).map((r) => ({
    label: r.legend ?? `${r.label} (${props.format(r.value)})`,
    swatch: `chart-swatch-line${r.limit ? ' chart-swatch-limit' : ''}${r.tone ? ` chart-swatch-gate ${r.tone}` : ''}`,
  }));
  const width = MARGIN.left + INNER_WIDTH + MARGIN.right;
  const height = MARGIN.top + INNER_HEIGHT + MARGIN.bottom;
  const tickFormat = props.tickFormat
    ? props.tickFormat((ticks[1] ?? 1) - (ticks[0] ?? 0))
    : props.format;
  return (
    <ChartFrame
      title={props.title}
      description={describeLine(props)}
      width={width}
      height={height}
      legend={legend}
      caption={props.caption}
      table={{
        head: props.columns,
        rows: points.map((p) => ({
          label: p.label,
          cells: [p.value === null ? 'no data' : props.format(p.value)],
        })),
      }}
    >
      <Group left={MARGIN.left} top={MARGIN.top} aria-hidden="true">
        {ticks.map((tick) => (
          <Line
            key={tick}
            className="chart-grid"
            from={{ x: 0, y: y(tick) }}
            to={{ x: INNER_WIDTH, y: y(tick) }}
          />
        ))}
        {(props.references ?? []).map((r) => (
          <Line
            key={r.label}
            className={`chart-reference${r.limit ? ' chart-reference-limit' : ''}${r.tone ? ` chart-reference-gate ${r.tone}` : ''}`}
            from={{ x: 0, y: y(r.value) }}
            to={{ x: INNER_WIDTH, y: y(r.value) }}
          />
        ))}
        <LinePath<LinePoint>
          className="chart-line"
          fill="none"
          data={[...points]}
          x={(p) => x(new Date(p.at))}
          y={(p) => y(p.value ?? 0)}
          defined={(p) => p.value !== null}
        />
        {points.map((p, index) =>
          p.value !== null && !defined(index - 1) && !defined(index + 1) ? (
            <Circle
              key={p.at}
              className="chart-dot"
              cx={x(new Date(p.at))}
              cy={y(p.value)}
              r={2.5}
            />
          ) : null,
        )}
        <AxisLeft
          scale={y}
          tickValues={ticks}
          tickFormat={(value) => tickFormat(Number(value))}
          hideAxisLine
          hideTicks
          left={-6}
          tickComponent={(tick) => <TickLabel {...tick} anchor="end" dy={4} />}
        />
        <AxisBottom
          scale={x}
          top={INNER_HEIGHT}
          tickValues={xTicks}
          hideTicks
          axisLineClassName="chart-baseline"
          tickFormat={(value) => props.timeFormat((value as Date).toISOString())}
          tickComponent={(tick) => <TickLabel {...tick} anchor="middle" dy={6} />}
        />
      </Group>
    </ChartFrame>
  );
}
