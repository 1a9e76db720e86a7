import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, type Json, useTestApp } from '../../../tests/support/test-app';
import { freshnessDays, isStale } from '../../analytics/relationships/freshness';
import { asSystem, inWorkspace } from '../../platform/db/client';
import { createApiToken } from '../auth';
import { generateDemoWorkspace } from '../demo';
import { createUser } from '../users';
import type { Workspace } from '../workspaces';
import { createCoverageInput, createInteractionInput, createLinkInput, updateStakeholderInput } from './schemas';

type Row = Record<string, Json>;

describe('relationship map in the demo workspace', () => {
  const t = useTestApp();
  let workspace: Workspace;
  let english: Workspace;
  let api: ApiClient;

  const rows = async <T = Row>(query: ReturnType<typeof sql>) => (await t.database.db.execute(query)).rows as T[];

  beforeAll(async () => {
    const admin = await asSystem(t.database.db, {}, (tx) =>
      createUser(tx, { email: 'map-admin@example.com', name: 'Картограф', password: 'correct horse battery' }),
    );
    const generate = (locale: 'ru' | 'en', scale: number) =>
      asSystem(t.database.db, { userId: admin.id }, (tx) =>
        generateDemoWorkspace(tx, { adminUserId: admin.id, now: t.clock.now(), scale, locale, seed: 7 }),
      );
    workspace = await generate('ru', 0.5);
    english = await generate('en', 0.1);
    const actor = { userId: admin.id, workspaceId: workspace.id, role: 'admin' as const };
    const { token } = await inWorkspace(t.database.db, { workspaceId: workspace.id }, (tx) =>
      createApiToken({ db: tx, actor, now: t.clock.now() }, { name: 'demo' }),
    );
    api = new ApiClient(t.app, { token });
  }, 180_000);

  it('has stakeholders, owners, dotted lines and two years of interactions, planned ones ahead', async () => {
    const [counts] = await rows(sql`select
      (select count(*)::int from stakeholders where workspace_id = ${workspace.id}) as stakeholders,
      (select count(*)::int from stakeholders where workspace_id = ${workspace.id} and key_player) as key_players,
      (select count(*)::int from relationship_coverage where workspace_id = ${workspace.id}) as coverage,
      (select count(*)::int from stakeholder_links where workspace_id = ${workspace.id}) as links,
      (select count(*)::int from interactions where workspace_id = ${workspace.id}) as interactions,
      (select count(*)::int from interactions where workspace_id = ${workspace.id} and status = 'planned' and occurred_at > ${t.clock.now()}) as planned,
      (select count(*)::int from interactions where workspace_id = ${workspace.id} and status = 'held' and occurred_at > ${t.clock.now()}) as held_in_future,
      (select min(occurred_at) from interactions where workspace_id = ${workspace.id}) as earliest,
      (select count(*)::int from interactions where workspace_id = ${workspace.id} and next_step is not null) as next_steps`);
    expect(counts?.stakeholders).toBeGreaterThan(300);
    expect(counts?.key_players).toBeGreaterThan(100);
    expect(counts?.coverage).toBeGreaterThan(100);
    expect(counts?.links).toBeGreaterThan(10);
    expect(counts?.interactions).toBeGreaterThan(800);
    expect(counts?.planned).toBeGreaterThan(20);
    expect(counts?.held_in_future).toBe(0);
    expect(counts?.next_steps).toBeGreaterThan(100);
    const earliest = new Date(counts?.earliest as string).getTime();
    expect(t.clock.now().getTime() - earliest).toBeGreaterThan(500 * 86_400_000);
    expect(t.clock.now().getTime() - earliest).toBeLessThanOrEqual(731 * 86_400_000);
  });

  it('keeps participants in step with their interaction and inside its account', async () => {
    const [mismatch] = await rows(sql`select count(*)::int as count from interaction_contacts ic
      join interactions i on i.workspace_id = ic.workspace_id and i.id = ic.interaction_id
      join contacts c on c.workspace_id = ic.workspace_id and c.id = ic.contact_id
      where ic.workspace_id = ${workspace.id}
        and (ic.status <> i.status or ic.occurred_at <> i.occurred_at or c.account_id <> i.account_id)`);
    expect(mismatch?.count).toBe(0);
  });

  it('makes records that pass the validation of user input', async () => {
    const people = await rows(sql`select buying_role as "buyingRole", support, influence,
      decision_orientation as "decisionOrientation", key_player as "keyPlayer", notes
      from stakeholders where workspace_id = ${workspace.id}`);
    for (const person of people) expect(updateStakeholderInput.safeParse(person).error?.issues).toBeUndefined();
    const coverage = await rows(sql`select user_id as "userId", current_level as "currentLevel",
      target_level as "targetLevel" from relationship_coverage where workspace_id = ${workspace.id}`);
    for (const owner of coverage) expect(createCoverageInput.safeParse(owner).error?.issues).toBeUndefined();
    const links = await rows(sql`select from_contact_id as "fromContactId", to_contact_id as "toContactId", kind, note
      from stakeholder_links where workspace_id = ${workspace.id}`);
    for (const link of links) expect(createLinkInput.safeParse(link).error?.issues).toBeUndefined();
    const logged = await rows(sql`select account_id as "accountId", kind, status,
      to_char(occurred_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as "occurredAt",
      duration_minutes as "durationMinutes", location, subject, summary, outcome, next_step as "nextStep",
      next_step_owner_id as "nextStepOwnerId", next_step_due_on::text as "nextStepDueOn", next_step_done as "nextStepDone"
      from interactions where workspace_id = ${workspace.id} limit 2000`);
    for (const interaction of logged) {
      expect(createInteractionInput.safeParse(interaction).error?.issues, JSON.stringify(interaction)).toBeUndefined();
    }
  });

  it('leaves some gaps of every kind, and lists the same gaps workspace-wide as account by account', async () => {
    const all: Json[] = [];
    let cursor: string | null = null;
    do {
      const page: Json = await api.get(
        `/api/v1/relationship-gaps?limit=500${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      );
      expect(page.status).toBe(200);
      all.push(...page.body.items);
      cursor = page.body.nextCursor;
    } while (cursor);
    const first = await api.get('/api/v1/relationship-gaps?limit=1');
    expect(all).toHaveLength(first.body.total);
    for (const [kind, count] of Object.entries(first.body.counts)) expect(count, kind).toBeGreaterThan(0);

    const accounts = await rows<{ id: string }>(
      sql`select id from accounts where workspace_id = ${workspace.id} and status <> 'lost' order by id`,
    );
    const perAccount: string[] = [];
    for (const { id } of accounts) {
      const summary = await api.get(`/api/v1/accounts/${id}/relationship-summary`);
      for (const gap of summary.body.gaps) perAccount.push(`${id}:${gap.kind}:${gap.contactId}:${gap.coverageId}`);
      expect(summary.body.strength.score).toBeGreaterThanOrEqual(0);
    }
    const listed = all.map((gap) => `${gap.account.id}:${gap.kind}:${gap.contactId}:${gap.coverageId}`);
    expect(listed.sort()).toEqual(perAccount.sort());
  });

  it('computes freshness on the org chart (in SQL) exactly as the pure rules do', async () => {
    const accounts = await rows<{ id: string }>(
      sql`select id from accounts where workspace_id = ${workspace.id} order by id limit 40`,
    );
    let checked = 0;
    for (const { id } of accounts) {
      const chart = (await api.get(`/api/v1/accounts/${id}/org-chart`)).body;
      for (const person of chart.people) {
        const lastHeldAt = person.lastHeldAt ? new Date(person.lastHeldAt) : null;
        const days = freshnessDays(lastHeldAt, t.clock.now());
        expect(person.freshnessDays, person.id).toBe(days);
        expect(person.stale, person.id).toBe(
          (person.keyPlayer || person.coverage.length > 0) && isStale(days, chart.staleAfterDays),
        );
        checked += lastHeldAt ? 1 : 0;
      }
    }
    expect(checked).toBeGreaterThan(100);
  });

  it('writes English stakeholder notes and interactions without Cyrillic', async () => {
    const cyrillic = '[А-Яа-яЁё]';
    const [found] = await rows(sql`select
      (select count(*)::int from interactions where workspace_id = ${english.id}
        and concat_ws(' ', subject, summary, outcome, next_step, location) ~ ${cyrillic}) as interactions,
      (select count(*)::int from stakeholders where workspace_id = ${english.id} and notes ~ ${cyrillic}) as notes,
      (select count(*)::int from interactions where workspace_id = ${english.id}) as total`);
    expect(found).toMatchObject({ interactions: 0, notes: 0 });
    expect(found?.total).toBeGreaterThan(50);
  });
});
