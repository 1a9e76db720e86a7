import { and, eq, sql } from 'drizzle-orm';
import {
  type AccountHealth,
  accountHealth,
  defaultHealthWeights,
  type HealthGrade,
  type HealthInputs,
  type HealthWeights,
  type KpiTrendInput,
  reweighHealth,
} from '../../analytics/health';
import type { AccountFact } from '../../platform/account-facts';
import { staleVersion } from '../../platform/errors';
import type { UseCaseContext } from '../../platform/use-case';
import { accounts, visibleAccounts } from '../accounts';
import { workspaceToday } from '../workspaces';
import { visibleAccount } from './access';
import { listMetrics } from './metrics';
import { accountHealthHistory, kpiHealthSettings } from './schema';
import { type UpdateHealthSettingsInput, updateHealthSettingsInput } from './schemas';

/** The facts other modules offer (decision 0009); health reads several of its factors from them. */
export type FactRegistry = readonly AccountFact[];

/** Which health input each fact fills; a fact the registry lacks leaves its factor out. */
const factInputs = {
  'relationships.strength': 'relationshipStrength',
  'delivery.overdueTasks': 'overdueTasks',
  'finance.overdueInvoices': 'overdueInvoices',
  'clientCare.openComplaints': 'openComplaints',
} as const satisfies Record<string, keyof HealthInputs>;

const dayMs = 86_400_000;
const window = 90 * dayMs;

export type HealthSettings = { weights: HealthWeights; version: number };

/** The workspace's factor weights (the defaults, version 0, until it saves its own). */
export async function getHealthSettings(ctx: UseCaseContext): Promise<HealthSettings> {
  const [row] = await ctx.db
    .select({ weights: kpiHealthSettings.weights, version: kpiHealthSettings.version })
    .from(kpiHealthSettings)
    .where(eq(kpiHealthSettings.workspaceId, ctx.actor.workspaceId));
  return row
    ? { weights: { ...defaultHealthWeights, ...row.weights }, version: row.version }
    : { weights: defaultHealthWeights, version: 0 };
}

/** Saves the weights; 412 when `expectedVersion` is stale (0: nothing saved yet). */
export async function updateHealthSettings(
  ctx: UseCaseContext,
  rawInput: UpdateHealthSettingsInput,
  expectedVersion: number | undefined,
): Promise<HealthSettings> {
  const input = updateHealthSettingsInput.parse(rawInput);
  const current = await getHealthSettings(ctx);
  if (expectedVersion !== undefined && expectedVersion !== current.version) throw staleVersion();
  const weights = { ...current.weights, ...input.weights };
  const workspaceId = ctx.actor.workspaceId;
  const [saved] = await ctx.db
    .insert(kpiHealthSettings)
    .values({ workspaceId, weights, createdAt: ctx.now, updatedAt: ctx.now })
    .onConflictDoUpdate({
      target: kpiHealthSettings.workspaceId,
      set: { weights, updatedAt: ctx.now, version: sql`${kpiHealthSettings.version} + 1` },
      setWhere: eq(kpiHealthSettings.version, current.version),
    })
    .returning({ weights: kpiHealthSettings.weights, version: kpiHealthSettings.version });
  if (!saved) throw staleVersion();
  await reweighToday(ctx, saved.weights);
  return saved;
}

/**
 * Today's stored health under the new weights: the overview reads the stored record, so a change
 * of weights applies to it at once, without gathering every account's inputs again.
 */
async function reweighToday(ctx: UseCaseContext, weights: HealthWeights): Promise<void> {
  const stored = await ctx.db
    .select({ accountId: accountHealthHistory.accountId, factors: accountHealthHistory.factors })
    .from(accountHealthHistory)
    .where(
      and(
        eq(accountHealthHistory.workspaceId, ctx.actor.workspaceId),
        eq(accountHealthHistory.day, await workspaceToday(ctx)),
      ),
    );
  await storeHealth(
    ctx,
    stored.map((row) => [row.accountId, reweighHealth(row.factors, { ...defaultHealthWeights, ...weights })]),
    'replace',
  );
}

type TrendRow = { account_id: string; metric_key: string; recent: number | null; before: number | null };

