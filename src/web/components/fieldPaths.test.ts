import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { PartnerCreateSchema } from '../../shared/partners.schema';
import { formPath, problemTexts, renamePath, schemaFieldErrors, serverFieldErrors } from './fieldPaths';

const values = {
  name: '',
  languages: ['nl', 'xx'],
  subjects: [{ name: 'A' }, { name: '' }],
};

describe('formPath: where a field problem shows', () => {
  it('keeps a plain field and a field inside a list of objects', () => {
    expect(formPath(['name'], values)).toBe('name');
    expect(formPath(['subjects', '1', 'name'], values)).toBe('subjects.1.name');
  });

  it('shows a problem with one item of a list of plain values on the list input', () => {
    expect(formPath(['languages', '1'], values)).toBe('languages');
  });

  it('shows a problem inside a value the form holds as text (a list typed as "14, 28") on that input', () => {
    expect(formPath(['light', '1'], { light: '14, x' })).toBe('light');
    expect(formPath(['consent', 'method'], { consent: { method: '', givenOn: '' } })).toBe('consent.method');
  });

  it('falls back to the first segment for a path the form does not have', () => {
    expect(formPath(['body'], values)).toBe('body');
    expect(formPath(['subjects', '7', 'name'], values)).toBe('subjects');
  });
});

describe('schemaFieldErrors', () => {
  it('names a missing value "required" whatever code the schema gives, and keeps other reasons', () => {
    const input = { name: '', type: undefined, languages: ['nl'], municipality: 'x'.repeat(500) };
    const parsed = PartnerCreateSchema.safeParse(input);
    expect(parsed.success).toBe(false);
    const problems = schemaFieldErrors(parsed.error!, input, { ...values, type: '', municipality: '' });
    expect(problems.name?.reason).toBe('required');
    expect(problems.type?.reason).toBe('required');
    expect(problems.municipality?.reason).toBe('too_big');
  });

  it('reads an empty text or list as required but a number below the minimum as too small', () => {
    const schema = z.object({
      name: z.string().min(1),
      ids: z.array(z.string()).min(1),
      months: z.number().min(1),
    });
    const input = { name: 'x', ids: [], months: 0 };
    const parsed = schema.safeParse(input);
    const problems = schemaFieldErrors(parsed.error!, input, input);
    expect(problems.ids?.reason).toBe('required');
    expect(problems.months?.reason).toBe('too_small');
  });

  it('keeps the reason a refinement names', () => {
    const schema = z.object({
      name: z.string().refine((value) => !value.includes('\0'), { params: { reason: 'invalid_characters' } }),
    });
    const input = { name: 'a\0b' };
    const parsed = schema.safeParse(input);
    expect(schemaFieldErrors(parsed.error!, input, input)).toEqual({
      name: { reason: 'invalid_characters', message: expect.any(String) as string },
    });
  });
});

describe('serverFieldErrors', () => {
  it('puts each server problem on the field it names, nested paths included', () => {
    const problems = serverFieldErrors(
      [
        { field: 'subjects.1.name', reason: 'required', message: 'Required' },
        { field: 'languages.1', reason: 'invalid_value', message: 'Unknown language' },
      ],
      values,
    );
    expect(problems).toEqual({
      'subjects.1.name': { reason: 'required', message: 'Required' },
      languages: { reason: 'invalid_value', message: 'Unknown language' },
    });
  });
});

describe('problemTexts', () => {
  it("uses the form's own message for a field that has one and the translated reason elsewhere", () => {
    const problems = {
      validMonths: { reason: 'too_big', message: 'Too big' },
      writtenDays: { reason: 'required', message: 'Required' },
    };
    expect(
      problemTexts(problems, (problem) => `t:${problem.reason}`, { validMonths: 'Choose 1 to 60 months.' }),
    ).toEqual({ validMonths: 'Choose 1 to 60 months.', writtenDays: 't:required' });
  });

  it('translates every problem when the form has no messages of its own', () => {
    expect(problemTexts({ name: { reason: 'required', message: 'Required' } }, (p) => p.reason)).toEqual({
      name: 'required',
    });
  });
});

describe('renamePath: request fields a form keeps under another name', () => {
  const renames = { 'subject.alias': 'subjectAlias', callback: 'contact.callback' };

  it('replaces the longest renamed prefix and keeps the rest of the path', () => {
    expect(renamePath(['subject', 'alias'], renames)).toEqual(['subjectAlias']);
    expect(renamePath(['callback', 'safeTimes'], renames)).toEqual(['contact', 'callback', 'safeTimes']);
  });

  it('leaves a path without a renamed prefix alone', () => {
    expect(renamePath(['subject', 'ageBand'], renames)).toEqual(['subject', 'ageBand']);
    expect(renamePath(['summary'], renames)).toEqual(['summary']);
  });

  it('puts client and server problems on the renamed input', () => {
    const flat = { subjectAlias: '', summary: '' };
    const schema = z.object({ subject: z.object({ alias: z.string().min(1) }) });
    const input = { subject: { alias: '' } };
    const parsed = schema.safeParse(input);
    expect(Object.keys(schemaFieldErrors(parsed.error!, input, flat, renames))).toEqual(['subjectAlias']);
    const server = serverFieldErrors(
      [{ field: 'subject.alias', reason: 'too_big', message: 'Too long' }],
      flat,
      renames,
    );
    expect(server).toEqual({ subjectAlias: { reason: 'too_big', message: 'Too long' } });
  });
});
