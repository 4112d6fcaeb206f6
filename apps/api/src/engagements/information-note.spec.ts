import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { catalogueFor, LOCALES, lookup, stateName as stateNameIn, type Locale } from '@app/i18n';
import { pdfText } from '../../../../test/support/pdf-text';
import {
  cjkFonts,
  dateSpan,
  fontRuns,
  informationNoteHtml,
  informationNotePdf,
  noteSections,
  unicodeFontDirs,
  unicodeFonts,
  visualLine,
  visualRtlLine,
  type InformationNote,
} from './information-note';

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

// A note whose own text is all names and Mongolian, so every other word on it is the note's own.
const note: InformationNote = {
  ...mongolian,
  online: true,
  participants: [
    { name: 'Гаалийн ерөнхий газар', note: 'GASI' },
    { name: 'UNODA', note: null },
  ],
  states: ['MNG', 'KAZ'],
  background: 'Төлөвлөгөөг хүргүүлсэн.',
  highlights: 'Тэргүүлэх чиглэл тогтоосон.',
};
const own = [note.title, note.venue!, ...note.organisers.map((p) => p.name), 'Гаалийн ерөнхий газар (GASI)', 'UNODA', note.background, note.highlights];

// The fonts found on this machine, and the same without the CJK font.
const cjk = unicodeFonts()?.cjk ?? null;
const dejaVuOnly = () => ({ ...unicodeFonts()!, cjk: null });

// The note's fixed words (informationNote.*), as each catalogue writes them.
const FIXED = ['committee', 'title', 'event', 'states', 'organiser', 'dateVenue', 'participants', 'background', 'highlights', 'additionalComments', 'online', 'footnote'];
const word = (locale: Locale, key: string) => lookup(catalogueFor(locale)!, key)!;
const fixedWords = (locale: Locale) => [...FIXED.map((k) => word(locale, `informationNote.${k}`)), word(locale, 'labels.engagementKind.roundtable')];
const ENGLISH_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const INTL: Record<Locale, string> = { en: 'en-GB', mn: 'mn', ru: 'ru', fr: 'fr', es: 'es', ar: 'ar-u-nu-latn', zh: 'zh-Hans' };

const unescape = (s: string) => s.replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
/** The page's visible text: the body without its tags. */
const bodyText = (html: string) => unescape(html.slice(html.indexOf('<body>')).replace(/<br>/g, '\n').replace(/<[^>]+>/g, '\n'));
const withoutOwnText = (text: string) => own.reduce((rest, s) => rest.split(s).join(' '), text);