/** Health inputs of the visible accounts (or the given ones), in a few set-based queries. */
async function gatherInputs(
  ctx: UseCaseContext,
  facts: FactRegistry,
  accountIds?: readonly string[],
): Promise<Map<string, HealthInputs & { kpiTrends: KpiTrendInput[] }>> {
  const workspaceId = ctx.actor.workspaceId;
  const visible = visibleAccounts(ctx);
  const scoped = await ctx.db
    .select({ id: accounts.id })
    .from(accounts)
    .where(
      and(
        eq(accounts.workspaceId, workspaceId),
        accountIds ? sql`${accounts.id} = any(${sql.param([...accountIds])}::uuid[])` : undefined,
        visible,
      ),
    );
  const ids = scoped.map((row) => row.id);
  const inputs = new Map<string, HealthInputs & { kpiTrends: KpiTrendInput[] }>(
    ids.map((id) => [id, { kpiTrends: [], openFindings: 0, hasKpis: false, relationshipStrength: null, nps: null }]),
  );
  if (ids.length === 0) return inputs;
  const now = ctx.now.getTime();
  const recentFrom = new Date(now - window);
  const beforeFrom = new Date(now - 2 * window);
  const onlyThese = accountIds ? sql`and s.account_id = any(${sql.param(ids)}::uuid[])` : sql``;
  // NOTE: health is the same for every reader (the overview shows the stored daily record), so it
  // reads only the series every reader of the account may see: a derived series with its own
  // reading rules (finance's revenue and payment delay) would let a reader without finance rights
  // infer its trend from the score (decision 0013).
  const everyones = sql`and s.source_read_permission is null`;
  const trends = (
    await ctx.db.execute<TrendRow>(sql`
      select s.account_id, s.metric_key,
        avg(p.value) filter (where p.at > ${recentFrom}) as recent,
        avg(p.value) filter (where p.at <= ${recentFrom}) as before
      from kpi_series s
      join kpi_points p on p.workspace_id = s.workspace_id and p.series_id = s.id
        and p.at > ${beforeFrom} and p.at <= ${ctx.now}
      where s.workspace_id = ${workspaceId} ${onlyThese} ${everyones}
      group by s.id, s.account_id, s.metric_key`)
  ).rows;
  const directions = new Map(
    (await listMetrics(ctx)).map((metric) => [metric.key, metric.direction === 'higher_is_better']),
  );
  for (const row of trends) {
    const input = inputs.get(row.account_id);
    if (!input || row.metric_key === 'nps' || row.recent === null || row.before === null) continue;
    input.kpiTrends.push({
      metricKey: row.metric_key,
      recent: Number(row.recent),
      before: Number(row.before),
      higherIsBetter: directions.get(row.metric_key) ?? true,
    } satisfies KpiTrendInput);
  }
  const kpiAccounts = await ctx.db.execute<{ account_id: string; open: number }>(sql`
    select s.account_id, count(f.series_id)::int as open
    from kpi_series s
    left join kpi_findings f on f.workspace_id = s.workspace_id and f.series_id = s.id
      and f.status = 'open' and f.at > ${recentFrom}
    where s.workspace_id = ${workspaceId} ${onlyThese} ${everyones}
    group by s.account_id`);
  for (const row of kpiAccounts.rows) {
    const input = inputs.get(row.account_id);
    if (input) Object.assign(input, { hasKpis: true, openFindings: row.open });
  }
  const nps = await ctx.db.execute<{ account_id: string; value: number }>(sql`
    select distinct on (s.account_id) s.account_id, p.value
    from kpi_series s join kpi_points p on p.workspace_id = s.workspace_id and p.series_id = s.id
    where s.workspace_id = ${workspaceId} and s.metric_key = 'nps' ${onlyThese} ${everyones}
      and p.at <= ${ctx.now} and p.at > ${new Date(now - 365 * dayMs)}
    order by s.account_id, p.at desc`);
  for (const row of nps.rows) {
    const input = inputs.get(row.account_id);
    if (input) input.nps = Number(row.value);
  }
  for (const [key, field] of Object.entries(factInputs)) {
    const fact = facts.find((candidate) => candidate.key === key);
    if (!fact) continue;
    // NOTE: one fact after another: they read through the one transaction connection.
    for (const [accountId, value] of await fact.read(ctx, accountIds ? ids : undefined)) {
      const input = inputs.get(accountId);
      if (input) input[field] = value;
    }
  }
  return inputs;
}

/** Health of the visible accounts (or the given ones) under the workspace's weights. */
export async function computeHealth(
  ctx: UseCaseContext,
  facts: FactRegistry,
  accountIds?: readonly string[],
): Promise<Map<string, AccountHealth>> {
  // NOTE: one after the other: both read through the request's one transaction connection.
  const { weights } = await getHealthSettings(ctx);
  const inputs = await gatherInputs(ctx, facts, accountIds);
  return new Map([...inputs].map(([accountId, input]) => [accountId, accountHealth(input, weights)]));
}

export type HealthDay = { day: string; score: number | null; grade: HealthGrade | null };

/** An account's health now, factor by factor, and its daily history (the last year). */
export async function getAccountHealth(
  ctx: UseCaseContext,
  facts: FactRegistry,
  accountId: string,
): Promise<AccountHealth & { history: HealthDay[] }> {
  await visibleAccount(ctx, accountId);
  const health = (await computeHealth(ctx, facts, [accountId])).get(accountId) ?? {
    score: null,
    grade: null,
    factors: [],
  };
  // NOTE: health is the same for every reader, so what the account page shows becomes today's
  // record: the overview agrees with the page at once instead of at the worker's next run.
  await storeHealth(ctx, [[accountId, health]], 'replace');
  const history = await ctx.db.execute<HealthDay>(sql`
    select day::text as day, score, grade from account_health_history
    where workspace_id = ${ctx.actor.workspaceId} and account_id = ${accountId}
      and day > (${ctx.now}::timestamptz - interval '365 days')::date
    order by day`);
  return { ...health, history: history.rows };
}

