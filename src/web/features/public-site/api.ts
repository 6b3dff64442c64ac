import type {
  CallbackClose,
  CallbackDetail,
  CallbackItem,
  PageCell,
  PageSave,
  PageVersion,
  SiteLanguage,
  SitePage,
} from '../../../shared/public-site.schema';
import { api, toQuery } from '../../api/client';

export const PAGES_KEY = ['public-site', 'pages'] as const;
export const CALLBACKS_KEY = ['callbacks'] as const;

export const fetchPages = () =>
  api<{ items: PageCell[]; canEdit: boolean; canBrochure: boolean }>('GET', '/api/public-site/pages');

export const fetchHistory = (page: SitePage, language: SiteLanguage) =>
  api<{ items: PageVersion[] }>('GET', `/api/public-site/history${toQuery({ page, language })}`);

export const savePage = (body: PageSave) => api<PageVersion>('POST', '/api/public-site/pages', { body });

export const publishVersion = (versionId: string) =>
  api<PageVersion>('POST', '/api/public-site/publish', { body: { versionId } });

/** The brochure is a plain download link: a GET with no personal data in the URL. */
export const brochureUrl = (left: SiteLanguage, right: SiteLanguage) =>
  `/api/public-site/brochure${toQuery({ left, right })}`;

export const fetchCallbacks = () => api<{ items: CallbackItem[] }>('GET', '/api/callbacks');

export const fetchCallback = (id: string) =>
  api<CallbackDetail>('GET', `/api/callbacks/${encodeURIComponent(id)}`);

export const closeCallback = ({ id, ...body }: CallbackClose & { id: string }) =>
  api<CallbackDetail>('POST', `/api/callbacks/${encodeURIComponent(id)}/close`, { body });
