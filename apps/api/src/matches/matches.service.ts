import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import { containsPattern, DomainError, invalidField, notFound, Page } from '@app/common';
import { AssistanceOfferEntity, AssistanceRequestEntity, MatchEntity } from '@app/database';
import {
  availableActions,
  isAgency,
  isCommittee,
  MATCH_WORKFLOW,
  MatchAction,
  REQUEST_OPEN_FOR_MATCHING_STATUSES,
  retirementExplanation,
} from '@app/domain';
import { executeTransition, MATCH_LIFECYCLE, UnitOfWork } from '@app/outbox';
import type { AuthUser } from '../auth/auth-user';
import { HistoryItem, HistoryService } from '../history/history.service';
import { applyOfferScope } from '../offers/offer-access';
import { applyRequestScope } from '../requests/request-access';
import { textSearchSql } from '../requests/requests.service';
import type { CreateMatch, Feedback, ListMatches, MatchTransition } from './dto/match.schemas';
import { applyMatchScope } from './match-access';
import { withoutCapacity } from './match-redaction';
import { followAgreedMatches, releaseOfferCapacity, useOfferCapacity } from './match-consequences';

export interface MatchView {
  id: string;
  status: MatchEntity['status'];
  origin: MatchEntity['origin'];
  score: number | null;
  components: MatchEntity['components'];
  reason: string;
  engineVersion: string | null;
  weightsVersion: number | null;
  scoredAt: Date | null;
  notes: string | null;
  declineReason: string | null;
  /** Why the system retired this suggestion, when it did. */
  retiredReason: MatchEntity['retiredReason'];
  /** What was delivered, once the match is completed. */
  delivery: { deliveredFrom: string; deliveredUntil: string; participants: number | null; deliverables: string; beforeDesiredStart: boolean } | null;
  endorsedAt: Date | null;
  answeredAt: Date | null;
  agreedAt: Date | null;
  completedAt: Date | null;
  feedback: { requester: { rating: number; comment: string | null } | null; provider: { rating: number; comment: string | null } | null };
  request: { id: string; reference: string; title: string; state: string; status: string; desiredStart: string | null };
  offer: { id: string; title: string; status: string; provider: { id: string; name: string; shortName: string } };
  availableActions: MatchAction[];
  /** The caller's side may still rate this completed match. */
  canGiveFeedback: boolean;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}


