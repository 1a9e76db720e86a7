import { z } from '@hono/zod-openapi';
import { buyingCentreKinds, offeringKinds, opportunityTypes, stageOutcomes, whitespaceStates } from './schemas';

// NOTE: the response bodies of the opportunities API, named in the OpenAPI document. Money is an
// integer of minor units with its currency; totals are objects keyed by currency, never mixed.

const IsoDate = z.string().meta({ description: 'YYYY-MM-DD' });
const Totals = z
  .record(z.string(), z.number().int())
  .meta({ id: 'CurrencyTotals', description: 'Minor units per currency' });

export const OfferingSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    family: z.string(),
    kind: z.enum(offeringKinds),
    retired: z.boolean(),
    version: z.number().int(),
  })
  .meta({ id: 'Offering' });
export const OfferingListSchema = z.object({ items: z.array(OfferingSchema) }).meta({ id: 'OfferingList' });

export const BuyingCentreSchema = z
  .object({
    id: z.uuid(),
    accountId: z.uuid(),
    name: z.string(),
    kind: z.enum(buyingCentreKinds),
    childAccountId: z.uuid().nullable().meta({ description: 'The child account it came from' }),
    position: z.number().int(),
  })
  .meta({ id: 'BuyingCentre' });
export const BuyingCentreListSchema = z.object({ items: z.array(BuyingCentreSchema) }).meta({ id: 'BuyingCentreList' });

export const StageSchema = z
  .object({
    id: z.uuid(),
    key: z.string().nullable(),
    titleEn: z.string(),
    titleRu: z.string(),
    position: z.number().int(),
    probability: z.number().int(),
    outcome: z.enum(stageOutcomes),
    version: z.number().int(),
  })
  .meta({ id: 'PipelineStage' });
export const PipelineSchema = z.object({ items: z.array(StageSchema) }).meta({ id: 'Pipeline' });

export const OpportunitySchema = z
  .object({
    id: z.uuid(),
    accountId: z.uuid(),
    accountName: z.string(),
    title: z.string(),
    type: z.enum(opportunityTypes),
    offeringId: z.uuid().nullable(),
    offeringName: z.string().nullable(),
    buyingCentreId: z.uuid().nullable(),
    buyingCentreName: z.string().nullable(),
    stageId: z.uuid(),
    outcome: z.enum(stageOutcomes),
    amountMinor: z.number().int(),
    currency: z.string(),
    probability: z.number().int(),
    expectedCloseOn: IsoDate,
    ownerId: z.uuid(),
    ownerName: z.string(),
    nextStep: z.string().nullable(),
    lostReason: z.string().nullable(),
    closedAt: z.string().nullable(),
    version: z.number().int(),
  })
  .meta({ id: 'Opportunity' });
export const OpportunityListSchema = z
  .object({ items: z.array(OpportunitySchema) })
  .meta({ id: 'OpportunityList', description: 'At most 1,000, by expected close date' });

const LineTotal = z.object({ id: z.uuid(), currentRevenue: Totals, potential: Totals });
export const WhitespaceSchema = z
  .object({
    accountId: z.uuid(),
    buyingCentres: z.array(BuyingCentreSchema),
    offerings: z.array(OfferingSchema),
    cells: z.array(
      z.object({
        buyingCentreId: z.uuid(),
        offeringId: z.uuid(),
        state: z.enum(whitespaceStates),
        currency: z.string(),
        currentRevenueMinor: z.number().int(),
        potentialMinor: z.number().int(),
        competitor: z.string().nullable(),
        opportunityIds: z.array(z.uuid()).meta({ description: 'Open opportunities on this centre and offering' }),
      }),
    ),
    totals: z.object({
      rows: z.array(LineTotal),
      columns: z.array(LineTotal),
      grand: z.object({ currentRevenue: Totals, potential: Totals }),
    }),
  })
  .meta({ id: 'WhitespaceMatrix' });

export const PortfolioWhitespaceSchema = z
  .object({
    items: z.array(
      z.object({
        offeringId: z.uuid(),
        name: z.string(),
        family: z.string(),
        accounts: z.number().int(),
        potential: Totals,
        currentRevenue: Totals,
      }),
    ),
  })
  .meta({ id: 'PortfolioWhitespace' });

const Totals4 = z.object({
  planMinor: z.number().int(),
  actualMinor: z.number().int(),
  forecastMinor: z.number().int(),
  varianceMinor: z.number().int(),
});
export const PlanForecastSchema = z
  .object({
    planId: z.uuid(),
    accountId: z.uuid(),
    periodStart: IsoDate,
    periodEnd: IsoDate,
    today: IsoDate,
    actualsSource: z.enum(['invoices', 'entered', 'hidden']),
    currencies: z.array(
      z.object({
        currency: z.string(),
        months: z.array(
          z.object({
            month: z.string().meta({ description: 'YYYY-MM' }),
            planMinor: z.number().int(),
            actualMinor: z.number().int(),
            weightedPipelineMinor: z.number().int(),
            renewalsMinor: z.number().int().meta({
              description: 'Weighted open renewals, left out of the forecast while the run-rate carries them',
            }),
            runRateMinor: z.number().int(),
            forecastMinor: z.number().int(),
            varianceMinor: z.number().int(),
            past: z.boolean(),
          }),
        ),
        yearToDate: Totals4,
        fullPeriod: Totals4,
        runRateMinor: z.number().int(),
      }),
    ),
  })
  .meta({ id: 'PlanForecast' });
