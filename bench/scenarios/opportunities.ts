import { openDemoWorkspace } from '../demo-workspace';
import { summarize, timeRepeated } from '../measure';

const scale = Number(process.env.BENCH_SCALE ?? 50);
const requests = Number(process.env.BENCH_REQUESTS ?? 50);

type Json = Record<string, unknown> & { id: string };

async function call(method: string, url: string, token: string, body?: unknown): Promise<Response> {
  const response = await fetch(url, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!response.ok) throw new Error(`${method} ${url} answered ${response.status}: ${await response.text()}`);
  return response;
}
const json = async (response: Promise<Response>) => (await (await response).json()) as Json;

/**
 * The portfolio whitespace summary at scale 50 (target < 500 ms): potential per offering over
 * every key account's matrix; and the PDF of an approved plan of about 20 pages (target < 3 s):
 * nine sections of ~8.5 KB Markdown, 8 competitors, 10 objectives with 5 actions each, the matrix.
 */
export async function opportunitiesBenchmark() {
  const demo = await openDemoWorkspace('opportunities', scale);
  try {
    const summaryUrl = `${demo.base}/whitespace/summary`;
    const offerings = ((await json(call('GET', summaryUrl, demo.token))).items as unknown[]).length;
    const summary = summarize(
      await timeRepeated(requests, async () => void (await call('GET', summaryUrl, demo.token))),
    );

    const matrixOwner = (await json(call('GET', `${demo.base}/opportunities?limit=1`, demo.token))).items as {
      accountId: string;
    }[];
    const accountId = matrixOwner[0]?.accountId as string;
    const plan = await json(
      call('POST', `${demo.base}/account-plans`, demo.token, { accountId, periodStart: '2035-01-01' }),
    );
    const paragraph = 'Сети аптек укрупняются, закупки централизуются, **маржа** под давлением. ';
    const sections = (plan.sections as { sectionId: string }[]).map((section) => ({
      sectionId: section.sectionId,
      body: Array.from(
        { length: 13 },
        (_, index) => `## Тема ${index + 1}\n\n${paragraph.repeat(8)}\n\n- пункт один\n- пункт два`,
      ).join('\n\n'),
    }));
    const competitors = Array.from({ length: 8 }, (_, index) => ({
      name: `Конкурент ${index + 1}`,
      shareOfWallet: 5 + index,
      strengths: 'Цена и сроки поставки',
      weaknesses: 'Сервис',
      threat: 'high',
    }));
    const objectives = Array.from({ length: 10 }, (_, index) => ({
      title: `Цель ${index + 1}`,
      metricName: 'Выручка',
      targetMinor: 1_000_000_00 * (index + 1),
      targetCurrency: 'RUB',
      actions: Array.from({ length: 5 }, (_, actionIndex) => ({
        title: `Действие ${index + 1}.${actionIndex + 1}`,
        ownerId: demo.admin.id,
      })),
    }));
    const planUrl = `${demo.base}/account-plans/${plan.id}`;
    await call('PUT', planUrl, demo.token, { sections, competitors, objectives });
    await call('POST', `${planUrl}/submit`, demo.token);
    await call('POST', `${planUrl}/approve`, demo.token);
    const bytes = (await (await call('GET', `${planUrl}/pdf`, demo.token)).arrayBuffer()).byteLength;
    const pages = /\/Type \/Pages[^>]*\/Count (\d+)/.exec(
      Buffer.from(await (await call('GET', `${planUrl}/pdf`, demo.token)).arrayBuffer()).toString('latin1'),
    )?.[1];
    const pdf = summarize(
      await timeRepeated(
        10,
        async () => void (await (await call('GET', `${planUrl}/pdf`, demo.token)).arrayBuffer()),
        2,
      ),
    );
    return {
      scale,
      demoGenerationSeconds: demo.demoGenerationSeconds,
      whitespaceSummary: { offerings, ...summary },
      planPdf: { pages: Number(pages), bytes, ...pdf },
    };
  } finally {
    await demo.close();
  }
}
