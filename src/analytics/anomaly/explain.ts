import type { AnomalyFinding, FindingKind } from './types';

export type ExplanationLocale = 'en' | 'ru';

const kindNames: Record<ExplanationLocale, Record<FindingKind, string>> = {
  en: {
    spike: 'Spike',
    dip: 'Dip',
    level_shift: 'Level shift',
    trend_change: 'Trend change',
    missing_data: 'Missing data',
  },
  ru: {
    spike: 'Всплеск',
    dip: 'Провал',
    level_shift: 'Сдвиг уровня',
    trend_change: 'Смена тренда',
    missing_data: 'Пропуск данных',
  },
};

function formatNumber(value: number, locale: ExplanationLocale): string {
  const magnitude = Math.abs(value);
  const digits = magnitude >= 1000 ? 0 : magnitude >= 10 ? 1 : magnitude >= 1 ? 2 : 3;
  return new Intl.NumberFormat(locale === 'ru' ? 'ru-RU' : 'en-US', {
    maximumFractionDigits: digits,
    minimumFractionDigits: 0,
  }).format(value);
}

/** A UTC date, with the time when it is not midnight: 2024-03-05 or 2024-03-05 14:30 UTC. */
function formatTime(time: number): string {
  const iso = new Date(time).toISOString();
  const date = iso.slice(0, 10);
  const clock = iso.slice(11, 16);
  return clock === '00:00' ? date : `${date} ${clock} UTC`;
}

/** One sentence that explains a finding, in Russian or English, from its kind and numbers. */
export function explainFinding(finding: AnomalyFinding, locale: ExplanationLocale): string {
  const name = kindNames[locale][finding.kind];
  const observed = formatNumber(finding.observed, locale);
  const low = formatNumber(finding.expectedLow, locale);
  const high = formatNumber(finding.expectedHigh, locale);
  const since = formatTime(finding.since);
  const score = Math.round(finding.score * 100);
  const above = finding.observed > finding.expectedHigh;
  const below = finding.observed < finding.expectedLow;
  if (locale === 'ru') {
    if (finding.kind === 'missing_data') {
      return `${name}: нет ${finding.missingPoints} ожидаемых точек начиная с ${since}; следующее значение ${observed} (ожидалось ${low}–${high}).`;
    }
    const position = above
      ? 'выше ожидаемого диапазона'
      : below
        ? 'ниже ожидаемого диапазона'
        : 'на краю ожидаемого диапазона';
    return `${name}: значение ${observed} ${position} ${low}–${high} с ${since} (оценка ${score}%).`;
  }
  if (finding.kind === 'missing_data') {
    return `${name}: ${finding.missingPoints} expected points missing since ${since}; the next value is ${observed} (expected ${low}–${high}).`;
  }
  const position = above
    ? 'above the expected range'
    : below
      ? 'below the expected range'
      : 'at the edge of the expected range';
  return `${name}: the value ${observed} is ${position} ${low}–${high} since ${since} (score ${score}%).`;
}
