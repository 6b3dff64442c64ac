import { Text } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import {
  Bar,
  BarChart,
  CartesianGrid,
  LabelList,
  Legend,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { PublishedCountView, Report } from '../../../../shared/reports.schema';
import { HIDDEN_COLOUR, HIDDEN_FILL, SERIES_COLOURS, seriesFill } from './chartPatterns';

/** Time runs along the bottom; everything else is a list of bars with its labels beside them. */
const TIME = ['year', 'quarter', 'month'];

interface Series {
  key: string;
  label: string;
}

/** What a published count is in a chart: its number, or no bar and its marker ("<5", "x"). */
function point(count: PublishedCountView, threshold: number): { value: number; text: string } {
  if (count.kind === 'count') return { value: count.value, text: String(count.value) };
  // A hidden count is not drawn (height 0) — its marker is written where the bar would be.
  return { value: 0, text: count.reason === 'below_threshold' ? `<${threshold}` : 'x' };
}

/** The chart's data: one entry per row, a number and a text per series, all from the published report. */
function chartData(report: Report, t: TFunction) {
  const threshold = report.rules.threshold;
  const rows = report.rows?.keys ?? [{ key: 'total', label: t('reports.total') }];
  if (report.durations) {
    const series: Series[] = [
      { key: 'median', label: t('reports.durations.median') },
      { key: 'p90', label: t('reports.durations.p90') },
    ];
    const stats = report.rows ? report.durations.rows : [report.durations.total];
    const data = rows.map((row, i) => {
      const stat = stats[i]!;
      const count = report.rows ? report.cells[i]![0]! : report.total;
      const marker = point(count, threshold).text;
      const hidden = stat.kind !== 'value';
      return {
        name: row.label,
        median: hidden ? 0 : stat.median,
        p90: hidden ? 0 : stat.p90,
        median_text: hidden ? (count.kind === 'count' ? 'x' : marker) : String(stat.median),
        p90_text: hidden ? (count.kind === 'count' ? 'x' : marker) : String(stat.p90),
      };
    });
    return { series, data };
  }
  const series: Series[] = report.columns
    ? report.columns.keys.map((k, j) => ({ key: `s${j}`, label: k.label }))
    : [{ key: 's0', label: t(`reports.measures.${report.measure}`) }];
  const data = rows.map((row, i) => {
    const entry: Record<string, string | number> = { name: row.label };
    let shown = 0;
    series.forEach((s, j) => {
      const p = point(report.cells[i]![j]!, threshold);
      entry[s.key] = p.value;
      entry[`${s.key}_text`] = p.text;
      shown += p.value;
    });
    // In a cross-tabulation, the part of a published row total in hidden cells: already known to any reader
    // (the total minus the published cells), so drawing it as one hatched "hidden" segment reveals nothing.
    const total = report.rowTotals[i];
    const hidden = report.columns && total?.kind === 'count' ? Math.max(0, total.value - shown) : 0;
    entry.hidden = hidden;
    entry.hidden_text = String(hidden);
    return entry;
  });
  if (report.columns && data.some((d) => Number(d.hidden) > 0))
    series.push({ key: 'hidden', label: t('reports.dashboard.hiddenSeries') });
  return { series, data };
}

/**
 * A bar chart of a published report (recharts): colours with at least 3:1 contrast against the page, a
 * pattern per series and numbers written on the bars, so no reading depends on colour; mirrored in
 * right-to-left languages. Hidden counts are not drawn, only their marker. The table beside it holds every
 * number, so the chart itself is hidden from screen readers.
 */
export function ReportChart({ report, title }: { report: Report; title: string }) {
  const { t, i18n } = useTranslation();
  const rtl = i18n.dir() === 'rtl';
  const { series, data } = chartData(report, t);
  const overTime = report.rows ? TIME.includes(report.rows.dimension) : false;
  const stacked = !report.durations && series.length > 1;
  const many = series.length > 1;
  const height = overTime
    ? 260
    : Math.max(140, data.length * (many && !stacked ? 22 * series.length : 34) + 70);
  const tick = { fontSize: 12, fill: '#374151' };
  return (
    <figure style={{ margin: 0 }} aria-label={t('reports.dashboard.chartLabel', { title })}>
      {/* Left to right inside: the axes are mirrored explicitly, and an inherited right-to-left direction would
          flip the SVG's text anchors and push the labels into the plot. */}
      <div aria-hidden dir="ltr" style={{ width: '100%', height }} data-testid="report-chart">
        <ResponsiveContainer width="100%" height="100%">
          <BarChart
            data={data}
            layout={overTime ? 'horizontal' : 'vertical'}
            margin={{ top: 18, right: rtl ? 8 : 32, bottom: 4, left: rtl ? 32 : 8 }}
            accessibilityLayer={false}
          >
            <CartesianGrid strokeDasharray="3 3" stroke="#d1d5db" />
            {overTime ? (
              <>
                <XAxis dataKey="name" reversed={rtl} tick={tick} />
                <YAxis orientation={rtl ? 'right' : 'left'} allowDecimals={!!report.durations} tick={tick} />
              </>
            ) : (
              <>
                <XAxis type="number" reversed={rtl} allowDecimals={!!report.durations} tick={tick} />
                <YAxis
                  type="category"
                  dataKey="name"
                  orientation={rtl ? 'right' : 'left'}
                  width={150}
                  tick={tick}
                  interval={0}
                />
              </>
            )}
            <Tooltip
              formatter={(_value, name, item) =>
                [String((item.payload as Record<string, unknown>)[`${String(item.dataKey)}_text`]), name] as [
                  string,
                  string,
                ]
              }
            />
            {many ? <Legend wrapperStyle={{ fontSize: 12 }} /> : null}
            {series.map((s, j) => (
              <Bar
                key={s.key}
                dataKey={s.key}
                name={s.label}
                fill={s.key === 'hidden' ? HIDDEN_FILL : seriesFill(j)}
                stroke={s.key === 'hidden' ? HIDDEN_COLOUR : SERIES_COLOURS[j % SERIES_COLOURS.length]}
                strokeWidth={1}
                isAnimationActive={false}
                {...(stacked ? { stackId: 'all' } : {})}
              >
                {/* Direct labels: the published number or the marker. A stack's segments are told apart by
                    their patterns and the legend; their numbers are in the table. */}
                {stacked ? null : (
                  <LabelList
                    dataKey={`${s.key}_text`}
                    position={overTime ? 'top' : 'right'}
                    fill="#111827"
                    fontSize={11}
                  />
                )}
              </Bar>
            ))}
          </BarChart>
        </ResponsiveContainer>
      </div>
      <Text size="xs" component="figcaption">
        {t('reports.dashboard.notPlotted', { threshold: report.rules.threshold })}
      </Text>
    </figure>
  );
}
