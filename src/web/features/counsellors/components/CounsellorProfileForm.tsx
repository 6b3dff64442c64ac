import {
  ActionIcon,
  Button,
  Checkbox,
  Fieldset,
  Group,
  MultiSelect,
  NativeSelect,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  TextInput,
} from '@mantine/core';
import type { FormErrors } from '@mantine/form';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import {
  COUNSELLOR_GENDERS,
  COUNSELLOR_STATUSES,
  CounsellorProfileUpdateSchema,
  LANGUAGE_LEVELS,
} from '../../../../shared/counsellors.schema';
import { PROVINCES } from '../../../../shared/places.schema';
import type { CounsellorProfile } from '../../../../shared/counsellors.schema';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { formatList } from '../../../components/format';
import { currentLanguage } from '../../../i18n';
import { useSchemaForm } from '../../../components/useSchemaForm';
import { termLabel, useTaxonomy } from '../../taxonomies/hooks/useTerms';
import { useMunicipalities } from '../hooks';
import type { ProfileMutations } from '../hooks';
import { AvailabilityEditor } from './AvailabilityEditor';
import { SavedNotice } from '../../../components/SavedNotice';

type Editable = Omit<CounsellorProfile, 'userId' | 'name' | 'activeCases' | 'trainedUntil'>;

const SELF_FIELDS = [
  'gender',
  'languages',
  'backgroundIds',
  'homeMunicipalityId',
  'servesMunicipalityIds',
  'servesProvinces',
  'remote',
  'availability',
] as const;

function editable(profile: CounsellorProfile): Editable {
  const { userId: _u, name: _n, activeCases: _a, trainedUntil: _t, ...rest } = profile;
  return rest;
}

/** The first problem on a path or inside it (a list's own problem, or one of its items'). */
function errorWithin(errors: FormErrors, path: string) {
  return Object.entries(errors).find(([key]) => key === path || key.startsWith(`${path}.`))?.[1];
}

/** What the counsellor declared about their background, shown to a coordinator or admin but not editable. */
function DeclaredBackgrounds({ labels }: { labels: string[] }) {
  const { t } = useTranslation();
  const titleId = useId();
  return (
    <Stack gap={2} role="group" aria-labelledby={titleId}>
      <Text size="sm" fw={500} id={titleId}>
        {t('counsellors.backgrounds')}
      </Text>
      <Text size="sm">{labels.length ? formatList(labels, currentLanguage()) : t('common.notGiven')}</Text>
      <Text size="xs" c="dimmed">
        {t('counsellors.backgroundsSelfOnly')}
      </Text>
    </Stack>
  );
}

interface CounsellorProfileFormProps {
  profile: CounsellorProfile;
  /** `self`: a counsellor on their own profile; only the self-service fields can be changed. */
  mode: 'manager' | 'self';
  /**
   * The save, owned by the page: a saved profile re-keys (remounts) this form with the new data, and the
   * confirmation must survive that.
   */
  update: ProfileMutations['update'];
}

