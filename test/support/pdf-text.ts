/**
 * The text of a PDF written by pdfkit with `compress: false` or of one whose streams are Flate-compressed, for
 * tests: the hex strings of each TJ array joined into lines. Standard fonts' strings are WinAnsi bytes; embedded
 * fonts' (Identity-H glyph codes) are decoded through the font's ToUnicode CMap, so Cyrillic or Arabic text
 * reads back as written. Enough to check that a note names its venue and participants, without a PDF parser.
 */
import { inflateSync } from 'node:zlib';

interface PdfObject {
  dict: string;
  stream: string | null;
}

function objects(pdf: Buffer): Map<string, PdfObject> {
  const raw = pdf.toString('latin1');
  const found = new Map<string, PdfObject>();
  const re = /(\d+) 0 obj\b/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(raw))) {
    const start = m.index + m[0].length;
    const end = raw.indexOf('endobj', start);
    if (end < 0) break;
    const body = raw.slice(start, end);
    const s = /stream\r?\n/.exec(body);
    if (s) {
      const dict = body.slice(0, s.index);
      const from = start + s.index + s[0].length;
      const to = raw.indexOf('endstream', from);
      const bytes = pdf.subarray(from, to);
      let stream: string | null;
      try {
        stream = /FlateDecode/.test(dict) ? inflateSync(bytes).toString('latin1') : bytes.toString('latin1');
      } catch {
        stream = null; // a font or image stream that is not text
      }
      found.set(m[1], { dict, stream });
    } else {
      found.set(m[1], { dict: body, stream: null });
    }
    re.lastIndex = end;
  }
  return found;
}

/** A ToUnicode CMap as code → text (pdfkit writes `bfrange` arrays; `bfchar` and plain ranges are read too). */
function toUnicode(cmap: string): Map<number, string> {
  const map = new Map<number, string>();
  const utf16 = (hex: string) => String.fromCharCode(...(hex.match(/.{4}/g) ?? []).map((h) => parseInt(h, 16)));
  for (const block of cmap.matchAll(/beginbfrange([^]*?)endbfrange/g)) {
    for (const r of block[1].matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(\[[^\]]*\]|<[0-9a-fA-F]+>)/g)) {
      const lo = parseInt(r[1], 16);
      const hi = parseInt(r[2], 16);
      if (r[3].startsWith('[')) {
        [...r[3].matchAll(/<([0-9a-fA-F ]+)>/g)].forEach((u, k) => map.set(lo + k, utf16(u[1].replace(/\s+/g, ''))));
      } else {
        const base = parseInt(r[3].slice(1, -1), 16);
        for (let c = lo; c <= hi; c++) map.set(c, String.fromCharCode(base + c - lo));
      }
    }
  }
  for (const block of cmap.matchAll(/beginbfchar([^]*?)endbfchar/g)) {
    for (const r of block[1].matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>/g)) map.set(parseInt(r[1], 16), utf16(r[2]));
  }
  return map;
}

export function pdfText(pdf: Buffer): string {
  const objs = objects(pdf);
  // Font resource names (/F2) → the font's ToUnicode map, when it has one.
  const fonts = new Map<string, Map<number, string>>();
  for (const o of objs.values()) {
    for (const res of o.dict.matchAll(/\/Font\s*<<([^>]*)>>/g)) {
      for (const f of res[1].matchAll(/\/([\w.+-]+)\s+(\d+) 0 R/g)) {
        const font = objs.get(f[2]);
        const ref = font && /\/ToUnicode\s+(\d+) 0 R/.exec(font.dict);
        const cmap = ref && objs.get(ref[1])?.stream;
        if (cmap) fonts.set(f[1], toUnicode(cmap));
      }
    }
  }
  const lines: string[] = [];
  for (const o of objs.values()) {
    if (o.stream === null) continue;
    let font: Map<number, string> | undefined;
    for (const op of o.stream.matchAll(/\/([\w.+-]+)\s+[\d.]+\s+Tf|\[([^\]]*)\]\s*TJ/g)) {
      if (op[1] !== undefined) {
        font = fonts.get(op[1]);
        continue;
      }
      const hexes = [...op[2].matchAll(/<([0-9a-fA-F]*)>/g)].map((h) => h[1]);
      lines.push(hexes.map((h) => (font ? decodeCodes(h, font) : winAnsi(Buffer.from(h, 'hex')))).join(''));
    }
  }
  return lines.join('\n');
}

function decodeCodes(hex: string, map: Map<number, string>): string {
  return (hex.match(/.{4}/g) ?? []).map((c) => map.get(parseInt(c, 16)) ?? '\ufffd').join('');
}

// cp1252's 0x80–0x9F (Node's TextDecoder decodes the label as Latin-1, without these).
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';
function winAnsi(bytes: Buffer): string {
  return [...bytes].map((b) => (b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80] : String.fromCharCode(b))).join('');
}
