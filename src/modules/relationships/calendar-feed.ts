import { and, asc, eq, gte, isNotNull, lte, sql } from 'drizzle-orm';
import ICAL from 'ical.js';
import type { InteractionKind } from '../../analytics/relationships/terms';
import { type Role, roles } from '../../platform/auth/permissions';
import { generateSecret, hashSecret } from '../../platform/auth/tokens';
import type { CalendarEntry, CalendarSource } from '../../platform/calendar-entries';
import { asSystem, type Database, inWorkspace } from '../../platform/db/client';
import { isLocale, type Locale } from '../../platform/i18n/locale';
import { translate } from '../../platform/i18n/text';
import type { UseCaseContext } from '../../platform/use-case';
import { accounts, visibleAccounts } from '../accounts';
import { users } from '../users';
import { memberships, workspaces } from '../workspaces';
import { type Interaction, interactionColumns, withParticipants } from './get-interaction';
import { calendarWords } from './messages';
import { calendarFeeds, interactions, interactionUsers } from './schema';

const dayMs = 24 * 60 * 60 * 1000;
// NOTE: what a calendar app shows: the last month (so a meeting just missed is still there) and
// the year ahead.
const pastDays = 31;
const futureDays = 400;
const readTouchIntervalMs = 60 * 60 * 1000;
const defaultMeetingMinutes = 60;
const feedPrefix = 'cal_';

export type CalendarFeedStatus = { active: boolean; createdAt: Date | null; lastReadAt: Date | null };

/** The path of a feed's secret address, below the API. */
export function calendarFeedPath(token: string): string {
  return `/api/v1/calendar-feeds/${token}.ics`;
}

export async function getCalendarFeedStatus(ctx: UseCaseContext): Promise<CalendarFeedStatus> {
  const [feed] = await ctx.db
    .select({ createdAt: calendarFeeds.createdAt, lastReadAt: calendarFeeds.lastReadAt })
    .from(calendarFeeds)
    .where(and(eq(calendarFeeds.workspaceId, ctx.actor.workspaceId), eq(calendarFeeds.userId, ctx.actor.userId)));
  return feed ? { active: true, ...feed } : { active: false, createdAt: null, lastReadAt: null };
}

/**
 * Gives the actor a new secret calendar address in this workspace, ending the old one; the token
 * is returned once and only its hash is kept.
 */
export async function rotateCalendarFeed(ctx: UseCaseContext): Promise<{ token: string; createdAt: Date }> {
  await disableCalendarFeed(ctx);
  const token = generateSecret(feedPrefix);
  await ctx.db.insert(calendarFeeds).values({
    workspaceId: ctx.actor.workspaceId,
    userId: ctx.actor.userId,
    tokenHash: hashSecret(token),
    createdAt: ctx.now,
    updatedAt: ctx.now,
  });
  return { token, createdAt: ctx.now };
}

export async function disableCalendarFeed(ctx: UseCaseContext): Promise<void> {
  await ctx.db
    .delete(calendarFeeds)
    .where(and(eq(calendarFeeds.workspaceId, ctx.actor.workspaceId), eq(calendarFeeds.userId, ctx.actor.userId)));
}

type FeedOwner = {
  feedId: string;
  workspaceId: string;
  userId: string;
  role: Role;
  locale: Locale;
  lastReadAt: Date | null;
};

/** Finds whose feed a token opens: a current member who is not disabled. */
async function findFeedOwner(db: Database, token: string): Promise<FeedOwner | undefined> {
  const [row] = await asSystem(db, {}, (tx) =>
    tx
      .select({
        feedId: calendarFeeds.id,
        workspaceId: calendarFeeds.workspaceId,
        userId: calendarFeeds.userId,
        role: memberships.role,
        locale: users.locale,
        lastReadAt: calendarFeeds.lastReadAt,
      })
      .from(calendarFeeds)
      .innerJoin(
        memberships,
        and(eq(memberships.workspaceId, calendarFeeds.workspaceId), eq(memberships.userId, calendarFeeds.userId)),
      )
      .innerJoin(users, eq(users.id, calendarFeeds.userId))
      .where(and(eq(calendarFeeds.tokenHash, hashSecret(token)), sql`${users.disabledAt} is null`)),
  );
  if (!row || !roles.includes(row.role as Role)) return undefined;
  return { ...row, role: row.role as Role, locale: isLocale(row.locale) ? row.locale : 'en' };
}

