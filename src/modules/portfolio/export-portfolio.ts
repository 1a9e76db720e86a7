import { stringify } from 'csv-stringify/sync';
import type { Locale } from '../../platform/i18n/locale';
import { message, translate } from '../../platform/i18n/text';
import type { UseCaseContext } from '../../platform/use-case';
import { getPortfolio } from './get-portfolio';
import { accountStatusNames, exportMessages as m, quadrantNames } from './messages';
import type { FactRegistry } from './model-versions';
import type { PortfolioFilters } from './schemas';

/** A text cell a spreadsheet would run as a formula (`=`, `+`, `-`, `@`) is kept as text. */
function textCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/**
 * The portfolio as CSV in the reader's language: one row per account with its scores, quadrant
 * and missing criteria. UTF-8 with a byte-order mark, so spreadsheet programs read Cyrillic.
 */
export async function exportPortfolio(
  ctx: UseCaseContext,
  registry: FactRegistry,
  filters: PortfolioFilters,
  locale: Locale,
): Promise<string> {
  const portfolio = await getPortfolio(ctx, registry, filters);
  const say = (text: Parameters<typeof message>[0]) => translate(locale, message(text));
  const owners = new Map(portfolio.owners.map((owner) => [owner.id, owner.name]));
  const criteria = [...portfolio.model.definition.attractiveness, ...portfolio.model.definition.strength];
  const labels = new Map(criteria.map((criterion) => [criterion.key, criterion.label[locale]]));
  const header = [
    m.name,
    m.owner,
    m.status,
    m.industry,
    m.attractiveness,
    m.strength,
    m.quadrant,
    m.complete,
    m.missing,
  ]
    .map(say)
    .concat(portfolio.size ? [`${say(m.size)} (${portfolio.size})`] : []);
  const collator = new Intl.Collator(locale);
  const sorted = [...portfolio.items].sort((a, b) => collator.compare(a.name, b.name));
  const rows = sorted.map((row) => [
    textCell(row.name),
    textCell(owners.get(row.ownerId) ?? ''),
    say(accountStatusNames[row.status]),
    textCell(row.industry ?? ''),
    row.attractiveness ?? '',
    row.strength ?? '',
    row.quadrant ? say(quadrantNames[row.quadrant]) : '',
    say(row.complete ? m.yes : m.no),
    row.missing.map((key) => labels.get(key) ?? key).join('; '),
    ...(portfolio.size ? [row.size ?? ''] : []),
  ]);
  return `\uFEFF${stringify([header, ...rows])}`;
}
