import type { Locale } from '../../platform/i18n/locale';
import { message, translate } from '../../platform/i18n/text';
import type { PlanDetail } from './get-plan';
import { reasonTexts } from './messages';

/** A plan as the API answers it: each completeness reason also as a sentence in the reader's language. */
export function describePlan(plan: PlanDetail, locale: Locale) {
  return {
    ...plan,
    completeness: {
      ...plan.completeness,
      reasons: plan.completeness.reasons.map((reason) => ({
        ...reason,
        text: translate(
          locale,
          message(reasonTexts[reason.kind], { subject: reason.subject, dueOn: reason.dueOn ?? '' }),
        ),
      })),
    },
  };
}
