import { classifySmtpError, neverDelivered } from './smtp-errors';

const smtpError = (responseCode: number, response: string, code = 'EMESSAGE') => Object.assign(new Error(`Message failed: ${response}`), { responseCode, response, code });

describe('classifySmtpError', () => {
  it('treats 5xx replies as permanent', () => {
    expect(classifySmtpError(smtpError(550, '550 5.1.1 Mailbox unavailable'))).toEqual({ permanent: true, message: '550 5.1.1 Mailbox unavailable' });
    expect(classifySmtpError(smtpError(554, 'Transaction failed')).message).toBe('554 Transaction failed');
  });

  it('treats 4xx replies as temporary', () => {
    expect(classifySmtpError(smtpError(421, '421 Try again later'))).toEqual({ permanent: false, message: '421 Try again later' });
    expect(classifySmtpError(smtpError(451, '451 Greylisted')).permanent).toBe(false);
  });

  it('treats connection, timeout and TLS errors as temporary', () => {
    expect(classifySmtpError(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:2525'), { code: 'ESOCKET' }))).toEqual({
      permanent: false,
      message: 'ESOCKET: connect ECONNREFUSED 127.0.0.1:2525',
    });
    expect(classifySmtpError(Object.assign(new Error('Greeting never received'), { code: 'ETIMEDOUT' })).permanent).toBe(false);
    expect(classifySmtpError(new Error('socket hang up')).permanent).toBe(false);
  });

  it('keeps retrying our own configuration problems (credentials) instead of writing mail off', () => {
    expect(classifySmtpError(smtpError(535, '535 Authentication failed', 'EAUTH')).permanent).toBe(false);
  });

  it('treats an envelope refused before talking to the server as permanent', () => {
    expect(classifySmtpError(Object.assign(new Error('No recipients defined'), { code: 'EENVELOPE' })).permanent).toBe(true);
  });

  it('keeps the message to one bounded line', () => {
    const long = classifySmtpError(smtpError(421, `421 ${'x'.repeat(2000)}\nsecond line`));
    expect(long.message.length).toBeLessThanOrEqual(500);
    expect(long.message).not.toContain('\n');
  });
});

describe('neverDelivered', () => {
  it('is true when the server refused the connection, could not be found, or answered with a code', () => {
    expect(neverDelivered(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:2525'), { code: 'ESOCKET' }))).toBe(true);
    expect(neverDelivered(Object.assign(new Error('getaddrinfo ENOTFOUND smtp.example'), { code: 'EDNS' }))).toBe(true);
    expect(neverDelivered(smtpError(421, '421 Try again later'))).toBe(true);
    expect(neverDelivered(new Error('Failed', { cause: Object.assign(new Error('refused'), { code: 'ECONNREFUSED' }) }))).toBe(true);
  });

  it('is false when the connection was lost mid-session: the server may have the message', () => {
    expect(neverDelivered(Object.assign(new Error('Connection closed unexpectedly'), { code: 'ECONNECTION' }))).toBe(false);
    expect(neverDelivered(Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }))).toBe(false);
    expect(neverDelivered(Object.assign(new Error('Timeout'), { code: 'ETIMEDOUT' }))).toBe(false);
    expect(neverDelivered(null)).toBe(false);
  });
});
