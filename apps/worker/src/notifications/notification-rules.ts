import { isAgency, isCommittee, isProvider, MATCH_COMMITTEE_ONLY_STATUSES, objectionWindowCloses, Role } from '@app/domain';
import type { EventPayload, EventType } from '@app/contracts';
import { hasOwnMessage, translator } from '@app/i18n';
import {
  formatDayIn,
  type MailFact,
  type NotificationCategory,
  type NotificationMessage,
  type NotificationParams,
  reasonIn,
  statusLabel,
} from '@app/mail';

const english = translator('en');

/** The request, offer and match an event is about, as they are when the worker handles it. */
export interface RequestFacts {
  id: string;
  reference: string;
  title: string;
  state: string;
  stateName: string;
  status: string;
  visibility: string;
  organizationId: string;
  organizationName: string;
  acknowledgedAt: Date | null;
  objectionWindowWaived: boolean;
  deliveredAt: Date | null;
}

export interface OfferFacts {
  id: string;
  title: string;
  status: string;
  providerId: string;
  providerName: string;
  availableUntil: string | null;
}

/** A follow-up action of an engagement, with the engagement's title and its owner. */
export interface EngagementActionFacts {
  id: string;
  engagementId: string;
  engagementTitle: string;
  description: string;
  dueDate: string;
  status: string;
  ownerUserId: string | null;
  ownerOrganizationId: string | null;
}

export interface MatchFacts {
  id: string;
  status: string;
  origin: string;
  declineReason: string | null;
}

/** The action plan (and item) an event is about. */
export interface PlanFacts {
  planId: string;
  title: string;
  state: string;
  stateName: string;
  revision: number;
  item: { id: string; code: string | null; title: string } | null;
  /** The provider named by the event (an interest), if any. */
  providerName: string | null;
}

/** What a rule words its notification with: the event (its payload typed by the catalogue) and its subjects. */
export interface EventFacts<T extends EventType = EventType> {
  type: T;
  payload: EventPayload<T>;
  actorId: string | null;
  /** Comment and reason of the history entry written with the event, if any. */
  comment: string | null;
  reason: string | null;
  request?: RequestFacts;
  offer?: OfferFacts;
  match?: MatchFacts;
  engagementAction?: EngagementActionFacts;
  plan?: PlanFacts;
}

/**
 * Who a rule can address. Each is resolved to active users when the event is handled (so a person who joined
 * since is included, a deactivated one is not); the person who acted is never told about their own action.
 */
export const AUDIENCES = {
  committee: 'committee members',
  requester: "the requesting agency's members and the State's coordinator",
  state_coordinator: "the State's coordinator",
  state_agencies: "every agency of the request's State",
  provider: "the offer's provider (its members)",
  eligible_providers: 'providers with an active offer that serves the State (not for committee-confidential requests)',
  matched_providers: 'providers with an endorsed, accepted, agreed, running or completed match on the request',
  action_owner: "an engagement follow-up action's owner: the user named, or the members of the organisation named",
} as const;
export type Audience = keyof typeof AUDIENCES;

/** Which facts an audience needs: the request, the offer, only the State (a request's or an action plan's), or an engagement's action. */
export const AUDIENCE_NEEDS: Readonly<Record<Audience, 'request' | 'offer' | 'state' | 'engagementAction' | null>> = {
  committee: null,
  requester: 'request',
  state_coordinator: 'state',
  state_agencies: 'request',
  provider: 'offer',
  eligible_providers: 'request',
  matched_providers: 'request',
  action_owner: 'engagementAction',
};

export type SubjectType = 'request' | 'offer' | 'match' | 'action_plan' | 'action_plan_item' | 'engagement_follow_up';
type Params<T extends EventType> = (f: EventFacts<T>) => NotificationParams;

export interface Condition<T extends EventType = EventType> {
  test: (f: EventFacts<T>) => boolean;
  /** For the table in docs/notifications.md. */
  says: string;
}

export interface RecipientRule<T extends EventType = EventType> {
  to: Audience;
  category: NotificationCategory;
  when?: Condition<T>;
  /**
   * Texts worded for this audience, when they differ from the rule's: `notifications.<event>.<audience>.title|body`
   * in libs/i18n/src/locales (the rule's own are `notifications.<event>.title|body`).
   */
  wording?: ('title' | 'body')[];
}

