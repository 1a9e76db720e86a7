import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import type {
  AcceptanceState,
  Currency,
  EstimateStatus,
  TaskPriority,
  TaskStatus,
  VatMode,
  WorkloadGrouping,
} from '../../api/shared';

// NOTE: money arrives as integers of minor units with its currency (decision 0014); hours as
// numbers in quarters of an hour.

type Ref = { id: string; name: string };

export type ProjectType = { id: string; name: string; stages: string[] };
export type Project = {
  id: string;
  accountId: string;
  account: Ref;
  projectTypeId: string;
  projectType: ProjectType;
  name: string;
  stage: string;
  owner: Ref;
  startsOn: string | null;
  endsOn: string | null;
  budgetMinor: number | null;
  currency: Currency;
  openTasks: number;
  version: number;
};

export type Task = {
  id: string;
  projectId: string;
  project: Ref;
  account: Ref;
  title: string;
  description: string | null;
  links: string[];
  dueAt: string | null;
  estimateHours: number;
  priority: TaskPriority;
  assignee: Ref | null;
  department: Ref | null;
  assignedAt: string;
  acceptance: AcceptanceState;
  declineReason: string | null;
  acceptanceLate: boolean;
  status: TaskStatus;
  overdue: boolean;
  version: number;
};
export type TaskDetail = Task & { comments: { id: string; author: Ref; body: string; createdAt: string }[] };

export type Board = {
  columns: { status: TaskStatus; total: number; tasks: Task[] }[];
  acceptanceHours: number;
  /** The done column holds the tasks finished within these days. */
  doneWithinDays: number;
};
export type BoardFilters = { accountId?: string; projectId?: string; assigneeId?: string };

export type Workload = {
  by: WorkloadGrouping;
  weeks: string[];
  rows: {
    id: string;
    name: string;
    capacityMinutes: number;
    cells: {
      weekStart: string;
      week: string;
      estimateMinutes: number;
      capacityMinutes: number;
      overCapacity: boolean;
    }[];
  }[];
};

export type DeliveryMember = {
  userId: string;
  name: string;
  role: string;
  departmentId: string | null;
  weeklyCapacityHours: number;
};
export type Department = { id: string; name: string };
export type PriceListItem = {
  id: string;
  name: string;
  unit: string | null;
  unitPriceMinor: number;
  currency: Currency;
  vatRate: number | null;
};

export type EstimateLine = {
  id: string;
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
  versionNumber: number;
  title: string;
  status: EstimateStatus;
  currency: Currency;
  vatMode: VatMode;
  netMinor: number;
  vatMinor: number;
  grossMinor: number;
  decisionComment: string | null;
  invoiceId: string | null;
  lines: EstimateLine[];
  versions: { id: string; versionNumber: number; status: EstimateStatus }[];
  version: number;
};
export type EstimateSummary = Omit<Estimate, 'lines' | 'versions'>;

export const deliveryKeys = { all: ['delivery'] as const };

export const boardQuery = (filters: BoardFilters) =>
  queryOptions({
    queryKey: ['delivery', 'board', filters],
    queryFn: ({ signal }) => api.get<Board>('/board', { query: filters, signal }),
  });
export const workloadQuery = (by: WorkloadGrouping) =>
  queryOptions({
    queryKey: ['delivery', 'workload', by],
    queryFn: ({ signal }) => api.get<Workload>('/workload', { query: { by, weeks: 6 }, signal }),
  });
export const projectsQuery = (filters: { ownerId?: string; accountId?: string }) =>
  queryOptions({
    queryKey: ['delivery', 'projects', filters],
    queryFn: ({ signal }) => api.get<{ items: Project[] }>('/projects', { query: filters, signal }),
  });
export const projectQuery = (id: string) =>
  queryOptions({
    queryKey: ['delivery', 'project', id],
    queryFn: ({ signal }) => api.get<Project>(`/projects/${id}`, { signal }),
  });
export const taskQuery = (id: string) =>
  queryOptions({
    queryKey: ['delivery', 'task', id],
    queryFn: ({ signal }) => api.get<TaskDetail>(`/tasks/${id}`, { signal }),
  });
