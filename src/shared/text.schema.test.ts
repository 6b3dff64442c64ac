import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { PartnerUpdateSchema } from './partners.schema.js';
import { isStorableText, patchOf, Text } from './text.schema.js';

describe('the shared Text type', () => {
  it('refuses NUL bytes and lone surrogates, with a named reason', () => {
    for (const bad of ['a\u0000b', 'x\ud800', '\udc00y', 'a\ud800b\udc00']) {
      const r = Text.trim().max(50).safeParse(bad);
      expect(r.success, JSON.stringify(bad)).toBe(false);
      expect(r.error?.issues[0]).toMatchObject({ code: 'custom', params: { reason: 'invalid_characters' } });
    }
  });
  it('accepts every well-formed text, including astral characters and right-to-left scripts', () => {
    for (const ok of ['', 'Moeder van Y.', 'الموافقة', 'Gülşen 😀', 'tab\tand\nnewline']) {
      expect(isStorableText(ok)).toBe(true);
      expect(Text.parse(ok)).toBe(ok);
    }
  });
});

describe('patchOf', () => {
  it('leaves out what a partial update does not name, where .partial() would fill in defaults', () => {
    const create = z.object({ name: Text, notes: Text.default(''), tags: z.array(Text).default([]) });
    // eslint-disable-next-line no-restricted-syntax -- shows the behaviour patchOf exists to avoid
    expect(create.partial().parse({ name: 'x' })).toEqual({ name: 'x', notes: '', tags: [] });
    expect(patchOf(create).parse({ name: 'x' })).toEqual({ name: 'x' });
    expect(PartnerUpdateSchema.parse({ active: false })).toEqual({ active: false });
  });
});
