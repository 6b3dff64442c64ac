import { Anchor, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { KnowledgeLanguageSchema } from '../../shared/knowledge.schema';
import { usePageTitle } from '../components/usePageTitle';
import { ArticleView } from '../features/knowledge/components/ArticleView';

/** One handbook article (its id in the address; the language a search hit was in, in the history state). */
export default function HandbookArticlePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { state } = useLocation() as { state: { language?: unknown } | null };
  const parsed = KnowledgeLanguageSchema.safeParse(state?.language);
  usePageTitle(t('titles.handbook'));
  return (
    <Stack maw={860}>
      <Anchor component={Link} to="/handbook">
        {t('knowledge.backToHandbook')}
      </Anchor>
      <ArticleView key={id} id={id} headingOrder={1} {...(parsed.success ? { language: parsed.data } : {})} />
    </Stack>
  );
}