@Injectable()
export class MatchesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly uow: UnitOfWork,
    private readonly historyService: HistoryService,
  ) {}

  private scoped(user: AuthUser, manager: EntityManager = this.dataSource.manager): SelectQueryBuilder<MatchEntity> {
    const qb = manager
      .createQueryBuilder(MatchEntity, 'm')
      .innerJoin(AssistanceRequestEntity, 'req', 'req.id = m.request_id')
      .innerJoin(AssistanceOfferEntity, 'off', 'off.id = m.offer_id');
    return applyMatchScope(qb, user);
  }

  async list(user: AuthUser, f: ListMatches): Promise<Page<MatchView>> {
    const qb = this.scoped(user);
    if (f.status?.length) qb.andWhere('m.status IN (:...statuses)', { statuses: f.status });
    if (f.requestId) qb.andWhere('m.request_id = :rid', { rid: f.requestId });
    if (f.offerId) qb.andWhere('m.offer_id = :oid', { oid: f.offerId });
    if (f.origin) qb.andWhere('m.origin = :origin', { origin: f.origin });
    if (f.q) {
      // A match is found by its request (reference, title, description) or by its offer (title, description).
      const request = textSearchSql('req', { q: ':q', qLike: ':qLike', reference: true });
      const offer = textSearchSql('off', { q: ':q', qLike: ':qLike', reference: false });
      qb.andWhere(`(${request} OR ${offer})`, { q: f.q, qLike: containsPattern(f.q) });
    }
    const desc = f.sort.startsWith('-');
    const column = { score: 'm.score', updatedAt: 'm.updated_at', createdAt: 'm.created_at' }[f.sort.replace('-', '') as 'score'];
    qb.orderBy(column, desc ? 'DESC' : 'ASC', 'NULLS LAST').addOrderBy('m.id');
    const [rows, total] = await qb.skip((f.page - 1) * f.pageSize).take(f.pageSize).getManyAndCount();
    return { items: await this.views(user, rows), total, page: f.page, pageSize: f.pageSize };
  }

  /** Ranked matches of one request or offer, after checking the caller may see that record. */
  async forSubject(user: AuthUser, subject: 'request' | 'offer', id: string, f: ListMatches): Promise<Page<MatchView>> {
    // The record as its own route would show it (404 otherwise); a provider sees the matches of its own offers only.
    const visible =
      subject === 'request'
        ? await applyRequestScope(this.dataSource.manager.createQueryBuilder(AssistanceRequestEntity, 'r'), user).andWhere('r.id = :id', { id }).getExists()
        : await applyOfferScope(this.dataSource.manager.createQueryBuilder(AssistanceOfferEntity, 'o'), user)
            .andWhere('o.id = :id', { id })
            .andWhere(user.role === 'provider_member' ? 'o.organization_id = :ownOrg' : 'TRUE', { ownOrg: user.organization.id })
            .getExists();
    if (!visible) throw notFound(subject === 'request' ? 'Request' : 'Offer');
    return this.list(user, { ...f, [subject === 'request' ? 'requestId' : 'offerId']: id });
  }

  async get(user: AuthUser, id: string): Promise<MatchView> {
    const row = await this.scoped(user).andWhere('m.id = :id', { id }).getOne();
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
      const request = await applyRequestScope(tx.manager.createQueryBuilder(AssistanceRequestEntity, 'r'), user)
        .andWhere('r.id = :id', { id: input.requestId })
        .getOne();
      if (!request) throw invalidField('requestId', 'no such request');
      if (!REQUEST_OPEN_FOR_MATCHING_STATUSES.includes(request.status)) {
        throw new DomainError('conflict', `Request ${request.reference} is ${request.status}; only circulated or matched requests are matched`);
      }
      const offer = await tx.manager.findOneBy(AssistanceOfferEntity, { id: input.offerId });
      if (!offer || (origin === 'provider_interest' && offer.organizationId !== user.organization.id)) {
        throw invalidField('offerId', origin === 'provider_interest' ? 'must be one of your organisation’s offers' : 'no such offer');
      }
      if (offer.status !== 'active') throw new DomainError('conflict', `The offer is ${offer.status}; only active offers are matched`);
      const existing = await tx.manager.findOneBy(MatchEntity, { requestId: request.id, offerId: offer.id });
      if (existing) {
        throw new DomainError('conflict', 'This request and offer are matched already', { matchId: existing.id, status: existing.status });
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
      const match = await this.scoped(user, tx.manager).andWhere('m.id = :id', { id }).setLock('pessimistic_write', undefined, ['m']).getOne();
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
            throw new DomainError('conflict', `This suggestion was retired: ${retirementExplanation(match.retiredReason)}`, { status: 'retired', retiredReason: match.retiredReason });
          }
        },
        prepare: async (row, { action, from }) => {
          if (user.role === 'provider_member' && offer.organizationId !== user.organization.id) throw new DomainError('forbidden', 'This match is for another provider’s offer');
          if (isAgency(user.role) && request.state !== user.organization.state) throw new DomainError('forbidden', 'This match is for another State’s request');
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
      const match = await this.scoped(user, tx.manager).andWhere('m.id = :id', { id }).setLock('pessimistic_write', undefined, ['m']).getOne();
      if (!match) throw notFound('Match');
      if (match.status !== 'completed') throw new DomainError('conflict', 'Feedback is given once the assistance is completed');
      const side = isAgency(user.role) ? 'requester' : user.role === 'provider_member' ? 'provider' : null;
      if (!side) throw new DomainError('forbidden', 'Feedback comes from the requesting State or the provider');
      const ratingField = side === 'requester' ? 'requesterRating' : 'providerRating';
      if (match[ratingField] !== null) throw new DomainError('conflict', 'Your side has given its feedback on this match already');
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
    const details: { mid: string; r_id: string; reference: string; r_title: string; state: string; r_status: string; r_desired_start: string | null; o_id: string; o_title: string; o_status: string; p_id: string; p_name: string; p_short: string }[] =
      await this.dataSource.query(
        `SELECT m.id AS mid, r.id AS r_id, r.reference, r.title AS r_title, r.state, r.status AS r_status, r.desired_start::text AS r_desired_start,
                o.id AS o_id, o.title AS o_title, o.status AS o_status, p.id AS p_id, p.name AS p_name, p.short_name AS p_short
           FROM matches m JOIN assistance_requests r ON r.id = m.request_id
           JOIN assistance_offers o ON o.id = m.offer_id JOIN organizations p ON p.id = o.organization_id
          WHERE m.id = ANY($1::uuid[])`,
        [rows.map((r) => r.id)],
      );
    const byId = new Map(details.map((d) => [d.mid, d]));
    return rows.map((m) => {
      const d = byId.get(m.id)!;
      const mine = user.role === 'provider_member' ? d.p_id === user.organization.id : isAgency(user.role) ? d.state === user.organization.state : true;
      // The offer's budget is its provider's and the committee's to see; the explanation must not reveal it.
      const seesCapacity = isCommittee(user.role) || (user.role === 'provider_member' && d.p_id === user.organization.id);
      const explained = { score: m.score, components: m.components, reason: m.reason };
      return {
        id: m.id,
        status: m.status,
        origin: m.origin,
        ...(seesCapacity ? explained : withoutCapacity(explained)),
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
                beforeDesiredStart: beforeDesiredStart(m.deliveredFrom, d.r_desired_start),
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
        request: { id: d.r_id, reference: d.reference, title: d.r_title, state: d.state, status: d.r_status, desiredStart: d.r_desired_start },
        offer: { id: d.o_id, title: d.o_title, status: d.o_status, provider: { id: d.p_id, name: d.p_name, shortName: d.p_short } },
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
    throw new DomainError('invalid', 'delivery: is required to complete a match (dates, participants, deliverables)', [
      { field: 'delivery', message: 'is required to complete a match' },
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
