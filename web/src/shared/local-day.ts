/**
 * A calendar day (`YYYY-MM-DD`) as the browser's clock shows it, `days` from today: what a date
 * field offers by default. `toISOString` would give the day in UTC, a day early every evening in
 * Moscow (after 21:00) and a day late west of Greenwich.
 */
export function localDay(days = 0, now = new Date()): string {
  const day = new Date(now.getFullYear(), now.getMonth(), now.getDate() + days);
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${day.getFullYear()}-${pad(day.getMonth() + 1)}-${pad(day.getDate())}`;
}