export interface NotifyRule<T extends EventType = EventType> {
  subject: SubjectType;
  recipients: RecipientRule<T>[];
  /**
   * The raw, language-free parameters of its texts (libs/mail notification-text.ts): the request's and offer's by
   * default (subjectParams). The words are the catalogue's, chosen in the reader's language when the item is read.
   */
  params?: Params<T>;
}

export interface SilentRule {
  /** Why the event notifies nobody. */
  silent: string;
}

export type NotificationRule<T extends EventType = EventType> = NotifyRule<T> | SilentRule;

// Any event's rule: a notifying rule of any event is a NotifyRule<never> (its functions take that event's facts).
export const isSilent = (rule: NotifyRule<never> | SilentRule): rule is SilentRule => 'silent' in rule;

/** What one recipient reads, as catalogue keys and raw parameters: worded in the reader's language when read. */
export function messageOf<T extends EventType>(type: T, rule: NotifyRule<T>, recipient: RecipientRule<T>, f: EventFacts<T>): NotificationMessage {
  const own = recipient.wording ?? [];
  const key = (text: 'title' | 'body') => (own.includes(text) ? `notifications.${type}.${recipient.to}.${text}` : `notifications.${type}.${text}`);
  return { titleKey: key('title'), bodyKey: key('body'), params: rule.params ? rule.params(f) : subjectParams(f) };
}

// Parameter helpers. Facts are loaded for the rule's subject, so a match rule has request, offer and match.
const r = (f: EventFacts) => f.request!;
const o = (f: EventFacts) => f.offer!;
const from = (f: EventFacts) => ('from' in f.payload ? f.payload.from : '');
const yes = (value: boolean) => (value ? 'yes' : 'no');

/** The request's and the offer's parameters, those the subject has: reference, titles, State, names. */
export function subjectParams(f: EventFacts): NotificationParams {
  const params: NotificationParams = {};
  if (f.request) {
    Object.assign(params, {
      ref: f.request.reference,
      title: f.request.title,
      state: f.request.state,
      stateName: f.request.stateName,
      org: f.request.organizationName,
    });
  }
  if (f.offer) Object.assign(params, { offer: f.offer.title, provider: f.offer.providerName });
  return params;
}

const planParams = (f: EventFacts): NotificationParams => ({
  state: f.plan!.state,
  stateName: f.plan!.stateName,
  planTitle: f.plan!.title,
  itemCode: f.plan!.item?.code ?? '',
  itemTitle: f.plan!.item?.title ?? '',
  provider: f.plan!.providerName ?? '',
  known: yes(!!f.plan!.providerName),
});

const unlessDraft: Condition = { test: (f) => from(f) !== 'draft', says: 'unless it was still a draft' };
const providerInterest: Condition = {
  test: (f) => f.match?.origin === 'provider_interest',
  says: 'when the match was a provider’s expression of interest',
};
const pastSuggestion: Condition = { test: (f) => from(f) !== 'suggested', says: 'once the match had been endorsed' };
const providerKnew: Condition = {
  test: (f) => from(f) !== 'suggested' || f.match?.origin === 'provider_interest',
  says: 'once endorsed, or when it was the provider’s own interest',
};

// A match is the Committee's alone while it is a suggestion (MATCH_COMMITTEE_ONLY_STATUSES), unless the provider proposed it.
const stateSeesMatch = (f: EventFacts) => !(MATCH_COMMITTEE_ONLY_STATUSES as readonly string[]).includes(f.match!.status);
const providerSeesMatch = (f: EventFacts) => stateSeesMatch(f) || f.match!.origin === 'provider_interest';

/**
 * Every workflow event → who is told, under which preference category, and what they read; or why nobody
 * is. docs/notifications.md carries this table (a unit test keeps them in step).
 */