export type HealthOverview = {
  counts: Record<HealthGrade | 'unscored', number>;
  items: { accountId: string; name: string; score: number | null; grade: HealthGrade | null }[];
};

/**
 * The portfolio's health: accounts per grade and every visible account, weakest first. It reads
 * today's stored record (the worker writes it every hour, an account page whenever it is read);
 * an account without one is computed and stored now, once, so the overview never recomputes the
 * whole portfolio on page load.
 */
export async function getHealthOverview(ctx: UseCaseContext, facts: FactRegistry): Promise<HealthOverview> {
  const workspaceId = ctx.actor.workspaceId;
  const rows = await ctx.db
    .select({
      accountId: accounts.id,
      name: accounts.name,
      day: accountHealthHistory.day,
      score: accountHealthHistory.score,
      grade: accountHealthHistory.grade,
    })
    .from(accounts)
    .leftJoin(
      accountHealthHistory,
      and(
        eq(accountHealthHistory.workspaceId, accounts.workspaceId),
        eq(accountHealthHistory.accountId, accounts.id),
        eq(accountHealthHistory.day, await workspaceToday(ctx)),
      ),
    )
    .where(and(eq(accounts.workspaceId, workspaceId), visibleAccounts(ctx)));
  const missing = rows.filter((row) => row.day === null).map((row) => row.accountId);
  const computed =
    missing.length === 0
      ? new Map<string, AccountHealth>()
      : // NOTE: past a few thousand, every visible account at once: the facts take ids as a list
        // of parameters, and the stored ones are kept as they are (ON CONFLICT DO NOTHING).
        await computeHealth(ctx, facts, missing.length > 5_000 || missing.length === rows.length ? undefined : missing);
  if (computed.size > 0) await storeHealth(ctx, [...computed], 'keep');
  const counts: HealthOverview['counts'] = { good: 0, fair: 0, poor: 0, critical: 0, unscored: 0 };
  const items = rows.map(({ accountId, name, day, score, grade }) => {
    const entry = day === null ? computed.get(accountId) : { score, grade: grade as HealthGrade | null };
    counts[entry?.grade ?? 'unscored'] += 1;
    return { accountId, name, score: entry?.score ?? null, grade: entry?.grade ?? null };
  });
  items.sort((a, b) => (a.score ?? 101) - (b.score ?? 101) || a.name.localeCompare(b.name));
  return { counts, items };
}

/** Records today's health of every account of the workspace (the daily history); returns how many. */
export async function recordDailyHealth(ctx: UseCaseContext, facts: FactRegistry): Promise<number> {
  const health = await computeHealth(ctx, facts);
  await storeHealth(ctx, [...health], 'replace');
  return health.size;
}

/** Writes today's health of the given accounts, replacing a stored one or keeping it. */
async function storeHealth(
  ctx: UseCaseContext,
  entries: readonly (readonly [string, AccountHealth])[],
  stored: 'replace' | 'keep',
): Promise<void> {
  const today = await workspaceToday(ctx);
  for (let start = 0; start < entries.length; start += 5_000) {
    const batch = entries.slice(start, start + 5_000);
    await ctx.db.execute(sql`
      insert into account_health_history (workspace_id, account_id, day, score, grade, factors)
      select ${ctx.actor.workspaceId}::uuid, t.account_id, ${today}::date, t.score, t.grade, t.factors
      from unnest(${sql.param(batch.map(([id]) => id))}::uuid[], ${sql.param(batch.map(([, entry]) => entry.score))}::float8[],
        ${sql.param(batch.map(([, entry]) => entry.grade))}::text[],
        ${sql.param(batch.map(([, entry]) => JSON.stringify(entry.factors)))}::jsonb[]) as t(account_id, score, grade, factors)
      ${
        stored === 'replace'
          ? sql`on conflict (workspace_id, account_id, day) do update
              set score = excluded.score, grade = excluded.grade, factors = excluded.factors`
          : sql`on conflict (workspace_id, account_id, day) do nothing`
      }`);
  }
}

/** Account health (0–100) as a fact for other modules (decision 0009). */
export function accountHealthFact(facts: FactRegistry): AccountFact {
  return {
    key: 'kpis.health',
    label: { en: 'Account health', ru: 'Здоровье аккаунта' },
    description: {
      en: 'A weighted score (0–100) of KPI trends, open anomalies, relationship strength, NPS, overdue tasks and payments, and open complaints.',
      ru: 'Взвешенная оценка (0–100) по трендам KPI, открытым аномалиям, силе отношений, NPS, просроченным задачам и оплатам и открытым жалобам.',
    },
    unit: 'score',
    higherIsBetter: true,
    read: async (ctx, accountIds) => {
      const health = await computeHealth(ctx, facts, accountIds);
      return new Map([...health].flatMap(([id, entry]) => (entry.score === null ? [] : [[id, entry.score]])));
    },
  };
}
