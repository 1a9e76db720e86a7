import { readAllPages } from '../../platform/pagination';
import type { UseCaseContext } from '../../platform/use-case';
import { listMembers } from '../workspaces';
import type { ValueMappings } from './formats/fields';

/** Who a file's owner column («Ответственный», "Account Owner") names: a member's id, or nobody known. */
export type OwnerMatcher = (value: string | null) => { userId: string } | { unknown: string } | undefined;

/** A name compared without case, `ё`, punctuation or word order: «Петров Иван» is "Иван Петров". */
function nameKey(name: string): string {
  return name
    .toLowerCase()
    .replace(/ё/g, 'е')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .sort()
    .join(' ');
}

/**
 * Matches an owner written in a file to a member of the workspace: the user's choice for that
 * value first, then a member's e-mail, then a member's name (words in any order). CRMs write a
 * person's name (Bitrix24, amoCRM, HubSpot, Dynamics) or e-mail; Salesforce's `OwnerId` is its
 * own user id, which only the user's choice can match. An empty value names nobody (`undefined`).
 */
export async function ownerMatcher(ctx: UseCaseContext, valueMappings: ValueMappings): Promise<OwnerMatcher> {
  const members = await readAllPages(
    (cursor) => listMembers(ctx, { limit: 100, cursor, sort: 'name' }),
    Number.POSITIVE_INFINITY,
  );
  const byEmail = new Map(members.map((member) => [member.email.toLowerCase(), member.userId]));
  const byName = new Map<string, string>();
  for (const member of members) {
    const key = nameKey(member.name);
    if (key && !byName.has(key)) byName.set(key, member.userId);
  }
  const memberIds = new Set(members.map((member) => member.userId));
  const chosen = valueMappings.owner ?? {};
  return (value) => {
    const written = value?.trim();
    if (!written) return undefined;
    const choice = chosen[written];
    // NOTE: a chosen member who has left since is unknown again, never a stranger as owner.
    if (choice) return memberIds.has(choice) ? { userId: choice } : { unknown: written };
    const userId = byEmail.get(written.toLowerCase()) ?? byName.get(nameKey(written));
    return userId ? { userId } : { unknown: written };
  };
}

/** Owners no member matches, in the order the file first names them: the ones the user maps by hand. */
export function unknownOwners(match: OwnerMatcher, values: Iterable<string | null>): string[] {
  const unknown = new Set<string>();
  for (const value of values) {
    const result = match(value);
    if (result && 'unknown' in result) unknown.add(result.unknown);
  }
  return [...unknown];
}
