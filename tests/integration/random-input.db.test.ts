import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { accountStatuses, teamRoles } from '../../src/modules/accounts';
import { roles } from '../../src/platform/auth/permissions';
import { createAccount, createContact, uniqueInn } from '../support/api-helpers';
import type { ApiClient, SeededWorkspace, TestResponse } from '../support/test-app';
import { useTestApp } from '../support/test-app';

// NOTE: random bodies, mostly plausible and sometimes wild, thrown at every create and patch
// route: whatever comes in, the answer is never a 500, and what was accepted can be read back.

const strangeText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.constantFrom('', ' ', '\u0000', 'a\u0000b', "'; drop table accounts; --", '%_\\', 'x'.repeat(20_000)),
);
const anyJson = fc.oneof(
  { weight: 3, arbitrary: fc.jsonValue({ maxDepth: 2 }) },
  { weight: 3, arbitrary: strangeText },
  { weight: 1, arbitrary: fc.constantFrom(null, -1, 0, 1.5, 1e308, -1e308, true, [], {}) },
);
const randomUuid = fc.uuid({ version: 7 });

/** A body with the required and any other of the route's plausible fields, and in half the cases one field (or an unknown one) gone wild. */
function bodyOf(fields: Record<string, fc.Arbitrary<unknown>>, requiredKeys: string[] = []) {
  const wild = fc.tuple(fc.constantFrom(...Object.keys(fields), 'extra'), anyJson);
  return fc
    .tuple(fc.record(fields, { requiredKeys }), fc.option(wild, { freq: 2, nil: undefined }))
    .map(([body, replaced]) => (replaced ? { ...body, [replaced[0]]: replaced[1] } : body) as Record<string, unknown>);
}

const text = (maxLength: number) => fc.oneof(fc.string({ unit: 'grapheme', maxLength }), fc.constant(null));
const email = fc.stringMatching(/^[a-z][a-z0-9_+-]{0,15}@[a-z][a-z0-9-]{0,15}\.(ru|com|org)$/);
const name = (maxLength: number) =>
  fc.string({ unit: 'grapheme', minLength: 1, maxLength }).filter((value) => value.trim() !== '');

