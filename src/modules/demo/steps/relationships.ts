import {
  type BuyingRole,
  type DecisionOrientation,
  type InfluenceLevel,
  type InteractionKind,
  levelRank,
  type RelationshipLevel,
  relationshipLevels,
  type SupportLevel,
} from '../../../analytics/relationships/terms';
import { newId } from '../../../platform/db/columns';
import type { AccountStatus } from '../../accounts';
import {
  interactionContacts,
  interactions,
  interactionUsers,
  relationshipCoverage,
  stakeholderLinks,
  stakeholders,
} from '../../relationships';
import { BatchInserter } from '../batch-insert';
import {
  type DemoAccount,
  type DemoContact,
  type DemoContext,
  type DemoStep,
  daysAfter,
  daysBefore,
  isoDate,
} from '../demo-context';
import type { DemoRandom } from '../random';
import { relationshipWords } from '../relationship-words';
import type { Weighted } from '../vocabulary';

/** How much we know and do at an account of each status. */
type Profile = {
  /** Share of staff below the directors whose attributes are recorded. */
  staffKnown: number;
  directorsKnown: number;
  decisionMakerKnown: number;
  /** Chance a key player has an owner of ours. */
  covered: number;
  levels: readonly Weighted<RelationshipLevel>[];
  support: readonly Weighted<SupportLevel>[];
  /** Held interactions over the two years: [least, most]. */
  held: readonly [number, number];
  planned: readonly [number, number];
  /** Days since the most recent held interaction can be: [least, most]. */
  quietDays: readonly [number, number];
};

const weights = <T>(entries: [T, number][]): Weighted<T>[] => entries.map(([value, weight]) => ({ value, weight }));

const profiles: Record<AccountStatus, Profile> = {
  key: {
    staffKnown: 0.35,
    directorsKnown: 1,
    decisionMakerKnown: 0.95,
    covered: 0.95,
    levels: weights([
      ['credible_source', 2],
      ['problem_solver', 4],
      ['trusted_advisor', 3],
    ]),
    support: weights([
      ['mentor', 2],
      ['supporter', 5],
      ['neutral', 3],
      ['non_supporter', 1],
      ['enemy', 0.3],
    ]),
    held: [30, 55],
    planned: [2, 5],
    quietDays: [0, 20],
  },
  active: {
    staffKnown: 0.15,
    directorsKnown: 0.8,
    decisionMakerKnown: 0.85,
    covered: 0.85,
    levels: weights([
      ['vendor', 2],
      ['credible_source', 4],
      ['problem_solver', 3],
      ['trusted_advisor', 1],
    ]),
    support: weights([
      ['mentor', 1],
      ['supporter', 4],
      ['neutral', 4],
      ['non_supporter', 1],
      ['enemy', 0.4],
    ]),
    held: [10, 24],
    planned: [0, 3],
    quietDays: [0, 50],
  },
  at_risk: {
    staffKnown: 0.1,
    directorsKnown: 0.7,
    decisionMakerKnown: 0.75,
    covered: 0.65,
    levels: weights([
      ['vendor', 4],
      ['credible_source', 3],
      ['problem_solver', 1],
    ]),
    support: weights([
      ['supporter', 2],
      ['neutral', 4],
      ['non_supporter', 3],
      ['enemy', 1.5],
    ]),
    held: [6, 14],
    planned: [0, 1],
    quietDays: [30, 150],
  },
  prospect: {
    staffKnown: 0.03,
    directorsKnown: 0.3,
    decisionMakerKnown: 0.35,
    covered: 0.4,
    levels: weights([
      ['vendor', 5],
      ['credible_source', 1],
    ]),
    support: weights([
      ['supporter', 1],
      ['neutral', 5],
      ['non_supporter', 1],
    ]),
    held: [0, 5],
    planned: [0, 2],
    quietDays: [5, 120],
  },
  lost: {
    staffKnown: 0.05,
    directorsKnown: 0.4,
    decisionMakerKnown: 0.6,
    covered: 0.3,
    levels: weights([
      ['vendor', 3],
      ['credible_source', 1],
    ]),
    support: weights([
      ['neutral', 2],
      ['non_supporter', 3],
      ['enemy', 2],
    ]),
    held: [2, 8],
    planned: [0, 0],
    quietDays: [120, 500],
  },
};

