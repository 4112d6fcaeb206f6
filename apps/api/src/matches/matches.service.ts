import { Injectable } from '@nestjs/common';
import { invalidFieldIn, localizedError, localizedIssue, notFound, Page } from '@app/common';
import { AssistanceOfferEntity, AssistanceRequestEntity, MatchEntity, MatchRepository, OfferRepository, RequestRepository } from '@app/database';
import type { CreateMatch, Feedback, ListMatches, MatchTransition, matchViewSchema, Served } from '@app/contracts';
import {
  availableActions,
  isAgency,
  isCommittee,
  MATCH_WORKFLOW,
  MatchAction,
  REQUEST_OPEN_FOR_MATCHING_STATUSES,
  retirementExplanation,
} from '@app/domain';
import { calibrationAt, calibrationBands } from '@app/matching';
import { executeTransition, MATCH_LIFECYCLE, UnitOfWork } from '@app/outbox';
import type { AuthUser } from '../auth/auth-user';
import { HistoryItem, HistoryService } from '../history/history.service';
import { reasonLineIn } from '../matching/reason-line';
import { withoutCapacity } from './match-redaction';
import { followAgreedMatches, releaseOfferCapacity, useOfferCapacity } from './match-consequences';

/** A match as the services build it; libs/contracts holds its schema (views/matches.ts). */
export type MatchView = Served<typeof matchViewSchema>;

export type MatchPage = Page<MatchView> & { totalIsLowerBound: boolean };

