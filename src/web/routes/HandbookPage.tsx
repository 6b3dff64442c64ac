import { Anchor, Badge, Button, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { KNOWLEDGE_CATEGORIES } from '../../shared/knowledge.schema';
import { EmptyState } from '../components/EmptyState';
import { ErrorAlert } from '../components/ErrorAlert';
import { Loading } from '../components/Loading';
import { PageHeading } from '../components/PageHeading';
import { ArticleEditor } from '../features/knowledge/components/ArticleEditor';
import { HandbookSearch } from '../features/knowledge/components/HandbookSearch';
import { useArticles, useReaderLanguage } from '../features/knowledge/hooks';
import { LANGUAGE_NAMES } from '../i18n';

/** The handbook: search, and the articles by chapter in the reader's language. */
export default function HandbookPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const reader = useReaderLanguage();
  const articles = useArticles();
  const [creating, setCreating] = useState(false);
  const items = articles.data?.items ?? [];

  return (
    <Stack maw={1100}>
      <PageHeading>{t('titles.handbook')}</PageHeading>
      <Text size="sm">{t('knowledge.intro')}</Text>
      <Paper withBorder p="md">
        <HandbookSearch
          onOpen={(hit) => void navigate(`/handbook/${hit.articleId}`, { state: { language: hit.language } })}
        />
      </Paper>
      <Group justify="space-between">
        <Title order={2} size="h3">
          {t('knowledge.contents')}
        </Title>
        {articles.data?.canEdit ? (
          <Button onClick={() => setCreating(true)}>{t('knowledge.add')}</Button>
        ) : null}
      </Group>
      <ErrorAlert error={articles.error} />
      {articles.isPending ? <Loading /> : null}
      {articles.isSuccess && items.length === 0 ? <EmptyState title={t('knowledge.empty')} /> : null}
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        {KNOWLEDGE_CATEGORIES.map((category) => {
          const inCategory = items.filter((a) => a.category === category);
          if (inCategory.length === 0) return null;
          return (
            <Paper
              key={category}
              withBorder
              p="md"
              component="section"
              aria-labelledby={`chapter-${category}`}
            >
              <Title order={3} size="h4" id={`chapter-${category}`} mb="xs">
                {t(`knowledge.categories.${category}`)}
              </Title>
              <Stack gap={6} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
                {inCategory.map((a) => (
                  <li key={a.id}>
                    <Group gap="xs" wrap="wrap">
                      <Anchor component={Link} to={`/handbook/${a.id}`} lang={a.language}>
                        {a.title}
                      </Anchor>
                      {a.language !== reader ? (
                        <Badge variant="light" color="gray" size="sm" lang={a.language}>
                          {LANGUAGE_NAMES[a.language]}
                        </Badge>
                      ) : null}
                    </Group>
                  </li>
                ))}
              </Stack>
            </Paper>
          );
        })}
      </SimpleGrid>
      {creating ? (
        <ArticleEditor
          language={reader}
          onClose={() => setCreating(false)}
          onSaved={(article) => {
            setCreating(false);
            void navigate(`/handbook/${article.id}`);
          }}
        />
      ) : null}
    </Stack>
  );
}
