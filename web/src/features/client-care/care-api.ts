import { infiniteQueryOptions, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api, type Page } from '../../api/client';
import type {
  CreateFeedbackInput,
  CreateSurveyResultInput,
  FeedbackKind,
  FeedbackSeverity,
  FeedbackSource,
  FeedbackStatus,
  LossReason,
  RootCause,
  UpdateSurveyResultInput,
} from '../../api/shared';
import { accountKeys } from '../accounts/accounts-api';

// NOTE: complaints and feedback, surveys and losses (decision 0016, client care). Every write
// reads the whole client-care cache and the accounts again: a loss changes the account's status.

type Ref = { id: string; name: string };
export type Feedback = {
  id: string;
  account: Ref;
  contact: Ref | null;
  kind: FeedbackKind;
  source: FeedbackSource;
  severity: FeedbackSeverity | null;
  description: string;
  owner: Ref;
  status: FeedbackStatus;
  nextStatuses: FeedbackStatus[];
  resolution: string | null;
  rootCause: RootCause | null;
  openedAt: string;
  closedAt: string | null;
  hoursToResolve: number | null;
  version: number;
};
export type FeedbackSort = '-openedAt' | 'openedAt' | '-severity';
export type FeedbackFilters = {
  accountId?: string;
  kind?: FeedbackKind;
  status?: FeedbackStatus;
  severity?: FeedbackSeverity;
  ownerId?: string;
  q?: string;
  sort?: FeedbackSort;
};
export type SurveyResult = {
  id: string;
  contact: Ref | null;
  surveyedOn: string;
  nps: number | null;
  csat: number | null;
  comment: string | null;
  version: number;
};
export type AccountSurveys = {
  items: SurveyResult[];
  summary: { nps: number | null; npsAnswers: number; csatMean: number | null; csatAnswers: number };
};
export type AccountLoss = { id: string; lostOn: string; reason: LossReason; story: string; previousStatus: string };
type Amounts = { currency: string; amountMinor: number }[] | null;
export type LossAnalysis = {
  losses: (AccountLoss & { accountId: string; accountName: string; revenue12Months: Amounts })[];
  byReason: { reason: LossReason; count: number; revenue12Months: Amounts }[];
  byMonth: { month: string; count: number }[];
};

export type LoyaltyTier = {
  id: string;
  name: string;
  rank: number;
  minTenureMonths: number;
  minRevenue12m: number;
  minProjects: number;
  discount: number;
  priority: boolean;
  version: number;
};
export type LoyaltyTierInput = Omit<LoyaltyTier, 'id' | 'version'>;
export type AccountLoyalty = {
  tier: LoyaltyTier | null;
  facts: { tenureMonths: number; projects: number; revenue12m: number | null };
};

export const careKeys = { all: ['client-care'] as const };

export const feedbackListQuery = (filters: FeedbackFilters) =>
  infiniteQueryOptions({
    queryKey: [...careKeys.all, 'feedback', filters] as const,
    queryFn: ({ pageParam, signal }) =>
      api.get<Page<Feedback>>('/feedback', { query: { ...filters, cursor: pageParam, limit: 25 }, signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
export const feedbackQuery = (id: string) =>
  queryOptions({
    queryKey: [...careKeys.all, 'case', id] as const,
    queryFn: ({ signal }) => api.get<Feedback>(`/feedback/${id}`, { signal }),
  });
export const surveysQuery = (accountId: string) =>
  queryOptions({
    queryKey: [...careKeys.all, 'surveys', accountId] as const,
    queryFn: ({ signal }) => api.get<AccountSurveys>(`/accounts/${accountId}/surveys`, { signal }),
  });
export const lossQuery = (accountId: string) =>
  queryOptions({
    queryKey: [...careKeys.all, 'loss', accountId] as const,
    queryFn: ({ signal }) => api.get<AccountLoss | null>(`/accounts/${accountId}/loss`, { signal }),
  });
export const lossAnalysisQuery = (period: { from?: string; to?: string }) =>
  queryOptions({
    queryKey: [...careKeys.all, 'loss-analysis', period] as const,
    queryFn: ({ signal }) => api.get<LossAnalysis>('/loss-analysis', { query: period, signal }),
  });
export const accountContactsQuery = (accountId: string | null) =>
  queryOptions({
    queryKey: [...careKeys.all, 'contacts', accountId] as const,
    queryFn: ({ signal }) =>
      api.get<Page<{ id: string; fullName: string }>>('/contacts', { query: { accountId, limit: 500 }, signal }),
    enabled: accountId !== null,
  });
export const loyaltyTiersQuery = queryOptions({
  queryKey: [...careKeys.all, 'loyalty-tiers'] as const,
  queryFn: ({ signal }) => api.get<{ items: LoyaltyTier[] }>('/loyalty-tiers', { signal }),
});
export const accountLoyaltyQuery = (accountId: string) =>
  queryOptions({
    queryKey: [...careKeys.all, 'loyalty', accountId] as const,
    queryFn: ({ signal }) => api.get<AccountLoyalty>(`/accounts/${accountId}/loyalty`, { signal }),
  });
export const careAccountsQuery = queryOptions({
  queryKey: [...careKeys.all, 'accounts'] as const,
  queryFn: ({ signal }) => api.get<Page<Ref>>('/accounts', { query: { limit: 500 }, signal }),
});

type Versioned = { id: string; version: number };
export type FeedbackChange = Omit<CreateFeedbackInput, 'accountId'>;

export const careApi = {
  createFeedback: (body: CreateFeedbackInput) => api.post<Feedback>('/feedback', body),
  updateFeedback: ({ id, version, change }: Versioned & { change: FeedbackChange }) =>
    api.patch<Feedback>(`/feedback/${id}`, change, { ifMatch: version }),
  moveFeedback: ({
    id,
    version,
    ...body
  }: Versioned & { status: FeedbackStatus; resolution?: string; rootCause?: RootCause | null }) =>
    api.post<Feedback>(`/feedback/${id}/status`, body, { ifMatch: version }),
  createSurveyResult: (body: CreateSurveyResultInput) => api.post<SurveyResult>('/surveys', body),
  updateSurveyResult: ({ id, version, change }: Versioned & { change: UpdateSurveyResultInput }) =>
    api.patch<SurveyResult>(`/surveys/${id}`, change, { ifMatch: version }),
  deleteSurveyResult: (id: string) => api.delete(`/surveys/${id}`),
  markLost: ({ accountId, ...body }: { accountId: string; lostOn: string; reason: LossReason; story: string }) =>
    api.put<AccountLoss>(`/accounts/${accountId}/loss`, body),
  undoLoss: (accountId: string) => api.delete(`/accounts/${accountId}/loss`),
  createTier: (body: LoyaltyTierInput) => api.post<LoyaltyTier>('/loyalty-tiers', body),
  updateTier: ({ id, version, ...body }: { id: string; version: number } & LoyaltyTierInput) =>
    api.patch<LoyaltyTier>(`/loyalty-tiers/${id}`, body, { ifMatch: version }),
  deleteTier: (id: string) => api.delete(`/loyalty-tiers/${id}`),
};

/** A client-care write that reads client care and the accounts again once it has succeeded. */
export function useCareMutation<Input, Result>(run: (input: Input) => Promise<Result>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: careKeys.all }),
        queryClient.invalidateQueries({ queryKey: accountKeys.all }),
      ]),
  });
}