describe('random request bodies', () => {
  const t = useTestApp();
  let workspace: SeededWorkspace;
  let api: ApiClient;
  let accountIds: string[];
  let contactIds: string[];
  let customFieldId: string;

  beforeAll(async () => {
    workspace = await t.seedWorkspace();
    api = workspace.users.admin.api;
    const definitions = [
      { entity: 'account', key: 'tier', type: 'select', options: [{ value: 'a', labelEn: 'A', labelRu: 'А' }] },
      { entity: 'account', key: 'score', type: 'number' },
      { entity: 'account', key: 'since', type: 'date' },
      { entity: 'contact', key: 'vip', type: 'boolean' },
      { entity: 'contact', key: 'hobby', type: 'text' },
    ];
    for (const definition of definitions) {
      const response = await api.post('/api/v1/custom-fields', { labelEn: 'Field', labelRu: 'Поле', ...definition });
      expect(response.status).toBe(201);
      customFieldId = response.body.id;
    }
    const parent = await createAccount(api, { name: 'Холдинг' });
    const child = await createAccount(api, { name: 'Дочка', parentId: parent.id });
    accountIds = [parent.id, child.id];
    const boss = await createContact(api, parent.id, { lastName: 'Начальников' });
    const report = await createContact(api, parent.id, { lastName: 'Подчинённый', reportsToId: boss.id });
    contactIds = [boss.id, report.id];
  });

  const existing = (ids: () => string[]) =>
    fc.oneof(
      { weight: 5, arbitrary: fc.constantFrom(0, 1).map((index) => ids()[index]) },
      { weight: 1, arbitrary: randomUuid },
    );

  async function expectNo500(response: TestResponse, body: unknown) {
    expect(response.status, `${JSON.stringify(body).slice(0, 500)} → ${JSON.stringify(response.body)}`).toBeLessThan(
      500,
    );
  }

  async function check(
    arbitrary: fc.Arbitrary<Record<string, unknown>>,
    send: (body: Record<string, unknown>) => Promise<TestResponse>,
    readBack: (written: TestResponse) => Promise<void>,
    numRuns = 50,
  ) {
    await fc.assert(
      fc.asyncProperty(arbitrary, async (body) => {
        const response = await send(body);
        await expectNo500(response, body);
        if (response.status === 200 || response.status === 201) await readBack(response);
      }),
      { numRuns },
    );
  }

  const accountFields = () => ({
    name: name(300),
    legalName: text(500),
    taxId: fc.oneof(fc.constant(uniqueInn()), fc.constant('500100732259'), fc.constant(null)),
    website: fc.oneof(fc.webUrl(), fc.domain(), fc.constant('пример.рф'), fc.constant(null)),
    industry: text(100),
    segment: text(100),
    status: fc.constantFrom(...accountStatuses),
    ownerId: fc.oneof(
      { weight: 5, arbitrary: fc.constantFrom(...roles).map((role) => workspace.users[role].id) },
      { weight: 1, arbitrary: randomUuid },
    ),
    parentId: fc.oneof(
      existing(() => accountIds),
      fc.constant(null),
    ),
    currency: fc.constantFrom('RUB', 'usd', 'EUR', 'KZT'),
    tags: fc.array(name(50), { maxLength: 10 }),
    notes: text(200),
    custom: fc.record(
      {
        tier: fc.constantFrom('a', null),
        score: fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constant(null)),
        since: fc.oneof(
          fc
            .date({ min: new Date('1900-01-01'), max: new Date('2100-12-31'), noInvalidDate: true })
            .map((date) => date.toISOString().slice(0, 10)),
          fc.constant('2026-02-30'),
        ),
      },
      { requiredKeys: [] },
    ),
    team: fc.uniqueArray(
      fc.record({
        userId: fc.oneof(
          { weight: 5, arbitrary: fc.constantFrom(...roles).map((role) => workspace.users[role].id) },
          { weight: 1, arbitrary: randomUuid },
        ),
        role: fc.constantFrom(...teamRoles),
      }),
      { maxLength: 4, selector: (member) => member.userId },
    ),
  });

  it('POST /accounts', async () => {
    await check(
      bodyOf(accountFields(), ['name']),
      (body) => api.post('/api/v1/accounts', body),
      async (created) => {
        const read = await api.get(`/api/v1/accounts/${created.body.id}`);
        expect(read.status).toBe(200);
        expect(read.body).toEqual(created.body);
      },
    );
  });

  it('PATCH /accounts/{id}', async () => {
    const target = await createAccount(api, { name: 'Мишень' });
    await check(
      bodyOf(accountFields()),
      (body) => api.patch(`/api/v1/accounts/${target.id}`, body),
      async (updated) => {
        const read = await api.get(`/api/v1/accounts/${target.id}`);
        expect(read.body).toEqual(updated.body);
      },
    );
  });

  const contactFields = () => ({
    accountId: existing(() => accountIds),
    firstName: fc.string({ unit: 'grapheme', maxLength: 100 }),
    lastName: name(100),
    patronymic: text(100),
    title: text(200),
    department: text(200),
    emails: fc.array(email, { maxLength: 10 }),
    phones: fc.array(fc.stringMatching(/^\+7 \(\d{3}\) \d{3}-\d{2}-\d{2}$/), { maxLength: 3 }),
    messengers: fc.array(fc.record({ kind: fc.constantFrom('telegram', 'vk', 'other'), handle: name(20) }), {
      maxLength: 3,
    }),
    reportsToId: fc.oneof(
      existing(() => contactIds),
      fc.constant(null),
    ),
    notes: text(200),
    custom: fc.record(
      { vip: fc.oneof(fc.boolean(), fc.constant(null)), hobby: fc.string({ unit: 'grapheme', maxLength: 2000 }) },
      { requiredKeys: [] },
    ),
  });

  it('POST /contacts', async () => {
    await check(
      bodyOf(contactFields(), ['accountId', 'lastName']),
      (body) => api.post('/api/v1/contacts', body),
      async (created) => {
        const read = await api.get(`/api/v1/contacts/${created.body.id}`);
        expect(read.status).toBe(200);
        expect(read.body).toEqual(created.body);
      },
    );
  });

  it('PATCH /contacts/{id}', async () => {
    const target = await createContact(api, accountIds[0] as string, { lastName: 'Мишенев' });
    await check(
      bodyOf(contactFields()),
      (body) => api.patch(`/api/v1/contacts/${target.id}`, body),
      async (updated) => {
        const read = await api.get(`/api/v1/contacts/${target.id}`);
        expect(read.body).toEqual(updated.body);
      },
    );
  });

  const customFieldFields = () => ({
    labelEn: name(200),
    labelRu: name(200),
    options: fc.uniqueArray(fc.record({ value: name(5), labelEn: name(20), labelRu: name(20) }), {
      minLength: 1,
      maxLength: 3,
      selector: (option) => option.value.trim(),
    }),
    position: fc.integer({ min: 0, max: 10_000 }),
  });

  it('POST /custom-fields', async () => {
    await check(
      bodyOf(
        {
          entity: fc.constantFrom('account', 'contact'),
          key: fc.stringMatching(/^[a-z][a-z0-9_]{0,12}$/),
          type: fc.constantFrom('text', 'number', 'date', 'boolean', 'select'),
          ...customFieldFields(),
        },
        ['entity', 'key', 'type', 'labelEn', 'labelRu'],
      ),
      (body) => api.post('/api/v1/custom-fields', body),
      async (created) => {
        const list = await api.get('/api/v1/custom-fields');
        expect(list.body.items).toContainEqual(created.body);
      },
    );
  });

  it('PATCH /custom-fields/{id}', async () => {
    await check(
      bodyOf(customFieldFields()),
      (body) => api.patch(`/api/v1/custom-fields/${customFieldId}`, body),
      async (updated) => {
        const list = await api.get('/api/v1/custom-fields');
        expect(list.body.items).toContainEqual(updated.body);
      },
    );
  });

  const workspaceFields = () => ({
    name: name(200),
    defaultCurrency: fc.constantFrom('RUB', 'eur', 'USD'),
    locale: fc.constantFrom('ru', 'en'),
    timeZone: fc.constantFrom('Europe/Moscow', 'UTC', 'Asia/Yekaterinburg'),
  });

  it('PATCH /workspace', async () => {
    await check(
      bodyOf(workspaceFields()),
      (body) => api.patch('/api/v1/workspace', body),
      async (updated) => {
        const read = await api.get('/api/v1/workspace');
        expect(read.body).toEqual(updated.body);
      },
    );
  });

  it('POST /workspaces', async () => {
    await check(
      bodyOf(workspaceFields(), ['name']),
      (body) => api.post('/api/v1/workspaces', body),
      async (created) => {
        const me = await api.get('/api/v1/me');
        expect(me.body.workspaces).toContainEqual({ id: created.body.id, name: created.body.name, role: 'admin' });
      },
      20,
    );
  });

  it('POST /members and PATCH /members/{userId}', async () => {
    await check(
      bodyOf(
        {
          email: fc.oneof(email, fc.constant(workspace.users.viewer.email)),
          role: fc.constantFrom(...roles),
          name: name(200),
          password: fc.string({ minLength: 8, maxLength: 200 }),
        },
        ['email', 'role'],
      ),
      (body) => api.post('/api/v1/members', body),
      async (created) => {
        const read = await api.get(`/api/v1/members/${created.body.member.userId}`);
        expect(read.body).toEqual(created.body.member);
      },
      20,
    );
    await check(
      bodyOf({ role: fc.constantFrom(...roles) }),
      (body) => api.patch(`/api/v1/members/${workspace.users.viewer.id}`, body),
      async (updated) => {
        const read = await api.get(`/api/v1/members/${workspace.users.viewer.id}`);
        expect(read.body).toEqual(updated.body);
      },
      20,
    );
  });

  it('POST /api-tokens and PATCH /me', async () => {
    await check(
      bodyOf({ name: name(100), expiresInDays: fc.integer({ min: 1, max: 3650 }) }, ['name']),
      (body) => api.post('/api/v1/api-tokens', body),
      async (created) => {
        const list = await api.get('/api/v1/api-tokens');
        expect(list.body.items).toContainEqual(created.body.apiToken);
      },
      20,
    );
    await check(
      bodyOf({ name: name(200), locale: fc.constantFrom('ru', 'en') }),
      (body) => api.patch('/api/v1/me', body),
      async (updated) => {
        const me = await api.get('/api/v1/me');
        expect(me.body.user).toEqual(updated.body.user);
      },
      20,
    );
  });
});
