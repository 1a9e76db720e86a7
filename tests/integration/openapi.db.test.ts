import { Validator } from '@seriousme/openapi-schema-validator';
import { beforeAll, describe, expect, it } from 'vitest';
import { permissions } from '../../src/platform/auth/permissions';
import { type OpenApiDocument as Contract, contractViolations, responseSchema } from '../support/openapi-contract';
import { type ApiClient, type TestResponse, useTestApp } from '../support/test-app';

type Operation = {
  'x-accord-access'?: string;
  security?: Record<string, string[]>[];
  responses: Record<string, { content?: Record<string, unknown> }>;
};
type OpenApiDocument = { openapi: string; paths: Record<string, Record<string, Operation>> };

const methods = ['get', 'post', 'put', 'patch', 'delete'];

describe('OpenAPI document', () => {
  const t = useTestApp();
  let document: OpenApiDocument;
  let operations: { key: string; operation: Operation }[];

  beforeAll(async () => {
    const response = await t.anonymous.get('/api/openapi.json');
    expect(response.status).toBe(200);
    document = response.body;
    operations = Object.entries(document.paths).flatMap(([path, pathItem]) =>
      Object.entries(pathItem)
        .filter(([method]) => methods.includes(method))
        .map(([method, operation]) => ({ key: `${method.toUpperCase()} ${path}`, operation })),
    );
  });

  it('is a valid OpenAPI 3.1 document', async () => {
    const validator = new Validator();
    const result = await validator.validate(structuredClone(document));
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe('3.1');
  });

  it('describes every API route the app serves, and nothing it does not', () => {
    const served = t.app.routes
      .filter((route) => route.path.startsWith('/api/v1/') && methods.includes(route.method.toLowerCase()))
      .map((route) => `${route.method} ${route.path.replace(/:(\w+)/g, '{$1}')}`);
    expect(new Set(operations.map(({ key }) => key))).toEqual(new Set(served));
    expect(served.length).toBeGreaterThanOrEqual(30);
  });

  it('declares who may call each operation, and asks for credentials unless it is public', () => {
    const allowed = new Set<string>(['public', 'signed-in', ...permissions]);
    for (const { key, operation } of operations) {
      const access = operation['x-accord-access'];
      expect(access, key).toBeDefined();
      expect(allowed.has(access as string), `${key}: ${access}`).toBe(true);
      if (access === 'public') expect(operation.security, key).toEqual([]);
      else expect(operation.security, key).toEqual([{ session: [] }, { bearer: [] }]);
    }
    expect(
      operations.filter(({ operation }) => operation['x-accord-access'] === 'public').map(({ key }) => key),
    ).toEqual(['POST /api/v1/auth/login', 'GET /api/v1/calendar-feeds/{file}']);
  });

  it('documents the problem responses of every operation as problem+json', () => {
    for (const { key, operation } of operations) {
      for (const status of ['400', '401', '403']) {
        expect(Object.keys(operation.responses[status]?.content ?? {}), `${key} ${status}`).toEqual([
          'application/problem+json',
        ]);
      }
      const success = Object.keys(operation.responses).filter((status) => status.startsWith('2'));
      expect(success.length, key).toBe(1);
    }
  });

  it('answers every operation with the body and status it documents', async () => {
    const calls: { method: string; url: string; response: TestResponse }[] = [];
    const call = async (
      api: ApiClient,
      method: string,
      url: string,
      body?: unknown,
      headers?: Record<string, string>,
    ) => {
      const response = await api.request(method, url, body, headers);
      calls.push({ method, url, response });
      return response;
    };
    const workspace = await t.seedWorkspace();
    const admin = workspace.users.admin.api;
    const { viewer } = workspace.users;

    const login = await call(t.anonymous, 'POST', '/api/v1/auth/login', {
      email: viewer.email,
      password: viewer.password,
    });
    const { sessionClient } = await import('../support/test-app');
    const session = sessionClient(t.app, login);
    await call(session, 'GET', '/api/v1/me');
    await call(session, 'PATCH', '/api/v1/me', { locale: 'ru' });
    await call(session, 'POST', '/api/v1/me/password', {
      currentPassword: viewer.password,
      newPassword: 'new password 1',
    });
    await call(session, 'POST', '/api/v1/me/password', { currentPassword: 'wrong', newPassword: 'new password 2' });
    await call(session, 'POST', '/api/v1/me/workspace', { workspaceId: workspace.workspaceId });
    await call(session, 'POST', '/api/v1/me/workspace', { workspaceId: '0190a0e0-0000-7000-8000-000000000000' });
    await call(admin, 'POST', '/api/v1/me/workspace', { workspaceId: workspace.workspaceId });

    await call(admin, 'GET', '/api/v1/workspace');
    await call(admin, 'PATCH', '/api/v1/workspace', { name: 'Договор' });
    await call(admin, 'PATCH', '/api/v1/workspace', { name: 'Договор' }, { 'if-match': '"1"' });
    await call(admin, 'POST', '/api/v1/workspaces', { name: 'Ещё одно' });

    const added = await call(admin, 'POST', '/api/v1/members', {
      email: 'contract@example.com',
      name: 'К',
      role: 'viewer',
    });
    const member = `/api/v1/members/${added.body.member.userId}`;
    await call(admin, 'POST', '/api/v1/members', { email: 'contract@example.com', role: 'viewer' });
    await call(admin, 'GET', '/api/v1/members?limit=2');
    await call(admin, 'GET', member);
    await call(admin, 'PATCH', member, { role: 'finance' });
    await call(admin, 'PATCH', member, { role: 'finance' }, { 'if-match': '"1"' });
    await call(admin, 'PATCH', `/api/v1/members/${workspace.users.admin.id}`, { role: 'viewer' });
    await call(admin, 'DELETE', member);
    await call(admin, 'DELETE', member);

    const field = await call(admin, 'POST', '/api/v1/custom-fields', {
      entity: 'account',
      key: 'tier',
      labelEn: 'Tier',
      labelRu: 'Уровень',
      type: 'select',
      options: [{ value: 'a', labelEn: 'A', labelRu: 'А' }],
    });
    await call(admin, 'POST', '/api/v1/custom-fields', {
      entity: 'account',
      key: 'tier',
      labelEn: 'T',
      labelRu: 'У',
      type: 'text',
    });
    await call(admin, 'GET', '/api/v1/custom-fields');
    await call(admin, 'PATCH', `/api/v1/custom-fields/${field.body.id}`, { labelEn: 'Level' });
    await call(admin, 'PATCH', `/api/v1/custom-fields/${field.body.id}`, { labelEn: 'Level' }, { 'if-match': '"1"' });

    const parent = await call(admin, 'POST', '/api/v1/accounts', { name: 'Родитель' });
    const account = await call(admin, 'POST', '/api/v1/accounts', {
      name: 'Договорной',
      parentId: parent.body.id,
      custom: { tier: 'a' },
      team: [{ userId: viewer.id, role: 'support' }],
    });
    const accountPath = `/api/v1/accounts/${account.body.id}`;
    await call(admin, 'POST', '/api/v1/accounts', { name: 'Цикл', ownerId: '0190a0e0-0000-7000-8000-000000000000' });
    await call(admin, 'GET', '/api/v1/accounts?limit=1');
    await call(admin, 'GET', '/api/v1/accounts/facets');
    await call(admin, 'GET', `/api/v1/accounts/${parent.body.id}`);
    await call(admin, 'PATCH', accountPath, { status: 'key' });
    await call(admin, 'PATCH', accountPath, { status: 'key' }, { 'if-match': '"1"' });
    await call(admin, 'PATCH', `/api/v1/accounts/${parent.body.id}`, { parentId: account.body.id });
    await call(viewer.api, 'PATCH', accountPath, { status: 'lost' });

    const rated = await call(admin, 'POST', '/api/v1/accounts', { name: 'Портфельный', status: 'active' });
    const ratedPath = `/api/v1/portfolio/accounts/${rated.body.id}`;
    const model = await call(viewer.api, 'GET', '/api/v1/portfolio/model');
    const {
      version: _version,
      note: _note,
      savedAt: _at,
      savedBy: _by,
      keyAccounts,
      unavailable,
      ...definition
    } = model.body;
    expect([keyAccounts, unavailable]).toEqual([1, []]);
    await call(admin, 'PUT', '/api/v1/portfolio/model', { ...definition, note: 'Договор' }, { 'if-match': '"0"' });
    await call(admin, 'PUT', '/api/v1/portfolio/model', definition, { 'if-match': '"0"' });
    await call(admin, 'PUT', '/api/v1/portfolio/model', { ...definition, keyAccountCap: 0 });
    await call(admin, 'GET', '/api/v1/portfolio/model/versions');
    await call(admin, 'GET', '/api/v1/portfolio/model/versions/1');
    await call(admin, 'GET', '/api/v1/portfolio/model/versions/9');
    await call(admin, 'GET', '/api/v1/portfolio/facts');
    const rating = { criterion: 'volume_potential', value: 8, comment: 'Растёт' };
    await call(admin, 'PUT', `${ratedPath}/ratings`, { ratings: [rating] });
    await call(admin, 'PUT', `${ratedPath}/ratings`, { ratings: [{ ...rating, version: 7 }] });
    await call(viewer.api, 'PUT', `${ratedPath}/ratings`, { ratings: [rating] });
    await call(admin, 'GET', ratedPath);
    await call(admin, 'GET', '/api/v1/portfolio?size=criterion:volume_potential');
    await call(admin, 'GET', '/api/v1/portfolio/export?status=active');
    const justification = { accountId: rated.body.id, justification: 'Большой потенциал роста' };
    const nomination = await call(admin, 'POST', '/api/v1/portfolio/designations', justification);
    const nominationPath = `/api/v1/portfolio/designations/${nomination.body.id}`;
    await call(admin, 'POST', '/api/v1/portfolio/designations', justification);
    await call(admin, 'GET', '/api/v1/portfolio/designations?status=pending');
    await call(admin, 'GET', nominationPath);
    await call(admin, 'POST', `${nominationPath}/approve`, {}, { 'if-match': '"9"' });
    await call(admin, 'POST', `${nominationPath}/approve`, { comment: 'Да' });
    await call(admin, 'POST', `${nominationPath}/reject`, { comment: 'Нет' });
    const second = await call(admin, 'POST', '/api/v1/portfolio/designations', {
      ...justification,
      accountId: parent.body.id,
    });
    await call(admin, 'POST', `/api/v1/portfolio/designations/${second.body.id}/reject`, { comment: 'Не сейчас' });
    await call(admin, 'POST', `${ratedPath}/demote`, { reason: 'Потеряли контракт' }, { 'if-match': '"1"' });
    await call(admin, 'POST', `${ratedPath}/demote`, { reason: 'Потеряли контракт', status: 'at_risk' });
    await call(admin, 'POST', `${ratedPath}/demote`, { reason: 'Потеряли контракт' });
    const firstReview = await call(admin, 'POST', '/api/v1/portfolio/reviews', { name: 'Годовой обзор' });
    const secondReview = await call(admin, 'POST', '/api/v1/portfolio/reviews', { name: 'Полугодовой обзор' });
    await call(admin, 'GET', '/api/v1/portfolio/reviews?limit=1');
    const compare = `/api/v1/portfolio/reviews/compare?from=${firstReview.body.id}`;
    await call(admin, 'GET', `${compare}&to=${secondReview.body.id}`);
    await call(admin, 'GET', compare);
    await call(admin, 'GET', '/api/v1/portfolio/reviews/compare?from=0190a0e0-0000-7000-8000-000000000000');

    const metricInput = {
      key: 'booked_calls',
      nameEn: 'Booked calls',
      nameRu: 'Записи на звонок',
      unit: 'count',
      direction: 'higher_is_better',
      aggregation: 'sum',
      frequency: 'week',
    };
    await call(viewer.api, 'GET', '/api/v1/kpi-metrics');
    const metric = await call(admin, 'POST', '/api/v1/kpi-metrics', metricInput);
    await call(admin, 'POST', '/api/v1/kpi-metrics', metricInput);
    await call(admin, 'PATCH', `/api/v1/kpi-metrics/${metric.body.id}`, { nameEn: 'Calls' }, { 'if-match': '"9"' });
    await call(admin, 'PATCH', `/api/v1/kpi-metrics/${metric.body.id}`, { nameEn: 'Calls' });
    await call(admin, 'DELETE', `/api/v1/kpi-metrics/${metric.body.id}`);
    const kpiSeries = await call(admin, 'POST', '/api/v1/kpi-series', {
      accountId: parent.body.id,
      metricKey: 'leads',
      dimension: 'VK Ads',
    });
    await call(admin, 'POST', '/api/v1/kpi-series', {
      accountId: parent.body.id,
      metricKey: 'leads',
      dimension: 'VK Ads',
    });
    const kpiSeriesPath = `/api/v1/kpi-series/${kpiSeries.body.id}`;
    await call(admin, 'GET', `/api/v1/kpi-series?accountId=${parent.body.id}&limit=1`);
    await call(admin, 'GET', kpiSeriesPath);
    const weekly = Array.from({ length: 120 }, (_, index) => ({
      at: new Date(Date.UTC(2023, 0, 2) + index * 7 * 86_400_000).toISOString().slice(0, 10),
      value: index === 100 ? 900 : 100 + (index % 5),
    }));
    await call(admin, 'POST', `${kpiSeriesPath}/points`, { points: weekly }, { 'idempotency-key': 'contract-1' });
    await call(
      admin,
      'POST',
      `${kpiSeriesPath}/points`,
      { points: weekly.slice(1) },
      { 'idempotency-key': 'contract-1' },
    );
    await call(admin, 'POST', `${kpiSeriesPath}/points`, { points: [{ at: 'вчера', value: 1 }] });
    const { runDetectionJobs } = await import('../../src/modules/kpis');
    await runDetectionJobs(t.deps.db);
    await call(admin, 'GET', `${kpiSeriesPath}/points?from=2024-01-01&to=2025-01-01`);
    const target = await call(admin, 'POST', `${kpiSeriesPath}/targets`, {
      periodStart: '2024-01-01',
      periodEnd: '2024-03-31',
      value: 1300,
    });
    await call(admin, 'POST', `${kpiSeriesPath}/targets`, {
      periodStart: '2024-01-01',
      periodEnd: '2024-03-31',
      value: 1,
    });
    await call(admin, 'GET', `${kpiSeriesPath}/targets`);
    await call(admin, 'DELETE', `/api/v1/kpi-targets/${target.body.id}`);
    const findings = await call(admin, 'GET', `/api/v1/kpi-findings?seriesId=${kpiSeries.body.id}`);
    const findingPath = `/api/v1/kpi-findings/${findings.body.items[0]?.id}`;
    await call(admin, 'GET', findingPath);
    await call(admin, 'PATCH', findingPath, { status: 'acknowledged' }, { 'if-match': '"9"' });
    await call(admin, 'PATCH', findingPath, { status: 'acknowledged', note: 'Видим' });
    await call(admin, 'POST', `${findingPath}/follow-up`, { ownerId: workspace.users.admin.id, dueOn: '2026-12-20' });
    await call(admin, 'POST', `${findingPath}/follow-up`, { ownerId: workspace.users.admin.id, dueOn: '2026-12-20' });
    await call(admin, 'GET', `/api/v1/accounts/${parent.body.id}/health`);
    await call(admin, 'GET', '/api/v1/accounts/0190a0e0-0000-7000-8000-000000000000/health');
    await call(admin, 'GET', '/api/v1/health');
    await call(admin, 'POST', '/api/v1/health/recompute');
    await call(viewer.api, 'GET', '/api/v1/kpi-derived-sources');
    await call(admin, 'GET', '/api/v1/health/settings');
    await call(admin, 'PUT', '/api/v1/health/settings', { weights: { nps: 5 } }, { 'if-match': '"0"' });
    await call(admin, 'PUT', '/api/v1/health/settings', { weights: { nps: 5 } }, { 'if-match': '"0"' });
    await call(admin, 'PUT', '/api/v1/health/settings', { weights: { nps: -5 } });
    await call(admin, 'DELETE', kpiSeriesPath);
    await call(admin, 'GET', kpiSeriesPath);

    const boss = await call(admin, 'POST', '/api/v1/contacts', { accountId: account.body.id, lastName: 'Босс' });
    const contact = await call(admin, 'POST', '/api/v1/contacts', {
      accountId: account.body.id,
      lastName: 'Подчинённый',
      reportsToId: boss.body.id,
      messengers: [{ kind: 'telegram', handle: '@x' }],
    });
    const contactPath = `/api/v1/contacts/${contact.body.id}`;
    await call(admin, 'POST', '/api/v1/contacts', {
      accountId: parent.body.id,
      lastName: 'X',
      reportsToId: boss.body.id,
    });
    await call(admin, 'GET', '/api/v1/contacts?limit=1');

    const stakeholderPath = `/api/v1/contacts/${boss.body.id}/stakeholder`;
    await call(admin, 'GET', stakeholderPath);
    await call(
      admin,
      'PATCH',
      stakeholderPath,
      { buyingRole: 'decision_maker', keyPlayer: true },
      { 'if-match': '"0"' },
    );
    await call(admin, 'PATCH', stakeholderPath, { keyPlayer: false }, { 'if-match': '"0"' });
    await call(admin, 'PATCH', stakeholderPath, { support: 'boss' });
    const coverage = await call(admin, 'POST', `/api/v1/contacts/${boss.body.id}/coverage`, {
      userId: viewer.id,
      currentLevel: 'vendor',
      targetLevel: 'trusted_advisor',
    });
    await call(admin, 'POST', `/api/v1/contacts/${boss.body.id}/coverage`, {
      userId: viewer.id,
      currentLevel: 'vendor',
    });
    await call(admin, 'PATCH', `/api/v1/coverage/${coverage.body.id}`, { currentLevel: 'credible_source' });
    await call(
      admin,
      'PATCH',
      `/api/v1/coverage/${coverage.body.id}`,
      { currentLevel: 'vendor' },
      { 'if-match': '"1"' },
    );
    const link = await call(admin, 'POST', '/api/v1/stakeholder-links', {
      fromContactId: boss.body.id,
      toContactId: contact.body.id,
      kind: 'influences',
    });
    await call(admin, 'POST', '/api/v1/stakeholder-links', {
      fromContactId: boss.body.id,
      toContactId: boss.body.id,
      kind: 'influences',
    });
    await call(admin, 'PATCH', `/api/v1/stakeholder-links/${link.body.id}`, { note: 'Друзья' });
    const interaction = await call(admin, 'POST', '/api/v1/interactions', {
      accountId: account.body.id,
      kind: 'meeting',
      status: 'planned',
      occurredAt: '2027-01-15T10:00:00Z',
      subject: 'Встреча',
      contactIds: [boss.body.id],
      userIds: [viewer.id],
      nextStep: 'Прислать КП',
      nextStepOwnerId: viewer.id,
      nextStepDueOn: '2027-01-20',
    });
    await call(admin, 'POST', '/api/v1/interactions', {
      accountId: account.body.id,
      kind: 'call',
      status: 'held',
      occurredAt: '2030-01-01T10:00:00Z',
      subject: 'Будущее',
    });
    const interactionPath = `/api/v1/interactions/${interaction.body.id}`;
    await call(admin, 'GET', interactionPath);
    await call(admin, 'PATCH', interactionPath, { outcome: 'Договорились' });
    await call(admin, 'PATCH', interactionPath, { outcome: 'Иначе' }, { 'if-match': '"1"' });
    await call(admin, 'GET', `/api/v1/accounts/${account.body.id}/interactions?limit=1`);
    await call(admin, 'GET', `/api/v1/accounts/${account.body.id}/org-chart`);
    await call(admin, 'GET', `/api/v1/accounts/${account.body.id}/relationship-summary`);
    await call(admin, 'GET', '/api/v1/relationship-gaps?limit=1');
    await call(admin, 'GET', '/api/v1/relationship-settings');
    await call(admin, 'PATCH', '/api/v1/relationship-settings', { staleAfterDays: 45 });
    await call(admin, 'PATCH', '/api/v1/relationship-settings', { staleAfterDays: 45 }, { 'if-match': '"0"' });
    const feed = await call(viewer.api, 'POST', '/api/v1/calendar-feed');
    await call(viewer.api, 'GET', '/api/v1/calendar-feed');
    await call(t.anonymous, 'GET', feed.body.path);
    await call(viewer.api, 'DELETE', '/api/v1/calendar-feed');
    await call(t.anonymous, 'GET', feed.body.path);
    await call(admin, 'DELETE', `/api/v1/stakeholder-links/${link.body.id}`, undefined, { 'if-match': '"1"' });
    await call(admin, 'DELETE', `/api/v1/stakeholder-links/${link.body.id}`);
    await call(admin, 'DELETE', `/api/v1/coverage/${coverage.body.id}`);
    await call(admin, 'DELETE', `/api/v1/coverage/${coverage.body.id}`);
    await call(admin, 'DELETE', interactionPath, undefined, { 'if-match': '"1"' });
    await call(admin, 'DELETE', interactionPath);
    await call(admin, 'GET', interactionPath);
    await call(admin, 'GET', `/api/v1/contacts/${boss.body.id}`);
    await call(admin, 'PATCH', contactPath, { title: 'CFO' });
    await call(admin, 'PATCH', contactPath, { title: 'CFO' }, { 'if-match': '"1"' });
    await call(admin, 'DELETE', contactPath, undefined, { 'if-match': '"1"' });
    await call(admin, 'DELETE', contactPath);
    await call(admin, 'GET', contactPath);
    await call(admin, 'DELETE', accountPath, undefined, { 'if-match': '"1"' });
    await call(admin, 'DELETE', accountPath);
    await call(admin, 'GET', accountPath);
    await call(admin, 'DELETE', `/api/v1/custom-fields/${field.body.id}`, undefined, { 'if-match': '"1"' });
    await call(admin, 'DELETE', `/api/v1/custom-fields/${field.body.id}`);
    await call(admin, 'DELETE', `/api/v1/custom-fields/${field.body.id}`);

    const { importFixture, waitForImport } = await import('../support/import-helpers');
    const upload = await call(
      admin,
      'POST',
      '/api/v1/imports?fileName=companies.csv',
      new Uint8Array(await importFixture('bitrix24-companies-1251.csv')),
    );
    await call(admin, 'POST', '/api/v1/imports?fileName=empty.csv', new TextEncoder().encode('name\n'));
    const importPath = `/api/v1/imports/${upload.body.id}`;
    await call(admin, 'GET', '/api/v1/imports?limit=1');
    await call(admin, 'GET', importPath);
    await call(admin, 'PATCH', importPath, { delimiter: ';', mapping: { 'Название компании': 'name' } });
    await call(admin, 'GET', `${importPath}/preview`);
    await call(admin, 'POST', `${importPath}/dry-run`);
    await call(admin, 'GET', `${importPath}/problems`);
    await call(admin, 'POST', `${importPath}/run`);
    await waitForImport(admin, upload.body.id);
    await call(admin, 'POST', `${importPath}/run`);
    await call(admin, 'PATCH', importPath, { kind: 'contacts' });
    await call(admin, 'POST', `${importPath}/cancel`);
    await call(admin, 'POST', `${importPath}/undo`);
    await call(admin, 'POST', `${importPath}/undo`);
    const discarded = await call(
      admin,
      'POST',
      '/api/v1/imports?fileName=x.csv',
      new TextEncoder().encode('name\nX\n'),
    );
    await call(admin, 'POST', `/api/v1/imports/${discarded.body.id}/cancel`);
    await call(admin, 'GET', '/api/v1/imports/0190a0e0-0000-7000-8000-000000000000');
    await call(admin, 'GET', '/api/v1/exports/accounts?format=csv&status=active,prospect');
    await call(admin, 'GET', '/api/v1/exports/contacts?format=csv');
    await call(admin, 'GET', `/api/v1/exports/interactions?format=xlsx&accountId=${parent.body.id}&kind=call,meeting`);
    await call(admin, 'GET', `/api/v1/exports/interactions?accountId=${account.body.id}`);
    const preset = { name: 'Битрикс', kind: 'accounts', source: 'bitrix24', mapping: { 'Название компании': 'name' } };
    const savedPreset = await call(admin, 'POST', '/api/v1/import-presets', preset);
    await call(admin, 'POST', '/api/v1/import-presets', preset);
    await call(admin, 'GET', '/api/v1/import-presets');
    await call(admin, 'DELETE', `/api/v1/import-presets/${savedPreset.body.id}`);
    await call(admin, 'DELETE', `/api/v1/import-presets/${savedPreset.body.id}`);
    const payer = await call(admin, 'POST', '/api/v1/accounts', { name: 'Плательщик' });
    await call(admin, 'GET', '/api/v1/finance/settings');
    const financeSettings = {
      vatRates: [0, 1000, 2000, 2200],
      noVatAllowed: true,
      defaultVatRate: 2200,
      vatMode: 'included',
      baseCurrency: 'RUB',
      paymentTermsDays: 10,
    };
    await call(admin, 'PUT', '/api/v1/finance/settings', financeSettings, { 'if-match': '"0"' });
    await call(admin, 'PUT', '/api/v1/finance/settings', financeSettings, { 'if-match': '"0"' });
    const contractBody = {
      accountId: payer.body.id,
      number: 'Д-1',
      signedOn: '2026-01-10',
      kind: 'services',
      startsOn: '2026-01-10',
      endsOn: '2026-12-31',
      currency: 'RUB',
    };
    const contractRecord = await call(admin, 'POST', '/api/v1/contracts', contractBody);
    await call(admin, 'POST', '/api/v1/contracts', contractBody);
    const contractRecordPath = `/api/v1/contracts/${contractRecord.body.id}`;
    await call(admin, 'GET', '/api/v1/contracts?limit=1&total=true');
    await call(admin, 'GET', contractRecordPath);
    await call(admin, 'GET', '/api/v1/contracts/0190a0e0-0000-7000-8000-000000000000');
    await call(admin, 'PATCH', contractRecordPath, { autoRenewal: true });
    await call(admin, 'PATCH', contractRecordPath, { autoRenewal: false }, { 'if-match': '"1"' });
    await call(admin, 'PATCH', contractRecordPath, { endsOn: '2025-01-01' });
    const invoiceLine = { description: 'Услуги', quantityMilli: 1000, unitPriceMinor: 120_000, vatRate: 2000 };
    const invoiceDraft = await call(admin, 'POST', '/api/v1/invoices', {
      accountId: payer.body.id,
      contractId: contractRecord.body.id,
      currency: 'RUB',
      lines: [invoiceLine],
    });
    const invoicePath = `/api/v1/invoices/${invoiceDraft.body.id}`;
    await call(admin, 'POST', '/api/v1/invoices', {
      accountId: payer.body.id,
      currency: 'RUB',
      lines: [{ ...invoiceLine, vatRate: 1800 }],
    });
    await call(admin, 'PATCH', invoicePath, { notes: 'Договор' });
    await call(admin, 'PATCH', invoicePath, { notes: 'Договор' }, { 'if-match': '"1"' });
    await call(admin, 'POST', `${invoicePath}/send`, {});
    await call(admin, 'POST', `${invoicePath}/issue`, {}, { 'if-match': '"1"' });
    await call(admin, 'POST', `${invoicePath}/issue`, { issuedOn: '2026-10-01' });
    await call(admin, 'PATCH', invoicePath, { notes: 'Поздно' });
    await call(admin, 'GET', invoicePath);
    await call(admin, 'GET', '/api/v1/invoices/0190a0e0-0000-7000-8000-000000000000');
    await call(admin, 'GET', '/api/v1/invoices?status=overdue&limit=1&total=true');
    await call(admin, 'GET', '/api/v1/invoices/export');
    await call(admin, 'GET', '/api/v1/invoices/export?format=xlsx');
    const payment = await call(admin, 'POST', '/api/v1/payments', {
      accountId: payer.body.id,
      receivedOn: '2026-10-20',
      amountMinor: 50_000,
      currency: 'RUB',
      allocations: [{ invoiceId: invoiceDraft.body.id, amountMinor: 20_000 }],
    });
    await call(admin, 'POST', '/api/v1/payments', {
      accountId: payer.body.id,
      receivedOn: '2026-10-20',
      amountMinor: 500_000,
      currency: 'RUB',
      allocations: [{ invoiceId: invoiceDraft.body.id, amountMinor: 500_000 }],
    });
    const paymentPath = `/api/v1/payments/${payment.body.id}`;
    await call(admin, 'GET', paymentPath);
    await call(admin, 'GET', '/api/v1/payments/0190a0e0-0000-7000-8000-000000000000');
    await call(admin, 'GET', '/api/v1/payments?limit=1');
    await call(admin, 'POST', `${paymentPath}/allocations`, {
      allocations: [{ invoiceId: invoiceDraft.body.id, amountMinor: 10_000 }],
    });
    await call(admin, 'POST', `${paymentPath}/allocations`, {
      allocations: [{ invoiceId: invoiceDraft.body.id, amountMinor: 90_000 }],
    });
    await call(admin, 'POST', '/api/v1/payments/0190a0e0-0000-7000-8000-000000000000/allocations', {
      allocations: [{ invoiceId: invoiceDraft.body.id, amountMinor: 1 }],
    });
    await call(admin, 'GET', `/api/v1/receivables?accountId=${payer.body.id}`);
    await call(admin, 'GET', '/api/v1/receivables?accountId=0190a0e0-0000-7000-8000-000000000000');
    await call(admin, 'GET', '/api/v1/receivables/chase');
    await call(admin, 'GET', '/api/v1/receivables/chase/export?owner=me');
    await call(admin, 'GET', '/api/v1/receivables/chase/export?format=xlsx');
    await call(admin, 'GET', '/api/v1/finance/reminders?owner=all');
    await call(admin, 'GET', '/api/v1/payments/export');
    await call(admin, 'GET', `/api/v1/payments/export?format=xlsx&accountId=${payer.body.id}`);
    await call(admin, 'GET', `/api/v1/contracts/export?accountId=${payer.body.id}`);
    await call(admin, 'GET', '/api/v1/contracts/export?format=xlsx&status=active');
    await call(admin, 'GET', '/api/v1/acts/export?format=xlsx');
    await call(admin, 'GET', '/api/v1/acts/export?accountId=not-an-id');
    await call(admin, 'GET', '/api/v1/opportunities/export?status=all');
    await call(admin, 'GET', '/api/v1/feedback/export?format=xlsx&kind=complaint');
    await call(admin, 'GET', '/api/v1/tasks/export');
    await call(admin, 'GET', '/api/v1/requests/export?status=new');
    await call(admin, 'GET', '/api/v1/audit-log/export?entity=accounts');
    await call(admin, 'GET', '/api/v1/audit-log/export?format=pdf');
    const usd = await call(admin, 'PUT', '/api/v1/exchange-rates', {
      rateOn: '2026-10-01',
      base: 'USD',
      quote: 'RUB',
      rate: '92.5',
    });
    await call(admin, 'PUT', '/api/v1/exchange-rates', { rateOn: '2026-10-01', base: 'USD', quote: 'RUB', rate: 'x' });
    await call(admin, 'GET', '/api/v1/exchange-rates?base=USD');
    await call(admin, 'GET', '/api/v1/receivables?convertTo=USD');
    await call(admin, 'DELETE', `/api/v1/exchange-rates/${usd.body.id}`);
    await call(admin, 'DELETE', `/api/v1/exchange-rates/${usd.body.id}`);
    const act = await call(admin, 'POST', '/api/v1/acts', {
      accountId: payer.body.id,
      invoiceId: invoiceDraft.body.id,
      number: 'А-1',
      actDate: '2026-10-01',
      amountMinor: 120_000,
      currency: 'RUB',
    });
    await call(admin, 'POST', '/api/v1/acts', {
      accountId: payer.body.id,
      number: 'А-1',
      actDate: '2026-10-01',
      amountMinor: 1,
      currency: 'RUB',
    });
    await call(admin, 'PATCH', `/api/v1/acts/${act.body.id}`, { signedOn: '2026-10-05' });
    await call(admin, 'PATCH', `/api/v1/acts/${act.body.id}`, { signedOn: '2026-09-05' });
    await call(admin, 'PATCH', `/api/v1/acts/${act.body.id}`, { signedOn: null }, { 'if-match': '"1"' });
    await call(admin, 'PATCH', '/api/v1/acts/0190a0e0-0000-7000-8000-000000000000', { signedOn: null });
    await call(admin, 'GET', `/api/v1/acts?accountId=${payer.body.id}`);
    await call(admin, 'GET', '/api/v1/finance/checks');
    await call(admin, 'GET', `${invoicePath}/pdf`);
    await call(admin, 'GET', '/api/v1/invoices/0190a0e0-0000-7000-8000-000000000000/pdf');
    await call(admin, 'GET', `/api/v1/acts/${act.body.id}/pdf`);
    await call(admin, 'GET', '/api/v1/acts/0190a0e0-0000-7000-8000-000000000000/pdf');
    const creditNote = await call(admin, 'POST', `${invoicePath}/credit-notes`, {
      reason: 'Скидка',
      lines: [{ ...invoiceLine, unitPriceMinor: 1_000 }],
    });
    await call(admin, 'POST', `${invoicePath}/credit-notes`, { reason: 'Много', lines: [invoiceLine] });
    await call(admin, 'POST', '/api/v1/invoices/0190a0e0-0000-7000-8000-000000000000/credit-notes', {
      reason: 'Нет',
      lines: [invoiceLine],
    });
    await call(admin, 'GET', `/api/v1/credit-notes?invoiceId=${invoiceDraft.body.id}`);
    await call(admin, 'GET', `/api/v1/credit-notes/${creditNote.body.id}`);
    await call(admin, 'GET', '/api/v1/credit-notes/0190a0e0-0000-7000-8000-000000000000');
    await call(admin, 'GET', `/api/v1/credit-notes/${creditNote.body.id}/pdf`);
    await call(admin, 'GET', '/api/v1/credit-notes/0190a0e0-0000-7000-8000-000000000000/pdf');
    const statement = (text: string, query = '') =>
      call(admin, 'POST', `/api/v1/bank-statements${query}`, new TextEncoder().encode(text));
    await statement('Date,Amount,Purpose\n02.12.2026,8.00,Перевод');
    await statement('When,Amount\n02.12.2026,8.00');
    const waiting = await call(admin, 'GET', '/api/v1/bank-transactions?status=unmatched');
    const line = `/api/v1/bank-transactions/${waiting.body.items[0]?.id}/match`;
    await call(admin, 'POST', line, { accountId: payer.body.id });
    await call(admin, 'POST', line, { accountId: payer.body.id });
    await call(admin, 'POST', '/api/v1/bank-transactions/0190a0e0-0000-7000-8000-000000000000/match', {
      accountId: payer.body.id,
    });
    await call(admin, 'POST', `${invoicePath}/cancel`, { reason: 'Оплачен частично' });
    const unpaid = await call(admin, 'POST', '/api/v1/invoices', {
      accountId: payer.body.id,
      currency: 'RUB',
      lines: [invoiceLine],
    });
    const unpaidPath = `/api/v1/invoices/${unpaid.body.id}`;
    await call(admin, 'POST', `${unpaidPath}/reissue`);
    await call(admin, 'POST', `${unpaidPath}/issue`, {});
    await call(admin, 'POST', `${unpaidPath}/send`, {});
    await call(admin, 'POST', `${unpaidPath}/cancel`, { reason: 'Ошибка' });
    await call(admin, 'POST', `${unpaidPath}/reissue`);
    await call(admin, 'DELETE', unpaidPath);
    const spare = await call(admin, 'POST', '/api/v1/invoices', { accountId: payer.body.id, currency: 'RUB' });
    await call(admin, 'DELETE', `/api/v1/invoices/${spare.body.id}`, undefined, { 'if-match': '"9"' });
    await call(admin, 'DELETE', `/api/v1/invoices/${spare.body.id}`);
    await call(admin, 'DELETE', `/api/v1/invoices/${spare.body.id}`);

    await call(admin, 'GET', '/api/v1/delivery/settings');
    await call(admin, 'PUT', '/api/v1/delivery/settings', { acceptanceHours: 12 });
    await call(admin, 'PUT', '/api/v1/delivery/settings', { acceptanceHours: 12 }, { 'if-match': '"0"' });
    const department = await call(admin, 'POST', '/api/v1/departments', { name: 'Дизайн' });
    await call(admin, 'POST', '/api/v1/departments', { name: 'Дизайн' });
    await call(admin, 'GET', '/api/v1/departments');
    const specialistId = workspace.users.specialist.id;
    await call(admin, 'PUT', `/api/v1/delivery/members/${specialistId}`, {
      departmentId: department.body.id,
      weeklyCapacityHours: 30,
    });
    await call(admin, 'PUT', `/api/v1/delivery/members/${payer.body.id}`, {
      departmentId: null,
      weeklyCapacityHours: 1,
    });
    await call(admin, 'PUT', `/api/v1/delivery/members/${specialistId}`, {
      departmentId: payer.body.id,
      weeklyCapacityHours: 1,
    });
    await call(admin, 'GET', '/api/v1/delivery/members');
    const types = await call(admin, 'GET', '/api/v1/project-types');
    await call(admin, 'POST', '/api/v1/project-types', { name: 'SEO', stages: ['Аудит', 'Работы'] });
    await call(admin, 'POST', '/api/v1/project-types', { name: 'SEO', stages: ['Аудит'] });
    const service = await call(admin, 'POST', '/api/v1/price-list', { name: 'Дизайн', unitPriceMinor: 100_000 });
    await call(admin, 'POST', '/api/v1/price-list', { name: 'Дизайн', unitPriceMinor: 1 });
    await call(admin, 'GET', '/api/v1/price-list');
    const project = await call(admin, 'POST', '/api/v1/projects', {
      accountId: payer.body.id,
      projectTypeId: types.body.items[0].id,
      name: 'Сайт',
    });
    await call(admin, 'POST', '/api/v1/projects', {
      accountId: payer.body.id,
      projectTypeId: payer.body.id,
      name: 'x',
    });
    const projectPath = `/api/v1/projects/${project.body.id}`;
    await call(admin, 'GET', '/api/v1/projects?ownerId=me');
    await call(admin, 'GET', projectPath);
    await call(admin, 'GET', `/api/v1/projects/${payer.body.id}`);
    await call(admin, 'PATCH', projectPath, { budgetMinor: 100 });
    await call(admin, 'PATCH', projectPath, { budgetMinor: 100 }, { 'if-match': '"1"' });
    await call(admin, 'PATCH', `/api/v1/projects/${payer.body.id}`, { budgetMinor: 100 });
    await call(admin, 'PATCH', projectPath, { stage: 'Нет такого' });
    const task = await call(admin, 'POST', '/api/v1/tasks', {
      projectId: project.body.id,
      title: 'Макет',
      assigneeId: specialistId,
      dueAt: '2026-11-30T10:00:00Z',
      estimateHours: 2,
    });
    await call(admin, 'POST', '/api/v1/tasks', { projectId: payer.body.id, title: 'x', assigneeId: specialistId });
    const taskPath = `/api/v1/tasks/${task.body.id}`;
    const specialistApi = workspace.users.specialist.api;
    await call(admin, 'GET', taskPath);
    await call(admin, 'GET', `/api/v1/tasks/${payer.body.id}`);
    await call(admin, 'POST', `${taskPath}/accept`);
    await call(specialistApi, 'POST', `${taskPath}/accept`, undefined, { 'if-match': '"9"' });
    await call(specialistApi, 'POST', `${taskPath}/status`, { status: 'in_progress' });
    await call(specialistApi, 'POST', `${taskPath}/accept`);
    await call(specialistApi, 'POST', `${taskPath}/accept`);
    await call(specialistApi, 'POST', `/api/v1/tasks/${payer.body.id}/accept`);
    await call(specialistApi, 'POST', `${taskPath}/status`, { status: 'done' });
    await call(specialistApi, 'POST', `${taskPath}/status`, { status: 'in_progress' }, { 'if-match': '"1"' });
    await call(specialistApi, 'POST', `${taskPath}/status`, { status: 'in_progress' });
    await call(admin, 'POST', `/api/v1/tasks/${payer.body.id}/status`, { status: 'done' });
    await call(workspace.users.viewer.api, 'POST', `${taskPath}/status`, { status: 'in_review' });
    await call(specialistApi, 'POST', `${taskPath}/comments`, { body: 'Готово' });
    await call(specialistApi, 'POST', `/api/v1/tasks/${payer.body.id}/comments`, { body: 'Готово' });
    const declined = await call(admin, 'POST', '/api/v1/tasks', {
      projectId: project.body.id,
      title: 'Баннеры',
      departmentId: department.body.id,
    });
    await call(specialistApi, 'POST', `/api/v1/tasks/${declined.body.id}/decline`, { reason: 'Нет брифа' });
    await call(specialistApi, 'POST', `/api/v1/tasks/${declined.body.id}/decline`, { reason: 'Нет брифа' });
    await call(workspace.users.viewer.api, 'POST', `/api/v1/tasks/${declined.body.id}/decline`, { reason: 'x' });
    await call(
      specialistApi,
      'POST',
      `/api/v1/tasks/${declined.body.id}/decline`,
      { reason: 'x' },
      { 'if-match': '"9"' },
    );
    await call(specialistApi, 'POST', `/api/v1/tasks/${payer.body.id}/decline`, { reason: 'x' });
    await call(admin, 'GET', `/api/v1/board?projectId=${project.body.id}`);
    await call(admin, 'GET', '/api/v1/workload?by=department&from=2026-11-23');
    const estimate = await call(admin, 'POST', '/api/v1/estimates', {
      projectId: project.body.id,
      title: 'Смета',
      lines: [{ priceListItemId: service.body.id, quantityMilli: 1000 }],
    });
    await call(admin, 'POST', '/api/v1/estimates', { projectId: payer.body.id, title: 'x' });
    const estimatePath = `/api/v1/estimates/${estimate.body.id}`;
    await call(admin, 'GET', `/api/v1/estimates?projectId=${project.body.id}`);
    await call(admin, 'GET', estimatePath);
    await call(admin, 'GET', `/api/v1/estimates/${payer.body.id}`);
    await call(admin, 'PATCH', estimatePath, { title: 'Смета на сайт' });
    await call(admin, 'PATCH', estimatePath, { title: 'Смета' }, { 'if-match': '"1"' });
    await call(admin, 'PATCH', `/api/v1/estimates/${payer.body.id}`, { title: 'x' });
    await call(admin, 'POST', `${estimatePath}/approve`, {});
    await call(admin, 'POST', `${estimatePath}/invoice`);
    await call(admin, 'POST', `${estimatePath}/send`, undefined, { 'if-match': '"1"' });
    await call(admin, 'POST', `/api/v1/estimates/${payer.body.id}/send`);
    await call(admin, 'POST', `${estimatePath}/send`);
    await call(admin, 'POST', `${estimatePath}/send`);
    const secondVersion = await call(admin, 'PATCH', estimatePath, { title: 'Смета, версия 2' });
    await call(admin, 'PATCH', estimatePath, { title: 'Смета' });
    const secondPath = `/api/v1/estimates/${secondVersion.body.id}`;
    await call(admin, 'POST', `${secondPath}/send`);
    await call(admin, 'POST', `${secondPath}/reject`, { comment: 'Дорого' });
    await call(admin, 'POST', `${secondPath}/reject`, { comment: 'Дорого' });
    await call(admin, 'POST', `${secondPath}/reject`, { comment: 'Дорого' }, { 'if-match': '"1"' });
    await call(admin, 'POST', `/api/v1/estimates/${payer.body.id}/reject`, { comment: 'x' });
    const thirdVersion = await call(admin, 'PATCH', secondPath, { title: 'Смета, версия 3' });
    const thirdPath = `/api/v1/estimates/${thirdVersion.body.id}`;
    await call(admin, 'POST', `${thirdPath}/send`);
    await call(admin, 'POST', `${thirdPath}/approve`, { comment: 'Да' }, { 'if-match': '"1"' });
    await call(admin, 'POST', `/api/v1/estimates/${payer.body.id}/approve`, {});
    await call(admin, 'POST', `${thirdPath}/approve`, { comment: 'Да' });
    await call(admin, 'POST', `${thirdPath}/invoice`);
    await call(admin, 'POST', `/api/v1/estimates/${payer.body.id}/invoice`);

    const briefs = await call(admin, 'GET', '/api/v1/brief-templates');
    const seoBrief = await call(admin, 'POST', '/api/v1/brief-templates', {
      name: 'SEO',
      fields: [{ key: 'pages', label: 'Страницы', type: 'links', required: true }],
    });
    const seoPath = `/api/v1/brief-templates/${seoBrief.body.id}`;
    await call(admin, 'PATCH', seoPath, { retired: true });
    await call(admin, 'PATCH', seoPath, { retired: false }, { 'if-match': '"1"' });
    await call(admin, 'PATCH', seoPath, { name: 'SEO-аудит', retired: false });
    await call(admin, 'PATCH', `/api/v1/brief-templates/${payer.body.id}`, { retired: true });
    await call(admin, 'GET', '/api/v1/brief-templates?includeRetired=true');
    await call(admin, 'POST', '/api/v1/brief-templates', {
      name: 'SEO',
      fields: [{ key: 'x', label: 'x', type: 'text' }],
    });
    const request = await call(admin, 'POST', '/api/v1/requests', {
      accountId: payer.body.id,
      title: 'Лендинг',
      source: 'email',
    });
    await call(admin, 'POST', '/api/v1/requests', { accountId: project.body.id, title: 'x', source: 'email' });
    const requestPath = `/api/v1/requests/${request.body.id}`;
    await call(admin, 'GET', `/api/v1/requests?accountId=${payer.body.id}`);
    await call(admin, 'GET', requestPath);
    await call(admin, 'GET', `/api/v1/requests/${payer.body.id}`);
    await call(admin, 'PATCH', requestPath, { source: 'call' });
    await call(admin, 'PATCH', requestPath, { source: 'call' }, { 'if-match': '"1"' });
    await call(admin, 'PATCH', `/api/v1/requests/${payer.body.id}`, { source: 'call' });
    await call(admin, 'PATCH', requestPath, { projectId: payer.body.id });
    await call(admin, 'PUT', `${requestPath}/brief`, {
      templateId: briefs.body.items[0].id,
      answers: { goal: 'Лиды' },
    });
    await call(admin, 'PUT', `${requestPath}/brief`, { answers: { deadline: 'завтра' } });
    await call(admin, 'PUT', `${requestPath}/brief`, { templateId: payer.body.id, answers: {} });
    await call(admin, 'PUT', `${requestPath}/brief`, { answers: {} }, { 'if-match': '"1"' });
    await call(admin, 'PUT', `/api/v1/requests/${payer.body.id}/brief`, { answers: {} });
    await call(admin, 'POST', `${requestPath}/status`, { status: 'done' });
    await call(admin, 'POST', `${requestPath}/status`, { status: 'clarifying' }, { 'if-match': '"1"' });
    await call(admin, 'POST', `/api/v1/requests/${payer.body.id}/status`, { status: 'clarifying' });
    await call(admin, 'POST', `${requestPath}/status`, {
      status: 'accepted',
      project: { projectTypeId: types.body.items[0].id },
    });
    const schedulePath = `/api/v1/accounts/${payer.body.id}/report-schedule`;
    await call(admin, 'GET', schedulePath);
    await call(admin, 'GET', `/api/v1/accounts/${project.body.id}/report-schedule`);
    await call(admin, 'PUT', schedulePath, { frequency: 'monthly', dayOfMonth: 5 });
    await call(admin, 'PUT', `/api/v1/accounts/${project.body.id}/report-schedule`, {
      frequency: 'monthly',
      dayOfMonth: 5,
    });
    await call(admin, 'GET', schedulePath);
    const report = await call(admin, 'POST', '/api/v1/reports', {
      accountId: payer.body.id,
      title: 'Отчёт',
      preparedBy: specialistId,
    });
    await call(admin, 'POST', '/api/v1/reports', { accountId: project.body.id, title: 'x' });
    const reportPath = `/api/v1/reports/${report.body.id}`;
    await call(admin, 'POST', `${reportPath}/figures/pull`, { metricKeys: ['leads'] });
    await call(admin, 'POST', `/api/v1/reports/${payer.body.id}/figures/pull`, {});
    await call(admin, 'GET', '/api/v1/reports?flagged=true');
    await call(admin, 'GET', reportPath);
    await call(admin, 'GET', `/api/v1/reports/${payer.body.id}`);
    await call(admin, 'PATCH', reportPath, { figures: [{ label: 'Лиды', value: '10' }] });
    await call(admin, 'PATCH', reportPath, { body: 'x' }, { 'if-match': '"1"' });
    await call(workspace.users.viewer.api, 'PATCH', reportPath, { body: 'x' });
    await call(workspace.users.viewer.api, 'POST', `${reportPath}/submit`);
    await call(admin, 'PATCH', `/api/v1/reports/${payer.body.id}`, { body: 'x' });
    await call(admin, 'POST', `/api/v1/reports/${payer.body.id}/submit`);
    await call(admin, 'POST', `${reportPath}/send`);
    await call(admin, 'PUT', `${reportPath}/review`, {
      typos: true,
      figures: true,
      clientEyes: true,
      highlights: true,
    });
    await call(admin, 'POST', `${reportPath}/submit`);
    await call(admin, 'POST', `${reportPath}/submit`);
    await call(admin, 'PATCH', reportPath, { body: 'x' });
    await call(admin, 'PUT', `/api/v1/reports/${payer.body.id}/review`, {
      typos: true,
      figures: true,
      clientEyes: true,
      highlights: true,
    });
    await call(admin, 'PUT', `${reportPath}/review`, {
      typos: true,
      figures: true,
      clientEyes: true,
      highlights: true,
    });
    await call(admin, 'POST', `/api/v1/reports/${payer.body.id}/send`);
    await call(admin, 'POST', `${reportPath}/send`);
    const feedback = await call(admin, 'POST', '/api/v1/feedback', {
      accountId: payer.body.id,
      kind: 'complaint',
      source: 'call',
      severity: 'high',
      description: 'Сорван срок',
    });
    await call(admin, 'POST', '/api/v1/feedback', {
      accountId: payer.body.id,
      kind: 'complaint',
      source: 'call',
      description: 'x',
    });
    const feedbackPath = `/api/v1/feedback/${feedback.body.id}`;
    await call(admin, 'GET', `/api/v1/feedback?accountId=${payer.body.id}`);
    await call(admin, 'GET', feedbackPath);
    await call(admin, 'GET', `/api/v1/feedback/${payer.body.id}`);
    await call(admin, 'POST', `${feedbackPath}/status`, { status: 'resolved' });
    await call(admin, 'POST', `${feedbackPath}/status`, { status: 'in_progress' }, { 'if-match': '"9"' });
    await call(admin, 'POST', `/api/v1/feedback/${payer.body.id}/status`, { status: 'in_progress' });
    await call(admin, 'POST', `${feedbackPath}/status`, {
      status: 'resolved',
      resolution: 'Скидка',
      rootCause: 'our_error',
    });
    await call(admin, 'PATCH', feedbackPath, { description: 'Сорван срок запуска' });
    await call(admin, 'PATCH', feedbackPath, { description: 'x' }, { 'if-match': '"1"' });
    await call(admin, 'PATCH', `/api/v1/feedback/${payer.body.id}`, { description: 'x' });
    await call(admin, 'PATCH', feedbackPath, { severity: null });
    const payerPath = `/api/v1/accounts/${payer.body.id}`;
    const answer = await call(admin, 'POST', '/api/v1/surveys', {
      accountId: payer.body.id,
      surveyedOn: '2026-11-20',
      nps: 9,
    });
    const answerPath = `/api/v1/surveys/${answer.body.id}`;
    await call(admin, 'PATCH', answerPath, { csat: 4 }, { 'if-match': '"1"' });
    await call(admin, 'PATCH', answerPath, { nps: 8 }, { 'if-match': '"1"' });
    await call(admin, 'PATCH', answerPath, { nps: null });
    await call(admin, 'PATCH', `/api/v1/surveys/${payer.body.id}`, { nps: 8 });
    await call(admin, 'DELETE', answerPath);
    await call(admin, 'DELETE', answerPath);
    await call(admin, 'POST', '/api/v1/surveys', { accountId: payer.body.id, surveyedOn: '2026-11-20', nps: 9 });
    await call(admin, 'POST', '/api/v1/surveys', { accountId: payer.body.id, surveyedOn: '2026-11-20' });
    await call(admin, 'GET', `${payerPath}/surveys`);
    await call(admin, 'GET', `/api/v1/accounts/${feedback.body.id}/surveys`);
    await call(admin, 'GET', `${payerPath}/loss`);
    await call(admin, 'GET', `/api/v1/accounts/${feedback.body.id}/loss`);
    const loss = { lostOn: '2026-11-01', reason: 'price', story: 'Ушли к дешёвому подрядчику' };
    await call(admin, 'PUT', `${payerPath}/loss`, loss);
    await call(admin, 'PUT', `${payerPath}/loss`, loss);
    await call(admin, 'PUT', `/api/v1/accounts/${feedback.body.id}/loss`, loss);
    await call(admin, 'GET', '/api/v1/loss-analysis?from=2026-01-01');
    await call(admin, 'DELETE', `${payerPath}/loss`);
    await call(admin, 'DELETE', `${payerPath}/loss`);
    const tier = await call(admin, 'POST', '/api/v1/loyalty-tiers', { name: 'Золото', rank: 1, discount: 500 });
    await call(admin, 'POST', '/api/v1/loyalty-tiers', { name: 'Золото', rank: 2 });
    await call(admin, 'GET', '/api/v1/loyalty-tiers');
    const tierPath = `/api/v1/loyalty-tiers/${tier.body.id}`;
    await call(admin, 'PATCH', tierPath, { discount: 700 });
    await call(admin, 'PATCH', tierPath, { discount: 700 }, { 'if-match': '"1"' });
    await call(admin, 'PATCH', `/api/v1/loyalty-tiers/${payer.body.id}`, { discount: 1 });
    await call(admin, 'GET', `${payerPath}/loyalty`);
    await call(admin, 'GET', `/api/v1/accounts/${tier.body.id}/loyalty`);
    await call(admin, 'DELETE', tierPath);
    await call(admin, 'DELETE', tierPath);

    const template = await call(admin, 'GET', '/api/v1/plan-template');
    const risks = await call(admin, 'POST', '/api/v1/plan-template/sections', { titleEn: 'Risks', titleRu: 'Риски' });
    const riskId = risks.body.items.at(-1).id;
    await call(admin, 'PATCH', `/api/v1/plan-template/sections/${riskId}`, { retired: true });
    await call(admin, 'PATCH', `/api/v1/plan-template/sections/${riskId}`, { retired: false }, { 'if-match': '"1"' });
    await call(admin, 'PUT', '/api/v1/plan-template/order', {
      sectionIds: risks.body.items.map((section: { id: string }) => section.id).reverse(),
    });
    await call(admin, 'PUT', '/api/v1/plan-template/order', { sectionIds: [riskId] });
    expect(template.body.items.length).toBeGreaterThan(0);
    const plan = await call(admin, 'POST', '/api/v1/account-plans', { accountId: payer.body.id });
    await call(admin, 'POST', '/api/v1/account-plans', { accountId: payer.body.id });
    const planPath = `/api/v1/account-plans/${plan.body.id}`;
    await call(admin, 'GET', `/api/v1/account-plans?accountId=${payer.body.id}`);
    await call(admin, 'GET', planPath);
    await call(admin, 'GET', `${planPath}/markdown`);
    await call(admin, 'PUT', planPath, {
      sections: [{ sectionId: plan.body.sections[0].sectionId, body: '**Рынок**' }],
      competitors: [{ name: 'Acme', shareOfWallet: 30, threat: 'high' }],
      objectives: [{ title: 'Выручка', metricName: 'Выручка', target: 10, actions: [{ title: 'QBR', progress: 10 }] }],
    });
    await call(admin, 'PUT', planPath, { sections: [], competitors: [], objectives: [] }, { 'if-match': '"1"' });
    await call(admin, 'POST', `${planPath}/approve`);
    await call(admin, 'POST', `${planPath}/submit`);
    await call(admin, 'POST', `${planPath}/return`, { comment: 'Уточните цели' });
    await call(admin, 'POST', `${planPath}/submit`);
    await call(admin, 'POST', `${planPath}/approve`);
    await call(admin, 'POST', `${planPath}/reopen`);
    await call(admin, 'POST', `${planPath}/submit`);
    await call(admin, 'POST', `${planPath}/approve`);
    await call(admin, 'GET', `${planPath}/versions/1`);
    await call(admin, 'GET', `${planPath}/versions/9`);
    await call(admin, 'GET', `${planPath}/compare?from=1&to=2`);
    await call(admin, 'GET', `${planPath}/markdown`);
    await call(admin, 'POST', `${planPath}/copy-forward`);
    await call(admin, 'POST', `${planPath}/copy-forward`);

    const offering = await call(admin, 'POST', '/api/v1/offerings', { name: 'ERP', family: 'ПО', kind: 'product' });
    await call(admin, 'GET', '/api/v1/offerings');
    await call(admin, 'PATCH', `/api/v1/offerings/${offering.body.id}`, { family: 'Программы' });
    await call(admin, 'PATCH', `/api/v1/offerings/${payer.body.id}`, { family: 'Программы' });
    const stages = await call(admin, 'GET', '/api/v1/pipeline-stages');
    await call(admin, 'PATCH', `/api/v1/pipeline-stages/${stages.body.items[0].id}`, { probability: 15 });
    await call(admin, 'PATCH', `/api/v1/pipeline-stages/${payer.body.id}`, { probability: 15 });
    const grown = await call(admin, 'POST', '/api/v1/pipeline-stages', {
      titleEn: 'Pilot',
      titleRu: 'Пилот',
      probability: 60,
    });
    const openStageIds: string[] = (grown.body.items as { id: string; outcome: string }[])
      .filter((stage) => stage.outcome === 'open')
      .map((stage) => stage.id);
    await call(admin, 'PUT', '/api/v1/pipeline-order', { stageIds: [...openStageIds].reverse() });
    await call(admin, 'PUT', '/api/v1/pipeline-order', { stageIds: [openStageIds[0]] });
    const centresPath = `/api/v1/accounts/${payer.body.id}/buying-centres`;
    const centres = await call(admin, 'POST', centresPath, { name: 'ИТ', kind: 'function' });
    await call(admin, 'POST', `${centresPath}/from-hierarchy`);
    await call(admin, 'GET', centresPath);
    const cell = { buyingCentreId: centres.body.items[0].id, offeringId: offering.body.id, state: 'whitespace' };
    await call(admin, 'PUT', `/api/v1/accounts/${payer.body.id}/whitespace/cells`, {
      ...cell,
      currency: 'RUB',
      potentialMinor: 100,
    });
    await call(admin, 'PUT', `/api/v1/accounts/${payer.body.id}/whitespace/cells`, {
      ...cell,
      offeringId: payer.body.id,
      currency: 'RUB',
    });
    await call(admin, 'GET', `/api/v1/accounts/${payer.body.id}/whitespace`);
    await call(admin, 'GET', '/api/v1/whitespace/summary');
    const opportunity = await call(admin, 'POST', '/api/v1/opportunities', {
      accountId: payer.body.id,
      title: 'ERP',
      type: 'cross_sell',
      offeringId: offering.body.id,
      amountMinor: 100,
      currency: 'RUB',
      expectedCloseOn: '2026-12-01',
    });
    await call(admin, 'POST', '/api/v1/opportunities', {
      accountId: payer.body.id,
      title: 'X',
      type: 'upsell',
      amountMinor: 1,
      currency: 'RUB',
      expectedCloseOn: '2026-12-01',
      stageId: stages.body.items[5].id,
    });
    await call(admin, 'GET', `/api/v1/opportunities?accountId=${payer.body.id}`);
    await call(admin, 'GET', `/api/v1/opportunities/${opportunity.body.id}`);
    await call(admin, 'PATCH', `/api/v1/opportunities/${opportunity.body.id}`, { stageId: stages.body.items[2].id });
    await call(admin, 'PATCH', `/api/v1/opportunities/${opportunity.body.id}`, { title: 'Y' }, { 'if-match': '"1"' });
    await call(admin, 'GET', `${planPath}/forecast`);
    await call(admin, 'GET', `${planPath}/pdf`);
    await call(admin, 'PUT', `${planPath}/actuals`, { month: '2026-02', currency: 'RUB', amountMinor: 500 });
    await call(admin, 'PUT', `${planPath}/actuals`, { month: '2030-02', currency: 'RUB', amountMinor: 500 });

    await call(admin, 'POST', '/api/v1/workspace/backups');
    const backup = await t.app.request('/api/v1/workspace/backups', {
      method: 'POST',
      headers: { authorization: `Bearer ${admin.auth.token}` },
    });
    const backupFile = new Uint8Array(await backup.arrayBuffer());
    await call(admin, 'POST', '/api/v1/workspace/restore', backupFile, { 'content-type': 'application/gzip' });
    await call(admin, 'POST', `/api/v1/workspace/restore?workspaceId=${workspace.workspaceId}`, backupFile);
    await call(admin, 'POST', '/api/v1/workspace/restore', new TextEncoder().encode('Договор'));
    await call(admin, 'GET', '/api/v1/audit-log?limit=2');
    const token = await call(admin, 'POST', '/api/v1/api-tokens', { name: 'Договор', expiresInDays: 7 });
    await call(admin, 'GET', '/api/v1/api-tokens');
    await call(admin, 'DELETE', `/api/v1/api-tokens/${token.body.apiToken.id}`);
    await call(admin, 'DELETE', `/api/v1/api-tokens/${token.body.apiToken.id}`);
    await call(session, 'POST', '/api/v1/auth/logout');
    await call(session, 'GET', '/api/v1/me');
    await call(t.anonymous, 'POST', '/api/v1/auth/login', { email: viewer.email, password: 'wrong' });

    const contract = document as unknown as Contract;
    const templates = Object.keys(document.paths).map((template) => ({
      template,
      pattern: new RegExp(`^${template.replace(/\{\w+\}/g, '[^/]+')}$`),
    }));
    const answered = new Set<string>();
    const problems: string[] = [];
    for (const { method, url, response } of calls) {
      const path = url.split('?')[0] as string;
      const template = templates.find((candidate) => candidate.pattern.test(path))?.template as string;
      const key = `${method} ${template} ${response.status}`;
      const documented = document.paths[template]?.[method.toLowerCase()]?.responses[String(response.status)];
      if (!documented) {
        problems.push(`${key}: status not documented`);
        continue;
      }
      if (response.status >= 200 && response.status < 300) answered.add(`${method} ${template}`);
      if (response.status === 204) continue;
      const content = document.paths[template]?.[method.toLowerCase()]?.responses[String(response.status)]?.content;
      // Files (CSV, XLSX, PDF): the media type answered is one the operation documents.
      const fileTypes = Object.keys(content ?? {}).filter((type) => !type.includes('json') && type !== 'text/calendar');
      if (fileTypes.length > 0) {
        const answeredType = response.headers.get('content-type')?.split(';')[0] ?? '';
        expect(fileTypes, key).toContain(answeredType);
        continue;
      }
      if (content && 'text/markdown' in content) {
        expect(response.headers.get('content-type'), key).toContain('text/markdown');
        continue;
      }
      const mediaType =
        response.status >= 400
          ? 'application/problem+json'
          : response.headers.get('content-type')?.startsWith('text/calendar')
            ? 'text/calendar'
            : 'application/json';
      expect(response.headers.get('content-type'), key).toContain(mediaType);
      const schema = responseSchema(contract, method, template, response.status, mediaType);
      problems.push(...contractViolations(contract, schema, response.body).map((problem) => `${key} ${problem}`));
    }
    expect(problems).toEqual([]);
    expect([...answered].sort()).toEqual(operations.map(({ key }) => key).sort());
    // NOTE: about a thousand requests in one test; a busy machine needs more than the default 30 s.
  }, 180_000);

  it('serves the reference page and the health check outside /api/v1', async () => {
    const docs = await t.anonymous.get('/api/docs');
    expect(docs.status).toBe(200);
    expect(docs.headers.get('content-type')).toContain('text/html');
    expect(docs.body).toContain('/api/openapi.json');
  });
});
