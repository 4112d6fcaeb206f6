import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { EVENT_TYPES, type EventType } from '@app/contracts';
import { LOCALES } from '@app/i18n';
import { notificationText, wordFacts } from '@app/mail';
import {
  AUDIENCE_NEEDS,
  audiencesTableMarkdown,
  EventFacts,
  factsFor,
  isSilent,
  keyFacts,
  linkPath,
  messageOf,
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

/** A rule's title and body for its first (or given) audience, in a language. */
const word = (type: EventType, f: EventFacts = facts({ type }), language = 'en', audience = 0) => {
  const rule = NOTIFICATION_RULES[type] as NotifyRule;
  const message = messageOf(type, rule, rule.recipients[audience], f);
  return { title: notificationText(language, message.titleKey, message.params), body: notificationText(language, message.bodyKey, message.params) };
};
// Facts as the reader sees them (what the inbox and the e-mail show).
const shown = (list: ReturnType<typeof keyFacts>, language = 'en') => wordFacts(language, list);

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

  it('word every notification from the facts, with no gaps, in every language', () => {
    for (const type of EVENT_TYPES) {
      const rule = NOTIFICATION_RULES[type] as NotificationRule;
      if (isSilent(rule)) continue;
      rule.recipients.forEach((_, audience) => {
        for (const language of LOCALES) {
          const { title, body } = word(type, facts({ type }), language, audience);
          for (const text of [title, body]) {
            // A key shown as such, a missing parameter or an ICU brace left over would show here.
            expect({ type, language, text }).not.toEqual({ type, language, text: expect.stringMatching(/undefined|null|NaN|\[object|notifications\.|[{}]/) });
            expect(text.length).toBeGreaterThan(10);
          }
          expect(title.length).toBeLessThanOrEqual(300);
        }
      });
    }
    expect(word('match.endorsed').title).toBe('Match endorsed: your offer for MNG-2026-004');
    expect(word('match.endorsed', facts(), 'en', 1).body).toContain('BAFA accepts or declines first');
  });

  it('word the same notification in the reader’s language, with the State’s name from CLDR', () => {
    const f = facts({ type: 'match.endorsed' });
    expect(word('match.endorsed', f, 'fr').title).toBe('Mise en relation approuvée\u00a0: votre offre pour MNG-2026-004');
    expect(word('match.endorsed', f, 'mn').body).toContain('Монгол улсын MNG-2026-004 «Biosafety level 3 laboratory»');
    expect(word('match.endorsed', f, 'ru').body).toContain('(Монголия)');
    expect(word('match.endorsed', f, 'zh').body).toContain('蒙古');
    // Users' own text (titles) is never translated.
    for (const language of LOCALES) expect(word('match.endorsed', f, language).body).toContain('Biosafety training');
  });

  it('tell the acknowledging State when its objection window closes, or that it waived it', () => {
    // Friday 10:00 → five working days → the next Friday 10:00.
    expect(word('request.acknowledged').body).toContain('until 6 Mar 2026, 10:00 UTC');
    expect(word('request.acknowledged', facts({ type: 'request.acknowledged' }), 'fr').body).toMatch(/jusqu’au 6 mars 2026/);
    const waived = facts({ type: 'request.acknowledged' });
    waived.request!.objectionWindowWaived = true;
    expect(word('request.acknowledged', waived).body).toContain('waived the objection window');
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
    expect(shown(keyFacts(facts({ type: 'match.declined' }), 'match'))).toEqual([
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
    expect(shown(keyFacts(offerOnly, 'offer'))).toEqual([
      { label: 'Offer', value: 'Biosafety training' },
      { label: 'Provider', value: 'BAFA' },
      { label: 'Status', value: 'Active' },
    ]);
  });

  it('name statuses and close reasons as the web app does, never by their codes', () => {
    const closed = facts({ type: 'request.closed', match: undefined, offer: undefined, payload: { from: 'delivered', to: 'closed' }, reason: 'partially_fulfilled' });
    expect(shown(keyFacts(closed, 'request'))).toEqual(
      expect.arrayContaining([
        { label: 'Status', value: 'Closed' },
        { label: 'Reason', value: 'Partially fulfilled' },
      ]),
    );
    expect(word('request.closed', closed).title).toBe('Request MNG-2026-004 closed (partially fulfilled)');
    expect(word('request.closed', { ...closed, reason: 'withdrawn' }).body).toBe('The 1540 Committee closed MNG-2026-004 “Biosafety level 3 laboratory”: withdrawn by the State.');
    expect(word('request.closed', closed, 'es').title).toMatch(/^Solicitud MNG-2026-004 cerrada \([a-zá-ú]/);
    expect(shown(keyFacts(closed, 'request'), 'ru')).toEqual(expect.arrayContaining([{ label: 'Государство', value: 'Монголия (MNG)' }]));
    const circulated = facts({ type: 'request.circulated', match: undefined, offer: undefined, payload: { from: 'acknowledged', to: 'circulated' }, reason: null });
    expect(shown(keyFacts(circulated, 'request'))).toContainEqual({ label: 'Status', value: 'Circulated' });
    const endorsed = facts({ payload: { from: 'suggested', to: 'endorsed' } });
    expect(shown(keyFacts(endorsed, 'match'))).toContainEqual({ label: 'Match status', value: 'Endorsed' });
  });

  it('write dates as the web app does ("6 Mar 2026", "6 Mar 2026, 10:00 UTC")', () => {
    const body = (type: EventType) => word(type).body;
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
    expect(shown(factsFor(f, 'request', 'agency_coordinator'), 'fr').map((x) => x.label)).toContain('Commentaire');
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
