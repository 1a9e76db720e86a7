import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { Currency, OpportunityType, WhitespaceState } from '../../api/shared';

export type Offering = { id: string; name: string; family: string; kind: 'product' | 'service'; retired: boolean };
export type BuyingCentre = { id: string; name: string; kind: 'division' | 'function' | 'region' };
export type Stage = {
  id: string;
  titleEn: string;
  titleRu: string;
  probability: number;
  outcome: 'open' | 'won' | 'lost';
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
  offeringName: string | null;
  buyingCentreName: string | null;
  stageId: string;
  amountMinor: number;
  currency: Currency;
  probability: number;
  expectedCloseOn: string;
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
export const opportunitiesQuery = (accountId?: string) =>
  queryOptions({
    queryKey: [...keys.all, 'list', accountId ?? 'workspace'],
    queryFn: () =>
      api.get<{ items: Opportunity[] }>(accountId ? `/opportunities?accountId=${accountId}` : '/opportunities'),
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
};

/** A change to opportunities or whitespace; the board and the matrix read again after it. */
export function useOpportunityMutation<I, O>(run: (input: I) => Promise<O>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: run, onSuccess: () => client.invalidateQueries({ queryKey: keys.all }) });
}
