import { infiniteQueryOptions, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api, type Page } from '../../api/client';
import type { Currency } from '../../api/shared';
import { saveBlob } from '../../shared/download';

export type PlanStatus = 'draft' | 'in_review' | 'approved';
export type ActionStatus = 'planned' | 'in_progress' | 'done' | 'dropped';

export type PlanSummary = {
  id: string;
  accountId: string;
  account: { id: string; name: string };
  periodStart: string;
  periodEnd: string;
  status: PlanStatus;
  version: number;
};
export type PlanActionRow = {
  id?: string;
  title: string;
  ownerId: string | null;
  dueOn: string | null;
  status: ActionStatus;
  progress: number;
};
export type PlanObjectiveRow = {
  id?: string;
  title: string;
  metricKey: string | null;
  metricName: string | null;
  baseline: number | null;
  target: number | null;
  /** A revenue target in minor units, counted as the plan in plan vs forecast vs actual. */
  targetMinor: number | null;
  targetCurrency: Currency | null;
  periodFrom: string | null;
  periodTo: string | null;
  dueOn: string | null;
  actions: PlanActionRow[];
};
export type PlanCompetitorRow = {
  id?: string;
  name: string;
  shareOfWallet: number | null;
  strengths: string | null;
  weaknesses: string | null;
  threat: 'low' | 'medium' | 'high';
};
export type Plan = PlanSummary & {
  reviewComment: string | null;
  sections: { sectionId: string; titleEn: string; titleRu: string; retired: boolean; body: string }[];
  competitors: PlanCompetitorRow[];
  objectives: (PlanObjectiveRow & { id: string; actions: (PlanActionRow & { id: string })[] })[];
  versions: { number: number; approvedAt: string }[];
  completeness: { score: number; grade: 'red' | 'amber' | 'green'; reasons: { kind: string; text: string }[] };
  mayEdit: boolean;
};
export type PlanContent = {
  sections: { sectionId: string; body: string }[];
  competitors: PlanCompetitorRow[];
  objectives: PlanObjectiveRow[];
};
export type ItemChange = { id: string; title: string; change: 'added' | 'removed' | 'changed'; fields: string[] };
export type Comparison = {
  changes: { sections: ItemChange[]; competitors: ItemChange[]; objectives: ItemChange[]; actions: ItemChange[] };
};

export type TemplateSection = { id: string; titleEn: string; titleRu: string; retired: boolean; version: number };

export const planKeys = { all: ['plans'] as const };

export const templateQuery = () =>
  queryOptions({
    queryKey: [...planKeys.all, 'template'],
    queryFn: () => api.get<{ items: TemplateSection[] }>('/plan-template'),
  });

export const accountPlansQuery = (accountId: string) =>
  queryOptions({
    queryKey: [...planKeys.all, 'account', accountId],
    queryFn: () => api.get<Page<PlanSummary>>('/account-plans', { query: { accountId } }),
  });

export const planSorts = ['-periodStart', 'periodStart', '-updatedAt'] as const;
export type PlanSort = (typeof planSorts)[number];
export type CompletenessGrade = 'red' | 'amber' | 'green';
export type PlanFilters = {
  year?: number;
  status?: PlanStatus;
  ownerId?: string;
  grade?: CompletenessGrade;
  sort?: PlanSort;
};

export type PlanListItem = PlanSummary & {
  updatedAt: string;
  accountOwner: { id: string; name: string };
  completeness: { score: number; grade: CompletenessGrade };
};

export const workspacePlansQuery = (filters: PlanFilters) =>
  infiniteQueryOptions({
    queryKey: [...planKeys.all, 'list', filters],
    queryFn: ({ pageParam, signal }) =>
      api.get<Page<PlanListItem>>('/account-plans', {
        query: { ...filters, cursor: pageParam, limit: 25 },
        signal,
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });

export const planQuery = (id: string) =>
  queryOptions({ queryKey: [...planKeys.all, id], queryFn: () => api.get<Plan>(`/account-plans/${id}`) });

export const comparisonQuery = (id: string, from: number, to: number) =>
  queryOptions({
    queryKey: [...planKeys.all, id, 'compare', from, to],
    queryFn: () =>
      api.get<Comparison>(`/account-plans/${id}/compare`, { query: { from: String(from), to: String(to) } }),
  });

/** The content of a plan as the save takes it. */
export function contentOf(plan: Plan): PlanContent {
  return {
    sections: plan.sections.map(({ sectionId, body }) => ({ sectionId, body })),
    competitors: plan.competitors,
    objectives: plan.objectives.map((objective) => ({
      ...objective,
      actions: objective.actions.map(({ id, title, ownerId, dueOn, status, progress }) => ({
        id,
        title,
        ownerId,
        dueOn,
        status,
        progress,
      })),
    })),
  };
}

export const plansApi = {
  create: (accountId: string) => api.post<Plan>('/account-plans', { accountId }),
  save: ({ plan, content }: { plan: Plan; content: PlanContent }) =>
    api.put<Plan>(`/account-plans/${plan.id}`, content, { ifMatch: plan.version }),
  transition: ({ plan, action }: { plan: Plan; action: 'submit' | 'approve' | 'reopen' }) =>
    api.post<Plan>(`/account-plans/${plan.id}/${action}`, undefined, { ifMatch: plan.version }),
  returnPlan: ({ plan, comment }: { plan: Plan; comment: string }) =>
    api.post<Plan>(`/account-plans/${plan.id}/return`, { comment }, { ifMatch: plan.version }),
  copyForward: (plan: Plan) => api.post<Plan>(`/account-plans/${plan.id}/copy-forward`),
  addSection: (section: { titleEn: string; titleRu: string }) => api.post('/plan-template/sections', section),
  updateSection: ({
    id,
    ...patch
  }: { id: string } & Partial<Pick<TemplateSection, 'titleEn' | 'titleRu' | 'retired'>>) =>
    api.patch(`/plan-template/sections/${id}`, patch),
  reorderSections: (sectionIds: string[]) => api.put('/plan-template/order', { sectionIds }),
};

/** Any plan write: afterwards every plan query is read again. */
export function usePlanMutation<Input, Result>(run: (input: Input) => Promise<Result>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: run, onSuccess: () => queryClient.invalidateQueries({ queryKey: planKeys.all }) });
}

/** Saves the approved plan as a Markdown or PDF file. */
export async function downloadPlanFile(plan: Plan, format: 'markdown' | 'pdf'): Promise<void> {
  const file = await api.file(`/account-plans/${plan.id}/${format}`);
  saveBlob(file, `${plan.account.name}-${plan.periodStart.slice(0, 4)}.${format === 'pdf' ? 'pdf' : 'md'}`);
}
