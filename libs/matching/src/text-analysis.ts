import { eng, fra, rus, spa } from 'stopword';
import { newStemmer, type Stemmer } from 'snowball-stemmers';

// How a text becomes index terms: language by text, stop words from the `stopword` lists, and the Snowball
// stemmers (English, French, Spanish, Russian). Requests and offers arrive in English, French, Spanish, Russian
// and Mongolian, often mixed (a Russian request naming "BSL-3"), so the language is decided per script: Latin
// words take the text's Latin language (the one whose stop words it uses most, English on a tie), Cyrillic words
// Russian unless the text writes the Mongolian letters ө or ү. Mongolian has no Snowball stemmer; its words are
// kept as written. Latin stems lose their accents after stemming, so "contrôle" and "control" meet.

export type LatinLanguage = 'en' | 'fr' | 'es';
export type CyrillicLanguage = 'ru' | 'mn';

export interface TextLanguages {
  latin: LatinLanguage;
  cyrillic: CyrillicLanguage;
}

// Per Latin stop word, the languages whose lists hold it as bits (1 English, 2 French, 4 Spanish): detection
// looks each word up once instead of once per language.
const LATIN_STOP_BITS = new Map<string, number>();
for (const [bit, words] of [
  [1, eng],
  [2, fra],
  [4, spa],
] as const) {
  for (const word of words) LATIN_STOP_BITS.set(word, (LATIN_STOP_BITS.get(word) ?? 0) | bit);
}

// Words that say nothing about what a request or an offer is about, whatever its language: they are in every
// request ("assistance", "support") or are editorial. Kept short and tied to this product.
const DOMAIN_STOP_WORDS = ['etc', 'including', 'per', 'via', 'may', 'shall', 'must', 'also'];

/** Every stop word the analyser drops, in any language: Latin tokens against these, Cyrillic against Russian. */
export const STOP_WORDS: ReadonlySet<string> = new Set([...eng, ...fra, ...spa, ...rus, ...DOMAIN_STOP_WORDS]);

const CYRILLIC = /[\u0400-\u04ff]/;
const MONGOLIAN_LETTERS = /[өүӨҮ]/;
const DIGITS = /^\p{N}+$/u;

/** A lower-case Latin letter as stop words are written: [a-zà-öø-ÿ]. */
function isLatinLetter(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 0xe0 && c <= 0xf6) || (c >= 0xf8 && c <= 0xff);
}

/** The languages a text's words are read in (see the header). */
export function detectLanguages(text: string): TextLanguages {
  const cyrillic: CyrillicLanguage = MONGOLIAN_LETTERS.test(text) ? 'mn' : 'ru';
  const hits: Record<LatinLanguage, number> = { en: 0, fr: 0, es: 0 };
  // Runs of Latin letters, found by a loop over code units rather than a regular expression's match array: this
  // runs on every request read (docs/performance.md, Matching).
  const lower = text.toLowerCase();
  const n = lower.length;
  let start = -1;
  for (let i = 0; i <= n; i++) {
    if (i < n && isLatinLetter(lower.charCodeAt(i))) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      const bits = LATIN_STOP_BITS.get(lower.slice(start, i)) ?? 0;
      if (bits & 1) hits.en++;
      if (bits & 2) hits.fr++;
      if (bits & 4) hits.es++;
      start = -1;
    }
  }
  const latin: LatinLanguage = hits.fr > hits.en && hits.fr >= hits.es ? 'fr' : hits.es > hits.en && hits.es > hits.fr ? 'es' : 'en';
  return { latin, cyrillic };
}

const SNOWBALL = { en: 'english', fr: 'french', es: 'spanish', ru: 'russian' } as const;
const stemmers = new Map<string, Stemmer>();

function stemmer(language: keyof typeof SNOWBALL): Stemmer {
  let s = stemmers.get(language);
  if (!s) {
    s = newStemmer(SNOWBALL[language]);
    stemmers.set(language, s);
  }
  return s;
}

const MARKS = /\p{M}/gu;

/** A lower-case word's stem in its script's language: "controls", "contrôles", "controles" → "control". */
export function stem(word: string, languages: TextLanguages = { latin: 'en', cyrillic: 'ru' }): string {
  if (DIGITS.test(word)) return word;
  if (CYRILLIC.test(word)) return languages.cyrillic === 'mn' ? word : stemmer('ru').stem(word);
  const stemmed = stemmer(languages.latin).stem(word);
  return /[^ -~]/.test(stemmed) ? stemmed.normalize('NFD').replace(MARKS, '').normalize('NFC') : stemmed;
}

// Raw word → term, or null for a dropped one, per language pair. Words repeat heavily across documents; each cache
// is cleared when it grows past its bound, so memory stays flat on any corpus.
const caches = new Map<string, Map<string, string | null>>();
const CACHE_LIMIT = 100_000;

/** The term function for a text's languages: null for single letters and stop words, else the stem. */
export function termReader(languages: TextLanguages): (word: string) => string | null {
  const key = `${languages.latin}-${languages.cyrillic}`;
  let cache = caches.get(key);
  if (!cache) {
    cache = new Map();
    caches.set(key, cache);
  }
  const known = cache;
  return (word) => {
    let t = known.get(word);
    if (t === undefined) {
      t = (word.length < 2 && !DIGITS.test(word)) || STOP_WORDS.has(word) ? null : stem(word, languages);
      if (known.size >= CACHE_LIMIT) known.clear();
      known.set(word, t);
    }
    return t;
  };
}
