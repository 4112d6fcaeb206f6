// CSV as spreadsheets read it, built in the browser from figures already on screen: UTF-8 with a byte-order mark
// (so Excel does not guess a legacy code page), CRLF line ends, fields quoted when they hold a quote, a
// separator or a line break, and text that a spreadsheet would run as a formula defused — the same rules as
// the server's exports (apps/api data-exchange/csv.ts).

export type CsvValue = string | number | null | undefined;

/** A table of figures: the header row and the data rows, as both the CSV and the on-screen table show them. */
export interface CsvTable {
  header: string[];
  rows: CsvValue[][];
  /**
   * Columns holding a number of days: the CSV keeps the number (under `csvHeader`, which says "days"), the table
   * on screen says it as people do ("6 years 3 months").
   */
  durationColumns?: number[];
  /** The CSV's header when it differs from the screen's (units spelt out). */
  csvHeader?: string[];
}

export const CSV_BOM = '\uFEFF';
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",;\r\n]/;

export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function toCsv(table: CsvTable): string {
  const lines = [table.csvHeader ?? table.header, ...table.rows].map((row) => row.map(csvCell).join(','));
  return `${CSV_BOM}${lines.join('\r\n')}\r\n`;
}

/** Saves the table as `<name>.csv` through the browser's download. */
export function downloadCsv(filename: string, table: CsvTable): void {
  const blob = new Blob([toCsv(table)], { type: 'text/csv;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename.endsWith('.csv') ? filename : `${filename}.csv`;
  document.body.appendChild(link);
  link.click();
  link.remove();
  // Revoked a moment later: some browsers read the blob after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
