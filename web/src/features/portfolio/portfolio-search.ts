import { z } from 'zod';
import { accountStatuses } from '../../api/shared';

export const portfolioTabs = ['map', 'reviews', 'approvals'] as const;
export type PortfolioTab = (typeof portfolioTabs)[number];

const list = <T extends z.ZodType>(item: T) => z.array(item).min(1).optional().catch(undefined);

const portfolioSearchSchema = z.object({
  tab: z.enum(portfolioTabs).optional().catch(undefined),
  owner: list(z.string()),
  industry: list(z.string()),
  status: list(z.enum(accountStatuses)),
  keyOnly: z.boolean().optional().catch(undefined),
  color: z.enum(['quadrant', 'owner']).optional().catch(undefined),
  size: z.string().max(150).optional().catch(undefined),
  /** Review compared: arrows on the matrix, moves in the reviews tab; `to` absent means today. */
  from: z.string().optional().catch(undefined),
  to: z.string().optional().catch(undefined),
});

/** The portfolio page's tab, filters, colouring, sizing and compared reviews: in the URL, so a view can be shared. */
export type PortfolioSearch = z.infer<typeof portfolioSearchSchema>;

export function parsePortfolioSearch(search: Record<string, unknown>): PortfolioSearch {
  return portfolioSearchSchema.parse(search);
}

export function hasPortfolioFilters(search: PortfolioSearch): boolean {
  return Boolean(search.owner || search.industry || search.status || search.keyOnly);
}
