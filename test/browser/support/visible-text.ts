import type { Page } from 'playwright-core';
import { TAXONOMY } from '@app/domain';
import { ApiClient } from '../../support/http';

/** A visible text node of the page, with where it is (a short CSS-ish path) for the failure message. */
export interface ShownText {
  text: string;
  where: string;
}

/** Every visible text node of the page now (scripts, styles and hidden elements left out). */
export function visibleTexts(page: Page): Promise<ShownText[]> {
  return page.evaluate(() => {
    // Runs in the page: the DOM's globals, untyped here (this project compiles without the DOM library).
    const { document, NodeFilter } = globalThis as any;
    const out: { text: string; where: string }[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent?.replace(/\s+/g, ' ').trim();
      const el = node.parentElement;
      if (!text || !el || el.closest('script, style, noscript, [aria-hidden="true"]')) continue;
      if (!el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true })) continue;
      const where = [el.tagName.toLowerCase(), el.className && typeof el.className === 'string' ? `.${el.className.split(' ')[0]}` : '']
        .join('')
        .slice(0, 60);
      out.push({ text, where });
    }
    return out;
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
export function withoutData(text: string, data: readonly string[]): string {
  let rest = text;
  // Longest first, and whole words only: "es" (a language code) must not cut "celles" into "cell".
  for (const item of longestFirst(data)) {
    if (item.length > 1 && rest.includes(item)) rest = rest.replace(wholeWords(item), ' ');
  }
  return rest.replace(CODE, ' ');
}

const sorted = new WeakMap<readonly string[], string[]>();
function longestFirst(data: readonly string[]): string[] {
  let list = sorted.get(data);
  if (!list) sorted.set(data, (list = [...data].sort((a, b) => b.length - a.length)));
  return list;
}

function wholeWords(item: string): RegExp {
  return new RegExp(`(?<![\\p{L}\\p{N}])${item.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}])`, 'gu');
}
