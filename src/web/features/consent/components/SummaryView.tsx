import { Divider, List, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Summary } from '../../../../shared/referrals.schema';
import { formatDay } from '../../../components/format';
import { currentLanguage } from '../../../i18n';
import { categoryLabels, joinList } from '../labels';

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" dir="auto">
        {children || '—'}
      </Text>
    </div>
  );
}

function Part({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Stack gap={4}>
      <Title order={4} size="h6">
        {title}
      </Title>
      {children}
    </Stack>
  );
}

/**
 * "What will be shared": the consented summary as the partner would receive it. Only the sections the
 * server put in (the named categories) are shown; nothing else is.
 */
export function SummaryView({ summary }: { summary: Summary }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const titleId = useId();
  const day = (value: string) => formatDay(value, language);
  const label = (prefix: string, value: string) => t(`${prefix}.${value}`, { defaultValue: value });
  const basis = summary.basis;
  return (
    <Paper withBorder p="sm" component="section" aria-labelledby={titleId}>
      <Stack gap="sm">
        <Title order={3} size="h5" id={titleId}>
          {t('summary.title')}
        </Title>
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="xs">
          <Field label={t('summary.recipient')}>{summary.recipient}</Field>
          <Field label={t('summary.purpose')}>{t(`consentPurposes.${summary.purpose}.label`)}</Field>
          <Field label={t('summary.basis')}>
            {basis.kind === 'consent'
              ? t('summary.basisConsent', { from: day(basis.givenOn), until: day(basis.validUntil) })
              : t('summary.basisEmergency', {
                  on: day(basis.approvedOn),
                  ground: label('emergency.grounds', basis.ground),
                })}
          </Field>
          <Field label={t('summary.producedOn')}>{day(summary.producedOn)}</Field>
          <Field label={t('summary.categories')}>
            {joinList(categoryLabels(t, summary.categories), language)}
          </Field>
          <Field label={t('summary.case')}>
            <bdi dir="ltr">{summary.caseReference}</bdi>
          </Field>
        </SimpleGrid>
        {summary.contactDetails ? (
          <>
            <Divider />
            <Part title={t('dataCategories.contact_details.label')}>
              <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="xs">
                <Field label={t('summary.callerAlias')}>{summary.contactDetails.callerAlias}</Field>
                <Field label={t('summary.phone')}>
                  {summary.contactDetails.phone ? (
                    <bdi dir="ltr">{summary.contactDetails.phone}</bdi>
                  ) : (
                    t('summary.noPhone')
                  )}
                </Field>
                <Field label={t('summary.language')}>
                  {label('conversationLanguages', summary.contactDetails.language)}
                </Field>
                <Field label={t('summary.municipality')}>{summary.contactDetails.municipality}</Field>
                <Field label={t('summary.safeCallback')}>
                  {[
                    summary.contactDetails.mayCallBack === null
                      ? ''
                      : `${t('intake.mayCallBack')}: ${t(summary.contactDetails.mayCallBack ? 'common.yes' : 'common.no')}`,
                    summary.contactDetails.mayLeaveMessage === null
                      ? ''
                      : `${t('intake.mayLeaveMessage')}: ${t(summary.contactDetails.mayLeaveMessage ? 'common.yes' : 'common.no')}`,
                    summary.contactDetails.safeChannel
                      ? `${t('intake.safeChannel')}: ${t(`channels.${summary.contactDetails.safeChannel}`)}`
                      : '',
                    summary.contactDetails.safeTimes
                      ? `${t('intake.safeTimes')}: ${summary.contactDetails.safeTimes}`
                      : '',
                  ]
                    .filter(Boolean)
                    .join(' · ') || '—'}
                </Field>
              </SimpleGrid>
            </Part>
          </>
        ) : null}
        {summary.concernSummary ? (
          <>
            <Divider />
            <Part title={t('dataCategories.concern_summary.label')}>
              <Field label={t('summary.category')}>{summary.concernSummary.category}</Field>
              <Text size="sm" dir="auto" style={{ whiteSpace: 'pre-wrap' }}>
                {summary.concernSummary.summary}
              </Text>
            </Part>
          </>
        ) : null}
        {summary.signals ? (
          <>
            <Divider />
            <Part title={t('dataCategories.signals.label')}>
              {summary.signals.length ? (
                <List size="sm" spacing={2}>
                  {summary.signals.map((signal, index) => (
                    <List.Item key={index}>
                      {day(signal.observedOn)} · {t(`summary.observation.${signal.kind}`)}:{' '}
                      <span dir="auto">{signal.text}</span>
                    </List.Item>
                  ))}
                </List>
              ) : (
                <Text size="sm" c="dimmed">
                  {t('summary.none')}
                </Text>
              )}
            </Part>
          </>
        ) : null}
        {summary.personStatus ? (
          <>
            <Divider />
            <Part title={t('dataCategories.person_status.label')}>
              {summary.personStatus.length ? (
                summary.personStatus.map((person, index) => (
                  <Stack key={index} gap={2}>
                    <Text size="sm" fw={600} dir="auto">
                      {person.alias}
                    </Text>
                    <Text size="sm" c="dimmed">
                      {[
                        label('ageBands', person.ageBand),
                        label('genders', person.gender),
                        person.municipality,
                      ]
                        .filter(Boolean)
                        .join(' · ')}
                    </Text>
                    {person.timeline.length ? (
                      <List size="sm" spacing={2}>
                        {person.timeline.map((event, position) => (
                          <List.Item key={position}>
                            {day(event.occurredOn)} · {label('subjectStatuses', event.status)}
                          </List.Item>
                        ))}
                      </List>
                    ) : null}
                  </Stack>
                ))
              ) : (
                <Text size="sm" c="dimmed">
                  {t('summary.none')}
                </Text>
              )}
            </Part>
          </>
        ) : null}
        {summary.supportHistory ? (
          <>
            <Divider />
            <Part title={t('dataCategories.support_history.label')}>
              <Field label={t('summary.openedOn')}>{day(summary.supportHistory.openedOn)}</Field>
              <Text size="sm" fw={500}>
                {t('summary.contacts', { n: summary.supportHistory.contacts.length })}
              </Text>
              {summary.supportHistory.contacts.length ? (
                <List size="sm" spacing={2}>
                  {summary.supportHistory.contacts.map((contact, index) => (
                    <List.Item key={index}>
                      {day(contact.on)} · {label('channels', contact.channel)}
                      {contact.minutes === null ? null : ` · ${t('summary.minutes', { n: contact.minutes })}`}
                    </List.Item>
                  ))}
                </List>
              ) : null}
              <Text size="sm" fw={500}>
                {t('summary.interventions')}
              </Text>
              {summary.supportHistory.interventions.length ? (
                <List size="sm" spacing={2}>
                  {summary.supportHistory.interventions.map((item, index) => (
                    <List.Item key={index}>
                      {day(item.on)} · {item.code} · <span dir="auto">{item.label}</span>
                    </List.Item>
                  ))}
                </List>
              ) : (
                <Text size="sm" c="dimmed">
                  {t('summary.none')}
                </Text>
              )}
              <Text size="sm" fw={500}>
                {t('summary.goals')}
              </Text>
              {summary.supportHistory.goals.length ? (
                <List size="sm" spacing={2}>
                  {summary.supportHistory.goals.map((goal, index) => (
                    <List.Item key={index}>
                      <span dir="auto">{goal.text}</span> · {label('goals.status', goal.status)}
                    </List.Item>
                  ))}
                </List>
              ) : (
                <Text size="sm" c="dimmed">
                  {t('summary.none')}
                </Text>
              )}
            </Part>
          </>
        ) : null}
      </Stack>
    </Paper>
  );
}