const kinds = weights<InteractionKind>([
  ['meeting', 30],
  ['call', 25],
  ['email', 20],
  ['messenger', 10],
  ['negotiation', 7],
  ['presentation', 5],
  ['note', 3],
]);
const inPerson: ReadonlySet<InteractionKind> = new Set(['meeting', 'negotiation', 'presentation']);
const durations: Partial<Record<InteractionKind, readonly number[]>> = {
  meeting: [45, 60, 90],
  negotiation: [60, 90, 120],
  presentation: [60, 90],
  call: [15, 20, 30],
};
const twoYears = 730;

// NOTE: departments in the order of the vocabularies: purchasing, commercial, finance, IT,
// marketing, logistics, production, legal, people.
const directorRoles: readonly BuyingRole[] = [
  'economic_buyer',
  'influencer',
  'economic_buyer',
  'technical_buyer',
  'influencer',
  'user',
  'technical_buyer',
  'gatekeeper',
  'influencer',
];
const orientations: readonly (DecisionOrientation | null)[] = [
  'financial',
  'business',
  'financial',
  'technical',
  'business',
  'technical',
  'technical',
  null,
  'relationship',
];

type Known = {
  contact: DemoContact;
  buyingRole: BuyingRole | null;
  support: SupportLevel | null;
  influence: InfluenceLevel;
  keyPlayer: boolean;
  owners: string[];
};

function influenceOf(random: DemoRandom, level: number): InfluenceLevel {
  if (level === 0) return 'high';
  if (level === 1) return random.chance(0.55) ? 'high' : 'medium';
  if (level === 2) return random.chance(0.3) ? 'medium' : 'low';
  return random.chance(0.1) ? 'medium' : 'low';
}

/** Who at the account we know, in what role, on whose side. */
function knowPeople(ctx: DemoContext, random: DemoRandom, account: DemoAccount, people: DemoContact[]): Known[] {
  const profile = profiles[account.status];
  const known: Known[] = [];
  let championChosen = false;
  for (const contact of people) {
    const chance = contact.level === 0 ? 1 : contact.level === 1 ? profile.directorsKnown : profile.staffKnown;
    if (!random.chance(chance)) continue;
    const department = ctx.vocabulary.departments.findIndex((words) => words.name === contact.department);
    let buyingRole: BuyingRole | null;
    if (contact.level === 0) buyingRole = random.chance(profile.decisionMakerKnown) ? 'decision_maker' : null;
    else if (contact.level === 1) buyingRole = directorRoles[department] ?? 'influencer';
    else
      buyingRole = random.weighted(
        weights<BuyingRole | null>([
          ['user', 5],
          ['influencer', 2],
          ['gatekeeper', 1],
          [null, 2],
        ]),
      );
    let support: SupportLevel | null = random.chance(0.85) ? random.weighted(profile.support) : null;
    if (!championChosen && contact.level > 0 && account.status !== 'lost' && random.chance(0.3)) {
      buyingRole = 'champion';
      support = 'mentor';
      championChosen = true;
    }
    const keyPlayer =
      contact.level === 0 ||
      buyingRole === 'champion' ||
      (contact.level === 1 &&
        (buyingRole === 'economic_buyer' || buyingRole === 'technical_buyer') &&
        random.chance(0.7));
    known.push({
      contact,
      buyingRole,
      support,
      influence: influenceOf(random, contact.level),
      keyPlayer,
      owners: [],
    });
  }
  return known;
}

/** Our people who own relationships: the account owner at the top, the team below. */
function assignOwners(random: DemoRandom, account: DemoAccount, team: string[], known: Known[]): void {
  const profile = profiles[account.status];
  for (const person of known) {
    const chance = person.keyPlayer ? profile.covered : profile.covered * 0.25;
    if (!random.chance(chance)) continue;
    const first = person.contact.level <= 1 || team.length === 0 ? account.ownerId : random.pick(team);
    person.owners.push(first);
    const second = random.pick([account.ownerId, ...team]);
    if (person.keyPlayer && second !== first && random.chance(0.35)) person.owners.push(second);
  }
}

