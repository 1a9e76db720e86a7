import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { createAccount, createContact } from '../../../tests/support/api-helpers';
import type { ApiClient, SeededWorkspace, TestResponse } from '../../../tests/support/test-app';
import { useTestApp } from '../../../tests/support/test-app';
import { roles } from '../../platform/auth/permissions';
import {
  buyingRoles,
  decisionOrientations,
  influenceLevels,
  interactionKinds,
  interactionStatuses,
  linkKinds,
  relationshipLevels,
  supportLevels,
} from './schemas';

// NOTE: random bodies, mostly plausible and sometimes wild, thrown at every write route of the
// relationship map: whatever comes in, the answer is never a 500.

const wild = fc.oneof(
  fc.jsonValue({ maxDepth: 2 }),
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  fc.constantFrom(null, -1, 0, 1.5, 1e308, true, [], {}, '', '\u0000', 'x'.repeat(20_000), '0000-01-01', '2026-02-30'),
);
const text = (maxLength: number) => fc.oneof(fc.string({ unit: 'grapheme', maxLength }), fc.constant(null));
const randomUuid = fc.uuid({ version: 7 });
const nullable = <T>(values: readonly T[]) => fc.oneof(fc.constantFrom(...values), fc.constant(null));
const date = fc
  .date({ min: new Date('0001-01-01'), max: new Date('9999-12-31'), noInvalidDate: true })
  .map((value) => value.toISOString());

function bodyOf(fields: Record<string, fc.Arbitrary<unknown>>, requiredKeys: string[] = []) {
  const broken = fc.tuple(fc.constantFrom(...Object.keys(fields), 'extra'), wild);
  return fc
    .tuple(fc.record(fields, { requiredKeys }), fc.option(broken, { freq: 2, nil: undefined }))
    .map(([body, replaced]) => (replaced ? { ...body, [replaced[0]]: replaced[1] } : body) as Record<string, unknown>);
}

describe('random bodies at the relationship map', () => {
  const t = useTestApp();
  let workspace: SeededWorkspace;
  let api: ApiClient;
  let accountId: string;
  let contactIds: string[];
  let interactionId: string;

  beforeAll(async () => {
    workspace = await t.seedWorkspace();
    api = workspace.users.admin.api;
    accountId = (await createAccount(api, { name: 'Случайный' })).id;
    contactIds = [(await createContact(api, accountId)).id, (await createContact(api, accountId)).id];
    const created = await api.post('/api/v1/interactions', {
      accountId,
      kind: 'call',
      status: 'held',
      occurredAt: '2026-11-01T10:00:00Z',
      subject: 'Старт',
    });
    interactionId = created.body.id;
  });

  const someContact = () => fc.oneof(fc.constantFrom(...contactIds), randomUuid);
  const someUser = () =>
    fc.oneof(
      fc.constantFrom(...roles).map((role) => workspace.users[role].id),
      randomUuid,
    );

  async function check(
    arbitrary: fc.Arbitrary<Record<string, unknown>>,
    send: (body: unknown) => Promise<TestResponse>,
  ) {
    await fc.assert(
      fc.asyncProperty(arbitrary, async (body) => {
        const response = await send(body);
        expect(
          response.status,
          `${JSON.stringify(body).slice(0, 400)} → ${JSON.stringify(response.body)}`,
        ).toBeLessThan(500);
      }),
      { numRuns: 60 },
    );
  }

  const interactionFields = () => ({
    kind: fc.constantFrom(...interactionKinds),
    status: fc.constantFrom(...interactionStatuses),
    occurredAt: date,
    durationMinutes: fc.oneof(fc.integer({ min: -5, max: 2000 }), fc.constant(null)),
    location: text(50),
    subject: fc.string({ unit: 'grapheme', maxLength: 40 }),
    summary: text(200),
    outcome: text(100),
    nextStep: text(50),
    nextStepOwnerId: fc.oneof(someUser(), fc.constant(null)),
    nextStepDueOn: fc.oneof(
      date.map((value) => value.slice(0, 10)),
      fc.constant(null),
    ),
    nextStepDone: fc.boolean(),
    contactIds: fc.array(someContact(), { maxLength: 3 }),
    userIds: fc.array(someUser(), { maxLength: 3 }),
  });

  it('POST /interactions', async () => {
    await check(
      bodyOf({ accountId: fc.oneof(fc.constant(accountId), randomUuid), ...interactionFields() }, ['accountId']),
      (body) => api.post('/api/v1/interactions', body),
    );
  });

  it('PATCH /interactions/{id}', async () => {
    await check(bodyOf(interactionFields()), (body) => api.patch(`/api/v1/interactions/${interactionId}`, body));
  });

  it('PATCH /contacts/{id}/stakeholder', async () => {
    await check(
      bodyOf({
        buyingRole: nullable(buyingRoles),
        support: nullable(supportLevels),
        influence: nullable(influenceLevels),
        decisionOrientation: nullable(decisionOrientations),
        keyPlayer: fc.boolean(),
        notes: text(100),
      }),
      (body) => api.patch(`/api/v1/contacts/${contactIds[0]}/stakeholder`, body),
    );
  });

  it('POST /contacts/{id}/coverage and POST /stakeholder-links', async () => {
    await check(
      bodyOf({
        userId: someUser(),
        currentLevel: fc.constantFrom(...relationshipLevels),
        targetLevel: fc.constantFrom(...relationshipLevels),
      }),
      (body) => api.post(`/api/v1/contacts/${contactIds[1]}/coverage`, body),
    );
    await check(
      bodyOf({
        fromContactId: someContact(),
        toContactId: someContact(),
        kind: fc.constantFrom(...linkKinds),
        note: text(50),
      }),
      (body) => api.post('/api/v1/stakeholder-links', body),
    );
  });

  it('GET /relationship-gaps and the timeline with random query strings', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record(
          { kind: fc.string(), ownerId: fc.string(), cursor: fc.string(), limit: fc.string(), status: fc.string() },
          { requiredKeys: [] },
        ),
        async (query) => {
          const search = new URLSearchParams(query as Record<string, string>).toString();
          for (const path of ['/api/v1/relationship-gaps', `/api/v1/accounts/${accountId}/interactions`]) {
            const response = await api.get(`${path}?${search}`);
            expect(response.status, `${path}?${search}`).toBeLessThan(500);
          }
        },
      ),
      { numRuns: 40 },
    );
  });
});
