import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api, type Page } from '../../api/client';
import type {
  AccountStatus,
  DesignationKind,
  DesignationStatus,
  PortfolioModelDefinition,
  Quadrant,
} from '../../api/shared';
import { saveBlob } from '../../shared/download';
import { localDay } from '../../shared/local-day';
import { accountKeys } from '../accounts/accounts-api';
import type { PortfolioSearch } from './portfolio-search';

export type Person = { id: string; name: string | null };

export type PortfolioRow = {
  id: string;
  name: string;
  ownerId: string;
  status: AccountStatus;
  attractiveness: number | null;
  strength: number | null;
  quadrant: Quadrant | null;
  complete: boolean;
  /** How many criteria (with weight) it has no value for. */
  missingCount: number;
  size: number | null;
};

export type QuadrantCounts = Record<Quadrant | 'unscored', number>;

export type Portfolio = {
  modelVersion: number;
  thresholds: { attractiveness: number; strength: number };
  size: string | null;
  total: number;
  counts: QuadrantCounts;
  incomplete: number;
  owners: { id: string; name: string }[];
  items: PortfolioRow[];
};

type ModelMeta = { version: number; note: string | null; savedAt: string | null; savedBy: Person | null };
export type PortfolioModel = ModelMeta & PortfolioModelDefinition & { keyAccounts: number; unavailable: string[] };
export type ModelVersion = ModelMeta;

export type Fact = {
  key: string;
  label: { en: string; ru: string };
  description: { en: string; ru: string };
  unit: 'score' | 'money' | 'percent' | 'count' | 'days' | 'ratio';
  higherIsBetter: boolean;
};

export type Contribution = {
  key: string;
  share: number;
  input: number | null;
  value: number | null;
  points: number | null;
};
export type AxisScore = { score: number | null; complete: boolean; missing: string[]; contributions: Contribution[] };

export type Designation = {
  id: string;
  account: { id: string; name: string; status: AccountStatus };
  kind: DesignationKind;
  status: DesignationStatus;
  justification: string;
  requestedBy: Person;
  requestedAt: string;
  decidedBy: Person | null;
  decidedAt: string | null;
  decisionComment: string | null;
  attractiveness: number | null;
  warnings: { code: string; message: string }[];
  previousStatus: AccountStatus | null;
  newStatus: AccountStatus | null;
  version: number;
};

type Position = { attractiveness: number | null; strength: number | null; quadrant: Quadrant | null };

export type AccountPortfolio = {
  account: { id: string; name: string; status: AccountStatus; ownerId: string; version: number };
  modelVersion: number;
  attractiveness: AxisScore;
  strength: AxisScore;
  quadrant: Quadrant | null;
  complete: boolean;
  posture: string | null;
  ratings: {
    criterion: string;
    value: number;
    comment: string | null;
    ratedBy: Person;
    ratedAt: string;
    version: number;
  }[];
  sinceLastReview: {
    review: { id: string; name: string; heldAt: string; modelVersion: number };
    before: Position & { complete: boolean };
    changes: { criterion: string; before: number | null; after: number | null }[];
  } | null;
  designations: Designation[];
  may: { rate: boolean; nominate: boolean; decide: boolean };
};

export type Review = {
  id: string;
  name: string;
  notes: string | null;
  heldAt: string;
  heldBy: Person | null;
  modelVersion: number;
  accountCount: number;
  counts: QuadrantCounts;
};

export type TransitionEnd = Quadrant | 'unscored' | 'absent';

export type Move = {
  accountId: string;
  name: string;
  ownerId: string;
  from: Position | null;
  to: Position | null;
  quadrantChanged: boolean;
  distance: number | null;
};

export type ReviewComparison = {
  from: Review;
  to: Review | null;
  transitions: { from: TransitionEnd; to: TransitionEnd; count: number }[];
  moves: Move[];
};

export const portfolioKeys = {
  all: ['portfolio'] as const,
  matrix: (filters: PortfolioFilters) => [...portfolioKeys.all, 'matrix', filters] as const,
  model: () => [...portfolioKeys.all, 'model'] as const,
  versions: () => [...portfolioKeys.all, 'model', 'versions'] as const,
  facts: () => [...portfolioKeys.all, 'facts'] as const,
  account: (id: string) => [...portfolioKeys.all, 'account', id] as const,
  designations: (status?: DesignationStatus) => [...portfolioKeys.all, 'designations', status ?? 'all'] as const,
  reviews: () => [...portfolioKeys.all, 'reviews'] as const,
  comparison: (from: string, to?: string) => [...portfolioKeys.all, 'comparison', from, to ?? 'today'] as const,
};

export type PortfolioFilters = Pick<PortfolioSearch, 'owner' | 'industry' | 'status' | 'keyOnly' | 'size'>;

const filterQuery = (filters: PortfolioFilters) => ({
  ownerId: filters.owner,
  industry: filters.industry,
  status: filters.status,
  keyOnly: filters.keyOnly ? 'true' : undefined,
  size: filters.size,
});

