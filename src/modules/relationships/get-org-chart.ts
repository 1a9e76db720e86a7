import { asc, inArray, sql } from 'drizzle-orm';
import { defaultStaleAfterDays } from '../../analytics/relationships/terms';
import { notFound } from '../../platform/errors';
import { KeptInMemory } from '../../platform/kept-in-memory';
import type { UseCaseContext } from '../../platform/use-case';
import { contacts } from '../contacts';
import { users } from '../users';
import { accountAndSettings, accountPeople } from './load-account-map';
import { accountRevisionColumn, type ClockMoments, clockMomentColumns, personValidUntil } from './map-revision';
import { relationshipMessages } from './messages';
import { relationshipAccountRevisions, relationshipContactRevisions, stakeholderLinks, wholeMapId } from './schema';

/** The letters on an owner's avatar: the first letters of the first two words of the name. */
export function initialsOf(name: string | null): string {
  if (!name) return '?';
  const letters = name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((word) => word.charAt(0).toLocaleUpperCase());
  return letters.join('') || '?';
}

/** One person of a kept chart: their JSON text in the answer and our people who own them. */
type KeptPerson = { json: string; ownerIds: readonly string[]; validUntil: number };

type KeptChart = {
  /** The account's map revision the chart is filed under. */
  revision: number;
  /** When it was read (a clock that went back reads the chart again). */
  readAt: number;
  /** The first moment a person's answer changes with the clock alone. */
  validUntil: number;
  /** The people's ids in the chart's order (name, then id). */
  order: readonly string[];
  people: ReadonlyMap<string, KeptPerson>;
  links: string;
};

/** How many accounts' charts one server keeps. */
const chartsKept = 50;
const keptCharts = new KeptInMemory<string, KeptChart>(chartsKept);

/**
 * Above this share of the chart to be read again, reading it whole is cheaper than patching it
 * person by person.
 */
const patchedShareAtMost = 0.25;

/**
 * People of the account's chart (all, or `only` those) as JSON text each, in the chart's order,
 * with the ids of our people who own relationships with them and until when their answer holds.
 * NOTE: for 2,000 people PostgreSQL writes each person as JSON text that goes out as it is:
 * parsing and re-serialising 800 kB cost more than the query. Days since the last held
 * interaction and the stale flag are therefore computed in SQL by the rules of
 * `analytics/relationships/freshness.ts`; a test holds the two to the same answers.
 */
async function readPeople(ctx: UseCaseContext, accountId: string, only?: readonly string[]) {
  const workspaceId = ctx.actor.workspaceId;
  // NOTE: `greatest` skips NULLs, so "never" must stay NULL explicitly.
  const staleAfterDays = sql`coalesce((select rs.stale_after_days from relationship_settings rs
    where rs.workspace_id = ${workspaceId}), ${defaultStaleAfterDays})`;
  const days = sql`case when t.last_held is null then null
    else greatest(0, floor(extract(epoch from (${ctx.now}::timestamptz - t.last_held)) / 86400))::int end`;
  const result = await ctx.db.execute<PersonRow>(sql`
    ${accountPeople(ctx, accountId, only)}
    select p.id, row_to_json(person)::text as json, owners.owner_ids, moments.*
    from people p left join touches t on t.contact_id = p.id left join owned o on o.contact_id = p.id
    cross join lateral (
      select p.id, p.full_name as "fullName", p.title, p.department, p.reports_to_id as "reportsToId",
        p.version, p.buying_role as "buyingRole", p.support, p.influence,
        p.decision_orientation as "decisionOrientation", p.key_player as "keyPlayer",
        to_char(t.last_held at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as "lastHeldAt",
        ${days} as "freshnessDays",
        (p.key_player or o.coverage is not null) and (t.last_held is null or ${days} > ${staleAfterDays}) as stale,
        coalesce(t.planned, false) as "hasPlannedInteraction",
        coalesce(o.coverage, '[]') as coverage
    ) person
    cross join lateral (select ${clockMomentColumns}) moments
    cross join lateral (select json_agg(owner ->> 'userId') as owner_ids
      from json_array_elements(person.coverage) owner) owners
    order by p.full_name, p.id`);
  const now = ctx.now.getTime();
  return result.rows.map((row) => ({
    id: row.id,
    json: row.json,
    ownerIds: row.owner_ids ?? [],
    validUntil: personValidUntil(row, now),
  }));
}

type PersonRow = ClockMoments & { id: string; json: string; owner_ids: string[] | null };

/** The dotted lines from the account's people, as JSON text. */
async function readLinks(ctx: UseCaseContext, accountId: string): Promise<string> {
  const workspaceId = ctx.actor.workspaceId;
  const result = await ctx.db.execute<{ links: string }>(sql`
    select coalesce((select json_agg(json_build_object('id', l.id, 'fromContactId', l.from_contact_id,
        'toContactId', l.to_contact_id, 'kind', l.kind, 'note', l.note) order by l.created_at, l.id)
      from ${stakeholderLinks} l
      where l.workspace_id = ${workspaceId} and l.from_contact_id in (select c.id from ${contacts} c
        where c.workspace_id = ${workspaceId} and c.account_id = ${accountId})), '[]')::text as links`);
  return result.rows[0]?.links ?? '[]';
}

