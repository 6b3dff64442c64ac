import { Alert, Badge, Button, Group, List, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { KnownCaller } from '../api';
import { withIsolated } from '../../../components/isolate';

interface KnownCallerNoticeProps {
  caller: KnownCaller | undefined;
  linkedCaseId: string;
  onLink: (caseId: string) => void;
}

/** "Known caller": the existing cases (reference, state, counsellor — no content) and a way to link. */
export function KnownCallerNotice({ caller, linkedCaseId, onLink }: KnownCallerNoticeProps) {
  const { t } = useTranslation();
  if (!caller?.known) return null;
  return (
    <Alert color="blue" variant="light" title={t('intake.knownCaller')} role="status">
      {caller.cases.length === 0 ? <Text size="sm">{t('intake.knownCallerNoCase')}</Text> : null}
      <List spacing="xs" listStyleType="none">
        {caller.cases.map((item) => (
          <List.Item key={item.id}>
            <Group gap="xs" wrap="wrap">
              <Text fw={600} className="ltr-text">
                {item.reference}
              </Text>
              <Badge variant="light" tt="none">
                {t(`caseStates.${item.state}`)}
              </Badge>
              <Text size="sm">{item.counsellorName ?? t('cases.noCounsellor')}</Text>
              <Button
                size="xs"
                variant={linkedCaseId === item.id ? 'filled' : 'default'}
                onClick={() => onLink(item.id)}
                aria-pressed={linkedCaseId === item.id}
              >
                {withIsolated((reference) => t('intake.linkToCase', { reference }), item.reference)}
              </Button>
            </Group>
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}
