import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { translate } from './i18n/text';
import { fieldErrorsFromIssues } from './validation';

const schema = z.strictObject({
  name: z.string().trim().min(1).max(5),
  email: z.email().optional(),
  status: z.enum(['active', 'lost']),
  count: z.number().int(),
  tags: z.array(z.string()).max(1),
});

function errorsFor(input: unknown, locale: 'en' | 'ru' = 'en') {
  const result = schema.safeParse(input);
  if (result.success) throw new Error('expected a failure');
  return fieldErrorsFromIssues(result.error.issues, input).map((error) => ({
    path: error.path,
    message: translate(locale, error.message),
  }));
}

describe('fieldErrorsFromIssues', () => {
  it('names each field and says what is wrong in plain words', () => {
    const errors = errorsFor({ name: '', email: 'nope', status: 'x', count: 1.5, tags: ['a', 'b'], extra: true });
    expect(errors).toEqual(
      expect.arrayContaining([
        { path: 'name', message: 'Must not be empty.' },
        { path: 'email', message: 'Must be a valid e-mail address.' },
        { path: 'status', message: 'Must be one of: active, lost.' },
        { path: 'tags', message: 'Must have at most 1 items.' },
        { path: 'extra', message: 'Unknown field.' },
      ]),
    );
    expect(errors.find((error) => error.path === 'count')?.message).toMatch(/whole number|number/);
  });

  it('tells a missing field from a wrong type', () => {
    const errors = errorsFor({ name: 5, status: 'active', tags: [] });
    expect(errors).toContainEqual({ path: 'name', message: 'Must be text.' });
    expect(errors).toContainEqual({ path: 'count', message: 'This field is required.' });
  });

  it('says only that a field has the wrong type, not what its length should be', () => {
    const errors = errorsFor({ name: 'a', status: 'active', count: 1, tags: 'x'.repeat(20) });
    expect(errors).toEqual([{ path: 'tags', message: 'Must be a list.' }]);
  });

  it('speaks Russian with correct plural forms', () => {
    const errors = errorsFor({ name: 'слишком длинно', status: 'active', count: 1, tags: [] }, 'ru');
    expect(errors).toEqual([{ path: 'name', message: 'Должно быть не длиннее 5 символов.' }]);
  });
});
