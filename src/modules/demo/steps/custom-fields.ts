import { newId } from '../../../platform/db/columns';
import { customFieldDefinitions } from '../../custom-fields';
import { insertAll } from '../batch-insert';
import {
  type ContactDraft,
  type DemoAccount,
  type DemoContext,
  type DemoField,
  type DemoStep,
  daysAfter,
  daysBefore,
  isoDate,
} from '../demo-context';

const budgetRounding = { ru: 100_000, en: 1_000 } as const;

function accountFields(ctx: DemoContext): DemoField<DemoAccount>[] {
  const { vocabulary, now } = ctx;
  return [
    {
      key: 'region',
      labelEn: 'Region',
      labelRu: 'Регион',
      type: 'select',
      options: vocabulary.regions.map(({ key, labelEn, labelRu }) => ({ value: key, labelEn, labelRu })),
      valueFor: (account) => account.region.key,
    },
    {
      key: 'first_contract_date',
      labelEn: 'First contract date',
      labelRu: 'Дата первого контракта',
      type: 'date',
      options: [],
      valueFor: (account, random) => {
        if (account.status === 'prospect') return undefined;
        const latest = new Date(Math.min(daysAfter(account.createdAt, 120).getTime(), now.getTime()));
        return isoDate(random.dateBetween(account.createdAt, latest));
      },
    },
    {
      key: 'annual_budget',
      labelEn: `Annual purchasing budget, ${vocabulary.currency}`,
      labelRu: `Годовой бюджет на закупки, ${vocabulary.currency === 'RUB' ? '₽' : vocabulary.currency}`,
      type: 'number',
      options: [],
      valueFor: (account, random) => {
        if (!random.chance(0.75)) return undefined;
        const rounding = budgetRounding[vocabulary.locale];
        return Math.max(rounding, Math.round(account.budget / rounding) * rounding);
      },
    },
    {
      key: 'framework_agreement',
      labelEn: 'Framework agreement',
      labelRu: 'Рамочный договор',
      type: 'boolean',
      options: [],
      valueFor: (account, random) => {
        if (account.status === 'prospect') return undefined;
        return account.status === 'key' ? random.chance(0.9) : random.chance(0.4);
      },
    },
  ];
}

function contactFields(ctx: DemoContext): DemoField<ContactDraft>[] {
  const channels = [
    { value: 'phone', labelEn: 'Phone', labelRu: 'Телефон' },
    { value: 'email', labelEn: 'E-mail', labelRu: 'Электронная почта' },
    { value: 'messenger', labelEn: 'Messenger', labelRu: 'Мессенджер' },
    { value: 'meeting', labelEn: 'In person', labelRu: 'Личная встреча' },
  ];
  return [
    {
      key: 'birthday',
      labelEn: 'Birthday',
      labelRu: 'День рождения',
      type: 'date',
      options: [],
      valueFor: (_contact, random) =>
        random.chance(0.35)
          ? isoDate(random.dateBetween(daysBefore(ctx.now, 62 * 365), daysBefore(ctx.now, 24 * 365)))
          : undefined,
    },
    {
      key: 'preferred_channel',
      labelEn: 'Preferred channel',
      labelRu: 'Предпочтительный канал связи',
      type: 'select',
      options: channels,
      valueFor: (contact, random) => {
        if (!random.chance(0.5)) return undefined;
        if (contact.hasMessenger && random.chance(0.6)) return 'messenger';
        return random.pick(contact.level <= 1 ? ['phone', 'meeting', 'email'] : ['phone', 'email', 'email']);
      },
    },
    {
      key: 'newsletter',
      labelEn: 'Receives newsletter',
      labelRu: 'Получает рассылку',
      type: 'boolean',
      options: [],
      valueFor: (_contact, random) => (random.chance(0.4) ? random.chance(0.6) : undefined),
    },
  ];
}

/** The workspace's custom fields on accounts and contacts; their values come with the records. */
export const customFieldsStep: DemoStep = {
  name: 'custom-fields',
  async run(ctx) {
    ctx.customFields = { account: accountFields(ctx), contact: contactFields(ctx) };
    const definitions = [
      ...ctx.customFields.account.map((field, position) => ({ entity: 'account', field, position })),
      ...ctx.customFields.contact.map((field, position) => ({ entity: 'contact', field, position })),
    ].map(({ entity, field, position }) => ({
      workspaceId: ctx.workspace.id,
      id: newId(),
      entity,
      key: field.key,
      labelEn: field.labelEn,
      labelRu: field.labelRu,
      type: field.type,
      options: field.options,
      position,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    }));
    await insertAll(ctx.db, customFieldDefinitions, definitions);
  },
};
