import { api, type QueryValue } from '../api/client';
import { localDay } from './local-day';

export type ExportFormat = 'csv' | 'xlsx';

/** Hands a downloaded file to the browser to save under `fileName`. */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1_000);
}

/** Downloads a list's export (`/invoices/export`, `/tasks/export`…) as CSV or XLSX, in the UI language. */
export async function downloadList(
  path: string,
  name: string,
  query: Record<string, QueryValue>,
  format: ExportFormat,
): Promise<void> {
  const file = await api.file(path, { query: { ...query, format } });
  saveBlob(file, `${name}-${localDay()}.${format}`);
}