function raise(random: DemoRandom, level: RelationshipLevel): RelationshipLevel {
  const steps = random.weighted(
    weights([
      [0, 5],
      [1, 4],
      [2, 1],
    ]),
  );
  return relationshipLevels[Math.min(relationshipLevels.length - 1, levelRank(level) + steps)] as RelationshipLevel;
}

export const relationshipsStep: DemoStep = {
  name: 'relationships',
  async run(ctx, random) {
    const words = relationshipWords[ctx.vocabulary.locale];
    const workspaceId = ctx.workspace.id;
    const peopleOf = new Map<string, DemoContact[]>();
    for (const contact of ctx.contacts) {
      const list = peopleOf.get(contact.accountId) ?? [];
      list.push(contact);
      peopleOf.set(contact.accountId, list);
    }
    const stakeholderRows = new BatchInserter(ctx.db, stakeholders);
    const linkRows = new BatchInserter(ctx.db, stakeholderLinks);
    const coverageRows = new BatchInserter(ctx.db, relationshipCoverage);
    const interactionRows = new BatchInserter(ctx.db, interactions);
    const theirParticipants = new BatchInserter(ctx.db, interactionContacts);
    const ourParticipants = new BatchInserter(ctx.db, interactionUsers);
    let pendingParticipants: {
      theirs: (typeof interactionContacts.$inferInsert)[];
      ours: (typeof interactionUsers.$inferInsert)[];
    } = {
      theirs: [],
      ours: [],
    };
    // NOTE: participants refer to interactions, so they go in only after their interactions have.
    const flushParticipants = async () => {
      await interactionRows.finish();
      await theirParticipants.add(...pendingParticipants.theirs);
      await ourParticipants.add(...pendingParticipants.ours);
      pendingParticipants = { theirs: [], ours: [] };
    };

    for (const account of ctx.accounts) {
      const people = peopleOf.get(account.id) ?? [];
      const team = ctx.accountTeams.get(account.id) ?? [];
      const profile = profiles[account.status];
      const known = knowPeople(ctx, random, account, people);
      assignOwners(random, account, team, known);
      const since =
        account.createdAt.getTime() > daysBefore(ctx.now, twoYears).getTime()
          ? account.createdAt
          : daysBefore(ctx.now, twoYears);
      const touched = random.dateBetween(since, ctx.now, 0.5);

      for (const person of known) {
        const department = ctx.vocabulary.departments.findIndex((entry) => entry.name === person.contact.department);
        await stakeholderRows.add({
          workspaceId,
          id: person.contact.id,
          buyingRole: person.buyingRole,
          support: person.support,
          influence: person.influence,
          decisionOrientation: random.chance(0.7) ? (orientations[department] ?? 'business') : null,
          keyPlayer: person.keyPlayer,
          notes: random.chance(0.12) ? random.pick(words.stakeholderNotes) : null,
          createdAt: touched,
          updatedAt: touched,
        });
        for (const userId of person.owners) {
          const currentLevel = random.weighted(profile.levels);
          await coverageRows.add({
            workspaceId,
            id: newId(),
            contactId: person.contact.id,
            userId,
            currentLevel,
            targetLevel: raise(random, currentLevel),
            createdAt: touched,
            updatedAt: touched,
          });
        }
      }
      if (known.length >= 4) {
        const links = random.int(0, 2);
        const seen = new Set<string>();
        for (let index = 0; index < links; index += 1) {
          const [from, to] = random.sample(known, 2);
          if (!from || !to || seen.has(`${from.contact.id}${to.contact.id}`)) continue;
          seen.add(`${from.contact.id}${to.contact.id}`);
          await linkRows.add({
            workspaceId,
            id: newId(),
            fromContactId: from.contact.id,
            toContactId: to.contact.id,
            kind: random.chance(0.7) ? 'influences' : 'in_conflict_with',
            note: random.chance(0.5) ? random.pick(words.linkNotes) : null,
            createdAt: touched,
            updatedAt: touched,
          });
        }
      }

      // Interactions: mostly with the people who matter, by the people of ours who own them.
      const ours = [account.ownerId, ...team];
      const talkedTo =
        known.length > 0
          ? known
          : people.slice(0, 3).map((contact) => ({ contact, owners: [] as string[], keyPlayer: false }));
      const weightOf = (person: { keyPlayer: boolean; owners: string[] }) =>
        (person.keyPlayer ? 4 : 1) * (person.owners.length > 0 ? 2 : 1);
      const quietSince = daysBefore(ctx.now, random.int(...profile.quietDays));
      const heldCount = talkedTo.length === 0 ? 0 : random.int(...profile.held);
      const plannedCount = talkedTo.length === 0 ? 0 : random.int(...profile.planned);
      // NOTE: on healthy accounts the owners keep in touch with most of their key players.
      const keptInTouch =
        account.status === 'key' || account.status === 'active'
          ? talkedTo.filter((person) => person.keyPlayer && person.owners.length > 0 && random.chance(0.6))
          : [];
      const plans = [
        ...Array.from({ length: heldCount }, () => ({ planned: false, with: undefined })),
        ...keptInTouch.map((person) => ({ planned: false, with: person })),
        ...Array.from({ length: plannedCount }, () => ({ planned: true, with: undefined })),
      ];
      for (const plan of plans) {
        const planned = plan.planned;
        const occurredAt = planned
          ? daysAfter(ctx.now, random.int(1, 45) + random.next())
          : plan.with
            ? daysBefore(ctx.now, random.int(profile.quietDays[0], 50) + random.next())
            : random.dateBetween(since, quietSince.getTime() > since.getTime() ? quietSince : ctx.now, 0.6);
        const kind = random.weighted(kinds);
        const count = Math.min(
          talkedTo.length,
          random.weighted(
            weights([
              [1, 5],
              [2, 3],
              [3, 1],
            ]),
          ),
        );
        const chosen = new Set<(typeof talkedTo)[number]>(plan.with ? [plan.with] : []);
        for (let attempt = 0; chosen.size < count && attempt < 8; attempt += 1) {
          chosen.add(random.weighted(talkedTo.map((person) => ({ value: person, weight: weightOf(person) }))));
        }
        const users = new Set<string>();
        for (const person of chosen) users.add(person.owners[0] ?? account.ownerId);
        if (random.chance(0.2)) users.add(random.pick(ours));
        const id = newId();
        const nextStep = !planned && random.chance(0.35);
        const due = nextStep ? daysAfter(occurredAt, random.int(3, 21)) : null;
        const created = planned ? daysBefore(ctx.now, random.int(0, 10)) : occurredAt;
        await interactionRows.add({
          workspaceId,
          id,
          accountId: account.id,
          kind,
          status: planned ? 'planned' : 'held',
          occurredAt,
          durationMinutes: durations[kind] ? random.pick(durations[kind] as number[]) : null,
          location: inPerson.has(kind) && random.chance(0.8) ? random.pick(words.locations) : null,
          subject: random.pick(words.subjects[kind]),
          summary: !planned && random.chance(0.7) ? random.pick(words.summaries) : null,
          outcome: !planned && inPerson.has(kind) && random.chance(0.6) ? random.pick(words.outcomes) : null,
          nextStep: nextStep ? random.pick(words.nextSteps) : null,
          nextStepOwnerId: nextStep ? random.pick([...users]) : null,
          nextStepDueOn: due ? isoDate(due) : null,
          nextStepDone: due !== null && due.getTime() < ctx.now.getTime() && random.chance(0.8),
          createdById: random.pick([...users]),
          createdAt: created,
          updatedAt: created,
        });
        for (const person of chosen) {
          pendingParticipants.theirs.push({
            workspaceId,
            id: newId(),
            interactionId: id,
            contactId: person.contact.id,
            status: planned ? 'planned' : 'held',
            occurredAt,
            createdAt: created,
            updatedAt: created,
          });
        }
        for (const userId of users) {
          pendingParticipants.ours.push({
            workspaceId,
            id: newId(),
            interactionId: id,
            userId,
            createdAt: created,
            updatedAt: created,
          });
        }
      }
      if (pendingParticipants.theirs.length + pendingParticipants.ours.length >= 20_000) await flushParticipants();
    }
    await flushParticipants();
    for (const inserter of [stakeholderRows, linkRows, coverageRows, theirParticipants, ourParticipants]) {
      await inserter.finish();
    }
  },
};
