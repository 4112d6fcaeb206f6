import { pdfText } from '../../../../test/support/pdf-text';
import { informationNotePdf, unicodeFontDirs, unicodeFonts, type InformationNote } from './information-note';

const mongolian: InformationNote = {
  kind: 'roundtable',
  title: 'Үндэсний үйл ажиллагааны төлөвлөгөөний дугуй ширээ',
  startDate: '2022-12-06',
  endDate: '2022-12-08',
  venue: 'Улаанбаатар',
  online: false,
  organisers: [{ name: 'Терроризмтой тэмцэх үндэсний зөвлөл', note: null }],
  participants: [{ name: 'Гаалийн ерөнхий газар', note: 'GASI' }],
  states: ['MNG'],
  background: 'Plan submitted on 25 April 2022.',
  highlights: '',
  additionalComments: '',
};

describe('information note PDF fonts', () => {
  it('prints a Mongolian title, venue and participants in Cyrillic, not as "?"', async () => {
    for (const compress of [false, true]) {
      const text = pdfText(await informationNotePdf(mongolian, { compress }));
      expect(text).toContain(mongolian.title);
      expect(text).toContain('Улаанбаатар');
      expect(text).toContain('Гаалийн ерөнхий газар (GASI)');
      expect(text).toContain('Plan submitted on 25 April 2022.');
      expect(text).not.toContain('????');
    }
  });

  it('finds DejaVu Sans without PDF_FONT_DIR (the npm package or the system)', () => {
    const fonts = unicodeFonts({});
    expect(fonts).not.toBeNull();
    expect(fonts!.regular).toMatch(/DejaVuSans\.ttf$/);
  });

  it('looks in PDF_FONT_DIR first, then the dejavu-fonts-ttf package, then the system folder', () => {
    const sources = unicodeFontDirs({ PDF_FONT_DIR: '/opt/fonts' }).map((d) => d.source);
    expect(sources[0]).toBe('PDF_FONT_DIR');
    expect(sources.at(-1)).toBe('system');
    // A PDF_FONT_DIR without the files is skipped rather than breaking the note.
    expect(unicodeFonts({ PDF_FONT_DIR: '/nonexistent' })?.source).not.toBe('PDF_FONT_DIR');
  });

  it('falls back to Helvetica, non-Latin letters as "?", when no Unicode font is found', async () => {
    const text = pdfText(await informationNotePdf(mongolian, { compress: false, fonts: () => null }));
    expect(text).toContain('???????????');
    expect(text).toContain('Plan submitted on 25 April 2022.');
  });

  it('keeps a Latin-1 note on Helvetica (no font embedded)', async () => {
    const pdf = await informationNotePdf({ ...mongolian, title: 'Roundtable', venue: 'Ulaanbaatar', organisers: [], participants: [] }, { compress: false });
    expect(pdf.toString('latin1')).toContain('/BaseFont /Helvetica');
    expect(pdfText(pdf)).toContain('Ulaanbaatar');
  });
});
