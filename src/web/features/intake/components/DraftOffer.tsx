import { Alert, Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../components/format';
import { currentLanguage } from '../../../i18n';
import type { Draft } from '../api';

interface DraftOfferProps {
  draft: Draft;
  onResume: () => void;
  onDiscard: () => void;
}

/** An unfinished call from before (the browser closed, the line dropped): resume it or throw it away. */
export function DraftOffer({ draft, onResume, onDiscard }: DraftOfferProps) {
  const { t } = useTranslation();
  return (
    <Alert color="yellow" variant="light" title={t('intake.draftFound')} maw={760}>
      {t('intake.draftFoundBody', { when: formatDateTime(draft.updatedAt, currentLanguage()) })}
      <Group mt="sm" gap="sm">
        <Button size="xs" onClick={onResume}>
          {t('intake.resumeDraft')}
        </Button>
        <Button size="xs" variant="default" onClick={onDiscard}>
          {t('intake.discardDraft')}
        </Button>
      </Group>
    </Alert>
  );
}
