import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { EVENT_TYPES, type EventType } from '@app/contracts';
import {
  AUDIENCE_NEEDS,
  audiencesTableMarkdown,
  EventFacts,
  factsFor,
  isSilent,
  keyFacts,
  linkPath,
  NOTIFICATION_RULES,
  NotificationRule,
  NotifyRule,
  rulesTableMarkdown,
  SubjectType,
} from './notification-rules';

const root = path.resolve(__dirname, '../../../..');

type LooseFacts = Omit<EventFacts, 'type' | 'payload'> & { type: EventType; payload: object };

/**
 * One fixture for every rule: its payload carries each field some rule reads. Each rule's own payload type is
 * checked by tsc against the catalogue; here the wording is.
 */
const facts = (over: Partial<LooseFacts> = {}): EventFacts =>
  ({
    type: 'match.accepted',
    payload: { from: 'endorsed', to: 'accepted', revision: 2, closesAt: '2026-03-06T10:00:00.000Z', endorsedAt: '2026-02-01T10:00:00.000Z', side: 'provider', rating: 4, kind: 'message', excerpt: 'We can start in March.', messageId: 'm1' },
    actorId: null,
    comment: 'Please add the customs laboratory.',
    reason: 'no capacity this year',
    request: {
      id: 'r1',
      reference: 'MNG-2026-004',
      title: 'Biosafety level 3 laboratory',
      state: 'MNG',
      stateName: 'Mongolia',
      status: 'circulated',
      visibility: 'providers',
      organizationId: 'org-nec',
      organizationName: 'Nuclear Energy Commission (MNG)',
      acknowledgedAt: new Date('2026-02-27T10:00:00Z'),
      objectionWindowWaived: false,
      deliveredAt: new Date('2025-02-01T10:00:00Z'),
    },
    offer: { id: 'o1', title: 'Biosafety training', status: 'active', providerId: 'org-bafa', providerName: 'BAFA', availableUntil: '2026-12-31' },
    match: { id: 'm1', status: 'accepted', origin: 'engine', declineReason: null },
    engagementAction: {
      id: 'a1',
      engagementId: 'e1',
      engagementTitle: 'National Roundtable, Ulaanbaatar',
      description: 'Update the action plan with the agreed priorities',
      dueDate: '2023-03-31',
      status: 'open',
      ownerUserId: null,
      ownerOrganizationId: 'org-nctc',
    },
    plan: {
      planId: 'p1',
      title: 'National Action Plan 2022–2026',
      state: 'MNG',
      stateName: 'Mongolia',
      revision: 2,
      item: { id: 'i1', code: '3.1', title: 'National control list' },
      providerName: 'BAFA',
    },
    ...over,
  }) as EventFacts;

const audiencesOf = (type: EventType) => (NOTIFICATION_RULES[type] as NotifyRule).recipients.map((r) => r.to);

