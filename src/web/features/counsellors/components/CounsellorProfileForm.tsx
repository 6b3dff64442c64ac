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
import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  COUNSELLOR_GENDERS,
  COUNSELLOR_STATUSES,
  CounsellorProfileUpdateSchema,
  LANGUAGE_LEVELS,
} from '../../../../shared/counsellors.schema';
import { PROVINCES } from '../../../../shared/places.schema';
import type { CounsellorProfile, CounsellorProfileUpdate } from '../../../../shared/counsellors.schema';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { apiFieldErrors, fieldErrorText, zodFieldErrors } from '../../../components/formErrors';
import type { FieldErrors } from '../../../components/formErrors';
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

/** What the counsellor declared about their background, shown to a coordinator or admin but not editable. */
function DeclaredBackgrounds({ labels }: { labels: string[] }) {
  const { t } = useTranslation();
  const titleId = useId();
  return (
    <Stack gap={2} role="group" aria-labelledby={titleId}>
      <Text size="sm" fw={500} id={titleId}>
        {t('counsellors.backgrounds')}
      </Text>
      <Text size="sm">{labels.length ? labels.join(', ') : t('common.notGiven')}</Text>
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
  const [values, setValues] = useState<Editable>(() => editable(profile));
  const [errors, setErrors] = useState<FieldErrors>({});
  const manager = mode === 'manager';
  const set = <K extends keyof Editable>(key: K, value: Editable[K]) => {
    setValues((old) => ({ ...old, [key]: value }));
    update.reset();
  };
  const error = (key: string) => fieldErrorText(t, errors[key]);

  const places = (municipalities.data?.items ?? []).filter(
    (m) => m.active || m.id === values.homeMunicipalityId || values.servesMunicipalityIds.includes(m.id),
  );
  const placeOptions = places.map((m) => ({ value: m.id, label: `${m.name} (${m.province})` }));
  const languageTerms = taxonomy.ofKind('language').filter((term) => term.active);
  const usedCodes = new Set(values.languages.map((l) => l.code));
  const nextCode = languageTerms.find((term) => !usedCodes.has(term.code))?.code;

  function submit(event: FormEvent) {
    event.preventDefault();
    // The background is self-declared: a coordinator or admin never sends it (the server refuses it too).
    const { backgroundIds: _declared, ...managed } = values;
    const body: Record<string, unknown> = manager
      ? managed
      : Object.fromEntries(SELF_FIELDS.map((key) => [key, values[key]]));
    const parsed = CounsellorProfileUpdateSchema.safeParse(body);
    if (!parsed.success) return setErrors(zodFieldErrors(parsed.error));
    setErrors({});
    update.mutate(parsed.data as CounsellorProfileUpdate, {
      onError: (failure) => setErrors(apiFieldErrors(failure)),
    });
  }

  return (
    <form onSubmit={submit} noValidate aria-label={t('counsellors.profileForm')}>
      <Stack gap="md">
        <ErrorAlert error={update.error} />
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          {manager ? (
            <NativeSelect
              label={t('counsellors.status')}
              value={values.status}
              onChange={(event) => set('status', event.currentTarget.value as Editable['status'])}
              data={COUNSELLOR_STATUSES.map((s) => ({ value: s, label: t(`counsellors.statuses.${s}`) }))}
              error={error('status')}
            />
          ) : null}
          <NativeSelect
            label={t('counsellors.gender')}
            value={values.gender ?? ''}
            onChange={(event) => set('gender', (event.currentTarget.value || null) as Editable['gender'])}
            data={[
              { value: '', label: t('common.notGiven') },
              ...COUNSELLOR_GENDERS.map((g) => ({ value: g, label: t(`counsellors.genders.${g}`) })),
            ]}
            error={error('gender')}
          />
          {manager ? (
            <TextInput
              label={t('counsellors.maxCases')}
              type="number"
              inputMode="numeric"
              min={0}
              max={20}
              value={String(values.maxActiveCases)}
              onChange={(event) => set('maxActiveCases', Number(event.currentTarget.value))}
              error={error('maxActiveCases')}
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
                    value={language.code}
                    style={{ flex: 1 }}
                    onChange={(event) => {
                      const next = [...values.languages];
                      next[index] = { ...language, code: event.currentTarget.value };
                      set('languages', next);
                    }}
                    data={taxonomy
                      .ofKind('language')
                      .filter(
                        (term) => term.code === language.code || (term.active && !usedCodes.has(term.code)),
                      )
                      .map((term) => ({ value: term.code, label: termLabel(term) }))}
                  />
                  <NativeSelect
                    label={t('counsellors.level')}
                    value={language.level}
                    onChange={(event) => {
                      const next = [...values.languages];
                      next[index] = {
                        ...language,
                        level: event.currentTarget.value as (typeof LANGUAGE_LEVELS)[number],
                      };
                      set('languages', next);
                    }}
                    data={LANGUAGE_LEVELS.map((l) => ({ value: l, label: t(`counsellors.levels.${l}`) }))}
                  />
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    size="lg"
                    mb={2}
                    onClick={() =>
                      set(
                        'languages',
                        values.languages.filter((_, i) => i !== index),
                      )
                    }
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
                onClick={() => set('languages', [...values.languages, { code: nextCode, level: 'good' }])}
              >
                {t('counsellors.addLanguage')}
              </Button>
            ) : null}
            {error('languages') ? (
              <Text size="sm" c="red">
                {error('languages')}
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
            value={values.backgroundIds}
            onChange={(ids) => set('backgroundIds', ids)}
            error={error('backgroundIds')}
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
                value={values.homeMunicipalityId}
                onChange={(value) => set('homeMunicipalityId', value)}
                searchable
                clearable
                nothingFoundMessage={t('intake.nothingFound')}
                error={error('homeMunicipalityId')}
              />
              <MultiSelect
                label={t('counsellors.servesProvinces')}
                placeholder={values.servesProvinces.length ? undefined : t('counsellors.typeToSearch')}
                data={[...PROVINCES]}
                value={values.servesProvinces}
                onChange={(value) => set('servesProvinces', value as Editable['servesProvinces'])}
                searchable
                clearable
              />
            </SimpleGrid>
            <MultiSelect
              label={t('counsellors.servesMunicipalities')}
              placeholder={values.servesMunicipalityIds.length ? undefined : t('counsellors.typeToSearch')}
              data={placeOptions}
              value={values.servesMunicipalityIds}
              onChange={(value) => set('servesMunicipalityIds', value)}
              searchable
              clearable
              nothingFoundMessage={t('intake.nothingFound')}
              error={error('servesMunicipalityIds')}
            />
            <Switch
              label={t('counsellors.remote')}
              description={t('counsellors.remoteHint')}
              checked={values.remote}
              onChange={(event) => set('remote', event.currentTarget.checked)}
            />
          </Stack>
        </Fieldset>

        <Fieldset legend={t('counsellors.availability')} variant="filled">
          <Text size="sm" c="dimmed" mb="xs">
            {t('counsellors.availabilityHint')}
          </Text>
          <AvailabilityEditor value={values.availability} onChange={(value) => set('availability', value)} />
          {error('availability') ? (
            <Text size="sm" c="red">
              {error('availability')}
            </Text>
          ) : null}
        </Fieldset>

        {manager ? (
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              type="date"
              label={t('counsellors.vogIssued')}
              value={values.vogIssuedOn ?? ''}
              onChange={(event) => set('vogIssuedOn', event.currentTarget.value || null)}
              error={error('vogIssuedOn')}
              classNames={{ input: 'ltr-text' }}
            />
            <TextInput
              type="date"
              label={t('counsellors.vogExpires')}
              value={values.vogExpiresOn ?? ''}
              onChange={(event) => set('vogExpiresOn', event.currentTarget.value || null)}
              error={error('vogExpiresOn')}
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
