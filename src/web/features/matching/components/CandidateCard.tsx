import { Badge, Button, Group, List, Paper, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { HardFilter, ScorePart } from '../../../../shared/matching.schema';
import { useTaxonomy } from '../../taxonomies/hooks/useTerms';
import { partText } from '../labels';

interface CandidateCardProps {
  rank?: number;
  name: string;
  score: number;
  parts: ScorePart[];
  /** The hard filter a next-best suggestion fails. */
  fails?: HardFilter;
  offering?: boolean;
  disabled?: boolean;
  onOffer?: () => void;
}

/** One counsellor of the shortlist: rank, name, score and every part of it as a readable reason. */
export function CandidateCard({
  rank,
  name,
  score,
  parts,
  fails,
  offering,
  disabled,
  onOffer,
}: CandidateCardProps) {
  const { t } = useTranslation();
  const taxonomy = useTaxonomy();
  const reasons = parts.filter((part) => part.points > 0 || part.code === 'speaks_language');
  return (
    <Paper withBorder p="sm" component="li" style={{ listStyle: 'none' }}>
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
        <div style={{ minWidth: 0, flex: '1 1 220px' }}>
          <Group gap="xs" wrap="wrap">
            {rank !== undefined ? (
              <Text fw={700} c="dimmed" aria-hidden className="ltr-text">
                {rank}.
              </Text>
            ) : null}
            <Text fw={700} dir="auto">
              {name}
            </Text>
            <Badge variant="light" tt="none">
              {t('matching.points', { n: score })}
            </Badge>
            {fails ? (
              <Badge color="orange" variant="light" tt="none">
                {t(`matching.fails.${fails}`)}
              </Badge>
            ) : null}
          </Group>
          <List size="sm" spacing={2} mt={4} aria-label={t('matching.reasonsFor', { name })}>
            {reasons.map((part) => (
              <List.Item key={part.code}>
                {partText(t, taxonomy, part)}
                {part.points > 0 ? (
                  <>
                    {' '}
                    <Text span size="xs" c="dimmed" className="ltr-text">
                      (+{part.points})
                    </Text>
                  </>
                ) : null}
              </List.Item>
            ))}
          </List>
        </div>
        {onOffer ? (
          <Button
            size="sm"
            onClick={onOffer}
            loading={offering}
            disabled={disabled}
            aria-label={t('matching.offerTo', { name })}
          >
            {t('matching.offer')}
          </Button>
        ) : null}
      </Group>
    </Paper>
  );
}