/**
 * The iCalendar feed behind a secret address: the member's planned interactions and open next
 * steps with a due date, on the accounts their role lets them see. Undefined for an unknown token.
 */
export async function readCalendarFeed(
  db: Database,
  token: string,
  now: Date,
  sources: readonly CalendarSource[] = [],
): Promise<string | undefined> {
  const owner = await findFeedOwner(db, token);
  if (!owner) return undefined;
  const actor = { userId: owner.userId, workspaceId: owner.workspaceId, role: owner.role };
  return inWorkspace(db, { workspaceId: owner.workspaceId, userId: owner.userId }, async (tx) => {
    const ctx: UseCaseContext = { db: tx, actor, now };
    if (!owner.lastReadAt || now.getTime() - owner.lastReadAt.getTime() > readTouchIntervalMs) {
      await tx
        .update(calendarFeeds)
        .set({ lastReadAt: now })
        .where(and(eq(calendarFeeds.workspaceId, owner.workspaceId), eq(calendarFeeds.id, owner.feedId)));
    }
    const [workspace] = await tx
      .select({ name: workspaces.name })
      .from(workspaces)
      .where(eq(workspaces.id, owner.workspaceId));
    const { meetings, nextSteps } = await feedEntries(ctx);
    const days = {
      from: new Date(now.getTime() - pastDays * dayMs).toISOString().slice(0, 10),
      until: new Date(now.getTime() + futureDays * dayMs).toISOString().slice(0, 10),
    };
    const others: CalendarEntry[] = [];
    for (const source of sources) others.push(...(await source(ctx, owner.locale, days)));
    return renderCalendar(owner.locale, workspace?.name ?? '', meetings, nextSteps, others);
  });
}

type FeedEntry = Interaction & { accountName: string };

async function feedEntries(ctx: UseCaseContext): Promise<{ meetings: FeedEntry[]; nextSteps: FeedEntry[] }> {
  const workspaceId = ctx.actor.workspaceId;
  const from = new Date(ctx.now.getTime() - pastDays * dayMs);
  const until = new Date(ctx.now.getTime() + futureDays * dayMs);
  const visible = and(
    eq(accounts.workspaceId, workspaceId),
    eq(accounts.id, interactions.accountId),
    visibleAccounts(ctx),
  );
  const planned = await ctx.db
    .select({ ...interactionColumns, accountName: accounts.name })
    .from(interactions)
    .innerJoin(accounts, visible)
    .innerJoin(
      interactionUsers,
      and(
        eq(interactionUsers.workspaceId, interactions.workspaceId),
        eq(interactionUsers.interactionId, interactions.id),
        eq(interactionUsers.userId, ctx.actor.userId),
      ),
    )
    .where(
      and(
        eq(interactions.workspaceId, workspaceId),
        eq(interactions.status, 'planned'),
        gte(interactions.occurredAt, from),
        lte(interactions.occurredAt, until),
      ),
    )
    .orderBy(asc(interactions.occurredAt))
    .limit(2_000);
  const steps = await ctx.db
    .select({ ...interactionColumns, accountName: accounts.name })
    .from(interactions)
    .innerJoin(accounts, visible)
    .where(
      and(
        eq(interactions.workspaceId, workspaceId),
        eq(interactions.nextStepOwnerId, ctx.actor.userId),
        eq(interactions.nextStepDone, false),
        isNotNull(interactions.nextStepDueOn),
        gte(interactions.nextStepDueOn, from.toISOString().slice(0, 10)),
      ),
    )
    .orderBy(asc(interactions.nextStepDueOn))
    .limit(2_000);
  const withNames = async (rows: typeof planned) => {
    const detailed = await withParticipants(ctx, rows);
    return detailed.map((interaction, index) => ({ ...interaction, accountName: rows[index]?.accountName ?? '' }));
  };
  return { meetings: await withNames(planned), nextSteps: await withNames(steps) };
}

function names(list: { name?: string | null; fullName?: string }[]): string {
  return list
    .map((person) => person.fullName ?? person.name ?? '')
    .filter(Boolean)
    .join(', ');
}

