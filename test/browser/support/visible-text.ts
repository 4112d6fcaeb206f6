import type { Page } from 'playwright-core';
import { TAXONOMY } from '@app/domain';
import { flatten, formatMessage } from '@app/i18n';
import type { DataSource } from 'typeorm';
import { ApiClient } from '../../support/http';

/** A visible text node of the page, with where it is (a short CSS-ish path) for the failure message. */
export interface ShownText {
  text: string;
  where: string;
}

/**
 * Every visible text node of the page now (scripts, styles and hidden elements left out); with `attributes`, also
 * the words people read or hear that are not text nodes: aria-label, title, placeholder and alt of visible elements.
 */
export function visibleTexts(page: Page, options: { attributes?: boolean } = {}): Promise<ShownText[]> {
  return page.evaluate((withAttributes) => {
    // Runs in the page: the DOM's globals, untyped here (this project compiles without the DOM library).
    const { document, NodeFilter } = globalThis as any;
    const out: { text: string; where: string }[] = [];
    const whereOf = (el: any) =>
      [el.tagName.toLowerCase(), el.className && typeof el.className === 'string' ? `.${el.className.split(' ')[0]}` : ''].join('').slice(0, 60);
    const shown = (el: any) => !el.closest('script, style, noscript, [aria-hidden="true"]') && el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true });
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent?.replace(/\s+/g, ' ').trim();
      const el = node.parentElement;
      if (!text || !el || !shown(el)) continue;
      out.push({ text, where: whereOf(el) });
    }
    if (withAttributes) {
      for (const el of document.body.querySelectorAll('[aria-label], [title], [placeholder], img[alt]')) {
        // A hidden input's box is invisible by design (Mantine's Select keeps its value there); its label is not.
        if (!shown(el)) continue;
        for (const name of ['aria-label', 'title', 'placeholder', 'alt']) {
          const text = el.getAttribute(name)?.replace(/\s+/g, ' ').trim();
          if (text) out.push({ text, where: `${whereOf(el)}[${name}]` });
        }
      }
    }
    return out;
  }, options.attributes ?? false);
}

/** The words of four letters or more of a text, lower-cased: what the locale checks compare. */
export const words = (text: string): string[] => text.toLowerCase().match(/\p{L}{4,}/gu) ?? [];

// Every argument a message may name, as 1 (a select or plural shows its `other` branch).
const ANY_ARGUMENT = new Proxy({}, { get: () => 1, has: () => true });

/**
 * The words a catalogue (a nested JSON of ICU messages) shows in `locale`: each message formatted, and its every
 * branch as written, without the arguments' names ("{title}" is no word the message shows).
 */
