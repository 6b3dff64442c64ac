import { Alert, Badge, Card, List, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { FourEyesHealth } from '../../../../shared/four-eyes.schema';
import type { UiLanguage } from '../../../../shared/roles';
import { formatDateTime, formatDay } from '../../../components/format';
import { AccountChange } from '../../users/components/AccountChange';

function Section({ id, title, children }: { id: string; title: string; children: React.ReactNode }) {
  return (
    <Card withBorder component="section" aria-labelledby={id} padding="md">
      <Title order={2} size="h4" id={id} mb="xs">
        {title}
      </Title>
      {children}
    </Card>
  );
}

/** Independence facts only: people, roles, days and account changes — never a reason or a case. */
export function FourEyesHealthView({ health }: { health: FourEyesHealth }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as UiLanguage;
  const { settings, approvers } = health;
  return (
    <Stack>
      {approvers.independentPair ? (
        <Alert color="teal" variant="light" title={t('fourEyes.pairOk')}>
          {t('fourEyes.eligibleCount', { n: approvers.eligible.length })}
        </Alert>
      ) : (
        <Alert color="red" variant="light" title={t('fourEyes.pairMissing')}>
          {t('fourEyes.pairMissingBody')}
        </Alert>
      )}
      <Text size="sm">
        {t('fourEyes.rules', { days: settings.minAccountDays, tieDays: settings.tieDays })}{' '}
        {settings.seriousCrimeAllowed ? t('fourEyes.seriousCrimeOn') : t('fourEyes.seriousCrimeOff')}
      </Text>

      <Section id="four-eyes-requests" title={t('fourEyes.requests')}>
        {health.requests.length === 0 ? (
          <Text size="sm">{t('fourEyes.noRequests')}</Text>
        ) : (
          <Table.ScrollContainer minWidth={640}>
            <Table striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('fourEyes.requestedAt')}</Table.Th>
                  <Table.Th>{t('fourEyes.requester')}</Table.Th>
                  <Table.Th>{t('fourEyes.decider')}</Table.Th>
                  <Table.Th>{t('fourEyes.status')}</Table.Th>
                  <Table.Th>{t('fourEyes.independence')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {health.requests.map((r) => (
                  <Table.Tr key={r.id}>
                    <Table.Td>{formatDateTime(r.requestedAt, language)}</Table.Td>
                    <Table.Td>
                      {r.requester.name}{' '}
                      <Text span size="xs" c="dimmed">
                        {t('fourEyes.daysInRole', { days: r.requester.daysInRole })}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      {r.decider ? (
                        <>
                          {r.decider.name}{' '}
                          <Text span size="xs" c="dimmed">
                            {t('fourEyes.daysInRole', { days: r.decider.daysInRole })}
                          </Text>
                        </>
                      ) : (
                        '—'
                      )}
                    </Table.Td>
                    <Table.Td>{t(`emergency.statuses.${r.status}`)}</Table.Td>
                    <Table.Td>
                      {r.ties.length > 0 ? (
                        <Badge color="red">{t('fourEyes.tied')}</Badge>
                      ) : r.decider ? (
                        <Badge color="teal">{t('fourEyes.independent')}</Badge>
                      ) : null}{' '}
                      {r.sameInviter ? <Badge color="yellow">{t('fourEyes.sameInviter')}</Badge> : null}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Section>

      <Section id="four-eyes-new" title={t('fourEyes.newAccounts')}>
        {health.newAccounts.length === 0 ? (
          <Text size="sm">{t('fourEyes.noNewAccounts')}</Text>
        ) : (
          <List size="sm">
            {health.newAccounts.map((u) => (
              <List.Item key={u.id}>
                {t('fourEyes.newAccount', {
                  name: u.name,
                  role: t(`roles.${u.role}`),
                  date: formatDay(u.eligibleFrom, language),
                })}
              </List.Item>
            ))}
          </List>
        )}
      </Section>

      <Section id="four-eyes-events" title={t('fourEyes.accountEvents', { days: settings.tieDays })}>
        {health.accountEvents.length === 0 ? (
          <Text size="sm">{t('fourEyes.noEvents')}</Text>
        ) : (
          <Stack gap={4} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {health.accountEvents.map((event) => (
              <li key={event.id}>
                <AccountChange event={event} />
              </li>
            ))}
          </Stack>
        )}
      </Section>
    </Stack>
  );
}
