import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import { api, type Page } from '../../api/client';
import type {
  ColumnMapping,
  Delimiter,
  FileFormat,
  ImportKind,
  ImportSource,
  TableColumn,
  TextEncoding,
} from '../../api/shared';

export type ImportStatus = 'draft' | 'running' | 'completed' | 'failed' | 'cancelled' | 'undone';
export type RowProblem = {
  row: number;
  column: string | null;
  message: { en: string; ru: string };
  /** The row is imported all the same; the message says what was assumed. */
  notice?: true;
};

export type ImportJob = {
  id: string;
  fileName: string;
  kind: ImportKind;
  source: ImportSource;
  format: FileFormat;
  encoding: TextEncoding | null;
  delimiter: Delimiter | null;
  columns: TableColumn[];
  mapping: ColumnMapping;
  status: ImportStatus;
  totalRows: number;
  processedRows: number;
  createdCount: number;
  updatedCount: number;
  unchangedCount: number;
  failedCount: number;
  problems: RowProblem[];
  cancelRequested: boolean;
  /** Rows to merge into existing records: external id → record id. */
  merges: Record<string, string>;
  /** Values of the file mapped to Accord's own: stage as written → pipeline stage id, owner → user id. */
  valueMappings: ValueMappings;
  interrupted: boolean;
  version: number;
};

export type ValueMappings = { stage?: Record<string, string>; owner?: Record<string, string> };

export type DuplicateProposal = {
  row: number;
  externalId: string;
  name: string;
  record: { id: string; name: string };
  reason: 'taxId' | 'domain' | 'email' | 'name';
  similarity: number;
};

export type ImportCheck = {
  totalRows: number;
  validRows: number;
  toCreate: number;
  toUpdate: number;
  problems: RowProblem[];
  /** Stages of a deals file that match no pipeline stage. */
  unknownStages: string[];
  /** Owners of the file that match no member. */
  unknownOwners: string[];
  duplicates: { proposals: DuplicateProposal[]; total: number };
};

export type ImportPreview = {
  columns: TableColumn[];
  totalRows: number;
  rows: { row: number; cells: string[]; values: Record<string, unknown> | null; problems: RowProblem[] }[];
};

export type ImportPatch = Partial<{
  format: FileFormat;
  encoding: TextEncoding;
  delimiter: Delimiter;
  kind: ImportKind;
  source: ImportSource;
  mapping: ColumnMapping;
  merges: Record<string, string>;
  valueMappings: ValueMappings;
}>;

/** A past import as the history lists it. */
export type ImportListItem = {
  id: string;
  fileName: string;
  kind: ImportKind;
  source: ImportSource;
  status: ImportStatus;
  totalRows: number;
  createdCount: number;
  updatedCount: number;
  unchangedCount: number;
  failedCount: number;
  createdAt: string;
  finishedAt: string | null;
  createdBy: { id: string; name: string } | null;
};

/** The workspace's imports, newest first, a page at a time. */
export const importHistoryQuery = () =>
  infiniteQueryOptions({
    queryKey: ['imports', 'history'] as const,
    queryFn: ({ pageParam, signal }) =>
      api.get<Page<ImportListItem>>('/imports', { query: { cursor: pageParam, limit: 20 }, signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    // NOTE: the wizard's own steps change imports without touching this list: read it afresh
    // whenever the history is shown again.
    refetchOnMount: 'always',
  });

export const importQuery = (id: string) =>
  queryOptions({
    queryKey: ['imports', id] as const,
    queryFn: ({ signal }) => api.get<ImportJob>(`/imports/${id}`, { signal }),
    // NOTE: while an import runs, its row is the progress bar: read it twice a second.
    refetchInterval: (query) => (query.state.data?.status === 'running' ? 500 : false),
  });

export const importPreviewQuery = (id: string, version: number) =>
  queryOptions({
    queryKey: ['imports', id, 'preview', version] as const,
    queryFn: ({ signal }) => api.get<ImportPreview>(`/imports/${id}/preview`, { signal }),
  });

export const uploadImport = (file: File) => api.upload<ImportJob>('/imports', file, { query: { fileName: file.name } });
export const patchImport = (id: string, patch: ImportPatch) => api.patch<ImportJob>(`/imports/${id}`, patch);
export const dryRunImport = (id: string) => api.post<ImportCheck>(`/imports/${id}/dry-run`);
export const runImport = (id: string) => api.post<ImportJob>(`/imports/${id}/run`);
export const cancelImport = (id: string) => api.post<ImportJob>(`/imports/${id}/cancel`);
export const undoImport = (id: string) => api.post<ImportJob>(`/imports/${id}/undo`);
export const problemsFile = (id: string) => api.file(`/imports/${id}/problems`);

export type ImportPreset = {
  id: string;
  name: string;
  kind: ImportKind;
  source: ImportSource;
  mapping: ColumnMapping;
  version: number;
};

export const importPresetsQuery = queryOptions({
  queryKey: ['import-presets'] as const,
  queryFn: ({ signal }) => api.get<{ items: ImportPreset[] }>('/import-presets', { signal }),
});

export const savePreset = (input: Pick<ImportPreset, 'name' | 'kind' | 'source' | 'mapping'>) =>
  api.post<ImportPreset>('/import-presets', input);
export const deletePreset = (id: string) => api.delete(`/import-presets/${id}`);