/** Builds the VCALENDAR text (RFC 5545) of a member's feed. */
function renderCalendar(
  locale: Locale,
  workspaceName: string,
  meetings: FeedEntry[],
  nextSteps: FeedEntry[],
  others: CalendarEntry[],
): string {
  const word = (key: keyof typeof calendarWords, params?: Record<string, string>) =>
    translate(locale, { text: calendarWords[key], ...(params ? { params } : {}) });
  const calendar = new ICAL.Component(['vcalendar', [], []]);
  calendar.updatePropertyWithValue('prodid', '-//Accord//Relationship map//EN');
  calendar.updatePropertyWithValue('version', '2.0');
  calendar.updatePropertyWithValue('calscale', 'GREGORIAN');
  calendar.updatePropertyWithValue('method', 'PUBLISH');
  calendar.updatePropertyWithValue('x-wr-calname', word('calendarName', { workspace: workspaceName }));
  const stamp = (event: ICAL.Component, interaction: FeedEntry) => {
    event.updatePropertyWithValue('dtstamp', ICAL.Time.fromJSDate(interaction.updatedAt, true));
    event.updatePropertyWithValue('last-modified', ICAL.Time.fromJSDate(interaction.updatedAt, true));
    event.updatePropertyWithValue('sequence', interaction.version);
  };
  for (const meeting of meetings) {
    const event = new ICAL.Component('vevent');
    event.updatePropertyWithValue('uid', `interaction-${meeting.id}@accord`);
    stamp(event, meeting);
    const end = new Date(meeting.occurredAt.getTime() + (meeting.durationMinutes ?? defaultMeetingMinutes) * 60_000);
    event.updatePropertyWithValue('dtstart', ICAL.Time.fromJSDate(meeting.occurredAt, true));
    event.updatePropertyWithValue('dtend', ICAL.Time.fromJSDate(end, true));
    event.updatePropertyWithValue('summary', `${meeting.subject} · ${meeting.accountName}`);
    if (meeting.location) event.updatePropertyWithValue('location', meeting.location);
    const description = [
      `${word(meeting.kind as InteractionKind)} · ${meeting.accountName}`,
      meeting.contacts.length > 0 ? `${word('theirPeople')}: ${names(meeting.contacts)}` : '',
      meeting.users.length > 0 ? `${word('ourPeople')}: ${names(meeting.users)}` : '',
      meeting.summary ?? '',
    ].filter(Boolean);
    event.updatePropertyWithValue('description', description.join('\n'));
    event.updatePropertyWithValue('status', 'CONFIRMED');
    calendar.addSubcomponent(event);
  }
  for (const step of nextSteps) {
    if (!step.nextStep || !step.nextStepDueOn) continue;
    const event = new ICAL.Component('vevent');
    event.updatePropertyWithValue('uid', `next-step-${step.id}@accord`);
    stamp(event, step);
    const day = ICAL.Time.fromDateString(step.nextStepDueOn);
    const following = day.clone();
    following.adjust(1, 0, 0, 0);
    event.updatePropertyWithValue('dtstart', day);
    event.updatePropertyWithValue('dtend', following);
    event.updatePropertyWithValue('summary', `${word('nextStep')}: ${step.nextStep} · ${step.accountName}`);
    event.updatePropertyWithValue('description', `${word('from')}: ${step.subject}`);
    event.updatePropertyWithValue('transp', 'TRANSPARENT');
    calendar.addSubcomponent(event);
  }
  for (const entry of others) calendar.addSubcomponent(allDayEvent(entry));
  return calendar.toString();
}

/** An all-day reminder that does not make its day look busy. */
function allDayEvent(entry: CalendarEntry): ICAL.Component {
  const event = new ICAL.Component('vevent');
  event.updatePropertyWithValue('uid', entry.uid);
  event.updatePropertyWithValue('dtstamp', ICAL.Time.fromJSDate(entry.changedAt, true));
  event.updatePropertyWithValue('last-modified', ICAL.Time.fromJSDate(entry.changedAt, true));
  const day = ICAL.Time.fromDateString(entry.day);
  const following = day.clone();
  following.adjust(1, 0, 0, 0);
  event.updatePropertyWithValue('dtstart', day);
  event.updatePropertyWithValue('dtend', following);
  event.updatePropertyWithValue('summary', entry.summary);
  event.updatePropertyWithValue('description', entry.description);
  event.updatePropertyWithValue('transp', 'TRANSPARENT');
  return event;
}
