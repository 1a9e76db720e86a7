const dayMs = 24 * 60 * 60 * 1000;

/**
 * Whole days since the last held interaction (0 on the same day), or null when there was none.
 * A time after `now` (a clock skew, never a planned meeting) counts as today.
 */
export function freshnessDays(lastHeldAt: Date | null, now: Date): number | null {
  if (!lastHeldAt) return null;
  return Math.max(0, Math.floor((now.getTime() - lastHeldAt.getTime()) / dayMs));
}

/** The time of the latest held interaction not after `now`, from a person's interactions. */
export function lastHeldAt(
  interactions: readonly { status: 'planned' | 'held'; occurredAt: Date }[],
  now: Date,
): Date | null {
  let latest: Date | null = null;
  for (const interaction of interactions) {
    if (interaction.status !== 'held' || interaction.occurredAt.getTime() > now.getTime()) continue;
    if (!latest || interaction.occurredAt.getTime() > latest.getTime()) latest = interaction.occurredAt;
  }
  return latest;
}

/** Not contacted for more than `staleAfterDays`, or never. */
export function isStale(days: number | null, staleAfterDays: number): boolean {
  return days === null || days > staleAfterDays;
}
