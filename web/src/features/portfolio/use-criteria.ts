import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Criterion } from '../../api/shared';
import { currentLanguage } from '../../i18n';
import { portfolioModelQuery } from './portfolio-api';

/** The current model's criteria by key, with their label in the UI language. */
export function useCriteria(): { byKey: Map<string, Criterion>; label: (key: string) => string } {
  useTranslation();
  const model = useQuery(portfolioModelQuery).data;
  const language = currentLanguage();
  return useMemo(() => {
    const byKey = new Map<string, Criterion>(
      [...(model?.attractiveness ?? []), ...(model?.strength ?? [])].map((criterion) => [criterion.key, criterion]),
    );
    return { byKey, label: (key: string) => byKey.get(key)?.label[language] ?? key };
  }, [model, language]);
}