export function catalogueWords(catalogue: object, locale: string): string[] {
  return [...flatten(catalogue as Parameters<typeof flatten>[0])].flatMap(([, message]) => {
    const written = words(message.replace(/\{\s*[\w.]+\s*(?:,\s*\w+\s*,?)?/g, ' '));
    try {
      return [...words(formatMessage(message, locale, ANY_ARGUMENT)), ...written];
    } catch {
      return written;
    }
  });
}

/** Labels, buttons and badges whose text does not fit their box (cut off or overflowing). */
export function clippedLabels(page: Page): Promise<ShownText[]> {
  return page.evaluate(() => {
    const { document, getComputedStyle } = globalThis as any;
    const labels: any[] = [...document.querySelectorAll('button, label, [role="tab"], .mantine-Badge-label, .mantine-Button-label, .mantine-NavLink-label')];
    return labels
      .filter((el) => el.checkVisibility() && el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX !== 'auto')
      .map((el) => ({ text: String(el.textContent ?? '').trim().slice(0, 80), where: String(el.tagName).toLowerCase() }));
  });
}

/**
 * What people typed or CLDR names, which no catalogue holds and the checks allow: every string the API shows the
 * Committee (titles, descriptions, names of organisations and people, references), and the taxonomy's English
 * State, language and currency names.
 */
export async function userDataStrings(baseUrl: string): Promise<string[]> {
  const admin = await ApiClient.as(baseUrl, 'admin');
  const found = new Set<string>();
  const collect = (value: unknown): void => {
    if (typeof value === 'string') {
      if (/[A-Za-z]{2}/.test(value)) found.add(value.replace(/\s+/g, ' ').trim());
    } else if (Array.isArray(value)) value.forEach(collect);
    else if (value && typeof value === 'object') Object.values(value).forEach(collect);
  };
  for (const path of ['/api/v1/requests', '/api/v1/offers', '/api/v1/matches', '/api/v1/organizations', '/api/v1/users', '/api/v1/notifications']) {
    for (let page = 1; page <= 5; page++) {
      const res = await admin.get(`${path}?page=${page}&pageSize=100`);
      if (res.status !== 200) break;
      collect(res.body.items);
      if (page * 100 >= res.body.total) break;
    }
  }
  for (const s of TAXONOMY.states) found.add(s.name);
  for (const l of TAXONOMY.languages) found.add(l.name);
  for (const c of TAXONOMY.currencies) found.add(c.name);
  return [...found];
}

// Codes and figures are the same in every language: OP3(a), MNG, USD, MNG-2026-004, 12 %, 2026-03-31, e-mail addresses.
const CODE = /\b(?:[A-Z0-9][A-Z0-9()_.\-/–]*[A-Z0-9)]|[A-Z])\b|\S+@\S+|https?:\/\/\S+|\b[a-z]{2}\b(?=\))/g;

/** The text with users' data, codes and figures taken out: what a catalogue must have written. */
export function withoutData(text: string, data: Iterable<string>): string {
  let rest = text;
  // Longest first, and whole words only: "es" (a language code) must not cut "celles" into "cell".
  for (const item of longestFirst(data)) {
    if (item.length > 1 && rest.includes(item)) rest = rest.replace(wholeWords(item), ' ');
  }
  return rest.replace(CODE, ' ');
}

const sorted = new WeakMap<object, { size: number; list: string[] }>();
function longestFirst(data: Iterable<string>): string[] {
  // A Set that grows while a walk goes on (the answers a browser received so far) is sorted again when it has.
  const size = Array.isArray(data) ? data.length : data instanceof Set ? data.size : -1;
  let entry = sorted.get(data as object);
  if (!entry || entry.size !== size || size < 0) sorted.set(data as object, (entry = { size, list: [...data].sort((a, b) => b.length - a.length) }));
  return entry.list;
}

function wholeWords(item: string): RegExp {
  return new RegExp(`(?<![\\p{L}\\p{N}])${item.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}])`, 'gu');
}

const isCode = (text: string) => /^[a-z][a-z0-9_]*$|^[A-Z][A-Z0-9_]*$/.test(text);
const addText = (into: Set<string>, value: unknown) => {
  const text = typeof value === 'string' ? value.replace(/\s+/g, ' ').trim() : '';
  if (/[A-Za-z]{2}/.test(text) && !isCode(text)) into.add(text);
};

/**
 * Users' data: every text the database holds — what the seed and the people typed (titles, descriptions, names of
 * organisations and people, references, e-mails), in plain columns and inside JSON documents, and records written for them. What the server composes when it
 * answers (a report's bucket names, a taxonomy label) is not stored, so shown untranslated it is still caught; codes
 * (`draft`, `NUCLEAR`) are not people's words and are left out too.
 */
