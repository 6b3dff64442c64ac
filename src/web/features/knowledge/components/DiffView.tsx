import { Paper, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DiffPart, KnowledgeDiff } from '../../../../shared/knowledge.schema';
import { directionOf } from '../../../i18n';

/**
 * Changed words marked three ways, so colour is never the only cue: `<ins>`/`<del>` elements (announced by
 * screen readers that support them), a visually hidden "added:"/"removed:" before each change, and underline
 * versus strike-through with a + or − sign.
 */
const ADDED = {
  textDecoration: 'underline',
  textDecorationThickness: 2,
  background: 'var(--mantine-color-teal-1)',
  color: 'var(--mantine-color-black)',
} as const;
const REMOVED = {
  textDecoration: 'line-through',
  background: 'var(--mantine-color-red-1)',
  color: 'var(--mantine-color-black)',
} as const;

function Parts({ parts }: { parts: DiffPart[] }) {
  const { t } = useTranslation();
  return (
    <>
      {parts.map((part, index) => {
        if (part.kind === 'same') return <span key={index}>{part.text}</span>;
        const added = part.kind === 'added';
        const Tag = added ? 'ins' : 'del';
        // Leading spaces stay outside the mark, so the sign sits against the changed word.
        const lead = /^\s*/.exec(part.text)?.[0] ?? '';
        return (
          <span key={index}>
            {lead}
            <Tag style={added ? ADDED : REMOVED}>
              <VisuallyHidden>
                {t(added ? 'knowledge.diff.addedMark' : 'knowledge.diff.removedMark')}
              </VisuallyHidden>
              <span aria-hidden="true" style={{ fontWeight: 700 }}>
                {added ? '+' : '−'}
              </span>
              {part.text.slice(lead.length)}
            </Tag>
          </span>
        );
      })}
    </>
  );
}

export function DiffView({ diff }: { diff: KnowledgeDiff }) {
  const { t } = useTranslation();
  const dir = directionOf(diff.language);
  const unchanged = diff.added === 0 && diff.removed === 0;
  return (
    <Stack gap="xs">
      <Text size="sm" role="status">
        {unchanged
          ? t('knowledge.diff.none')
          : t('knowledge.diff.summary', { added: diff.added, removed: diff.removed })}
      </Text>
      <Text size="xs" c="dimmed">
        {t('knowledge.diff.legend')}
      </Text>
      <Paper withBorder p="sm" lang={diff.language} dir={dir}>
        <Title order={3} size="h5" mb="xs">
          <Parts parts={diff.title} />
        </Title>
        <div style={{ whiteSpace: 'pre-wrap', lineHeight: 1.6 }}>
          <Parts parts={diff.body} />
        </div>
      </Paper>
    </Stack>
  );
}
