import { Checkbox, Fieldset, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { termLabel, useTaxonomy } from '../../taxonomies/hooks/useTerms';

interface ObservationFieldsProps {
  kind: 'signal' | 'protective';
  value: string[];
  onChange: (ids: string[]) => void;
  error?: string | undefined;
}

/**
 * Signals or protective factors the caller mentions, ticked from the organisation's list. They are facts
 * as told, counted in reports and carried into the case — never added up into a score.
 */
export function ObservationFields({ kind, value, onChange, error }: ObservationFieldsProps) {
  const { t } = useTranslation();
  const taxonomy = useTaxonomy();
  const terms = taxonomy.ofKind(kind).filter((term) => term.active || value.includes(term.id));
  return (
    <Fieldset legend={t(`intake.observations.${kind}`)} variant="filled">
      <Checkbox.Group value={value} onChange={onChange} error={error}>
        <Stack gap="xs">
          <Text size="sm" c="dimmed">
            {t(`intake.observations.${kind}Hint`)}
          </Text>
          {terms.length === 0 ? (
            <Text size="sm">
              {taxonomy.query.isPending ? t('common.loading') : t('intake.observations.none')}
            </Text>
          ) : (
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs" verticalSpacing={6}>
              {terms.map((term) => (
                <Checkbox key={term.id} value={term.id} label={termLabel(term)} />
              ))}
            </SimpleGrid>
          )}
        </Stack>
      </Checkbox.Group>
    </Fieldset>
  );
}
