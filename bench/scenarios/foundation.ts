import { spawn } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { projectPath } from '../../src/platform/project-path';
import { openDemoWorkspace } from '../demo-workspace';
import { summarize, timeRepeated } from '../measure';

const scale = Number(process.env.BENCH_SCALE ?? 50);
const requests = Number(process.env.BENCH_REQUESTS ?? 400);

// Searches a manager would type, in both languages, with the list's sorts and filters.
const listQueries = [
  'sort=name',
  'sort=-updatedAt',
  'sort=status',
  'q=менеджер&sort=name',
  'q=производство',
  'q=group&sort=-updatedAt',
  'q=ром',
  'status=active,key&sort=name',
  'status=at_risk&sort=-updatedAt',
  'q=логистика&status=active',
];

type Json = Record<string, unknown>;

async function getJson(url: string, token: string): Promise<Json> {
  const response = await fetch(url, { headers: { authorization: `Bearer ${token}`, 'accept-language': 'ru' } });
  if (response.status !== 200) throw new Error(`${url} answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as Json;
}

async function coldStart(dataDir: string): Promise<number> {
  const started = performance.now();
  const child = spawn(process.execPath, [projectPath('bin', 'accord.js'), 'start'], {
    env: { ...process.env, ACCORD_DATA_DIR: dataDir, PORT: '3987', LOG_LEVEL: 'warn', DATABASE_URL: '' },
    stdio: 'ignore',
  });
  try {
    for (;;) {
      try {
        const response = await fetch('http://127.0.0.1:3987/api/health');
        if (response.status === 200) return performance.now() - started;
      } catch {
        // not listening yet
      }
      if (child.exitCode !== null) throw new Error(`accord start exited with ${child.exitCode}`);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  } finally {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  }
}

/** The foundation's targets: demo generation, accounts list, account page, cold start. */
export async function foundationBenchmark() {
  const workspace = await openDemoWorkspace('foundation', scale);
  const { base, token } = workspace;
  const results: Json = {
    scale,
    requestsPerScenario: requests,
    demoGenerationSeconds: workspace.demoGenerationSeconds,
    rows: await workspace.countRows(['accounts', 'contacts']),
  };
  try {
    const listSamples = await timeRepeated(requests, async (index) => {
      await getJson(`${base}/accounts?${listQueries[index % listQueries.length]}`, token);
    });
    const perQuery: Json = {};
    for (const query of listQueries) {
      const samples = await timeRepeated(
        Math.max(20, Math.floor(requests / listQueries.length)),
        async () => {
          await getJson(`${base}/accounts?${query}`, token);
        },
        3,
      );
      perQuery[query] = summarize(samples);
    }
    results.accountsList = { ...summarize(listSamples), targetP99Ms: 50, perQuery };

    const page = (await getJson(`${base}/accounts?limit=500&sort=-updatedAt`, token)).items as { id: string }[];
    const accountSamples = await timeRepeated(requests, async (index) => {
      await getJson(`${base}/accounts/${page[index % page.length]?.id}`, token);
    });
    results.accountPage = { ...summarize(accountSamples), targetP99Ms: 30 };
    const contactSamples = await timeRepeated(requests, async (index) => {
      await getJson(`${base}/contacts?accountId=${page[index % page.length]?.id}`, token);
    });
    results.accountContacts = summarize(contactSamples);
  } finally {
    await workspace.close({ keepData: true });
  }

  const starts: number[] = [];
  for (let run = 0; run < 5; run += 1) starts.push(await coldStart(workspace.dataDir));
  results.coldStartMs = { ...summarize(starts), targetMs: 2000 };
  await rm(workspace.dataDir, { recursive: true, force: true });
  return results;
}
