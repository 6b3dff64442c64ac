import {
  Alert,
  Button,
  Group,
  Modal,
  MultiSelect,
  NativeSelect,
  SimpleGrid,
  Stack,
  Tabs,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ZodType } from 'zod';
import {
  KNOWLEDGE_BODY_MAX,
  KNOWLEDGE_CATEGORIES,
  KNOWLEDGE_TITLE_MAX,
  KnowledgeArticleCreateSchema,
  KnowledgeVersionCreateSchema,
  type KnowledgeArticle,
  type KnowledgeArticleCreate,
  type KnowledgeCategory,
  type KnowledgeLanguage,
  type KnowledgeVersionCreate,
} from '../../../../shared/knowledge.schema';
import { UI_LANGUAGES } from '../../../../shared/roles';
import { isApiError } from '../../../api/client';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { Loading } from '../../../components/Loading';
import { useDiscardGuard, useReturnFocusOnUnmount } from '../../../components/useDiscardGuard';
import { useSchemaForm } from '../../../components/useSchemaForm';
import { directionOf, LANGUAGE_NAMES } from '../../../i18n';
import { useTaxonomy } from '../../taxonomies/hooks/useTerms';
import { useArticle, useKnowledgeMutations } from '../hooks';
import { HandbookMarkdown } from './HandbookMarkdown';

interface ArticleEditorProps {
  /** The article to add a version to; a new article when undefined. */
  article?: KnowledgeArticle;
  /** The language to write in first. */
  language: KnowledgeLanguage;
  onClose: () => void;
  onSaved: (article: KnowledgeArticle) => void;
}

/**
 * Writes one language of an article; saving makes a new version (the first, for a new translation). The
 * version the editor started from goes along, so a save made meanwhile by someone else is not overwritten.
 */
