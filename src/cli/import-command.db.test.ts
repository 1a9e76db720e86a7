import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createAccount } from '../../tests/support/api-helpers';
import type { SeededWorkspace } from '../../tests/support/test-app';
import { useTestApp } from '../../tests/support/test-app';
import { runImportCommand } from './import-command';

describe('accord import --preset', () => {
  const t = useTestApp();
  let workspace: SeededWorkspace;
  let file: string;

  beforeAll(async () => {
    workspace = await t.seedWorkspace('CLI presets');
    const api = workspace.users.admin.api;
    await createAccount(api, { name: 'Acme' });
    const saved = await api.post('/api/v1/import-presets', {
      name: 'Deals sheet',
      kind: 'opportunities',
      source: 'generic',
      mapping: { Org: 'accountName', Deal: 'dealName', Money: 'amount', When: 'closeDate', Phase: 'stage' },
    });
    expect(saved.status, JSON.stringify(saved.body)).toBe(201);
    file = path.join(await mkdtemp(path.join(tmpdir(), 'accord-cli-')), 'deals.csv');
    await writeFile(file, 'Org;Deal;Money;When;Phase\nAcme;Annual support;1 234,56;26.11.2026;Proposal\n');
  });

  afterEach(() => vi.restoreAllMocks());

  it('maps the file with the saved preset and imports its deals', async () => {
    const output: string[] = [];
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => output.push(String(chunk)) > 0);
    vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    await runImportCommand(t.deps.db, file, { workspace: workspace.workspaceId, preset: 'Deals sheet' });
    expect(output.join('')).toContain('Preset “Deals sheet”: 5 of its 5 columns are in the file.');
    expect(output.join('')).toMatch(/completed in [\d.]+ s: 1 created/);
    const deals = (await workspace.users.admin.api.get('/api/v1/opportunities')).body.items;
    expect(deals).toEqual([
      expect.objectContaining({ title: 'Annual support', amountMinor: 123_456, accountName: 'Acme' }),
    ]);
  });

  it('names the saved presets when the one asked for does not exist, and refuses a preset of another kind', async () => {
    vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    const options = { workspace: workspace.workspaceId };
    await expect(runImportCommand(t.deps.db, file, { ...options, preset: 'Nope' })).rejects.toThrow(
      '--preset: no saved mapping “Nope”; saved: “Deals sheet”',
    );
    await expect(
      runImportCommand(t.deps.db, file, { ...options, preset: 'Deals sheet', kind: 'contacts' }),
    ).rejects.toThrow('--preset: “Deals sheet” maps opportunities, not contacts');
  });
});

describe('accord import --kind kpiPoints', () => {
  const t = useTestApp();

  it('loads KPI values from a sheet, and a second run changes nothing', async () => {
    const workspace = await t.seedWorkspace('CLI KPI');
    const api = workspace.users.admin.api;
    const account = await createAccount(api, { name: 'Acme' });
    const file = path.join(await mkdtemp(path.join(tmpdir(), 'accord-cli-')), 'kpi.csv');
    await writeFile(file, 'Account;Metric;Month;Value\nAcme;revenue;2026-10;1 234,5\nAcme;Orders;11.2026;12\n');
    const output: string[] = [];
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => output.push(String(chunk)) > 0);
    vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const options = { workspace: workspace.workspaceId, kind: 'kpiPoints' };
    await runImportCommand(t.deps.db, file, options);
    expect(output.join('')).toMatch(/completed in [\d.]+ s: 2 created/);
    await runImportCommand(t.deps.db, file, options);
    expect(output.join('')).toMatch(/0 created, 0 updated, 2 unchanged/);
    const series = (await api.get(`/api/v1/kpi-series?accountId=${account.id}`)).body.items;
    expect(series.map((item: { metricKey: string }) => item.metricKey).sort()).toEqual(['orders', 'revenue']);
    vi.restoreAllMocks();
  });
});
