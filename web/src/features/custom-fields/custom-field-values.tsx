import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../i18n';
import { useFormat } from '../../shared/use-format';
import type { CustomField } from './custom-fields-api';
import { formatCustomValue, labelOf } from './custom-values';

export type LabelledValue = { label: string; value: string };

/** The custom values of a record as label–text pairs in the UI language, only the filled ones. */
export function useCustomFieldValues(
  definitions: readonly CustomField[],
  stored: Record<string, unknown>,
): LabelledValue[] {
  const { t } = useTranslation();
  const format = useFormat();
  const language = currentLanguage();
  const words = { yes: t('common.yes'), no: t('common.no'), formatDate: format.calendarDate };
  return definitions
    .map((definition) => ({
      label: labelOf(definition, language),
      value: formatCustomValue(definition, stored[definition.key], language, words),
    }))
    .filter((entry) => entry.value !== '');
}
