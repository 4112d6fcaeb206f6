import { type MessageFormatElement, parse, TYPE } from '@formatjs/icu-messageformat-parser';
import { printAST } from '@formatjs/icu-messageformat-parser/printer.js';
import type { Catalogue } from './icu';

const ACCENTED: Readonly<Record<string, string>> = Object.fromEntries(
  [...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'].map((c, i) => [
    c,
    [...'àƀçđéƒĝĥîĵķĺɱñöþǫŕšţûṽŵẋýžÅƁÇĐÉƑĜĤÎĴĶĹṀÑÖÞǪŔŠŢÛṼŴẊÝŽ'][i],
  ]),
);

/** Characters only the pseudo-locale writes: a text node holding one came from a catalogue. */
export const PSEUDO_MARK = /[àƀçđéƒĝĥîĵķĺɱñöþǫŕšţûṽŵẋýžÅƁÇĐÉƑĜĤÎĴĶĹṀÑÖÞǪŔŠŢÛṼŴẊÝŽ]/;

const accent = (text: string) => [...text].map((c) => ACCENTED[c] ?? c).join('');
// Each run of text grows by 40% of its length (rounded up): German- or Russian-length labels, before anyone writes them.
const expand = (text: string) => (text.trim() ? `${accent(text)}${'·'.repeat(Math.ceil(text.length * 0.4))}` : text);

function pseudoElements(elements: MessageFormatElement[]): MessageFormatElement[] {
  return elements.map((el) => {
    if (el.type === TYPE.literal) return { ...el, value: expand(el.value) };
    if (el.type === TYPE.plural || el.type === TYPE.select) {
      const options = Object.fromEntries(
        Object.entries(el.options).map(([k, option]) => [k, { ...option, value: pseudoElements(option.value) }]),
      );
      return { ...el, options };
    }
    if (el.type === TYPE.tag) return { ...el, children: pseudoElements(el.children) };
    return el;
  });
}

/** One message in the pseudo-locale: placeholders and plural arms kept, letters accented, padded by ~40%. */
export function pseudoMessage(message: string): string {
  // Apostrophes are ICU's quote character: the printer escapes literals, so the result parses as the source did.
  return `⟦${printAST(pseudoElements(parse(message, { ignoreTag: true })))}⟧`;
}

/** A whole catalogue in the pseudo-locale. */
export function pseudoCatalogue(catalogue: Catalogue): Catalogue {
  return Object.fromEntries(
    Object.entries(catalogue).map(([k, v]) => [k, typeof v === 'string' ? pseudoMessage(v) : pseudoCatalogue(v)]),
  );
}
