import { execFileSync } from 'node:child_process';
import { expect } from 'vitest';
import type { ApiClient, TestApp } from './test-app';

/** The bytes of a file the API serves (PDF, XLSX, CSV), read as a token client in a language. */
export async function download(t: TestApp, client: ApiClient, path: string, locale = 'ru'): Promise<Uint8Array> {
  const response = await t.app.request(path, {
    headers: { authorization: `Bearer ${client.auth.token}`, 'accept-language': locale },
  });
  expect(response.status, path).toBe(200);
  return new Uint8Array(await response.arrayBuffer());
}

/** The text of a PDF as poppler's `pdftotext` reads it: what a reader copies out of the document. */
export function pdfText(bytes: Uint8Array): string {
  return execFileSync('pdftotext', ['-layout', '-', '-'], { input: bytes }).toString('utf8');
}
