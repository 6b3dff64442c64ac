import { Button, Group, Modal, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import type { ZodType } from 'zod';
import { LabelsSchema, TermCreateSchema } from '../../../../shared/taxonomy.schema';
import type { Labels, TaxonomyKind, Term, TermCreate } from '../../../../shared/taxonomy.schema';
import { UI_LANGUAGES } from '../../../../shared/roles';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { LANGUAGE_NAMES } from '../../../i18n';
import { useTermMutations } from '../hooks/useTerms';
import { useDiscardGuard, useReturnFocusOnUnmount } from '../../../components/useDiscardGuard';
import { useSchemaForm } from '../../../components/useSchemaForm';

/** An existing term keeps its code: only its labels are checked and sent (as the update request has them). */
const TermLabelsSchema = z.object({ labels: LabelsSchema });
const noLabels: Labels = { nl: '', en: '', ar: '', tr: '' };

interface TermModalProps {
  kind: TaxonomyKind;
  /** Editing this term; a new one when undefined. */
  term?: Term;
  onClose: () => void;
}

/** A term's code (new terms only: records keep pointing at it) and its label in every UI language. */
export function TermModal({ kind, term, onClose }: TermModalProps) {
  const { t } = useTranslation();
  const { create, update } = useTermMutations();
  const mutation = term ? update : create;
  const schema: ZodType<TermCreate | z.infer<typeof TermLabelsSchema>> = term
    ? TermLabelsSchema
    : TermCreateSchema;
  const { form, onSubmit, showServerErrors, dirty } = useSchemaForm({
    initialValues: { code: term?.code ?? '', labels: term?.labels ?? noLabels },
    schema,
    toInput: (values) => ({ kind, ...values }),
  });
  useReturnFocusOnUnmount();
  const guard = useDiscardGuard(dirty, onClose);

  const submit = onSubmit((data) => {
    const options = { onSuccess: onClose, onError: showServerErrors };
    if ('kind' in data) create.mutate(data, options);
    else if (term) update.mutate({ id: term.id, labels: data.labels }, options);
  });

  return (
    <Modal
      opened
      onClose={guard.requestClose}
      title={term ? t('taxonomies.editTitle', { code: term.code }) : t(`taxonomies.addTitle.${kind}`)}
      centered
      size="lg"
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          {guard.prompt}
          <ErrorAlert error={mutation.error} />
          {term ? null : (
            <TextInput
              label={t('taxonomies.code')}
              description={t('taxonomies.codeHint')}
              {...form.getInputProps('code')}
              classNames={{ input: 'ltr-text' }}
              maxLength={20}
              required
              data-autofocus
            />
          )}
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            {UI_LANGUAGES.map((language) => (
              <TextInput
                key={language}
                label={t('taxonomies.labelIn', { language: LANGUAGE_NAMES[language] })}
                lang={language}
                dir={language === 'ar' ? 'rtl' : 'ltr'}
                {...form.getInputProps(`labels.${language}`)}
                maxLength={200}
                required
                data-autofocus={term && language === 'nl' ? true : undefined}
              />
            ))}
          </SimpleGrid>
          <Group justify="flex-end">
            <Button variant="default" onClick={guard.requestClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={mutation.isPending}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
