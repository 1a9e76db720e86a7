import { describe, expect, it } from 'vitest';
import { createContactInput, fieldErrorsFromIssues } from '../../api/shared';
import { toContactFormValues, toContactInput, toFormPath } from './contact-form-values';

describe('contact form values', () => {
  it('sends only filled e-mails and phones and points errors back at the rows typed', () => {
    const values = { ...toContactFormValues(undefined, []), lastName: 'Иванов', emails: ['', 'bad', 'a@b.ru'] };
    const { input, positions } = toContactInput(values, []);
    expect(input.emails).toEqual(['bad', 'a@b.ru']);
    expect(input.phones).toEqual([]);
    expect(toFormPath('emails.0', positions)).toBe('emails.1');
    expect(toFormPath('lastName', positions)).toBe('lastName');
    const sent = { ...input, accountId: '01900000-0000-7000-8000-000000000001' };
    const result = createContactInput.safeParse(sent);
    const paths = result.success ? [] : fieldErrorsFromIssues(result.error.issues, sent).map((error) => error.path);
    expect(paths).toEqual(['emails.0']);
  });
});