describe('notification rules', () => {
  it('cover exactly the events of the catalogue', () => {
    expect(Object.keys(NOTIFICATION_RULES).sort()).toEqual([...EVENT_TYPES].sort());
    expect(EVENT_TYPES.length).toBeGreaterThanOrEqual(40);
  });

  it('give a reason for every event that notifies nobody', () => {
    for (const [type, rule] of Object.entries(NOTIFICATION_RULES)) {
      if (isSilent(rule)) expect({ type, reason: rule.silent.length > 30 }).toEqual({ type, reason: true });
      else expect({ type, recipients: rule.recipients.length > 0 }).toEqual({ type, recipients: true });
    }
  });

  it('only address audiences the subject can resolve (an offer event knows no State)', () => {
    for (const [type, rule] of Object.entries(NOTIFICATION_RULES)) {
      if (isSilent(rule)) continue;
      const available: Record<SubjectType, string[]> = {
        request: ['request', 'state'],
        offer: ['offer'],
        match: ['request', 'offer', 'state'],
        action_plan: ['state'],
        action_plan_item: ['state'],
        engagement_follow_up: ['engagementAction'],
      };
      for (const r of rule.recipients) {
        const need = AUDIENCE_NEEDS[r.to];
        expect({ type, audience: r.to, ok: need === null || available[rule.subject].includes(need) }).toEqual({ type, audience: r.to, ok: true });
      }
    }
  });

  it('follow the examples of DESIGN §7 and issue 5', () => {
    expect(audiencesOf('request.submitted')).toContain('committee');
    expect(audiencesOf('reminder.objection_window_over')).toEqual(['committee']);
    expect(audiencesOf('request.circulated')).toEqual(['state_agencies', 'eligible_providers']);
    expect(audiencesOf('match.endorsed')).toEqual(['provider', 'state_coordinator']);
    expect(audiencesOf('match.accepted')).toEqual(['committee', 'requester']);
    expect(audiencesOf('match.declined')).toEqual(['committee', 'requester']);
    expect(audiencesOf('reminder.match_unanswered')).toEqual(['provider']);
    expect(audiencesOf('reminder.offer_expiring')).toEqual(['provider']);
    expect(audiencesOf('reminder.follow_up_due')).toEqual(['state_coordinator', 'matched_providers']);
    const circulated = NOTIFICATION_RULES['request.circulated'] as NotifyRule;
    expect(circulated.recipients.find((r) => r.to === 'eligible_providers')!.category).toBe('circulations');
  });

  it('word every notification from the facts, with no gaps', () => {
    for (const type of EVENT_TYPES) {
      const rule = NOTIFICATION_RULES[type] as NotificationRule;
      if (isSilent(rule)) continue;
      const f = facts({ type });
      for (const r of rule.recipients) {
        const title = (r.title ?? rule.title)(f);
        const body = (r.body ?? rule.body)(f);
        for (const text of [title, body]) {
          expect({ type, text }).not.toEqual({ type, text: expect.stringMatching(/undefined|null|NaN|\[object/) });
          expect(text.length).toBeGreaterThan(10);
        }
        expect(title.length).toBeLessThanOrEqual(300);
      }
    }
    const endorsed = NOTIFICATION_RULES['match.endorsed'] as NotifyRule;
    expect(endorsed.title(facts())).toBe('Match endorsed: your offer for MNG-2026-004');
    expect(endorsed.recipients[1].body!(facts())).toContain('BAFA accepts or declines first');
  });

  it('tell the acknowledging State when its objection window closes, or that it waived it', () => {
    const rule = NOTIFICATION_RULES['request.acknowledged'] as NotifyRule;
    // Friday 10:00 → five working days → the next Friday 10:00.
    expect(rule.body(facts())).toContain('until 6 Mar 2026, 10:00 UTC');
    const waived = facts();
    waived.request!.objectionWindowWaived = true;
    expect(rule.body(waived)).toContain('waived the objection window');
  });

  it('apply conditions: provider interest, withdrawals of drafts, cancellations before endorsement', () => {
    const when = (type: EventType, i = 0) => (NOTIFICATION_RULES[type] as NotifyRule).recipients[i].when!;
    expect(when('match.created').test(facts())).toBe(false);
    expect(when('match.created').test(facts({ match: { id: 'm', status: 'suggested', origin: 'provider_interest', declineReason: null } }))).toBe(true);
    expect(when('request.withdrawn').test(facts({ payload: { from: 'draft' } }))).toBe(false);
    expect(when('request.withdrawn').test(facts({ payload: { from: 'submitted' } }))).toBe(true);
    expect(when('match.cancelled', 1).test(facts({ payload: { from: 'suggested' } }))).toBe(false);
    expect(when('match.cancelled', 1).test(facts({ payload: { from: 'agreed' } }))).toBe(true);
  });

  it('list the key facts of the subject, with comment and reason', () => {
    expect(keyFacts(facts({ type: 'match.declined' }), 'match')).toEqual([
      { label: 'Reference', value: 'MNG-2026-004' },
      { label: 'Request', value: 'Biosafety level 3 laboratory' },
      { label: 'State', value: 'Mongolia (MNG)' },
      { label: 'Offer', value: 'Biosafety training' },
      { label: 'Provider', value: 'BAFA' },
      { label: 'Match status', value: 'Accepted by provider' },
      { label: 'Reason', value: 'no capacity this year' },
      { label: 'Comment', value: 'Please add the customs laboratory.' },
    ]);
    const offerOnly = facts({ request: undefined, match: undefined, payload: {}, comment: null, reason: null });
    expect(keyFacts(offerOnly, 'offer')).toEqual([
      { label: 'Offer', value: 'Biosafety training' },
      { label: 'Provider', value: 'BAFA' },
      { label: 'Status', value: 'Active' },
    ]);
  });

  it('name statuses and close reasons as the web app does, never by their codes', () => {
    const closed = facts({ type: 'request.closed', match: undefined, offer: undefined, payload: { from: 'delivered', to: 'closed' }, reason: 'partially_fulfilled' });
    expect(keyFacts(closed, 'request')).toEqual(
      expect.arrayContaining([
        { label: 'Status', value: 'Closed' },
        { label: 'Reason', value: 'Partially fulfilled' },
      ]),
    );
    const rule = NOTIFICATION_RULES['request.closed'] as NotifyRule;
    expect(rule.title(closed)).toBe('Request MNG-2026-004 closed (partially fulfilled)');
    expect(rule.body({ ...closed, reason: 'withdrawn' })).toBe('The 1540 Committee closed MNG-2026-004 “Biosafety level 3 laboratory”: withdrawn by the State.');
    const circulated = facts({ type: 'request.circulated', match: undefined, offer: undefined, payload: { from: 'acknowledged', to: 'circulated' }, reason: null });
    expect(keyFacts(circulated, 'request')).toContainEqual({ label: 'Status', value: 'Circulated' });
    const endorsed = facts({ payload: { from: 'suggested', to: 'endorsed' } });
    expect(keyFacts(endorsed, 'match')).toContainEqual({ label: 'Match status', value: 'Endorsed' });
  });

  it('write dates as the web app does ("6 Mar 2026", "6 Mar 2026, 10:00 UTC")', () => {
    const body = (type: EventType) => (NOTIFICATION_RULES[type] as NotifyRule).body(facts({ type }));
    expect(body('reminder.match_unanswered')).toContain('on 1 Feb 2026.');
    expect(body('reminder.offer_expiring')).toContain('available until 31 Dec 2026');
    expect(body('reminder.follow_up_due')).toContain('delivered on 1 Feb 2025.');
    expect(body('reminder.objection_window_over')).toContain('the window closed 6 Mar 2026, 10:00 UTC');
    for (const type of ['reminder.match_unanswered', 'reminder.offer_expiring', 'reminder.follow_up_due', 'reminder.objection_window_over'] as const) {
      expect(body(type)).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    }
  });

  it('keep the State’s exchanges with the Committee from providers, as the request history does', () => {
    const f = facts({ type: 'request.closed', match: undefined, offer: undefined });
    expect(factsFor(f, 'request', 'agency_coordinator').map((x) => x.label)).toContain('Comment');
    expect(factsFor(f, 'request', 'committee_member').map((x) => x.label)).toContain('Comment');
    expect(factsFor(f, 'request', 'provider_member').map((x) => x.label)).not.toContain('Comment');
    expect(factsFor(facts(), 'match', 'provider_member').map((x) => x.label)).toContain('Comment');
  });

  it('link each reader to the page of their own role', () => {
    expect(linkPath(facts(), 'match', 'provider_member')).toBe('/provider/requests/r1?match=m1');
    expect(linkPath(facts(), 'match', 'agency_coordinator')).toBe('/agency/requests/r1?match=m1');
    expect(linkPath(facts(), 'request', 'committee_member')).toBe('/committee/requests/r1');
    expect(linkPath(facts(), 'offer', 'provider_member')).toBe('/provider/offers/o1');
    expect(linkPath(facts(), 'offer', 'committee_admin')).toBe('/committee/offers/o1');
  });

  it('are the table docs/notifications.md shows', () => {
    const doc = readFileSync(path.join(root, 'docs/notifications.md'), 'utf8');
    // On failure, paste rulesTableMarkdown()'s output into the document.
    expect(doc).toContain(rulesTableMarkdown());
    expect(doc).toContain(audiencesTableMarkdown());
  });
});
