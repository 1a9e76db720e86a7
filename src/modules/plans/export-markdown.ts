import { and, eq, inArray } from 'drizzle-orm';
import type { PlanSnapshot } from '../../analytics/plans';
import { ruleViolated } from '../../platform/errors';
import type { Locale } from '../../platform/i18n/locale';
import { type LocalizedText, translate } from '../../platform/i18n/text';
import type { UseCaseContext } from '../../platform/use-case';
import { users } from '../users';
import { memberships } from '../workspaces';
import { actionStatusNames, exportHeadings, planMessages, threatNames } from './messages';
import { latestPlanVersion, type PlanVersion } from './versions';

/** A table cell: one line, pipes escaped, so user text cannot break the table. */
function cell(value: string | number | null | undefined): string {
  if (value === null || value === undefined || value === '') return '—';
  return String(value)
    .replace(/\|/g, '\\|')
    .replace(/\s*\n\s*/g, ' ');
}

/** A plan version as a Markdown document in one language. */
export function renderPlanMarkdown(
  snapshot: PlanSnapshot,
  meta: { version: number; approvedOn: string; ownerNames: ReadonlyMap<string, string> },
  locale: Locale,
): string {
  const t = (text: LocalizedText) => translate(locale, { text });
  const lines: string[] = [
    `# ${t(exportHeadings.plan)}: ${snapshot.accountName}`,
    '',
    `- ${t(exportHeadings.period)}: ${snapshot.periodStart} — ${snapshot.periodEnd}`,
    `- ${t(exportHeadings.approvedOn)}: ${meta.approvedOn} (v${meta.version})`,
    '',
  ];
  for (const section of snapshot.sections) {
    lines.push(`## ${locale === 'ru' ? section.titleRu : section.titleEn}`, '');
    lines.push(section.body.trim() || `_${t(exportHeadings.empty)}_`, '');
  }
  lines.push(`## ${t(exportHeadings.competitors)}`, '');
  if (snapshot.competitors.length === 0) lines.push(t(exportHeadings.none), '');
  else {
    const heads = [
      exportHeadings.name,
      exportHeadings.share,
      exportHeadings.strengths,
      exportHeadings.weaknesses,
      exportHeadings.threat,
    ];
    lines.push(`| ${heads.map(t).join(' | ')} |`, `|${heads.map(() => ' --- |').join('')}`);
    for (const competitor of snapshot.competitors) {
      const threat = threatNames[competitor.threat];
      lines.push(
        `| ${[
          cell(competitor.name),
          competitor.shareOfWallet === null ? '—' : `${competitor.shareOfWallet} %`,
          cell(competitor.strengths),
          cell(competitor.weaknesses),
          threat ? t(threat) : cell(competitor.threat),
        ].join(' | ')} |`,
      );
    }
    lines.push('');
  }
  lines.push(`## ${t(exportHeadings.objectives)}`, '');
  if (snapshot.objectives.length === 0) lines.push(t(exportHeadings.none), '');
  for (const [index, objective] of snapshot.objectives.entries()) {
    lines.push(`### ${index + 1}. ${objective.title}`, '');
    const metric = objective.metricKey ?? objective.metricName;
    if (metric) {
      lines.push(`- ${t(exportHeadings.metric)}: ${metric}`);
      lines.push(`- ${t(exportHeadings.baseline)}: ${objective.baseline ?? '—'}`);
      lines.push(`- ${t(exportHeadings.target)}: ${objective.target ?? '—'}`);
    } else lines.push(`- _${t(exportHeadings.unmeasurable)}_`);
    if (objective.dueOn) lines.push(`- ${t(exportHeadings.due)}: ${objective.dueOn}`);
    lines.push('');
    if (objective.actions.length === 0) continue;
    for (const action of objective.actions) {
      const status = actionStatusNames[action.status];
      const owner = action.ownerId ? (meta.ownerNames.get(action.ownerId) ?? '—') : '—';
      const done = action.status === 'done' ? 'x' : ' ';
      lines.push(
        `- [${done}] ${cell(action.title)} — ${t(exportHeadings.owner)}: ${owner}; ${t(exportHeadings.due)}: ${action.dueOn ?? '—'}; ${status ? t(status) : action.status}, ${action.progress} %`,
      );
    }
    lines.push('');
  }
  return `${lines.join('\n').trimEnd()}\n`;
}

export type PlanExport = { fileName: string; markdown: string };

export type ApprovedPlanForExport = {
  version: PlanVersion;
  ownerNames: ReadonlyMap<string, string>;
  /** `Account-2026-v2`: the file name without its extension. */
  fileStem: string;
};

/** The latest approved version of a plan and its action owners' names; 422 when never approved. */
export async function approvedPlanForExport(ctx: UseCaseContext, planId: string): Promise<ApprovedPlanForExport> {
  const version = await latestPlanVersion(ctx, planId);
  if (!version) throw ruleViolated(planMessages.neverApproved);
  const ownerIds = [
    ...new Set(version.snapshot.objectives.flatMap((objective) => objective.actions.flatMap((a) => a.ownerId ?? []))),
  ];
  const owners =
    ownerIds.length === 0
      ? []
      : await ctx.db
          .select({ id: users.id, name: users.name })
          .from(users)
          .innerJoin(
            memberships,
            and(eq(memberships.userId, users.id), eq(memberships.workspaceId, ctx.actor.workspaceId)),
          )
          .where(inArray(users.id, ownerIds));
  const slug = version.snapshot.accountName.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '');
  return {
    version,
    ownerNames: new Map(owners.map((owner) => [owner.id, owner.name])),
    fileStem: `${slug || 'plan'}-${version.snapshot.periodStart.slice(0, 4)}-v${version.number}`,
  };
}

/** The latest approved version of a plan as Markdown; 422 when the plan was never approved. */
export async function exportPlanMarkdown(ctx: UseCaseContext, planId: string, locale: Locale): Promise<PlanExport> {
  const { version, ownerNames, fileStem } = await approvedPlanForExport(ctx, planId);
  const markdown = renderPlanMarkdown(
    version.snapshot,
    { version: version.number, approvedOn: version.approvedAt.toISOString().slice(0, 10), ownerNames },
    locale,
  );
  return { fileName: `${fileStem}.md`, markdown };
}
