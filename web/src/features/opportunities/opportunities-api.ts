import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { Currency, OpportunityType, WhitespaceState } from '../../api/shared';

export type Offering = {
  id: string;
  name: string;
  family: string;
  kind: 'product' | 'service';
  retired: boolean;
  version: number;
};
export type BuyingCentreKind = 'division' | 'function' | 'region';
export type BuyingCentre = { id: string; name: string; kind: BuyingCentreKind };
export type Stage = {
  id: string;
  titleEn: string;
  titleRu: string;
  probability: number;
  outcome: 'open' | 'won' | 'lost';
};
export type OpportunityFilters = {
  accountId?: string | undefined;
  ownerId?: string | undefined;
  type?: OpportunityType | undefined;
  offeringId?: string | undefined;
};
type ForecastTotals = { planMinor: number; actualMinor: number; forecastMinor: number; varianceMinor: number };
export type PlanForecastBlock = {
  currency: Currency;
  months: {
    month: string;
    planMinor: number;
    actualMinor: number;
    weightedPipelineMinor: number;
    renewalsMinor: number;
    runRateMinor: number;
    forecastMinor: number;
    varianceMinor: number;
    past: boolean;
  }[];
  yearToDate: ForecastTotals;
  fullPeriod: ForecastTotals;
  runRateMinor: number;
};
export type PlanForecast = {
  planId: string;
  today: string;
  actualsSource: 'invoices' | 'entered' | 'hidden';
  currencies: PlanForecastBlock[];
};
export type CellInput = {
  accountId: string;
  buyingCentreId: string;
  offeringId: string;
  state: WhitespaceState;
  currency: Currency;
  currentRevenueMinor: number;
  potentialMinor: number;
  competitor: string | null;
};
export type CurrencyTotals = Partial<Record<Currency, number>>;
export type WhitespaceCell = {
  buyingCentreId: string;
  offeringId: string;
  state: WhitespaceState;
  currency: Currency;
  currentRevenueMinor: number;
  potentialMinor: number;
  competitor: string | null;
  opportunityIds: string[];
};
export type WhitespaceMatrix = {
  buyingCentres: BuyingCentre[];
  offerings: Offering[];
  cells: WhitespaceCell[];
  totals: {
    rows: { id: string; potential: CurrencyTotals }[];
    columns: { id: string; potential: CurrencyTotals }[];
    grand: { currentRevenue: CurrencyTotals; potential: CurrencyTotals };
  };
};
export type Opportunity = {
  id: string;
  accountId: string;
  accountName: string;
  title: string;
  type: OpportunityType;
  offeringId: string | null;
  offeringName: string | null;
  buyingCentreName: string | null;
  stageId: string;
  amountMinor: number;
  currency: Currency;
  probability: number;
  expectedCloseOn: string;
  ownerId: string;
  ownerName: string;
  nextStep: string | null;
  version: number;
};
export type NewOpportunity = {
  accountId: string;
  title: string;
  type: OpportunityType;
  offeringId: string | null;
  buyingCentreId: string | null;
  amountMinor: number;
  currency: Currency;
  expectedCloseOn: string;
};

const keys = { all: ['opportunities'] as const };

export const whitespaceQuery = (accountId: string) =>
  queryOptions({
    queryKey: [...keys.all, 'whitespace', accountId],
    queryFn: () => api.get<WhitespaceMatrix>(`/accounts/${accountId}/whitespace`),
  });
export const pipelineQuery = () =>
  queryOptions({
    queryKey: [...keys.all, 'stages'],
    queryFn: () => api.get<{ items: Stage[] }>('/pipeline-stages'),
  });
export const opportunitiesQuery = (filters: OpportunityFilters) =>
  queryOptions({
    queryKey: [...keys.all, 'list', filters],
    queryFn: () => api.get<{ items: Opportunity[] }>('/opportunities', { query: filters }),
  });
export const offeringsQuery = () =>
  queryOptions({
    queryKey: [...keys.all, 'offerings'],
    queryFn: () => api.get<{ items: Offering[] }>('/offerings'),
  });
/** Keyed by the plan's version too, so saving the plan's targets reads the comparison again. */
export const planForecastQuery = (planId: string, planVersion: number) =>
  queryOptions({
    queryKey: [...keys.all, 'forecast', planId, planVersion],
    queryFn: () => api.get<PlanForecast>(`/account-plans/${planId}/forecast`),
  });

export const opportunitiesApi = {
  create: (input: NewOpportunity) => api.post<Opportunity>('/opportunities', input),
  move: ({ opportunity, stageId, lostReason }: { opportunity: Opportunity; stageId: string; lostReason?: string }) =>
    api.patch<Opportunity>(
      `/opportunities/${opportunity.id}`,
      { stageId, ...(lostReason ? { lostReason } : {}) },
      {
        ifMatch: opportunity.version,
      },
    ),
  addCentresFromHierarchy: (accountId: string) => api.post(`/accounts/${accountId}/buying-centres/from-hierarchy`),
  addCentre: ({ accountId, name, kind }: { accountId: string; name: string; kind: BuyingCentreKind }) =>
    api.post(`/accounts/${accountId}/buying-centres`, { name, kind }),
  saveCell: ({ accountId, ...cell }: CellInput) => api.put(`/accounts/${accountId}/whitespace/cells`, cell),
  enterActual: ({ planId, ...actual }: { planId: string; month: string; currency: Currency; amountMinor: number }) =>
    api.put<PlanForecast>(`/account-plans/${planId}/actuals`, actual),
  createOffering: (offering: Pick<Offering, 'name' | 'family' | 'kind'>) => api.post<Offering>('/offerings', offering),
  updateOffering: ({
    id,
    ...patch
  }: { id: string } & Partial<Pick<Offering, 'name' | 'family' | 'kind' | 'retired'>>) =>
    api.patch<Offering>(`/offerings/${id}`, patch),
  createStage: (stage: { titleEn: string; titleRu: string; probability: number }) =>
    api.post<{ items: Stage[] }>('/pipeline-stages', stage),
  updateStage: ({ id, ...patch }: { id: string } & Partial<Pick<Stage, 'titleEn' | 'titleRu' | 'probability'>>) =>
    api.patch<{ items: Stage[] }>(`/pipeline-stages/${id}`, patch),
  reorderStages: (stageIds: string[]) => api.put<{ items: Stage[] }>('/pipeline-order', { stageIds }),
};

/** A change to opportunities or whitespace; the board and the matrix read again after it. */
export function useOpportunityMutation<I, O>(run: (input: I) => Promise<O>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: run, onSuccess: () => client.invalidateQueries({ queryKey: keys.all }) });
}
