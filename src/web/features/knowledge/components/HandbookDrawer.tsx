import { Anchor, Button, Drawer, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { KnowledgeArticleSummary, KnowledgeLanguage } from '../../../../shared/knowledge.schema';
import { ArticleView } from './ArticleView';
import { HandbookSearch } from './HandbookSearch';

export type DrawerContent =
  { kind: 'article'; id: string; language?: KnowledgeLanguage } | { kind: 'search' };

interface HandbookDrawerProps {
  content: DrawerContent | null;
  /** The articles linked to the case's request category, offered under the search. */
  linked: KnowledgeArticleSummary[];
  onShow: (content: DrawerContent) => void;
  onClose: () => void;
}

/**
 * The handbook beside a case: an article or a search, in a drawer over the case page, so the counsellor
 * reads the method without losing their place in the case.
 */
export function HandbookDrawer({ content, linked, onShow, onClose }: HandbookDrawerProps) {
  const { t } = useTranslation();
  return (
    <Drawer
      opened={content !== null}
      onClose={onClose}
      position="right"
      size="lg"
      title={t('knowledge.drawer.title')}
      closeButtonProps={{ 'aria-label': t('knowledge.drawer.close') }}
    >
      {content?.kind === 'article' ? (
        <Stack>
          <Button
            variant="subtle"
            onClick={() => onShow({ kind: 'search' })}
            style={{ alignSelf: 'flex-start' }}
          >
            {t('knowledge.drawer.backToSearch')}
          </Button>
          <ArticleView
            key={`${content.id}:${content.language ?? ''}`}
            id={content.id}
            language={content.language}
            compact
          />
        </Stack>
      ) : null}
      {content?.kind === 'search' ? (
        <Stack>
          <HandbookSearch
            idPrefix="case-handbook"
            onOpen={(hit) => onShow({ kind: 'article', id: hit.articleId, language: hit.language })}
          />
          {linked.length > 0 ? (
            <Stack gap={4}>
              <Title order={2} size="h5">
                {t('knowledge.caseLinks.forCategory')}
              </Title>
              {linked.map((article) => (
                <Anchor
                  key={article.id}
                  component="button"
                  type="button"
                  onClick={() => onShow({ kind: 'article', id: article.id })}
                  style={{ textAlign: 'start' }}
                  lang={article.language}
                >
                  {article.title}
                </Anchor>
              ))}
            </Stack>
          ) : null}
          <Text size="sm">
            <Anchor component={Link} to="/handbook" target="_blank" rel="noopener">
              {t('knowledge.drawer.openHandbook')}
            </Anchor>
          </Text>
        </Stack>
      ) : null}
    </Drawer>
  );
}
