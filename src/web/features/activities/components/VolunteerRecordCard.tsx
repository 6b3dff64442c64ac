import { Card, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { Loading } from '../../../components/Loading';
import { ACTIVITIES_KEY, fetchVolunteerRecord } from '../api';
import { hoursText } from '../labels';

/**
 * A counsellor's volunteer record per year: hours facilitating activities, minutes of support logged on
 * cases, training attended and completed. On the counsellor's home page and on their profile for coordinators.
 */
export function VolunteerRecordCard({ userId }: { userId: string }) {
  const { t } = useTranslation();
  const record = useQuery({
    queryKey: [...ACTIVITIES_KEY, 'volunteer-record', userId],
    queryFn: () => fetchVolunteerRecord(userId),
  });
  return (
    <Card withBorder component="section" aria-labelledby={`volunteer-record-${userId}`} maw={900}>
      <Title order={2} size="h4" id={`volunteer-record-${userId}`} mb="xs">
        {t('activities.volunteerRecord.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="xs">
        {t('activities.volunteerRecord.intro')}
      </Text>
      <ErrorAlert error={record.error} />
      {record.isPending ? <Loading /> : null}
      {record.data ? (
        <Table.ScrollContainer minWidth={520}>
          <Table striped withTableBorder>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('activities.volunteerRecord.year')}</Table.Th>
                <Table.Th scope="col">{t('activities.volunteerRecord.activities')}</Table.Th>
                <Table.Th scope="col">{t('activities.volunteerRecord.facilitatedHours')}</Table.Th>
                <Table.Th scope="col">{t('activities.volunteerRecord.supportHours')}</Table.Th>
                <Table.Th scope="col">{t('activities.volunteerRecord.trainingSessions')}</Table.Th>
                <Table.Th scope="col">{t('activities.volunteerRecord.coursesCompleted')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {record.data.years.map((y) => (
                <Table.Tr key={y.year}>
                  <Table.Th scope="row" className="ltr-text">
                    {y.year}
                  </Table.Th>
                  <Table.Td className="ltr-text">{y.activities}</Table.Td>
                  <Table.Td className="ltr-text">{hoursText(y.facilitatedMinutes)}</Table.Td>
                  <Table.Td className="ltr-text">{hoursText(y.supportMinutes)}</Table.Td>
                  <Table.Td className="ltr-text">{y.trainingSessions}</Table.Td>
                  <Table.Td className="ltr-text">{y.coursesCompleted}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}
    </Card>
  );
}
