import { Modal, NativeSelect, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { Loading } from '../../../components/Loading';
import { useReturnFocusOnUnmount } from '../../../components/useDiscardGuard';
import { useActivityMutations, useActivityTypes } from '../hooks';
import { termLabelOf } from '../labels';

/** Which training course each activity type requires of the counsellors who give it. */
export function TypeCoursesModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const types = useActivityTypes();
  const { setCourse } = useActivityMutations();
  useReturnFocusOnUnmount();
  return (
    <Modal opened onClose={onClose} title={t('activities.typeCourses.title')} centered size="lg">
      <Stack>
        <Text size="sm">{t('activities.typeCourses.intro')}</Text>
        <ErrorAlert error={types.error ?? setCourse.error} />
        {types.isPending ? <Loading /> : null}
        {types.data ? (
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('activities.type')}</Table.Th>
                <Table.Th>{t('activities.typeCourses.course')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {types.data.items
                .filter((x) => x.active)
                .map((x) => (
                  <Table.Tr key={x.termId}>
                    <Table.Td>{termLabelOf(x.labels)}</Table.Td>
                    <Table.Td>
                      <NativeSelect
                        aria-label={t('activities.typeCourses.courseFor', { type: termLabelOf(x.labels) })}
                        value={x.requiredCourseId ?? ''}
                        disabled={setCourse.isPending}
                        onChange={(event) =>
                          setCourse.mutate({ termId: x.termId, courseId: event.currentTarget.value || null })
                        }
                        data={[
                          { value: '', label: t('activities.typeCourses.none') },
                          ...types.data.courses.map((c) => ({ value: c.id, label: c.name })),
                        ]}
                      />
                    </Table.Td>
                  </Table.Tr>
                ))}
            </Table.Tbody>
          </Table>
        ) : null}
      </Stack>
    </Modal>
  );
}
