import { Alert, Anchor, Badge, Button, Card, Group, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { EmergencyRequest } from '../../../../shared/emergency.schema';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { formatDateTime } from '../../../components/format';
import { isolatedValues } from '../../../components/isolate';
import { Loading } from '../../../components/Loading';
import { currentLanguage } from '../../../i18n';
import { DownloadLink } from '../../consent/components/DownloadLink';
import { SummaryView } from '../../consent/components/SummaryView';
import { categoryLabels, joinList, PARTNER_LANGUAGE } from '../../consent/labels';
import { emergencySummaryPdfUrl } from '../api';
import type { EmergencyStatus } from '../api';
import { useEmergencyMutations, useEmergencySummary } from '../hooks';

const COLOURS: Record<EmergencyStatus, string> = {
  pending: 'orange',
  approved: 'teal',
  rejected: 'gray',
  disclosed: 'indigo',
  cancelled: 'gray',
};

export function EmergencyStatusBadge({ status }: { status: EmergencyStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={COLOURS[status]} variant={status === 'pending' ? 'filled' : 'light'} tt="none">
      {t(`emergency.statuses.${status}`)}
    </Badge>
  );
}

function EmergencySummary({ id }: { id: string }) {
  const summary = useEmergencySummary(id, currentLanguage(), true);
  if (summary.isPending) return <Loading />;
  if (summary.isError) return <ErrorAlert error={summary.error} />;
  return <SummaryView summary={summary.data} />;
}

/** Approve (asked again, it allows sharing without consent) or reject, with a note. */
function DecisionControls({ request }: { request: EmergencyRequest }) {
  const { t } = useTranslation();
  const { decide } = useEmergencyMutations();
  const [note, setNote] = useState('');
  const [confirming, setConfirming] = useState<'approve' | 'reject' | null>(null);
  const reference = request.caseReference;
  return (
    <Stack gap="xs">
      <Textarea
        label={t('approvals.note')}
        description={t('approvals.noteHint')}
        value={note}
        onChange={(event) => setNote(event.currentTarget.value)}
        maxLength={2000}
        autosize
        minRows={2}
        dir="auto"
      />
      <Group gap="xs">
        <Button
          color="red"
          onClick={() => setConfirming('approve')}
          aria-label={t('approvals.approveFor', { reference })}
        >
          {t('approvals.approve')}
        </Button>
        <Button
          variant="default"
          onClick={() => setConfirming('reject')}
          aria-label={t('approvals.rejectFor', { reference })}
        >
          {t('approvals.reject')}
        </Button>
      </Group>
      <ConfirmDialog
        opened={confirming !== null}
        title={confirming === 'approve' ? t('approvals.approveTitle') : t('approvals.rejectTitle')}
        body={
          confirming === 'approve'
            ? t('approvals.approveBody', { partner: request.partner.name, name: request.requestedBy.name })
            : t('approvals.rejectBody', { name: request.requestedBy.name })
        }
        confirmLabel={confirming === 'approve' ? t('approvals.approve') : t('approvals.reject')}
        danger={confirming === 'approve'}
        loading={decide.isPending}
        error={decide.error}
        onConfirm={() => {
          if (confirming)
            decide.mutate(
              { id: request.id, decision: confirming, note: note.trim() },
              { onSuccess: () => setConfirming(null) },
            );
        }}
        onClose={() => {
          decide.reset();
          setConfirming(null);
        }}
      />
    </Stack>
  );
}

interface EmergencyCardProps {
  request: EmergencyRequest;
  /** On the approvals page: name the case (a link for coordinators) and offer the decision. */
  onApprovalsPage?: boolean;
  linkToCase?: boolean;
}

/** One emergency request with its state, the four-eyes decision and, once approved, the disclosure. */
export function EmergencyCard({ request, onApprovalsPage, linkToCase }: EmergencyCardProps) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const { disclose } = useEmergencyMutations();
  const [confirmDisclose, setConfirmDisclose] = useState(false);
  const [showSummary, setShowSummary] = useState(false);
  const when = (value: string | null) => formatDateTime(value, language);
  const approved =
    (request.status === 'approved' && !request.approvalLapsed) || request.status === 'disclosed';
  const channel = t(`disclosureChannels.${request.channel}`);
  return (
    <Card
      withBorder
      component="li"
      padding="sm"
      aria-label={t('emergency.cardLabel', {
        reference: request.caseReference,
        partner: request.partner.name,
      })}
      style={request.status === 'pending' ? { borderColor: 'var(--mantine-color-orange-6)' } : undefined}
    >
      <Stack gap={6}>
        <Group justify="space-between" align="flex-start" gap="xs">
          <div>
            {onApprovalsPage ? (
              <Text size="sm" fw={600}>
                {t('disclosures.case')}:{' '}
                {linkToCase ? (
                  <Anchor component={Link} to={`/cases/${request.caseId}#emergency`} className="ltr-text">
                    {request.caseReference}
                  </Anchor>
                ) : (
                  <span className="ltr-text">{request.caseReference}</span>
                )}
              </Text>
            ) : null}
            <Text fw={700} dir="auto">
              {request.partner.name}
            </Text>
            <Text size="xs" c="dimmed">
              {t(`partners.types.${request.partner.type}`)}
            </Text>
          </div>
          <EmergencyStatusBadge status={request.status} />
        </Group>
        <Text size="sm">
          <strong>{t('emergency.ground')}:</strong> {t(`emergency.grounds.${request.ground}`)}
        </Text>
        <Text size="sm">
          <strong>{t('emergency.legalBasis')}:</strong>{' '}
          {t(`emergency.legalBases.${request.legalBasis}.label`)}
        </Text>
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          <strong>{t('emergency.reasonShort')}:</strong> <bdi>{request.reason}</bdi>
        </Text>
        <Text size="sm">
          <strong>{t('emergency.categories')}:</strong>{' '}
          {joinList(categoryLabels(t, request.categories), language)}
        </Text>
        <Text size="sm">
          <strong>{t('emergency.channel')}:</strong> {channel}
        </Text>
        <Text size="sm">
          {request.informCaller
            ? t('emergency.informYes')
            : isolatedValues((slots) => t('emergency.informNo', slots), { reason: request.noInformReason })}
        </Text>
        <Text size="xs" c="dimmed">
          {isolatedValues((slots) => t('emergency.requestedLine', slots), {
            name: request.requestedBy.name,
            when: when(request.requestedAt),
          })}
        </Text>
        {request.decidedBy ? (
          <Text size="xs" c="dimmed">
            {isolatedValues(
              (slots) =>
                t(request.status === 'rejected' ? 'emergency.rejectedLine' : 'emergency.approvedLine', slots),
              { name: request.decidedBy.name, when: when(request.decidedAt) },
            )}
            {request.decisionNote ? (
              <>
                {' — '}
                <bdi>{request.decisionNote}</bdi>
              </>
            ) : null}
          </Text>
        ) : null}
        {request.disclosedAt ? (
          <Text size="sm" c="indigo.9">
            {t('emergency.disclosedLine', { when: when(request.disclosedAt) })}
          </Text>
        ) : null}
        {request.status === 'pending' && !request.canDecide ? (
          <Alert color="orange" variant="light" role="status" title={t('emergency.waiting')} p="xs">
            {t('emergency.waitingBody')}
          </Alert>
        ) : null}
        {onApprovalsPage && request.status === 'pending' && request.canDecide ? (
          <DecisionControls request={request} />
        ) : null}
        {request.approvalLapsed ? (
          <Alert color="gray" variant="light" role="status" title={t('emergency.lapsedTitle')} p="xs">
            {t('emergency.lapsedBody')}
          </Alert>
        ) : null}
        {request.status === 'approved' && request.canDisclose && !onApprovalsPage ? (
          <Alert color="teal" variant="light" p="xs" title={t('emergency.approvedTitle')}>
            <Stack gap="xs" align="flex-start">
              <Text size="sm">{t('emergency.approvedBody', { partner: request.partner.name, channel })}</Text>
              <Button color="red" size="xs" onClick={() => setConfirmDisclose(true)}>
                {t('emergency.disclose')}
              </Button>
            </Stack>
          </Alert>
        ) : null}
        {approved ? (
          <Group gap="xs" wrap="wrap">
            <Button
              size="xs"
              variant="light"
              aria-expanded={showSummary}
              onClick={() => setShowSummary((value) => !value)}
            >
              {showSummary ? t('sharing.hideSummary') : t('sharing.showSummary')}
            </Button>
            <DownloadLink href={emergencySummaryPdfUrl(request.id, PARTNER_LANGUAGE)}>
              {t('sharing.downloadSummary')}
            </DownloadLink>
          </Group>
        ) : null}
        {approved && showSummary ? <EmergencySummary id={request.id} /> : null}
      </Stack>
      <ConfirmDialog
        opened={confirmDisclose}
        title={t('emergency.discloseTitle')}
        body={t('emergency.discloseBody', { partner: request.partner.name, channel })}
        confirmLabel={t('emergency.disclose')}
        danger
        loading={disclose.isPending}
        error={disclose.error}
        onConfirm={() => disclose.mutate(request.id, { onSuccess: () => setConfirmDisclose(false) })}
        onClose={() => {
          disclose.reset();
          setConfirmDisclose(false);
        }}
      />
    </Card>
  );
}
