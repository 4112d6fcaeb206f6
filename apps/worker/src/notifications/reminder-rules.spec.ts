import { engagementActionReminder, expiringOfferReminder, followUpReminder, objectionWindowReminder, unansweredMatchReminder } from './reminder-rules';

const at = (iso: string) => new Date(iso);

describe('reminder rules', () => {
  it('objection window over: acknowledged, not waived, five working days passed', () => {
    const r = { id: 'r1', status: 'acknowledged', acknowledgedAt: at('2026-03-06T15:00:00Z'), objectionWindowWaived: false }; // a Friday
    expect(objectionWindowReminder(r, at('2026-03-13T14:59:59Z'))).toBeNull();
    expect(objectionWindowReminder(r, at('2026-03-13T15:00:00Z'))).toEqual({
      kind: 'objection_window_over',
      subjectKey: 'r1@2026-03-06T15:00:00.000Z',
      subjectType: 'request',
      subjectId: 'r1',
      event: { type: 'reminder.objection_window_over', payload: { closesAt: '2026-03-13T15:00:00.000Z', subjectKey: 'r1@2026-03-06T15:00:00.000Z' } },
    });
    expect(objectionWindowReminder({ ...r, objectionWindowWaived: true }, at('2026-04-01T00:00:00Z'))).toBeNull();
    expect(objectionWindowReminder({ ...r, status: 'circulated' }, at('2026-04-01T00:00:00Z'))).toBeNull();
  });

  it('a new acknowledgement is a new occasion (a new key)', () => {
    const base = { id: 'r1', status: 'acknowledged', objectionWindowWaived: false };
    const a = objectionWindowReminder({ ...base, acknowledgedAt: at('2026-03-02T09:00:00Z') }, at('2026-05-01T00:00:00Z'))!;
    const b = objectionWindowReminder({ ...base, acknowledgedAt: at('2026-04-02T09:00:00Z') }, at('2026-05-01T00:00:00Z'))!;
    expect(a.subjectKey).not.toBe(b.subjectKey);
  });

  it('endorsed match unanswered for 14 days', () => {
    const m = { id: 'm1', status: 'endorsed', endorsedAt: at('2026-03-01T12:00:00Z') };
    expect(unansweredMatchReminder(m, at('2026-03-15T11:59:59Z'))).toBeNull();
    expect(unansweredMatchReminder(m, at('2026-03-15T12:00:00Z'))?.subjectKey).toBe('m1@2026-03-01T12:00:00.000Z');
    expect(unansweredMatchReminder({ ...m, status: 'accepted' }, at('2026-04-15T00:00:00Z'))).toBeNull();
  });

  it('offer expiring within 14 days, today included, not once expired', () => {
    const o = { id: 'o1', status: 'active', availableUntil: '2026-03-20' };
    expect(expiringOfferReminder(o, at('2026-03-05T08:00:00Z'))).toBeNull();
    expect(expiringOfferReminder(o, at('2026-03-06T08:00:00Z'))?.subjectKey).toBe('o1@2026-03-20');
    expect(expiringOfferReminder(o, at('2026-03-20T23:00:00Z'))).not.toBeNull();
    expect(expiringOfferReminder(o, at('2026-03-21T00:00:00Z'))).toBeNull();
    expect(expiringOfferReminder({ ...o, status: 'closed' }, at('2026-03-10T00:00:00Z'))).toBeNull();
    expect(expiringOfferReminder({ ...o, availableUntil: null }, at('2026-03-10T00:00:00Z'))).toBeNull();
  });

  it('follow-up 12 calendar months after delivery (resolution 2663 OP20), not when long overdue', () => {
    const r = { id: 'r1', status: 'delivered', deliveredAt: at('2025-01-31T10:00:00Z') };
    expect(followUpReminder(r, at('2026-01-31T09:59:59Z'))).toBeNull();
    expect(followUpReminder(r, at('2026-01-31T10:00:00Z'))?.event.payload.dueAt).toBe('2026-01-31T10:00:00.000Z');
    expect(followUpReminder({ ...r, status: 'closed' }, at('2026-02-15T00:00:00Z'))).not.toBeNull();
    expect(followUpReminder(r, at('2026-06-01T00:00:00Z'))).toBeNull();
    expect(followUpReminder({ ...r, status: 'in_delivery' }, at('2026-02-15T00:00:00Z'))).toBeNull();
  });
});

describe('engagement follow-up action reminder', () => {
  const now = new Date('2023-03-25T08:00:00Z');
  const action = (over: Partial<{ status: string; dueDate: string }> = {}) => ({ id: 'a1', engagementId: 'e1', status: 'open', dueDate: '2023-03-31', ...over });

  it('falls due a week ahead, once per due date, for open actions only', () => {
    expect(engagementActionReminder(action(), now)).toMatchObject({
      kind: 'engagement_action_due',
      subjectKey: 'a1@2023-03-31',
      subjectType: 'engagement_follow_up',
      event: { type: 'reminder.engagement_action_due', payload: { engagementId: 'e1', dueDate: '2023-03-31' } },
    });
    expect(engagementActionReminder(action({ dueDate: '2023-04-02' }), now)).toBeNull(); // more than 7 days ahead
    expect(engagementActionReminder(action({ status: 'done' }), now)).toBeNull();
    expect(engagementActionReminder(action({ dueDate: '2023-03-01' }), now)?.subjectKey).toBe('a1@2023-03-01'); // overdue
    expect(engagementActionReminder(action({ dueDate: '2022-11-01' }), now)).toBeNull(); // past the grace period
  });
});
