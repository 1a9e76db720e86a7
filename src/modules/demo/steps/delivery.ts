import { invoiceTotals, lineAmounts } from '../../../analytics/money/vat';
import { newId } from '../../../platform/db/columns';
import {
  deliveryMembers,
  departments,
  estimateLines,
  estimates,
  priceListItems,
  projects,
  projectTypes,
  tasks,
} from '../../delivery';
import { insertAll } from '../batch-insert';
import { type DemoStep, daysBefore, isoDate } from '../demo-context';

const words = {
  ru: {
    departments: ['Дизайн', 'Разработка', 'Контекстная реклама', 'SEO'],
    types: [
      { name: 'Сайт', stages: ['Бриф', 'Дизайн', 'Разработка', 'Запуск', 'Поддержка'] },
      { name: 'Рекламная кампания', stages: ['Бриф', 'Медиаплан', 'Настройка', 'Ведение', 'Отчёт'] },
    ],
    projects: ['Корпоративный сайт', 'Лендинг нового продукта', 'Контекстная реклама', 'Продвижение в поиске'],
    tasks: [
      'Макет главной страницы',
      'Вёрстка карточки товара',
      'Настроить счётчики и цели',
      'Собрать семантическое ядро',
      'Написать объявления для Директа',
      'Подготовить медиаплан',
      'Технический SEO-аудит',
      'Исправить форму заявки',
      'Баннеры для РСЯ',
      'Отчёт по кампании за месяц',
    ],
    services: [
      { name: 'Дизайн главной страницы', unit: 'шт', price: 8_000_000 },
      { name: 'Вёрстка страницы', unit: 'шт', price: 2_500_000 },
      { name: 'Настройка Яндекс Директ', unit: 'шт', price: 4_000_000 },
      { name: 'Ведение рекламной кампании', unit: 'мес', price: 6_000_000 },
      { name: 'SEO-аудит', unit: 'шт', price: 5_000_000 },
      { name: 'Час работы специалиста', unit: 'ч', price: 350_000 },
    ],
    declined: 'Нет доступа к брендбуку клиента',
    estimate: 'Смета',
  },
  en: {
    departments: ['Design', 'Development', 'Context advertising', 'SEO'],
    types: [
      { name: 'Website', stages: ['Brief', 'Design', 'Development', 'Launch', 'Support'] },
      { name: 'Advertising campaign', stages: ['Brief', 'Media plan', 'Setup', 'Running', 'Report'] },
    ],
    projects: ['Corporate website', 'Product landing page', 'Search advertising', 'Search engine optimisation'],
    tasks: [
      'Home page layout',
      'Product card markup',
      'Set up analytics goals',
      'Collect the keyword list',
      'Write the search ads',
      'Prepare the media plan',
      'Technical SEO audit',
      'Fix the enquiry form',
      'Display banners',
      'Monthly campaign report',
    ],
    services: [
      { name: 'Home page design', unit: 'pc', price: 8_000_000 },
      { name: 'Page markup', unit: 'pc', price: 2_500_000 },
      { name: 'Search ads setup', unit: 'pc', price: 4_000_000 },
      { name: 'Campaign management', unit: 'month', price: 6_000_000 },
      { name: 'SEO audit', unit: 'pc', price: 5_000_000 },
      { name: 'Specialist hour', unit: 'h', price: 350_000 },
    ],
    declined: 'No access to the client’s brand book',
    estimate: 'Estimate',
  },
};

type TaskShape = Pick<typeof tasks.$inferInsert, 'status' | 'acceptance'> & { declined?: boolean };
// NOTE: every state a task can be in, so the board and its flags all show something.
const taskShapes: TaskShape[] = [
  { status: 'todo', acceptance: 'pending' },
  { status: 'todo', acceptance: 'accepted' },
  { status: 'in_progress', acceptance: 'accepted' },
  { status: 'in_progress', acceptance: 'accepted' },
  { status: 'in_review', acceptance: 'accepted' },
  { status: 'done', acceptance: 'accepted' },
  { status: 'todo', acceptance: 'declined', declined: true },
];

/**
 * A digital agency's delivery: departments (design, development, context advertising, SEO) with the
 * specialists spread over them, the two default project types, projects at different stages for
 * the customers, tasks in every state (some waiting for acceptance too long, some overdue), a
 * price list, and per project an estimate — one approved (it set the budget), one sent.
 */
