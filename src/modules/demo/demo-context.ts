import type { Role } from '../../platform/auth/permissions';
import type { Executor } from '../../platform/db/client';
import type { AccountStatus } from '../accounts';
import type { CustomFieldType } from '../custom-fields';
import type { Workspace } from '../workspaces';
import type { PersonName } from './people';
import type { DemoRandom, RandomStreams } from './random';
import type { IndustryWords, RegionWords, Vocabulary } from './vocabulary';

export type DemoOptions = {
  adminUserId: string;
  scale: number;
  locale: 'ru' | 'en';
  seed: number;
  now: Date;
  /** Password of the generated members; by default a random one nobody knows, so they cannot sign in. */
  memberPassword?: string | undefined;
};

export type DemoUser = { id: string; name: string; role: Role };

export type CompanySize = 'large' | 'medium' | 'small';

/** What later steps need to know about a generated account. */
export type DemoAccount = {
  id: string;
  name: string;
  status: AccountStatus;
  ownerId: string;
  parentId: string | null;
  industry: IndustryWords;
  region: RegionWords;
  size: CompanySize;
  /** Yearly purchasing budget in the workspace currency's units: the account's potential. */
  budget: number;
  currency: string;
  /** Where its people's work mailboxes are; none for a sole trader. */
  emailDomain: string | null;
  /** The entrepreneur, when the account is a sole trader (ИП). */
  soleTrader: PersonName | null;
  createdAt: Date;
};

export type DemoContact = {
  id: string;
  accountId: string;
  reportsToId: string | null;
  /** 0 the head of the company, 1 a director, 2 a head of unit, 3 staff. */
  level: number;
  department: string | null;
  createdAt: Date;
};

/** A custom field the demo defines, with how to fill it for one record. */
export type DemoField<Subject> = {
  key: string;
  labelEn: string;
  labelRu: string;
  type: CustomFieldType;
  options: { value: string; labelEn: string; labelRu: string }[];
  /** The value for this record, or `undefined` to leave the field empty. */
  valueFor(subject: Subject, random: DemoRandom): unknown;
};

/** A contact as the custom fields see it while it is being made. */
export type ContactDraft = { level: number; hasMessenger: boolean; createdAt: Date };

/**
 * What the steps share: the transaction, the seeded streams, the words of the language and what
 * earlier steps created. A new capability's step reads what it needs here and adds its own list.
 */
export type DemoContext = {
  db: Executor;
  options: DemoOptions;
  now: Date;
  workspace: Workspace;
  vocabulary: Vocabulary;
  random: RandomStreams;
  users: DemoUser[];
  customFields: { account: DemoField<DemoAccount>[]; contact: DemoField<ContactDraft>[] };
  accounts: DemoAccount[];
  /** Our people on each account's team besides the owner, by account id. */
  accountTeams: Map<string, string[]>;
  contacts: DemoContact[];
};

/**
 * One part of the demo data. Steps run in order; each gets its own random stream (named after
 * the step), so adding a step leaves the data of the others unchanged.
 */
export type DemoStep = {
  name: string;
  run(ctx: DemoContext, random: DemoRandom): Promise<void>;
};

/** The custom values of one record: every field that has a value for it. */
export function customValuesFor<Subject>(
  fields: readonly DemoField<Subject>[],
  subject: Subject,
  random: DemoRandom,
): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const field of fields) {
    const value = field.valueFor(subject, random);
    if (value !== undefined) values[field.key] = value;
  }
  return values;
}

const dayMs = 24 * 60 * 60 * 1000;

export function daysBefore(date: Date, days: number): Date {
  return new Date(date.getTime() - days * dayMs);
}

export function daysAfter(date: Date, days: number): Date {
  return new Date(date.getTime() + days * dayMs);
}

/** A date as `YYYY-MM-DD` (the form of date custom fields). */
export function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}
