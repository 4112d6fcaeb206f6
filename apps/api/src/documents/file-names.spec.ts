import { contentDisposition, FILE_NAME_MAX, safeFileName } from './file-names';

describe('safeFileName', () => {
  it.each([
    ['../../etc/passwd', 'passwd'],
    ['C:\\Windows\\system32\\annex.pdf', 'annex.pdf'],
    ['note\u0000\u0007\u001b verbale.pdf', 'note verbale.pdf'],
    ['invoice\u202efdp.exe', 'invoicefdp.exe'],
    ['a<b>c:d"e|f?g*h.pdf', 'a_b_c_d_e_f_g_h.pdf'],
    ['...hidden', 'hidden'],
    ['CON.txt', '_CON.txt'],
    ['', 'document.pdf'],
    ['/', 'document.pdf'],
  ])('%j → %j', (raw, safe) => {
    expect(safeFileName(raw, 'pdf')).toBe(safe);
  });

  it('cuts a 300-character name to 200 characters and keeps its extension', () => {
    const name = safeFileName(`${'я'.repeat(300)}.docx`, 'docx');
    expect(Array.from(name)).toHaveLength(FILE_NAME_MAX);
    expect(name.endsWith('.docx')).toBe(true);
  });
});

describe('contentDisposition', () => {
  it('gives an ASCII fallback and the UTF-8 name (RFC 5987)', () => {
    expect(contentDisposition('attachment', 'Нота "1".pdf')).toBe(`attachment; filename="____ _1_.pdf"; filename*=UTF-8''%D0%9D%D0%BE%D1%82%D0%B0%20%221%22.pdf`);
  });
});
