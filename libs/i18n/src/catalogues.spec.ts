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
    if (found.join() !== wanted.join())
      problems.push(`${key}: placeholders ${found.join(' ') || '(none)'}, English has ${wanted.join(' ') || '(none)'}`);
    if (!own.trim() && message.trim()) problems.push(`${key}: empty`);
  }
  for (const key of other.keys()) if (!english.has(key)) problems.push(`${key}: not in English`);
  return problems;
};

// Arabic writes Western digits (docs/glossary.md, "Digits"; intlLocale('ar') is ar-u-nu-latn), so a figure in a
// message and one Intl formats look alike: no Arabic-Indic digit, and a figure written outside a placeholder is one
// English writes too (a resolution's number, a code, an example, a scale such as "of 5"), never one typed anew.
const ARABIC_INDIC = /[\u0660-\u0669\u06f0-\u06f9]/;
const figuresOf = (message: string) =>
  new Set(message.replace(/\{\w+(?:,\s*(?:number|date|time)[^{}]*)?\}/g, '').match(/[0-9]+/g) ?? []);
const figureProblems = (english: Map<string, string>, arabic: Map<string, string>): string[] =>
  [...arabic].flatMap(([key, message]) => {
    if (ARABIC_INDIC.test(message)) return [`${key}: Arabic-Indic digits`];
    const own = figuresOf(english.get(key) ?? '');
    const extra = [...figuresOf(message)].filter((figure) => !own.has(figure));
    return extra.length ? [`${key}: ${extra.join(', ')} not written in English`] : [];
  });

describe('Arabic figures', () => {
  it('spots Arabic-Indic digits and figures English does not write (so the check can fail)', () => {
    const english = new Map([
      ['a', 'within {days, number} days of resolution 1540'],
      ['b', 'after 5 working days'],
      ['c', '{count} items'],
    ]);
    const arabic = new Map([
      ['a', 'خلال {days, number} يومًا من القرار 1540'],
      ['b', 'بعد ٥ أيام عمل'],
      ['c', '{count} بنود، 3'],
    ]);
    expect(figureProblems(english, arabic)).toEqual(['b: Arabic-Indic digits', 'c: 3 not written in English']);
  });
});

describe.each(Object.entries(FOLDERS))('the %s catalogues', (_, folder) => {
  const english = flatten(read(folder, 'en')!);

  it('ar writes figures as English does: Western digits, none typed anew', () => {
    expect(figureProblems(english, flatten(read(folder, 'ar')!))).toEqual([]);
  });

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
