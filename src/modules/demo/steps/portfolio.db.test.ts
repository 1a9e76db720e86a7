import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, type Json, useTestApp } from '../../../../tests/support/test-app';
import { asSystem } from '../../../platform/db/client';
import { createApiToken } from '../../auth';
import { portfolioModelDefinitionSchema, rateAccountInput } from '../../portfolio';
import { createUser } from '../../users';
import type { Workspace } from '../../workspaces';
import { generateDemoWorkspace } from '../index';

describe('demo portfolio', () => {
  const t = useTestApp();
  let workspace: Workspace;
  let twin: Workspace;
  let api: ApiClient;

  beforeAll(async () => {
    const admin = await asSystem(t.database.db, {}, (tx) =>
      createUser(tx, { email: 'portfolio-demo@example.com', name: 'Админ', password: 'correct horse battery' }),
    );
    const generate = () =>
      asSystem(t.database.db, { userId: admin.id }, (tx) =>
        generateDemoWorkspace(tx, { adminUserId: admin.id, scale: 1, locale: 'ru', seed: 1, now: t.clock.now() }),
      );
    workspace = await generate();
    twin = await generate();
    const token = await asSystem(t.database.db, {}, async (tx) => {
      const actor = { userId: admin.id, workspaceId: workspace.id, role: 'admin' as const };
      return (await createApiToken({ db: tx, actor, now: t.clock.now() }, { name: 'demo' })).token;
    });
    api = new ApiClient(t.app, { token }, 'ru');
  }, 120_000);

  it('has a model in two versions that passes the settings form’s rules', async () => {
    const versions = await api.get('/api/v1/portfolio/model/versions');
    expect(versions.body.items.map((version: Json) => version.version)).toEqual([2, 1]);
    expect(versions.body.items[0].note).toMatch(/годового обзора/);
    for (const version of [1, 2]) {
      const { body } = await api.get(`/api/v1/portfolio/model/versions/${version}`);
      const { version: _v, note: _n, savedAt: _a, savedBy: _b, ...definition } = body;
      expect(portfolioModelDefinitionSchema.safeParse(definition).error?.issues).toBeUndefined();
    }
  });

  it('rates the accounts plausibly: key accounts mostly Strategic or Star, some scores incomplete', async () => {
    const { body } = await api.get('/api/v1/portfolio');
    expect(body.total).toBe(200);
    const key = body.items.filter((row: Json) => row.status === 'key');
    const keyHigh = key.filter((row: Json) => row.quadrant === 'strategic' || row.quadrant === 'star');
    expect(keyHigh.length / key.length).toBeGreaterThanOrEqual(0.75);
    const prospects = body.items.filter((row: Json) => row.status === 'prospect' && row.quadrant);
    expect(
      prospects.filter((row: Json) => row.quadrant === 'strategic' || row.quadrant === 'status').length,
    ).toBeLessThan(prospects.length / 4);
    expect(body.incomplete).toBeGreaterThan(5);
    expect(body.incomplete).toBeLessThan(120);
    for (const quadrant of ['strategic', 'star', 'status', 'streamline'])
      expect(body.counts[quadrant], quadrant).toBeGreaterThan(0);
  });

  it('makes ratings that pass the validation of user input', async () => {
    const ratings = await t.database.db.execute<{ criterion: string; value: number; comment: string | null }>(
      sql`select criterion, value, comment from portfolio_ratings where workspace_id = ${workspace.id}`,
    );
    expect(ratings.rows.length).toBeGreaterThan(1000);
    for (const rating of ratings.rows) {
      expect(rateAccountInput.safeParse({ ratings: [rating] }).error?.issues, JSON.stringify(rating)).toBeUndefined();
    }
    expect(ratings.rows.every((rating) => rating.value >= 1 && rating.value <= 10)).toBe(true);
    expect(ratings.rows.some((rating) => rating.comment)).toBe(true);
  });

  it('has designations: approved ones behind every key account, pending ones with warnings, a demotion', async () => {
    const { body } = await api.get('/api/v1/portfolio/designations?limit=500');
    const approvedKeys = new Set(
      body.items
        .filter(
          (item: Json) => item.kind === 'nomination' && item.status === 'approved' && item.account.status === 'key',
        )
        .map((item: Json) => item.account.id),
    );
    expect(approvedKeys.size).toBe(8);
    const pending = body.items.filter((item: Json) => item.status === 'pending');
    expect(pending.length).toBeGreaterThanOrEqual(3);
    expect(
      pending.some((item: Json) => item.warnings.some((warning: Json) => warning.code === 'low_attractiveness')),
    ).toBe(true);
    expect(body.items.some((item: Json) => item.status === 'rejected' && item.decisionComment)).toBe(true);
    expect(body.items.some((item: Json) => item.kind === 'demotion' && item.newStatus === 'at_risk')).toBe(true);
  });

  it('has two past reviews, a year and half a year ago, whose comparison shows movement', async () => {
    const { body } = await api.get('/api/v1/portfolio/reviews');
    expect(body.items.map((review: Json) => review.modelVersion)).toEqual([2, 1]);
    const [half, annual] = body.items;
    const days = (iso: string) => Math.round((t.clock.now().getTime() - Date.parse(iso)) / 86_400_000);
    expect(days(annual.heldAt)).toBe(365);
    expect(days(half.heldAt)).toBe(182);
    const comparison = await api.get(`/api/v1/portfolio/reviews/compare?from=${annual.id}&to=${half.id}`);
    const changed = comparison.body.moves.filter((move: Json) => move.quadrantChanged && move.from && move.to);
    expect(changed.length).toBeGreaterThan(5);
    const sinceHalf = await api.get(`/api/v1/portfolio/reviews/compare?from=${half.id}`);
    expect(sinceHalf.body.moves.length).toBeGreaterThan(20);
    const account = changed[0].accountId;
    const panel = await api.get(`/api/v1/portfolio/accounts/${account}`);
    expect(panel.body.sinceLastReview.review.id).toBe(half.id);
  });

  it('makes the same portfolio from the same seed', async () => {
    const fingerprint = async (workspaceId: string) => {
      const digest = async (query: ReturnType<typeof sql>) =>
        (await t.database.db.execute<{ digest: string }>(query)).rows[0]?.digest;
      return {
        ratings:
          await digest(sql`select md5(string_agg(row(a.name, r.criterion, r.value, r.comment, r.updated_at)::text,
          E'\n' order by a.name, r.criterion)) as digest from portfolio_ratings r
          join accounts a on a.workspace_id = r.workspace_id and a.id = r.account_id where r.workspace_id = ${workspaceId}`),
        reviews: await digest(sql`select md5(string_agg(row(r.name, r.held_at, e.account_name, e.attractiveness,
          e.strength, e.quadrant, e.inputs)::text, E'\n' order by r.held_at, e.account_name)) as digest
          from portfolio_review_entries e join portfolio_reviews r on r.workspace_id = e.workspace_id and r.id = e.review_id
          where e.workspace_id = ${workspaceId}`),
        designations: await digest(sql`select md5(string_agg(row(a.name, d.kind, d.status, d.justification, d.warnings,
          d.created_at)::text, E'\n' order by a.name, d.created_at)) as digest from portfolio_designations d
          join accounts a on a.workspace_id = d.workspace_id and a.id = d.account_id where d.workspace_id = ${workspaceId}`),
      };
    };
    const original = await fingerprint(workspace.id);
    for (const value of Object.values(original)) expect(value).toMatch(/^[0-9a-f]{32}$/);
    expect(await fingerprint(twin.id)).toEqual(original);
  });
});
