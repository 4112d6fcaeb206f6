/** The longest file name kept, in characters (the column holds 255; browsers and file systems cope with 200). */
export const FILE_NAME_MAX = 200;

// Control characters (C0, DEL, C1) and the bidirectional overrides that make `exe.pdf` read as `fdp.exe`.
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
// Characters Windows refuses in names, and the separators of every file system.
const RESERVED = /[<>:"/\\|?*]/g;
const WINDOWS_DEVICES = /^(con|prn|aux|nul|com\d|lpt\d)(\.|$)/i;

/**
 * A name that is safe to store and to offer back in Content-Disposition: only the last path segment, no control or
 * reserved characters, no leading dots, at most FILE_NAME_MAX characters with the extension kept. Empty names
 * become `document.<ext>` from the type found in the content.
 */
export function safeFileName(raw: string | undefined, fallbackExtension: string): string {
  const base = (raw ?? '').normalize('NFC').split(/[/\\]/).pop() ?? '';
  let name = base.replace(UNSAFE, '').replace(RESERVED, '_').replace(/\s+/g, ' ').trim().replace(/^[.\s]+/, '').replace(/[.\s]+$/, '');
  if (WINDOWS_DEVICES.test(name)) name = `_${name}`;
  if (!name) return `document.${fallbackExtension}`;
  const chars = Array.from(name);
  if (chars.length <= FILE_NAME_MAX) return name;
  const dot = name.lastIndexOf('.');
  const ext = dot > 0 ? Array.from(name.slice(dot)) : [];
  const keepExt = ext.length > 1 && ext.length <= 10 ? ext : [];
  return chars.slice(0, FILE_NAME_MAX - keepExt.length).join('').trimEnd() + keepExt.join('');
}

/** `attachment; filename="ascii"; filename*=UTF-8''…` (RFC 6266 with RFC 5987 for the real name). */
export function contentDisposition(disposition: 'attachment' | 'inline', fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${disposition}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
