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
    if (statSync(path).isDirectory()) return name === 'node_modules' || name === 'locales' ? [] : sourceFiles(path);
    return path.endsWith('.ts') && !path.endsWith('.spec.ts') ? [path] : [];
  });
}

const code = SOURCES.flatMap((dir) => sourceFiles(join(ROOT, dir))).map((file) => readFileSync(file, 'utf8'));
const found = (pattern: RegExp) => code.flatMap((text) => [...text.matchAll(pattern)].map((m) => m[1]));

const keys = new Set<string>([
  ...found(/localizedError\(\s*'[a-z_]+',\s*'([\w.-]+)'/g),
  ...found(/localizedIssue\(\s*'[^']+',\s*'([\w.-]+)'/g),
  ...found(/\{ key: '(errors\.[\w.-]+)'/g),
  ...found(/'(errors\.(?:document|request|subjects)\.\w+)'/g),
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
  });

  it.each(LOCALES)('%s has its own words for every error key', (locale) => {
    expect([...keys].filter((key) => !hasOwnMessage(locale, key))).toEqual([]);
  });
});
