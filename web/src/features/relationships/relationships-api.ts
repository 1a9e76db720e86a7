import { infiniteQueryOptions, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api, type Page } from '../../api/client';
import type {
  BuyingRole,
  DecisionOrientation,
  GapKind,
  InfluenceLevel,
  InteractionKind,
  InteractionStatus,
  LinkKind,
  RelationshipLevel,
  StrengthFactor,
  SupportLevel,
} from '../../api/shared';
import { contactKeys } from '../contacts/contacts-api';

export type Attributes = {
  buyingRole: BuyingRole | null;
  support: SupportLevel | null;
  influence: InfluenceLevel | null;
  decisionOrientation: DecisionOrientation | null;
  keyPlayer: boolean;
};

export type ChartPerson = Attributes & {
  id: string;
  fullName: string;
  title: string | null;
  department: string | null;
  reportsToId: string | null;
  version: number;
  lastHeldAt: string | null;
  freshnessDays: number | null;
  stale: boolean;
  hasPlannedInteraction: boolean;
  coverage: {
    id: string;
    userId: string;
    currentLevel: RelationshipLevel;
    targetLevel: RelationshipLevel;
    version: number;
  }[];
};

export type ChartLink = { id: string; fromContactId: string; toContactId: string; kind: LinkKind; note: string | null };

export type OrgChart = {
  account: { id: string; name: string };
  staleAfterDays: number;
  people: ChartPerson[];
  links: ChartLink[];
  owners: { id: string; name: string | null; initials: string }[];
};

export type Coverage = {
  id: string;
  contactId: string;
  userId: string;
  userName: string | null;
  currentLevel: RelationshipLevel;
  targetLevel: RelationshipLevel;
  version: number;
};

export type Stakeholder = Attributes & {
  contactId: string;
  accountId: string;
  fullName: string;
  notes: string | null;
  version: number;
  lastHeldAt: string | null;
  freshnessDays: number | null;
  stale: boolean;
  staleAfterDays: number;
  coverage: Coverage[];
  links: (ChartLink & { version: number; other: { id: string; fullName: string } })[];
};

export type Gap = {
  kind: GapKind;
  contactId: string | null;
  userId: string | null;
  coverageId: string | null;
  days: number | null;
  contact: { id: string; fullName: string; title: string | null } | null;
  user: { id: string; name: string | null } | null;
};

export type RelationshipSummary = {
  accountId: string;
  staleAfterDays: number;
  strength: {
    score: number;
    basis: 'key_players' | 'all_contacts';
    factors: { factor: StrengthFactor; weight: number; value: number; points: number; count: number; of: number }[];
  };
  gaps: Gap[];
  stakeholders: { total: number; keyPlayers: number; covered: number };
};

export type WorkspaceGap = Gap & { account: { id: string; name: string; owner: { id: string; name: string | null } } };
export type GapPage = Page<WorkspaceGap> & { total: number; counts: Record<GapKind, number> };

export type Interaction = {
  id: string;
  accountId: string;
  kind: InteractionKind;
  status: InteractionStatus;
  occurredAt: string;
  durationMinutes: number | null;
  location: string | null;
  subject: string;
  summary: string | null;
  outcome: string | null;
  nextStep: string | null;
  nextStepOwnerId: string | null;
  nextStepDueOn: string | null;
  nextStepDone: boolean;
  createdById: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
  contacts: { id: string; fullName: string; title: string | null }[];
  users: { id: string; name: string | null }[];
  nextStepOwner: { id: string; name: string | null } | null;
};

export type InteractionFilters = { kind?: InteractionKind[]; status?: InteractionStatus; contactId?: string };

const relationshipKeys = {
  all: ['relationships'] as const,
  chart: (accountId: string) => [...relationshipKeys.all, 'chart', accountId] as const,
  summary: (accountId: string) => [...relationshipKeys.all, 'summary', accountId] as const,
  stakeholder: (contactId: string) => [...relationshipKeys.all, 'stakeholder', contactId] as const,
  timeline: (accountId: string, filters: InteractionFilters) =>
    [...relationshipKeys.all, 'timeline', accountId, filters] as const,
  gaps: (filters: { kind: GapKind[]; ownerId?: string }) => [...relationshipKeys.all, 'gaps', filters] as const,
  settings: () => [...relationshipKeys.all, 'settings'] as const,
  feed: () => [...relationshipKeys.all, 'feed'] as const,
};

export function orgChartQuery(accountId: string) {
  return queryOptions({
    queryKey: relationshipKeys.chart(accountId),
    queryFn: ({ signal }) => api.get<OrgChart>(`/accounts/${accountId}/org-chart`, { signal }),
  });
}

export function relationshipSummaryQuery(accountId: string) {
  return queryOptions({
    queryKey: relationshipKeys.summary(accountId),
    queryFn: ({ signal }) => api.get<RelationshipSummary>(`/accounts/${accountId}/relationship-summary`, { signal }),
  });
}

export function stakeholderQuery(contactId: string) {
  return queryOptions({
    queryKey: relationshipKeys.stakeholder(contactId),
    queryFn: ({ signal }) => api.get<Stakeholder>(`/contacts/${contactId}/stakeholder`, { signal }),
  });
}

export function interactionQuery(id: string) {
  return queryOptions({
    queryKey: [...relationshipKeys.all, 'interaction', id] as const,
    queryFn: ({ signal }) => api.get<Interaction>(`/interactions/${id}`, { signal }),
  });
}

