import { beforeAll, describe, expect, it } from 'vitest';
import { type Role, roles } from '../../src/platform/auth/permissions';
import { createAccount, createContact, expectProblem, idsOf } from '../support/api-helpers';
import type { ApiClient, SeededWorkspace, TestResponse } from '../support/test-app';
import { useTestApp } from '../support/test-app';

// NOTE: who may do what, written out by hand (the product's rules), so a slip in
// permissions.ts or in a route's declared access shows up here.
const managers: Role[] = ['admin'];
const editors: Role[] = ['admin', 'head', 'manager'];
const deleters: Role[] = ['admin', 'head'];
const auditors: Role[] = ['admin', 'head'];
const raters: Role[] = ['admin', 'head', 'manager'];
const portfolioHeads: Role[] = ['admin', 'head'];
const kpiCataloguers: Role[] = ['admin', 'head'];
const kpiTriagers: Role[] = ['admin', 'head', 'manager', 'specialist'];
const financeWriters: Role[] = ['admin', 'finance'];
const financeReaders: Role[] = ['admin', 'head', 'manager', 'finance', 'viewer'];

type WriteCase = {
  route: string;
  allowed: readonly Role[];
  /** Sends the request as `api`; `target` is what the admin prepared for it. */
  send(api: ApiClient, target: string): Promise<TestResponse>;
  /** Prepares a fresh target as the admin (an account to patch, a member to remove…). */
  prepare(): Promise<string>;
  /** Checks that a refused request left the target as it was. */
  unchanged(target: string): Promise<void>;
};

