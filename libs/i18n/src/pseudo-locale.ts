/**
 * The pseudo-locale: English with every letter accented and about 40% more length, generated from en, never typed
 * (./pseudo). Its own file, so the browser can know the tag without loading the generator and the ICU parser.
 */
export const PSEUDO_LOCALE = 'en-XA';
