import { Alert, Anchor, Button, Group, Stack, Text } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { IntakeResult } from '../api';
import { withIsolated } from '../../../components/isolate';

interface IntakeDoneProps {
  result: IntakeResult;
  linked: boolean;
  onNext: () => void;
}

/** After a save: the case reference with a link (focused, so Enter opens it) or "advice only", and "next call". */
export function IntakeDone({ result, linked, onNext }: IntakeDoneProps) {
  const { t } = useTranslation();
  const first = useRef<HTMLAnchorElement & HTMLButtonElement>(null);
  useEffect(() => first.current?.focus(), []);
  const ref = result.caseReference;
  const title = !ref
    ? t('intake.savedInfoOnly')
    : withIsolated((reference) => t(linked ? 'intake.savedLinked' : 'intake.savedCase', { reference }), ref);
  return (
    <Stack maw={640}>
      <Alert color="teal" variant="light" role="status" title={title}>
        {result.urgent ? (
          <Text c="red.8" fw={600}>
            {t('intake.urgentSent')}
          </Text>
        ) : null}
      </Alert>
      <Group>
        {result.caseId && result.caseReference ? (
          <Anchor component={Link} to={`/cases/${result.caseId}`} ref={first} fw={600}>
            {withIsolated((reference) => t('intake.openCase', { reference }), result.caseReference)}
          </Anchor>
        ) : null}
        <Button ref={result.caseId ? undefined : first} onClick={onNext}>
          {t('intake.nextCall')}
        </Button>
      </Group>
    </Stack>
  );
}
