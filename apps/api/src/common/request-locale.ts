import { type AnswerLanguage, type Locale, pickAnswerLanguage, pickLocale } from '@app/i18n';
import type { Request } from 'express';
import type { AuthUser } from '../auth/auth-user';

/** The language to answer a request in: the signed-in person's preference, else Accept-Language, else English. */
export function requestLocale(req: Request | undefined): Locale {
  const user = (req as (Request & { user?: AuthUser }) | undefined)?.user;
  return pickLocale(user?.preferredLanguage, req?.headers?.['accept-language']);
}

/** The language to word an answer in, the checks' pseudo-locale included (docs/i18n.md): the taxonomy's labels. */
export function requestAnswerLanguage(req: Request | undefined): AnswerLanguage {
  const user = (req as (Request & { user?: AuthUser }) | undefined)?.user;
  return pickAnswerLanguage(user?.preferredLanguage, req?.headers?.['accept-language']);
}
