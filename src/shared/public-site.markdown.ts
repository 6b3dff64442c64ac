import MarkdownIt from 'markdown-it';

/**
 * The safe Markdown subset of public pages: no raw HTML (it is shown as text), no images (nothing is loaded
 * from elsewhere), no tables or typographic rewrites; links only to http(s), tel:, mailto: or a path on this
 * site. The same renderer draws the public page and the admin's preview, so what is previewed is what ships.
 */
const md = new MarkdownIt('commonmark', { html: false, linkify: false, typographer: false });
md.disable(['image', 'html_block', 'html_inline']);

const SAFE_SCHEME = /^(https?:|mailto:|tel:)/i;
const ANY_SCHEME = /^[a-z][a-z0-9+.-]*:/i;

/** Whether a link target is allowed: http(s), mailto, tel, or relative (no scheme, no protocol-relative //). */
export function isSafeLink(url: string): boolean {
  const trimmed = url.trim();
  if (trimmed.startsWith('//') || trimmed.startsWith('\\')) return false;
  if (SAFE_SCHEME.test(trimmed)) return true;
  return !ANY_SCHEME.test(trimmed);
}

md.validateLink = isSafeLink;

/** Markdown → HTML in the safe subset; the output needs no further sanitising. */
export function renderSafeMarkdown(source: string): string {
  return md.render(source);
}

/** The first `tel:` link of a page's Markdown, as written (the brochure prints it large). */
export function firstPhoneLink(source: string): { label: string; number: string } | undefined {
  const match = /\[([^\]]+)\]\(tel:([+0-9 ()-]+)\)/.exec(source);
  return match ? { label: match[1]!.trim(), number: match[2]!.replace(/\s+/g, '') } : undefined;
}

/** Plain text of a Markdown body, a paragraph or list item per entry (for the brochure): marks and link targets gone. */
export function markdownParagraphs(source: string): string[] {
  const plain = (line: string) =>
    line
      .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
      .replace(/[*_`#>]+/g, '')
      .trim();
  const out: string[] = [];
  for (const block of source.split(/\n{2,}/)) {
    const lines = block.split('\n').filter((l) => l.trim());
    if (lines.every((l) => LIST_ITEM.test(l))) {
      for (const l of lines) out.push(`• ${plain(l.replace(LIST_ITEM, ''))}`);
    } else if (lines.length) out.push(plain(lines.join(' ')));
  }
  return out.filter((p) => p && p !== '•');
}

const LIST_ITEM = /^\s*(?:[-*+]|\d+[.)])\s+/;
