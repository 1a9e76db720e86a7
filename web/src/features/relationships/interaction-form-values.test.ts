import { describe, expect, it } from 'vitest';
import { createInteractionInput } from '../../api/shared';
import { fromLocalInput, toInteractionFormValues, toInteractionInput, toLocalInput } from './interaction-form-values';

describe('interaction form values', () => {
  it('round-trips a moment through the datetime-local text', () => {
    const moment = new Date(2026, 10, 26, 14, 30);
    expect(toLocalInput(moment)).toBe('2026-11-26T14:30');
    expect(fromLocalInput('2026-11-26T14:30')).toBe(moment.toISOString());
    expect(fromLocalInput('not a date')).toBe('not a date');
  });

  it('starts a new one as a held meeting now, with the user on our side, and sends what the API accepts', () => {
    const values = toInteractionFormValues(undefined, {
      now: new Date(2026, 10, 26, 14, 30, 45),
      userId: '0190a0e0-0000-7000-8000-000000000001',
    });
    expect(values).toMatchObject({
      kind: 'meeting',
      status: 'held',
      occurredAt: '2026-11-26T14:30',
      durationMinutes: 60,
    });
    const input = toInteractionInput({ ...values, subject: 'Встреча' });
    const parsed = createInteractionInput.safeParse({ ...input, accountId: '0190a0e0-0000-7000-8000-000000000002' });
    expect(parsed.error?.issues).toBeUndefined();
    expect(parsed.data).toMatchObject({ location: null, summary: null, nextStep: null, nextStepOwnerId: null });
  });

  it('drops the owner, due date and tick of a next step left empty', () => {
    const values = toInteractionFormValues(undefined, { now: new Date(), userId: 'u' });
    const input = toInteractionInput({
      ...values,
      nextStep: '  ',
      nextStepOwnerId: 'u',
      nextStepDueOn: '2026-12-01',
      nextStepDone: true,
    });
    expect(input).toMatchObject({ nextStepOwnerId: null, nextStepDueOn: null, nextStepDone: false });
  });
});
