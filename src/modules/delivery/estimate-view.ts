import { and, asc, eq } from 'drizzle-orm';
import type { Currency } from '../../analytics/money/money';
import { type InvoiceTotals, invoiceTotals, type VatMode } from '../../analytics/money/vat';
import { notFound } from '../../platform/errors';
import type { UseCaseContext } from '../../platform/use-case';
import { deliveryMessages } from './messages';
import { estimateLines, estimates, projects } from './schema';
import type { EstimateStatus } from './schemas';

export type EstimateLine = {
  id: string;
  position: number;
  priceListItemId: string | null;
  description: string;
  unit: string | null;
  quantityMilli: number;
  unitPriceMinor: number;
  discount: number;
  vatRate: number | null;
  netMinor: number;
  vatMinor: number;
  grossMinor: number;
};

export type Estimate = {
  id: string;
  projectId: string;
  project: { id: string; name: string; accountId: string };
  seriesId: string;
  versionNumber: number;
  title: string;
  status: EstimateStatus;
  currency: Currency;
  vatMode: VatMode;
  netMinor: number;
  vatMinor: number;
  grossMinor: number;
  vatByRate: InvoiceTotals['vatByRate'];
  sentAt: Date | null;
  decidedAt: Date | null;
  decisionComment: string | null;
  invoiceId: string | null;
  lines: EstimateLine[];
  versions: { id: string; versionNumber: number; status: EstimateStatus }[];
  version: number;
  createdAt: Date;
  updatedAt: Date;
};

export type EstimateSummary = Omit<Estimate, 'lines' | 'versions' | 'vatByRate'>;

function summaryOf(estimate: typeof estimates.$inferSelect, projectName: string, accountId: string): EstimateSummary {
  return {
    id: estimate.id,
    projectId: estimate.projectId,
    project: { id: estimate.projectId, name: projectName, accountId },
    seriesId: estimate.seriesId,
    versionNumber: estimate.versionNumber,
    title: estimate.title,
    status: estimate.status as EstimateStatus,
    currency: estimate.currency as Currency,
    vatMode: estimate.vatMode as VatMode,
    netMinor: estimate.netMinor,
    vatMinor: estimate.vatMinor,
    grossMinor: estimate.grossMinor,
    sentAt: estimate.sentAt,
    decidedAt: estimate.decidedAt,
    decisionComment: estimate.decisionComment,
    invoiceId: estimate.invoiceId,
    version: estimate.version,
    createdAt: estimate.createdAt,
    updatedAt: estimate.updatedAt,
  };
}

/** One estimate version with its lines, totals by VAT rate and the other versions; 404 otherwise. */
export async function getEstimate(ctx: UseCaseContext, id: string): Promise<Estimate> {
  const workspaceId = ctx.actor.workspaceId;
  const [row] = await ctx.db
    .select({ estimate: estimates, projectName: projects.name, accountId: projects.accountId })
    .from(estimates)
    .innerJoin(projects, and(eq(projects.workspaceId, estimates.workspaceId), eq(projects.id, estimates.projectId)))
    .where(and(eq(estimates.workspaceId, workspaceId), eq(estimates.id, id)));
  if (!row) throw notFound(deliveryMessages.estimate);
  const { estimate } = row;
  const lines = await ctx.db
    .select({
      id: estimateLines.id,
      position: estimateLines.position,
      priceListItemId: estimateLines.priceListItemId,
      description: estimateLines.description,
      unit: estimateLines.unit,
      quantityMilli: estimateLines.quantityMilli,
      unitPriceMinor: estimateLines.unitPriceMinor,
      discount: estimateLines.discount,
      vatRate: estimateLines.vatRate,
      netMinor: estimateLines.netMinor,
      vatMinor: estimateLines.vatMinor,
      grossMinor: estimateLines.grossMinor,
    })
    .from(estimateLines)
    .where(and(eq(estimateLines.workspaceId, workspaceId), eq(estimateLines.estimateId, id)))
    .orderBy(asc(estimateLines.position));
  const versions = await ctx.db
    .select({ id: estimates.id, versionNumber: estimates.versionNumber, status: estimates.status })
    .from(estimates)
    .where(and(eq(estimates.workspaceId, workspaceId), eq(estimates.seriesId, estimate.seriesId)))
    .orderBy(asc(estimates.versionNumber));
  const totals = invoiceTotals(
    lines.map((line) => ({ ...line, vatRateBasisPoints: line.vatRate, discountBasisPoints: line.discount })),
    estimate.vatMode as VatMode,
  );
  return {
    ...summaryOf(estimate, row.projectName, row.accountId),
    vatByRate: totals.vatByRate,
    lines,
    versions: versions.map((version) => ({ ...version, status: version.status as EstimateStatus })),
  };
}

/** The estimate versions of a project, newest version of each estimate first. */
export async function listEstimates(ctx: UseCaseContext, projectId: string): Promise<EstimateSummary[]> {
  const rows = await ctx.db
    .select({ estimate: estimates, projectName: projects.name, accountId: projects.accountId })
    .from(estimates)
    .innerJoin(projects, and(eq(projects.workspaceId, estimates.workspaceId), eq(projects.id, estimates.projectId)))
    .where(and(eq(estimates.workspaceId, ctx.actor.workspaceId), eq(estimates.projectId, projectId)))
    .orderBy(asc(estimates.createdAt), asc(estimates.versionNumber));
  return rows.map(({ estimate, projectName, accountId }) => summaryOf(estimate, projectName, accountId));
}
