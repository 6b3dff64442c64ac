import { Alert, Anchor, Badge, Button, Group, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { KnowledgeArticle, KnowledgeLanguage } from '../../../../shared/knowledge.schema';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { formatDateTime } from '../../../components/format';
import { Loading } from '../../../components/Loading';
import { SavedNotice } from '../../../components/SavedNotice';
import { currentLanguage, LANGUAGE_NAMES } from '../../../i18n';
import { useTaxonomy } from '../../taxonomies/hooks/useTerms';
import { useArticle, useReaderLanguage } from '../hooks';
import { ArticleEditor } from './ArticleEditor';
import { HandbookMarkdown } from './HandbookMarkdown';
import { VersionHistory } from './VersionHistory';

interface ArticleViewProps {
  id: string;
  /** The language to open in (a search hit's); the reader's language otherwise. */
  language?: KnowledgeLanguage;
  /** In the case page's drawer: the text only, with a link to the full page for history and editing. */
  compact?: boolean;
  /** Renders the title as the page's h1 (the article page) or an h2 (the drawer). */
  headingOrder?: 1 | 2;
}

/** One article in the chosen language, with a note when it falls back to Dutch, its history and editing. */
export function ArticleView({ id, language: opening, compact = false, headingOrder = 2 }: ArticleViewProps) {
  const { t } = useTranslation();
  const reader = useReaderLanguage();
  const [language, setLanguage] = useState<KnowledgeLanguage>(opening ?? reader);
  const article = useArticle(id, language);
  const taxonomy = useTaxonomy();
  const [editing, setEditing] = useState(false);
  const [showHistory, setShowHistory] = useState(false);
  const [saved, setSaved] = useState<KnowledgeArticle | null>(null);

  if (article.isPending) return <Loading />;
  if (article.isError) return <ErrorAlert error={article.error} />;
  const a = article.data;
  const fellBack = a.language !== a.requested;

  return (
    <Stack gap="sm">
      <Group gap="xs" wrap="wrap">
        <Badge variant="light">{t(`knowledge.categories.${a.category}`)}</Badge>
        {a.termIds.map((termId) => (
          <Badge key={termId} variant="outline" color="gray">
            {taxonomy.label(termId)}
          </Badge>
        ))}
      </Group>
      <Title order={headingOrder} size={headingOrder === 1 ? 'h2' : 'h3'} lang={a.language}>
        <bdi>{a.title}</bdi>
      </Title>
      {a.languages.length > 1 ? (
        <SegmentedControl
          aria-label={t('knowledge.article.readIn')}
          value={a.language}
          onChange={(value) => setLanguage(value)}
          data={a.languages.map((value) => ({
            value,
            label: <span lang={value}>{LANGUAGE_NAMES[value]}</span>,
          }))}
          style={{ alignSelf: 'flex-start' }}
        />
      ) : null}
      {fellBack ? (
        <Alert color="blue" variant="light" role="note">
          {t('knowledge.article.fallback', {
            language: LANGUAGE_NAMES[a.requested],
            shown: LANGUAGE_NAMES[a.language],
          })}
        </Alert>
      ) : null}
      <Text size="xs" c="dimmed">
        {t('knowledge.article.savedLine', {
          version: a.version,
          at: formatDateTime(a.savedAt, currentLanguage()),
          by: a.savedBy ?? t('knowledge.history.starter'),
        })}
      </Text>
      <SavedNotice
        shown={saved !== null && saved.version === a.version}
        title={t('knowledge.article.saved', { version: a.version })}
      />
      <HandbookMarkdown body={a.body} language={a.language} />
      {compact ? (
        <Anchor component={Link} to={`/handbook/${a.id}`} target="_blank" rel="noopener">
          {t('knowledge.article.openFull')}
        </Anchor>
      ) : (
        <>
          <Group gap="sm">
            {a.canEdit ? (
              <Button onClick={() => setEditing(true)}>{t('knowledge.article.edit')}</Button>
            ) : null}
            <Button
              variant="default"
              aria-expanded={showHistory}
              aria-controls="handbook-history"
              onClick={() => setShowHistory((v) => !v)}
            >
              {showHistory ? t('knowledge.article.hideHistory') : t('knowledge.article.showHistory')}
            </Button>
          </Group>
          <div id="handbook-history">
            {showHistory ? (
              <Stack gap="xs">
                <Title order={headingOrder === 1 ? 2 : 3} size="h4">
                  {t('knowledge.history.heading', { language: LANGUAGE_NAMES[a.language] })}
                </Title>
                <VersionHistory key={`${a.language}:${a.version}`} id={a.id} language={a.language} />
              </Stack>
            ) : null}
          </div>
        </>
      )}
      {editing ? (
        <ArticleEditor
          article={a}
          language={a.language}
          onClose={() => setEditing(false)}
          onSaved={(next) => {
            setEditing(false);
            setSaved(next);
            setLanguage(next.language);
          }}
        />
      ) : null}
    </Stack>
  );
}