export function portfolioQuery(filters: PortfolioFilters) {
  return queryOptions({
    queryKey: portfolioKeys.matrix(filters),
    queryFn: ({ signal }) => api.get<Portfolio>('/portfolio', { query: filterQuery(filters), signal }),
  });
}

/** Downloads the filtered portfolio as CSV, in the UI language. */
export async function downloadPortfolioCsv(filters: PortfolioFilters): Promise<void> {
  const file = await api.file('/portfolio/export', { query: filterQuery(filters) });
  saveBlob(file, `portfolio-${localDay()}.csv`);
}

export const portfolioModelQuery = queryOptions({
  queryKey: portfolioKeys.model(),
  queryFn: ({ signal }) => api.get<PortfolioModel>('/portfolio/model', { signal }),
});

export const modelVersionsQuery = queryOptions({
  queryKey: portfolioKeys.versions(),
  queryFn: ({ signal }) => api.get<Page<ModelVersion>>('/portfolio/model/versions', { query: { limit: 100 }, signal }),
});

export const factsQuery = queryOptions({
  queryKey: portfolioKeys.facts(),
  queryFn: ({ signal }) => api.get<{ items: Fact[] }>('/portfolio/facts', { signal }),
  staleTime: 5 * 60_000,
});

export function accountPortfolioQuery(id: string) {
  return queryOptions({
    queryKey: portfolioKeys.account(id),
    queryFn: ({ signal }) => api.get<AccountPortfolio>(`/portfolio/accounts/${id}`, { signal }),
  });
}

export function designationsQuery(status?: DesignationStatus) {
  return queryOptions({
    queryKey: portfolioKeys.designations(status),
    queryFn: ({ signal }) =>
      api.get<Page<Designation>>('/portfolio/designations', { query: { status, limit: 200 }, signal }),
  });
}

export const reviewsQuery = queryOptions({
  queryKey: portfolioKeys.reviews(),
  queryFn: ({ signal }) => api.get<Page<Review>>('/portfolio/reviews', { query: { limit: 100 }, signal }),
});

export function comparisonQuery(from: string, to?: string) {
  return queryOptions({
    queryKey: portfolioKeys.comparison(from, to),
    queryFn: ({ signal }) => api.get<ReviewComparison>('/portfolio/reviews/compare', { query: { from, to }, signal }),
  });
}

/** After any portfolio change: scores, designations and the account's status may all have moved. */
function useRefreshPortfolio() {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: portfolioKeys.all });
    void queryClient.invalidateQueries({ queryKey: accountKeys.all });
  };
}

export function useSaveModel() {
  const refresh = useRefreshPortfolio();
  return useMutation({
    mutationFn: ({ change, version }: { change: unknown; version: number }) =>
      api.put<PortfolioModel>('/portfolio/model', change, { ifMatch: version }),
    onSuccess: refresh,
    meta: { handlesErrors: true },
  });
}

export type RatingChange = { criterion: string; value: number | null; comment: string | null; version: number };

export function useRateAccount(accountId: string) {
  const refresh = useRefreshPortfolio();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (ratings: RatingChange[]) =>
      api.put<AccountPortfolio>(`/portfolio/accounts/${accountId}/ratings`, { ratings }),
    onSuccess: (portfolio) => {
      queryClient.setQueryData(portfolioKeys.account(accountId), portfolio);
      refresh();
    },
    meta: { handlesErrors: true },
  });
}

export function useNominate() {
  const refresh = useRefreshPortfolio();
  return useMutation({
    mutationFn: (input: { accountId: string; justification: string }) =>
      api.post<Designation>('/portfolio/designations', input),
    onSuccess: refresh,
    meta: { handlesErrors: true },
  });
}

export function useDecide() {
  const refresh = useRefreshPortfolio();
  return useMutation({
    mutationFn: ({
      designation,
      decision,
      comment,
    }: {
      designation: Designation;
      decision: 'approve' | 'reject';
      comment: string;
    }) =>
      api.post<Designation>(
        `/portfolio/designations/${designation.id}/${decision}`,
        { comment },
        { ifMatch: designation.version },
      ),
    onSuccess: refresh,
    meta: { handlesErrors: true },
  });
}

export function useDemote(accountId: string) {
  const refresh = useRefreshPortfolio();
  return useMutation({
    mutationFn: ({ reason, status, version }: { reason: string; status: string; version: number }) =>
      api.post<Designation>(`/portfolio/accounts/${accountId}/demote`, { reason, status }, { ifMatch: version }),
    onSuccess: refresh,
    meta: { handlesErrors: true },
  });
}

export function useRunReview() {
  const refresh = useRefreshPortfolio();
  return useMutation({
    mutationFn: (input: { name: string; notes: string | null }) => api.post<Review>('/portfolio/reviews', input),
    onSuccess: refresh,
    meta: { handlesErrors: true },
  });
}