export const NOTIFICATION_RULES: { readonly [T in EventType]: NotificationRule<T> } = {
  // Requests
  'request.created': { silent: 'A draft is the agency’s work in progress; nobody else acts on it until the coordinator submits it.' },
  'request.ready_for_coordinator': {
    subject: 'request',
    recipients: [{ to: 'state_coordinator', category: 'requests' }],
  },
  'request.updated': {
    silent: 'Requests are edited only as drafts or under clarification, by the agency itself; the resubmission (request.submitted) is what the Committee acts on.',
  },
  'request.submitted': {
    subject: 'request',
    recipients: [
      { to: 'committee', category: 'requests' },
      { to: 'requester', category: 'requests', wording: ['body'] },
    ],
    params: (f) => ({ ...subjectParams(f), resubmitted: yes(from(f) === 'clarification_requested') }),
  },
  'request.acknowledged': {
    subject: 'request',
    recipients: [{ to: 'requester', category: 'requests' }],
    params: (f) => {
      const waived = r(f).objectionWindowWaived || !r(f).acknowledgedAt;
      return { ...subjectParams(f), waived: yes(waived), closesTime: waived ? '' : objectionWindowCloses(r(f).acknowledgedAt!).toISOString() };
    },
  },
  'request.clarification_requested': {
    subject: 'request',
    recipients: [{ to: 'requester', category: 'requests' }],
  },
  'request.circulated': {
    subject: 'request',
    recipients: [
      { to: 'state_agencies', category: 'requests' },
      { to: 'eligible_providers', category: 'circulations', wording: ['title', 'body'] },
    ],
  },
  'request.matched': {
    silent: 'Follows from match.agreed in the same transaction, which already tells the committee, the requester and the provider.',
  },
  'request.agreements_cancelled': {
    subject: 'request',
    recipients: [
      { to: 'committee', category: 'requests' },
      { to: 'requester', category: 'requests' },
    ],
  },
  'request.delivery_started': {
    subject: 'request',
    recipients: [
      { to: 'committee', category: 'requests' },
      { to: 'requester', category: 'requests' },
      { to: 'matched_providers', category: 'requests' },
    ],
  },
  'request.delivered': {
    subject: 'request',
    recipients: [
      { to: 'committee', category: 'requests' },
      { to: 'requester', category: 'requests' },
      { to: 'matched_providers', category: 'requests' },
    ],
  },
  'request.closed': {
    subject: 'request',
    recipients: [
      { to: 'requester', category: 'requests' },
      { to: 'matched_providers', category: 'requests' },
      { to: 'committee', category: 'requests' },
    ],
    params: (f) => ({ ...subjectParams(f), hasReason: yes(!!f.reason), reason: f.reason ?? '' }),
  },
  'request.withdrawn': {
    subject: 'request',
    recipients: [
      { to: 'committee', category: 'requests', when: unlessDraft },
      { to: 'requester', category: 'requests' },
      { to: 'matched_providers', category: 'requests' },
    ],
  },

  // Offers
  'offer.created': { silent: 'A draft offer is the provider’s work in progress until it is submitted for verification.' },
  'offer.updated': {
    silent: 'The provider edits its own offer; the matching engine rescores it, and any change that matters reaches requests as new suggestions.',
  },
  'offer.submitted': {
    subject: 'offer',
    recipients: [{ to: 'committee', category: 'offers' }],
  },
  'offer.verified': {
    subject: 'offer',
    recipients: [{ to: 'provider', category: 'offers' }],
  },
  'offer.returned': {
    subject: 'offer',
    recipients: [{ to: 'provider', category: 'offers' }],
  },
  'offer.paused': {
    subject: 'offer',
    recipients: [
      { to: 'provider', category: 'offers' },
      { to: 'committee', category: 'offers' },
    ],
  },
  'offer.resumed': {
    subject: 'offer',
    recipients: [
      { to: 'provider', category: 'offers' },
      { to: 'committee', category: 'offers' },
    ],
  },
  'offer.closed': {
    subject: 'offer',
    recipients: [
      { to: 'provider', category: 'offers' },
      { to: 'committee', category: 'offers' },
    ],
  },
  'offer.exhausted': {
    subject: 'offer',
    recipients: [
      { to: 'provider', category: 'offers' },
      { to: 'committee', category: 'offers' },
    ],
  },
  'offer.replenished': {
    subject: 'offer',
    recipients: [
      { to: 'provider', category: 'offers' },
      { to: 'committee', category: 'offers' },
    ],
  },
  'offer.expired': {
    subject: 'offer',
    recipients: [
      { to: 'provider', category: 'offers' },
      { to: 'committee', category: 'offers' },
    ],
    params: (f) => ({ ...subjectParams(f), availableUntilDate: o(f).availableUntil ?? '' }),
  },

  'request.objection_recorded': {
    subject: 'request',
    recipients: [
      { to: 'requester', category: 'requests' },
      { to: 'committee', category: 'requests' },
    ],
  },
  'request.objected': {
    subject: 'request',
    recipients: [
      { to: 'committee', category: 'requests' },
      { to: 'requester', category: 'requests' },
    ],
  },
  'request.objection_withdrawn': {
    subject: 'request',
    recipients: [
      { to: 'requester', category: 'requests' },
      { to: 'committee', category: 'requests' },
    ],
  },
  'request.waiver_recorded': {
    subject: 'request',
    recipients: [
      { to: 'requester', category: 'requests' },
      { to: 'committee', category: 'requests' },
    ],
  },
  'request.message_posted': {
    subject: 'request',
    // The other side of the conversation: the State's messages go to the Committee and the Committee's to the State.
    recipients: [
      { to: 'committee', category: 'requests', when: { test: (f) => f.payload.side !== 'committee', says: 'when the State wrote' } },
      { to: 'requester', category: 'requests', when: { test: (f) => f.payload.side !== 'state', says: 'when the Committee wrote' } },
    ],
    params: (f) => ({ ...subjectParams(f), kind: f.payload.kind, side: f.payload.side, excerpt: f.payload.excerpt }),
  },

  // Matches
  'match.created': {
    subject: 'match',
    recipients: [{ to: 'committee', category: 'matches', when: providerInterest }],
  },
  'match.endorsed': {
    subject: 'match',
    recipients: [
      { to: 'provider', category: 'matches' },
      { to: 'state_coordinator', category: 'matches', wording: ['title', 'body'] },
    ],
  },
  'match.dismissed': {
    subject: 'match',
    recipients: [{ to: 'provider', category: 'matches', when: providerInterest }],
  },
  'match.accepted': {
    subject: 'match',
    recipients: [
      { to: 'committee', category: 'matches' },
      { to: 'requester', category: 'matches', wording: ['body'] },
    ],
  },
  'match.declined': {
    subject: 'match',
    recipients: [
      { to: 'committee', category: 'matches' },
      { to: 'requester', category: 'matches' },
    ],
  },
  'match.agreed': {
    subject: 'match',
    recipients: [
      { to: 'committee', category: 'matches' },
      { to: 'provider', category: 'matches' },
    ],
  },
  'match.rejected': {
    subject: 'match',
    recipients: [
      { to: 'committee', category: 'matches' },
      { to: 'provider', category: 'matches' },
    ],
  },
  'match.started': {
    subject: 'match',
    recipients: [
      { to: 'committee', category: 'matches' },
      { to: 'requester', category: 'matches' },
      { to: 'provider', category: 'matches' },
    ],
  },
  'match.completed': {
    subject: 'match',
    recipients: [
      { to: 'committee', category: 'matches' },
      { to: 'requester', category: 'matches' },
      { to: 'provider', category: 'matches' },
    ],
  },
  'match.cancelled': {
    subject: 'match',
    recipients: [
      { to: 'provider', category: 'matches', when: providerKnew },
      { to: 'requester', category: 'matches', when: pastSuggestion },
    ],
  },
  'match.retired': {
    silent: 'The system retires a suggestion nobody had acted on when its request or offer leaves matching; the change that caused it is notified on its own.',
  },
  'match.revived': {
    silent: 'A retired suggestion returns when its offer is active again; suggestions are worked in the review queue, not announced.',
  },
  'match.message_posted': {
    subject: 'match',
    // Every party but the one who wrote, once the match is theirs to see (an engine suggestion is the Committee's).
    recipients: [
      { to: 'committee', category: 'matches', when: { test: (f) => f.payload.side !== 'committee', says: 'when the provider or the State wrote' } },
      { to: 'provider', category: 'matches', when: { test: (f) => f.payload.side !== 'provider' && providerSeesMatch(f), says: 'when another side wrote and the provider sees the match' } },
      { to: 'requester', category: 'matches', when: { test: (f) => f.payload.side !== 'state' && stateSeesMatch(f), says: 'when another side wrote and the State sees the match' } },
    ],
    params: (f) => ({ ...subjectParams(f), side: f.payload.side, excerpt: f.payload.excerpt }),
  },
  'match.feedback': {
    subject: 'match',
    recipients: [{ to: 'committee', category: 'matches' }],
    params: (f) => ({ ...subjectParams(f), side: f.payload.side, rating: f.payload.rating }),
  },

  // Reminders (scheduled jobs emit these, once each: see reminders.service.ts)
  'reminder.objection_window_over': {
    subject: 'request',
    recipients: [{ to: 'committee', category: 'reminders' }],
    params: (f) => ({ ...subjectParams(f), closesTime: f.payload.closesAt }),
  },
  'reminder.match_unanswered': {
    subject: 'match',
    recipients: [{ to: 'provider', category: 'reminders' }],
    params: (f) => ({ ...subjectParams(f), endorsedDate: f.payload.endorsedAt }),
  },
  'reminder.offer_expiring': {
    subject: 'offer',
    recipients: [{ to: 'provider', category: 'reminders' }],
    params: (f) => ({ ...subjectParams(f), availableUntilDate: o(f).availableUntil ?? '' }),
  },
  'reminder.follow_up_due': {
    subject: 'request',
    recipients: [
      { to: 'state_coordinator', category: 'reminders' },
      { to: 'matched_providers', category: 'reminders' },
    ],
    params: (f) => ({ ...subjectParams(f), deliveredDate: r(f).deliveredAt?.toISOString() ?? '' }),
  },

  'reminder.engagement_action_due': {
    subject: 'engagement_follow_up',
    recipients: [{ to: 'action_owner', category: 'reminders' }],
    params: (f) => ({
      engagementTitle: f.engagementAction!.engagementTitle,
      description: f.engagementAction!.description,
      dueDate: f.engagementAction!.dueDate,
    }),
  },

  // Engagements (DESIGN §4a)
  'engagement.created': { silent: 'The Committee records its own engagements; the due follow-up actions are what their owners hear about.' },
  'engagement.updated': { silent: 'Edits by the Committee to its own record of an engagement; recorded in the history.' },
  'engagement.note_published': { silent: 'The information note appears on the public register; publishing it asks nothing of anyone.' },
  'engagement.follow_up_added': { silent: 'The owner hears when the action falls due (reminder.engagement_action_due), not when it is written down.' },
  'engagement.follow_up_updated': { silent: 'Progress on a follow-up action is recorded in the engagement’s history; nobody else acts on it.' },
  'engagement.prioritisation_recorded': {
    silent: 'The plan’s new version and its history record the priorities; the State took part in the roundtable that set them.',
  },
  // Documents: the parent's history shows them; messages about them (threads) notify, not the upload itself.
  'document.uploaded': { silent: 'Shown on the record and in its history; whoever must act on a document is told in the record’s thread.' },
  'document.removed': { silent: 'Recorded in the record’s history; only drafts’ documents or the Committee’s removals, nobody waits on them.' },

  // Administration and engine housekeeping
  // Action plans (DESIGN §4a, docs/action-plans.md).
  'action_plan.created': { silent: 'A plan being prepared is the State’s work in progress until it is submitted.' },
  'action_plan.submitted': {
    subject: 'action_plan',
    recipients: [{ to: 'committee', category: 'requests' }],
    params: planParams,
  },
  'action_plan.updated': {
    subject: 'action_plan',
    recipients: [{ to: 'committee', category: 'requests' }],
    params: (f) => ({ ...planParams(f), revision: f.payload.revision }),
  },
  'action_plan_item.created': { silent: 'Recorded in the item’s history and, once the plan is submitted, in its next version, which action_plan.updated announces.' },
  'action_plan_item.updated': { silent: 'Recorded in the item’s history and, once the plan is submitted, in its next version, which action_plan.updated announces.' },
  'action_plan_item.assistance_needed': {
    subject: 'action_plan_item',
    recipients: [{ to: 'committee', category: 'requests' }],
    params: planParams,
  },
  'action_plan_item.interest_declared': {
    subject: 'action_plan_item',
    recipients: [{ to: 'state_coordinator', category: 'matches' }],
    params: planParams,
  },
  'action_plan_item.request_created': { silent: 'The draft request is the agency’s work in progress; its submission tells the Committee.' },
  'user.created': {
    silent: 'A committee administrator creates accounts and hands over the first sign-in; the platform does not e-mail credentials.',
  },
  'contacts.updated': { silent: 'Points of contact and contact persons are reference data; the history keeps who changed them.' },
  'organization.created': { silent: 'Administrative; recorded in the history. Nobody acts on it.' },
  'matching.rescore_requested': { silent: 'Engine housekeeping; its progress shows on the matching page to the committee member who started it.' },
  'matching.weights_proposal_requested': { silent: 'A fit takes seconds and its result waits on the weights page, where the member who asked for it looks.' },
};

