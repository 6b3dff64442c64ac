import { Box, Table, Text, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type {
  PublishedCountView,
  PublishedDuration,
  PublishedReach,
  Report,
} from '../../../../shared/reports.schema';

/** One published count: the number, "<5", or "x" — with words for screen readers and a tooltip. */
function Count({ count, threshold }: { count: PublishedCountView; threshold: number }) {
  const { t } = useTranslation();
  if (count.kind === 'count') return <bdi dir="ltr">{count.value}</bdi>;
  const words =
    count.reason === 'below_threshold'
      ? t('reports.hiddenBelow', { threshold })
      : t('reports.hiddenProtects');
  return (
    <span title={words}>
      {/* An atomic left-to-right box: in Arabic "<5" must not turn into "5>". */}
      <span dir="ltr" aria-hidden style={{ display: 'inline-block', direction: 'ltr' }}>
        {count.reason === 'below_threshold' ? `<${threshold}` : 'x'}
      </span>
      <VisuallyHidden>{words}</VisuallyHidden>
    </span>
  );
}

/** A hidden median, 90th percentile or reach: the marker of the count beside it. */
function HiddenHours({ count, threshold }: { count: PublishedCountView; threshold: number }) {
  const marker: PublishedCountView =
    count.kind === 'suppressed' ? count : { kind: 'suppressed', reason: 'protects_other' };
  return <Count count={marker} threshold={threshold} />;
}

/** Figures beside each row's count (a duration's median and 90th percentile, an activity's reach), or `null` when hidden. */
type Figures = readonly number[] | null;

/**
 * A report with figures per row (durations, reach): per row its count and its figures, and the total line. A
 * hidden figure shows the marker of the count beside it.
 */
function FigureRows({
  report,
  headings,
  rows,
  total,
}: {
  report: Report;
  /** The headings of the count column and of each figure column. */
  headings: readonly string[];
  rows: readonly Figures[];
  total: Figures;
}) {
  const { t, i18n } = useTranslation();
  const threshold = report.rules.threshold;
  const figureColumns = headings.length - 1;
  const number = (value: number) =>
    value.toLocaleString(i18n.language === 'ar' ? 'ar-u-nu-latn' : i18n.language);
  const line = (label: string, count: PublishedCountView, figures: Figures, isTotal: boolean) => (
    <Table.Tr key={label}>
      <Table.Th scope="row" fw={isTotal ? 700 : 500}>
        <bdi>{label}</bdi>
      </Table.Th>
      <Table.Td>
        <Count count={count} threshold={threshold} />
      </Table.Td>
      {Array.from({ length: figureColumns }, (_, column) => (
        <Table.Td key={column}>
          {figures ? (
            <bdi dir="ltr">{number(figures[column]!)}</bdi>
          ) : (
            <HiddenHours count={count} threshold={threshold} />
          )}
        </Table.Td>
      ))}
    </Table.Tr>
  );
  return (
    <>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">
            {report.rows
              ? t(`reports.dimensions.${report.rows.dimension}`)
              : t(`reports.measures.${report.measure}`)}
          </Table.Th>
          {headings.map((heading) => (
            <Table.Th scope="col" key={heading}>
              {heading}
            </Table.Th>
          ))}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {(report.rows?.keys ?? []).map((k, i) => line(k.label, report.cells[i]![0]!, rows[i]!, false))}
      </Table.Tbody>
      <Table.Tfoot>{line(t('reports.total'), report.total, total, true)}</Table.Tfoot>
    </>
  );
}

/** A duration report: per row the number of cases, the median and the 90th percentile in hours. */
function DurationRows({
  report,
  durations,
}: {
  report: Report;
  durations: NonNullable<Report['durations']>;
}) {
  const { t } = useTranslation();
  const figures = (stat: PublishedDuration): Figures =>
    stat.kind === 'value' ? [stat.median, stat.p90] : null;
  return (
    <FigureRows
      report={report}
      headings={[t('reports.durations.cases'), t('reports.durations.median'), t('reports.durations.p90')]}
      rows={durations.rows.map(figures)}
      total={figures(durations.total)}
    />
  );
}

/** An activities report: per row the number of activities, their attendees and facilitator hours. */
function ReachRows({ report, reach }: { report: Report; reach: NonNullable<Report['reach']> }) {
  const { t } = useTranslation();
  const figures = (value: PublishedReach): Figures =>
    value.kind === 'value' ? [value.attendees, value.facilitatorHours] : null;
  return (
    <FigureRows
      report={report}
      headings={[t('reports.reach.activities'), t('reports.reach.attendees'), t('reports.reach.hours')]}
      rows={reach.rows.map(figures)}
      total={figures(reach.total)}
    />
  );
}

/** The published table with its totals and legend; it scrolls sideways on a phone and is reachable by keyboard. */
export function ReportTable({ report }: { report: Report }) {
  const { t } = useTranslation();
  const threshold = report.rules.threshold;
  const measure = t(`reports.measures.${report.measure}`);
  const caption = t('reports.tableCaption', {
    measure,
    period: t('reports.period', { from: report.from, to: report.to }),
  });
  const rowKeys = report.rows?.keys ?? [{ key: '', label: t('reports.total') }];
  return (
    <Box>
      <Box
        component="div"
        role="region"
        aria-label={caption}
        tabIndex={0}
        style={{ overflowX: 'auto', maxWidth: '100%' }}
      >
        <Table striped withTableBorder withColumnBorders captionSide="top" miw={320}>
          <Table.Caption>
            {measure}
            {' · '}
            {/* One left-to-right, unbroken run: an Arabic line would otherwise reorder and split the dates. */}
            <bdi dir="ltr" style={{ whiteSpace: 'nowrap' }}>
              {report.from} – {report.to}
            </bdi>
          </Table.Caption>
          {report.durations ? (
            <DurationRows report={report} durations={report.durations} />
          ) : report.reach ? (
            <ReachRows report={report} reach={report.reach} />
          ) : (
            <>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">
                    {report.rows ? t(`reports.dimensions.${report.rows.dimension}`) : measure}
                  </Table.Th>
                  {(report.columns?.keys ?? [{ key: '', label: measure }]).map((k) => (
                    <Table.Th scope="col" key={k.key}>
                      <bdi>{k.label}</bdi>
                    </Table.Th>
                  ))}
                  {report.columns ? <Table.Th scope="col">{t('reports.total')}</Table.Th> : null}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rowKeys.map((k, i) => (
                  <Table.Tr key={k.key}>
                    <Table.Th scope="row" fw={500}>
                      <bdi>{k.label}</bdi>
                    </Table.Th>
                    {report.cells[i]!.map((cell, j) => (
                      <Table.Td key={j}>
                        <Count count={cell} threshold={threshold} />
                      </Table.Td>
                    ))}
                    {report.columns ? (
                      <Table.Td fw={600}>
                        <Count count={report.rowTotals[i]!} threshold={threshold} />
                      </Table.Td>
                    ) : null}
                  </Table.Tr>
                ))}
              </Table.Tbody>
              {report.rows ? (
                <Table.Tfoot>
                  <Table.Tr>
                    <Table.Th scope="row">{t('reports.total')}</Table.Th>
                    {report.columnTotals.map((cell, j) => (
                      <Table.Td key={j} fw={600}>
                        <Count count={cell} threshold={threshold} />
                      </Table.Td>
                    ))}
                    {report.columns ? (
                      <Table.Td fw={700}>
                        <Count count={report.total} threshold={threshold} />
                      </Table.Td>
                    ) : null}
                  </Table.Tr>
                </Table.Tfoot>
              ) : null}
            </>
          )}
        </Table>
      </Box>
      <Text size="sm" mt="xs">
        {t('reports.legendBelow', { threshold })}
      </Text>
      <Text size="sm">{t('reports.legendProtects')}</Text>
      {report.durations ? <Text size="sm">{t('reports.legendDurations')}</Text> : null}
      {report.reach ? <Text size="sm">{t('reports.legendReach')}</Text> : null}
      {report.rules.roundToFive ? <Text size="sm">{t('reports.legendRounded')}</Text> : null}
    </Box>
  );
}
