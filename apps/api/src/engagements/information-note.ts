import * as fs from 'node:fs';
import * as path from 'node:path';
import { Logger, StreamableFile } from '@nestjs/common';
import PDFDocument from 'pdfkit';
import { INFORMATION_NOTE_FOOTNOTE, stateName, type EngagementKind } from '@app/domain';

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

const KIND_LABEL: Record<EngagementKind, string> = {
  roundtable: 'Roundtable',
  workshop: 'Workshop',
  country_visit: 'Country visit',
  webinar: 'Webinar',
  peer_review: 'Peer review',
  other: 'Engagement',
};

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const spell = (d: string) => {
  const [y, m, day] = d.split('-').map(Number);
  return { y, m: MONTHS[m - 1], d: day };
};

/** "6–8 December 2022", "30 November – 2 December 2022", "6 December 2022". */
export function dateSpan(start: string, end: string): string {
  const a = spell(start);
  const b = spell(end);
  if (start === end) return `${a.d} ${a.m} ${a.y}`;
  if (a.y === b.y && a.m === b.m) return `${a.d}–${b.d} ${b.m} ${b.y}`;
  if (a.y === b.y) return `${a.d} ${a.m} – ${b.d} ${b.m} ${b.y}`;
  return `${a.d} ${a.m} ${a.y} – ${b.d} ${b.m} ${b.y}`;
}

const party = (p: { name: string; note: string | null }) => (p.note ? `${p.name} (${p.note})` : p.name);

/** The note's sections in order, as label and text (paragraphs separated by blank lines), shared by HTML and PDF. */
export function noteSections(n: InformationNote): { label: string; text: string }[] {
  const where = [n.venue, n.online ? 'online' : null].filter(Boolean).join(' and ') || '—';
  return [
    { label: 'Event', text: `${KIND_LABEL[n.kind]}: ${n.title}` },
    { label: 'State(s) concerned', text: n.states.map((s) => stateName(s) ?? s).join(', ') || '—' },
    { label: 'Organiser', text: n.organisers.map(party).join('; ') || '—' },
    { label: 'Date and venue', text: `${dateSpan(n.startDate, n.endDate)}, ${where}` },
    { label: 'Participants', text: n.participants.map(party).join('; ') || '—' },
    { label: 'Background', text: n.background || '—' },
    { label: 'Highlights', text: n.highlights || '—' },
    { label: 'Additional comments', text: n.additionalComments || '—' },
  ];
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
const paragraphs = (s: string) =>
  s
    .split(/\n\s*\n/)
    .map((p) => `<p>${escapeHtml(p.trim()).replace(/\n/g, '<br>')}</p>`)
    .join('');

/** The note as a standalone HTML page (every text escaped). */
export function informationNoteHtml(n: InformationNote): string {
  const rows = noteSections(n)
    .map((s) => `<tr><th scope="row">${escapeHtml(s.label)}</th><td>${paragraphs(s.text)}</td></tr>`)
    .join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Information note – ${escapeHtml(n.title)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:50rem;margin:2rem auto;padding:0 1rem;color:#111}
th{text-align:left;vertical-align:top;padding:.5rem 1rem .5rem 0;width:12rem}td{padding:.5rem 0}td p{margin:0 0 .5rem}
footer{margin-top:2rem;border-top:1px solid #888;padding-top:.5rem;font-style:italic}</style></head>
<body><header><p>Security Council Committee established pursuant to resolution 1540 (2004)</p><h1>Information note</h1></header>
<table>
${rows}
</table>
<footer>${escapeHtml(INFORMATION_NOTE_FOOTNOTE)}</footer>
</body></html>`;
}

// Standard PDF fonts cover Latin-1 only (WinAnsi). A note in those characters uses Helvetica; one with others
// (Cyrillic, Greek, Arabic letters…) embeds DejaVu Sans, looked for in this order: PDF_FONT_DIR, the
// `dejavu-fonts-ttf` npm package (shipped with the app, so no system package is needed), Debian's
// fonts-dejavu-core. Without any, Helvetica with the missing characters shown as "?" (logged once). DejaVu has no
// Chinese, Japanese or Korean glyphs: those need a CJK font in PDF_FONT_DIR under the same file names.
export interface NoteFonts {
  regular: string;
  bold: string;
  source: string;
}
const FONT_FILES = { regular: 'DejaVuSans.ttf', bold: 'DejaVuSans-Bold.ttf' } as const;

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

let warned = false;
/** The Unicode font pair to embed, or null (then Helvetica, with a warning logged once per process). */
export function unicodeFonts(env: NodeJS.ProcessEnv = process.env): NoteFonts | null {
  for (const { dir, source } of unicodeFontDirs(env)) {
    const regular = path.join(dir, FONT_FILES.regular);
    const bold = path.join(dir, FONT_FILES.bold);
    if (fs.existsSync(regular) && fs.existsSync(bold)) return { regular, bold, source };
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
const toWinAnsi = (s: string) => [...s].map((c) => (c.charCodeAt(0) < 256 || WIN_ANSI_EXTRA.includes(c) ? c : '?')).join('');

/**
 * The note as a PDF (pdfkit). `compress: false` keeps the content streams readable, so a test (or a search
 * tool) can find the text without a PDF parser.
 */
export function informationNotePdf(n: InformationNote, { compress = true, fonts: pick = unicodeFonts }: { compress?: boolean; fonts?: () => NoteFonts | null } = {}): Promise<Buffer> {
  const sections = noteSections(n);
  const latin = sections.every((s) => toWinAnsi(s.text) === s.text) && toWinAnsi(n.title) === n.title;
  const fonts = latin ? null : pick();
  const doc = new PDFDocument({ size: 'A4', margin: 56, compress, info: { Title: `Information note – ${n.title}`, Author: '1540 Committee' } });
  const regular = fonts ? 'note-regular' : 'Helvetica';
  const bold = fonts ? 'note-bold' : 'Helvetica-Bold';
  if (fonts) {
    doc.registerFont(regular, fonts.regular);
    doc.registerFont(bold, fonts.bold);
  }
  const t = fonts ? (s: string) => s : toWinAnsi;
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.font(regular).fontSize(9).fillColor('#333').text(t('Security Council Committee established pursuant to resolution 1540 (2004)'));
  doc.moveDown(0.5).font(bold).fontSize(16).fillColor('#000').text(t('Information note'));
  doc.moveDown(0.8);
  for (const s of sections) {
    doc.font(bold).fontSize(11).text(t(s.label));
    doc.font(regular).fontSize(10.5);
    for (const p of s.text.split(/\n\s*\n/)) doc.text(t(p.trim()), { paragraphGap: 4 });
    doc.moveDown(0.6);
  }
  doc.moveDown(1).font(regular).fontSize(9).fillColor('#333').text(t(INFORMATION_NOTE_FOOTNOTE), { oblique: true });
  doc.end();
  return done;
}

/** The note as the HTTP answer: HTML shown in the browser, PDF downloaded. */
export async function noteFile(n: InformationNote & { id: string }, format: 'html' | 'pdf'): Promise<StreamableFile> {
  const name = `information-note-${n.startDate}-${n.id.slice(0, 8)}`;
  if (format === 'pdf') {
    return new StreamableFile(await informationNotePdf(n), { type: 'application/pdf', disposition: `attachment; filename="${name}.pdf"` });
  }
  return new StreamableFile(Buffer.from(informationNoteHtml(n), 'utf8'), { type: 'text/html; charset=utf-8', disposition: `inline; filename="${name}.html"` });
}
