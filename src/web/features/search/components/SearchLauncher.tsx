import { ActionIcon, Button, Kbd } from '@mantine/core';
import { useDisclosure, useHotkeys } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { SearchDialog, SearchIcon } from './SearchDialog';

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

/**
 * The header's search: a button (an icon on a phone) and the shortcuts Ctrl+K / ⌘K (also from inside a
 * field) and "/" (only when no field has focus, so it can still be typed).
 */
export function SearchLauncher() {
  const { t } = useTranslation();
  const [opened, { open, close }] = useDisclosure(false);
  useHotkeys([['mod+K', open, { preventDefault: true }]], []);
  useHotkeys([['/', open, { preventDefault: true }]]);
  const shortcut = isMac ? '⌘ K' : 'Ctrl K';
  return (
    <>
      <Button
        variant="default"
        size="xs"
        visibleFrom="sm"
        onClick={open}
        leftSection={<SearchIcon size={14} />}
        rightSection={
          <Kbd size="xs" dir="ltr">
            {shortcut}
          </Kbd>
        }
        aria-keyshortcuts="Control+K Meta+K /"
      >
        {t('search.open')}
      </Button>
      <ActionIcon
        variant="default"
        size="lg"
        hiddenFrom="sm"
        onClick={open}
        aria-label={t('search.open')}
        aria-keyshortcuts="Control+K Meta+K /"
      >
        <SearchIcon size={18} />
      </ActionIcon>
      <SearchDialog opened={opened} onClose={close} />
    </>
  );
}