// A fact as stored: English words, plus what wordFacts (libs/mail notification-text.ts) needs to word it again.
const fact = (key: string, value: string, more: Partial<MailFact> = {}): MailFact => ({
  label: english(`notifications.facts.${key}`),
  value,
  labelKey: `notifications.facts.${key}`,
  ...more,
});

/** The subject's key facts, as the inbox item and the e-mail show them. */
export function keyFacts(f: EventFacts, subject: SubjectType): MailFact[] {
  const facts: MailFact[] = [];
  if (subject === 'action_plan' || subject === 'action_plan_item') {
    if (!f.plan) return facts;
    facts.push(fact('actionPlan', f.plan.title));
    facts.push(fact('state', `${f.plan.stateName} (${f.plan.state})`, { state: f.plan.state, stateName: f.plan.stateName }));
    if (f.plan.item) facts.push(fact('item', `${f.plan.item.code ? `${f.plan.item.code} ` : ''}${f.plan.item.title}`));
    if (f.plan.providerName) facts.push(fact('provider', f.plan.providerName));
    if (f.comment) facts.push(fact('comment', f.comment));
    return facts;
  }
  if (f.request) {
    facts.push(fact('reference', f.request.reference));
    facts.push(fact('request', f.request.title));
    facts.push(fact('state', `${f.request.stateName} (${f.request.state})`, { state: f.request.state, stateName: f.request.stateName }));
  }
  if (f.offer) {
    facts.push(fact('offer', f.offer.title));
    facts.push(fact('provider', f.offer.providerName));
  }
  if (subject === 'engagement_follow_up') {
    if (!f.engagementAction) return facts;
    facts.push(fact('engagement', f.engagementAction.engagementTitle));
    facts.push(fact('action', f.engagementAction.description));
    facts.push(fact('due', formatDayIn('en', f.engagementAction.dueDate), { date: f.engagementAction.dueDate }));
    return facts;
  }
  const status = 'to' in f.payload ? f.payload.to : subject === 'match' ? f.match?.status : subject === 'offer' ? f.offer?.status : f.request?.status;
  if (status) {
    const valueKey = `status.${subject}.${status}`;
    facts.push(fact(subject === 'match' ? 'matchStatus' : 'status', hasOwnMessage('en', valueKey) ? english(valueKey) : statusLabel(subject, status), hasOwnMessage('en', valueKey) ? { valueKey } : {}));
  }
  const reason = f.reason ?? (f.type === 'match.declined' || f.type === 'match.rejected' ? f.match?.declineReason : null);
  if (reason) facts.push(fact('reason', reasonIn('en', reason), { reason }));
  if (f.comment) facts.push(fact('comment', f.comment));
  return facts;
}

