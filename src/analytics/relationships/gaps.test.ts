import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type CoverageState, findGaps, mattersForGaps, type StakeholderState } from './gaps';
import { buyingRoles, gapKinds, influenceLevels, relationshipLevels, supportLevels } from './terms';

const now = new Date('2026-11-26T09:00:00Z');
const options = { now, staleAfterDays: 60 };
const daysAgo = (days: number) => new Date(now.getTime() - days * 86_400_000);

function person(contactId: string, overrides: Partial<StakeholderState> = {}): StakeholderState {
  return {
    contactId,
    keyPlayer: false,
    buyingRole: null,
    support: null,
    influence: null,
    lastHeldAt: null,
    hasPlannedInteraction: false,
    coverage: [],
    ...overrides,
  };
}

function owner(userId: string, currentLevel = 'credible_source', targetLevel = currentLevel): CoverageState {
  return {
    coverageId: `${userId}-coverage`,
    userId,
    currentLevel: currentLevel as CoverageState['currentLevel'],
    targetLevel: targetLevel as CoverageState['targetLevel'],
  };
}

const kinds = (stakeholders: StakeholderState[]) => findGaps(stakeholders, options).map((gap) => gap.kind);

describe('gap rules', () => {
  it('points out an unknown decision maker, even with nobody known at all', () => {
    expect(kinds([])).toEqual(['decision_maker_unknown']);
    expect(kinds([person('a', { buyingRole: 'economic_buyer' })])).toEqual(['decision_maker_unknown']);
    expect(kinds([person('a', { buyingRole: 'decision_maker' })])).toEqual([]);
  });

  it('points out a key player without an owner, and one not contacted in N days', () => {
    const gaps = findGaps(
      [
        person('dm', { buyingRole: 'decision_maker' }),
        person('never', { keyPlayer: true, coverage: [owner('u1')] }),
        person('old', { keyPlayer: true, lastHeldAt: daysAgo(61), coverage: [owner('u1')] }),
        person('edge', { keyPlayer: true, lastHeldAt: daysAgo(60), coverage: [owner('u1')] }),
        person('orphan', { keyPlayer: true, lastHeldAt: daysAgo(3) }),
        person('not-key', { lastHeldAt: daysAgo(400) }),
      ],
      options,
    );
    expect(gaps.map((gap) => [gap.kind, gap.contactId, gap.days])).toEqual([
      ['key_player_without_owner', 'orphan', 3],
      ['key_player_not_contacted', 'never', null],
      ['key_player_not_contacted', 'old', 61],
      ['single_threaded', 'edge', 60],
    ]);
  });

  it('takes the threshold from the workspace setting', () => {
    const stakeholders = [
      person('dm', { buyingRole: 'decision_maker' }),
      person('k', { keyPlayer: true, lastHeldAt: daysAgo(20), coverage: [owner('u')] }),
      person('k2', { keyPlayer: true, lastHeldAt: daysAgo(5), coverage: [owner('u')] }),
    ];
    expect(findGaps(stakeholders, { now, staleAfterDays: 30 })).toEqual([]);
    expect(findGaps(stakeholders, { now, staleAfterDays: 14 }).map((gap) => gap.kind)).toEqual([
      'key_player_not_contacted',
      'single_threaded',
    ]);
  });

  it('calls an account single-threaded with exactly one live relationship', () => {
    const dm = person('dm', { buyingRole: 'decision_maker' });
    const live = (id: string) => person(id, { lastHeldAt: daysAgo(10), coverage: [owner('u')] });
    expect(kinds([dm])).toEqual([]);
    expect(kinds([dm, live('a')])).toEqual(['single_threaded']);
    expect(kinds([dm, live('a'), live('b')])).toEqual([]);
    // Contacted but owned by nobody, or owned but gone cold: not live.
    expect(kinds([dm, live('a'), person('b', { lastHeldAt: daysAgo(1) })])).toEqual(['single_threaded']);
    expect(kinds([dm, live('a'), person('c', { lastHeldAt: daysAgo(90), coverage: [owner('u')] })])).toEqual([
      'single_threaded',
    ]);
  });

  it('points out an enemy or non-supporter with high influence', () => {
    expect(
      kinds([
        person('dm', { buyingRole: 'decision_maker' }),
        person('a', { support: 'enemy', influence: 'high' }),
        person('b', { support: 'non_supporter', influence: 'high' }),
        person('c', { support: 'enemy', influence: 'medium' }),
        person('d', { support: 'neutral', influence: 'high' }),
      ]),
    ).toEqual(['hostile_high_influence', 'hostile_high_influence']);
  });

  it('points out a target above the current level with nothing planned, per owner', () => {
    const gaps = findGaps(
      [
        person('dm', { buyingRole: 'decision_maker' }),
        person('a', { coverage: [owner('u1', 'vendor', 'trusted_advisor'), owner('u2', 'problem_solver')] }),
        person('b', { coverage: [owner('u3', 'vendor', 'credible_source')], hasPlannedInteraction: true }),
        person('c', { coverage: [owner('u4', 'trusted_advisor', 'problem_solver')] }),
      ],
      options,
    );
    expect(gaps.map((gap) => [gap.kind, gap.contactId, gap.userId, gap.coverageId])).toEqual([
      ['target_without_plan', 'a', 'u1', 'u1-coverage'],
    ]);
  });

  const coverageArbitrary = fc.record({
    coverageId: fc.uuid(),
    userId: fc.constantFrom('u1', 'u2', 'u3'),
    currentLevel: fc.constantFrom(...relationshipLevels),
    targetLevel: fc.constantFrom(...relationshipLevels),
  });
  const stakeholderArbitrary = fc.record({
    contactId: fc.uuid(),
    keyPlayer: fc.boolean(),
    buyingRole: fc.option(fc.constantFrom(...buyingRoles), { nil: null }),
    support: fc.option(fc.constantFrom(...supportLevels), { nil: null }),
    influence: fc.option(fc.constantFrom(...influenceLevels), { nil: null }),
    lastHeldAt: fc.option(
      fc.integer({ min: 0, max: 800 }).map((days) => daysAgo(days)),
      { nil: null },
    ),
    hasPlannedInteraction: fc.boolean(),
    coverage: fc.array(coverageArbitrary, { maxLength: 3 }),
  });

  it('finds the same gaps from only the stakeholders that matter as from everyone', () => {
    fc.assert(
      fc.property(
        fc.array(stakeholderArbitrary, { maxLength: 25 }),
        fc.integer({ min: 1, max: 365 }),
        (people, days) => {
          const settings = { now, staleAfterDays: days };
          expect(findGaps(people.filter(mattersForGaps), settings)).toEqual(findGaps(people, settings));
        },
      ),
    );
  });

  it('lists gaps most serious kind first', () => {
    fc.assert(
      fc.property(fc.array(stakeholderArbitrary, { maxLength: 25 }), (people) => {
        const order = findGaps(people, options).map((gap) => gapKinds.indexOf(gap.kind));
        expect(order).toEqual([...order].sort((a, b) => a - b));
      }),
    );
  });

  it('never reports a key-player gap once the key player is owned and freshly contacted', () => {
    fc.assert(
      fc.property(fc.array(stakeholderArbitrary, { maxLength: 15 }), (people) => {
        const fixed = people.map((stakeholder) =>
          stakeholder.keyPlayer
            ? { ...stakeholder, lastHeldAt: daysAgo(1), coverage: [owner('u9'), ...stakeholder.coverage] }
            : stakeholder,
        );
        const gapKindsFound = findGaps(fixed, options).map((gap) => gap.kind);
        expect(gapKindsFound).not.toContain('key_player_without_owner');
        expect(gapKindsFound).not.toContain('key_player_not_contacted');
      }),
    );
  });
});
