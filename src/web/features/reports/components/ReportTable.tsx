import { Box, Table, Text, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PublishedCountView, Report } from '../../../../shared/reports.schema';

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
        </Table>
      </Box>
      <Text size="sm" mt="xs">
        {t('reports.legendBelow', { threshold })}
      </Text>
      <Text size="sm">{t('reports.legendProtects')}</Text>
      {report.rules.roundToFive ? <Text size="sm">{t('reports.legendRounded')}</Text> : null}
    </Box>
  );
}
