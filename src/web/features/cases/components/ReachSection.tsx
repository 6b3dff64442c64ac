import { Anchor, Badge, Button, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { Loading } from '../../../components/Loading';
import { fetchReach, reachKey, revealPhone } from '../api';
import { Section } from './Section';

/** A shown number disappears again by itself, so it does not stay on an unattended screen. */
const PHONE_VISIBLE_MS = 60_000;

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed" component="dt">
        {label}
      </Text>
      <Text size="sm" component="dd" m={0}>
        {children}
      </Text>
    </div>
  );
}

/**
 * How to reach the family safely: callback preferences from the latest call, and the phone number only
 * after a click (the server decrypts it for that request and logs it). Nothing of it is cached.
 */
export function ReachSection({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const reach = useQuery({ queryKey: reachKey(caseId), queryFn: () => fetchReach(caseId), gcTime: 0 });
  const phone = useMutation({ mutationFn: () => revealPhone(caseId), gcTime: 0 });
  const shown = phone.data?.phone;
  const hide = phone.reset;

  useEffect(() => {
    if (!shown) return;
    const timer = setTimeout(hide, PHONE_VISIBLE_MS);
    return () => clearTimeout(timer);
  }, [shown, hide]);

  const yesNo = (value: boolean | null) =>
    value === null ? (
      t('reach.unknown')
    ) : (
      <Badge variant="light" color={value ? 'teal' : 'orange'} size="sm">
        {value ? t('common.yes') : t('common.no')}
      </Badge>
    );

  return (
    <Section id="reach" title={t('reach.title')}>
      {reach.isPending ? <Loading /> : null}
      <ErrorAlert error={reach.error ?? phone.error} />
      {reach.data ? (
        <Stack gap="sm">
          <Group gap="sm" align="center">
            <Text size="sm" fw={600} id="reach-phone-label">
              {t('reach.phone')}:
            </Text>
            {!reach.data.hasPhone ? (
              <Text size="sm">{t('reach.noPhone')}</Text>
            ) : shown ? (
              <>
                <Anchor href={`tel:${shown}`} size="sm" dir="ltr" aria-describedby="reach-phone-label">
                  {shown}
                </Anchor>
                <Button size="xs" variant="default" onClick={hide}>
                  {t('reach.hidePhone')}
                </Button>
              </>
            ) : (
              <Button size="xs" variant="default" loading={phone.isPending} onClick={() => phone.mutate()}>
                {t('reach.showPhone')}
              </Button>
            )}
          </Group>
          {reach.data.hasPhone && !shown ? (
            <Text size="xs" c="dimmed">
              {t('reach.showPhoneHint')}
            </Text>
          ) : null}
          <SimpleGrid cols={{ base: 2, sm: 5 }} spacing="sm" component="dl" m={0}>
            <Fact label={t('reach.mayCallBack')}>{yesNo(reach.data.mayCallBack)}</Fact>
            <Fact label={t('reach.mayLeaveMessage')}>{yesNo(reach.data.mayLeaveMessage)}</Fact>
            <Fact label={t('reach.safeTimes')}>
              <span dir="auto">{reach.data.safeTimes || t('reach.unknown')}</span>
            </Fact>
            <Fact label={t('reach.safeChannel')}>
              {reach.data.safeChannel ? t(`channels.${reach.data.safeChannel}`) : t('reach.unknown')}
            </Fact>
            <Fact label={t('reach.language')}>
              {reach.data.language
                ? t(`conversationLanguages.${reach.data.language}`, { defaultValue: reach.data.language })
                : t('reach.unknown')}
            </Fact>
          </SimpleGrid>
        </Stack>
      ) : null}
    </Section>
  );
}
