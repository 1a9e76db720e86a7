/** How dates in a file are written, when they are not ISO: day first (26.11.2026) or month first (2/24/2003). */
export type DateOrder = 'day-first' | 'month-first';

/** Numbers as written in Russian and English files: `1 234,56`, `1,234.56`, `1234.5`, `-1E02`. */
export function parseNumber(raw: string): number | undefined {
  const text = raw.trim().replace(/[\s\u00a0\u202f']/g, '');
  if (text === '') return undefined;
  let normalized = text;
  const lastComma = text.lastIndexOf(',');
  const lastDot = text.lastIndexOf('.');
  if (lastComma >= 0 && lastDot >= 0) {
    // NOTE: whichever separator comes last is the decimal one; the other groups thousands.
    normalized = lastComma > lastDot ? text.replace(/\./g, '').replace(',', '.') : text.replace(/,/g, '');
  } else if (lastComma >= 0) {
    const groups = text.split(',');
    const thousands = groups.length > 2 || (groups[1]?.length === 3 && !/^-?0$/.test(groups[0] ?? ''));
    normalized = thousands && groups.length > 2 ? groups.join('') : text.replace(',', '.');
  }
  if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(normalized)) return undefined;
  const value = Number(normalized);
  return Number.isFinite(value) ? value : undefined;
}

const truthy = new Set(['true', 'yes', 'y', '1', 'да', 'д', 'истина', 'on']);
const falsy = new Set(['false', 'no', 'n', '0', 'нет', 'н', 'ложь', 'off']);

/** `TRUE/FALSE`, `Да/Нет`, `1/0`. */
export function parseBoolean(raw: string): boolean | undefined {
  const text = raw.trim().toLowerCase();
  if (truthy.has(text)) return true;
  if (falsy.has(text)) return false;
  return undefined;
}

function validDate(year: number, month: number, day: number, time: number[] = []): Date | undefined {
  const [hours = 0, minutes = 0, seconds = 0] = time;
  const date = new Date(Date.UTC(year, month - 1, day, hours, minutes, seconds));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
    ? date
    : undefined;
}

/**
 * Dates and times: ISO (`2020-12-22T21:16:01Z`, `…+0000`), `26.11.2026`, `2/24/2003`, with an
 * optional `HH:MM[:SS]`. Local times without a zone are taken as UTC.
 */
export function parseDate(raw: string, order: DateOrder = 'day-first'): Date | undefined {
  const text = raw.trim();
  if (text === '') return undefined;
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?)?$/i.exec(
    text,
  );
  if (iso) {
    const [, year, month, day, hours, minutes, seconds, zone] = iso;
    const local = validDate(Number(year), Number(month), Number(day), [
      Number(hours ?? 0),
      Number(minutes ?? 0),
      Number(seconds ?? 0),
    ]);
    if (!local || !zone || zone.toUpperCase() === 'Z') return local;
    const sign = zone.startsWith('-') ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    const offsetMinutes = sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2)));
    return new Date(local.getTime() - offsetMinutes * 60_000);
  }
  const local = /^(\d{1,2})[./-](\d{1,2})[./-](\d{4})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(text);
  if (!local) return undefined;
  const [, first, second, year, hours, minutes, seconds] = local;
  const a = Number(first);
  const b = Number(second);
  const dayFirst = text.includes('.') || a > 12 ? true : b > 12 ? false : order === 'day-first';
  const [day, month] = dayFirst ? [a, b] : [b, a];
  return validDate(Number(year), month, day, [Number(hours ?? 0), Number(minutes ?? 0), Number(seconds ?? 0)]);
}

/**
 * Guesses how a file writes its slashed dates from sample values: a first part above 12 means day
 * first, a second part above 12 month first; dotted dates are always day first.
 */
export function detectDateOrder(samples: string[]): DateOrder {
  for (const sample of samples) {
    const match = /^(\d{1,2})([./-])(\d{1,2})[./-]\d{4}/.exec(sample.trim());
    if (!match) continue;
    if (match[2] === '.') return 'day-first';
    if (Number(match[1]) > 12) return 'day-first';
    if (Number(match[3]) > 12) return 'month-first';
  }
  return 'day-first';
}

/** Splits a cell holding several values (Bitrix24 joins them with `, `). */
export function splitMultiValue(raw: string): string[] {
  return raw
    .split(/[,;\n]\s*/)
    .map((part) => part.trim())
    .filter((part) => part !== '');
}
