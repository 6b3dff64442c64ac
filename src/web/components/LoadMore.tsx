import { Button, Center } from '@mantine/core';
import { useTranslation } from 'react-i18next';

interface LoadMoreProps {
  hasNextPage: boolean;
  loading: boolean;
  onClick: () => void;
}

/** "Load more" for keyset-paged lists; hidden when there is no next page. */
export function LoadMore({ hasNextPage, loading, onClick }: LoadMoreProps) {
  const { t } = useTranslation();
  if (!hasNextPage) return null;
  return (
    <Center>
      <Button variant="default" loading={loading} onClick={onClick}>
        {t('common.loadMore')}
      </Button>
    </Center>
  );
}