export function ArticleEditor({ article, language: initial, onClose, onSaved }: ArticleEditorProps) {
  const { t } = useTranslation();
  const taxonomy = useTaxonomy();
  const { create, save, update } = useKnowledgeMutations();
  const mutation = article ? (update.error ? update : save) : create;
  // A new version of an article checks its text; a new article also its chapter and request categories.
  const schema: ZodType<KnowledgeVersionCreate | KnowledgeArticleCreate> = article
    ? KnowledgeVersionCreateSchema
    : KnowledgeArticleCreateSchema;
  const initialCategory: KnowledgeCategory | '' = article?.category ?? '';
  const { form, onSubmit, showServerErrors } = useSchemaForm({
    initialValues: {
      category: initialCategory,
      language: initial,
      title: '',
      body: '',
      termIds: article?.termIds ?? [],
    },
    schema,
    toInput: ({ language, title, body, category, termIds }): unknown =>
      article
        ? { language, title, body, baseVersion: existing?.version ?? 0 }
        : { category: category || undefined, termIds, language, title, body },
  });
  const { language, title, body, category, termIds } = form.getValues();
  const source = useArticle(article?.id, language);
  // The text this language has now: empty for a translation that does not exist yet.
  const existing = source.data && source.data.language === language ? source.data : undefined;
  const [loadedFor, setLoadedFor] = useState<string | null>(article ? null : 'new');
  const [tab, setTab] = useState<string | null>('write');
  useReturnFocusOnUnmount();

  // A language's text arrives after the switch: take it into the fields once (state adjusted while rendering).
  if (article && source.data && !source.isPlaceholderData && loadedFor !== language) {
    form.setValues({ title: existing?.title ?? '', body: existing?.body ?? '' });
    setLoadedFor(language);
  }

  const textDirty = title !== (existing?.title ?? '') || body !== (existing?.body ?? '');
  const metaDirty =
    category !== (article?.category ?? '') || termIds.join() !== (article?.termIds ?? []).join();
  const dirty = textDirty || metaDirty;
  const guard = useDiscardGuard(dirty, onClose);

  const send = onSubmit((data) => {
    const onError = (error: unknown) => {
      showServerErrors(error);
      setTab('write');
    };
    if (article && 'baseVersion' in data) {
      update.reset();
      const id = article.id;
      // Chapter and request categories first (no version), then the text (a version if it changed).
      void (async () => {
        try {
          if (metaDirty && category) await update.mutateAsync({ id, language, category, termIds });
          onSaved(await save.mutateAsync({ id, ...data }));
        } catch (error) {
          onError(error);
        }
      })();
    } else if ('category' in data) {
      create.mutate(data, { onSuccess: onSaved, onError });
    }
  });
  function submit(event: FormEvent<HTMLFormElement>) {
    // A problem with the text must be in sight: back to writing from the preview.
    setTab('write');
    send(event);
  }

  const waiting = article && loadedFor !== language;
  const heading = article
    ? t('knowledge.editor.editTitle', { title: article.title })
    : t('knowledge.editor.newTitle');

  return (
    <Modal opened onClose={guard.requestClose} title={heading} size="xl" centered>
      <form onSubmit={submit} noValidate>
        <Stack>
          {guard.prompt}
          {isApiError(mutation.error, 'conflict') ? (
            <Alert color="orange" role="alert" title={t('knowledge.editor.conflictTitle')}>
              {t('knowledge.editor.conflictBody')}
            </Alert>
          ) : (
            <ErrorAlert error={mutation.error} />
          )}
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <NativeSelect
              label={t('knowledge.editor.language')}
              description={textDirty && article ? t('knowledge.editor.languageLocked') : undefined}
              {...form.getInputProps('language')}
              disabled={Boolean(article) && textDirty}
              data={UI_LANGUAGES.map((value) => ({ value, label: LANGUAGE_NAMES[value] }))}
            />
            <NativeSelect
              label={t('knowledge.editor.category')}
              {...form.getInputProps('category')}
              data={[
                ...(article ? [] : [{ value: '', label: t('knowledge.editor.chooseCategory') }]),
                ...KNOWLEDGE_CATEGORIES.map((value) => ({
                  value,
                  label: t(`knowledge.categories.${value}`),
                })),
              ]}
              required
            />
          </SimpleGrid>
          <MultiSelect
            label={t('knowledge.editor.requestCategories')}
            description={t('knowledge.editor.requestCategoriesHint')}
            data={taxonomy.options('category')}
            {...form.getInputProps('termIds')}
            clearable
          />
          {waiting ? (
            <Loading />
          ) : (
            <>
              {article && !existing ? (
                <Text size="sm" role="status">
                  {t('knowledge.editor.newTranslation', { language: LANGUAGE_NAMES[language] })}
                </Text>
              ) : null}
              <TextInput
                label={t('knowledge.editor.title')}
                {...form.getInputProps('title')}
                maxLength={KNOWLEDGE_TITLE_MAX}
                lang={language}
                dir={directionOf(language)}
                required
                data-autofocus
              />
              <Tabs value={tab} onChange={setTab}>
                <Tabs.List aria-label={t('knowledge.editor.modes')}>
                  <Tabs.Tab value="write">{t('knowledge.editor.write')}</Tabs.Tab>
                  <Tabs.Tab value="preview">{t('knowledge.editor.preview')}</Tabs.Tab>
                </Tabs.List>
                <Tabs.Panel value="write" pt="sm">
                  <Textarea
                    label={t('knowledge.editor.body')}
                    description={t('knowledge.editor.bodyHint')}
                    {...form.getInputProps('body')}
                    maxLength={KNOWLEDGE_BODY_MAX}
                    lang={language}
                    dir={directionOf(language)}
                    autosize
                    minRows={10}
                    maxRows={24}
                    required
                  />
                </Tabs.Panel>
                <Tabs.Panel value="preview" pt="sm">
                  {body.trim() ? (
                    <HandbookMarkdown body={body} language={language} />
                  ) : (
                    <Text size="sm" c="dimmed">
                      {t('knowledge.editor.previewEmpty')}
                    </Text>
                  )}
                </Tabs.Panel>
              </Tabs>
            </>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={guard.requestClose}>
              {t('common.cancel')}
            </Button>
            <Button
              type="submit"
              loading={save.isPending || update.isPending || create.isPending}
              disabled={Boolean(waiting)}
            >
              {t('knowledge.editor.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
