import { isAgency, isCommittee, isProvider, MATCH_COMMITTEE_ONLY_STATUSES, objectionWindowCloses, Role } from '@app/domain';
import type { EventPayload, EventType } from '@app/contracts';
import { formatMailDate, formatMailDateTime, reasonLabel, statusLabel, type MailFact, type NotificationCategory } from '@app/mail';

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
type Text<T extends EventType> = (f: EventFacts<T>) => string;

export interface Condition<T extends EventType = EventType> {
  test: (f: EventFacts<T>) => boolean;
  /** For the table in docs/notifications.md. */
  says: string;
}

export interface RecipientRule<T extends EventType = EventType> {
  to: Audience;
  category: NotificationCategory;
  when?: Condition<T>;
  /** Wording for this audience, when it differs from the rule's. */
  title?: Text<T>;
  body?: Text<T>;
}

export interface NotifyRule<T extends EventType = EventType> {
  subject: SubjectType;
  recipients: RecipientRule<T>[];
  title: Text<T>;
  body: Text<T>;
}

export interface SilentRule {
  /** Why the event notifies nobody. */
  silent: string;
}

export type NotificationRule<T extends EventType = EventType> = NotifyRule<T> | SilentRule;

// Any event's rule: a notifying rule of any event is a NotifyRule<never> (its functions take that event's facts).
export const isSilent = (rule: NotifyRule<never> | SilentRule): rule is SilentRule => 'silent' in rule;

// Wording helpers. Facts are loaded for the rule's subject, so a match rule has request, offer and match.
const r = (f: EventFacts) => f.request!;
const o = (f: EventFacts) => f.offer!;
const ref = (f: EventFacts) => r(f).reference;
const reqTitle = (f: EventFacts) => `${r(f).reference} “${r(f).title}”`;
const offerTitle = (f: EventFacts) => `“${o(f).title}”`;
const provider = (f: EventFacts) => o(f).providerName;
// Dates and codes read as in the web app (libs/mail dates.ts and labels.ts).
const day = formatMailDate;
const dayTime = formatMailDateTime;
const from = (f: EventFacts) => ('from' in f.payload ? f.payload.from : '');
// A label inside a sentence: "Withdrawn by the State" → "withdrawn by the State".
const inSentence = (label: string) => label.charAt(0).toLowerCase() + label.slice(1);

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

