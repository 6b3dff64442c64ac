import { Box, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, LabelList, Legend, ResponsiveContainer, XAxis, YAxis } from 'recharts';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { Loading } from '../../../components/Loading';
import { fetchCaseload } from '../api';
import { SERIES_COLOURS, seriesFill } from './chartPatterns';

/**
 * Open cases per counsellor, for the coordinator who divides the work (the server refuses analysts): a bar
 * per counsellor, with the same numbers in the table below it.
 */
export function CaseloadSection() {
  const { t, i18n } = useTranslation();
  const rtl = i18n.dir() === 'rtl';
  const caseload = useQuery({ queryKey: ['reports-caseload'], queryFn: fetchCaseload });
  const rows = caseload.data?.counsellors ?? [];
  const tick = { fontSize: 12, fill: '#374151' };
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="caseload-title">
      <Stack gap="sm">
        <Title order={2} size="h4" id="caseload-title">
          {t('reports.caseload.title')}
        </Title>
        <Text size="sm">{t('reports.caseload.intro')}</Text>
        <ErrorAlert error={caseload.error} />
        {caseload.isPending ? <Loading /> : null}
        {caseload.data && rows.length === 0 ? <Text size="sm">{t('reports.caseload.empty')}</Text> : null}
        {rows.length > 0 ? (
          <>
            <div aria-hidden style={{ width: '100%', height: rows.length * 34 + 80 }}>
              <ResponsiveContainer width="100%" height="100%">
                <BarChart
                  data={rows}
                  layout="vertical"
                  margin={{ top: 8, right: 24, bottom: 4, left: 8 }}
                  accessibilityLayer={false}
                >
                  <CartesianGrid strokeDasharray="3 3" stroke="#d1d5db" />
                  <XAxis type="number" reversed={rtl} allowDecimals={false} tick={tick} />
                  <YAxis
                    type="category"
                    dataKey="name"
                    orientation={rtl ? 'right' : 'left'}
                    width={150}
                    tick={tick}
                    interval={0}
                  />
                  <Legend wrapperStyle={{ fontSize: 12 }} />
                  {(['active', 'aftercare'] as const).map((key, j) => (
                    <Bar
                      key={key}
                      dataKey={key}
                      name={t(`reports.caseload.${key}`)}
                      fill={seriesFill(j)}
                      stroke={SERIES_COLOURS[j]}
                      isAnimationActive={false}
                    >
                      <LabelList
                        dataKey={key}
                        position={rtl ? 'left' : 'right'}
                        fill="#111827"
                        fontSize={11}
                      />
                    </Bar>
                  ))}
                </BarChart>
              </ResponsiveContainer>
            </div>
            <Box
              style={{ overflowX: 'auto' }}
              tabIndex={0}
              role="region"
              aria-label={t('reports.caseload.title')}
            >
              <Table striped withTableBorder>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('reports.caseload.name')}</Table.Th>
                    <Table.Th scope="col">{t('reports.caseload.active')}</Table.Th>
                    <Table.Th scope="col">{t('reports.caseload.aftercare')}</Table.Th>
                    <Table.Th scope="col">{t('reports.caseload.capacity')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {rows.map((c) => (
                    <Table.Tr key={c.id}>
                      <Table.Th scope="row" fw={500}>
                        <bdi>{c.name}</bdi>
                      </Table.Th>
                      <Table.Td>{c.active}</Table.Td>
                      <Table.Td>{c.aftercare}</Table.Td>
                      <Table.Td>{c.capacity ?? '–'}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Box>
          </>
        ) : null}
      </Stack>
    </Paper>
  );
}
