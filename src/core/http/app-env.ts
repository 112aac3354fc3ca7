import type { Actor } from '../auth/principal.ts';
import type { Config } from '../config.ts';
import type { Database } from '../db/database.ts';
import type { Locale } from '../i18n/locale.ts';
import type { Logger } from '../logger.ts';

/** What every route handler can reach: passed explicitly, no container. */
export interface AppDeps {
  database: Database;
  config: Config;
  logger: Logger;
  version: string;
}

export interface AppEnv {
  Variables: {
    requestId: string;
    locale: Locale;
    actor: Actor | undefined;
    /** The raw session token when the caller authenticated with the cookie. */
    sessionToken: string | undefined;
  };
}
