import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CLOSE_REASONS, MATCH_STATUSES, OFFER_STATUSES, REQUEST_STATUSES } from '@app/domain';
import { formatMailDate, formatMailDateTime } from './dates';
import { CLOSE_REASON_LABELS, reasonLabel, STATUS_LABELS, statusLabel } from './labels';

// The web app's words for the same codes: e-mails and the inbox must not call a status something else.
const web = JSON.parse(readFileSync(join(__dirname, '../../../apps/web/src/i18n/en.json'), 'utf8')) as Record<string, Record<string, string>>;

describe('labels for e-mails and inbox items', () => {
  it.each([
    ['request', REQUEST_STATUSES, web.requestStatus],
    ['offer', OFFER_STATUSES, web.offerStatus],
    ['match', MATCH_STATUSES, web.matchStatus],
  ] as const)('name every %s status as the web app does', (subject, statuses, webLabels) => {
    expect(Object.keys(STATUS_LABELS[subject]).sort()).toEqual([...statuses].sort());
    for (const status of statuses) expect(statusLabel(subject, status)).toBe(webLabels[status]);
  });

  it('name every close reason as the web app does', () => {
    for (const reason of CLOSE_REASONS) expect(CLOSE_REASON_LABELS[reason]).toBe(web.closeReasons[reason]);
    expect(reasonLabel('partially_fulfilled')).toBe('Partially fulfilled');
  });

  it('never show a raw code', () => {
    expect(statusLabel('match', 'endorsed')).toBe('Endorsed');
    expect(statusLabel('request', 'in_delivery')).toBe('In delivery');
    expect(statusLabel('offer', 'pending_verification')).toBe('Pending verification');
    // A status added later without a label is still spelt out, not shown as a code.
    expect(statusLabel('request', 'on_hold')).toBe('On hold');
  });

  it('keep a free-text reason as written', () => {
    expect(reasonLabel('Our experts are committed elsewhere until June')).toBe('Our experts are committed elsewhere until June');
  });
});

describe('dates in e-mails and inbox items', () => {
  it('read like the web app\'s: day, short month, year', () => {
    expect(formatMailDate('2020-05-12')).toBe('12 May 2020');
    expect(formatMailDate(new Date('2023-02-28T23:30:00Z'))).toBe('28 Feb 2023');
    expect(formatMailDateTime(new Date('2020-05-12T14:05:00Z'))).toBe('12 May 2020, 14:05 UTC');
  });

  it('say so when a date is missing or not a date', () => {
    expect(formatMailDate(null)).toBe('an unknown date');
    expect(formatMailDate('soon')).toBe('an unknown date');
    expect(formatMailDateTime(undefined)).toBe('an unknown time');
  });
});
