import * as fs from 'node:fs';
import * as path from 'node:path';
import { Logger, StreamableFile } from '@nestjs/common';
import PDFDocument from 'pdfkit';
import { DEFAULT_LOCALE, intlLocale, localeOf, PSEUDO_LOCALE, RTL_LOCALES, stateName as stateNameIn, type Translate, translator } from '@app/i18n';
import { stateName, type EngagementKind } from '@app/domain';

/** What the Committee's information note says about an engagement (DESIGN §4a). */
export interface InformationNote {
  kind: EngagementKind;
  title: string;
  startDate: string;
  endDate: string;
  venue: string | null;
  online: boolean;
  organisers: { name: string; note: string | null }[];
  participants: { name: string; note: string | null }[];
  states: string[];
  background: string;
  highlights: string;
  additionalComments: string;
}

/**
 * The reader's language as the note writes it: its fixed words from the server catalogue (`informationNote.*`,
 * `labels.engagementKind.*`), dates, lists and States' names through Intl, `lang` and `dir` for the page. The
 * checks' pseudo-locale (en-XA) is kept, so its accented words show in the note too.
 */
interface NoteLanguage {
  lang: string;
  dir: 'ltr' | 'rtl';
  t: Translate;
  intl: string;
}

function noteLanguage(language: string | null | undefined): NoteLanguage {
  const lang = language === PSEUDO_LOCALE ? PSEUDO_LOCALE : (localeOf(language) ?? DEFAULT_LOCALE);
  const base = localeOf(lang) ?? DEFAULT_LOCALE;
  return { lang, dir: RTL_LOCALES.includes(base) ? 'rtl' : 'ltr', t: translator(lang), intl: intlLocale(base) };
}

const dateOf = (d: string) => new Date(`${d}T00:00:00Z`);

/**
 * "6–8 December 2022", "30 November – 2 December 2022", "6 December 2022" as the reader's language writes a span
 * of days (Intl's formatRange). Where CLDR's interval pattern drops the words a date alone is written with
 * (zh, mn: "2022/12/6 – 2022/12/8"), the two days are written in full instead.
 */
