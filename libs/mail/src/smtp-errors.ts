export interface SmtpFailure {
  /** 5xx: the server refused this message for good; retrying cannot help. */
  permanent: boolean;
  /** One line for the delivery record: reply code and text, or the network error. */
  message: string;
}

// Errors about our own set-up (credentials, configuration) are not the message's fault: keep retrying with
// backoff so an operator can fix them without every queued e-mail being written off.
const CONFIGURATION_CODES = new Set(['EAUTH', 'ENOAUTH', 'EOAUTH2', 'ECONFIG']);

/**
 * Temporary (retry with backoff) or permanent (record as failed, no retry), from an error nodemailer raised.
 * SMTP reply codes decide when there is one: 4xx temporary, 5xx permanent. Without a reply (connection refused
 * or reset, DNS, timeout, TLS) the failure is temporary. An envelope nodemailer rejects before talking to the
 * server (no recipients) is permanent.
 */
export function classifySmtpError(err: unknown): SmtpFailure {
  const e = (err ?? {}) as { responseCode?: unknown; code?: unknown; response?: unknown; message?: unknown };
  const code = typeof e.responseCode === 'number' ? e.responseCode : null;
  const text = oneLine(typeof e.response === 'string' && e.response ? e.response : String(e.message ?? err));
  const errCode = typeof e.code === 'string' ? e.code : null;
  if (errCode && CONFIGURATION_CODES.has(errCode)) return { permanent: false, message: `${errCode}: ${text}` };
  if (code !== null && code >= 500 && code < 600) return { permanent: true, message: withCode(code, text) };
  if (code !== null && code >= 400 && code < 500) return { permanent: false, message: withCode(code, text) };
  if (errCode === 'EENVELOPE' && code === null) return { permanent: true, message: `${errCode}: ${text}` };
  return { permanent: false, message: errCode ? `${errCode}: ${text}` : text };
}

function withCode(code: number, text: string): string {
  return text.startsWith(String(code)) ? text : `${code} ${text}`;
}

function oneLine(s: string): string {
  return s.replace(/\s+/g, ' ').trim().slice(0, 500);
}

// No connection was ever made: refused, or the name did not resolve.
const NEVER_CONNECTED = /ECONNREFUSED|ENOTFOUND|EAI_AGAIN/;

/**
 * True when a failed send cannot have reached the server: it refused the connection or could not be found, or it
 * answered with a reply code (a refusal). A connection lost mid-session (reset, closed, timed out) is not: the
 * server may have accepted the message just before its reply was lost.
 */
export function neverDelivered(err: unknown, depth = 0): boolean {
  if (!err || typeof err !== 'object' || depth > 4) return false;
  const e = err as { responseCode?: unknown; code?: unknown; message?: unknown; cause?: unknown };
  if (typeof e.responseCode === 'number') return true;
  if (typeof e.code === 'string' && NEVER_CONNECTED.test(e.code)) return true;
  if (typeof e.message === 'string' && NEVER_CONNECTED.test(e.message)) return true;
  return neverDelivered(e.cause, depth + 1);
}