/**
 * The key facts as this reader may see them. Providers follow a request's progress but not the exchanges
 * between the State and the Committee (as the request history shows them), so request comments stay out.
 */
export function factsFor(f: EventFacts, subject: SubjectType, role: Role): MailFact[] {
  const facts = keyFacts(f, subject);
  return subject === 'request' && isProvider(role) ? facts.filter((x) => x.labelKey !== 'notifications.facts.comment') : facts;
}

type Area = 'committee' | 'agency' | 'provider';
const areaOf = (role: Role): Area => (isCommittee(role) ? 'committee' : isAgency(role) ? 'agency' : 'provider');

/** Where the web app shows the subject to this reader (the routes of apps/web). */
export function linkPath(f: EventFacts, subject: SubjectType, role: Role): string {
  const area = areaOf(role);
  if (subject === 'engagement_follow_up') return `/${area}/engagements/${f.engagementAction!.engagementId}`;
  if (subject === 'action_plan' || subject === 'action_plan_item') return `/${area}/action-plans/${f.plan!.planId}`;
  if (subject === 'offer') return area === 'agency' ? '/notifications' : `/${area}/offers/${f.offer!.id}`;
  if (subject === 'match') return `/${area}/requests/${f.request!.id}?match=${f.match!.id}`;
  return `/${area}/requests/${f.request!.id}`;
}

/** The rules as the Markdown table docs/notifications.md carries (a unit test compares the two). */
export function rulesTableMarkdown(): string {
  const lines = ['| event | who is told (preference category) | or why nobody |', '| --- | --- | --- |'];
  for (const [type, rule] of Object.entries(NOTIFICATION_RULES)) {
    if (isSilent(rule)) {
      lines.push(`| \`${type}\` | — | ${rule.silent} |`);
      continue;
    }
    const who = rule.recipients.map((x) => `\`${x.to}\` (${x.category})${x.when ? ` ${x.when.says}` : ''}`).join('; ');
    lines.push(`| \`${type}\` | ${who} | |`);
  }
  return lines.join('\n');
}

/** The audiences as a Markdown table (docs/notifications.md). */
export function audiencesTableMarkdown(): string {
  return ['| audience | who, resolved when the event is handled |', '| --- | --- |', ...Object.entries(AUDIENCES).map(([k, v]) => `| \`${k}\` | ${v} |`)].join('\n');
}