describe('authorization', () => {
  const t = useTestApp();
  let a: SeededWorkspace;
  let b: SeededWorkspace;
  const admin = () => a.users.admin.api;
  let memberCounter = 0;

  async function addMember(role: Role = 'viewer') {
    memberCounter += 1;
    const response = await admin().post('/api/v1/members', {
      email: `extra-${memberCounter}@example.com`,
      name: `Extra ${memberCounter}`,
      role,
    });
    expect(response.status).toBe(201);
    return response.body.member.userId as string;
  }

  beforeAll(async () => {
    a = await t.seedWorkspace('Workspace A');
    b = await t.seedWorkspace('Workspace B');
  });

  const accountUnchanged = async (id: string) => {
    const read = await admin().get(`/api/v1/accounts/${id}`);
    expect(read.status).toBe(200);
    expect(read.body.version).toBe(1);
  };
  const contactUnchanged = async (id: string) => {
    const read = await admin().get(`/api/v1/contacts/${id}`);
    expect(read.status).toBe(200);
    expect(read.body.version).toBe(1);
  };
  const customFieldUnchanged = async (id: string) => {
    const list = await admin().get('/api/v1/custom-fields');
    expect(list.body.items.find((field: { id: string }) => field.id === id)?.version).toBe(1);
  };
  const memberUnchanged = async (userId: string) => {
    const read = await admin().get(`/api/v1/members/${userId}`);
    expect(read.status).toBe(200);
    expect(read.body.role).toBe('viewer');
  };
  let fieldCounter = 0;
  const newCustomField = async () => {
    fieldCounter += 1;
    const response = await admin().post('/api/v1/custom-fields', {
      entity: 'account',
      key: `field_${fieldCounter}`,
      labelEn: 'Field',
      labelRu: 'Поле',
      type: 'text',
    });
    expect(response.status).toBe(201);
    return response.body.id as string;
  };

  const writeCases: WriteCase[] = [
    {
      route: 'PATCH /workspace',
      allowed: managers,
      prepare: async () => (await admin().get('/api/v1/workspace')).body.name,
      send: (api) => api.patch('/api/v1/workspace', { name: 'Renamed' }),
      unchanged: async (name) => expect((await admin().get('/api/v1/workspace')).body.name).toBe(name),
    },
    {
      route: 'POST /workspaces',
      allowed: managers,
      prepare: async () => '',
      send: (api) => api.post('/api/v1/workspaces', { name: 'Another' }),
      unchanged: async () => undefined,
    },
    {
      route: 'POST /members',
      allowed: managers,
      prepare: async () => {
        memberCounter += 1;
        return `invited-${memberCounter}@example.com`;
      },
      send: (api, email) => api.post('/api/v1/members', { email, name: 'Invited', role: 'viewer' }),
      unchanged: async (email) => {
        const list = await admin().get(`/api/v1/members?q=${encodeURIComponent(email)}`);
        expect(list.body.items).toEqual([]);
      },
    },
    {
      route: 'PATCH /members/{userId}',
      allowed: managers,
      prepare: () => addMember(),
      send: (api, userId) => api.patch(`/api/v1/members/${userId}`, { role: 'finance' }),
      unchanged: memberUnchanged,
    },
    {
      route: 'DELETE /members/{userId}',
      allowed: managers,
      prepare: () => addMember(),
      send: (api, userId) => api.delete(`/api/v1/members/${userId}`),
      unchanged: memberUnchanged,
    },
    {
      route: 'POST /accounts',
      allowed: editors,
      prepare: async () => `Account ${Math.random()}`,
      send: (api, name) => api.post('/api/v1/accounts', { name }),
      unchanged: async (name) => {
        const list = await admin().get(`/api/v1/accounts?q=${encodeURIComponent(name)}`);
        expect(list.body.items).toEqual([]);
      },
    },
    {
      route: 'PATCH /accounts/{id}',
      allowed: editors,
      prepare: async () => (await createAccount(admin())).id,
      send: (api, id) => api.patch(`/api/v1/accounts/${id}`, { status: 'active' }),
      unchanged: accountUnchanged,
    },
    {
      route: 'DELETE /accounts/{id}',
      allowed: deleters,
      prepare: async () => (await createAccount(admin())).id,
      send: (api, id) => api.delete(`/api/v1/accounts/${id}`),
      unchanged: accountUnchanged,
    },
    {
      route: 'POST /contacts',
      allowed: editors,
      prepare: async () => (await createAccount(admin())).id,
      send: (api, accountId) => api.post('/api/v1/contacts', { accountId, lastName: 'Новиков' }),
      unchanged: async (accountId) => {
        const list = await admin().get(`/api/v1/contacts?accountId=${accountId}`);
        expect(list.body.items).toEqual([]);
      },
    },
    {
      route: 'PATCH /contacts/{id}',
      allowed: editors,
      prepare: async () => (await createContact(admin(), (await createAccount(admin())).id)).id,
      send: (api, id) => api.patch(`/api/v1/contacts/${id}`, { title: 'CEO' }),
      unchanged: contactUnchanged,
    },
    {
      route: 'DELETE /contacts/{id}',
      allowed: editors,
      prepare: async () => (await createContact(admin(), (await createAccount(admin())).id)).id,
      send: (api, id) => api.delete(`/api/v1/contacts/${id}`),
      unchanged: contactUnchanged,
    },
    {
      route: 'POST /custom-fields',
      allowed: managers,
      prepare: async () => {
        fieldCounter += 1;
        return `posted_${fieldCounter}`;
      },
      send: (api, key) =>
        api.post('/api/v1/custom-fields', { entity: 'contact', key, labelEn: 'F', labelRu: 'П', type: 'number' }),
      unchanged: async (key) => {
        const list = await admin().get('/api/v1/custom-fields');
        expect(list.body.items.map((field: { key: string }) => field.key)).not.toContain(key);
      },
    },
    {
      route: 'PATCH /custom-fields/{id}',
      allowed: managers,
      prepare: newCustomField,
      send: (api, id) => api.patch(`/api/v1/custom-fields/${id}`, { labelEn: 'Renamed' }),
      unchanged: customFieldUnchanged,
    },
    {
      route: 'DELETE /custom-fields/{id}',
      allowed: managers,
      prepare: newCustomField,
      send: (api, id) => api.delete(`/api/v1/custom-fields/${id}`),
      unchanged: customFieldUnchanged,
    },
    {
      route: 'PUT /portfolio/model',
      allowed: portfolioHeads,
      prepare: async () => String((await admin().get('/api/v1/portfolio/model')).body.version),
      send: async (api) => {
        const {
          version: _v,
          note: _n,
          savedAt: _a,
          savedBy: _b,
          keyAccounts: _k,
          unavailable: _u,
          ...definition
        } = (await admin().get('/api/v1/portfolio/model')).body;
        return api.request('PUT', '/api/v1/portfolio/model', definition);
      },
      unchanged: async (version) =>
        expect(String((await admin().get('/api/v1/portfolio/model')).body.version)).toBe(version),
    },
    {
      route: 'PUT /portfolio/accounts/{id}/ratings (the manager’s own account)',
      allowed: raters,
      prepare: async () => (await createAccount(admin(), { ownerId: a.users.manager.id })).id,
      send: (api, id) =>
        api.request('PUT', `/api/v1/portfolio/accounts/${id}/ratings`, {
          ratings: [{ criterion: 'volume_potential', value: 7 }],
        }),
      unchanged: async (id) => expect((await admin().get(`/api/v1/portfolio/accounts/${id}`)).body.ratings).toEqual([]),
    },
    {
      route: 'POST /portfolio/designations (the manager’s own account)',
      allowed: raters,
      prepare: async () => (await createAccount(admin(), { ownerId: a.users.manager.id, status: 'active' })).id,
      send: (api, accountId) =>
        api.post('/api/v1/portfolio/designations', { accountId, justification: 'Potential to grow threefold' }),
      unchanged: async (id) =>
        expect((await admin().get(`/api/v1/portfolio/accounts/${id}`)).body.designations).toEqual([]),
    },
    ...(['approve', 'reject'] as const).map(
      (decision): WriteCase => ({
        route: `POST /portfolio/designations/{id}/${decision}`,
        allowed: portfolioHeads,
        prepare: async () => {
          const account = await createAccount(admin(), { status: 'active' });
          const nomination = await admin().post('/api/v1/portfolio/designations', {
            accountId: account.id,
            justification: 'Potential to grow threefold',
          });
          return nomination.body.id;
        },
        send: (api, id) => api.post(`/api/v1/portfolio/designations/${id}/${decision}`, { comment: 'Decided' }),
        unchanged: async (id) =>
          expect((await admin().get(`/api/v1/portfolio/designations/${id}`)).body.status).toBe('pending'),
      }),
    ),
    {
      route: 'POST /portfolio/accounts/{id}/demote',
      allowed: portfolioHeads,
      prepare: async () => (await createAccount(admin(), { status: 'key' })).id,
      send: (api, id) => api.post(`/api/v1/portfolio/accounts/${id}/demote`, { reason: 'Lost the framework deal' }),
      unchanged: async (id) => expect((await admin().get(`/api/v1/accounts/${id}`)).body.status).toBe('key'),
    },
    {
      route: 'POST /kpi-metrics',
      allowed: kpiCataloguers,
      prepare: async () => `metric_${Math.random().toString(36).slice(2, 10)}`,
      send: (api, key) =>
        api.post('/api/v1/kpi-metrics', {
          key,
          nameEn: 'Metric',
          nameRu: 'Метрика',
          unit: 'count',
          direction: 'higher_is_better',
          aggregation: 'sum',
          frequency: 'week',
        }),
      unchanged: async (key) => {
        const metrics = await admin().get('/api/v1/kpi-metrics');
        expect(metrics.body.items.map((metric: { key: string }) => metric.key)).not.toContain(key);
      },
    },
    {
      route: 'POST /kpi-series/{id}/points',
      allowed: editors,
      prepare: async () => {
        const account = await createAccount(admin());
        return (await admin().post('/api/v1/kpi-series', { accountId: account.id, metricKey: 'orders' })).body.id;
      },
      send: (api, id) => api.post(`/api/v1/kpi-series/${id}/points`, { points: [{ at: '2025-01-06', value: 3 }] }),
      unchanged: async (id) => expect((await admin().get(`/api/v1/kpi-series/${id}/points`)).body.items).toEqual([]),
    },
    {
      route: 'PATCH /kpi-findings/{id} (the specialist’s own account)',
      allowed: kpiTriagers,
      prepare: async () => {
        const account = await createAccount(admin(), {
          team: [{ userId: a.users.specialist.id, role: 'specialist' }],
        });
        const series = await admin().post('/api/v1/kpi-series', { accountId: account.id, metricKey: 'orders' });
        const [finding] = await t.query<{ id: string }>(
          `insert into kpi_findings (workspace_id, id, series_id, account_id, kind, score, at, since, observed,
             expected_low, expected_high)
           values ($1, gen_random_uuid(), $2, $3, 'spike', 0.9, now(), now(), 10, 1, 2) returning id`,
          [a.workspaceId, series.body.id, account.id],
        );
        return finding?.id as string;
      },
      send: (api, id) => api.patch(`/api/v1/kpi-findings/${id}`, { status: 'acknowledged' }),
      unchanged: async (id) => expect((await admin().get(`/api/v1/kpi-findings/${id}`)).body.status).toBe('open'),
    },
    {
      route: 'POST /portfolio/reviews',
      allowed: portfolioHeads,
      prepare: async () => `Review ${Math.random()}`,
      send: (api, name) => api.post('/api/v1/portfolio/reviews', { name }),
      unchanged: async (name) => {
        const reviews = await admin().get('/api/v1/portfolio/reviews?limit=500');
        expect(reviews.body.items.map((review: { name: string }) => review.name)).not.toContain(name);
      },
    },
    {
      route: 'POST /imports',
      allowed: editors,
      prepare: async () => `file-${Math.random()}.csv`,
      send: (api, fileName) => api.post(`/api/v1/imports?fileName=${fileName}`, new TextEncoder().encode('Name\nA\n')),
      unchanged: async (fileName) => {
        const list = await admin().get('/api/v1/imports?limit=100');
        expect(list.body.items.map((item: { fileName: string }) => item.fileName)).not.toContain(fileName);
      },
    },
    {
      route: 'POST /imports/{id}/run',
      allowed: editors,
      prepare: async () =>
        (await admin().post('/api/v1/imports?fileName=run.csv', new TextEncoder().encode('Name\nRun\n'))).body.id,
      send: (api, id) => api.post(`/api/v1/imports/${id}/run`),
      unchanged: async (id) => expect((await admin().get(`/api/v1/imports/${id}`)).body.status).toBe('draft'),
    },
  ];

  const financeDraft = async () => {
    const account = await createAccount(admin());
    const response = await admin().post('/api/v1/invoices', {
      accountId: account.id,
      currency: 'RUB',
      lines: [{ description: 'Услуги', quantityMilli: 1000, unitPriceMinor: 10_000, vatRate: 2200 }],
    });
    expect(response.status).toBe(201);
    return response.body as { id: string; accountId: string };
  };
  const invoiceStatusIs = (status: string) => async (id: string) =>
    expect((await admin().get(`/api/v1/invoices/${id}`)).body.status).toBe(status);
  writeCases.push(
    {
      route: 'POST /contracts',
      allowed: financeWriters,
      prepare: async () => (await createAccount(admin())).id,
      send: (api, accountId) =>
        api.post('/api/v1/contracts', {
          accountId,
          number: 'Д-1',
          signedOn: '2026-01-01',
          kind: 'services',
          startsOn: '2026-01-01',
          currency: 'RUB',
        }),
      unchanged: async (accountId) =>
        expect((await admin().get(`/api/v1/contracts?accountId=${accountId}`)).body.items).toEqual([]),
    },
    {
      route: 'POST /invoices',
      allowed: financeWriters,
      prepare: async () => (await createAccount(admin())).id,
      send: (api, accountId) => api.post('/api/v1/invoices', { accountId, currency: 'RUB' }),
      unchanged: async (accountId) =>
        expect((await admin().get(`/api/v1/invoices?accountId=${accountId}`)).body.items).toEqual([]),
    },
    {
      route: 'POST /invoices/{id}/issue',
      allowed: financeWriters,
      prepare: async () => (await financeDraft()).id,
      send: (api, id) => api.post(`/api/v1/invoices/${id}/issue`, {}),
      unchanged: invoiceStatusIs('draft'),
    },
    {
      route: 'POST /acts',
      allowed: financeWriters,
      prepare: async () => (await createAccount(admin())).id,
      send: (api, accountId) =>
        api.post('/api/v1/acts', {
          accountId,
          number: `А-${accountId}`,
          actDate: '2026-11-01',
          amountMinor: 100,
          currency: 'RUB',
        }),
      unchanged: async (accountId) =>
        expect((await admin().get(`/api/v1/acts?accountId=${accountId}`)).body.items).toEqual([]),
    },
    {
      route: 'POST /payments',
      allowed: financeWriters,
      prepare: async () => (await financeDraft()).accountId,
      send: (api, accountId) =>
        api.post('/api/v1/payments', { accountId, receivedOn: '2026-11-01', amountMinor: 100, currency: 'RUB' }),
      unchanged: async (accountId) =>
        expect((await admin().get(`/api/v1/payments?accountId=${accountId}`)).body.items).toEqual([]),
    },
  );

  describe.each(writeCases)('$route', (writeCase) => {
    it.each(roles)('as %s', async (role) => {
      const target = await writeCase.prepare();
      const response = await writeCase.send(a.users[role].api, target);
      if (writeCase.allowed.includes(role)) {
        expect(response.status, JSON.stringify(response.body)).toBeGreaterThanOrEqual(200);
        expect(response.status, JSON.stringify(response.body)).toBeLessThan(300);
      } else {
        const problem = expectProblem(response, 403, []);
        expect(problem.detail).toBe(`Your role (${role}) does not allow this action.`);
        await writeCase.unchanged(target);
      }
    });
  });

  it.each(roles)(
    'lets %s read the workspace, members, accounts, contacts, fields, portfolio, KPIs and own tokens',
    async (role) => {
      const api = a.users[role].api;
      for (const path of [
        '/api/v1/me',
        '/api/v1/workspace',
        '/api/v1/members',
        `/api/v1/members/${a.users.admin.id}`,
        '/api/v1/accounts',
        '/api/v1/accounts/facets',
        '/api/v1/contacts',
        '/api/v1/custom-fields',
        '/api/v1/api-tokens',
        '/api/v1/portfolio',
        '/api/v1/portfolio/model',
        '/api/v1/portfolio/designations',
        '/api/v1/portfolio/reviews',
        '/api/v1/kpi-metrics',
        '/api/v1/kpi-series',
        '/api/v1/kpi-findings',
        '/api/v1/health',
        '/api/v1/health/settings',
        '/api/v1/exports/accounts',
        '/api/v1/exports/contacts',
      ]) {
        expect((await api.get(path)).status, path).toBe(200);
      }
      const importsList = await api.get('/api/v1/imports');
      if (editors.includes(role)) expect(importsList.status).toBe(200);
      else expectProblem(importsList, 403);
      const audit = await api.get('/api/v1/audit-log');
      if (auditors.includes(role)) expect(audit.status).toBe(200);
      else expectProblem(audit, 403);
    },
  );

  it.each(roles)('lets %s read money only with a finance role (specialists see none of it)', async (role) => {
    const api = a.users[role].api;
    for (const path of [
      '/api/v1/invoices',
      '/api/v1/contracts',
      '/api/v1/payments',
      '/api/v1/receivables',
      '/api/v1/receivables/chase',
      '/api/v1/finance/settings',
      '/api/v1/finance/checks',
      '/api/v1/finance/reminders',
      '/api/v1/credit-notes',
      '/api/v1/acts',
    ]) {
      const response = await api.get(path);
      if (financeReaders.includes(role)) expect(response.status, path).toBe(200);
      else expectProblem(response, 403);
    }
  });

  it.each(roles)('lets %s manage their own API tokens and profile', async (role) => {
    const api = a.users[role].api;
    const created = await api.post('/api/v1/api-tokens', { name: `${role} script` });
    expect(created.status).toBe(201);
    expect((await api.delete(`/api/v1/api-tokens/${created.body.apiToken.id}`)).status).toBe(204);
    expect((await api.patch('/api/v1/me', { locale: 'ru' })).status).toBe(200);
  });

  it('does not let one member revoke another member’s token', async () => {
    const created = await a.users.viewer.api.post('/api/v1/api-tokens', { name: 'mine' });
    const response = await a.users.admin.api.delete(`/api/v1/api-tokens/${created.body.apiToken.id}`);
    expectProblem(response, 404);
    const mine = await a.users.viewer.api.get('/api/v1/api-tokens');
    expect(idsOf(mine.body)).toContain(created.body.apiToken.id);
    expect(idsOf((await a.users.admin.api.get('/api/v1/api-tokens')).body)).not.toContain(created.body.apiToken.id);
  });

  it('answers 401 to anonymous requests on every route but sign-in', async () => {
    const document = (await t.anonymous.get('/api/openapi.json')).body;
    const someId = '0190a0e0-0000-7000-8000-000000000000';
    let checked = 0;
    for (const [path, operations] of Object.entries<Record<string, { 'x-accord-access': string }>>(document.paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        const url = path.replace(/\{\w+\}/g, someId);
        const response = await t.anonymous.request(method.toUpperCase(), url, method === 'get' ? undefined : {});
        if (operation['x-accord-access'] === 'public') {
          expect(response.status, `${method} ${path}`).not.toBe(401);
        } else {
          expectProblem(response, 401);
          expect(response.body.detail, `${method} ${path}`).toBe('Sign in to continue.');
          checked += 1;
        }
      }
    }
    expect(checked).toBeGreaterThanOrEqual(25);
  });

  describe('between workspaces', () => {
    let foreign: { account: string; contact: string; customField: string; token: string; importId: string };

    beforeAll(async () => {
      const account = await createAccount(b.users.admin.api, { name: 'Чужой аккаунт' });
      const contact = await createContact(b.users.admin.api, account.id, { lastName: 'Чужаков' });
      const customField = await b.users.admin.api.post('/api/v1/custom-fields', {
        entity: 'account',
        key: 'foreign',
        labelEn: 'Foreign',
        labelRu: 'Чужое',
        type: 'text',
      });
      const token = await b.users.admin.api.post('/api/v1/api-tokens', { name: 'foreign' });
      const upload = await b.users.admin.api.post(
        '/api/v1/imports?fileName=foreign.csv',
        new TextEncoder().encode('Name\nЧужая\n'),
      );
      foreign = {
        account: account.id,
        contact: contact.id,
        customField: customField.body.id,
        token: token.body.apiToken.id,
        importId: upload.body.id,
      };
    });

    it('answers 404 to every id of another workspace, on every {id} route, and changes nothing', async () => {
      const api = a.users.admin.api;
      const attempts: [string, () => Promise<TestResponse>][] = [
        ['GET account', () => api.get(`/api/v1/accounts/${foreign.account}`)],
        ['PATCH account', () => api.patch(`/api/v1/accounts/${foreign.account}`, { name: 'Захвачен' })],
        ['DELETE account', () => api.delete(`/api/v1/accounts/${foreign.account}`)],
        ['GET contact', () => api.get(`/api/v1/contacts/${foreign.contact}`)],
        ['PATCH contact', () => api.patch(`/api/v1/contacts/${foreign.contact}`, { title: 'Шпион' })],
        ['DELETE contact', () => api.delete(`/api/v1/contacts/${foreign.contact}`)],
        ['PATCH custom field', () => api.patch(`/api/v1/custom-fields/${foreign.customField}`, { labelEn: 'Mine' })],
        ['DELETE custom field', () => api.delete(`/api/v1/custom-fields/${foreign.customField}`)],
        ['GET member', () => api.get(`/api/v1/members/${b.users.viewer.id}`)],
        ['PATCH member', () => api.patch(`/api/v1/members/${b.users.viewer.id}`, { role: 'admin' })],
        ['DELETE member', () => api.delete(`/api/v1/members/${b.users.viewer.id}`)],
        ['DELETE api token', () => api.delete(`/api/v1/api-tokens/${foreign.token}`)],
        ['GET import', () => api.get(`/api/v1/imports/${foreign.importId}`)],
        ['POST import run', () => api.post(`/api/v1/imports/${foreign.importId}/run`)],
      ];
      for (const [name, attempt] of attempts) {
        const response = await attempt();
        expect(response.status, name).toBe(404);
        expectProblem(response, 404, []);
      }
      const owner = b.users.admin.api;
      expect((await owner.get(`/api/v1/accounts/${foreign.account}`)).body).toMatchObject({ version: 1 });
      expect((await owner.get(`/api/v1/contacts/${foreign.contact}`)).body).toMatchObject({ version: 1, title: null });
      expect((await owner.get(`/api/v1/members/${b.users.viewer.id}`)).body.role).toBe('viewer');
      expect((await owner.get('/api/v1/custom-fields')).body.items[0]).toMatchObject({ labelEn: 'Foreign' });
      expect((await owner.get('/api/v1/api-tokens')).body.items[0]).toMatchObject({ revokedAt: null });
      expect((await owner.get(`/api/v1/imports/${foreign.importId}`)).body.status).toBe('draft');
    });

    it('answers the same 404 for another workspace’s id as for an id that never existed', async () => {
      const never = await a.users.admin.api.get('/api/v1/accounts/0190a0e0-0000-7000-8000-000000000000');
      const foreignRead = await a.users.admin.api.get(`/api/v1/accounts/${foreign.account}`);
      expect({ ...foreignRead.body, requestId: undefined }).toEqual({ ...never.body, requestId: undefined });
    });

    it('never lists another workspace’s rows', async () => {
      const api = a.users.admin.api;
      const accounts = await api.get('/api/v1/accounts?limit=500');
      expect(idsOf(accounts.body)).not.toContain(foreign.account);
      expect((await api.get('/api/v1/accounts?q=Чужой')).body.items).toEqual([]);
      const contacts = await api.get('/api/v1/contacts?limit=500');
      expect(idsOf(contacts.body)).not.toContain(foreign.contact);
      expect((await api.get(`/api/v1/contacts?accountId=${foreign.account}`)).body.items).toEqual([]);
      const members = await api.get('/api/v1/members?limit=500');
      expect(members.body.items.map((member: { userId: string }) => member.userId)).not.toContain(b.users.admin.id);
      expect(idsOf((await api.get('/api/v1/custom-fields')).body)).not.toContain(foreign.customField);
      expect((await api.get(`/api/v1/audit-log?entityId=${foreign.account}`)).body.items).toEqual([]);
      const facets = await api.get('/api/v1/accounts/facets');
      expect(facets.body.owners.map((owner: { id: string }) => owner.id)).not.toContain(b.users.admin.id);
    });

    it('does not let a write point at another workspace’s rows or people', async () => {
      const api = a.users.admin.api;
      expectProblem(await api.post('/api/v1/accounts', { name: 'X', parentId: foreign.account }), 422, ['parentId']);
      expectProblem(await api.post('/api/v1/accounts', { name: 'X', ownerId: b.users.admin.id }), 422, ['ownerId']);
      expectProblem(
        await api.post('/api/v1/accounts', { name: 'X', team: [{ userId: b.users.admin.id, role: 'manager' }] }),
        422,
        ['team'],
      );
      expectProblem(await api.post('/api/v1/contacts', { accountId: foreign.account, lastName: 'X' }), 422, [
        'accountId',
      ]);
      const mine = await createAccount(api, { name: 'Свой' });
      expectProblem(
        await api.post('/api/v1/contacts', { accountId: mine.id, lastName: 'X', reportsToId: foreign.contact }),
        422,
        ['reportsToId'],
      );
      await createAccount(api, { name: 'Менеджерский', ownerId: a.users.manager.id });
      expectProblem(await api.delete(`/api/v1/members/${a.users.manager.id}?reassignTo=${b.users.admin.id}`), 422, [
        'reassignTo',
      ]);
    });

    it('answers 404 to switching a session to a workspace one is not a member of', async () => {
      const session = await t.signIn(a.users.viewer.email, a.users.viewer.password);
      const response = await session.post('/api/v1/me/workspace', { workspaceId: b.workspaceId });
      expectProblem(response, 404, []);
      expect((await session.get('/api/v1/me')).body.workspace.id).toBe(a.workspaceId);
    });

    it('keeps an API token in its own workspace', async () => {
      const member = await b.users.admin.api.post('/api/v1/members', { email: a.users.admin.email, role: 'viewer' });
      expect(member.status).toBe(201);
      const response = await a.users.admin.api.post('/api/v1/me/workspace', { workspaceId: b.workspaceId });
      expect(expectProblem(response, 422, []).detail).toBe('An API token belongs to one workspace; sign in to switch.');
      expect((await a.users.admin.api.get('/api/v1/me')).body.workspace.id).toBe(a.workspaceId);
    });
  });
});
