import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Catalogue, flatten, placeholdersOf } from './icu';
import { LOCALES } from './locales';

// Every catalogue, web and server, against English: each locale has every key, no other key, and each message
// keeps English's ICU arguments (names and kinds) and parses. A missing locale file fails here by name.
const FOLDERS = {
  web: join(__dirname, '../../../apps/web/src/i18n'),
  server: join(__dirname, 'locales'),
};

const read = (folder: string, locale: string): Catalogue | null => {
  const file = join(folder, `${locale}.json`);
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Catalogue) : null;
};

const problemsOf = (english: Map<string, string>, other: Map<string, string>): string[] => {
  const problems: string[] = [];
  for (const [key, message] of english) {
    const own = other.get(key);
    if (own === undefined) {
      problems.push(`${key}: missing`);
      continue;
    }
    let found: string[];
    try {
      found = placeholdersOf(own);
    } catch (err) {
      problems.push(`${key}: not valid ICU (${(err as Error).message})`);
      continue;
    }
    const wanted = placeholdersOf(message);
    if (found.join() !== wanted.join()) problems.push(`${key}: placeholders ${found.join(' ') || '(none)'}, English has ${wanted.join(' ') || '(none)'}`);
    if (!own.trim() && message.trim()) problems.push(`${key}: empty`);
  }
  for (const key of other.keys()) if (!english.has(key)) problems.push(`${key}: not in English`);
  return problems;
};

describe.each(Object.entries(FOLDERS))('the %s catalogues', (_, folder) => {
  const english = flatten(read(folder, 'en')!);

  it('English parses as ICU MessageFormat', () => {
    const broken = [...english].filter(([, message]) => {
      try {
        placeholdersOf(message);
        return false;
      } catch {
        return true;
      }
    });
    expect(broken).toEqual([]);
  });

  it.each(LOCALES.filter((l) => l !== 'en'))('%s has every English key with the same ICU arguments', (locale) => {
    const catalogue = read(folder, locale);
    if (!catalogue) throw new Error(`${join(folder, `${locale}.json`)} does not exist`);
    expect(problemsOf(english, flatten(catalogue))).toEqual([]);
  });
});

describe('problemsOf', () => {
  it('finds a missing key, a lost placeholder, a changed plural, invalid ICU and an extra key', () => {
    const english = new Map([
      ['a', 'Hello {name}'],
      ['b', '{count, plural, one {# item} other {# items}}'],
      ['c', 'Plain'],
      ['d', 'Also plain'],
      ['e', 'Kept'],
    ]);
    const other = new Map([
      ['a', 'Bonjour'],
      ['b', '{count} éléments'],
      ['c', 'Simple {'],
      ['e', 'Gardé'],
      ['x', 'extra'],
    ]);
    expect(problemsOf(english, other)).toEqual([
      'a: placeholders (none), English has name:argument',
      'b: placeholders count:argument, English has count:plural',
      expect.stringMatching(/^c: not valid ICU/),
      'd: missing',
      'x: not in English',
    ]);
  });
});