@Injectable()
export class MatchesService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly historyService: HistoryService,
    private readonly repository: MatchRepository,
    private readonly requests: RequestRepository,
    private readonly offers: OfferRepository,
  ) {}

  async list(user: AuthUser, f: ListMatches): Promise<MatchPage> {
    const { rows, total, totalIsLowerBound } = await this.repository.listPage(user, f);
    return { items: await this.views(user, rows), total, totalIsLowerBound, page: f.page, pageSize: f.pageSize };
  }

  /** Ranked matches of one request or offer, after checking the caller may see that record. */
  async forSubject(user: AuthUser, subject: 'request' | 'offer', id: string, f: ListMatches): Promise<MatchPage> {
    // The record as its own route would show it (404 otherwise); a provider sees the matches of its own offers only.
    const visible = subject === 'request' ? await this.requests.isVisible(user, id) : await this.offerListsMatches(user, id);
    if (!visible) throw notFound(subject === 'request' ? 'Request' : 'Offer');
    return this.list(user, { ...f, [subject === 'request' ? 'requestId' : 'offerId']: id });
  }

  private async offerListsMatches(user: AuthUser, id: string): Promise<boolean> {
    const offer = await this.offers.findVisible(user, id);
    return offer !== null && (user.role !== 'provider_member' || offer.organizationId === user.organization.id);
  }

  async get(user: AuthUser, id: string): Promise<MatchView> {
    const row = await this.repository.findVisible(user, id);
    if (!row) throw notFound('Match');
    return (await this.views(user, [row]))[0];
  }

  async history(user: AuthUser, id: string): Promise<HistoryItem[]> {
    await this.get(user, id);
    return this.historyService.forSubject('match', id);
  }

  /** A committee member's manual match, or a provider's expression of interest in a circulated request. */
  async create(user: AuthUser, input: CreateMatch): Promise<MatchView> {
    const origin = isCommittee(user.role) ? 'committee' : 'provider_interest';
    const id = await this.uow.run(user, async (tx) => {
      const request = await this.requests.findVisible(user, input.requestId, tx.manager);
      if (!request) throw invalidFieldIn('requestId', 'errors.match.noSuchRequest');
      if (!REQUEST_OPEN_FOR_MATCHING_STATUSES.includes(request.status)) {
        throw localizedError('conflict', 'errors.match.requestNotOpen', { ref: request.reference, status: request.status });
      }
      const offer = await tx.manager.findOneBy(AssistanceOfferEntity, { id: input.offerId });
      if (!offer || (origin === 'provider_interest' && offer.organizationId !== user.organization.id)) {
        throw origin === 'provider_interest' ? invalidFieldIn('offerId', 'errors.match.notYourOffer') : invalidFieldIn('offerId', 'errors.match.noSuchOffer');
      }
      if (offer.status !== 'active') throw localizedError('conflict', 'errors.match.offerNotActive', { status: offer.status });
      const existing = await tx.manager.findOneBy(MatchEntity, { requestId: request.id, offerId: offer.id });
      if (existing) {
        throw localizedError('conflict', 'errors.match.exists', {}, { matchId: existing.id, status: existing.status });
      }
      const match = await tx.manager.save(
        tx.manager.create(MatchEntity, { requestId: request.id, offerId: offer.id, origin, status: 'suggested', notes: input.notes ?? null, createdById: user.id }),
      );
      await tx.audit({ subjectType: 'match', subjectId: match.id, action: 'create', toStatus: 'suggested', comment: input.notes ?? null, details: { origin } });
      await tx.emit({ type: 'match.created', subjectType: 'match', subjectId: match.id, payload: { origin, requestId: request.id, offerId: offer.id } });
      return match.id;
    });
    return this.get(user, id);
  }

  async transition(user: AuthUser, id: string, input: MatchTransition): Promise<MatchView> {
    await this.uow.run(user, async (tx) => {
      const match = await this.repository.lockVisible(user, id, tx.manager);
      if (!match) throw notFound('Match');
      const [request, offer] = await Promise.all([
        tx.manager.findOneOrFail(AssistanceRequestEntity, { where: { id: match.requestId }, lock: { mode: 'pessimistic_write' } }),
        tx.manager.findOneOrFail(AssistanceOfferEntity, { where: { id: match.offerId }, lock: { mode: 'pessimistic_write' } }),
      ]);
      await executeTransition(tx, MATCH_LIFECYCLE, match, {
        action: input.action,
        role: user.role,
        reason: input.reason,
        comment: input.comment,
        version: input.version,
        context: { providerId: offer.organizationId, state: request.state },
        explainRefusal: (decision) => {
          if (match.status === 'retired' && decision.reason === 'invalid_status') {
            throw localizedError('conflict', 'errors.match.retired', { why: retirementExplanation(match.retiredReason) }, { status: 'retired', retiredReason: match.retiredReason }, match.retiredReason ? { why: `retirementReason.${match.retiredReason}` } : undefined);
          }
        },
        prepare: async (row, { action, from }) => {
          if (user.role === 'provider_member' && offer.organizationId !== user.organization.id) throw localizedError('forbidden', 'errors.match.otherProvider');
          if (isAgency(user.role) && request.state !== user.organization.state) throw localizedError('forbidden', 'errors.match.otherState');
          if (action === 'confirm') await useOfferCapacity(tx, offer);
          if (action === 'cancel') await releaseOfferCapacity(tx, offer, from);
          if (action === 'complete') recordDelivery(row, input);
          if (action === 'decline' || action === 'reject') row.declineReason = input.reason ?? null;
        },
        details: (row, { action }) => (action === 'complete' ? deliveryDetails(row, request) : null),
      });
      // The request's delivery status follows its agreed matches, in this same transaction.
      await followAgreedMatches(tx, request);
    });
    return this.get(user, id);
  }

  async feedback(user: AuthUser, id: string, input: Feedback): Promise<MatchView> {
    await this.uow.run(user, async (tx) => {
      const match = await this.repository.lockVisible(user, id, tx.manager);
      if (!match) throw notFound('Match');
      if (match.status !== 'completed') throw localizedError('conflict', 'errors.match.feedbackTooEarly');
      const side = isAgency(user.role) ? 'requester' : user.role === 'provider_member' ? 'provider' : null;
      if (!side) throw localizedError('forbidden', 'errors.match.feedbackSides');
      const ratingField = side === 'requester' ? 'requesterRating' : 'providerRating';
      if (match[ratingField] !== null) throw localizedError('conflict', 'errors.match.feedbackGiven');
      match[ratingField] = input.rating;
      match[side === 'requester' ? 'requesterComment' : 'providerComment'] = input.comment ?? null;
      await tx.manager.save(match);
      await tx.audit({ subjectType: 'match', subjectId: id, action: 'feedback', comment: input.comment ?? null, details: { side, rating: input.rating } });
      await tx.emit({ type: 'match.feedback', subjectType: 'match', subjectId: id, payload: { side, rating: input.rating } });
    });
    return this.get(user, id);
  }

  private async views(user: AuthUser, rows: MatchEntity[]): Promise<MatchView[]> {
    if (!rows.length) return [];
    const parties = await this.repository.partiesOf(rows.map((r) => r.id));
    const byId = new Map(parties.map((d) => [d.matchId, d]));
    const bands = rows.some((m) => m.score !== null) ? calibrationBands(await this.repository.decisionsByScoreBand()) : [];
    return rows.map((m) => {
      const d = byId.get(m.id)!;
      const mine = user.role === 'provider_member' ? d.provider.id === user.organization.id : isAgency(user.role) ? d.request.state === user.organization.state : true;
      // The offer's budget is its provider's and the committee's to see; the explanation must not reveal it.
      const seesCapacity = isCommittee(user.role) || (user.role === 'provider_member' && d.provider.id === user.organization.id);
      const stored = { score: m.score, components: m.components, reason: m.reason, reasonParts: m.reasonParts };
      const { reasonParts, ...explained } = seesCapacity ? stored : withoutCapacity(stored);
      return {
        id: m.id,
        status: m.status,
        origin: m.origin,
        ...explained,
        // The reason line in the reader's language when the engine's clauses are stored; the English line otherwise.
        reason: reasonParts?.length ? reasonLineIn(user.preferredLanguage, reasonParts) : explained.reason,
        calibration: calibrationAt(m.score, bands),
        engineVersion: m.engineVersion,
        weightsVersion: m.weightsVersion,
        scoredAt: m.scoredAt,
        notes: m.notes,
        declineReason: m.declineReason,
        retiredReason: m.retiredReason,
        delivery:
          m.deliveredFrom && m.deliveredUntil
            ? {
                deliveredFrom: m.deliveredFrom,
                deliveredUntil: m.deliveredUntil,
                participants: m.participants,
                deliverables: m.deliverables ?? '',
                beforeDesiredStart: beforeDesiredStart(m.deliveredFrom, d.request.desiredStart),
              }
            : null,
        endorsedAt: m.endorsedAt,
        answeredAt: m.answeredAt,
        agreedAt: m.agreedAt,
        completedAt: m.completedAt,
        feedback: {
          requester: m.requesterRating === null ? null : { rating: m.requesterRating, comment: m.requesterComment },
          provider: m.providerRating === null ? null : { rating: m.providerRating, comment: m.providerComment },
        },
        request: d.request,
        offer: { ...d.offer, provider: d.provider },
        availableActions: mine ? (availableActions(MATCH_WORKFLOW, m.status, user.role) as MatchAction[]) : [],
        canGiveFeedback:
          mine &&
          m.status === 'completed' &&
          ((isAgency(user.role) && m.requesterRating === null) || (user.role === 'provider_member' && m.providerRating === null)),
        version: m.version,
        createdAt: m.createdAt,
        updatedAt: m.updatedAt,
      };
    });
  }
}

/** Completing a match records what was delivered; without the record the match cannot be completed. */
function recordDelivery(match: MatchEntity, input: MatchTransition): void {
  const delivery = input.delivery;
  if (!delivery) {
    throw localizedError('invalid', 'errors.match.deliveryRequired', {}, [
      localizedIssue('delivery', 'validation.required'),
    ]);
  }
  match.deliveredFrom = delivery.deliveredFrom;
  match.deliveredUntil = delivery.deliveredUntil;
  match.participants = delivery.participants;
  match.deliverables = delivery.deliverables;
}

/** History details of a completion; flags a delivery that began before the State's desired start. */
function deliveryDetails(match: MatchEntity, request: AssistanceRequestEntity): Record<string, unknown> {
  return {
    deliveredFrom: match.deliveredFrom,
    deliveredUntil: match.deliveredUntil,
    participants: match.participants,
    beforeDesiredStart: beforeDesiredStart(match.deliveredFrom, request.desiredStart),
  };
}

export function beforeDesiredStart(deliveredFrom: string | null, desiredStart: string | null): boolean {
  return Boolean(deliveredFrom && desiredStart && deliveredFrom < desiredStart);
}