export async function storedStrings(dataSource: DataSource): Promise<Set<string>> {
  const columns: { table_name: string; column_name: string; data_type: string }[] = await dataSource.query(
    `SELECT table_name, column_name, data_type FROM information_schema.columns c
      WHERE table_schema = 'public' AND (data_type IN ('text', 'character varying', 'jsonb') OR (data_type = 'ARRAY' AND udt_name IN ('_text', '_varchar')))
        AND table_name NOT IN ('migrations', 'typeorm_metadata')
        AND EXISTS (SELECT 1 FROM information_schema.tables t WHERE t.table_schema = 'public' AND t.table_name = c.table_name AND t.table_type = 'BASE TABLE')`,
  );
  const found = new Set<string>();
  for (const { table_name: table, column_name: column, data_type: type } of columns) {
    // A JSON document's strings at any depth (a participant's name and note in an engagement's list).
    const rows: { v: string }[] = await dataSource.query(
      type === 'jsonb'
        ? `SELECT DISTINCT s #>> '{}' AS v FROM "${table}", jsonb_path_query("${column}", 'strict $.**') s WHERE jsonb_typeof(s) = 'string'`
        : `SELECT DISTINCT ${type === 'ARRAY' ? `unnest("${column}")` : `"${column}"`} AS v FROM "${table}" WHERE "${column}" IS NOT NULL`,
    );
    for (const { v } of rows) addText(found, v);
  }
  return found;
}

/**
 * The names of States, languages and currencies the taxonomy gave this context's pages, gathered into `into`: CLDR's
 * (Intl.DisplayNames), not a catalogue's. Its labels and help texts are the server catalogue's and are not taken.
 * `settled()` waits for the answers read so far.
 */
export function collectCldrNames(page: Page, into: Set<string>): { settled: () => Promise<void> } {
  const pending = new Set<Promise<void>>();
  page.context().on('response', (response) => {
    if (new URL(response.url()).pathname !== '/api/v1/taxonomy' || !response.ok()) return;
    const read = response
      .json()
      .then((body: any) => {
        for (const list of [body.states, body.languages, body.currencies]) for (const entry of list ?? []) addText(into, entry.name);
      })
      .catch(() => undefined)
      .finally(() => pending.delete(read));
    pending.add(read);
  });
  return { settled: async () => void (await Promise.all([...pending])) };
}

/**
 * The words Intl writes in a locale (CLDR's, not a catalogue's): month and weekday names, day periods, time zone
 * names and currency symbols, as the page's own browser formats them for the tag the app gives Intl.
 */
export function intlWords(page: Page, intlTag: string, currencies: readonly string[]): Promise<string[]> {
  return page.evaluate(
    ({ tag, codes }) => {
      const words = new Set<string>();
      const keep = (parts: { type: string; value: string }[]) => {
        for (const part of parts) if (part.type !== 'integer' && part.type !== 'day' && part.type !== 'year' && /\p{L}/u.test(part.value)) words.add(part.value.trim());
      };
      const styles: object[] = [
        { month: 'long' }, { month: 'short' }, { month: 'narrow' }, { weekday: 'long' }, { weekday: 'short' },
        { day: 'numeric', month: 'short', year: 'numeric' }, { month: 'short', year: 'numeric' }, { day: 'numeric', month: 'long', year: 'numeric' },
        { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZoneName: 'short' },
        { hour: 'numeric', dayPeriod: 'short' }, { hour: 'numeric', hour12: true },
      ];
      for (let month = 0; month < 12; month++) {
        for (const hour of [3, 15]) {
          const date = new Date(Date.UTC(2026, month, 1 + month, hour));
          for (const style of styles) keep(new Intl.DateTimeFormat(tag, style).formatToParts(date));
        }
      }
      for (const code of codes) {
        try {
          keep(new Intl.NumberFormat(tag, { style: 'currency', currency: code }).formatToParts(1234.5));
        } catch {
          // A code this browser's ICU does not know is shown as the code, which the CODE pattern takes.
        }
      }
      return [...words].filter(Boolean);
    },
    { tag: intlTag, codes: currencies },
  );
}

/** The text with every catalogue message (the pseudo-locale's ⟦…⟧, nested or cut by a chart's ellipsis) taken out. */
export function outsidePseudoMessages(text: string): string {
  let rest = text;
  for (let before = ''; before !== rest; ) {
    before = rest;
    rest = rest.replace(/⟦[^⟦⟧]*⟧/g, ' ');
  }
  // A message split over text nodes (an element inside it) or cut short: its open or its closing end.
  return rest.replace(/⟦[^⟦⟧]*$/, ' ').replace(/^[^⟦⟧]*⟧/, ' ');
}
