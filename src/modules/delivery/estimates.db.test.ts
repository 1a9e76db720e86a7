import { beforeAll, describe, expect, it } from 'vitest';
import { createAccount, errorAt, expectProblem } from '../../../tests/support/api-helpers';
import type { ApiClient, SeededWorkspace } from '../../../tests/support/test-app';
import { useTestApp } from '../../../tests/support/test-app';

describe('estimates and workload API', () => {
  const t = useTestApp();
  let workspace: SeededWorkspace;
  let manager: ApiClient;
  let projectId: string;

  beforeAll(async () => {
    workspace = await t.seedWorkspace();
    manager = workspace.users.manager.api;
    const accountId = (await createAccount(workspace.users.admin.api, { name: 'Станкомаш' })).id;
    const types = await manager.get('/api/v1/project-types');
    const campaign = types.body.items.find((type: { name: string }) => type.name === 'Рекламная кампания');
    projectId = (await manager.post('/api/v1/projects', { accountId, projectTypeId: campaign.id, name: 'Директ' })).body
      .id;
  });

  const line = (unitPriceMinor: number, extra: Record<string, unknown> = {}) => ({
    description: 'Настройка кампании',
    quantityMilli: 1000,
    unitPriceMinor,
    vatRate: 2200,
    ...extra,
  });

  describe('arithmetic', () => {
    it('rounds VAT per line and sums the rounded lines, the Russian way and the international way', async () => {
      const lines = Array.from({ length: 10 }, () => line(5));
      const included = await manager.post('/api/v1/estimates', { projectId, title: 'Копейки', lines });
      expect(included.status, JSON.stringify(included.body)).toBe(201);
      // NOTE: 22 % inside 5 kopecks is 0.9 → 1 per line, so 10 in all; on the total (50) it would be 9.
      expect(included.body).toMatchObject({ grossMinor: 50, vatMinor: 10, netMinor: 40, vatMode: 'included' });
      const excluded = await manager.post('/api/v1/estimates', { projectId, title: 'Net', lines, vatMode: 'excluded' });
      // NOTE: 22 % on top of 5 kopecks is 1.1 → 1 per line: 10, where the total (50) would give 11.
      expect(excluded.body).toMatchObject({ netMinor: 50, vatMinor: 10, grossMinor: 60 });
      expect(excluded.body.vatByRate).toEqual([{ rateBasisPoints: 2200, vatMinor: 10, grossMinor: 60 }]);
    });

    it('takes a service from the price list and applies the discount before VAT, rounding once', async () => {
      const item = await workspace.users.admin.api.post('/api/v1/price-list', {
        name: 'Дизайн главной страницы',
        unit: 'шт',
        unitPriceMinor: 3_333_333,
      });
      expect(item.status, JSON.stringify(item.body)).toBe(201);
      const estimate = await manager.post('/api/v1/estimates', {
        projectId,
        title: 'Смета на дизайн',
        lines: [
          { priceListItemId: item.body.id, quantityMilli: 3000, discount: 1000 },
          { description: 'Без НДС', quantityMilli: 1500, unitPriceMinor: 1_000_001, vatRate: null },
        ],
      });
      expect(estimate.status, JSON.stringify(estimate.body)).toBe(201);
      const [design, exempt] = estimate.body.lines;
      // 3 × 33 333,33 ₽ − 10 % = 89 999,991 → 89 999,99 ₽; НДС 22 % в т.ч. = 16 229,51 ₽.
      expect(design).toMatchObject({
        description: 'Дизайн главной страницы',
        unit: 'шт',
        grossMinor: 8_999_999,
        vatMinor: 1_622_951,
      });
      expect(design.netMinor).toBe(8_999_999 - 1_622_951);
      // 1.5 × 10 000,01 ₽ = 15 000,015 → 15 000,02 ₽ (half away from zero), no VAT.
      expect(exempt).toMatchObject({ grossMinor: 1_500_002, vatMinor: 0, vatRate: null });
      expect(estimate.body.grossMinor).toBe(design.grossMinor + exempt.grossMinor);
      expect(estimate.body.vatMinor).toBe(design.vatMinor);
    });

    it('names the line and field at fault', async () => {
      const response = await manager.request(
        'POST',
        '/api/v1/estimates',
        { projectId, title: 'Ошибки', lines: [line(100), { quantityMilli: 1000, unitPriceMinor: 100, vatRate: 2200 }] },
        { 'accept-language': 'ru' },
      );
      expect(errorAt(expectProblem(response, 400, ['lines.1.description']) && response, 'lines.1.description')).toBe(
        'Назовите услугу или выберите её из прайс-листа.',
      );
      expectProblem(await manager.post('/api/v1/estimates', { projectId, title: 'x', lines: [line(10.5)] }), 400, [
        'lines.0.unitPriceMinor',
      ]);
      expectProblem(
        await manager.post('/api/v1/estimates', { projectId, title: 'x', lines: [line(1, { discount: 10_001 })] }),
        400,
        ['lines.0.discount'],
      );
    });
  });

  it('versions a sent estimate on change, records the client’s decision, sets the budget and invoices it', async () => {
    const created = await manager.post('/api/v1/estimates', { projectId, title: 'Запуск', lines: [line(10_000_000)] });
    const first = created.body.id;
    expectProblem(await manager.post(`/api/v1/estimates/${first}/approve`, {}), 422);
    expect((await manager.post(`/api/v1/estimates/${first}/send`)).body.status).toBe('sent');
    const second = await manager.patch(`/api/v1/estimates/${first}`, { lines: [line(12_000_000)] });
    expect(second.body).toMatchObject({ versionNumber: 2, status: 'draft', seriesId: first, grossMinor: 12_000_000 });
    expect((await manager.get(`/api/v1/estimates/${first}`)).body.status).toBe('superseded');
    expectProblem(await manager.patch(`/api/v1/estimates/${first}`, { title: 'Старое' }), 422);
    await manager.post(`/api/v1/estimates/${second.body.id}/send`);
    expectProblem(await manager.post(`/api/v1/estimates/${second.body.id}/reject`, { comment: '' }), 400, ['comment']);
    const rejected = await manager.post(`/api/v1/estimates/${second.body.id}/reject`, { comment: 'Дорого' });
    expect(rejected.body).toMatchObject({ status: 'rejected', decisionComment: 'Дорого' });
    const third = await manager.patch(`/api/v1/estimates/${second.body.id}`, { lines: [line(11_000_000)] });
    expect(third.body.versions.map((version: { status: string }) => version.status)).toEqual([
      'superseded',
      'rejected',
      'draft',
    ]);
    await manager.post(`/api/v1/estimates/${third.body.id}/send`);
    const approved = await manager.post(`/api/v1/estimates/${third.body.id}/approve`, {
      comment: 'Согласовано письмом',
    });
    expect(approved.body.status).toBe('approved');
    expect((await manager.get(`/api/v1/projects/${projectId}`)).body.budgetMinor).toBe(11_000_000);
    expectProblem(await manager.patch(`/api/v1/estimates/${third.body.id}`, { title: 'Ещё' }), 422);

    expectProblem(await manager.post(`/api/v1/estimates/${third.body.id}/invoice`), 403);
    const finance = workspace.users.finance.api;
    const invoiced = await finance.post(`/api/v1/estimates/${third.body.id}/invoice`);
    expect(invoiced.status, JSON.stringify(invoiced.body)).toBe(200);
    const invoice = await finance.get(`/api/v1/invoices/${invoiced.body.invoiceId}`);
    expect(invoice.body).toMatchObject({ status: 'draft', grossMinor: 11_000_000, vatMinor: approved.body.vatMinor });
    expectProblem(await finance.post(`/api/v1/estimates/${third.body.id}/invoice`), 422);
    const list = await workspace.users.viewer.api.get(`/api/v1/estimates?projectId=${projectId}`);
    expect(list.body.items.length).toBeGreaterThanOrEqual(3);
  });

  it('sums estimated hours of open tasks per ISO week in the workspace’s time zone against capacity', async () => {
    const admin = workspace.users.admin.api;
    const seo = (await admin.post('/api/v1/departments', { name: 'SEO' })).body.id;
    const specialist = workspace.users.specialist;
    await admin.request('PUT', `/api/v1/delivery/members/${specialist.id}`, {
      departmentId: seo,
      weeklyCapacityHours: 10,
    });
    const give = async (dueAt: string, estimateHours: number, extra: Record<string, unknown> = {}) => {
      const response = await manager.post('/api/v1/tasks', {
        projectId,
        title: `Задача ${dueAt}`,
        assigneeId: specialist.id,
        dueAt,
        estimateHours,
        ...extra,
      });
      expect(response.status, JSON.stringify(response.body)).toBe(201);
      return response.body;
    };
    // 00:30 in Moscow on Monday 23 November: the first week, though it is still Sunday in UTC.
    await give('2026-11-22T21:30:00Z', 0.5);
    await give('2026-11-24T10:00:00Z', 6);
    await give('2026-11-27T10:00:00Z', 4);
    // 01:30 in Moscow on Monday 30 November: the next ISO week, though it is still Sunday in UTC.
    await give('2026-11-29T22:30:00Z', 10.5);
    await give('2026-12-01T10:00:00Z', 3, { assigneeId: null, departmentId: seo });
    const declined = await give('2026-11-25T10:00:00Z', 100);
    await workspace.users.specialist.api.post(`/api/v1/tasks/${declined.id}/decline`, { reason: 'Не мой профиль' });

    const bySpecialist = await manager.get('/api/v1/workload?from=2026-11-26&weeks=2');
    expect(bySpecialist.body.weeks).toEqual(['2026-11-23', '2026-11-30']);
    const row = bySpecialist.body.rows.find((item: { id: string }) => item.id === specialist.id);
    expect(row.cells).toEqual([
      {
        weekStart: '2026-11-23',
        week: '2026-W48',
        estimateMinutes: 630,
        capacityMinutes: 600,
        tasks: 3,
        overCapacity: true,
      },
      {
        weekStart: '2026-11-30',
        week: '2026-W49',
        estimateMinutes: 630,
        capacityMinutes: 600,
        tasks: 1,
        overCapacity: true,
      },
    ]);
    const byDepartment = await manager.get('/api/v1/workload?by=department&from=2026-11-23&weeks=2');
    const department = byDepartment.body.rows.find((item: { id: string }) => item.id === seo);
    expect(department.cells.map((cell: { estimateMinutes: number }) => cell.estimateMinutes / 60)).toEqual([
      10.5, 13.5,
    ]);
    expectProblem(await manager.get('/api/v1/workload?weeks=13'), 400, ['weeks']);
  });
});
