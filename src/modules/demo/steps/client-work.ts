import { asc, eq } from 'drizzle-orm';
import { newId } from '../../../platform/db/columns';
import {
  briefTemplates,
  clientReports,
  clientRequests,
  defaultBriefTemplates,
  projects,
  reportDueDates,
  reportSchedules,
  tasks,
} from '../../delivery';
import { insertAll } from '../batch-insert';
import { type DemoStep, daysBefore, isoDate } from '../demo-context';

const words = {
  ru: {
    requests: [
      { title: 'Доработать форму заявки на сайте', source: 'email' },
      { title: 'Запустить рекламу к распродаже', source: 'call' },
      { title: 'Новый раздел «Вакансии»', source: 'messenger' },
      { title: 'Баннеры к выставке «Металлообработка»', source: 'meeting' },
    ],
    goal: 'Больше заявок с сайта при той же цене лида',
    audience: 'Отделы закупок промышленных предприятий, 30–55 лет',
    clarifying: 'Ждём от клиента доступы к Метрике',
    declined: 'Бюджет клиента меньше минимального чека',
    reviewBody: 'Заявок больше, чем в прошлом месяце; цена лида снизилась за счёт минус-слов.',
    report: 'Отчёт за',
    figures: [
      { label: 'Лиды', channel: 'Яндекс Директ' },
      { label: 'Цели «Заявка»', channel: 'Яндекс Метрика' },
      { label: 'Цена лида, ₽', channel: 'Яндекс Директ' },
    ],
  },
  en: {
    requests: [
      { title: 'Improve the enquiry form', source: 'email' },
      { title: 'Launch ads for the sale', source: 'call' },
      { title: 'A new Careers section', source: 'messenger' },
      { title: 'Banners for the trade show', source: 'meeting' },
    ],
    goal: 'More enquiries from the site at the same cost per lead',
    audience: 'Procurement teams of manufacturers, aged 30–55',
    clarifying: 'Waiting for access to the analytics',
    declined: 'The client’s budget is below our minimum',
    reviewBody: 'More enquiries than last month; the cost per lead fell thanks to negative keywords.',
    report: 'Report for',
    figures: [
      { label: 'Leads', channel: 'Search ads' },
      { label: '“Enquiry” goals', channel: 'Analytics' },
      { label: 'Cost per lead', channel: 'Search ads' },
    ],
  },
};

const checked = { checkTypos: true, checkFigures: true, checkClientEyes: true, checkHighlights: true };
const unchecked = { checkTypos: false, checkFigures: false, checkClientEyes: false, checkHighlights: false };

/**
 * Requests and briefs, report schedules and client reports for the demo agency: every project
 * began as an accepted request with its brief; other customers have requests new, being clarified
 * and declined; each project's client gets a monthly report on the 5th — the past months sent
 * after review, the last one waiting for review or late.
 */
export const clientWorkStep: DemoStep = {
  name: 'client-work',
  async run(ctx, random) {
    const workspaceId = ctx.workspace.id;
    const text = words[ctx.vocabulary.locale];
    const stamp = { workspaceId, createdAt: ctx.now, updatedAt: ctx.now };
    const template = defaultBriefTemplates[ctx.vocabulary.locale];
    const templateId = newId();
    await insertAll(ctx.db, briefTemplates, [{ ...stamp, id: templateId, ...template }]);
    const projectRows = await ctx.db
      .select({ id: projects.id, accountId: projects.accountId, name: projects.name, ownerId: projects.ownerId })
      .from(projects)
      .where(eq(projects.workspaceId, workspaceId))
      .orderBy(asc(projects.id));
    const preparers = await ctx.db
      .select({ projectId: tasks.projectId, assigneeId: tasks.assigneeId })
      .from(tasks)
      .where(eq(tasks.workspaceId, workspaceId));
    const preparerOf = new Map(preparers.map((row) => [row.projectId, row.assigneeId]));
    const requestRows: (typeof clientRequests.$inferInsert)[] = projectRows.map((project) => ({
      ...stamp,
      id: newId(),
      accountId: project.accountId,
      projectId: project.id,
      title: project.name,
      source: random.pick(['call', 'email', 'meeting']),
      status: 'accepted',
      receivedOn: isoDate(daysBefore(ctx.now, random.int(30, 150))),
      briefTemplateId: templateId,
      briefFields: template.fields,
      briefAnswers: {
        goal: text.goal,
        audience: text.audience,
        budget: { amountMinor: random.int(3, 30) * 10_000_000, currency: 'RUB' },
        deadline: isoDate(new Date(ctx.now.getTime() + random.int(30, 120) * 86_400_000)),
      },
      createdBy: project.ownerId,
    }));
    const others = ctx.accounts.filter((account) => !projectRows.some((project) => project.accountId === account.id));
    const statuses = ['new', 'clarifying', 'declined', 'new'] as const;
    random.sample(others, Math.min(others.length, text.requests.length)).forEach((account, index) => {
      const request = text.requests[index] as (typeof text.requests)[number];
      const status = statuses[index] as (typeof statuses)[number];
      requestRows.push({
        ...stamp,
        id: newId(),
        accountId: account.id,
        title: request.title,
        source: request.source,
        status,
        receivedOn: isoDate(daysBefore(ctx.now, random.int(0, 10))),
        statusComment: status === 'clarifying' ? text.clarifying : status === 'declined' ? text.declined : null,
        createdBy: account.ownerId,
      });
    });
    await insertAll(ctx.db, clientRequests, requestRows);

    const accountIds = [...new Set(projectRows.map((project) => project.accountId))];
    await insertAll(
      ctx.db,
      reportSchedules,
      accountIds.map((accountId) => ({ ...stamp, id: newId(), accountId, frequency: 'monthly', dayOfMonth: 5 })),
    );
    const dues = reportDueDates(
      { frequency: 'monthly', dayOfMonth: 5 },
      isoDate(daysBefore(ctx.now, 80)),
      isoDate(ctx.now),
    );
    const reportRows: (typeof clientReports.$inferInsert)[] = [];
    projectRows.forEach((project, projectIndex) => {
      dues.forEach((due, dueIndex) => {
        const last = dueIndex === dues.length - 1;
        // NOTE: the last report waits for review on some projects and is late in draft on others.
        const status = !last ? 'sent' : projectIndex % 2 === 0 ? 'in_review' : 'draft';
        const sentAt = new Date(`${due.dueOn}T12:00:00Z`);
        reportRows.push({
          ...stamp,
          id: newId(),
          accountId: project.accountId,
          projectId: project.id,
          title: `${text.report} ${due.periodStart.slice(0, 7)}`,
          ...due,
          preparedBy: preparerOf.get(project.id) ?? null,
          status,
          figures: text.figures.map((figure, index) => ({
            ...figure,
            value: index === 2 ? `${random.int(600, 2400)}.${random.int(10, 99)}` : String(random.int(40, 600)),
          })),
          links: ['https://metrika.yandex.ru/dashboard'],
          body: text.reviewBody,
          ...(status === 'sent' ? checked : { ...unchecked, ...(status === 'in_review' ? { checkTypos: true } : {}) }),
          reviewedBy: status === 'sent' ? project.ownerId : null,
          reviewedAt: status === 'sent' ? sentAt : null,
          sentAt: status === 'sent' ? sentAt : null,
        });
      });
    });
    await insertAll(ctx.db, clientReports, reportRows);
  },
};
