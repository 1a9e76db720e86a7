import { describe, expect, it } from 'vitest';
import { updateAccountInput } from '../../api/shared';
import type { CustomField } from '../custom-fields/custom-fields-api';
import { toAccountFormValues, toAccountInput } from './account-form-values';
import type { Account } from './accounts-api';

const definitions: CustomField[] = [
  field({ key: 'region', type: 'select', options: [{ value: 'north', labelEn: 'North', labelRu: 'Север' }] }),
  field({ key: 'employees', type: 'number' }),
  field({ key: 'public', type: 'boolean' }),
];

function field(overrides: Partial<CustomField>): CustomField {
  return {
    id: '01900000-0000-7000-8000-000000000000',
    entity: 'account',
    key: 'x',
    labelEn: 'X',
    labelRu: 'Икс',
    type: 'text',
    options: [],
    required: false,
    position: 0,
    createdAt: '',
    updatedAt: '',
    version: 1,
    ...overrides,
  };
}

const account = {
  id: '01900000-0000-7000-8000-000000000001',
  name: 'Ромашка',
  legalName: null,
  taxId: '7707083893',
  website: 'https://romashka.ru',
  domain: 'romashka.ru',
  industry: 'Retail',
  segment: null,
  status: 'key',
  ownerId: '01900000-0000-7000-8000-000000000002',
  parentId: null,
  currency: 'RUB',
  tags: ['vip'],
  createdAt: '',
  updatedAt: '',
  version: 3,
  custom: { region: 'north', public: false },
  notes: null,
  owner: { id: '01900000-0000-7000-8000-000000000002', name: 'Анна', email: 'anna@example.com' },
  parent: null,
  children: [],
  childCount: 0,
  team: [{ userId: '01900000-0000-7000-8000-000000000002', name: 'Анна', role: 'manager' }],
} satisfies Account;

describe('account form values', () => {
  it('round-trips a stored account into input the API schema accepts', () => {
    const values = toAccountFormValues(account, { ownerId: 'unused', currency: 'USD' }, definitions);
    expect(values.custom).toEqual({ region: 'north', employees: null, public: 'false' });
    const input = toAccountInput(values, definitions);
    expect(input.custom).toEqual({ region: 'north', employees: null, public: false });
    expect(input.team).toEqual([{ userId: account.ownerId, role: 'manager' }]);
    expect(updateAccountInput.safeParse(input).success).toBe(true);
  });

  it('starts a new account with the defaults and sends blank texts for the API to clear', () => {
    const values = toAccountFormValues(undefined, { ownerId: account.ownerId, currency: 'EUR' }, []);
    expect(values).toMatchObject({ status: 'prospect', currency: 'EUR', ownerId: account.ownerId, legalName: '' });
    const parsed = updateAccountInput.parse(toAccountInput({ ...values, name: 'Новый' }, []));
    expect(parsed.legalName).toBeNull();
    expect(parsed.website).toBeNull();
  });
});
