import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { DOCUMENT_PARENT_TYPES } from '@app/contracts';
import { hasOwnMessage, LOCALES } from '@app/i18n';
import { notFoundKey, subjectKey } from './domain-error';

// Every catalogue key an error is built from, found in the server's code, has its own words in every locale: a
// key missing from one locale would answer that reader in English (or show the key itself).
const ROOT = join(__dirname, '../../..');
const SOURCES = ['apps/api/src', 'apps/worker/src', 'libs'];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return ['node_modules', 'locales', 'dist'].includes(name) ? [] : sourceFiles(path);
    return /\.tsx?$/.test(path) && !/\.spec\.tsx?$/.test(path) ? [path] : [];
  });
}

const code = SOURCES.flatMap((dir) => sourceFiles(join(ROOT, dir))).map((file) => readFileSync(file, 'utf8'));
const found = (pattern: RegExp) => code.flatMap((text) => [...text.matchAll(pattern)].map((m) => m[1]));

const keys = new Set<string>([
  ...found(/localizedError\(\s*'[a-z_]+',\s*'([\w.-]+)'/g),
  ...found(/(?:localizedIssue|invalidFieldIn)\(\s*(?:'[^']+'|`[^`]+`|\w+),\s*'([\w.-]+)'/g),
  ...found(/\{ key: '(errors\.[\w.-]+)'/g),
  // Keys named in tables and helpers (`'errors.import.records.users'`, `issue(…, 'errors.import.namesNo')`).
  ...found(/'(errors\.(?:document|request|subjects|actionPlan|engagement|contact|weights|import|idempotency)\.[\w.]+)'/g),
  ...found(/notFound\('([^']+)'\)/g).map((what) => `errors.notFound.${notFoundKey(what)}`),
  // Built from a variable: the objection's three wordings, and the record types workflows and documents name.
  ...['objectedInApp', 'objectedByLetter', 'objectedByLetterOf'].map((k) => `errors.request.${k}`),
  ...['request', 'offer', 'match', 'action plan', 'action plan item', 'engagement', 'follow-up action', 'contact list', ...DOCUMENT_PARENT_TYPES].map(subjectKey),
]);

describe('error messages in the catalogues', () => {
  it('finds the keys the code uses (so this test can fail)', () => {
    expect(keys.size).toBeGreaterThan(60);
    expect(keys).toContain('errors.workflow.stale');
    expect(keys).toContain('errors.notFound.ActionPlanItem');
    expect(keys).toContain('errors.subjects.actionPlanItem');
    expect(keys).toContain('errors.weights.allZero');
    expect(keys).toContain('errors.import.records.actionPlanItems');
    expect(keys).toContain('errors.engagement.notAnItemOfPlan');
  });

  it.each(LOCALES)('%s has its own words for every error key', (locale) => {
    expect([...keys].filter((key) => !hasOwnMessage(locale, key))).toEqual([]);
  });
});

// A DomainError built from an English sentence answers every reader in English: services throw `localizedError`,
// `localizedIssue` or `notFound`, whose words come from the catalogues. Only domain-error.ts builds one itself.
const ALL_CODE = ['apps', 'libs'];
const ENGLISH_MESSAGE = /new DomainError\(\s*[^,()]+,\s*(['"`])/g;

describe('errors users read', () => {
  const files = ALL_CODE.flatMap((dir) => sourceFiles(join(ROOT, dir))).filter((file) => !file.endsWith('domain-error.ts'));

  it('spots a literal message (so the next test can fail)', () => {
    expect("throw new DomainError('forbidden', 'Only the Committee');").toMatch(ENGLISH_MESSAGE);
    expect('new DomainError(\n  code,\n  `You coordinate for ${state}`,\n)').toMatch(ENGLISH_MESSAGE);
    expect("new DomainError('unsupported_media_type', err.message, undefined, { key: err.key })").not.toMatch(ENGLISH_MESSAGE);
    expect(files.length).toBeGreaterThan(100);
  });

  it('come from the catalogues: no DomainError has a literal message', () => {
    const literal = files.flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(ENGLISH_MESSAGE)].map((m) => `${file.slice(ROOT.length + 1)}: ${m[0]}`),
    );
    expect(literal).toEqual([]);
  });
});
