import { describe, expect, it } from 'vitest';
import { firstPhoneLink, isSafeLink, markdownParagraphs, renderSafeMarkdown } from './public-site.markdown';

describe('safe Markdown of public pages', () => {
  it('allows http(s), tel:, mailto: and paths on this site; refuses every other scheme', () => {
    for (const ok of [
      'https://x.example',
      'http://x.example',
      'tel:+31880000000',
      'mailto:a@b.example',
      'contact',
      '/nl/',
      '#top',
    ])
      expect(isSafeLink(ok), ok).toBe(true);
    for (const bad of [
      'javascript:alert(1)',
      'JaVaScRiPt:x',
      'data:text/html,x',
      'vbscript:x',
      '//evil.example',
      'file:///etc',
    ])
      expect(isSafeLink(bad), bad).toBe(false);
  });

  it('shows raw HTML as text and draws no image', () => {
    const html = renderSafeMarkdown(
      '<script>alert(1)</script>\n\n![x](https://evil.example/x.png)\n\n[a](javascript:alert(1))',
    );
    expect(html).not.toMatch(/<script|<img|href="javascript:/);
    expect(html).toContain('&lt;script&gt;');
  });

  it('reads the phone number and plain paragraphs for the brochure', () => {
    expect(firstPhoneLink('**Telefoon:** [088 000 0000](tel:+31880000000)')).toEqual({
      label: '088 000 0000',
      number: '+31880000000',
    });
    expect(markdownParagraphs('Een **vet** woord.\n\n- een\n- twee\n\n[Contact](contact)')).toEqual([
      'Een vet woord.',
      '• een',
      '• twee',
      'Contact',
    ]);
  });
});
