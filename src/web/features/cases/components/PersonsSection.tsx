import { Button, Card, Divider, Group, Stack, Text, Timeline, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../../../shared/cases.schema';
import { formatDay } from '../../../components/format';
import { currentLanguage } from '../../../i18n';
import { useTaxonomy } from '../../taxonomies/hooks/useTerms';
import { AddStatusForm } from './AddStatusForm';
import { AddSubjectForm } from './AddSubjectForm';
import { Section } from './Section';

/** The caller and the persons of concern, each with their status timeline. */
export function PersonsSection({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const taxonomy = useTaxonomy();
  const [adding, setAdding] = useState(false);
  const [statusFor, setStatusFor] = useState<string | null>(null);
  const language = currentLanguage();
  const canEdit = detail.abilities.canEdit;
  const dash = (value: string) => value || '—';

  return (
    <Section
      id="persons"
      title={t('persons.title')}
      actions={
        canEdit && !adding ? (
          <Button size="xs" variant="default" onClick={() => setAdding(true)}>
            {t('persons.addSubject')}
          </Button>
        ) : null
      }
    >
      <Stack gap="md">
        <div>
          <Title order={3} size="h6">
            {t('persons.caller')}
          </Title>
          <Text fw={600} dir="auto">
            {detail.caller.alias}
          </Text>
          <Text size="sm" c="dimmed">
            {t(`conversationLanguages.${detail.caller.language}`, { defaultValue: detail.caller.language })} ·{' '}
            {dash(detail.caller.municipality)}
            {detail.caller.hasPhone ? ` · ${t('persons.hasPhone')}` : ''}
          </Text>
        </div>
        {adding ? <AddSubjectForm caseId={detail.id} onDone={() => setAdding(false)} /> : null}
        {detail.subjects.length === 0 && !adding ? (
          <Text size="sm" c="dimmed">
            {t('persons.noSubjects')}
          </Text>
        ) : null}
        {detail.subjects.map((subject) => {
          const events = detail.statusEvents
            .filter((event) => event.subjectId === subject.id)
            .sort((a, b) => b.occurredOn.localeCompare(a.occurredOn));
          return (
            <Card key={subject.id} withBorder padding="sm" component="article" aria-label={subject.alias}>
              <Group justify="space-between" align="flex-start" gap="xs">
                <div>
                  <Title order={3} size="h6" dir="auto">
                    {subject.alias}
                  </Title>
                  <Text size="sm" c="dimmed">
                    {[
                      subject.relationId ? taxonomy.label(subject.relationId) : null,
                      t(`ageBands.${subject.ageBand}`, { defaultValue: subject.ageBand }),
                      t(`genders.${subject.gender}`, { defaultValue: subject.gender }),
                      subject.municipality || null,
                    ]
                      .filter(Boolean)
                      .join(' · ')}
                  </Text>
                </div>
                {canEdit && statusFor !== subject.id ? (
                  <Button size="xs" variant="subtle" onClick={() => setStatusFor(subject.id)}>
                    {t('timeline.add')}
                  </Button>
                ) : null}
              </Group>
              {statusFor === subject.id ? (
                <>
                  <Divider my="sm" />
                  <AddStatusForm
                    caseId={detail.id}
                    subjectId={subject.id}
                    onDone={() => setStatusFor(null)}
                  />
                </>
              ) : null}
              <Title order={4} size="sm" mt="sm" mb={4}>
                {t('timeline.title')}
              </Title>
              {events.length === 0 ? (
                <Text size="sm" c="dimmed">
                  {t('timeline.empty')}
                </Text>
              ) : (
                <Timeline bulletSize={10} lineWidth={2} active={0}>
                  {events.map((event) => (
                    <Timeline.Item
                      key={event.id}
                      title={`${formatDay(event.occurredOn, language)} · ${t(`subjectStatuses.${event.status}`)}`}
                    >
                      {event.note ? (
                        <Text size="sm" dir="auto">
                          {event.note}
                        </Text>
                      ) : null}
                    </Timeline.Item>
                  ))}
                </Timeline>
              )}
            </Card>
          );
        })}
      </Stack>
    </Section>
  );
}
