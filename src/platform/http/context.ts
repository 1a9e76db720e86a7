import type { Actor } from '../auth/permissions';
import type { Config } from '../config';
import type { Database } from '../db/client';
import { defaultLocale, type Locale } from '../i18n/locale';
import type { Logger } from '../logger';

/** What the composition root hands to every request. */
export type AppDependencies = {
  db: Database;
  config: Config;
  logger: Logger;
  /** The current time; injected so tests can move it. */
  now: () => Date;
};

/** How the request was authenticated: a browser session (cookie) or an API token (Bearer). */
export type Credential = { kind: 'session'; sessionId: string; csrfToken: string } | { kind: 'token'; tokenId: string };

export type AppEnv = {
  Variables: {
    deps: AppDependencies;
    requestId: string;
    locale: Locale;
    logger: Logger;
    actor: Actor | undefined;
    credential: Credential | undefined;
  };
};

/** The reader's language for what a route writes itself (file headers, documents). */
export function localeOf(c: { get: (key: 'locale') => Locale | undefined }): Locale {
  return c.get('locale') ?? defaultLocale;
}
