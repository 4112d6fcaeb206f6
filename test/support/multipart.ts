/**
 * A multipart/form-data body built by hand, so a test controls every byte; `encoded` sends the name as RFC 5987
 * `filename*` (how control characters reach a server).
 */
export function multipart(fields: Record<string, string>, file?: { name: string; data: Buffer; type?: string; encoded?: boolean }): { body: Buffer; contentType: string } {
  const boundary = `----a1540test${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  }
  if (file) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; ${file.encoded ? `filename*=UTF-8''${encodeURIComponent(file.name)}` : `filename="${file.name}"`}\r\nContent-Type: ${file.type ?? 'application/octet-stream'}\r\n\r\n`));
    parts.push(file.data, Buffer.from('\r\n'));
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

/** Small but real samples of each accepted type (by their signatures) and of what is refused. */
export const SAMPLES = {
  pdf: Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n'),
  png: Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 1)]),
  html: Buffer.from('<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>'),
  text: Buffer.from('Annex 1: list of dual-use items\nItem;Code\n'),
  docx: zipWith(['[Content_Types].xml', '_rels/.rels', 'word/document.xml']),
  zip: zipWith(['readme.txt', 'payload.exe']),
};

/** A ZIP's local file headers with these entry names (stored, empty): enough for the type check, which reads names. */
export function zipWith(names: string[]): Buffer {
  return Buffer.concat(
    names.map((name) => {
      const header = Buffer.alloc(30);
      header.writeUInt32LE(0x04034b50, 0);
      header.writeUInt16LE(20, 4);
      header.writeUInt16LE(Buffer.byteLength(name), 26);
      return Buffer.concat([header, Buffer.from(name)]);
    }),
  );
}
