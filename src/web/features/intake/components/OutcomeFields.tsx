import { Checkbox, NativeSelect, Radio, Stack } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import type { Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type { KnownCaller } from '../api';
import type { IntakeValues } from '../form';

interface OutcomeFieldsProps {
  form: UseFormReturnType<IntakeValues>;
  knownCases: KnownCaller['cases'];
  /** The last tick: Enter on it saves. */
  lastRef: Ref<HTMLInputElement>;
}

/** What comes of the call (information only, a new case, or a link to a known one) and the confidentiality tick. */
export function OutcomeFields({ form, knownCases, lastRef }: OutcomeFieldsProps) {
  const { t } = useTranslation();
  const outcomeError = form.errors.outcome ?? form.errors.linkCaseId;
  return (
    <>
      <Radio.Group
        label={t('intake.outcome')}
        {...form.getInputProps('outcome')}
        error={outcomeError}
        data-invalid-group={outcomeError ? '' : undefined}
        required
      >
        <Stack gap="xs" mt={6}>
          <Radio value="info_only" label={t('intake.outcomes.info_only')} />
          <Radio value="open_case" label={t('intake.outcomes.open_case')} />
          <Radio
            value="link_case"
            label={t('intake.outcomes.link_case')}
            description={knownCases.length === 0 ? t('intake.linkNeedsKnownCaller') : undefined}
            disabled={knownCases.length === 0}
          />
        </Stack>
      </Radio.Group>
      {form.values.outcome === 'link_case' && knownCases.length > 0 ? (
        <NativeSelect
          label={t('intake.linkCase')}
          {...form.getInputProps('linkCaseId')}
          data={[
            { value: '', label: t('intake.chooseCase') },
            ...knownCases.map((item) => ({ value: item.id, label: item.reference })),
          ]}
        />
      ) : null}
      <Checkbox
        ref={lastRef}
        label={t('intake.confidentiality')}
        description={t('intake.confidentialityHint')}
        {...form.getInputProps('confidentialityExplained', { type: 'checkbox' })}
        required
      />
    </>
  );
}