/** A counsellor's matching profile: what matching filters and scores on, all in one form. */
export function CounsellorProfileForm({ profile, mode, update }: CounsellorProfileFormProps) {
  const { t } = useTranslation();
  const taxonomy = useTaxonomy();
  const municipalities = useMunicipalities();
  const manager = mode === 'manager';
  const { form, onSubmit, showServerErrors } = useSchemaForm({
    initialValues: editable(profile),
    schema: CounsellorProfileUpdateSchema,
    toInput: (values) => {
      // The background is self-declared: a coordinator or admin never sends it (the server refuses it too).
      const { backgroundIds: _declared, ...managed } = values;
      return manager ? managed : Object.fromEntries(SELF_FIELDS.map((key) => [key, values[key]]));
    },
    // A change hides the last save's confirmation.
    onValuesChange: () => update.reset(),
  });
  const values = form.values;
  const availabilityError = errorWithin(form.errors, 'availability');

  const places = (municipalities.data?.items ?? []).filter(
    (m) => m.active || m.id === values.homeMunicipalityId || values.servesMunicipalityIds.includes(m.id),
  );
  const placeOptions = places.map((m) => ({ value: m.id, label: `${m.name} (${m.province})` }));
  const languageTerms = taxonomy.ofKind('language').filter((term) => term.active);
  const usedCodes = new Set(values.languages.map((l) => l.code));
  const nextCode = languageTerms.find((term) => !usedCodes.has(term.code))?.code;

  const submit = onSubmit((data) => update.mutate(data, { onError: showServerErrors }));

  return (
    <form onSubmit={submit} noValidate aria-label={t('counsellors.profileForm')}>
      <Stack gap="md">
        <ErrorAlert error={update.error} />
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          {manager ? (
            <NativeSelect
              label={t('counsellors.status')}
              {...form.getInputProps('status')}
              data={COUNSELLOR_STATUSES.map((s) => ({ value: s, label: t(`counsellors.statuses.${s}`) }))}
            />
          ) : null}
          <NativeSelect
            label={t('counsellors.gender')}
            value={values.gender ?? ''}
            onChange={(event) =>
              form.setFieldValue(
                'gender',
                COUNSELLOR_GENDERS.find((gender) => gender === event.currentTarget.value) ?? null,
              )
            }
            data={[
              { value: '', label: t('common.notGiven') },
              ...COUNSELLOR_GENDERS.map((g) => ({ value: g, label: t(`counsellors.genders.${g}`) })),
            ]}
            error={form.errors.gender}
          />
          {manager ? (
            <TextInput
              label={t('counsellors.maxCases')}
              type="number"
              inputMode="numeric"
              min={0}
              max={20}
              {...form.getInputProps('maxActiveCases')}
              value={String(values.maxActiveCases)}
              onChange={(event) => form.setFieldValue('maxActiveCases', Number(event.currentTarget.value))}
            />
          ) : null}
        </SimpleGrid>

        <Fieldset legend={t('counsellors.languages')} variant="filled">
          <Stack gap="xs">
            {values.languages.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t('counsellors.noLanguages')}
              </Text>
            ) : null}
            {values.languages.map((language, index) => {
              const name = termLabel(languageTerms.find((term) => term.code === language.code));
              return (
                <Group key={index} gap="xs" wrap="nowrap" align="flex-end">
                  <NativeSelect
                    label={t('counsellors.language')}
                    {...form.getInputProps(`languages.${index}.code`)}
                    style={{ flex: 1 }}
                    data={taxonomy
                      .ofKind('language')
                      .filter(
                        (term) => term.code === language.code || (term.active && !usedCodes.has(term.code)),
                      )
                      .map((term) => ({ value: term.code, label: termLabel(term) }))}
                  />
                  <NativeSelect
                    label={t('counsellors.level')}
                    {...form.getInputProps(`languages.${index}.level`)}
                    data={LANGUAGE_LEVELS.map((l) => ({ value: l, label: t(`counsellors.levels.${l}`) }))}
                  />
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    size="lg"
                    mb={2}
                    onClick={() => form.removeListItem('languages', index)}
                    aria-label={t('counsellors.removeLanguage', { language: name })}
                  >
                    ×
                  </ActionIcon>
                </Group>
              );
            })}
            {nextCode ? (
              <Button
                size="xs"
                variant="default"
                style={{ alignSelf: 'flex-start' }}
                onClick={() => form.insertListItem('languages', { code: nextCode, level: 'good' })}
              >
                {t('counsellors.addLanguage')}
              </Button>
            ) : null}
            {form.errors.languages ? (
              <Text size="sm" c="red">
                {form.errors.languages}
              </Text>
            ) : null}
          </Stack>
        </Fieldset>

        {manager ? (
          <DeclaredBackgrounds labels={values.backgroundIds.map((id) => taxonomy.label(id))} />
        ) : (
          <Checkbox.Group
            label={t('counsellors.backgrounds')}
            description={t('counsellors.backgroundsHint')}
            {...form.getInputProps('backgroundIds')}
          >
            <Group gap="md" mt={6}>
              {taxonomy.options('background').map((option) => (
                <Checkbox key={option.value} value={option.value} label={option.label} />
              ))}
              {values.backgroundIds
                .filter((id) => !taxonomy.options('background').some((o) => o.value === id))
                .map((id) => (
                  <Checkbox key={id} value={id} label={taxonomy.label(id)} />
                ))}
            </Group>
          </Checkbox.Group>
        )}

        <Fieldset legend={t('counsellors.area')} variant="filled">
          <Stack gap="sm">
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <Select
                label={t('counsellors.home')}
                placeholder={t('counsellors.typeToSearch')}
                data={placeOptions}
                {...form.getInputProps('homeMunicipalityId')}
                searchable
                clearable
                nothingFoundMessage={t('intake.nothingFound')}
              />
              <MultiSelect
                label={t('counsellors.servesProvinces')}
                placeholder={values.servesProvinces.length ? undefined : t('counsellors.typeToSearch')}
                data={[...PROVINCES]}
                {...form.getInputProps('servesProvinces')}
                searchable
                clearable
              />
            </SimpleGrid>
            <MultiSelect
              label={t('counsellors.servesMunicipalities')}
              placeholder={values.servesMunicipalityIds.length ? undefined : t('counsellors.typeToSearch')}
              data={placeOptions}
              {...form.getInputProps('servesMunicipalityIds')}
              searchable
              clearable
              nothingFoundMessage={t('intake.nothingFound')}
            />
            <Switch
              label={t('counsellors.remote')}
              description={t('counsellors.remoteHint')}
              {...form.getInputProps('remote', { type: 'checkbox' })}
            />
          </Stack>
        </Fieldset>

        <Fieldset legend={t('counsellors.availability')} variant="filled">
          <Text size="sm" c="dimmed" mb="xs">
            {t('counsellors.availabilityHint')}
          </Text>
          <AvailabilityEditor
            value={values.availability}
            onChange={(value) => form.setFieldValue('availability', value)}
          />
          {availabilityError ? (
            <Text size="sm" c="red">
              {availabilityError}
            </Text>
          ) : null}
        </Fieldset>

        {manager ? (
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              type="date"
              label={t('counsellors.vogIssued')}
              value={values.vogIssuedOn ?? ''}
              onChange={(event) => form.setFieldValue('vogIssuedOn', event.currentTarget.value || null)}
              error={form.errors.vogIssuedOn}
              classNames={{ input: 'ltr-text' }}
            />
            <TextInput
              type="date"
              label={t('counsellors.vogExpires')}
              value={values.vogExpiresOn ?? ''}
              onChange={(event) => form.setFieldValue('vogExpiresOn', event.currentTarget.value || null)}
              error={form.errors.vogExpiresOn}
              classNames={{ input: 'ltr-text' }}
            />
          </SimpleGrid>
        ) : null}
        <SavedNotice shown={update.isSuccess} title={t('counsellors.saved')} />
        <Group>
          <Button type="submit" loading={update.isPending}>
            {t('counsellors.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
