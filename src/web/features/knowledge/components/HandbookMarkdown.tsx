import { Typography } from '@mantine/core';
import { useMemo } from 'react';
import type { KnowledgeLanguage } from '../../../../shared/knowledge.schema';
import { renderHandbookMarkdown } from '../../../../shared/knowledge.markdown';
import { directionOf } from '../../../i18n';

/**
 * An article body. The HTML comes from the handbook's Markdown renderer, which escapes raw HTML, renders no
 * images and only safe links, so it is safe to insert. Marked with its own language and direction, so an
 * Arabic article reads right-to-left inside a Dutch screen and screen readers pick the right voice.
 */
export function HandbookMarkdown({ body, language }: { body: string; language: KnowledgeLanguage }) {
  const html = useMemo(() => renderHandbookMarkdown(body), [body]);
  return (
    <Typography>
      <div lang={language} dir={directionOf(language)} dangerouslySetInnerHTML={{ __html: html }} />
    </Typography>
  );
}
