import { describe, expect, it } from 'vitest';
import { IntakeSchema } from '../../../shared/cases.schema';
import { schemaFieldErrors, serverFieldErrors } from '../../components/fieldPaths';
import { emptyIntake, INTAKE_PATHS, toIntake } from './form';

const ids = { requestId: '00000000-0000-4000-8000-000000000001' };

describe('intake field problems land on the flat form field', () => {
  it('puts a problem with the relative, the callback or a preference on its own input', () => {
    const values = {
      ...emptyIntake(),
      subjectAlias: 'x'.repeat(121),
      safeTimes: 'y'.repeat(201),
    };
    const input = toIntake(values, ids);
    const parsed = IntakeSchema.safeParse(input);
    expect(parsed.success).toBe(false);
    const problems = schemaFieldErrors(parsed.error!, input, values, INTAKE_PATHS);
    expect(problems.subjectAlias?.reason).toBe('too_big');
    expect(problems.safeTimes?.reason).toBe('too_big');
    expect(problems.subject).toBeUndefined();
    expect(problems.callback).toBeUndefined();
  });

  it('does the same for the server answer', () => {
    const problems = serverFieldErrors(
      [
        { field: 'subject.status', reason: 'invalid_value', message: 'Unknown status' },
        { field: 'preferences.language', reason: 'invalid_value', message: 'Unknown language' },
        { field: 'summary', reason: 'required', message: 'Required' },
      ],
      emptyIntake(),
      INTAKE_PATHS,
    );
    expect(Object.keys(problems).sort()).toEqual(['prefLanguage', 'subjectStatus', 'summary']);
  });
});
