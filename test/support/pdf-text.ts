/**
 * The text of a PDF written by pdfkit with `compress: false` or of one whose streams are Flate-compressed, for
 * tests: the hex strings of each TJ array (standard fonts: WinAnsi bytes) joined into lines. Enough to check
 * that a note names its venue and participants, without a PDF parser.
 */
import { inflateSync } from 'node:zlib';

export function pdfText(pdf: Buffer): string {
  const raw = pdf.toString('latin1');
  const streams: string[] = [];
  const re = /<<([^]*?)>>\s*stream\r?\n/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(raw))) {
    const start = m.index + m[0].length;
    const end = raw.indexOf('endstream', start);
    const body = pdf.subarray(start, end);
    try {
      streams.push(/FlateDecode/.test(m[1]) ? inflateSync(body).toString('latin1') : body.toString('latin1'));
    } catch {
      // a font or image stream that is not text
    }
  }
  const lines: string[] = [];
  for (const s of streams) {
    for (const tj of s.matchAll(/\[([^\]]*)\]\s*TJ/g)) {
      lines.push([...tj[1].matchAll(/<([0-9a-fA-F]*)>/g)].map((h) => winAnsi(Buffer.from(h[1], 'hex'))).join(''));
    }
  }
  return lines.join('\n');
}

// cp1252's 0x80–0x9F (Node's TextDecoder decodes the label as Latin-1, without these).
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';
function winAnsi(bytes: Buffer): string {
  return [...bytes].map((b) => (b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80] : String.fromCharCode(b))).join('');
}
