import { readFile } from 'node:fs/promises';
import { expect } from 'vitest';
import { projectPath } from '../../src/platform/project-path';
import type { ApiClient, Json } from './test-app';

export const importFixture = (name: string) => readFile(projectPath('tests', 'fixtures', 'imports', name));
export const salesforceFixture = (name: string) =>
  readFile(projectPath('..', 'shared', 'fixtures', 'imports', 'salesforce-apex-recipes', name));

/** Uploads a file and returns the draft import. */
export async function uploadImport(api: ApiClient, bytes: Uint8Array, fileName: string, query = ''): Promise<Json> {
  const response = await api.post(
    `/api/v1/imports?fileName=${encodeURIComponent(fileName)}${query ? `&${query}` : ''}`,
    new Uint8Array(bytes),
  );
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body;
}

/** Waits for a started import to stop running (it runs after the response). */
export async function waitForImport(api: ApiClient, id: string): Promise<Json> {
  for (let attempt = 0; attempt < 400; attempt += 1) {
    const response = await api.get(`/api/v1/imports/${id}`);
    if (response.body.status !== 'running') return response.body;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`Import ${id} still running`);
}

/** Uploads, runs and waits: the whole import in one call. */
export async function importFile(api: ApiClient, bytes: Uint8Array, fileName: string, query = ''): Promise<Json> {
  const draft = await uploadImport(api, bytes, fileName, query);
  const started = await api.post(`/api/v1/imports/${draft.id}/run`);
  expect(started.status, JSON.stringify(started.body)).toBe(202);
  return waitForImport(api, draft.id);
}
