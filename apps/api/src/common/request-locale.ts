import { type Locale, pickLocale } from '@app/i18n';
import type { Request } from 'express';
import type { AuthUser } from '../auth/auth-user';

/** The language to answer a request in: the signed-in person's preference, else Accept-Language, else English. */
export function requestLocale(req: Request | undefined): Locale {
  const user = (req as (Request & { user?: AuthUser }) | undefined)?.user;
  return pickLocale(user?.preferredLanguage, req?.headers?.['accept-language']);
}
