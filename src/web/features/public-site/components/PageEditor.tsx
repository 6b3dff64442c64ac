import {
  Badge,
  Button,
  Group,
  Modal,
  Stack,
  Text,
  TextInput,
  Textarea,
  Title,
  Typography,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { renderSafeMarkdown } from '../../../../shared/public-site.markdown';
import {
  PAGE_BODY_MAX,
  PAGE_TITLE_MAX,
  type PageVersion,
  type SiteLanguage,
  type SitePage,
} from '../../../../shared/public-site.schema';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { formatDateTime, newRequestId } from '../../../components/format';
import { Loading } from '../../../components/Loading';
import { SavedNotice } from '../../../components/SavedNotice';
import { useDiscardGuard, useReturnFocusOnUnmount } from '../../../components/useDiscardGuard';
import { currentLanguage } from '../../../i18n';
import { useHistory, usePageMutations } from '../hooks';

interface Props {
  page: SitePage;
  language: SiteLanguage;
  canEdit: boolean;
  onClose: () => void;
}

function Editor({ page, language, canEdit, latest, onClose }: Props & { latest: PageVersion | undefined }) {
  const { t } = useTranslation();
  const { save } = usePageMutations();
  const [title, setTitle] = useState(latest?.title ?? '');
  const [body, setBody] = useState(latest?.body ?? '');
  const [requestId, setRequestId] = useState(newRequestId);
  const [saved, setSaved] = useState<'draft' | 'published' | null>(null);
  const dirty = title !== (latest?.title ?? '') || body !== (latest?.body ?? '');
  const guard = useDiscardGuard(dirty && saved === null, onClose);
  const dir = language === 'ar' ? 'rtl' : 'ltr';

  function submit(publish: boolean) {
    save.mutate(
      { requestId, page, language, title, body, publish },
      {
        onSuccess: () => {
          setSaved(publish ? 'published' : 'draft');
          setRequestId(newRequestId());
        },
      },
    );
  }

  return (
    <Stack>
      {guard.prompt}
      <TextInput
        label={t('publicSite.pageTitle')}
        value={title}
        dir={dir}
        lang={language}
        maxLength={PAGE_TITLE_MAX}
        readOnly={!canEdit}
        required
        onChange={(event) => {
          setTitle(event.currentTarget.value);
          setSaved(null);
        }}
      />
      <Textarea
        label={t('publicSite.body')}
        description={t('publicSite.bodyHint')}
        value={body}
        dir={dir}
        lang={language}
        autosize
        minRows={8}
        maxRows={20}
        maxLength={PAGE_BODY_MAX}
        readOnly={!canEdit}
        onChange={(event) => {
          setBody(event.currentTarget.value);
          setSaved(null);
        }}
      />
      <section aria-labelledby="preview-heading">
        <Title order={3} size="h5" id="preview-heading">
          {t('publicSite.preview')}
        </Title>
        <Typography>
          <div
            lang={language}
            dir={dir}
            style={{ border: '1px solid var(--mantine-color-gray-4)', padding: '0.75rem', borderRadius: 4 }}
          >
            <h1 style={{ marginTop: 0 }}>{title}</h1>
            {/* The safe subset: no raw HTML passes, links are limited to http(s), tel:, mailto: and this site. */}
            <div dangerouslySetInnerHTML={{ __html: renderSafeMarkdown(body) }} />
          </div>
        </Typography>
      </section>
      <ErrorAlert error={save.error} />
      <SavedNotice
        shown={saved !== null}
        title={saved === 'published' ? t('publicSite.savedPublished') : t('publicSite.savedDraft')}
      />
      <Group justify="flex-end">
        <Button variant="default" onClick={guard.requestClose}>
          {t('common.close')}
        </Button>
        {canEdit ? (
          <>
            <Button
              variant="light"
              loading={save.isPending}
              disabled={!title.trim()}
              onClick={() => submit(false)}
            >
              {t('publicSite.saveDraft')}
            </Button>
            <Button loading={save.isPending} disabled={!title.trim()} onClick={() => submit(true)}>
              {t('publicSite.saveAndPublish')}
            </Button>
          </>
        ) : null}
      </Group>
    </Stack>
  );
}

function History({ items, canEdit }: { items: PageVersion[]; canEdit: boolean }) {
  const { t } = useTranslation();
  const { publish } = usePageMutations();
  const [asking, setAsking] = useState<PageVersion | null>(null);
  return (
    <section aria-labelledby="history-heading">
      <Title order={3} size="h5" id="history-heading" mt="md">
        {t('publicSite.history')}
      </Title>
      <Stack component="ol" gap={4} p={0} style={{ listStyle: 'none' }}>
        {items.map((v) => (
          <Group component="li" key={v.id} justify="space-between" wrap="wrap" gap="xs">
            <Text size="sm">
              {t('publicSite.versionLine', {
                version: v.version,
                who: v.authorName ?? t('publicSite.starter'),
                when: formatDateTime(v.createdAt, currentLanguage()),
              })}
            </Text>
            <Group gap="xs">
              {v.isPublished ? <Badge color="teal">{t('publicSite.live')}</Badge> : null}
              {canEdit && !v.isPublished ? (
                <Button size="compact-xs" variant="light" onClick={() => setAsking(v)}>
                  {t('publicSite.publishVersion', { version: v.version })}
                </Button>
              ) : null}
            </Group>
          </Group>
        ))}
      </Stack>
      <ConfirmDialog
        opened={asking !== null}
        title={t('publicSite.publishTitle', { version: asking?.version ?? '' })}
        body={t('publicSite.publishBody')}
        confirmLabel={t('publicSite.publish')}
        loading={publish.isPending}
        error={publish.error}
        onClose={() => setAsking(null)}
        onConfirm={() => asking && publish.mutate(asking.id, { onSuccess: () => setAsking(null) })}
      />
    </section>
  );
}

/** Edit one page in one language, with a live preview and the version history. */
export function PageEditor(props: Props) {
  const { t } = useTranslation();
  useReturnFocusOnUnmount();
  const history = useHistory(props.page, props.language);
  return (
    <Modal
      opened
      size="xl"
      onClose={props.onClose}
      closeOnEscape={false}
      title={t('publicSite.editTitle', {
        page: t(`publicSite.pages.${props.page}`),
        language: t(`conversationLanguages.${props.language}`),
      })}
    >
      {history.isPending ? (
        <Loading />
      ) : history.isError ? (
        <ErrorAlert error={history.error} />
      ) : (
        <>
          <Editor {...props} latest={history.data.items[0]} />
          <History items={history.data.items} canEdit={props.canEdit} />
        </>
      )}
    </Modal>
  );
}
