import markdownit from 'markdown-it';
import type { MarkdownIt } from 'markdown-it';

/**
 * Links the handbook renders: web pages over https (or http), e-mail, phone numbers and paths inside the app.
 * Nothing that runs script (`javascript:`), embeds data or opens a local file.
 */
export function isSafeHref(href: string): boolean {
  const url = href.trim();
  if (url.startsWith('/') && !url.startsWith('//')) return true;
  if (url.startsWith('#')) return true;
  return /^(https?:\/\/|mailto:|tel:)/i.test(url);
}

/**
 * The handbook's Markdown: no raw HTML (it is shown as text), no images (the browser must load nothing from
 * another site), no typographic rewriting; links only where `isSafeHref` allows.
 */
function handbookMarkdown(): MarkdownIt {
  const md = markdownit({ html: false, linkify: false, typographer: false });
  md.disable(['image']);
  md.validateLink = isSafeHref;
  const defaultLinkOpen: NonNullable<typeof md.renderer.rules.link_open> =
    md.renderer.rules.link_open ??
    ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options));
  // Links to other sites open apart from the app and tell that site nothing about where the reader came from.
  md.renderer.rules.link_open = (tokens, idx, options, env, self) => {
    const token = tokens[idx]!;
    if (/^https?:/i.test(String(token.attrGet('href') ?? ''))) {
      token.attrSet('rel', 'noopener noreferrer');
      token.attrSet('target', '_blank');
    }
    return defaultLinkOpen(tokens, idx, options, env, self);
  };
  return md;
}

const md = handbookMarkdown();

/** The body as HTML that is safe to insert: markdown-it escapes every character of raw HTML. */
export function renderHandbookMarkdown(body: string): string {
  return md.render(body);
}

/**
 * The link targets of a body that would not be rendered as links: the server refuses a save with any, so
 * that an editor sees why a link of theirs shows as text.
 */
export function unsafeLinks(body: string): string[] {
  const found: string[] = [];
  const scan = markdownit({ html: false, linkify: false });
  scan.disable(['image']);
  scan.validateLink = (href) => {
    if (!isSafeHref(href)) found.push(href);
    return true;
  };
  scan.parse(body, {});
  return found;
}
