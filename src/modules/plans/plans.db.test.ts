import { beforeAll, describe, expect, it } from 'vitest';
import { createAccount, errorAt, expectProblem } from '../../../tests/support/api-helpers';
import type { ApiClient, Json, SeededWorkspace } from '../../../tests/support/test-app';
import { useTestApp } from '../../../tests/support/test-app';

describe('account plans API', () => {
  const t = useTestApp();
  let workspace: SeededWorkspace;
  let head: ApiClient;
  let manager: ApiClient;
  let ownAccountId: string;
  let otherAccountId: string;

  beforeAll(async () => {
    workspace = await t.seedWorkspace();
    head = workspace.users.head.api;
    manager = workspace.users.manager.api;
    const admin = workspace.users.admin.api;
    ownAccountId = (await createAccount(admin, { name: 'Ромашка', ownerId: workspace.users.manager.id })).id;
    otherAccountId = (await createAccount(admin, { name: 'Василёк', ownerId: workspace.users.head.id })).id;
  });

  const newPlan = async (api: ApiClient, input: Record<string, unknown>) => {
    const response = await api.post('/api/v1/account-plans', input);
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    return response.body;
  };
  /** The plan's content as PUT takes it, with its sections' text. */
  const contentOf = (plan: Json) => ({
    sections: plan.sections.map((section: Json) => ({ sectionId: section.sectionId, body: section.body })),
    competitors: plan.competitors,
    objectives: plan.objectives.map(({ actions, ...objective }: Json) => ({
      ...objective,
      actions: actions.map(({ objectiveId: _o, carriedFromId: _c, ...action }: Json) => action),
    })),
  });
  const save = async (api: ApiClient, plan: Json, content: Json) => {
    const response = await api.put(`/api/v1/account-plans/${plan.id}`, content);
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    return response.body;
  };
  const filled = (plan: Json) => ({
    ...contentOf(plan),
    sections: plan.sections.map((section: Json, index: number) => ({
      sectionId: section.sectionId,
      body: index === 0 ? '## Рынок\n\nАптечные сети укрупняются.' : `Раздел ${index + 1}`,
    })),
    competitors: [{ name: 'Acme', shareOfWallet: 40, strengths: 'Цена', threat: 'high' }],
    objectives: [
      {
        title: 'Вырастить выручку',
        metricKey: 'revenue',
        baseline: 100_000_000,
        target: 130_000_000,
        actions: [
          { title: 'QBR с закупками', ownerId: workspace.users.manager.id, dueOn: '2026-12-15', status: 'in_progress' },
          { title: 'Пилот в регионах', dueOn: '2026-06-01', status: 'done', progress: 100 },
          { title: 'Тендер', dueOn: '2026-03-01', status: 'dropped' },
        ],
      },
      { title: 'Стать партнёром года', actions: [] },
    ],
  });

  describe('template', () => {
    it('starts with the default sections in both languages; heads add, rename, reorder and retire', async () => {
      const template = await workspace.users.viewer.api.get('/api/v1/plan-template');
      expect(template.status).toBe(200);
      expect(template.body.items.map((section: Json) => section.titleRu)).toContain('Рынок клиента');
      expect(template.body.items.map((section: Json) => section.titleEn)).toContain('Where they make money');
      expectProblem(await manager.post('/api/v1/plan-template/sections', { titleEn: 'X', titleRu: 'Х' }), 403);

      const added = await head.post('/api/v1/plan-template/sections', { titleEn: 'Risks', titleRu: 'Риски' });
      expect(added.status).toBe(201);
      const risks = added.body.items.at(-1);
      expect(risks).toMatchObject({ titleEn: 'Risks', retired: false });
      const renamed = await head.patch(`/api/v1/plan-template/sections/${risks.id}`, { titleRu: 'Риски и угрозы' });
      expect(renamed.body.items.at(-1)).toMatchObject({ titleRu: 'Риски и угрозы', version: 2 });

      const ids = added.body.items.map((section: Json) => section.id);
      const reordered = await head.put('/api/v1/plan-template/order', { sectionIds: [risks.id, ...ids.slice(0, -1)] });
      expect(reordered.body.items[0].id).toBe(risks.id);
      expectProblem(await head.put('/api/v1/plan-template/order', { sectionIds: [risks.id] }), 400, ['sectionIds']);

      // A plan started now has the section; after it is retired, it stays there and new plans go without.
      const before = await newPlan(head, { accountId: otherAccountId, periodStart: '2030-01-01' });
      expect(before.sections[0]).toMatchObject({ sectionId: risks.id, retired: false });
      await head.patch(`/api/v1/plan-template/sections/${risks.id}`, { retired: true });
      const kept = await head.get(`/api/v1/account-plans/${before.id}`);
      expect(kept.body.sections[0]).toMatchObject({ sectionId: risks.id, retired: true });
      const after = await newPlan(head, { accountId: otherAccountId, periodStart: '2031-01-01' });
      expect(after.sections.map((section: Json) => section.sectionId)).not.toContain(risks.id);
    });
  });

  describe('plans', () => {
    it('starts a draft for this calendar year, one per account and period', async () => {
      const plan = await newPlan(manager, { accountId: ownAccountId });
      expect(plan).toMatchObject({
        status: 'draft',
        periodStart: '2026-01-01',
        periodEnd: '2026-12-31',
        mayEdit: true,
      });
      expect(plan.completeness).toMatchObject({ grade: 'red', score: 0 });
      expectProblem(await manager.post('/api/v1/account-plans', { accountId: ownAccountId }), 422, ['periodStart']);
      expectProblem(
        await manager.post('/api/v1/account-plans', {
          accountId: ownAccountId,
          periodStart: '2027-02-01',
          periodEnd: '2027-01-01',
        }),
        400,
        ['periodEnd'],
      );
      expectProblem(await manager.post('/api/v1/account-plans', { accountId: otherAccountId }), 403);
      expectProblem(await workspace.users.viewer.api.post('/api/v1/account-plans', { accountId: ownAccountId }), 403);
      const list = await workspace.users.viewer.api.get(`/api/v1/account-plans?accountId=${ownAccountId}`);
      expect(list.body.items.map((item: Json) => item.id)).toEqual([plan.id]);
      // A specialist who is not on the account does not see its plans at all.
      expect((await workspace.users.specialist.api.get(`/api/v1/account-plans/${plan.id}`)).status).toBe(404);
    });

    it('saves content, keeps ids across saves, and scores completeness with reasons in the reader’s language', async () => {
      const plan = await newPlan(manager, { accountId: ownAccountId, periodStart: '2025-01-01' });
      const saved = await save(manager, plan, filled(plan));
      expect(saved.version).toBe(plan.version + 1);
      expect(saved.competitors[0]).toMatchObject({ name: 'Acme', shareOfWallet: 40, threat: 'high' });
      const [grow, partner] = saved.objectives;
      expect(grow.actions).toHaveLength(3);
      expect(saved.completeness.reasons.map((reason: Json) => reason.kind)).toEqual([
        'objective_unmeasurable',
        'objective_without_actions',
      ]);
      const ru = await manager.inLanguage('ru').get(`/api/v1/account-plans/${plan.id}`);
      expect(ru.body.completeness.reasons[0].text).toBe(
        'Цель «Стать партнёром года» — свободный текст: укажите метрику и целевое значение, чтобы её можно было измерить.',
      );

      const content = contentOf(saved);
      content.objectives = [{ ...content.objectives[0], target: 150_000_000 }];
      const again = await save(manager, saved, content);
      expect(again.objectives.map((objective: Json) => objective.id)).toEqual([grow.id]);
      expect(again.objectives[0].actions.map((action: Json) => action.id)).toEqual(grow.actions.map((a: Json) => a.id));
      const removed = await t.query('select count(*)::int as n from plan_objectives where id = $1', [partner.id]);
      expect(removed[0]?.n).toBe(0);
      // The audit log shows what changed, and only that: the target, not the untouched actions.
      const audit = await t.query<{ entity: string; action: string }>(
        `select entity, action from audit_log where entity like 'plan_%' and entity_id = $1 order by at`,
        [grow.id],
      );
      expect(audit.map((row) => row.action)).toEqual(['insert', 'update']);
    });

    it('refuses bad content naming the field: percent, unknown metric, stranger as owner, foreign id', async () => {
      const plan = await newPlan(manager, { accountId: ownAccountId, periodStart: '2024-01-01' });
      const content = filled(plan);
      expectProblem(
        await manager.put(`/api/v1/account-plans/${plan.id}`, {
          ...content,
          competitors: [{ name: 'Acme', shareOfWallet: 150 }],
        }),
        400,
        ['competitors.0.shareOfWallet'],
      );
      const bad = await manager.inLanguage('ru').put(`/api/v1/account-plans/${plan.id}`, {
        ...content,
        competitors: [{ id: '0190a0e0-0000-7000-8000-000000000000', name: 'Acme' }],
        objectives: [
          { title: 'A', metricKey: 'no_such_metric', target: 1 },
          { title: 'B', actions: [{ title: 'C', ownerId: '0190a0e0-0000-7000-8000-000000000001' }] },
        ],
      });
      expectProblem(bad, 422, ['competitors.0.id', 'objectives.0.metricKey', 'objectives.1.actions.0.ownerId']);
      expect(errorAt(bad, 'objectives.0.metricKey')).toBe('Такой метрики нет в каталоге KPI.');
      const unchanged = await manager.get(`/api/v1/account-plans/${plan.id}`);
      expect(unchanged.body).toMatchObject({ version: plan.version, competitors: [], objectives: [] });
      expectProblem(await manager.put(`/api/v1/account-plans/${plan.id}`, content, { 'if-match': '"99"' }), 412);
    });

    it('counts today in the workspace’s time zone: overdue actions and the default year turn at Moscow’s midnight', async () => {
      const kept = t.clock.current;
      try {
        // 23:30 in Moscow on 26 November is 20:30 UTC; 00:30 on the 27th is 21:30 UTC, still the 26th in UTC.
        t.clock.current = new Date('2026-11-26T20:30:00Z');
        const plan = await newPlan(head, { accountId: otherAccountId, periodStart: '2032-01-01' });
        const content = contentOf(plan);
        content.objectives = [
          {
            title: 'Продлить договор',
            metricKey: 'revenue',
            target: 1_000_000,
            actions: [{ title: 'Согласовать условия', dueOn: '2026-11-26', status: 'in_progress' }],
          },
        ];
        const overdue = (body: Json) =>
          body.completeness.reasons.filter((reason: Json) => reason.kind === 'action_overdue').length;
        expect(overdue(await save(head, plan, content))).toBe(0);
        t.clock.current = new Date('2026-11-26T21:30:00Z');
        expect(overdue((await head.get(`/api/v1/account-plans/${plan.id}`)).body)).toBe(1);

        t.clock.current = new Date('2026-12-31T20:30:00Z');
        expect(await newPlan(head, { accountId: otherAccountId })).toMatchObject({ periodStart: '2026-01-01' });
        t.clock.current = new Date('2026-12-31T21:30:00Z');
        expect(await newPlan(head, { accountId: otherAccountId })).toMatchObject({
          periodStart: '2027-01-01',
          periodEnd: '2027-12-31',
        });
      } finally {
        t.clock.current = kept;
      }
    });
  });

  describe('workflow and versions', () => {
    it('goes draft → in review → approved, refusing the wrong transitions with 422 and the wrong roles with 403', async () => {
      const plan = await newPlan(manager, { accountId: ownAccountId, periodStart: '2023-01-01' });
      const path = `/api/v1/account-plans/${plan.id}`;
      const saved = await save(manager, plan, filled(plan));
      expectProblem(await head.post(`${path}/approve`), 422);
      expectProblem(await head.post(`${path}/return`, { comment: 'Нет' }), 422);
      expectProblem(await manager.post(`${path}/reopen`), 422);

      expect((await manager.post(`${path}/submit`)).body.status).toBe('in_review');
      const locked = await manager.inLanguage('ru').put(path, contentOf(saved));
      expect(expectProblem(locked, 422).detail).toBe(
        'План в статусе «на согласовании» нельзя изменить (можно только черновик).',
      );
      expectProblem(await manager.post(`${path}/submit`), 422);
      expectProblem(await manager.post(`${path}/approve`), 403);
      expectProblem(await head.post(`${path}/return`, { comment: ' ' }), 400, ['comment']);

      const returned = await head.post(`${path}/return`, { comment: 'Добавьте цель по марже' });
      expect(returned.body).toMatchObject({ status: 'draft', reviewComment: 'Добавьте цель по марже' });
      await manager.post(`${path}/submit`);
      const approved = await head.post(`${path}/approve`);
      expect(approved.body).toMatchObject({ status: 'approved', reviewComment: null, versions: [{ number: 1 }] });
      expectProblem(await head.post(`${path}/approve`), 422);
      expectProblem(await manager.put(path, contentOf(saved)), 422);

      // The version is immutable, even for the app role behind the API.
      const versionRow = await t.query<{ id: string }>('select id from plan_versions where plan_id = $1', [plan.id]);
      await expect(
        t.query(
          `begin; set local role accord_app; select set_config('app.workspace_id', '${workspace.workspaceId}', true);
           update plan_versions set number = 9 where id = '${versionRow[0]?.id}'; commit;`,
        ),
      ).rejects.toThrow(/permission denied/);
      await t.query('rollback');

      // Reopen, change, approve again: two versions, and what changed between them.
      await manager.post(`${path}/reopen`);
      const current = (await manager.get(path)).body;
      const content = contentOf(current);
      content.sections[1].body = 'Новая стратегия';
      content.objectives[0].target = 140_000_000;
      content.objectives[0].actions.push({ title: 'Выход в новый регион', status: 'planned', progress: 0 });
      content.competitors = [];
      await save(manager, current, content);
      await manager.post(`${path}/submit`);
      await head.post(`${path}/approve`);
      const compared = await workspace.users.viewer.api.inLanguage('ru').get(`${path}/compare?from=1&to=2`);
      expect(compared.status).toBe(200);
      expect(compared.body.changes.sections).toEqual([
        { id: current.sections[1].sectionId, title: current.sections[1].titleRu, change: 'changed', fields: ['body'] },
      ]);
      expect(compared.body.changes.competitors).toMatchObject([{ title: 'Acme', change: 'removed' }]);
      expect(compared.body.changes.objectives).toMatchObject([{ change: 'changed', fields: ['target'] }]);
      expect(compared.body.changes.actions).toMatchObject([{ title: 'Выход в новый регион', change: 'added' }]);
      const first = await manager.get(`${path}/versions/1`);
      expect(first.body.snapshot.objectives[0].target).toBe(130_000_000);
      expectProblem(await manager.get(`${path}/versions/3`), 404);
      expectProblem(await manager.get(`${path}/compare?from=1&to=7`), 404);

      const audit = await head.get(`/api/v1/audit-log?entity=account_plans&entityId=${plan.id}`);
      expect(audit.status).toBe(200);
    });

    it('exports the latest approved version as Markdown in the reader’s language, and nothing before approval', async () => {
      const plan = await newPlan(head, { accountId: otherAccountId, periodStart: '2022-01-01' });
      const path = `/api/v1/account-plans/${plan.id}`;
      expectProblem(await head.get(`${path}/markdown`), 422);
      const content = filled(plan);
      content.competitors = [{ name: 'Acme | Ко', shareOfWallet: 40, strengths: 'Цена\nи сроки', threat: 'high' }];
      await save(head, plan, content);
      await head.post(`${path}/submit`);
      await head.post(`${path}/approve`);
      const ru = await workspace.users.viewer.api.inLanguage('ru').get(`${path}/markdown`);
      expect(ru.status).toBe(200);
      expect(ru.headers.get('content-type')).toContain('text/markdown');
      expect(ru.headers.get('content-disposition')).toContain(encodeURIComponent('Василёк-2022-v1.md'));
      const text = String(ru.body);
      expect(text).toContain('# План по аккаунту: Василёк');
      expect(text).toContain('## Рынок клиента');
      expect(text).toContain('Аптечные сети укрупняются.');
      expect(text).toContain('| Acme \\| Ко | 40 % | Цена и сроки | — | высокая |');
      expect(text).toContain('- [ ] QBR с закупками — Ответственный: manager');
      expect(text).toContain('- _не измерима_');
    });
  });

  describe('yearly review', () => {
    it('starts next year’s draft as a copy, carrying only unfinished actions over, once', async () => {
      const plan = await newPlan(manager, { accountId: ownAccountId, periodStart: '2021-01-01' });
      const saved = await save(manager, plan, filled(plan));
      const response = await manager.post(`/api/v1/account-plans/${plan.id}/copy-forward`);
      expect(response.status, JSON.stringify(response.body)).toBe(201);
      const next = response.body;
      expect(next).toMatchObject({
        status: 'draft',
        periodStart: '2022-01-01',
        periodEnd: '2022-12-31',
        copiedFromId: plan.id,
        versions: [],
      });
      expect(next.sections[0].body).toBe(saved.sections[0].body);
      expect(next.competitors).toMatchObject([{ name: 'Acme', shareOfWallet: 40 }]);
      expect(next.objectives.map((objective: Json) => objective.title)).toEqual([
        'Вырастить выручку',
        'Стать партнёром года',
      ]);
      expect(next.objectives[0].actions).toMatchObject([
        { title: 'QBR с закупками', status: 'in_progress', carriedFromId: saved.objectives[0].actions[0].id },
      ]);
      expectProblem(await manager.post(`/api/v1/account-plans/${plan.id}/copy-forward`), 422);
      const plans = await t.query('select count(*)::int as n from account_plans where account_id = $1', [ownAccountId]);
      expect(plans[0]?.n).toBeGreaterThan(1);
      expectProblem(await workspace.users.viewer.api.post(`/api/v1/account-plans/${plan.id}/copy-forward`), 403);
    });
  });
  describe('workspace list', () => {
    it('filters plans by year, status and account owner, sorts and pages them', async () => {
      const headPlan = await newPlan(head, { accountId: otherAccountId, periodStart: '2019-01-01' });
      const managerPlan = await newPlan(manager, { accountId: ownAccountId, periodStart: '2019-01-01' });
      const viewer = workspace.users.viewer.api;
      const ids = (body: Json) => body.items.map((item: Json) => item.id);
      const ofYear = await viewer.get('/api/v1/account-plans?year=2019&sort=-updatedAt');
      expect(ids(ofYear.body)).toEqual([managerPlan.id, headPlan.id]);
      const ofOwner = await viewer.get(`/api/v1/account-plans?year=2019&ownerId=${workspace.users.head.id}`);
      expect(ids(ofOwner.body)).toEqual([headPlan.id]);
      expect(ofOwner.body.items[0].accountOwner).toEqual({
        id: workspace.users.head.id,
        name: expect.any(String),
      });
      expect((await viewer.get('/api/v1/account-plans?year=2019&status=approved')).body.items).toEqual([]);
      const firstPage = await viewer.get('/api/v1/account-plans?limit=1&sort=periodStart');
      expect(firstPage.body.items).toHaveLength(1);
      expect(firstPage.body.nextCursor).not.toBeNull();
      const next = await viewer.get(
        `/api/v1/account-plans?limit=1&sort=periodStart&cursor=${firstPage.body.nextCursor}`,
      );
      expect(ids(next.body)).not.toEqual(ids(firstPage.body));
      expectProblem(await viewer.get('/api/v1/account-plans?year=19'), 400, ['year']);

      // Completeness is scored as the list is read; the grade filter pages through what matches.
      await save(manager, managerPlan, filled(managerPlan));
      const scored = await viewer.get('/api/v1/account-plans?year=2019');
      const scoreOf = (id: string) => scored.body.items.find((item: Json) => item.id === id).completeness;
      expect(scoreOf(headPlan.id)).toEqual({ score: 0, grade: 'red' });
      const full = (await viewer.get(`/api/v1/account-plans/${managerPlan.id}`)).body.completeness;
      expect(scoreOf(managerPlan.id)).toEqual({ score: full.score, grade: full.grade });
      expect(full.grade).not.toBe('red');
      const ofGrade = await viewer.get(`/api/v1/account-plans?year=2019&grade=${full.grade}`);
      expect(ids(ofGrade.body)).toEqual([managerPlan.id]);
      const reds = await viewer.get('/api/v1/account-plans?grade=red&limit=1&sort=periodStart');
      expect(reds.body.items[0].completeness.grade).toBe('red');
      expect(reds.body.nextCursor).not.toBeNull();
      const nextReds = await viewer.get(
        `/api/v1/account-plans?grade=red&limit=50&sort=periodStart&cursor=${reds.body.nextCursor}`,
      );
      expect(nextReds.body.items.every((item: Json) => item.completeness.grade === 'red')).toBe(true);
      expect(ids(nextReds.body)).not.toContain(reds.body.items[0].id);
      expect(ids(nextReds.body)).not.toContain(managerPlan.id);
      expectProblem(await viewer.get('/api/v1/account-plans?grade=blue'), 400, ['grade']);
    });
  });
});
