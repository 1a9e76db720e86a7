import { z } from '@hono/zod-openapi';
import {
  buyingRoles,
  decisionOrientations,
  gapKinds,
  influenceLevels,
  interactionKinds,
  interactionStatuses,
  linkKinds,
  relationshipLevels,
  strengthFactors,
  supportLevels,
} from '../../analytics/relationships';

// NOTE: what the relationship routes answer, named in the OpenAPI document; the contract test
// holds every response to these shapes.

const attributes = {
  buyingRole: z.enum(buyingRoles).nullable(),
  support: z.enum(supportLevels).nullable(),
  influence: z.enum(influenceLevels).nullable(),
  decisionOrientation: z.enum(decisionOrientations).nullable(),
  keyPlayer: z.boolean(),
};

const coverageFields = {
  id: z.uuid(),
  userId: z.uuid(),
  currentLevel: z.enum(relationshipLevels),
  targetLevel: z.enum(relationshipLevels),
  version: z.number().int(),
};

export const CoverageSchema = z
  .object({ ...coverageFields, contactId: z.uuid(), userName: z.string().nullable() })
  .meta({ id: 'RelationshipCoverage' });

const linkFields = {
  id: z.uuid(),
  fromContactId: z.uuid(),
  toContactId: z.uuid(),
  kind: z.enum(linkKinds),
  note: z.string().nullable(),
};

export const LinkSchema = z.object({ ...linkFields, version: z.number().int() }).meta({ id: 'StakeholderLink' });

export const StakeholderSchema = z
  .object({
    contactId: z.uuid(),
    accountId: z.uuid(),
    fullName: z.string(),
    ...attributes,
    notes: z.string().nullable(),
    version: z.number().int().meta({ description: '0 until attributes are first recorded' }),
    lastHeldAt: z.string().nullable(),
    freshnessDays: z.number().int().nullable().meta({ description: 'Days since the last held interaction' }),
    stale: z.boolean(),
    staleAfterDays: z.number().int(),
    coverage: z.array(CoverageSchema),
    links: z.array(
      z.object({ ...linkFields, version: z.number().int(), other: z.object({ id: z.uuid(), fullName: z.string() }) }),
    ),
  })
  .meta({ id: 'Stakeholder' });

export const OrgChartSchema = z
  .object({
    account: z.object({ id: z.uuid(), name: z.string() }),
    staleAfterDays: z.number().int(),
    people: z.array(
      z.object({
        id: z.uuid(),
        fullName: z.string(),
        title: z.string().nullable(),
        department: z.string().nullable(),
        reportsToId: z.uuid().nullable(),
        version: z.number().int().meta({ description: 'The contact’s version, for If-Match on PATCH /contacts/{id}' }),
        ...attributes,
        lastHeldAt: z.string().nullable(),
        freshnessDays: z.number().int().nullable(),
        stale: z.boolean(),
        hasPlannedInteraction: z.boolean(),
        coverage: z.array(z.object(coverageFields)),
      }),
    ),
    links: z.array(z.object(linkFields)),
    owners: z.array(z.object({ id: z.uuid(), name: z.string().nullable(), initials: z.string() })),
  })
  .meta({ id: 'OrgChart' });

const gapFields = {
  kind: z.enum(gapKinds),
  contactId: z.uuid().nullable(),
  userId: z.uuid().nullable(),
  coverageId: z.uuid().nullable(),
  days: z.number().int().nullable(),
  contact: z.object({ id: z.uuid(), fullName: z.string(), title: z.string().nullable() }).nullable(),
  user: z.object({ id: z.uuid(), name: z.string().nullable() }).nullable(),
};

export const StrengthSchema = z
  .object({
    score: z.number().int(),
    basis: z.enum(['key_players', 'all_contacts']),
    factors: z.array(
      z.object({
        factor: z.enum(strengthFactors),
        weight: z.number().int(),
        value: z.number(),
        points: z.number().int(),
        count: z.number().int(),
        of: z.number().int(),
      }),
    ),
  })
  .meta({ id: 'RelationshipStrength' });

export const RelationshipSummarySchema = z
  .object({
    accountId: z.uuid(),
    staleAfterDays: z.number().int(),
    strength: StrengthSchema,
    gaps: z.array(z.object(gapFields)),
    stakeholders: z.object({ total: z.number().int(), keyPlayers: z.number().int(), covered: z.number().int() }),
  })
  .meta({ id: 'RelationshipSummary' });

export const GapPageSchema = z
  .object({
    items: z.array(
      z.object({
        ...gapFields,
        account: z.object({
          id: z.uuid(),
          name: z.string(),
          owner: z.object({ id: z.uuid(), name: z.string().nullable() }),
        }),
      }),
    ),
    nextCursor: z.string().nullable(),
    total: z.number().int(),
    counts: z.object(
      Object.fromEntries(gapKinds.map((kind) => [kind, z.number().int()])) as Record<
        (typeof gapKinds)[number],
        z.ZodNumber
      >,
    ),
  })
  .meta({ id: 'RelationshipGapPage' });

export const InteractionSchema = z
  .object({
    id: z.uuid(),
    accountId: z.uuid(),
    kind: z.enum(interactionKinds),
    status: z.enum(interactionStatuses),
    occurredAt: z.string(),
    durationMinutes: z.number().int().nullable(),
    location: z.string().nullable(),
    subject: z.string(),
    summary: z.string().nullable(),
    outcome: z.string().nullable(),
    nextStep: z.string().nullable(),
    nextStepOwnerId: z.uuid().nullable(),
    nextStepDueOn: z.string().nullable(),
    nextStepDone: z.boolean(),
    createdById: z.uuid().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
    version: z.number().int(),
    contacts: z.array(z.object({ id: z.uuid(), fullName: z.string(), title: z.string().nullable() })),
    users: z.array(z.object({ id: z.uuid(), name: z.string().nullable() })),
    nextStepOwner: z.object({ id: z.uuid(), name: z.string().nullable() }).nullable(),
  })
  .meta({ id: 'Interaction' });

export const RelationshipSettingsSchema = z
  .object({ staleAfterDays: z.number().int(), version: z.number().int() })
  .meta({ id: 'RelationshipSettings' });

export const CalendarFeedStatusSchema = z
  .object({ active: z.boolean(), createdAt: z.string().nullable(), lastReadAt: z.string().nullable() })
  .meta({ id: 'CalendarFeedStatus' });

export const CalendarFeedCreatedSchema = z
  .object({
    token: z.string(),
    path: z.string().meta({ description: 'The secret address below this server; shown once' }),
    url: z.string(),
    createdAt: z.string(),
  })
  .meta({ id: 'CalendarFeedCreated' });
