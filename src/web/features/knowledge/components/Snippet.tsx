import { Text } from '@mantine/core';
import { HIGHLIGHT_START, HIGHLIGHT_STOP } from '../../../../shared/knowledge.schema';

/** A search snippet with the matched words in `<mark>` (announced as highlighted, and bold, not colour only). */
export function Snippet({ text, lang }: { text: string; lang: string }) {
  const parts = text.split(HIGHLIGHT_START);
  return (
    <Text size="sm" lang={lang}>
      <bdi>
        {parts.map((part, index) => {
          if (index === 0) return part;
          const [hit = '', rest = ''] = part.split(HIGHLIGHT_STOP);
          return (
            <span key={index}>
              <mark style={{ fontWeight: 700 }}>{hit}</mark>
              {rest}
            </span>
          );
        })}
      </bdi>
    </Text>
  );
}
