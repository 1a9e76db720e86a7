import { queryOptions } from '@tanstack/react-query';
import { api, type Page } from '../../api/client';
import type {
  BriefField,
  MoneyAnswer,
  ReportCheck,
  ReportStatus,
  RequestSource,
  RequestStatus,
} from '../../api/shared';

// NOTE: requests, briefs and client reports (decision 0016). Writes go through
// `useDeliveryMutation`, so the whole delivery cache is read again afterwards.

type Ref = { id: string; name: string };
export type BriefAnswerValue = string | string[] | MoneyAnswer;
export type BriefTemplate = { id: string; name: string; fields: BriefField[]; retired: boolean; version: number };
export type ClientRequest = {
  id: string;
  accountId: string;
  account: Ref;
  project: Ref | null;
  title: string;
  description: string | null;
  source: RequestSource;
  status: RequestStatus;
  nextStatuses: RequestStatus[];
  receivedOn: string;
  statusComment: string | null;
  brief: { templateId: string; fields: BriefField[]; answers: Record<string, BriefAnswerValue> } | null;
  createdBy: Ref;
  version: number;
};
export type ReportFigure = { label: string; value: string; channel: string | null };
export type ClientReport = {
  id: string;
  account: Ref;
  project: Ref | null;
  title: string;
  periodStart: string;
  periodEnd: string;
  dueOn: string;
  preparedBy: Ref | null;
  status: ReportStatus;
  figures: ReportFigure[];
  links: string[];
  body: string | null;
  checklist: Record<ReportCheck, boolean>;
  reviewedBy: Ref | null;
  sentAt: string | null;
  late: boolean;
  unreviewed: boolean;
  version: number;
};

export const accountsQuery = (enabled: boolean) =>
  queryOptions({
    queryKey: ['delivery', 'accounts'],
    queryFn: ({ signal }) => api.get<Page<Ref>>('/accounts', { query: { limit: 500 }, signal }),
    enabled,
  });
export const requestsQuery = queryOptions({
  queryKey: ['delivery', 'requests'],
  queryFn: ({ signal }) => api.get<{ items: ClientRequest[] }>('/requests', { signal }),
});
export const requestQuery = (id: string) =>
  queryOptions({
    queryKey: ['delivery', 'request', id],
    queryFn: ({ signal }) => api.get<ClientRequest>(`/requests/${id}`, { signal }),
  });
export const briefTemplatesQuery = queryOptions({
  queryKey: ['delivery', 'brief-templates'],
  queryFn: ({ signal }) => api.get<{ items: BriefTemplate[] }>('/brief-templates', { signal }),
});
export const allBriefTemplatesQuery = queryOptions({
  queryKey: ['delivery', 'brief-templates', 'all'],
  queryFn: ({ signal }) =>
    api.get<{ items: BriefTemplate[] }>('/brief-templates', { query: { includeRetired: 'true' }, signal }),
});
export const reportsQuery = (flagged: boolean) =>
  queryOptions({
    queryKey: ['delivery', 'reports', flagged],
    queryFn: ({ signal }) =>
      api.get<{ items: ClientReport[] }>('/reports', { query: flagged ? { flagged: 'true' } : {}, signal }),
  });
export const reportQuery = (id: string) =>
  queryOptions({
    queryKey: ['delivery', 'report', id],
    queryFn: ({ signal }) => api.get<ClientReport>(`/reports/${id}`, { signal }),
  });

type Versioned = { id: string; version: number };

type BriefTemplateBody = { name: string; fields: BriefField[] };

export const clientWorkApi = {
  createBriefTemplate: (body: BriefTemplateBody) => api.post<BriefTemplate>('/brief-templates', body),
  updateBriefTemplate: ({ id, version, ...body }: Versioned & Partial<BriefTemplateBody> & { retired?: boolean }) =>
    api.patch<BriefTemplate>(`/brief-templates/${id}`, body, { ifMatch: version }),
  createRequest: (body: { accountId: string; title: string; source: RequestSource; description: string | null }) =>
    api.post<ClientRequest>('/requests', body),
  moveRequest: ({
    id,
    version,
    ...body
  }: Versioned & { status: RequestStatus; comment?: string; project?: { projectTypeId: string; name?: string } }) =>
    api.post<ClientRequest>(`/requests/${id}/status`, body, { ifMatch: version }),
  fillBrief: ({ id, version, ...body }: Versioned & { templateId: string; answers: Record<string, unknown> }) =>
    api.put<ClientRequest>(`/requests/${id}/brief`, body, { ifMatch: version }),
  createReport: (body: {
    accountId: string;
    projectId: string | null;
    title: string;
    periodStart?: string;
    periodEnd?: string;
    dueOn?: string;
    preparedBy: string | null;
  }) => api.post<ClientReport>('/reports', body),
  updateReport: ({
    id,
    version,
    ...body
  }: Versioned & { figures: ReportFigure[]; links: string[]; body: string | null }) =>
    api.patch<ClientReport>(`/reports/${id}`, body, { ifMatch: version }),
  pullFigures: (id: string) => api.post<ClientReport>(`/reports/${id}/figures/pull`, {}),
  submitReport: (id: string) => api.post<ClientReport>(`/reports/${id}/submit`),
  reviewReport: ({ id, checklist }: { id: string; checklist: Record<ReportCheck, boolean> }) =>
    api.put<ClientReport>(`/reports/${id}/review`, checklist),
  sendReport: (id: string) => api.post<ClientReport>(`/reports/${id}/send`),
};
