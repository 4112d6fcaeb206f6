import { StreamableFile } from '@nestjs/common';
/**
 * CSV as spreadsheets read it (RFC 4180 plus what Excel needs): UTF-8 with a byte-order mark so Excel does
 * not guess a legacy code page, CRLF line ends, fields quoted when they hold a quote, a separator or a line
 * break. Pure functions: no Nest, no database.
 */

export type CsvValue = string | number | boolean | Date | readonly string[] | null | undefined;

export interface CsvColumn<T> {
  header: string;
  value: (row: T) => CsvValue;
}

/** A CSV download: UTF-8 (the BOM comes with the text), named by kind and date. */
export function csvFile(kind: string, csv: string): StreamableFile {
  const date = new Date().toISOString().slice(0, 10);
  return new StreamableFile(Buffer.from(csv, 'utf8'), {
    type: 'text/csv; charset=utf-8',
    disposition: `attachment; filename="a1540-${kind}-${date}.csv"`,
  });
}

export const CSV_BOM = '\uFEFF';
const CRLF = '\r\n';

// A spreadsheet runs a cell that starts with one of these as a formula (CSV injection, OWASP).
const FORMULA_START = /^[=+\-@\t\r]/;
// ';' is the separator in spreadsheets set to locales with a decimal comma; quoting it costs nothing.
const NEEDS_QUOTES = /[",;\r\n]/;

/** One value as cell text: ISO times, lists joined with "; ", and text that could run as a formula defused. */
export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  const text = Array.isArray(value) ? value.join('; ') : (value as string);
  const safe = FORMULA_START.test(text) ? `'${text}` : text;
  return NEEDS_QUOTES.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * Every page of a list, for a CSV that holds every row the filters select. A total that is only a lower bound
 * (`totalIsLowerBound`: long lists are counted only so far) does not end the reading; a short page does.
 */
export async function allPages<T>(
  pageSize: number,
  fetchPage: (page: number) => Promise<{ items: T[]; total: number; totalIsLowerBound?: boolean }>,
): Promise<T[]> {
  const all: T[] = [];
  for (let page = 1; ; page++) {
    const { items, total, totalIsLowerBound } = await fetchPage(page);
    all.push(...items);
    if (items.length < pageSize || (!totalIsLowerBound && all.length >= total)) return all;
  }
}

/** A whole document: BOM, header row, one CRLF-terminated line per row. */
export function toCsv<T>(columns: readonly CsvColumn<T>[], rows: Iterable<T>): string {
  const lines = [columns.map((c) => csvCell(c.header)).join(',')];
  for (const row of rows) lines.push(columns.map((c) => csvCell(c.value(row))).join(','));
  return CSV_BOM + lines.join(CRLF) + CRLF;
}

/**
 * Reads RFC 4180 text back into rows of fields (a leading BOM is ignored). Used to check our own exports;
 * it undoes quoting only, not the formula guard.
 */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let i = text.startsWith(CSV_BOM) ? 1 : 0;
  for (; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') {
        quoted = false;
      } else {
        field += c;
      }
    } else if (c === '"') {
      quoted = true;
    } else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else {
      field += c;
    }
  }
  if (field !== '' || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}
