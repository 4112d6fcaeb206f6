/**
 * ICU MessageFormat for the browser, as much of it as the catalogues write: `{name}`, `{max, number}`,
 * `{count, plural, =0 {…} one {# item} other {# items}}` (with `offset:`), `{kind, select, …}` and ICU's apostrophe
 * quoting. It takes the place of i18next-icu, intl-messageformat and the formatjs parser (about 12 KiB gzip of every
 * first load, docs/performance.md); the server keeps intl-messageformat. `message-format.spec.ts` formats every
 * message of every catalogue, the pseudo-locale's too, both ways and fails on the first difference; a message
 * using more of ICU than this (a date, a number skeleton) fails there, and at run time shows as written.
 */

const POUND = 0;
interface Argument {
  name: string;
  type: 'argument' | 'number' | 'plural' | 'selectordinal' | 'select';
  offset: number;
  options: Record<string, Part[]>;
}
type Part = string | typeof POUND | Argument;

class MessageSyntaxError extends Error {}

class Parser {
  private at = 0;
  constructor(private readonly source: string) {}

  parse(): Part[] {
    const parts = this.message(null, false);
    if (this.at < this.source.length) throw new MessageSyntaxError(this.source);
    return parts;
  }

  private char(offset = 0): string {
    return this.source.charAt(this.at + offset);
  }

  private spaces(): void {
    while (/\s/.test(this.char())) this.at += 1;
  }

  private expect(char: string): void {
    if (this.char() !== char) throw new MessageSyntaxError(this.source);
    this.at += 1;
  }

  /** A word up to a space or ICU's syntax (a name, a type, a plural arm's selector). */
  private word(): string {
    const start = this.at;
    while (this.at < this.source.length && !/[\s{},#'<>|]/.test(this.char())) this.at += 1;
    return this.source.slice(start, this.at);
  }

  private message(parentType: Argument['type'] | null, nested: boolean): Part[] {
    const parts: Part[] = [];
    let text = '';
    const inPlural = parentType === 'plural' || parentType === 'selectordinal';
    while (this.at < this.source.length) {
      const char = this.char();
      if (char === '{') {
        if (text) parts.push(text);
        text = '';
        parts.push(this.argument());
      } else if (char === '}' && nested) {
        break;
      } else if (char === '#' && inPlural) {
        if (text) parts.push(text);
        text = '';
        parts.push(POUND);
        this.at += 1;
      } else if (char === "'") {
        text += this.quoted(inPlural);
      } else {
        text += char;
        this.at += 1;
      }
    }
    if (nested && this.char() !== '}') throw new MessageSyntaxError(this.source);
    if (text) parts.push(text);
    return parts;
  }

  /** `''` is one apostrophe; an apostrophe before ICU's syntax quotes up to the next lone one; any other is itself. */
  private quoted(inPlural: boolean): string {
    const next = this.char(1);
    if (next === "'") {
      this.at += 2;
      return "'";
    }
    const quotes = next !== '' && ('{}<>'.includes(next) || (next === '#' && inPlural));
    if (!quotes) {
      this.at += 1;
      return "'";
    }
    this.at += 1;
    let text = '';
    while (this.at < this.source.length) {
      if (this.char() === "'") {
        if (this.char(1) === "'") {
          text += "'";
          this.at += 2;
          continue;
        }
        this.at += 1;
        break;
      }
      text += this.char();
      this.at += 1;
    }
    return text;
  }

  private argument(): Argument {
    this.expect('{');
    this.spaces();
    const name = this.word();
    if (!name) throw new MessageSyntaxError(this.source);
    this.spaces();
    const argument: Argument = { name, type: 'argument', offset: 0, options: {} };
    if (this.char() === ',') {
      this.at += 1;
      this.spaces();
      const type = this.word();
      this.spaces();
      if (type === 'number') {
        argument.type = 'number';
      } else if (type === 'plural' || type === 'selectordinal' || type === 'select') {
        argument.type = type;
        this.expect(',');
        this.spaces();
        if (type !== 'select' && this.source.startsWith('offset:', this.at)) {
          this.at += 'offset:'.length;
          this.spaces();
          argument.offset = Number(this.word());
          if (!Number.isFinite(argument.offset)) throw new MessageSyntaxError(this.source);
          this.spaces();
        }
        while (this.char() !== '}') {
          const selector = this.word();
          if (!selector) throw new MessageSyntaxError(this.source);
          this.spaces();
          this.expect('{');
          argument.options[selector] = this.message(type, true);
          this.expect('}');
          this.spaces();
        }
        if (!argument.options.other) throw new MessageSyntaxError(this.source);
      } else {
        // A date, a time, a number's style or skeleton: not written by the catalogues, not read here.
        throw new MessageSyntaxError(this.source);
      }
    }
    this.expect('}');
    return argument;
  }
}

const numberFormats = new Map<string, Intl.NumberFormat>();
const pluralRules = new Map<string, Intl.PluralRules>();

function numberFormat(locale: string): Intl.NumberFormat {
  let format = numberFormats.get(locale);
  if (!format) numberFormats.set(locale, (format = new Intl.NumberFormat(locale)));
  return format;
}

function pluralRule(locale: string, type: Intl.PluralRuleType): Intl.PluralRules {
  const key = `${locale}\u0000${type}`;
  let rules = pluralRules.get(key);
  if (!rules) pluralRules.set(key, (rules = new Intl.PluralRules(locale, { type })));
  return rules;
}

export type MessageValues = Record<string, unknown>;

function formatParts(parts: Part[], locale: string, values: MessageValues, pluralValue?: number): string {
  let out = '';
  for (const part of parts) {
    if (typeof part === 'string') {
      out += part;
      continue;
    }
    if (part === POUND) {
      if (typeof pluralValue === 'number') out += numberFormat(locale).format(pluralValue);
      continue;
    }
    if (!(part.name in values)) throw new Error(`No value for {${part.name}}`);
    const value = values[part.name];
    if (part.type === 'argument') {
      const plain = typeof value === 'string' || typeof value === 'number' || typeof value === 'bigint';
      out += plain || value ? String(value) : '';
    } else if (part.type === 'number') {
      out += numberFormat(locale).format(value as number);
    } else if (part.type === 'select') {
      const option =
        (Object.hasOwn(part.options, String(value)) ? part.options[String(value)] : undefined) ?? part.options.other;
      out += formatParts(option, locale, values);
    } else {
      let option = Object.hasOwn(part.options, `=${String(value)}`) ? part.options[`=${String(value)}`] : undefined;
      if (!option) {
        const rule = pluralRule(locale, part.type === 'plural' ? 'cardinal' : 'ordinal').select(
          (value as number) - part.offset,
        );
        option = (Object.hasOwn(part.options, rule) ? part.options[rule] : undefined) ?? part.options.other;
      }
      out += formatParts(option, locale, values, (value as number) - part.offset);
    }
  }
  return out;
}

const parsed = new Map<string, Part[]>();

/** A message filled in for an Intl locale; throws on a message it cannot read or a value it lacks. */
export function formatMessage(message: string, locale: string, values: MessageValues = {}): string {
  let parts = parsed.get(message);
  if (!parts) {
    parts = new Parser(message).parse();
    if (parsed.size > 5000) parsed.clear();
    parsed.set(message, parts);
  }
  return formatParts(parts, locale, values);
}

/** A message filled in, or as written when it cannot be (a syntax it does not read, a missing value), as i18next-icu did. */
export function formatOrAsWritten(message: string, locale: string, values: MessageValues = {}): string {
  try {
    return formatMessage(message, locale, values);
  } catch {
    return message;
  }
}