export const deliveryStep: DemoStep = {
  name: 'delivery',
  async run(ctx, random) {
    const workspaceId = ctx.workspace.id;
    const text = words[ctx.vocabulary.locale];
    const stamp = { workspaceId, createdAt: ctx.now, updatedAt: ctx.now };
    const departmentRows = text.departments.map((name) => ({ ...stamp, id: newId(), name }));
    await insertAll(ctx.db, departments, departmentRows);
    const specialists = ctx.users.filter((user) => user.role === 'specialist');
    await insertAll(
      ctx.db,
      deliveryMembers,
      specialists.map((user, index) => ({
        ...stamp,
        id: newId(),
        userId: user.id,
        departmentId: (departmentRows[index % departmentRows.length] as { id: string }).id,
        weeklyCapacityHours: random.pick([40, 40, 40, 30, 20]),
      })),
    );
    const typeRows = text.types.map((type) => ({ ...stamp, id: newId(), name: type.name, stages: [...type.stages] }));
    await insertAll(ctx.db, projectTypes, typeRows);
    const priceRows = text.services.map((service) => ({
      ...stamp,
      id: newId(),
      name: service.name,
      unit: service.unit,
      unitPriceMinor: service.price,
      currency: 'RUB',
      vatRate: 2200,
    }));
    await insertAll(ctx.db, priceListItems, priceRows);

    const customers = ctx.accounts.filter((account) => account.status !== 'prospect');
    const chosen = random.sample(customers, Math.max(3, Math.round(8 * ctx.options.scale)));
    const projectRows: (typeof projects.$inferInsert)[] = [];
    const taskRows: (typeof tasks.$inferInsert)[] = [];
    const estimateRows: (typeof estimates.$inferInsert)[] = [];
    const lineRows: (typeof estimateLines.$inferInsert)[] = [];
    chosen.forEach((account, projectIndex) => {
      const type = typeRows[projectIndex % typeRows.length] as (typeof typeRows)[number];
      const projectId = newId();
      const startsOn = daysBefore(ctx.now, random.int(10, 120));
      projectRows.push({
        ...stamp,
        id: projectId,
        accountId: account.id,
        projectTypeId: type.id,
        name: `${random.pick(text.projects)} — ${account.name}`.slice(0, 200),
        stage: type.stages[projectIndex % type.stages.length] as string,
        ownerId: account.ownerId,
        startsOn: isoDate(startsOn),
        endsOn: isoDate(new Date(ctx.now.getTime() + random.int(20, 120) * 86_400_000)),
        budgetMinor: null,
        currency: 'RUB',
      });
      const count = random.int(4, 7);
      for (let index = 0; index < count && specialists.length > 0; index += 1) {
        const shape = taskShapes[(projectIndex + index) % taskShapes.length] as TaskShape;
        const assignee = random.pick(specialists);
        const assignedAt = daysBefore(ctx.now, random.chance(0.3) ? random.int(2, 5) : 0.2);
        const dueAt = new Date(ctx.now.getTime() + random.int(-6, 20) * 86_400_000 + 9 * 3_600_000);
        taskRows.push({
          ...stamp,
          id: newId(),
          projectId,
          title: random.pick(text.tasks),
          dueAt,
          estimateMinutes: random.int(1, 16) * 60,
          priority: random.pick(['low', 'normal', 'normal', 'high', 'urgent']),
          assigneeId: assignee.id,
          assignedAt,
          acceptance: shape.acceptance,
          acceptedAt: shape.acceptance === 'accepted' ? assignedAt : null,
          declineReason: shape.declined ? text.declined : null,
          status: shape.status,
          doneAt: shape.status === 'done' ? ctx.now : null,
          createdBy: account.ownerId,
        });
      }
      // NOTE: the first project's estimate is approved and the second's sent, so both flows show.
      const status = projectIndex === 0 ? 'approved' : projectIndex === 1 ? 'sent' : 'draft';
      const estimateId = newId();
      const lines = random.sample(priceRows, 3).map((item, position) => ({
        ...stamp,
        id: newId(),
        estimateId,
        position,
        priceListItemId: item.id,
        description: item.name,
        unit: item.unit,
        quantityMilli: random.int(1, 4) * 1000,
        unitPriceMinor: item.unitPriceMinor,
        discount: position === 0 ? 1000 : 0,
        vatRate: item.vatRate,
      }));
      const asVat = (line: (typeof lines)[number]) => ({
        quantityMilli: line.quantityMilli,
        unitPriceMinor: line.unitPriceMinor,
        vatRateBasisPoints: line.vatRate,
        discountBasisPoints: line.discount,
      });
      lineRows.push(...lines.map((line) => ({ ...line, ...lineAmounts(asVat(line), 'included') })));
      const totals = invoiceTotals(lines.map(asVat), 'included');
      estimateRows.push({
        ...stamp,
        id: estimateId,
        projectId,
        seriesId: estimateId,
        versionNumber: 1,
        title: `${text.estimate}: ${type.name}`,
        status,
        currency: 'RUB',
        vatMode: 'included',
        netMinor: totals.netMinor,
        vatMinor: totals.vatMinor,
        grossMinor: totals.grossMinor,
        sentAt: status === 'draft' ? null : daysBefore(ctx.now, 5),
        decidedAt: status === 'approved' ? daysBefore(ctx.now, 2) : null,
      });
      if (status === 'approved') (projectRows.at(-1) as typeof projects.$inferInsert).budgetMinor = totals.grossMinor;
    });
    await insertAll(ctx.db, projects, projectRows);
    await insertAll(ctx.db, tasks, taskRows);
    await insertAll(ctx.db, estimates, estimateRows);
    await insertAll(ctx.db, estimateLines, lineRows);
  },
};
