import { Anchor, Badge, Button, Group, NativeSelect, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  SITE_LANGUAGES,
  SITE_PAGES,
  type PageCell,
  type SiteLanguage,
  type SitePage,
} from '../../shared/public-site.schema';
import { ErrorAlert } from '../components/ErrorAlert';
import { Loading } from '../components/Loading';
import { PageHeading } from '../components/PageHeading';
import { brochureUrl } from '../features/public-site/api';
import { PageEditor } from '../features/public-site/components/PageEditor';
import { usePages } from '../features/public-site/hooks';

const STATE_COLOURS: Record<PageCell['state'], string> = {
  published: 'teal',
  changed: 'orange',
  draft: 'gray',
  missing: 'red',
};

function Brochure() {
  const { t } = useTranslation();
  const [left, setLeft] = useState<SiteLanguage>('nl');
  const [right, setRight] = useState<SiteLanguage>('ar');
  const options = SITE_LANGUAGES.map((value) => ({ value, label: t(`conversationLanguages.${value}`) }));
  return (
    <section aria-labelledby="brochure-heading">
      <Title order={2} size="h3" id="brochure-heading">
        {t('publicSite.brochure')}
      </Title>
      <Text size="sm" mb="xs">
        {t('publicSite.brochureHint')}
      </Text>
      <Group align="flex-end">
        <NativeSelect
          label={t('publicSite.leftLanguage')}
          value={left}
          data={options}
          onChange={(event) => setLeft(event.currentTarget.value as SiteLanguage)}
        />
        <NativeSelect
          label={t('publicSite.rightLanguage')}
          value={right}
          data={options}
          onChange={(event) => setRight(event.currentTarget.value as SiteLanguage)}
        />
        <Button component="a" href={brochureUrl(left, right)} download disabled={left === right}>
          {t('publicSite.downloadBrochure')}
        </Button>
      </Group>
    </section>
  );
}

export default function PublicSitePage() {
  const { t } = useTranslation();
  const pages = usePages();
  const [editing, setEditing] = useState<{ page: SitePage; language: SiteLanguage } | null>(null);
  const cell = (page: SitePage, language: SiteLanguage) =>
    pages.data?.items.find((c) => c.page === page && c.language === language);

  return (
    <Stack maw={1100}>
      <PageHeading>{t('titles.publicSite')}</PageHeading>
      <Text size="sm">
        {t('publicSite.intro')}{' '}
        <Anchor href="/nl/" target="_blank" rel="noopener">
          {t('publicSite.viewSite')}
        </Anchor>
      </Text>
      {pages.isPending ? (
        <Loading />
      ) : pages.isError ? (
        <ErrorAlert error={pages.error} />
      ) : (
        <>
          <Table.ScrollContainer minWidth={640}>
            <Table striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('publicSite.page')}</Table.Th>
                  {SITE_LANGUAGES.map((l) => (
                    <Table.Th scope="col" key={l}>
                      {t(`conversationLanguages.${l}`)}
                    </Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {SITE_PAGES.map((page) => (
                  <Table.Tr key={page}>
                    <Table.Th scope="row">{t(`publicSite.pages.${page}`)}</Table.Th>
                    {SITE_LANGUAGES.map((language) => {
                      const c = cell(page, language);
                      const state = c?.state ?? 'missing';
                      return (
                        <Table.Td key={language}>
                          <Button
                            variant="subtle"
                            size="compact-sm"
                            onClick={() => setEditing({ page, language })}
                            aria-label={t('publicSite.editCell', {
                              page: t(`publicSite.pages.${page}`),
                              language: t(`conversationLanguages.${language}`),
                              state: t(`publicSite.states.${state}`),
                            })}
                          >
                            <Badge color={STATE_COLOURS[state]} variant="light">
                              {t(`publicSite.states.${state}`)}
                            </Badge>
                          </Button>
                        </Table.Td>
                      );
                    })}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {pages.data.canBrochure ? <Brochure /> : null}
        </>
      )}
      {editing ? (
        <PageEditor
          page={editing.page}
          language={editing.language}
          canEdit={pages.data?.canEdit ?? false}
          onClose={() => setEditing(null)}
        />
      ) : null}
    </Stack>
  );
}
