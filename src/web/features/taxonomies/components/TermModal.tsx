import { Button, Group, Modal, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { LabelsSchema, TermCreateSchema } from '../../../../shared/taxonomy.schema';
import type { Labels, TaxonomyKind, Term } from '../../../../shared/taxonomy.schema';
import { UI_LANGUAGES } from '../../../../shared/roles';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { apiFieldErrors, fieldErrorText, zodFieldErrors } from '../../../components/formErrors';
import type { FieldErrors } from '../../../components/formErrors';
import { LANGUAGE_NAMES } from '../../../i18n';
import { useTermMutations } from '../hooks/useTerms';
import { useDiscardGuard, useReturnFocusOnUnmount } from '../../../components/useDiscardGuard';

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
  const [code, setCode] = useState(term?.code ?? '');
  const [labels, setLabels] = useState<Labels>(term?.labels ?? { nl: '', en: '', ar: '', tr: '' });
  const [errors, setErrors] = useState<FieldErrors>({});
  const initialLabels = term?.labels ?? { nl: '', en: '', ar: '', tr: '' };
  useReturnFocusOnUnmount();
  const guard = useDiscardGuard(
    code !== (term?.code ?? '') ||
      (Object.keys(labels) as (keyof Labels)[]).some((key) => labels[key] !== initialLabels[key]),
    onClose,
  );

  function submit(event: FormEvent) {
    event.preventDefault();
    const onError = (error: unknown) => setErrors(apiFieldErrors(error));
    if (term) {
      const parsed = LabelsSchema.safeParse(labels);
      if (!parsed.success) return setErrors(zodFieldErrors(parsed.error));
      setErrors({});
      update.mutate({ id: term.id, labels: parsed.data }, { onSuccess: onClose, onError });
    } else {
      const parsed = TermCreateSchema.safeParse({ kind, code, labels });
      if (!parsed.success) {
        const found = zodFieldErrors(parsed.error);
        // Label problems are reported per language.
        for (const issue of parsed.error.issues)
          if (issue.path[0] === 'labels')
            found[String(issue.path[1])] ??= { reason: 'required', message: '' };
        return setErrors(found);
      }
      setErrors({});
      create.mutate(parsed.data, { onSuccess: onClose, onError });
    }
  }

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
              value={code}
              onChange={(event) => setCode(event.currentTarget.value)}
              error={
                errors.code?.reason === 'duplicate'
                  ? t('taxonomies.duplicate')
                  : fieldErrorText(t, errors.code)
              }
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
                value={labels[language]}
                onChange={(event) => {
                  const value = event.currentTarget.value;
                  setLabels((old) => ({ ...old, [language]: value }));
                }}
                error={fieldErrorText(t, errors[language])}
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