export function dateSpan(start: string, end: string, language: string = DEFAULT_LOCALE): string {
  const format = new Intl.DateTimeFormat(intlLocale(language), { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
  if (start === end) return format.format(dateOf(start));
  const range = format.formatRange(dateOf(start), dateOf(end));
  const words = (s: string) => s.match(/\p{L}+/gu) ?? [];
  return words(format.format(dateOf(end))).every((w) => range.includes(w)) ? range : `${format.format(dateOf(start))} – ${format.format(dateOf(end))}`;
}

const party = (p: { name: string; note: string | null }) => (p.note ? `${p.name} (${p.note})` : p.name);

/** The note's words that are not the engagement's own: the header, the title and the footnote. */
function frameWords(t: Translate, title: string) {
  return {
    committee: t('informationNote.committee'),
    title: t('informationNote.title'),
    pageTitle: t('informationNote.pageTitle', { title }),
    footnote: t('informationNote.footnote'),
  };
}

/**
 * The note's sections in order, as label and text (paragraphs separated by blank lines), shared by HTML and PDF, in
 * the reader's language. The engagement's own text (title, names, background, highlights) stays as written.
 */
export function noteSections(n: InformationNote, language: string = DEFAULT_LOCALE): { label: string; text: string }[] {
  const { lang, t, intl } = noteLanguage(language);
  const list = (items: string[]) => new Intl.ListFormat(intl, { type: 'conjunction' }).format(items);
  const parties = (ps: InformationNote['organisers']) => ps.map(party).join(t('informationNote.listSeparator')) || '—';
  const kind = n.kind === 'other' ? t('informationNote.kindOther') : t(`labels.engagementKind.${n.kind}`);
  const place = list([n.venue, n.online ? t('informationNote.online') : null].filter((p): p is string => Boolean(p))) || '—';
  return [
    { label: t('informationNote.event'), text: t('informationNote.eventLine', { kind, title: n.title }) },
    { label: t('informationNote.states'), text: list(n.states.map((s) => stateNameIn(lang, s, stateName(s) ?? s))) || '—' },
    { label: t('informationNote.organiser'), text: parties(n.organisers) },
    { label: t('informationNote.dateVenue'), text: t('informationNote.whenWhere', { dates: dateSpan(n.startDate, n.endDate, intl), place }) },
    { label: t('informationNote.participants'), text: parties(n.participants) },
    { label: t('informationNote.background'), text: n.background || '—' },
    { label: t('informationNote.highlights'), text: n.highlights || '—' },
    { label: t('informationNote.additionalComments'), text: n.additionalComments || '—' },
  ];
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
// `dir="auto"`: a paragraph of the engagement's own text keeps its direction (an English title in an Arabic note);
// one without a letter ("—") keeps the page's.
const paragraphs = (s: string) =>
  s
    .split(/\n\s*\n/)
    .map((p) => `<p${/\p{L}/u.test(p) ? ' dir="auto"' : ''}>${escapeHtml(p.trim()).replace(/\n/g, '<br>')}</p>`)
    .join('');

/** The note as a standalone HTML page in the reader's language (every text escaped; `lang`, and `dir="rtl"` for Arabic). */
export function informationNoteHtml(n: InformationNote, language: string = DEFAULT_LOCALE): string {
  const { lang, dir, t } = noteLanguage(language);
  const words = frameWords(t, n.title);
  const rows = noteSections(n, lang)
    .map((s) => `<tr><th scope="row">${escapeHtml(s.label)}</th><td>${paragraphs(s.text)}</td></tr>`)
    .join('\n');
  return `<!doctype html>
<html lang="${escapeHtml(lang)}" dir="${dir}"><head><meta charset="utf-8"><title>${escapeHtml(words.pageTitle)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:50rem;margin:2rem auto;padding:0 1rem;color:#111}
th{text-align:start;vertical-align:top;padding-block:.5rem;padding-inline:0 1rem;width:12rem}td{padding:.5rem 0}td p{margin:0 0 .5rem}
footer{margin-top:2rem;border-top:1px solid #888;padding-top:.5rem;font-style:italic}</style></head>
<body><header><p>${escapeHtml(words.committee)}</p><h1>${escapeHtml(words.title)}</h1></header>
<table>
${rows}
</table>
<footer>${escapeHtml(words.footnote)}</footer>
</body></html>`;
}

// Standard PDF fonts cover Latin-1 only (WinAnsi). A note in those characters uses Helvetica; one with others
// (Cyrillic, Greek, Arabic letters…) embeds DejaVu Sans, looked for in this order: PDF_FONT_DIR, the
// `dejavu-fonts-ttf` npm package (shipped with the app, so no system package is needed), Debian's
// fonts-dejavu-core. Without any, Helvetica with the missing characters shown as "?" (logged once). DejaVu has no
// Chinese, Japanese or Korean glyphs: those are drawn with a CJK font beside it when one is found (cjkFonts).
export interface NoteFonts {
  regular: string;
  bold: string;
  source: string;
  cjk: CjkFonts | null;
}
const FONT_FILES = { regular: 'DejaVuSans.ttf', bold: 'DejaVuSans-Bold.ttf' } as const;

/** A font file, and for a collection (.ttc) the PostScript name of the face to draw with. */
export interface FontFile {
  file: string;
  face?: string;
}

/** The font drawing what DejaVu Sans cannot (Chinese), in both weights. */
export interface CjkFonts {
  regular: FontFile;
  bold: FontFile;
  source: string;
}

// CJK fonts of Debian packages, best first, with the folder each package puts them in. Noto Sans CJK is a collection
// (its Simplified Chinese faces are used); WenQuanYi Micro Hei and Droid Sans Fallback have a single weight, which
// stands for bold too. Droid Sans Fallback (fonts-droid-fallback, 4 MB, what CI installs) has CJK ideographs and
// punctuation but no Latin letters, no digits, no dashes: those stay with DejaVu (fontRuns).
const CJK_FONTS: (CjkFonts & { dir: string })[] = [
  {
    source: 'fonts-noto-cjk',
    dir: '/usr/share/fonts/opentype/noto',
    regular: { file: 'NotoSansCJK-Regular.ttc', face: 'NotoSansCJKsc-Regular' },
    bold: { file: 'NotoSansCJK-Bold.ttc', face: 'NotoSansCJKsc-Bold' },
  },
  {
    source: 'fonts-wqy-microhei',
    dir: '/usr/share/fonts/truetype/wqy',
    regular: { file: 'wqy-microhei.ttc', face: 'WenQuanYiMicroHei' },
    bold: { file: 'wqy-microhei.ttc', face: 'WenQuanYiMicroHei' },
  },
  {
    source: 'fonts-droid-fallback',
    dir: '/usr/share/fonts/truetype/droid',
    regular: { file: 'DroidSansFallbackFull.ttf' },
    bold: { file: 'DroidSansFallbackFull.ttf' },
  },
];

/** The directory of the `dejavu-fonts-ttf` package's TTF files, or null when it is not installed. */
function packagedFontDir(): string | null {
  try {
    return path.dirname(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'));
  } catch {
    return null;
  }
}

/** Where to look for a Unicode font, first match wins (exported for tests). */
export function unicodeFontDirs(env: NodeJS.ProcessEnv = process.env): { dir: string; source: string }[] {
  const dirs: { dir: string | null | undefined; source: string }[] = [
    { dir: env.PDF_FONT_DIR, source: 'PDF_FONT_DIR' },
    { dir: packagedFontDir(), source: 'dejavu-fonts-ttf' },
    { dir: '/usr/share/fonts/truetype/dejavu', source: 'system' },
  ];
  return dirs.filter((d): d is { dir: string; source: string } => Boolean(d.dir));
}

/** The CJK font, first found: any of CJK_FONTS' files in PDF_FONT_DIR, then each in its Debian package's folder. */
export function cjkFonts(env: NodeJS.ProcessEnv = process.env): CjkFonts | null {
  const places = [...(env.PDF_FONT_DIR ? CJK_FONTS.map((f) => ({ ...f, dir: env.PDF_FONT_DIR!, source: 'PDF_FONT_DIR' })) : []), ...CJK_FONTS];
  for (const { dir, source, ...faces } of places) {
    const regular = { ...faces.regular, file: path.join(dir, faces.regular.file) };
    const bold = { ...faces.bold, file: path.join(dir, faces.bold.file) };
    if (fs.existsSync(regular.file) && fs.existsSync(bold.file)) return { regular, bold, source };
  }
  return null;
}

let warned = false;
/** The Unicode font pair to embed and the CJK font beside it, or null (then Helvetica, with a warning logged once per process). */
export function unicodeFonts(env: NodeJS.ProcessEnv = process.env): NoteFonts | null {
  for (const { dir, source } of unicodeFontDirs(env)) {
    const regular = path.join(dir, FONT_FILES.regular);
    const bold = path.join(dir, FONT_FILES.bold);
    if (fs.existsSync(regular) && fs.existsSync(bold)) return { regular, bold, source, cjk: cjkFonts(env) };
  }
  if (!warned) {
    warned = true;
    new Logger('InformationNote').warn(
      `No Unicode font found (PDF_FONT_DIR, dejavu-fonts-ttf, /usr/share/fonts/truetype/dejavu): information notes print non-Latin letters as "?"`,
    );
  }
  return null;
}
// WinAnsi (what the standard fonts encode): Latin-1 and the punctuation of cp1252.
const WIN_ANSI_EXTRA = '€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ';
// Intl's thin and narrow spaces ("6 – 8 December 2022", French "6 h") are plain spaces there.
const toWinAnsi = (s: string) =>
  [...s.replace(/[\u2000-\u200A\u202F]/g, ' ')].map((c) => (c.charCodeAt(0) < 256 || WIN_ANSI_EXTRA.includes(c) ? c : '?')).join('');

// Right-to-left letters (Arabic, Hebrew, in any form) and left-to-right ones (any other letter: Latin, Cyrillic, CJK…).
// Figures are weak: they run left to right, but take their place among the words as the letters before them do.
// Punctuation (the Arabic comma and semicolon included) is neutral.
const RTL_LETTER = /(?=\p{L})[\p{Script=Arabic}\p{Script=Hebrew}]/u;
const LTR_LETTER = /(?![\p{Script=Arabic}\p{Script=Hebrew}])\p{L}/u;
// A word's direction: right-to-left letters, left-to-right letters, figures only (EN), or neither (N).
const strongOf = (word: string): 'R' | 'L' | 'EN' | 'N' => (RTL_LETTER.test(word) ? 'R' : LTR_LETTER.test(word) ? 'L' : /[0-9]/.test(word) ? 'EN' : 'N');

/** A paragraph's direction by its first strong letter, as `dir="auto"` decides it in HTML ("6–8 ديسمبر" is Arabic). */
export const paragraphDirection = (s: string): 'ltr' | 'rtl' => {
  const first = [...s].find((c) => RTL_LETTER.test(c) || LTR_LETTER.test(c));
  return first && RTL_LETTER.test(first) ? 'rtl' : 'ltr';
};

/**
 * One line in the order pdfkit draws its words, left to right. pdfkit shapes each word on its own (fontkit joins an
 * Arabic word's letters and sets them right to left) but has no bidirectional algorithm: here a run of Arabic words
 * is set right to left, a run of left-to-right words (Latin or Cyrillic names, with the figures that follow them)
 * keeps its order, and in a right-to-left paragraph the runs themselves go right to left. A number among Arabic
 * words keeps its place as a word; a word of punctuation joins the words on both sides when they agree, else goes
 * with the paragraph. A simplification of Unicode's bidirectional algorithm, enough for the note's labels, dates
 * and names. Exported for tests.
 */
export function visualLine(line: string, direction: 'ltr' | 'rtl'): string {
  const base = direction === 'rtl' ? 'R' : 'L';
  const words = line.split(' ').filter(Boolean);
  const kinds = words.map(strongOf);
  const strongBefore = (list: string[], i: number) => list.slice(0, i).reverse().find((x) => x === 'L' || x === 'R') ?? base;
  const strongAfter = (list: string[], i: number) => list.slice(i + 1).find((x) => x === 'L' || x === 'R') ?? base;
  // Figures after left-to-right letters join them ("Office 2"); otherwise each number is an island set in its place
  // among the right-to-left words ("القرار 1540 (2004)"). Then punctuation takes the direction both sides agree on.
  const figures = kinds.map((k, i) => (k === 'EN' ? (strongBefore(kinds, i) === 'L' ? 'L' : 'R') : k));
  const resolved = figures.map((k, i) => (k !== 'N' ? k : strongBefore(figures, i) === strongAfter(figures, i) ? strongBefore(figures, i) : base));
  const runs: { rtl: boolean; words: string[] }[] = [];
  words.forEach((word, i) => {
    const rtl = resolved[i] === 'R';
    const last = runs.at(-1);
    if (last && last.rtl === rtl) last.words.push(word);
    else runs.push({ rtl, words: [word] });
  });
  return (direction === 'rtl' ? runs.reverse() : runs).map((r) => (r.rtl ? [...r.words].reverse() : r.words).join(' ')).join(' ');
}

/** A line of a right-to-left paragraph in the order pdfkit draws its words (visualLine). */
export const visualRtlLine = (line: string): string => visualLine(line, 'rtl');

/** A stretch of text drawn with one font: the primary (DejaVu Sans) or the fallback (the CJK font). */
export interface FontRun {
  text: string;
  fallback: boolean;
}

/**
 * A paragraph cut where the font must change: a character the primary font has a glyph for is drawn with it,
 * else with the fallback if that has one, else with the primary (as its empty box). White space stays in the run
 * it follows when that run's font draws it (a line break always does), so "2022年12月6日 – 2022年12月8日" changes
 * font at the ideographs only. Exported for tests.
 */
export function fontRuns(text: string, primary: (c: string) => boolean, fallback: (c: string) => boolean): FontRun[] {
  const runs: FontRun[] = [];
  for (const c of text) {
    const last = runs.at(-1);
    const staysIn = last && /\s/.test(c) && (c === '\n' || (last.fallback ? fallback : primary)(c));
    const inFallback = staysIn ? last.fallback : !primary(c) && fallback(c);
    if (last?.fallback === inFallback) last.text += c;
    else runs.push({ text: c, fallback: inFallback });
  }
  return runs;
}

type FontWithGlyphs = { hasGlyphForCodePoint?: (codePoint: number) => boolean };

/** Whether the document's current font has a glyph for a character. */
function currentGlyphs(doc: PDFKit.PDFDocument): (c: string) => boolean {
  const font = (doc as unknown as { _font?: { font?: FontWithGlyphs } })._font?.font;
  return (c) => font?.hasGlyphForCodePoint?.(c.codePointAt(0)!) === true;
}

let warnedCjk = false;
/** Logs, once per process, that a note needs a CJK font and none was found; null, as there is none to draw with. */
function warnNoCjkFont(): null {
  if (!warnedCjk) {
    warnedCjk = true;
    new Logger('InformationNote').warn(
      'No CJK font found (PDF_FONT_DIR, fonts-noto-cjk, fonts-wqy-microhei, fonts-droid-fallback): Chinese PDF notes keep English fixed words, and Chinese text prints as empty boxes',
    );
  }
  return null;
}

/** The CJK font as registered in a document: its two weights' names and which characters it draws. */
interface RegisteredCjk {
  regular: string;
  bold: string;
  has: (c: string) => boolean;
}

/**
 * Registers the CJK font in the document, or null when a face does not load (say a collection without the named
 * face): the note is then drawn as on a machine without a CJK font. A single-weight font is registered once, so
 * its file is read once.
 */
function registerCjk(doc: PDFKit.PDFDocument, fonts: CjkFonts): RegisteredCjk | null {
  const oneWeight = fonts.bold.file === fonts.regular.file && fonts.bold.face === fonts.regular.face;
  const names = { regular: 'note-cjk', bold: oneWeight ? 'note-cjk' : 'note-cjk-bold' };
  doc.registerFont(names.regular, fonts.regular.file, fonts.regular.face);
  if (!oneWeight) doc.registerFont(names.bold, fonts.bold.file, fonts.bold.face);
  try {
    doc.font(names.bold).font(names.regular);
  } catch (e) {
    new Logger('InformationNote').warn(`CJK font from ${fonts.source} not loaded (${fonts.regular.file}): ${(e as Error).message}`);
    return null;
  }
  return { ...names, has: currentGlyphs(doc) };
}

/**
 * The note as a PDF (pdfkit), in the reader's language. `compress: false` keeps the content streams readable, so a
 * test (or a search tool) can find the text without a PDF parser. The note's fixed words are the reader's when the
 * fonts can draw them: Helvetica (Latin-1), or the embedded Unicode font (DejaVu Sans: Latin, Cyrillic, Arabic)
 * with the CJK font drawing what DejaVu lacks (Chinese). Otherwise — Chinese on a machine without a CJK font, or
 * any non-Latin-1 language without a Unicode font — the fixed words, dates and States' names are English.
 */
export function informationNotePdf(
  n: InformationNote,
  { compress = true, fonts: pick = unicodeFonts, language = DEFAULT_LOCALE }: { compress?: boolean; fonts?: () => NoteFonts | null; language?: string } = {},
): Promise<Buffer> {
  const contentIn = (lang: string) => {
    const words = noteLanguage(lang);
    const frame = frameWords(words.t, n.title);
    const sections = noteSections(n, words.lang);
    const kind = n.kind === 'other' ? words.t('informationNote.kindOther') : words.t(`labels.engagementKind.${n.kind}`);
    // The words that are not the engagement's own, to check against the font.
    const fixed = [frame.committee, frame.title, frame.footnote, kind, words.t('informationNote.online'), dateSpan(n.startDate, n.endDate, words.intl), ...sections.map((s) => s.label)];
    return { frame, sections, fixed };
  };
  let content = contentIn(language);
  const isLatin1 = (s: string) => !toWinAnsi(s.replace(/\?/g, '')).includes('?');
  const everything = [n.title, content.frame.pageTitle, ...content.fixed, ...content.sections.map((s) => s.text)];
  const fonts = everything.every(isLatin1) ? null : pick();
  const regular = fonts ? 'note-regular' : 'Helvetica';
  const bold = fonts ? 'note-bold' : 'Helvetica-Bold';
  const doc = new PDFDocument({ size: 'A4', margin: 56, compress });
  let primary: (c: string) => boolean = () => true;
  let cjk: RegisteredCjk | null = null;
  if (fonts) {
    doc.registerFont(regular, fonts.regular);
    doc.registerFont(bold, fonts.bold);
    // Bold DejaVu draws what the regular does, so the regular face decides the runs of both weights.
    primary = currentGlyphs(doc.font(regular));
    const lacking = (s: string) => [...s].some((c) => !/\s/.test(c) && !primary(c));
    // The CJK font (megabytes) is read only for a note with characters DejaVu lacks.
    if (everything.some(lacking)) cjk = fonts.cjk ? registerCjk(doc, fonts.cjk) : warnNoCjkFont();
    const drawable = (s: string) => [...s].every((c) => /\s/.test(c) || primary(c) || cjk?.has(c) === true);
    if (!content.fixed.every(drawable)) content = contentIn(DEFAULT_LOCALE);
  } else if (!content.fixed.every(isLatin1)) {
    content = contentIn(DEFAULT_LOCALE);
  }
  doc.info.Title = content.frame.pageTitle;
  doc.info.Author = '1540 Committee';
  const t = fonts ? (s: string) => s : toWinAnsi;
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  // The weight being written, so a run in the CJK font takes the same one.
  let weight: 'regular' | 'bold' = 'regular';
  const useFont = (w: 'regular' | 'bold') => {
    weight = w;
    return doc.font(w === 'bold' ? bold : regular);
  };
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  // A line with right-to-left words, word by word from the paragraph's margin: pdfkit would set a space that follows
  // an Arabic word before it (fontkit reverses the word's run, its space included), gluing the words together.
  const drawLine = (line: string, direction: 'ltr' | 'rtl', oblique?: boolean) => {
    const words = visualLine(line, direction).split(' ');
    const space = doc.widthOfString(' ');
    const widths = words.map((w) => doc.widthOfString(w));
    if (doc.y + doc.currentLineHeight(true) > doc.page.maxY()) doc.addPage();
    const y = doc.y;
    let x = direction === 'rtl' ? left + Math.max(0, width - widths.reduce((a, b) => a + b, 0) - space * (words.length - 1)) : left;
    words.forEach((w, i) => {
      doc.text(w, x, y, { lineBreak: false, oblique });
      x += widths[i] + space;
    });
    doc.x = left;
    doc.y = y + doc.currentLineHeight(true);
  };
  // A left-to-right paragraph as pdfkit sets it; with Chinese in it, one `continued` call per font run (pdfkit wraps
  // across them, and between ideographs).
  const setParagraph = (s: string, options: { paragraphGap?: number; oblique?: boolean }) => {
    const runs = cjk ? fontRuns(s, primary, cjk.has) : [];
    if (!cjk || !runs.some((r) => r.fallback)) {
      doc.text(s, { width, ...options });
      return;
    }
    const own = weight === 'bold' ? bold : regular;
    const fallback = weight === 'bold' ? cjk.bold : cjk.regular;
    runs.forEach((r, i) => doc.font(r.fallback ? fallback : own).text(r.text, { width, ...options, continued: i < runs.length - 1 }));
    doc.font(own);
  };
  // A paragraph: as pdfkit sets it when it has no right-to-left letter (or no Unicode font to draw one), else wrapped
  // here, each line in visual order, right-aligned in a right-to-left paragraph.
  const write = (text: string, options: { paragraphGap?: number; oblique?: boolean } = {}) => {
    const s = t(text);
    if (!fonts || !RTL_LETTER.test(s)) {
      setParagraph(s, options);
      return;
    }
    const direction = paragraphDirection(s);
    for (const source of s.split('\n')) {
      let line = '';
      for (const word of source.split(/\s+/).filter(Boolean)) {
        const next = line ? `${line} ${word}` : word;
        if (line && doc.widthOfString(next) > width) {
          drawLine(line, direction, options.oblique);
          line = word;
        } else {
          line = next;
        }
      }
      if (line) drawLine(line, direction, options.oblique);
    }
    if (options.paragraphGap) doc.y += options.paragraphGap;
  };
  useFont('regular').fontSize(9).fillColor('#333');
  write(content.frame.committee);
  doc.moveDown(0.5);
  useFont('bold').fontSize(16).fillColor('#000');
  write(content.frame.title);
  doc.moveDown(0.8);
  for (const s of content.sections) {
    useFont('bold').fontSize(11);
    write(s.label);
    useFont('regular').fontSize(10.5);
    for (const p of s.text.split(/\n\s*\n/)) write(p.trim(), { paragraphGap: 4 });
    doc.moveDown(0.6);
  }
  doc.moveDown(1);
  useFont('regular').fontSize(9).fillColor('#333');
  write(content.frame.footnote, { oblique: true });
  doc.end();
  return done;
}

/** The note as the HTTP answer, in the reader's language: HTML shown in the browser, PDF downloaded. */
export async function noteFile(n: InformationNote & { id: string }, format: 'html' | 'pdf', language: string = DEFAULT_LOCALE): Promise<StreamableFile> {
  const name = `information-note-${n.startDate}-${n.id.slice(0, 8)}`;
  if (format === 'pdf') {
    return new StreamableFile(await informationNotePdf(n, { language }), { type: 'application/pdf', disposition: `attachment; filename="${name}.pdf"` });
  }
  return new StreamableFile(Buffer.from(informationNoteHtml(n, language), 'utf8'), {
    type: 'text/html; charset=utf-8',
    disposition: `inline; filename="${name}.html"`,
  });
}