describe('information note in the reader’s language', () => {
  it.each(LOCALES)('%s: HTML with lang and dir, the catalogue’s words, Intl’s dates, the engagement’s own text as written', (locale) => {
    const html = informationNoteHtml(note, locale);
    expect(html).toContain(`<html lang="${locale}" dir="${locale === 'ar' ? 'rtl' : 'ltr'}">`);
    const text = bodyText(html);
    for (const w of fixedWords(locale)) expect(text).toContain(w);
    for (const s of own) expect(text).toContain(s);
    expect(text).toContain(dateSpan('2022-12-06', '2022-12-08', INTL[locale]));
    expect(text).toContain(stateNameIn(locale, 'KAZ', 'Kazakhstan'));
    expect(html).toContain(`<title>${word(locale, 'informationNote.pageTitle').replace('{title}', note.title)}</title>`);
  });

  it.each(LOCALES.filter((l) => l !== 'en'))('%s: no English word left, but names', (locale) => {
    const text = withoutOwnText(bodyText(informationNoteHtml(note, locale)));
    for (const w of [...fixedWords('en'), ...ENGLISH_MONTHS, 'Mongolia and']) expect(text).not.toContain(w);
    // Languages not written in Latin letters: not one Latin word is left once the names are out.
    if (['mn', 'ru', 'ar', 'zh'].includes(locale)) expect(text.match(/[A-Za-z]{2,}/g)).toBeNull();
  });

  it('writes a span of days as each language does, the month named (Chinese and Mongolian too)', () => {
    expect(dateSpan('2022-12-06', '2022-12-08', 'fr')).toBe('6–8 décembre 2022');
    expect(dateSpan('2022-12-06', '2022-12-06', 'ru')).toBe('6 декабря 2022 г.');
    expect(dateSpan('2022-11-30', '2022-12-02', 'es').replace(/\s/g, ' ')).toBe('30 de noviembre – 2 de diciembre de 2022');
    expect(dateSpan('2022-12-06', '2022-12-08', 'zh-Hans')).toBe('2022年12月6日 – 2022年12月8日');
    expect(dateSpan('2022-12-06', '2022-12-08', 'ar-u-nu-latn')).toBe('6–8 ديسمبر 2022');
    expect(dateSpan('2022-12-06', '2022-12-08', 'mn')).toContain('арван хоёрдугаар сарын 6');
  });

  it('names a kind “other” as an engagement, not as “Other”', () => {
    expect(noteSections({ ...note, kind: 'other' }, 'fr')[0].text).toBe(`Activité : ${note.title}`);
    expect(noteSections({ ...note, kind: 'other' }, 'en')[0].text).toBe(`Engagement: ${note.title}`);
  });

  it.each(['en', 'mn', 'ru', 'fr', 'es'] as const)('%s: the PDF’s fixed words in the reader’s language', async (locale) => {
    const text = pdfText(await informationNotePdf(note, { compress: false, language: locale })).replace(/\n/g, ' ');
    for (const w of fixedWords(locale)) expect(text).toContain(w);
    expect(text).toContain(note.title);
    if (locale !== 'en') for (const w of [...fixedWords('en'), ...ENGLISH_MONTHS]) expect(withoutOwnText(text)).not.toContain(w);
  });

  it('ar: the PDF sets Arabic right to left (each word’s letters and the words’ order), figures left to right', async () => {
    const text = pdfText(await informationNotePdf(note, { compress: false, language: 'ar' })).replace(/\s+/g, '');
    // pdfkit draws left to right: the text read back is the visual order, each Arabic word's letters reversed
    // (words without the lam-alef ligature, which reads back in logical order).
    const drawn = (s: string) =>
      visualRtlLine(s)
        .split(' ')
        .map((w) => (/[\u0621-\u064A]/.test(w) ? [...w].reverse().join('') : w))
        .join('');
    for (const w of ['informationNote.states', 'informationNote.footnote', 'informationNote.dateVenue', 'informationNote.participants']) {
      expect(text).toContain(drawn(word('ar', w)));
    }
    expect(text).toContain(drawn(`${dateSpan('2022-12-06', '2022-12-08', 'ar-u-nu-latn')}،`));
    expect(text).toContain(note.title.replace(/\s+/g, ''));
    expect(text).not.toContain('Informationnote');
  });

  it('orders a right-to-left line’s words for pdfkit, runs of figures and Latin names kept in order', () => {
    expect(visualRtlLine('أ ب ج')).toBe('ج ب أ');
    expect(visualRtlLine('6–8 ديسمبر 2022')).toBe('2022 ديسمبر 6–8');
    expect(visualRtlLine('الجهة UN Office – Vienna المعنية')).toBe('المعنية UN Office – Vienna الجهة');
    expect(visualRtlLine('أ – ب')).toBe('ب – أ');
    // Numbers among Arabic words keep their places, read right to left; after Latin words they run with them.
    expect(visualRtlLine('القرار 1540 (2004)')).toBe('(2004) 1540 القرار');
    expect(visualRtlLine('في UN Office 2 اليوم')).toBe('اليوم UN Office 2 في');
    // In a left-to-right paragraph only the Arabic run turns round.
    expect(visualLine('Customs (MNG); مركز الأمم المتحدة', 'ltr')).toBe('Customs (MNG); المتحدة الأمم مركز');
    // The Arabic semicolon is punctuation, not a letter.
    expect(visualLine('Customs (MNG)؛ مركز الأمم', 'ltr')).toBe('Customs (MNG)؛ الأمم مركز');
  });

  it('zh: without a CJK font, the PDF keeps English fixed words, as DejaVu Sans has no Chinese glyphs (the HTML is Chinese)', async () => {
    const text = pdfText(await informationNotePdf(note, { compress: false, language: 'zh', fonts: dejaVuOnly })).replace(/\n/g, ' ');
    for (const w of fixedWords('en')) expect(text).toContain(w);
    expect(text).toContain('6 – 8 December 2022'.replace(/ – /, '\u2009–\u2009'));
    expect(text).toContain(note.title);
    expect(informationNoteHtml(note, 'zh')).toContain(word('zh', 'informationNote.title'));
  });

  // The machine's CJK font (CI installs Debian's fonts-droid-fallback): without one, this fails under CI and is
  // skipped elsewhere, the reason in its name.
  const withCjkFont = cjk || process.env.CI ? it : it.skip;
  withCjkFont(`zh: the PDF in Chinese, its fixed words and the engagement’s Chinese text drawn with the CJK font${cjk ? '' : ' (no CJK font here: apt-get install fonts-droid-fallback)'}`, async () => {
    if (!cjk) throw new Error('No CJK font: install Debian’s fonts-droid-fallback (or put DroidSansFallbackFull.ttf in PDF_FONT_DIR)');
    const chinese = { ...note, title: '国家行动计划优先事项圆桌会议', venue: '乌兰巴托', background: '计划已于2022年4月25日提交。' };
    const pdf = await informationNotePdf(chinese, { compress: false, language: 'zh' });
    // pdfText gives a line per font run, and Chinese has no spaces: the lines are joined without one.
    const text = pdfText(pdf).replace(/\n/g, '');
    for (const w of fixedWords('zh')) expect(text).toContain(w);
    for (const s of [chinese.title, chinese.venue, chinese.background, '2022年12月6日 – 2022年12月8日', stateNameIn('zh', 'KAZ', 'Kazakhstan')]) expect(text).toContain(s);
    for (const w of [...fixedWords('en'), ...ENGLISH_MONTHS]) expect(text).not.toContain(w);
    // Both fonts embedded: DejaVu Sans for digits and Latin, the CJK font for the rest.
    const embedded = [...pdf.toString('latin1').matchAll(/\/BaseFont \/[A-Z]{6}\+([\w-]+)/g)].map((m) => m[1]);
    expect(embedded).toContain('DejaVuSans');
    expect(embedded.some((f) => /DroidSansFallback|WenQuanYiMicroHei|NotoSansCJKsc/.test(f))).toBe(true);
  });

  it('zh: a CJK font file that does not load leaves the note in English, not broken', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'note-fonts-'));
    const broken = path.join(dir, 'DroidSansFallbackFull.ttf');
    fs.writeFileSync(broken, 'not a font');
    const fonts = () => ({ ...unicodeFonts({})!, cjk: { regular: { file: broken }, bold: { file: broken }, source: 'test' } });
    const text = pdfText(await informationNotePdf(note, { compress: false, language: 'zh', fonts })).replace(/\n/g, ' ');
    expect(text).toContain(word('en', 'informationNote.title'));
    fs.rmSync(dir, { recursive: true });
  });

  it('without a Unicode font, keeps English fixed words for a language Latin-1 cannot write, the reader’s where it can', async () => {
    const ru = pdfText(await informationNotePdf(note, { compress: false, language: 'ru', fonts: () => null }));
    expect(ru).toContain('Information note');
    const fr = pdfText(await informationNotePdf({ ...note, title: 'Table ronde', venue: 'Genève', organisers: [], participants: [] }, { compress: false, language: 'fr' }));
    expect(fr).toContain('Note d’information');
    expect(fr).toContain('Pour information – ceci n’est pas un rapport officiel');
  });
});

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

  it('looks for a CJK font in PDF_FONT_DIR first, then in the Debian packages’ folders', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'note-fonts-'));
    expect(cjkFonts({ PDF_FONT_DIR: dir })?.source).not.toBe('PDF_FONT_DIR');
    fs.writeFileSync(path.join(dir, 'DroidSansFallbackFull.ttf'), '');
    expect(cjkFonts({ PDF_FONT_DIR: dir })).toEqual({
      regular: { file: path.join(dir, 'DroidSansFallbackFull.ttf') },
      bold: { file: path.join(dir, 'DroidSansFallbackFull.ttf') },
      source: 'PDF_FONT_DIR',
    });
    fs.rmSync(dir, { recursive: true });
  });

  it('cuts a paragraph where the font changes: the primary font first, the fallback for what it lacks', () => {
    // A fake pair: the primary draws ASCII and the en dash, the fallback ideographs and full-width punctuation.
    const primary = (c: string) => /[\x20-\x7e–]/.test(c);
    const fallback = (c: string) => /[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef ]/.test(c);
    const runs = (s: string) => fontRuns(s, primary, fallback).map((r) => `${r.fallback ? 'F' : 'P'}:${r.text}`);
    expect(runs('2022年12月6日 – 2022年12月8日')).toEqual(['P:2022', 'F:年', 'P:12', 'F:月', 'P:6', 'F:日 ', 'P:– 2022', 'F:年', 'P:12', 'F:月', 'P:8', 'F:日']);
    expect(runs('UNODA；海关总署')).toEqual(['P:UNODA', 'F:；海关总署']);
    // A space stays with the run before it only when that run's font draws it (this fallback has no thin space).
    expect(runs('日\u2009–')).toEqual(['F:日', 'P:\u2009–']);
    // A line break never starts a run; what neither font draws stays with the primary (its empty box).
    expect(runs('会议\n第二段')).toEqual(['F:会议\n第二段']);
    expect(runs('ก会')).toEqual(['P:ก', 'F:会']);
    expect(runs('Plain text')).toEqual(['P:Plain text']);
    expect(runs('')).toEqual([]);
  });

  it('keeps a Latin-1 note on Helvetica (no font embedded)', async () => {
    const pdf = await informationNotePdf({ ...mongolian, title: 'Roundtable', venue: 'Ulaanbaatar', organisers: [], participants: [] }, { compress: false });
    expect(pdf.toString('latin1')).toContain('/BaseFont /Helvetica');
    expect(pdfText(pdf)).toContain('Ulaanbaatar');
  });
});
