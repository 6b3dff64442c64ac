import { Alert, Button, Stack } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Intake } from '../../shared/cases.schema';
import { isApiError } from '../api/client';
import { newRequestId } from '../components/format';
import { PageHeading } from '../components/PageHeading';
import { CASES_KEY } from '../features/cases/api';
import { saveIntake } from '../features/intake/api';
import type { Draft, IntakeResult } from '../features/intake/api';
import { DraftOffer } from '../features/intake/components/DraftOffer';
import { IntakeDone } from '../features/intake/components/IntakeDone';
import { IntakeForm } from '../features/intake/components/IntakeForm';
import { emptyIntake, fromDraft, isBlank } from '../features/intake/form';
import { useDraftAutosave, useDrafts } from '../features/intake/hooks/useIntakeDrafts';
import { CALLBACKS_KEY } from '../features/public-site/api';
import { CallbackQueue } from '../features/public-site/components/CallbackQueue';
import type { CallbackDetail } from '../../shared/public-site.schema';

function latest(items: Draft[] | undefined): Draft | undefined {
  return [...(items ?? [])].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))[0];
}

export default function IntakePage() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [values, setValues] = useState(emptyIntake);
  // One request id per call until it is saved: a retried or double save never makes a second contact.
  const [requestId, setRequestId] = useState(newRequestId);
  const [draftId, setDraftId] = useState(newRequestId);
  const [result, setResult] = useState<{ result: IntakeResult; linked: boolean } | null>(null);
  const [offerDismissed, setOfferDismissed] = useState(false);
  // The callback request this call answers: the save marks it done and links it to the contact.
  const [callback, setCallback] = useState<CallbackDetail | null>(null);
  const drafts = useDrafts();
  const save = useMutation({
    mutationFn: saveIntake,
    retry: (count, error) => isApiError(error) && error.status === 0 && count < 3,
  });
  const autosave = useDraftAutosave(values, draftId, !save.isPending && result === null);

  const offer = latest(drafts.data?.items.filter((draft) => draft.id !== draftId));
  const showOffer = offer && !offerDismissed && isBlank(values) && result === null;

  async function onSave(intake: Intake) {
    const saved = await save.mutateAsync(callback ? { ...intake, callbackId: callback.id } : intake);
    if (callback) void client.invalidateQueries({ queryKey: CALLBACKS_KEY });
    setResult({ result: saved, linked: intake.outcome === 'link_case' });
    void autosave.discard(draftId);
    void client.invalidateQueries({ queryKey: ['my-work'] });
    void client.invalidateQueries({ queryKey: CASES_KEY });
    return saved;
  }

  /** Fills the form from a callback request: the coordinator calls back and completes the rest. */
  function takeUp(detail: CallbackDetail) {
    setCallback(detail);
    setValues({
      ...emptyIntake(),
      channel: 'web_callback',
      language: detail.language,
      callerAlias: detail.alias,
      phone: detail.phone,
      summary: detail.question,
      mayCallBack: true,
      mayLeaveMessage: detail.mayLeaveMessage,
      safeTimes: detail.safeTimes,
      safeChannel: 'phone',
    });
    setRequestId(newRequestId());
    setOfferDismissed(true);
    save.reset();
  }

  function nextCall() {
    setCallback(null);
    setValues(emptyIntake());
    setRequestId(newRequestId());
    setDraftId(newRequestId());
    setResult(null);
    autosave.reset();
    save.reset();
  }

  return (
    <Stack>
      <PageHeading>{t('titles.intake')}</PageHeading>
      {showOffer ? (
        <DraftOffer
          draft={offer}
          onResume={() => {
            setValues(fromDraft(offer.data));
            setDraftId(offer.id);
            setOfferDismissed(true);
          }}
          onDiscard={() => {
            setOfferDismissed(true);
            void autosave.discard(offer.id).then(() => drafts.refetch());
          }}
        />
      ) : null}
      {!result && !callback ? <CallbackQueue onTakeUp={takeUp} /> : null}
      {callback && !result ? (
        <Alert color="indigo" variant="light" title={t('callbacks.answering', { alias: callback.alias })}>
          <Button size="xs" variant="default" onClick={nextCall}>
            {t('callbacks.stopAnswering')}
          </Button>
        </Alert>
      ) : null}
      {result ? (
        <IntakeDone result={result.result} linked={result.linked} onNext={nextCall} />
      ) : (
        <IntakeForm
          key={requestId}
          values={values}
          onChange={setValues}
          requestId={requestId}
          draftId={draftId}
          draftState={autosave.state}
          saving={save.isPending}
          error={save.error}
          onSave={onSave}
        />
      )}
    </Stack>
  );
}