export const projectTypesQuery = queryOptions({
  queryKey: ['delivery', 'project-types'],
  queryFn: ({ signal }) => api.get<{ items: ProjectType[] }>('/project-types', { signal }),
});
export const membersQuery = queryOptions({
  queryKey: ['delivery', 'members'],
  queryFn: ({ signal }) => api.get<{ items: DeliveryMember[] }>('/delivery/members', { signal }),
});
export const settingsQuery = queryOptions({
  queryKey: ['delivery', 'settings'],
  queryFn: ({ signal }) => api.get<{ acceptanceHours: number; version: number }>('/delivery/settings', { signal }),
});
export const departmentsQuery = queryOptions({
  queryKey: ['delivery', 'departments'],
  queryFn: ({ signal }) => api.get<{ items: Department[] }>('/departments', { signal }),
});
export const priceListQuery = queryOptions({
  queryKey: ['delivery', 'price-list'],
  queryFn: ({ signal }) => api.get<{ items: PriceListItem[] }>('/price-list', { signal }),
});
export const estimatesQuery = (projectId: string) =>
  queryOptions({
    queryKey: ['delivery', 'estimates', projectId],
    queryFn: ({ signal }) => api.get<{ items: EstimateSummary[] }>('/estimates', { query: { projectId }, signal }),
  });
export const estimateQuery = (id: string) =>
  queryOptions({
    queryKey: ['delivery', 'estimate', id],
    queryFn: ({ signal }) => api.get<Estimate>(`/estimates/${id}`, { signal }),
  });

export type EstimateLineDraft = {
  priceListItemId: string | null;
  description?: string;
  quantityMilli: number;
  unitPriceMinor?: number;
  discount: number;
  vatRate?: number | null;
};

type Versioned = { id: string; version: number };

export const deliveryApi = {
  createProject: (body: { accountId: string; projectTypeId: string; name: string }) =>
    api.post<Project>('/projects', body),
  updateProject: ({ id, version, ...body }: Versioned & { stage?: string }) =>
    api.patch<Project>(`/projects/${id}`, body, { ifMatch: version }),
  createTask: (body: {
    projectId: string;
    title: string;
    assigneeId: string | null;
    departmentId: string | null;
    dueAt: string | null;
    estimateHours: number;
    priority: TaskPriority;
  }) => api.post<TaskDetail>('/tasks', body),
  accept: ({ id, version }: Versioned) => api.post<TaskDetail>(`/tasks/${id}/accept`, undefined, { ifMatch: version }),
  decline: ({ id, version, reason }: Versioned & { reason: string }) =>
    api.post<TaskDetail>(`/tasks/${id}/decline`, { reason }, { ifMatch: version }),
  move: ({ id, version, status }: Versioned & { status: TaskStatus }) =>
    api.post<TaskDetail>(`/tasks/${id}/status`, { status }, { ifMatch: version }),
  comment: ({ id, body }: { id: string; body: string }) => api.post<TaskDetail>(`/tasks/${id}/comments`, { body }),
  createEstimate: (body: { projectId: string; title: string; vatMode: VatMode; lines: EstimateLineDraft[] }) =>
    api.post<Estimate>('/estimates', body),
  updateEstimate: ({ id, version, ...body }: Versioned & { lines: EstimateLineDraft[]; vatMode: VatMode }) =>
    api.patch<Estimate>(`/estimates/${id}`, body, { ifMatch: version }),
  decide: ({ id, version, action, comment }: Versioned & { action: 'send' | 'approve' | 'reject'; comment?: string }) =>
    api.post<Estimate>(`/estimates/${id}/${action}`, action === 'send' ? undefined : { comment: comment ?? null }, {
      ifMatch: version,
    }),
  invoice: (id: string) => api.post<Estimate>(`/estimates/${id}/invoice`),
};

/**
 * Any delivery write: afterwards the board, workload, projects and estimates are read again.
 * `success` is said even when the write's own component is gone by then (a report sent leaves
 * its review panel), which a callback passed to `mutate` would not be.
 */
export function useDeliveryMutation<Input, Result>(run: (input: Input) => Promise<Result>, success?: () => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: () => {
      success?.();
      return queryClient.invalidateQueries({ queryKey: deliveryKeys.all });
    },
  });
}
