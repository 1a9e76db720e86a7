import { asc, inArray, sql } from 'drizzle-orm';
import { defaultStaleAfterDays } from '../../analytics/relationships/terms';
import { notFound } from '../../platform/errors';
import { KeptInMemory } from '../../platform/kept-in-memory';
import type { UseCaseContext } from '../../platform/use-case';
import { users } from '../users';
import { accountAndSettings, accountPeople } from './load-account-map';
import { accountRevisionColumn, type KeptAt, stillCurrent } from './map-revision';
import { relationshipMessages } from './messages';
import { stakeholderLinks } from './schema';

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

type KeptChart = KeptAt & { people: string; links: string; ownerIds: string[] };

/** How many accounts' charts one server keeps. */
const chartsKept = 50;
const keptCharts = new KeptInMemory<string, KeptChart>(chartsKept);

/**
 * People and lines of the account's chart as JSON text, with the ids of our people who own
 * relationships there.
 * NOTE: for 2,000 people PostgreSQL writes the people and lines as JSON text that goes out as it
 * is: parsing and re-serialising 800 kB cost more than the query. Days since the last held
 * interaction and the stale flag are therefore computed in SQL by the rules of
 * `analytics/relationships/freshness.ts`; a test holds the two to the same answers.
 */
async function readChart(ctx: UseCaseContext, accountId: string): Promise<Omit<KeptChart, keyof KeptAt>> {
  const workspaceId = ctx.actor.workspaceId;
  // NOTE: `greatest` skips NULLs, so "never" must stay NULL explicitly.
  const staleAfterDays = sql`coalesce((select rs.stale_after_days from relationship_settings rs
    where rs.workspace_id = ${workspaceId}), ${defaultStaleAfterDays})`;
  const days = sql`case when t.last_held is null then null
    else greatest(0, floor(extract(epoch from (${ctx.now}::timestamptz - t.last_held)) / 86400))::int end`;
  const result = await ctx.db.execute<{ people: string; links: string; owner_ids: string[] }>(sql`
    ${accountPeople(ctx, accountId)}
    select
      coalesce((select json_agg(person order by person."fullName", person.id) from (
          select p.id, p.full_name as "fullName", p.title, p.department, p.reports_to_id as "reportsToId",
            p.version, p.buying_role as "buyingRole", p.support, p.influence,
            p.decision_orientation as "decisionOrientation", p.key_player as "keyPlayer",
            to_char(t.last_held at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as "lastHeldAt",
            ${days} as "freshnessDays",
            (p.key_player or o.coverage is not null) and (t.last_held is null or ${days} > ${staleAfterDays}) as stale,
            coalesce(t.planned, false) as "hasPlannedInteraction",
            coalesce(o.coverage, '[]') as coverage
          from people p left join touches t on t.contact_id = p.id left join owned o on o.contact_id = p.id
        ) person), '[]')::text
        as people,
      coalesce((select json_agg(json_build_object('id', l.id, 'fromContactId', l.from_contact_id,
          'toContactId', l.to_contact_id, 'kind', l.kind, 'note', l.note) order by l.created_at, l.id)
        from ${stakeholderLinks} l
        where l.workspace_id = ${workspaceId} and l.from_contact_id in (select id from people)), '[]')::text as links,
      coalesce((select json_agg(distinct owner ->> 'userId') from owned o, json_array_elements(o.coverage) owner),
        '[]') as owner_ids`);
  const row = result.rows[0];
  return { people: row?.people ?? '[]', links: row?.links ?? '[]', ownerIds: row?.owner_ids ?? [] };
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
  let chart = keptCharts.get(key);
  if (!stillCurrent(chart, row.revision, ctx.now)) {
    chart = keptCharts.set(key, {
      ...(await readChart(ctx, accountId)),
      revision: row.revision,
      computedAt: ctx.now.getTime(),
    });
  }
  const owners = await ownersNamed(ctx, chart.ownerIds);
  return `{"account":${JSON.stringify({ id, name })},"staleAfterDays":${row.stale_after_days ?? defaultStaleAfterDays},"people":${chart.people},"links":${chart.links},"owners":${JSON.stringify(owners)}}`;
}
