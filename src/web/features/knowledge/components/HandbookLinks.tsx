import { Anchor, Button, Group, Paper, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useArticles } from '../hooks';
import { HandbookDrawer, type DrawerContent } from './HandbookDrawer';

/**
 * On the case page: the handbook articles for the case's request category and a way into the whole
 * handbook, both opening in a drawer over the case.
 */
export function HandbookLinks({ categoryId }: { categoryId: string }) {
  const { t } = useTranslation();
  const linked = useArticles(categoryId);
  const [content, setContent] = useState<DrawerContent | null>(null);
  const items = linked.data?.items ?? [];

  return (
    <Paper withBorder p="xs" component="nav" aria-label={t('knowledge.caseLinks.label')}>
      <Group gap="xs" wrap="wrap">
        <Text size="sm" fw={700}>
          {t('knowledge.caseLinks.label')}:
        </Text>
        {items.map((article) => (
          <Anchor
            key={article.id}
            component="button"
            type="button"
            size="sm"
            lang={article.language}
            onClick={() => setContent({ kind: 'article', id: article.id })}
          >
            {article.title}
          </Anchor>
        ))}
        {linked.isSuccess && items.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('knowledge.caseLinks.none')}
          </Text>
        ) : null}
        <Button size="compact-sm" variant="light" ms="auto" onClick={() => setContent({ kind: 'search' })}>
          {t('knowledge.caseLinks.search')}
        </Button>
      </Group>
      <HandbookDrawer content={content} linked={items} onShow={setContent} onClose={() => setContent(null)} />
    </Paper>
  );
}
