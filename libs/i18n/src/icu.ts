import { IntlMessageFormat } from 'intl-messageformat';
import { type MessageFormatElement, parse, TYPE } from '@formatjs/icu-messageformat-parser';

export type Catalogue = { [key: string]: string | Catalogue };
export type MessageParams = Record<string, string | number | Date>;

/** Every message of a catalogue by its dotted key (`mail.digest.title`). */
export function flatten(catalogue: Catalogue, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(catalogue)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

/** The message at a dotted key, or undefined. */
export function lookup(catalogue: Catalogue | undefined, key: string): string | undefined {
  let node: string | Catalogue | undefined = catalogue;
  for (const part of key.split('.')) {
    if (!node || typeof node === 'string') return undefined;
    node = node[part];
  }
  return typeof node === 'string' ? node : undefined;
}

/** The ICU arguments a message uses, with their type (`count:plural`, `name:argument`), sorted: what every locale must keep. */
export function placeholdersOf(message: string): string[] {
  const found = new Set<string>();
  const visit = (elements: MessageFormatElement[]) => {
    for (const el of elements) {
      if (el.type === TYPE.argument) found.add(`${el.value}:argument`);
      else if (el.type === TYPE.number) found.add(`${el.value}:number`);
      else if (el.type === TYPE.date || el.type === TYPE.time) found.add(`${el.value}:date`);
      else if (el.type === TYPE.plural) {
        found.add(`${el.value}:plural`);
        for (const option of Object.values(el.options)) visit(option.value);
      } else if (el.type === TYPE.select) {
        found.add(`${el.value}:select`);
        for (const option of Object.values(el.options)) visit(option.value);
      } else if (el.type === TYPE.tag) visit(el.children);
    }
  };
  visit(parse(message, { ignoreTag: true }));
  return [...found].sort();
}

const formats = new Map<string, IntlMessageFormat>();

/** An ICU message filled in for a locale (plural rules and number formats from Intl). */
export function formatMessage(message: string, locale: string, params: MessageParams = {}): string {
  const cacheKey = `${locale}\u0000${message}`;
  let format = formats.get(cacheKey);
  if (!format) {
    format = new IntlMessageFormat(message, locale, undefined, { ignoreTag: true });
    if (formats.size > 5000) formats.clear();
    formats.set(cacheKey, format);
  }
  return String(format.format(params));
}
