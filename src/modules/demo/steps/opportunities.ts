import { type Currency, currencyDigits } from '../../../analytics/money/money';
import type { WhitespaceState } from '../../../analytics/plans/whitespace';
import { newId } from '../../../platform/db/columns';
import { buyingCentres, offerings, opportunities, pipelineStages, whitespaceCells } from '../../opportunities';
import { defaultStages } from '../../opportunities/messages';
import { insertAll } from '../batch-insert';
import type { DemoStep } from '../demo-context';

/** A supplier's catalogue of IT products and services, in both languages. */
const catalogue = {
  ru: [
    ['erp', 'Облачная ERP', 'Программное обеспечение', 'product'],
    ['crm', 'CRM для дистрибуции', 'Программное обеспечение', 'product'],
    ['bi', 'Аналитика и BI', 'Программное обеспечение', 'product'],
    ['implementation', 'Внедрение', 'Услуги', 'service'],
    ['support', 'Техническая поддержка 24/7', 'Услуги', 'service'],
    ['training', 'Обучение пользователей', 'Услуги', 'service'],
    ['hosting', 'Хостинг в ЦОД', 'Инфраструктура', 'service'],
  ],
  en: [
    ['erp', 'Cloud ERP', 'Software', 'product'],
    ['crm', 'CRM for distribution', 'Software', 'product'],
    ['bi', 'Analytics and BI', 'Software', 'product'],
    ['implementation', 'Implementation', 'Services', 'service'],
    ['support', '24/7 support', 'Services', 'service'],
    ['training', 'User training', 'Services', 'service'],
    ['hosting', 'Data-centre hosting', 'Infrastructure', 'service'],
  ],
} as const;

const handCentres = {
  ru: [
    ['ИТ-дирекция', 'function'],
    ['Дирекция по закупкам', 'function'],
    ['Северо-Западный регион', 'region'],
  ],
  en: [
    ['IT directorate', 'function'],
    ['Procurement', 'function'],
    ['North-West region', 'region'],
  ],
} as const;

const lostReasons = { ru: 'Выбрали конкурента по цене', en: 'They chose a cheaper competitor' };
const competitorNames = ['1С', 'SAP', 'Oracle', 'Галактика'];
const states: readonly WhitespaceState[] = [
  'buying',
  'buying',
  'opportunity',
  'whitespace',
  'whitespace',
  'competitor',
  'not_applicable',
];

/**
 * The catalogue, the default pipeline, and on each key account its buying centres (its
 * subsidiaries and a few functions and regions), a filled whitespace matrix and an opportunity
 * pipeline: one opportunity on each «opportunity» cell, at a random stage, some won or lost.
 */
export const opportunitiesStep: DemoStep = {
  name: 'opportunities',
  async run(ctx, random) {
    const locale = ctx.options.locale;
    const stamp = { workspaceId: ctx.workspace.id, createdAt: ctx.now, updatedAt: ctx.now };
    const offeringRows = catalogue[locale].map(([key, name, family, kind]) => ({
      ...stamp,
      id: newId(),
      key,
      name,
      family,
      kind,
    }));
    await insertAll(ctx.db, offerings, offeringRows);
    const stageRows = defaultStages.map((stage, index) => ({ ...stamp, ...stage, id: newId(), position: index + 1 }));
    await insertAll(ctx.db, pipelineStages, stageRows);
    const openStages = stageRows.filter((stage) => stage.outcome === 'open');

    const centreRows: (typeof buyingCentres.$inferInsert)[] = [];
    const cellRows: (typeof whitespaceCells.$inferInsert)[] = [];
    const opportunityRows: (typeof opportunities.$inferInsert)[] = [];
    for (const account of ctx.accounts.filter((candidate) => candidate.status === 'key')) {
      const currency = (account.currency in currencyDigits ? account.currency : 'RUB') as Currency;
      const unit = 10 ** currencyDigits[currency];
      const children = ctx.accounts.filter((candidate) => candidate.parentId === account.id).slice(0, 3);
      const centres = [
        ...children.map((child) => ({ name: child.name, kind: 'division', childAccountId: child.id })),
        ...handCentres[locale].map(([name, kind]) => ({ name, kind, childAccountId: null })),
      ].map((centre, index) => ({ ...stamp, ...centre, id: newId(), accountId: account.id, position: index + 1 }));
      centreRows.push(...centres);
      const share = Math.max(1, Math.floor(account.budget / (centres.length * offeringRows.length)));
      for (const centre of centres) {
        for (const offering of offeringRows) {
          const state = random.pick(states);
          const potential = state === 'not_applicable' ? 0 : random.int(Math.floor(share / 4), share) * unit;
          cellRows.push({
            ...stamp,
            id: newId(),
            accountId: account.id,
            buyingCentreId: centre.id,
            offeringId: offering.id,
            state,
            currency,
            currentRevenueMinor: state === 'buying' ? random.int(Math.floor(share / 4), share) * unit : 0,
            potentialMinor: potential,
            competitor: state === 'competitor' ? random.pick(competitorNames) : null,
          });
          if (state !== 'opportunity') continue;
          const outcome = random.chance(0.15) ? (random.chance(0.5) ? 'won' : 'lost') : 'open';
          const stage =
            outcome === 'open'
              ? random.pick(openStages)
              : (stageRows.find((candidate) => candidate.outcome === outcome) as (typeof stageRows)[number]);
          const close = new Date(
            ctx.now.getTime() + random.int(outcome === 'open' ? 7 : -120, outcome === 'open' ? 200 : -7) * 86_400_000,
          );
          opportunityRows.push({
            ...stamp,
            id: newId(),
            accountId: account.id,
            title: `${offering.name} · ${centre.name}`,
            type: centre.childAccountId ? 'cross_sell' : random.pick(['upsell', 'new_business', 'renewal']),
            offeringId: offering.id,
            buyingCentreId: centre.id,
            stageId: stage.id,
            amountMinor: potential,
            currency,
            probability: stage.probability,
            expectedCloseOn: close.toISOString().slice(0, 10),
            ownerId: account.ownerId,
            lostReason: outcome === 'lost' ? lostReasons[locale] : null,
            closedAt: outcome === 'open' ? null : close,
          });
        }
      }
    }
    await insertAll(ctx.db, buyingCentres, centreRows);
    await insertAll(ctx.db, whitespaceCells, cellRows);
    await insertAll(ctx.db, opportunities, opportunityRows);
  },
};
