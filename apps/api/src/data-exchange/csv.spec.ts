import fc from 'fast-check';
import { CSV_BOM, csvCell, CsvColumn, parseCsv, toCsv } from './csv';

interface Row {
  name: string;
  codes: string[];
  amount: number | null;
  at: Date | null;
}

const columns: CsvColumn<Row>[] = [
  { header: 'name', value: (r) => r.name },
  { header: 'codes', value: (r) => r.codes },
  { header: 'amount', value: (r) => r.amount },
  { header: 'at', value: (r) => r.at },
];

describe('CSV writer', () => {
  it('starts with a BOM, ends every line with CRLF and writes a header row', () => {
    const csv = toCsv(columns, [
      { name: 'Customs', codes: ['OP3c', 'OP3d'], amount: 1500, at: new Date('2020-05-12T08:30:00Z') },
    ]);
    expect(csv).toBe(`${CSV_BOM}name,codes,amount,at\r\nCustoms,"OP3c; OP3d",1500,2020-05-12T08:30:00.000Z\r\n`);
    expect(Buffer.from(csv, 'utf8').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  });

  it('writes only the header for no rows', () => {
    expect(toCsv(columns, [])).toBe(`${CSV_BOM}name,codes,amount,at\r\n`);
  });

  it.each([
    ['plain text', 'BAFA', 'BAFA'],
    ['a comma', 'Customs, Border', '"Customs, Border"'],
    ['a quote', 'the "P2P" programme', '"the ""P2P"" programme"'],
    ['a line feed', 'line one\nline two', '"line one\nline two"'],
    ['a CRLF', 'line one\r\nline two', '"line one\r\nline two"'],
    ['a semicolon', 'nuclear; chemical', '"nuclear; chemical"'],
    ['Cyrillic', 'Гаалийн ерөнхий газар', 'Гаалийн ерөнхий газар'],
    ['Cyrillic with a comma', 'Хяналт, шалгалт', '"Хяналт, шалгалт"'],
  ])('quotes per RFC 4180: %s', (_, value, cell) => {
    expect(csvCell(value)).toBe(cell);
  });

  it.each([
    ['=HYPERLINK("http://evil.example")', `"'=HYPERLINK(""http://evil.example"")"`],
    ['+1 555 0100', "'+1 555 0100"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1:A9)', "'@SUM(A1:A9)"],
    ['\tcmd', "'\tcmd"],
  ])('defuses text a spreadsheet would run as a formula: %j', (value, cell) => {
    expect(csvCell(value)).toBe(cell);
  });

  it('leaves numbers, booleans and text with an inner = alone', () => {
    expect(csvCell(-5)).toBe('-5');
    expect(csvCell(0)).toBe('0');
    expect(csvCell(true)).toBe('true');
    expect(csvCell('a=b')).toBe('a=b');
  });

  it('writes null and undefined as empty cells, dates as ISO 8601, lists joined with "; "', () => {
    expect(csvCell(null)).toBe('');
    expect(csvCell(undefined)).toBe('');
    expect(csvCell(new Date('2024-02-29T23:59:59.123Z'))).toBe('2024-02-29T23:59:59.123Z');
    expect(csvCell(['en', 'mn', 'ru'])).toBe('"en; mn; ru"');
    expect(csvCell([])).toBe('');
  });

  it('reads back exactly what it wrote, for any text that does not start a formula', () => {
    const cell = fc
      .string({
        unit: fc.oneof(
          fc.constantFrom(',', '"', '\r', '\n', ';', ' ', 'Ж', 'ö', '😀'),
          fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 }),
        ),
      })
      .filter((s) => !/^[=+\-@\t\r]/.test(s));
    fc.assert(
      fc.property(fc.array(fc.tuple(cell, cell), { maxLength: 8 }), (pairs) => {
        const cols: CsvColumn<[string, string]>[] = [
          { header: 'a', value: (r) => r[0] },
          { header: 'b', value: (r) => r[1] },
        ];
        expect(parseCsv(toCsv(cols, pairs))).toEqual([['a', 'b'], ...pairs]);
      }),
    );
  });
});
