import type { TFunction } from 'i18next';
import type { Gap } from './relationships-api';

/** One line saying what a gap is about, with the people concerned. */
export function describeGap(t: TFunction, gap: Gap): string {
  const person = gap.contact?.fullName ?? '';
  const user = gap.user?.name ?? t('relationships.formerMember');
  const since =
    gap.days === null ? t('relationships.neverContacted') : t('relationships.lastContact', { count: gap.days });
  return t(`relationships.gapText.${gap.kind}`, { person, user, since });
}
