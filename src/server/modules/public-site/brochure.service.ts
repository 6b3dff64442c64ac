import QRCode from 'qrcode';
import { firstPhoneLink, markdownParagraphs } from '../../../shared/public-site.markdown.js';
import { FALLBACK_LANGUAGE, type SiteLanguage, type SitePage } from '../../../shared/public-site.schema.js';
import type { Ctx } from '../../lib/context.js';
import { AppError } from '../../lib/errors.js';
import { renderPdf, type PdfBlock } from '../../lib/pdf/render.js';
import { audit } from '../audit/audit.service.js';
import { isRtl } from './public-site.html.js';
import { authorizePublicSite } from './public-site.policy.js';
import * as repo from './public-site.repository.js';
import { SITE_STRINGS } from './public-site.strings.js';

/** The pages a brochure carries, in order (the privacy statement stays on the site). */
const BROCHURE_PAGES: readonly SitePage[] = ['home', 'how-it-works', 'confidentiality', 'contact'];

/** Modules of a QR code for `text`, row by row (dark = true). */
export function qrModules(text: string): boolean[][] {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  return Array.from({ length: modules.size }, (_, r) =>
    Array.from({ length: modules.size }, (_, c) => modules.data[r * modules.size + c] === 1),
  );
}

/**
 * A printable brochure from the published pages in two languages side by side (e.g. Dutch and Arabic), with
 * the phone number from the contact page and a QR code to the site. A language without a published page
 * falls back to Dutch, as the site does.
 */
export async function brochure(
  ctx: Ctx,
  q: { left: SiteLanguage; right: SiteLanguage },
  siteUrl: string,
): Promise<{ bytes: Buffer; mediaType: string; name: string }> {
  authorizePublicSite(ctx.actor, 'site.brochure');
  const rows = await repo.publishedPages(ctx.db, ctx.actor.orgId, BROCHURE_PAGES, [
    ...new Set([q.left, q.right, FALLBACK_LANGUAGE]),
  ]);
  const text = (page: SitePage, lang: SiteLanguage) =>
    rows.find((r) => r.page === page && r.language === lang) ??
    rows.find((r) => r.page === page && r.language === FALLBACK_LANGUAGE);
  const cell = (lang: SiteLanguage, value: string) => ({ text: value, rtl: isRtl(lang) });
  const blocks: PdfBlock[] = [
    {
      kind: 'columns',
      style: 'title',
      left: cell(q.left, SITE_STRINGS[q.left].siteName),
      right: cell(q.right, SITE_STRINGS[q.right].siteName),
    },
  ];
  for (const page of BROCHURE_PAGES) {
    const l = text(page, q.left);
    const r = text(page, q.right);
    if (!l && !r) continue;
    blocks.push({
      kind: 'columns',
      style: 'heading',
      left: cell(q.left, l?.title ?? ''),
      right: cell(q.right, r?.title ?? ''),
    });
    const lp = l ? markdownParagraphs(l.body) : [];
    const rp = r ? markdownParagraphs(r.body) : [];
    for (let i = 0; i < Math.max(lp.length, rp.length); i++)
      blocks.push({
        kind: 'columns',
        style: 'paragraph',
        left: cell(q.left, lp[i] ?? ''),
        right: cell(q.right, rp[i] ?? ''),
      });
  }
  const contact = text('contact', q.left);
  const phone = contact ? firstPhoneLink(contact.body) : undefined;
  if (phone) {
    blocks.push({ kind: 'space' });
    blocks.push({
      kind: 'columns',
      style: 'title',
      left: cell(q.left, `${SITE_STRINGS[q.left].nav.contact}: ${phone.label}`),
      right: cell(q.right, `${SITE_STRINGS[q.right].nav.contact}: ${phone.label}`),
    });
  }
  const url = `${siteUrl}/${q.right}/`;
  blocks.push({ kind: 'space' }, { kind: 'qr', modules: qrModules(url), sizeMm: 35, caption: url });
  if (rows.length === 0) throw new AppError('not_found', 'Nothing is published yet');
  const bytes = await renderPdf({
    lang: q.left,
    title: SITE_STRINGS[q.left].siteName,
    blocks,
    footer: `${SITE_STRINGS[q.left].emergency}  ·  ${SITE_STRINGS[q.right].emergency}`,
  });
  await audit(ctx, {
    action: 'public_site.brochure',
    entity: 'public_site',
    entityId: ctx.actor.orgId,
    changedFields: [],
    details: { left: q.left, right: q.right },
  });
  return { bytes, mediaType: 'application/pdf', name: `brochure-${q.left}-${q.right}.pdf` };
}
