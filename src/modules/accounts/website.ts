/** A website as typed (`romashka.ru`, `https://www.romashka.ru/about`) made into an absolute URL. */
export function normalizeWebsite(input: string): string | undefined {
  const trimmed = input.trim();
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`;
  try {
    const url = new URL(withScheme);
    if ((url.protocol !== 'http:' && url.protocol !== 'https:') || !url.hostname.includes('.')) return undefined;
    return url.toString().replace(/\/$/, '');
  } catch {
    return undefined;
  }
}

/** The domain of a website, lower-case and without `www.`: what people search by. */
export function domainOf(website: string): string {
  return new URL(website).hostname.toLowerCase().replace(/^www\./, '');
}
