import { newId } from '../../../platform/db/columns';
import { contacts } from '../../contacts';
import { BatchInserter } from '../batch-insert';
import { type CompanySize, customValuesFor, type DemoAccount, type DemoContext, type DemoStep } from '../demo-context';
import { planOrgChart } from '../org-chart';
import {
  mailboxOf,
  mailboxPatterns,
  makePersonName,
  messengersOf,
  mobilePhone,
  officePhone,
  personalEmailOf,
} from '../people';
import type { DemoRandom } from '../random';

/** How many of a company's people we know, by its size: [least, most]. About 20 on average. */
const peopleBySize: Record<CompanySize, readonly [number, number]> = {
  large: [32, 54],
  medium: [16, 28],
  small: [5, 12],
};

function peopleCount(random: DemoRandom, account: DemoAccount): number {
  if (account.soleTrader) return random.int(1, 3);
  const [least, most] = peopleBySize[account.size];
  return random.int(least, most);
}

/** The people of one account, as rows, with the reporting line of its org chart. */
async function addPeopleOf(
  ctx: DemoContext,
  random: DemoRandom,
  account: DemoAccount,
  inserter: BatchInserter<typeof contacts>,
): Promise<void> {
  const { vocabulary } = ctx;
  const country = vocabulary.countries[account.region.country];
  if (!country) throw new Error(`No words for ${account.region.country}`);
  const soleTrader = account.soleTrader && vocabulary.soleTrader;
  const positions = planOrgChart(
    random,
    vocabulary,
    peopleCount(random, account),
    soleTrader ? { title: soleTrader.longForm, department: null } : vocabulary.ceo,
    Boolean(soleTrader),
  );
  const ids = positions.map(() => newId());
  const pattern = random.pick(mailboxPatterns);
  const mailboxes = new Set<string>();
  const rows: (typeof contacts.$inferInsert)[] = [];
  for (const [index, position] of positions.entries()) {
    const name = index === 0 && account.soleTrader ? account.soleTrader : makePersonName(random, vocabulary);
    const emails: string[] = [];
    if (account.emailDomain && random.chance(0.92)) {
      const base = mailboxOf(name, pattern);
      let mailbox = base;
      for (let suffix = 2; mailboxes.has(mailbox); suffix += 1) mailbox = `${base}${suffix}`;
      mailboxes.add(mailbox);
      emails.push(`${mailbox}@${account.emailDomain}`);
    }
    if (!account.emailDomain || random.chance(0.12)) emails.push(personalEmailOf(random, name, vocabulary));
    const mobile = random.chance(0.78)
      ? mobilePhone(random, account.region.country, country, account.region.areaCodes)
      : undefined;
    const phones = mobile ? [mobile] : [];
    if (random.chance(position.level <= 1 ? 0.5 : 0.3))
      phones.push(officePhone(random, account.region.country, account.region.areaCodes));
    const messengers = messengersOf(random, name, vocabulary.locale, mobile);
    const createdAt = random.dateBetween(account.createdAt, ctx.now, 2.5);
    const id = ids[index] as string;
    const reportsToId = position.managerIndex === null ? null : (ids[position.managerIndex] as string);
    rows.push({
      workspaceId: ctx.workspace.id,
      id,
      accountId: account.id,
      firstName: name.firstName,
      lastName: name.lastName,
      patronymic: name.patronymic,
      title: position.title,
      department: position.department,
      emails,
      phones,
      messengers,
      reportsToId,
      notes: random.chance(0.08) ? random.pick(vocabulary.contactNotes) : null,
      custom: customValuesFor(
        ctx.customFields.contact,
        { level: position.level, hasMessenger: messengers.length > 0, createdAt },
        random,
      ),
      createdAt,
      updatedAt: random.dateBetween(createdAt, ctx.now, 0.5),
    });
    ctx.contacts.push({
      id,
      accountId: account.id,
      reportsToId,
      level: position.level,
      department: position.department,
      createdAt,
    });
  }
  await inserter.add(...rows);
}

/** The customers' people: about 20 an account, in a reporting tree per account. */
export const contactsStep: DemoStep = {
  name: 'contacts',
  async run(ctx, random) {
    const inserter = new BatchInserter(ctx.db, contacts);
    for (const account of ctx.accounts) await addPeopleOf(ctx, random, account, inserter);
    await inserter.finish();
  },
};
