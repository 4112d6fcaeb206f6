import type { DocumentFileType } from '@app/contracts';

export interface SniffedType {
  type: DocumentFileType;
  contentType: string;
  extension: string;
}

const TYPES: Record<DocumentFileType, SniffedType> = {
  pdf: { type: 'pdf', contentType: 'application/pdf', extension: 'pdf' },
  docx: { type: 'docx', contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', extension: 'docx' },
  xlsx: { type: 'xlsx', contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', extension: 'xlsx' },
  odt: { type: 'odt', contentType: 'application/vnd.oasis.opendocument.text', extension: 'odt' },
  ods: { type: 'ods', contentType: 'application/vnd.oasis.opendocument.spreadsheet', extension: 'ods' },
  png: { type: 'png', contentType: 'image/png', extension: 'png' },
  jpeg: { type: 'jpeg', contentType: 'image/jpeg', extension: 'jpg' },
  txt: { type: 'txt', contentType: 'text/plain; charset=utf-8', extension: 'txt' },
  csv: { type: 'csv', contentType: 'text/csv; charset=utf-8', extension: 'csv' },
};

/** Extensions a name may have for each type; a name with another known extension is refused as a disguise. */
const EXTENSIONS: Record<string, DocumentFileType[]> = {
  pdf: ['pdf'],
  docx: ['docx'],
  xlsx: ['xlsx'],
  odt: ['odt'],
  ods: ['ods'],
  png: ['png'],
  jpg: ['jpeg'],
  jpeg: ['jpeg'],
  txt: ['txt'],
  text: ['txt'],
  csv: ['csv'],
};

export const ALLOWED_DESCRIPTION = 'PDF, Word (DOCX), Excel (XLSX), OpenDocument text or spreadsheet (ODT, ODS), PNG, JPEG, or plain UTF-8 text (TXT, CSV)';

/** Why the content was refused: the API's 415 message in English, and the catalogue key that words it in any language. */
export class RefusedContent extends Error {
  constructor(
    message: string,
    readonly key: 'errors.document.empty' | 'errors.document.refused' = 'errors.document.refused',
  ) {
    super(message);
  }
}

const HEAD_BYTES = 4096;
const ZIP_LOCAL = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const MARKUP = /^\s*<(!doctype|html|head|body|script|svg|\?xml|iframe|object|meta|a\s|div|p>|!--)/i;

/**
 * Decides a file's type from its bytes as they stream past, keeping only a few kilobytes: the head (signatures,
 * the first ZIP entry) and a short tail to read ZIP entry names across chunk boundaries. `push` throws as soon as
 * the head rules the file out (an HTML page renamed .pdf fails on its first chunk); `finish` gives the verdict.
 */
export class ContentSniffer {
  private head = Buffer.alloc(0);
  private carry = Buffer.alloc(0);
  private readonly zipNames = new Set<string>();
  private kind: 'pdf' | 'png' | 'jpeg' | 'zip' | 'text' | null = null;
  private readonly decoder = new TextDecoder('utf-8', { fatal: true });
  private total = 0;
  private early: Buffer[] = [];

  constructor(private readonly fileName: string) {}

  push(chunk: Buffer): void {
    this.total += chunk.length;
    if (this.head.length < HEAD_BYTES) this.head = Buffer.concat([this.head, chunk.subarray(0, HEAD_BYTES - this.head.length)]);
    // Until the head decides the kind, chunks wait (a few bytes: the head needs 16), then go through as one.
    if (!this.kind) {
      this.early.push(chunk);
      if (this.head.length < 16) return;
      this.kind = this.classifyHead();
      chunk = Buffer.concat(this.early);
      this.early = [];
    }
    if (this.kind === 'zip') this.scanZip(chunk);
    if (this.kind === 'text') this.checkText(chunk, true);
  }

  finish(): SniffedType {
    if (this.total === 0) throw new RefusedContent('The file is empty', 'errors.document.empty');
    if (!this.kind) {
      this.kind = this.classifyHead();
      const rest = Buffer.concat(this.early);
      if (this.kind === 'zip') this.scanZip(rest);
      if (this.kind === 'text') this.checkText(rest, true);
    }
    let found: SniffedType;
    switch (this.kind) {
      case 'pdf':
      case 'png':
      case 'jpeg':
        found = TYPES[this.kind];
        break;
      case 'zip':
        found = this.zipType();
        break;
      case 'text':
        this.checkText(Buffer.alloc(0), false);
        found = TYPES[this.extension() === 'csv' ? 'csv' : 'txt'];
        break;
    }
    this.checkName(found);
    return found;
  }

  private extension(): string {
    const dot = this.fileName.lastIndexOf('.');
    return dot > 0 ? this.fileName.slice(dot + 1).toLowerCase() : '';
  }

  /** A name that claims another allowed type is refused: whatever it holds, it is not what it says. */
  private checkName(found: SniffedType): void {
    const claimed = EXTENSIONS[this.extension()];
    if (claimed && !claimed.includes(found.type)) {
      throw new RefusedContent(`The file is named .${this.extension()} but its content is ${describe(found)}; only ${ALLOWED_DESCRIPTION} are accepted, named as what they are`);
    }
  }

  private classifyHead(): 'pdf' | 'png' | 'jpeg' | 'zip' | 'text' {
    const h = this.head;
    if (h.subarray(0, 5).toString('latin1') === '%PDF-') return 'pdf';
    if (h.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'png';
    if (h[0] === 0xff && h[1] === 0xd8 && h[2] === 0xff) return 'jpeg';
    if (h.subarray(0, 4).equals(ZIP_LOCAL)) return 'zip';
    if (h.includes(0)) throw new RefusedContent(`The file's content is not one of the accepted types (${ALLOWED_DESCRIPTION})`);
    return 'text';
  }

  private checkText(chunk: Buffer, stream: boolean): void {
    if (chunk.includes(0)) throw new RefusedContent(`The file holds binary data that is not one of the accepted types (${ALLOWED_DESCRIPTION})`);
    try {
      this.decoder.decode(chunk, { stream });
    } catch {
      throw new RefusedContent(`The file is neither one of the accepted document types nor valid UTF-8 text (${ALLOWED_DESCRIPTION})`);
    }
    const start = this.head.toString('utf8').replace(/^\uFEFF/, '');
    if (MARKUP.test(start)) throw new RefusedContent(`The file is a web page or markup (HTML, XML, SVG), which is not accepted; send ${ALLOWED_DESCRIPTION}`);
  }

  /** Collects the names of the ZIP's local file headers (the entries in the order they were written). */
  private scanZip(chunk: Buffer): void {
    const data = Buffer.concat([this.carry, chunk]);
    let at = data.indexOf(ZIP_LOCAL);
    let consumed = Math.max(0, data.length - 300);
    while (at !== -1) {
      if (at + 30 > data.length) {
        consumed = Math.min(consumed, at);
        break;
      }
      const nameLength = data.readUInt16LE(at + 26);
      if (at + 30 + nameLength > data.length) {
        consumed = Math.min(consumed, at);
        break;
      }
      if (this.zipNames.size < 10_000) this.zipNames.add(data.subarray(at + 30, at + 30 + nameLength).toString('utf8'));
      at = data.indexOf(ZIP_LOCAL, at + 4);
    }
    this.carry = data.subarray(consumed);
  }

  private zipType(): SniffedType {
    // OpenDocument: the first entry is an uncompressed `mimetype` holding the type.
    const h = this.head;
    if (h.length > 38 && h.subarray(30, 38).toString('latin1') === 'mimetype') {
      const start = 38 + h.readUInt16LE(28);
      const mime = h.subarray(start, start + 60).toString('latin1');
      if (mime.startsWith('application/vnd.oasis.opendocument.text')) return TYPES.odt;
      if (mime.startsWith('application/vnd.oasis.opendocument.spreadsheet')) return TYPES.ods;
    }
    const names = [...this.zipNames];
    if (this.zipNames.has('[Content_Types].xml')) {
      if (names.some((n) => n.startsWith('word/'))) return TYPES.docx;
      if (names.some((n) => n.startsWith('xl/'))) return TYPES.xlsx;
    }
    throw new RefusedContent(`The file is a ZIP archive but not a Word, Excel or OpenDocument file; accepted: ${ALLOWED_DESCRIPTION}`);
  }
}

function describe(t: SniffedType): string {
  return t.type === 'txt' || t.type === 'csv' ? 'plain text' : t.type.toUpperCase();
}