const sideName = (f: EventFacts, side: 'committee' | 'state' | 'provider') =>
  side === 'committee' ? 'The 1540 Committee' : side === 'state' ? r(f).stateName : provider(f);
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
    title: (f) => `Draft ${ref(f)} is ready for you to submit`,
    body: (f) =>
      `${r(f).organizationName} says its draft request ${reqTitle(f)} is ready. Review it and submit it to the 1540 Committee, or ask the agency for changes.`,
  },
  'request.updated': {
    silent: 'Requests are edited only as drafts or under clarification, by the agency itself; the resubmission (request.submitted) is what the Committee acts on.',
  },
  'request.submitted': {
    subject: 'request',
    recipients: [
      { to: 'committee', category: 'requests' },
      {
        to: 'requester',
        category: 'requests',
        body: (f) => `Your State’s coordinator submitted ${reqTitle(f)} to the 1540 Committee. You will hear when the Committee acknowledges it or asks for clarification.`,
      },
    ],
    title: (f) => (from(f) === 'clarification_requested' ? `Request ${ref(f)} resubmitted after clarification` : `Request ${ref(f)} submitted for review`),
    body: (f) =>
      `${r(f).stateName} submitted request ${reqTitle(f)} (${r(f).organizationName}). Please authenticate and acknowledge it, or ask for clarification.`,
  },
  'request.acknowledged': {
    subject: 'request',
    recipients: [{ to: 'requester', category: 'requests' }],
    title: (f) => `Request ${ref(f)} acknowledged by the Committee`,
    body: (f) =>
      `The 1540 Committee acknowledged ${reqTitle(f)}. ` +
      (r(f).objectionWindowWaived || !r(f).acknowledgedAt
        ? 'Your State waived the objection window, so the Committee may circulate it to providers at once.'
        : `Your State may object to its circulation until ${dayTime(objectionWindowCloses(r(f).acknowledgedAt!))} by withdrawing the request (or by writing to the Committee); after that the Committee circulates it to providers.`),
  },
  'request.clarification_requested': {
    subject: 'request',
    recipients: [{ to: 'requester', category: 'requests' }],
    title: (f) => `Clarification requested on ${ref(f)}`,
    body: (f) =>
      `The 1540 Committee asks for clarification on ${reqTitle(f)} before it goes further. Edit the request and have your State’s coordinator resubmit it.`,
  },
  'request.circulated': {
    subject: 'request',
    recipients: [
      { to: 'state_agencies', category: 'requests' },
      {
        to: 'eligible_providers',
        category: 'circulations',
        title: (f) => `New request from ${r(f).stateName}: ${r(f).title}`,
        body: (f) =>
          `The 1540 Committee circulated ${r(f).stateName}’s request ${reqTitle(f)}. At least one of your active offers can serve ${r(f).stateName}.`,
      },
    ],
    title: (f) => `Request ${ref(f)} circulated to providers`,
    body: (f) => `The 1540 Committee circulated ${reqTitle(f)}. Providers can now read it and express interest; the Committee proposes matches.`,
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
    title: (f) => `Request ${ref(f)} is open for matching again`,
    body: (f) => `Every agreed match on ${reqTitle(f)} was cancelled before delivery, so the request is open for matching again.`,
  },
  'request.delivery_started': {
    subject: 'request',
    recipients: [
      { to: 'committee', category: 'requests' },
      { to: 'requester', category: 'requests' },
      { to: 'matched_providers', category: 'requests' },
    ],
    title: (f) => `Delivery started on ${ref(f)}`,
    body: (f) => `Assistance on ${reqTitle(f)} is now being delivered.`,
  },
  'request.delivered': {
    subject: 'request',
    recipients: [
      { to: 'committee', category: 'requests' },
      { to: 'requester', category: 'requests' },
      { to: 'matched_providers', category: 'requests' },
    ],
    title: (f) => `Assistance on ${ref(f)} delivered`,
    body: (f) =>
      `Every agreed match on ${reqTitle(f)} is completed, so the request is delivered. In 12 months the Committee asks both sides how the assistance worked (resolution 2663, OP20).`,
  },
  'request.closed': {
    subject: 'request',
    recipients: [
      { to: 'requester', category: 'requests' },
      { to: 'matched_providers', category: 'requests' },
      { to: 'committee', category: 'requests' },
    ],
    title: (f) => `Request ${ref(f)} closed${f.reason ? ` (${inSentence(reasonLabel(f.reason))})` : ''}`,
    body: (f) => `The 1540 Committee closed ${reqTitle(f)}${f.reason ? `: ${inSentence(reasonLabel(f.reason))}` : ''}.`,
  },
  'request.withdrawn': {
    subject: 'request',
    recipients: [
      { to: 'committee', category: 'requests', when: unlessDraft },
      { to: 'requester', category: 'requests' },
      { to: 'matched_providers', category: 'requests' },
    ],
    title: (f) => `Request ${ref(f)} withdrawn`,
    body: (f) => `${r(f).stateName} withdrew ${reqTitle(f)}. Matches on it will not go ahead.`,
  },

  // Offers
  'offer.created': { silent: 'A draft offer is the provider’s work in progress until it is submitted for verification.' },
  'offer.updated': {
    silent: 'The provider edits its own offer; the matching engine rescores it, and any change that matters reaches requests as new suggestions.',
  },
  'offer.submitted': {
    subject: 'offer',
    recipients: [{ to: 'committee', category: 'offers' }],
    title: (f) => `Offer submitted for verification: ${o(f).title}`,
    body: (f) => `${provider(f)} submitted the offer ${offerTitle(f)}. Check it, then verify it or return it to draft with a comment.`,
  },
  'offer.verified': {
    subject: 'offer',
    recipients: [{ to: 'provider', category: 'offers' }],
    title: (f) => `Your offer ${offerTitle(f)} is active`,
    body: (f) => `The 1540 Committee verified ${offerTitle(f)}. It now takes part in matching with circulated requests.`,
  },
  'offer.returned': {
    subject: 'offer',
    recipients: [{ to: 'provider', category: 'offers' }],
    title: (f) => `Your offer ${offerTitle(f)} was returned to draft`,
    body: (f) => `The 1540 Committee returned ${offerTitle(f)} to draft. Read its comment, edit the offer and submit it again.`,
  },
  'offer.paused': {
    subject: 'offer',
    recipients: [
      { to: 'provider', category: 'offers' },
      { to: 'committee', category: 'offers' },
    ],
    title: (f) => `Offer ${offerTitle(f)} paused`,
    body: (f) => `${provider(f)}’s offer ${offerTitle(f)} is paused: it leaves matching until it is resumed.`,
  },
  'offer.resumed': {
    subject: 'offer',
    recipients: [
      { to: 'provider', category: 'offers' },
      { to: 'committee', category: 'offers' },
    ],
    title: (f) => `Offer ${offerTitle(f)} active again`,
    body: (f) => `${provider(f)}’s offer ${offerTitle(f)} is active again and takes part in matching.`,
  },
  'offer.closed': {
    subject: 'offer',
    recipients: [
      { to: 'provider', category: 'offers' },
      { to: 'committee', category: 'offers' },
    ],
    title: (f) => `Offer ${offerTitle(f)} closed`,
    body: (f) => `${provider(f)}’s offer ${offerTitle(f)} is closed and no longer matched.`,
  },
  'offer.exhausted': {
    subject: 'offer',
    recipients: [
      { to: 'provider', category: 'offers' },
      { to: 'committee', category: 'offers' },
    ],
    title: (f) => `Offer ${offerTitle(f)} has no capacity left`,
    body: (f) => `An agreed match used the last engagement of ${provider(f)}’s offer ${offerTitle(f)}. It leaves matching until capacity is freed or raised.`,
  },
  'offer.replenished': {
    subject: 'offer',
    recipients: [
      { to: 'provider', category: 'offers' },
      { to: 'committee', category: 'offers' },
    ],
    title: (f) => `Offer ${offerTitle(f)} has capacity again`,
    body: (f) => `A cancelled match freed an engagement of ${provider(f)}’s offer ${offerTitle(f)}; it takes part in matching again.`,
  },
  'offer.expired': {
    subject: 'offer',
    recipients: [
      { to: 'provider', category: 'offers' },
      { to: 'committee', category: 'offers' },
    ],
    title: (f) => `Offer ${offerTitle(f)} expired`,
    body: (f) => `${provider(f)}’s offer ${offerTitle(f)} was available until ${day(o(f).availableUntil)}; it has expired and is no longer matched.`,
  },

  'request.objection_recorded': {
    subject: 'request',
    recipients: [
      { to: 'requester', category: 'requests' },
      { to: 'committee', category: 'requests' },
    ],
    title: (f) => `Objection to circulating ${ref(f)} recorded`,
    body: (f) =>
      `The 1540 Committee recorded ${r(f).stateName}’s objection, by letter, to circulating ${reqTitle(f)}. The request is not circulated until the objection is withdrawn.`,
  },
  'request.objected': {
    subject: 'request',
    recipients: [
      { to: 'committee', category: 'requests' },
      { to: 'requester', category: 'requests' },
    ],
    title: (f) => `${r(f).stateName} objects to circulating ${ref(f)}`,
    body: (f) => `${r(f).stateName}’s coordinator objected to circulating ${reqTitle(f)}. It cannot be circulated until the objection is withdrawn.`,
  },
  'request.objection_withdrawn': {
    subject: 'request',
    recipients: [
      { to: 'requester', category: 'requests' },
      { to: 'committee', category: 'requests' },
    ],
    title: (f) => `Objection to circulating ${ref(f)} withdrawn`,
    body: (f) => `${r(f).stateName}’s objection to circulating ${reqTitle(f)} is withdrawn; the Committee may circulate it once the objection window allows.`,
  },
  'request.waiver_recorded': {
    subject: 'request',
    recipients: [
      { to: 'requester', category: 'requests' },
      { to: 'committee', category: 'requests' },
    ],
    title: (f) => `${r(f).stateName} waived the objection window of ${ref(f)}`,
    body: (f) => `The 1540 Committee recorded ${r(f).stateName}’s letter waiving the objection window of ${reqTitle(f)}: it may be circulated at once.`,
  },
  'request.message_posted': {
    subject: 'request',
    // The other side of the conversation: the State's messages go to the Committee and the Committee's to the State.
    recipients: [
      { to: 'committee', category: 'requests', when: { test: (f) => f.payload.side !== 'committee', says: 'when the State wrote' } },
      { to: 'requester', category: 'requests', when: { test: (f) => f.payload.side !== 'state', says: 'when the Committee wrote' } },
    ],
    title: (f) => `New message on ${ref(f)}${f.payload.kind === 'clarification_answer' ? ' (answer to the clarification)' : ''}`,
    body: (f) => `${sideName(f, f.payload.side)} wrote about ${reqTitle(f)}: “${f.payload.excerpt}”`,
  },

  // Matches
  'match.created': {
    subject: 'match',
    recipients: [{ to: 'committee', category: 'matches', when: providerInterest }],
    title: (f) => `${provider(f)} expressed interest in ${ref(f)}`,
    body: (f) =>
      `${provider(f)} offered ${offerTitle(f)} for ${r(f).stateName}’s request ${reqTitle(f)}. Review the match, then endorse or dismiss it. ` +
      '(The engine’s own suggestions are not announced one by one: they wait in the review queue.)',
  },
  'match.endorsed': {
    subject: 'match',
    recipients: [
      { to: 'provider', category: 'matches' },
      {
        to: 'state_coordinator',
        category: 'matches',
        title: (f) => `${provider(f)} proposed for ${ref(f)}`,
        body: (f) =>
          `The 1540 Committee put forward ${provider(f)}’s offer ${offerTitle(f)} for your request ${reqTitle(f)}. ${provider(f)} accepts or declines first; then you confirm or reject.`,
      },
    ],
    title: (f) => `Match endorsed: your offer for ${ref(f)}`,
    body: (f) =>
      `The 1540 Committee endorsed your offer ${offerTitle(f)} for ${r(f).stateName}’s request ${reqTitle(f)}. Please accept or decline it.`,
  },
  'match.dismissed': {
    subject: 'match',
    recipients: [{ to: 'provider', category: 'matches', when: providerInterest }],
    title: (f) => `Your interest in ${ref(f)} was not taken forward`,
    body: (f) => `The 1540 Committee dismissed the match between your offer ${offerTitle(f)} and ${reqTitle(f)}.`,
  },
  'match.accepted': {
    subject: 'match',
    recipients: [
      { to: 'committee', category: 'matches' },
      {
        to: 'requester',
        category: 'matches',
        body: (f) => `${provider(f)} accepted to deliver ${offerTitle(f)} for your request ${reqTitle(f)}. Your State’s coordinator now confirms or rejects the match.`,
      },
    ],
    title: (f) => `${provider(f)} accepted the match for ${ref(f)}`,
    body: (f) => `${provider(f)} accepted the endorsed match of ${offerTitle(f)} with ${reqTitle(f)}. ${r(f).stateName}’s coordinator confirms or rejects it next.`,
  },
  'match.declined': {
    subject: 'match',
    recipients: [
      { to: 'committee', category: 'matches' },
      { to: 'requester', category: 'matches' },
    ],
    title: (f) => `${provider(f)} declined the match for ${ref(f)}`,
    body: (f) => `${provider(f)} declined the endorsed match of ${offerTitle(f)} with ${reqTitle(f)}.`,
  },
  'match.agreed': {
    subject: 'match',
    recipients: [
      { to: 'committee', category: 'matches' },
      { to: 'provider', category: 'matches' },
    ],
    title: (f) => `Match agreed: ${provider(f)} and ${ref(f)}`,
    body: (f) => `${r(f).stateName} confirmed the match of ${offerTitle(f)} with ${reqTitle(f)}. The provider and the State plan the delivery.`,
  },
  'match.rejected': {
    subject: 'match',
    recipients: [
      { to: 'committee', category: 'matches' },
      { to: 'provider', category: 'matches' },
    ],
    title: (f) => `${r(f).stateName} rejected the match for ${ref(f)}`,
    body: (f) => `${r(f).stateName}’s coordinator rejected the match of ${offerTitle(f)} with ${reqTitle(f)}.`,
  },
  'match.started': {
    subject: 'match',
    recipients: [
      { to: 'committee', category: 'matches' },
      { to: 'requester', category: 'matches' },
      { to: 'provider', category: 'matches' },
    ],
    title: (f) => `Assistance under way: ${ref(f)} with ${provider(f)}`,
    body: (f) => `Work under the match of ${offerTitle(f)} with ${reqTitle(f)} has started.`,
  },
  'match.completed': {
    subject: 'match',
    recipients: [
      { to: 'committee', category: 'matches' },
      { to: 'requester', category: 'matches' },
      { to: 'provider', category: 'matches' },
    ],
    title: (f) => `Assistance completed: ${ref(f)} with ${provider(f)}`,
    body: (f) => `The match of ${offerTitle(f)} with ${reqTitle(f)} is completed. Both sides may now leave feedback on it (a rating and a comment).`,
  },
  'match.cancelled': {
    subject: 'match',
    recipients: [
      { to: 'provider', category: 'matches', when: providerKnew },
      { to: 'requester', category: 'matches', when: pastSuggestion },
    ],
    title: (f) => `Match cancelled: ${provider(f)} and ${ref(f)}`,
    body: (f) => `The 1540 Committee cancelled the match of ${offerTitle(f)} with ${reqTitle(f)}.`,
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
    title: (f) => `New message on the match of ${ref(f)} with ${provider(f)}`,
    body: (f) => `${sideName(f, f.payload.side)} wrote about the match of ${offerTitle(f)} with ${reqTitle(f)}: “${f.payload.excerpt}”`,
  },
  'match.feedback': {
    subject: 'match',
    recipients: [{ to: 'committee', category: 'matches' }],
    title: (f) => `Feedback on ${ref(f)} from the ${f.payload.side === 'provider' ? 'provider' : 'requesting State'}`,
    body: (f) =>
      `${f.payload.side === 'provider' ? provider(f) : r(f).stateName} rated the assistance of ${offerTitle(f)} for ${reqTitle(f)} ${f.payload.rating}/5.`,
  },

  // Reminders (scheduled jobs emit these, once each: see reminders.service.ts)
  'reminder.objection_window_over': {
    subject: 'request',
    recipients: [{ to: 'committee', category: 'reminders' }],
    title: (f) => `Circulate now: the objection window of ${ref(f)} has closed`,
    body: (f) =>
      `${r(f).stateName} did not object within five working days of acknowledgement (the window closed ${dayTime(new Date(f.payload.closesAt))}). ` +
      `${reqTitle(f)} can be circulated to providers now.`,
  },
  'reminder.match_unanswered': {
    subject: 'match',
    recipients: [{ to: 'provider', category: 'reminders' }],
    title: (f) => `Reminder: the endorsed match for ${ref(f)} awaits your answer`,
    body: (f) =>
      `The 1540 Committee endorsed your offer ${offerTitle(f)} for ${r(f).stateName}’s request ${reqTitle(f)} on ${day(f.payload.endorsedAt)}. Please accept or decline it.`,
  },
  'reminder.offer_expiring': {
    subject: 'offer',
    recipients: [{ to: 'provider', category: 'reminders' }],
    title: (f) => `Your offer ${offerTitle(f)} expires on ${day(o(f).availableUntil)}`,
    body: (f) =>
      `${offerTitle(f)} is available until ${day(o(f).availableUntil)} and leaves matching after that day. If it stays open, extend its available-until date.`,
  },
  'reminder.follow_up_due': {
    subject: 'request',
    recipients: [
      { to: 'state_coordinator', category: 'reminders' },
      { to: 'matched_providers', category: 'reminders' },
    ],
    title: (f) => `Follow-up due: ${ref(f)}, delivered a year ago`,
    body: (f) =>
      `Assistance on ${reqTitle(f)} was delivered on ${day(r(f).deliveredAt)}. As resolution 2663 (OP20) asks, the Committee follows up a year on: ` +
      'please leave feedback on the match — how the assistance worked and what is still needed.',
  },

  'reminder.engagement_action_due': {
    subject: 'engagement_follow_up',
    recipients: [{ to: 'action_owner', category: 'reminders' }],
    title: (f) => `Follow-up action due ${day(f.engagementAction!.dueDate)}: ${f.engagementAction!.engagementTitle}`,
    body: (f) =>
      `A follow-up action of “${f.engagementAction!.engagementTitle}” is yours and falls due on ${day(f.engagementAction!.dueDate)}: ${f.engagementAction!.description}`,
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
    title: (f) => `${f.plan!.stateName} submitted its national action plan`,
    body: (f) => `${f.plan!.stateName} submitted “${f.plan!.title}” to the Committee. Its items, priorities and what needs assistance are on the plan’s page.`,
  },
  'action_plan.updated': {
    subject: 'action_plan',
    recipients: [{ to: 'committee', category: 'requests' }],
    title: (f) => `${f.plan!.stateName} updated its national action plan (version ${f.payload.revision})`,
    body: (f) => `“${f.plan!.title}” is now at version ${f.payload.revision}; the plan’s versions show what changed.`,
  },
  'action_plan_item.created': { silent: 'Recorded in the item’s history and, once the plan is submitted, in its next version, which action_plan.updated announces.' },
  'action_plan_item.updated': { silent: 'Recorded in the item’s history and, once the plan is submitted, in its next version, which action_plan.updated announces.' },
  'action_plan_item.assistance_needed': {
    subject: 'action_plan_item',
    recipients: [{ to: 'committee', category: 'requests' }],
    title: (f) => `${f.plan!.stateName} needs assistance for an action plan item`,
    body: (f) => `Item ${f.plan!.item?.code ?? ''} “${f.plan!.item?.title ?? ''}” of “${f.plan!.title}” is marked as needing assistance.`,
  },
  'action_plan_item.interest_declared': {
    subject: 'action_plan_item',
    recipients: [{ to: 'state_coordinator', category: 'matches' }],
    title: (f) => `${f.plan!.providerName ?? 'A provider'} could support an item of your action plan`,
    body: (f) =>
      `${f.plan!.providerName ?? 'A provider'} declared interest in item ${f.plan!.item?.code ?? ''} “${f.plan!.item?.title ?? ''}”. Once the item’s request is circulated, the interest becomes a match.`,
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

/** The subject's key facts, as the inbox item and the e-mail show them. */
export function keyFacts(f: EventFacts, subject: SubjectType): MailFact[] {
  const facts: MailFact[] = [];
  if (subject === 'action_plan' || subject === 'action_plan_item') {
    if (!f.plan) return facts;
    facts.push({ label: 'Action plan', value: f.plan.title });
    facts.push({ label: 'State', value: `${f.plan.stateName} (${f.plan.state})` });
    if (f.plan.item) facts.push({ label: 'Item', value: `${f.plan.item.code ? `${f.plan.item.code} ` : ''}${f.plan.item.title}` });
    if (f.plan.providerName) facts.push({ label: 'Provider', value: f.plan.providerName });
    if (f.comment) facts.push({ label: 'Comment', value: f.comment });
    return facts;
  }
  if (f.request) {
    facts.push({ label: 'Reference', value: f.request.reference });
    facts.push({ label: 'Request', value: f.request.title });
    facts.push({ label: 'State', value: `${f.request.stateName} (${f.request.state})` });
  }
  if (f.offer) {
    facts.push({ label: 'Offer', value: f.offer.title });
    facts.push({ label: 'Provider', value: f.offer.providerName });
  }
  if (subject === 'engagement_follow_up') {
    if (!f.engagementAction) return facts;
    facts.push({ label: 'Engagement', value: f.engagementAction.engagementTitle });
    facts.push({ label: 'Action', value: f.engagementAction.description });
    facts.push({ label: 'Due', value: formatMailDate(f.engagementAction.dueDate) });
    return facts;
  }
  const status = 'to' in f.payload ? f.payload.to : subject === 'match' ? f.match?.status : subject === 'offer' ? f.offer?.status : f.request?.status;
  if (status) facts.push({ label: subject === 'match' ? 'Match status' : 'Status', value: statusLabel(subject, status) });
  const reason = f.reason ?? (f.type === 'match.declined' || f.type === 'match.rejected' ? f.match?.declineReason : null);
  if (reason) facts.push({ label: 'Reason', value: reasonLabel(reason) });
  if (f.comment) facts.push({ label: 'Comment', value: f.comment });
  return facts;
}

/**
 * The key facts as this reader may see them. Providers follow a request's progress but not the exchanges
 * between the State and the Committee (as the request history shows them), so request comments stay out.
 */
export function factsFor(f: EventFacts, subject: SubjectType, role: Role): MailFact[] {
  const facts = keyFacts(f, subject);
  return subject === 'request' && isProvider(role) ? facts.filter((x) => x.label !== 'Comment') : facts;
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
