/** `?contact=<id>` opens a contact over the page; `?q=` searches the page's contacts. */
export type ContactSearch = { contact?: string; q?: string };

export function parseContactSearch(search: Record<string, unknown>): ContactSearch {
  const result: ContactSearch = {};
  if (typeof search.contact === 'string' && search.contact) result.contact = search.contact;
  if (typeof search.q === 'string' && search.q.trim()) result.q = search.q.trim();
  return result;
}
