import { openDemoWorkspace } from '../demo-workspace';
import { summarize, timeRepeated } from '../measure';

const requests = Number(process.env.BENCH_REQUESTS ?? 500);

type Json = Record<string, unknown> & { id: string };

async function call(method: string, url: string, token: string, body?: unknown): Promise<Json> {
  const response = await fetch(url, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!response.ok) throw new Error(`${method} ${url} answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as Json;
}

/**
 * The plan page's API (target p99 < 50 ms): one plan of realistic size on a demo workspace at
 * scale 1 — every template section written (about 2 KB of Markdown each), 8 competitors,
 * 10 objectives with 5 actions each — read again and again over HTTP, completeness included.
 */
export async function plansBenchmark() {
  const demo = await openDemoWorkspace('plans', 1);
  try {
    const accounts = (await call('GET', `${demo.base}/accounts?limit=1`, demo.token)) as unknown as {
      items: { id: string }[];
    };
    const accountId = accounts.items[0]?.id as string;
    const plan = await call('POST', `${demo.base}/account-plans`, demo.token, { accountId, periodStart: '2035-01-01' });
    const paragraph = 'Сети аптек укрупняются, закупки централизуются, **маржа** под давлением. ';
    const sections = (plan.sections as { sectionId: string }[]).map((section) => ({
      sectionId: section.sectionId,
      body: `## Главное\n\n${paragraph.repeat(25)}\n\n- пункт один\n- пункт два`,
    }));
    const competitors = Array.from({ length: 8 }, (_, index) => ({
      name: `Конкурент ${index + 1}`,
      shareOfWallet: 5 + index,
      strengths: 'Цена и сроки поставки',
      weaknesses: 'Сервис',
      threat: index % 2 === 0 ? 'high' : 'medium',
    }));
    const objectives = Array.from({ length: 10 }, (_, index) => ({
      title: `Цель ${index + 1}`,
      metricName: 'Выручка, млн ₽',
      baseline: 100 + index,
      target: 130 + index,
      dueOn: '2035-12-31',
      actions: Array.from({ length: 5 }, (_, actionIndex) => ({
        title: `Действие ${index + 1}.${actionIndex + 1}`,
        ownerId: demo.admin.id,
        dueOn: `2035-${String(actionIndex + 2).padStart(2, '0')}-15`,
        status: actionIndex % 3 === 0 ? 'done' : 'in_progress',
        progress: actionIndex * 20,
      })),
    }));
    await call('PUT', `${demo.base}/account-plans/${plan.id}`, demo.token, { sections, competitors, objectives });
    const url = `${demo.base}/account-plans/${plan.id}`;
    const bytes = JSON.stringify(await call('GET', url, demo.token)).length;
    const samples = await timeRepeated(requests, async () => {
      await call('GET', url, demo.token);
    });
    return {
      demoGenerationSeconds: demo.demoGenerationSeconds,
      plan: { sections: sections.length, competitors: 8, objectives: 10, actions: 50, responseBytes: bytes },
      planPage: summarize(samples),
    };
  } finally {
    await demo.close();
  }
}
