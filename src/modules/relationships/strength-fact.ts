import { sql } from 'drizzle-orm';
import { relationshipStrength } from '../../analytics/relationships/strength';
import type { InfluenceLevel, RelationshipLevel, SupportLevel } from '../../analytics/relationships/terms';
import type { AccountFact } from '../../platform/account-facts';
import type { UseCaseContext } from '../../platform/use-case';
import { visibleAccounts } from '../accounts';
import { strengthMemberOf } from './load-account-map';
import { getRelationshipSettings } from './settings';

type MemberRow = {
  account_id: string;
  key_player: boolean | null;
  influence: InfluenceLevel | null;
  support: SupportLevel | null;
  levels: RelationshipLevel[] | null;
  /** Milliseconds since the epoch (raw queries would get timestamps as text). */
  last_held_ms: number | null;
};

/**
 * Strength of the accounts that have relationship data (attributes, owners or interactions for
 * any of their people); an account without any is left out, never scored 0.
 */
export async function readRelationshipStrengths(
  ctx: UseCaseContext,
  accountIds?: readonly string[],
): Promise<Map<string, number>> {
  if (accountIds && accountIds.length === 0) return new Map();
  const workspaceId = ctx.actor.workspaceId;
  const visible = visibleAccounts(ctx);
  const { staleAfterDays } = await getRelationshipSettings(ctx);
  const rows = (
    await ctx.db.execute<MemberRow>(sql`
      with scoped as (
        select accounts.id from accounts
        where accounts.workspace_id = ${workspaceId}
          ${accountIds ? sql`and accounts.id in ${[...accountIds]}` : sql``}
          ${visible ? sql`and ${visible}` : sql``}
      ),
      known as (
        select c.account_id from stakeholders s
          join contacts c on c.workspace_id = s.workspace_id and c.id = s.id
          where s.workspace_id = ${workspaceId}
        union
        select c.account_id from relationship_coverage rc
          join contacts c on c.workspace_id = rc.workspace_id and c.id = rc.contact_id
          where rc.workspace_id = ${workspaceId}
        union
        select i.account_id from interactions i where i.workspace_id = ${workspaceId}
      )
      select c.account_id, s.key_player, s.influence, s.support,
        (select array_agg(rc.current_level) from relationship_coverage rc
          where rc.workspace_id = ${workspaceId} and rc.contact_id = c.id) as levels,
        (select extract(epoch from max(ic.occurred_at))::float8 * 1000 from interaction_contacts ic
          where ic.workspace_id = ${workspaceId} and ic.contact_id = c.id and ic.status = 'held'
            and ic.occurred_at <= ${ctx.now}) as last_held_ms
      from contacts c
      left join stakeholders s on s.workspace_id = c.workspace_id and s.id = c.id
      where c.workspace_id = ${workspaceId}
        and c.account_id in (select id from scoped)
        and c.account_id in (select account_id from known)`)
  ).rows;
  const byAccount = new Map<string, MemberRow[]>();
  for (const row of rows) {
    const list = byAccount.get(row.account_id) ?? [];
    list.push(row);
    byAccount.set(row.account_id, list);
  }
  const options = { now: ctx.now, staleAfterDays };
  const strengths = new Map<string, number>();
  for (const [accountId, members] of byAccount) {
    const explained = relationshipStrength(
      members.map((member) =>
        strengthMemberOf({
          keyPlayer: member.key_player ?? false,
          influence: member.influence,
          support: member.support,
          lastHeldAt: member.last_held_ms === null ? null : new Date(member.last_held_ms),
          coverage: (member.levels ?? []).map((currentLevel) => ({ currentLevel })),
        }),
      ),
      options,
    );
    strengths.set(accountId, explained.score);
  }
  return strengths;
}

/** Relationship strength (0–100) for portfolio scoring, health and KPIs (decision 0009). */
export const relationshipStrengthFact: AccountFact = {
  key: 'relationships.strength',
  label: { en: 'Relationship strength', ru: 'Сила отношений' },
  description: {
    en: 'How well we are connected at the account (0–100): coverage of key players by our people, the level of those relationships, their support and how recently we met.',
    ru: 'Насколько прочны наши связи в аккаунте (0–100): охват ключевых лиц нашими сотрудниками, уровень этих отношений, их поддержка и давность последнего контакта.',
  },
  unit: 'score',
  higherIsBetter: true,
  read: readRelationshipStrengths,
};
