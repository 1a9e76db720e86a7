import { newId } from '../../../platform/db/columns';
import { accountLosses, clientFeedback } from '../../client-care';
import { insertAll } from '../batch-insert';
import { type DemoStep, daysBefore, isoDate } from '../demo-context';

const hour = 3_600_000;

const words = {
  ru: {
    complaints: [
      'Сайт не открывался полдня во время выставки',
      'В отчёте за месяц перепутаны цифры по заявкам',
      'Баннеры сдали на неделю позже обещанного',
      'Менеджер не отвечал на письма три дня',
    ],
    conflict: 'Клиент не согласен оплачивать доработки сверх сметы',
    praise: [
      'Директор по маркетингу благодарит за запуск кампании к распродаже',
      'Отметили, что заявок с сайта стало вдвое больше',
    ],
    review: 'Проверка качества отчётов: замечаний нет',
    resolutions: [
      'Перенесли сайт на резервный сервер, дали скидку 10 % на месяц',
      'Исправили отчёт, добавили сверку цифр с Метрикой перед отправкой',
    ],
    stories: {
      price: 'Нашли подрядчика на треть дешевле',
      quality: 'Были недовольны сроками и качеством последних работ',
      competitor: 'Перешли к агентству, с которым работает их холдинг',
      budget_cut: 'Сократили маркетинговый бюджет на год',
      strategy_change: 'Завели собственный отдел маркетинга',
      relationship: 'После смены директора не сложились отношения',
      bankruptcy: 'Компания закрыла направление',
      other: 'Причину клиент не назвал',
    },
  },
  en: {
    complaints: [
      'The site was down for half a day during the trade show',
      'The monthly report mixed up the enquiry figures',
      'The banners came a week later than promised',
      'The manager did not answer e-mails for three days',
    ],
    conflict: 'The client refuses to pay for changes beyond the estimate',
    praise: [
      'The marketing director thanks us for the sale campaign',
      'They noticed twice as many enquiries from the site',
    ],
    review: 'Quality check of the reports: no remarks',
    resolutions: [
      'Moved the site to a standby server, gave 10 % off for a month',
      'Corrected the report; figures are now checked against analytics before sending',
    ],
    stories: {
      price: 'Found a contractor a third cheaper',
      quality: 'Unhappy with the deadlines and quality of the latest work',
      competitor: 'Moved to the agency their holding works with',
      budget_cut: 'Cut the marketing budget for the year',
      strategy_change: 'Set up their own marketing team',
      relationship: 'The new director and we did not get along',
      bankruptcy: 'The company closed the business line',
      other: 'The client did not say why',
    },
  },
};

const reasons = ['price', 'quality', 'competitor', 'budget_cut', 'strategy_change', 'relationship', 'other'] as const;

/**
 * Complaints (open, in progress, resolved with a root cause), a conflict, praise and a quality
 * review on the agency's customers; and every lost account's loss with a reason and its story.
 */
export const clientCareStep: DemoStep = {
  name: 'client-care',
  async run(ctx, random) {
    const workspaceId = ctx.workspace.id;
    const text = words[ctx.vocabulary.locale];
    const stamp = { workspaceId, createdAt: ctx.now, updatedAt: ctx.now };
    const customers = ctx.accounts.filter((account) => account.status === 'active' || account.status === 'key');
    const contactOf = (accountId: string) =>
      ctx.contacts.find((contact) => contact.accountId === accountId)?.id ?? null;
    const cases: (typeof clientFeedback.$inferInsert)[] = [];
    const chosen = random.sample(customers, Math.min(customers.length, 9));
    chosen.forEach((account, index) => {
      const openedAt = new Date(daysBefore(ctx.now, random.int(1, 60)).getTime() - random.int(0, 8) * hour);
      const base = {
        ...stamp,
        id: newId(),
        accountId: account.id,
        contactId: contactOf(account.id),
        ownerId: account.ownerId,
        createdBy: account.ownerId,
        openedAt,
        source: random.pick(['call', 'email', 'meeting', 'messenger'] as const),
      };
      if (index < 4) {
        const resolved = index < 2;
        cases.push({
          ...base,
          kind: 'complaint',
          severity: (['high', 'medium', 'critical', 'low'] as const)[index],
          description: text.complaints[index] as string,
          status: resolved ? 'resolved' : index === 2 ? 'in_progress' : 'open',
          resolution: resolved ? (text.resolutions[index] as string) : null,
          rootCause: resolved ? (index === 0 ? 'our_error' : 'communication') : null,
          closedAt: resolved ? new Date(openedAt.getTime() + random.int(4, 72) * hour) : null,
        });
      } else if (index === 4) {
        cases.push({ ...base, kind: 'conflict', severity: 'high', description: text.conflict, status: 'in_progress' });
      } else if (index < 7) {
        cases.push({ ...base, kind: 'praise', description: text.praise[index - 5] as string, status: 'open' });
      } else {
        cases.push({ ...base, kind: 'review', source: 'other', description: text.review, status: 'open' });
      }
    });
    await insertAll(ctx.db, clientFeedback, cases);

    const lost = ctx.accounts.filter((account) => account.status === 'lost');
    await insertAll(
      ctx.db,
      accountLosses,
      lost.map((account) => {
        const reason = random.pick(reasons);
        return {
          ...stamp,
          id: newId(),
          accountId: account.id,
          lostOn: isoDate(daysBefore(ctx.now, random.int(10, 330))),
          reason,
          story: text.stories[reason],
          previousStatus: 'active',
          createdBy: account.ownerId,
        };
      }),
    );
  },
};