function keptChart(
  revision: number,
  readAt: number,
  order: readonly string[],
  people: ReadonlyMap<string, KeptPerson>,
  links: string,
): KeptChart {
  let validUntil = Number.POSITIVE_INFINITY;
  for (const person of people.values()) validUntil = Math.min(validUntil, person.validUntil);
  return { revision, readAt, validUntil, order, people, links };
}

async function readChart(ctx: UseCaseContext, accountId: string, revision: number): Promise<KeptChart> {
  const people = await readPeople(ctx, accountId);
  return keptChart(
    revision,
    ctx.now.getTime(),
    people.map((person) => person.id),
    new Map(people.map(({ id, ...person }) => [id, person])),
    await readLinks(ctx, accountId),
  );
}

/**
 * The kept chart brought up to date by reading again only the people stamped since it was kept
 * and those whose answer moved with the clock, or undefined when too many did (or the whole map
 * changed) for that to pay.
 */
async function patchChart(
  ctx: UseCaseContext,
  accountId: string,
  kept: KeptChart,
  revision: number,
): Promise<KeptChart | undefined> {
  const workspaceId = ctx.actor.workspaceId;
  const now = ctx.now.getTime();
  const result = await ctx.db.execute<{ whole_map_changed: boolean; changed: string[]; ordered: string[] }>(sql`
    select
      exists (select from ${relationshipAccountRevisions} r where r.workspace_id = ${workspaceId}
        and r.account_id = ${wholeMapId} and r.revision > ${kept.revision}) as whole_map_changed,
      coalesce((select json_agg(r.contact_id) from ${relationshipContactRevisions} r
        where r.workspace_id = ${workspaceId} and r.account_id = ${accountId} and r.revision > ${kept.revision}),
        '[]') as changed,
      coalesce((select json_agg(c.id order by c.full_name, c.id) from ${contacts} c
        where c.workspace_id = ${workspaceId} and c.account_id = ${accountId}), '[]') as ordered`);
  const row = result.rows[0];
  if (!row || row.whole_map_changed) return undefined;
  const again = new Set(row.changed);
  for (const [id, person] of kept.people) if (now >= person.validUntil) again.add(id);
  if (again.size > patchedShareAtMost * row.ordered.length) return undefined;
  const people = new Map(kept.people);
  for (const id of again) people.delete(id);
  if (again.size > 0)
    for (const { id, ...person } of await readPeople(ctx, accountId, [...again])) people.set(id, person);
  // NOTE: someone who joined after the ordered list was read is left for the next request.
  const order = row.ordered.filter((id) => people.has(id));
  const links = revision === kept.revision ? kept.links : await readLinks(ctx, accountId);
  return keptChart(revision, kept.readAt, order, people, links);
}

/**
 * The chart kept under `key` if it still holds at `revision` and now; else the kept one patched
 * with the people who changed since, or read whole — and kept.
 */
async function currentChart(ctx: UseCaseContext, accountId: string, key: string, revision: number) {
  const kept = keptCharts.get(key);
  const now = ctx.now.getTime();
  if (kept && kept.revision === revision && now >= kept.readAt && now < kept.validUntil) return kept;
  const patched = kept && now >= kept.readAt ? await patchChart(ctx, accountId, kept, revision) : undefined;
  return keptCharts.set(key, patched ?? (await readChart(ctx, accountId, revision)));
}

async function ownersNamed(ctx: UseCaseContext, ids: readonly string[]) {
  if (ids.length === 0) return [];
  const rows = await ctx.db
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(inArray(users.id, [...ids]))
    .orderBy(asc(users.name));
  return rows.map(({ id, name }) => ({ id, name, initials: initialsOf(name) }));
}

/**
 * Everything the org chart of an account draws, in one answer: people, attributes, links, owners
 * with initials, freshness — as the JSON text of the response (the `OrgChart` schema). People and
 * lines are kept in this server's memory while the account's relationship map is unchanged (and
 * for at most a minute, as freshness moves with the clock); the account and owners' names are
 * read on every request.
 */
export async function getOrgChartJson(ctx: UseCaseContext, accountId: string): Promise<string> {
  // NOTE: the revision is read before the map, so a map read after it is at least as new as it.
  const result = await ctx.db.execute<{
    revision: number;
    account: [string, string, string] | null;
    stale_after_days: number | null;
  }>(sql`select ${accountRevisionColumn(ctx, accountId)}, ${accountAndSettings(ctx, accountId)}`);
  const row = result.rows[0];
  if (!row?.account) throw notFound(relationshipMessages.account);
  const [id, name] = row.account;
  const key = `${ctx.actor.workspaceId}:${id}`;
  const chart = await currentChart(ctx, accountId, key, row.revision);
  const ownerIds = new Set<string>();
  const people: string[] = [];
  for (const id of chart.order) {
    const person = chart.people.get(id);
    if (!person) continue;
    people.push(person.json);
    for (const ownerId of person.ownerIds) ownerIds.add(ownerId);
  }
  const owners = await ownersNamed(ctx, [...ownerIds]);
  return `{"account":${JSON.stringify({ id, name })},"staleAfterDays":${row.stale_after_days ?? defaultStaleAfterDays},"people":[${people.join(',')}],"links":${chart.links},"owners":${JSON.stringify(owners)}}`;
}
