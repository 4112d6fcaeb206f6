import { ContentSniffer, RefusedContent } from './content-sniffer';

const sniff = (name: string, ...chunks: Buffer[]) => {
  const s = new ContentSniffer(name);
  for (const c of chunks) s.push(c);
  return s.finish();
};
const zip = (names: string[], mimetype?: string) =>
  Buffer.concat([
    ...(mimetype ? [entry('mimetype', Buffer.from(mimetype))] : []),
    ...names.map((n) => entry(n, Buffer.alloc(0))),
  ]);
function entry(name: string, data: Buffer): Buffer {
  const h = Buffer.alloc(30);
  h.writeUInt32LE(0x04034b50, 0);
  h.writeUInt16LE(Buffer.byteLength(name), 26);
  return Buffer.concat([h, Buffer.from(name), data]);
}

describe('ContentSniffer', () => {
  it('finds each accepted type from its bytes', () => {
    expect(sniff('a.pdf', Buffer.from('%PDF-1.7\n...')).type).toBe('pdf');
    expect(sniff('a.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0, 0, 0, 0, 0])).type).toBe('png');
    expect(sniff('a.jpg', Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12])).type).toBe('jpeg');
    expect(sniff('a.docx', zip(['[Content_Types].xml', 'word/document.xml'])).type).toBe('docx');
    expect(sniff('a.xlsx', zip(['[Content_Types].xml', 'xl/workbook.xml'])).type).toBe('xlsx');
    expect(sniff('a.odt', zip(['content.xml'], 'application/vnd.oasis.opendocument.text')).type).toBe('odt');
    expect(sniff('a.ods', zip(['content.xml'], 'application/vnd.oasis.opendocument.spreadsheet')).type).toBe('ods');
    expect(sniff('a.csv', Buffer.from('a;b\n1;2\n')).type).toBe('csv');
    expect(sniff('notes', Buffer.from('Привет, Улаанбаатар')).type).toBe('txt');
  });

  it('reads ZIP entry names split across chunks', () => {
    const data = zip(['[Content_Types].xml', '_rels/.rels', 'docProps/core.xml', 'word/document.xml']);
    const chunks = Array.from({ length: data.length }, (_, i) => data.subarray(i, i + 1));
    expect(sniff('plan.docx', ...chunks).type).toBe('docx');
  });

  it('refuses on the first chunk an HTML page renamed .pdf', () => {
    const s = new ContentSniffer('annex.pdf');
    expect(() => s.push(Buffer.from('<!doctype html><html><script>alert(1)</script>'))).toThrow(/web page or markup/);
  });

  it.each([
    ['binary', 'a.bin', Buffer.from([1, 2, 3, 0, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15])],
    ['invalid UTF-8', 'a.txt', Buffer.from([0x41, 0xc3, 0x28, 0x41])],
    ['a plain ZIP', 'a.zip', zip(['x.exe'])],
    ['text named .docx', 'a.docx', Buffer.from('just text')],
    ['a PDF named .png', 'a.png', Buffer.from('%PDF-1.4')],
    ['SVG', 'a.txt', Buffer.from('<svg onload="alert(1)"/>')],
    ['nothing', 'a.pdf', Buffer.alloc(0)],
  ])('refuses %s', (_what, name, data: Buffer) => {
    expect(() => sniff(name, data)).toThrow(RefusedContent);
  });
});