export function timelineQuery(accountId: string, filters: InteractionFilters) {
  return infiniteQueryOptions({
    queryKey: relationshipKeys.timeline(accountId, filters),
    queryFn: ({ pageParam, signal }) =>
      api.get<Page<Interaction>>(`/accounts/${accountId}/interactions`, {
        query: { ...filters, cursor: pageParam, limit: 20 },
        signal,
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
}

export function gapsQuery(filters: { kind: GapKind[]; ownerId?: string }) {
  return infiniteQueryOptions({
    queryKey: relationshipKeys.gaps(filters),
    queryFn: ({ pageParam, signal }) =>
      api.get<GapPage>('/relationship-gaps', {
        query: { kind: filters.kind, ownerId: filters.ownerId, cursor: pageParam, limit: 100 },
        signal,
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
}

export const relationshipSettingsQuery = queryOptions({
  queryKey: relationshipKeys.settings(),
  queryFn: ({ signal }) => api.get<{ staleAfterDays: number; version: number }>('/relationship-settings', { signal }),
});

export const calendarFeedQuery = queryOptions({
  queryKey: relationshipKeys.feed(),
  queryFn: ({ signal }) =>
    api.get<{ active: boolean; createdAt: string | null; lastReadAt: string | null }>('/calendar-feed', { signal }),
});

/** After any change to the map: the chart, summaries, gaps, stakeholders and timelines may all differ. */
function useRefreshRelationships() {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: relationshipKeys.all });
    void queryClient.invalidateQueries({ queryKey: contactKeys.all });
  };
}

export function useSaveStakeholder() {
  const refresh = useRefreshRelationships();
  return useMutation({
    mutationFn: ({
      contactId,
      version,
      change,
    }: {
      contactId: string;
      version: number;
      change: Record<string, unknown>;
    }) => api.patch<Stakeholder>(`/contacts/${contactId}/stakeholder`, change, { ifMatch: version }),
    onSuccess: refresh,
    meta: { handlesErrors: true },
  });
}

export function useAddCoverage() {
  const refresh = useRefreshRelationships();
  return useMutation({
    mutationFn: ({ contactId, change }: { contactId: string; change: Record<string, unknown> }) =>
      api.post<Coverage>(`/contacts/${contactId}/coverage`, change),
    onSuccess: refresh,
  });
}

export function useChangeCoverage() {
  const refresh = useRefreshRelationships();
  return useMutation({
    mutationFn: ({ coverage, change }: { coverage: Coverage; change: Record<string, unknown> }) =>
      api.patch<Coverage>(`/coverage/${coverage.id}`, change, { ifMatch: coverage.version }),
    onSettled: refresh,
  });
}

export function useRemoveCoverage() {
  const refresh = useRefreshRelationships();
  return useMutation({
    mutationFn: (coverage: Coverage) => api.delete(`/coverage/${coverage.id}`, { ifMatch: coverage.version }),
    onSettled: refresh,
  });
}

export function useAddLink() {
  const refresh = useRefreshRelationships();
  return useMutation({
    mutationFn: (change: Record<string, unknown>) => api.post<ChartLink>('/stakeholder-links', change),
    onSuccess: refresh,
  });
}

export function useRemoveLink() {
  const refresh = useRefreshRelationships();
  return useMutation({
    mutationFn: (link: { id: string; version: number }) =>
      api.delete(`/stakeholder-links/${link.id}`, { ifMatch: link.version }),
    onSettled: refresh,
  });
}

/** Changes whom a person reports to (the chart's drag and drop), with their version as If-Match. */
export function useChangeManager() {
  const refresh = useRefreshRelationships();
  return useMutation({
    mutationFn: ({ id, version, reportsToId }: { id: string; version: number; reportsToId: string | null }) =>
      api.patch<{ id: string; version: number; reportsToId: string | null }>(
        `/contacts/${id}`,
        { reportsToId },
        { ifMatch: version },
      ),
    onSettled: refresh,
  });
}

export function useSaveInteraction() {
  const refresh = useRefreshRelationships();
  return useMutation({
    mutationFn: ({ id, version, change }: { id?: string; version?: number; change: Record<string, unknown> }) =>
      id
        ? api.patch<Interaction>(`/interactions/${id}`, change, { ifMatch: version })
        : api.post<Interaction>('/interactions', change),
    onSuccess: refresh,
    meta: { handlesErrors: true },
  });
}

export function useDeleteInteraction() {
  const refresh = useRefreshRelationships();
  return useMutation({
    mutationFn: (interaction: Pick<Interaction, 'id' | 'version'>) =>
      api.delete(`/interactions/${interaction.id}`, { ifMatch: interaction.version }),
    onSettled: refresh,
  });
}

export function useSaveRelationshipSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ version, staleAfterDays }: { version: number; staleAfterDays: number }) =>
      api.patch<{ staleAfterDays: number; version: number }>(
        '/relationship-settings',
        { staleAfterDays },
        { ifMatch: version },
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: relationshipKeys.all }),
    meta: { handlesErrors: true },
  });
}

export function useRotateCalendarFeed() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<{ token: string; path: string; url: string; createdAt: string }>('/calendar-feed'),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: relationshipKeys.feed() }),
  });
}

export function useTurnOffCalendarFeed() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.delete('/calendar-feed'),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: relationshipKeys.feed() }),
  });
}
