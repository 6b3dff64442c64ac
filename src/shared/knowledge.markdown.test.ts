import { describe, expect, it } from 'vitest';
import { isSafeHref, renderHandbookMarkdown, unsafeLinks } from './knowledge.markdown.js';

describe('handbook Markdown', () => {
  it('shows raw HTML as text and renders no images', () => {
    const html = renderHandbookMarkdown('<script>alert(1)</script>\n\n![logo](https://elders.example/x.png)');
    expect(html).not.toContain('<script');
    expect(html).toContain('&lt;script&gt;');
    expect(html).not.toContain('<img');
  });

  it('renders safe links, opens other sites apart, and leaves unsafe ones as text', () => {
    const html = renderHandbookMarkdown(
      '[wet](https://wetten.overheid.nl) [bel](tel:+31301234567) [app](/handbook) [x](javascript:alert(1)) [d](data:text/html,hi)',
    );
    expect(html).toContain(
      '<a href="https://wetten.overheid.nl" rel="noopener noreferrer" target="_blank">wet</a>',
    );
    expect(html).toContain('<a href="tel:+31301234567">bel</a>');
    expect(html).toContain('<a href="/handbook">app</a>');
    expect(html).not.toMatch(/href="(javascript|data):/);
  });

  it('names the links a save must refuse', () => {
    expect(
      unsafeLinks('[a](https://x.example) [b](javascript:void(0))\n\n[c]: vbscript:x\n\n[c]').sort(),
    ).toEqual(['javascript:void(0)', 'vbscript:x']);
    expect(['//elders.example', 'file:///etc/passwd', 'ftp://x'].map(isSafeHref)).toEqual([
      false,
      false,
      false,
    ]);
    expect(['mailto:a@b.nl', '#top', 'HTTPS://X.NL'].map(isSafeHref)).toEqual([true, true, true]);
  });
});
