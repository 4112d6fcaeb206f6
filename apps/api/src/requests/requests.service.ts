import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, Repository, SelectQueryBuilder } from 'typeorm';
import { assertTransition, assertVersion, changedKeys, Clock, containsPattern, DomainError, invalidField, notFound, orderOf, Page, pickValues } from '@app/common';
import { renderMessage } from '@app/contracts';
import { AssistanceRequestEntity, OrganizationEntity } from '@app/database';
import {
  availableActions,
  canCirculate,
  comparesDescription,
  decideTransition,
  DUPLICATE_THRESHOLD,
  duplicateSimilarity,
  formatRequestReference,
  isAgency,
  objectionWindowCloses,
  REQUEST_EDITABLE_STATUSES,
  REQUEST_EVENT,
  REQUEST_STATUSES,
  REQUEST_WORKFLOW,
  RequestAction,
  RequestStatus,
} from '@app/domain';
import { UnitOfWork } from '@app/outbox';
import type { AuthUser } from '../auth/auth-user';
import { HistoryItem, HistoryService } from '../history/history.service';
import type { CreateRequest, DuplicateCheck, ListRequests, RequestTransition, UpdateRequest } from './dto/request.schemas';
import { endOpenMatches, stampMilestone } from '../matches/match-consequences';
import { applyRequestScope, ownsRequest } from './request-access';

export type RequestView = Omit<AssistanceRequestEntity, 'estimatedCostAmount' | 'estimatedCostCurrency' | 'createdById'> & {
  estimatedCost: { amount: number; currency: string } | null;
  organization: { id: string; name: string; shortName: string } | null;
  /** Workflow actions this caller may take now: what the web app offers as buttons. */
  availableActions: RequestAction[];
  /** For acknowledged requests: when the State's objection window closes (null when waived). */
  objectionWindowClosesAt: string | null;
  /** Whether the caller may edit the request's content now. */
  canEdit: boolean;
};

export interface PossibleDuplicate {
  id: string;
  reference: string;
  title: string;
  status: RequestStatus;
  /** The figure shown: the title's, or the mean of title and description when both were compared. */
  similarity: number;
  titleSimilarity: number;
  /** Null when the draft had no description long enough to compare. */
  descriptionSimilarity: number | null;
}

const SORT_COLUMN: Record<string, string> = {
  createdAt: 'r.created_at',
  updatedAt: 'r.updated_at',
  reference: 'r.reference',
  title: 'r.title',
  submittedAt: 'r.submitted_at',
  circulatedAt: 'r.circulated_at',
  status: orderOf(REQUEST_STATUSES, 'r.status'),
  priority: orderOf(['high', 'medium', 'low'], 'r.priority'),
};


@Injectable()
export class RequestsService {
  constructor(
    @InjectRepository(AssistanceRequestEntity) private readonly requests: Repository<AssistanceRequestEntity>,
    private readonly uow: UnitOfWork,
    private readonly historyService: HistoryService,
    private readonly clock: Clock,
  ) {}

  private scoped(user: AuthUser, manager?: EntityManager): SelectQueryBuilder<AssistanceRequestEntity> {
    const qb = (manager ?? this.requests.manager).createQueryBuilder(AssistanceRequestEntity, 'r');
    return applyRequestScope(qb, user);
  }

  async list(user: AuthUser, f: ListRequests): Promise<Page<RequestView>> {
    const qb = this.scoped(user);
    if (f.status?.length) qb.andWhere('r.status IN (:...statuses)', { statuses: f.status });
    if (f.state) qb.andWhere('r.state = :state', { state: f.state });
    if (f.provision) qb.andWhere(':provision = ANY(r.provisions)', { provision: f.provision });
    if (f.domain) qb.andWhere(':domain = ANY(r.domains)', { domain: f.domain });
    if (f.type) qb.andWhere(':type = ANY(r.assistance_types)', { type: f.type });
    if (f.institution) qb.andWhere(':institution = ANY(r.target_institutions)', { institution: f.institution });
    if (f.priority) qb.andWhere('r.priority = :priority', { priority: f.priority });
    if (f.organizationId) qb.andWhere('r.organization_id = :org', { org: f.organizationId });
    if (f.ready !== undefined) qb.andWhere(`r.ready_for_coordinator_at IS ${f.ready ? 'NOT NULL' : 'NULL'}`);
    if (f.q) applyTextSearch(qb, 'r', f.q, { reference: true });
    const desc = f.sort.startsWith('-');
    qb.orderBy(SORT_COLUMN[f.sort.replace(/^-/, '')], desc ? 'DESC' : 'ASC', desc ? 'NULLS LAST' : 'NULLS FIRST').addOrderBy('r.id');
    const [rows, total] = await qb.skip((f.page - 1) * f.pageSize).take(f.pageSize).getManyAndCount();
    return { items: await this.views(user, rows), total, page: f.page, pageSize: f.pageSize };
  }

  async get(user: AuthUser, id: string): Promise<RequestView> {
    const row = await this.scoped(user).andWhere('r.id = :id', { id }).getOne();
    if (!row) throw notFound('Request');
    return (await this.views(user, [row]))[0];
  }

  async history(user: AuthUser, id: string): Promise<HistoryItem[]> {
    await this.get(user, id);
    const items = await this.historyService.forSubject('request', id);
    // Providers follow a request's progress but not the exchanges between the State and the Committee.
    return isAgency(user.role) || user.role.startsWith('committee')
      ? items
      : items.map((h) => (h.actor.id === user.id ? h : { ...h, comment: null, details: null }));
  }

  async create(user: AuthUser, input: CreateRequest): Promise<RequestView & { possibleDuplicates: PossibleDuplicate[] }> {
    if (!isAgency(user.role)) throw new DomainError('forbidden', 'Only State agencies create requests');
    const state = input.state ?? user.organization.state!;
    if (state !== user.organization.state) {
      throw new DomainError('forbidden', `Your agency requests assistance for ${user.organization.state}, not ${state}`);
    }
    await this.assertProvidersExist(input.preferredProviderIds);
    const { estimatedCost, state: _state, ...fields } = input;
    const id = await this.uow.run(user, async (tx) => {
      const year = Number((input.letterDate ?? new Date().toISOString()).slice(0, 4));
      const reference = formatRequestReference(state, year, await nextSequence(tx.manager, state, year));
      const row = await tx.manager.save(
        tx.manager.create(AssistanceRequestEntity, {
          ...fields,
          reference,
          state,
          organizationId: user.organization.id,
          createdById: user.id,
          estimatedCostAmount: estimatedCost?.amount ?? null,
          estimatedCostCurrency: estimatedCost?.currency ?? null,
          status: 'draft',
        }),
      );
      await tx.audit({ subjectType: 'request', subjectId: row.id, action: 'create', toStatus: 'draft', details: { reference } });
      await tx.emit({ type: 'request.created', subjectType: 'request', subjectId: row.id });
      return row.id;
    });
    const view = await this.get(user, id);
    return { ...view, possibleDuplicates: await this.findPossibleDuplicates(user, { title: view.title, description: view.description, excludeId: id }) };
  }

  async update(user: AuthUser, id: string, input: UpdateRequest): Promise<RequestView> {
    const { version, estimatedCost, ...fields } = input;
    if (fields.preferredProviderIds) await this.assertProvidersExist(fields.preferredProviderIds);
    await this.uow.run(user, async (tx) => {
      const row = await this.scoped(user, tx.manager).andWhere('r.id = :id', { id }).setLock('pessimistic_write').getOne();
      if (!row) throw notFound('Request');
      if (!ownsRequest(user, row)) throw new DomainError('forbidden', 'Only the requesting agency or its State coordinator may edit this request');
      if (!REQUEST_EDITABLE_STATUSES.includes(row.status)) {
        throw new DomainError('conflict', `A request that is ${row.status.replace(/_/g, ' ')} cannot be edited (editable: ${REQUEST_EDITABLE_STATUSES.join(', ')})`);
      }
      assertVersion(version, row.version, 'request');
      // Forms send every field: history and the event name only those whose values changed.
      const tracked = (r: AssistanceRequestEntity) => ({
        ...pickValues(r, Object.keys(fields)),
        ...(estimatedCost !== undefined ? { estimatedCost: [r.estimatedCostAmount, r.estimatedCostCurrency] } : {}),
      });
      const before = tracked(row);
      Object.assign(row, fields);
      if (estimatedCost !== undefined) {
        row.estimatedCostAmount = estimatedCost?.amount ?? null;
        row.estimatedCostCurrency = estimatedCost?.currency ?? null;
      }
      if (row.desiredStart && row.desiredEnd && row.desiredStart > row.desiredEnd) throw invalidField('desiredEnd', renderMessage({ code: 'beforeStart', params: {} }));
      const changed = changedKeys(before, tracked(row));
      if (!changed.length) return;
      await tx.manager.save(row);
      await tx.audit({ subjectType: 'request', subjectId: id, action: 'update', details: { fields: changed } });
      await tx.emit({ type: 'request.updated', subjectType: 'request', subjectId: id, payload: { fields: changed } });
    });
    return this.get(user, id);
  }

  async transition(user: AuthUser, id: string, input: RequestTransition): Promise<RequestView> {
    await this.uow.run(user, async (tx) => {
      const row = await this.scoped(user, tx.manager).andWhere('r.id = :id', { id }).setLock('pessimistic_write').getOne();
      if (!row) throw notFound('Request');
      const decision = decideTransition(REQUEST_WORKFLOW, { status: row.status, action: input.action, role: user.role, reason: input.reason, comment: input.comment });
      assertTransition(decision, 'request', input.action, row.status);
      assertVersion(input.version, row.version, 'request');
      if (isAgency(user.role) && !ownsRequest(user, row)) {
        throw new DomainError('forbidden', 'Only the requesting agency or its State coordinator may do this');
      }
      if (input.action === 'circulate') {
        const check = canCirculate({ acknowledgedAt: row.acknowledgedAt!, waived: row.objectionWindowWaived, now: this.clock.now() });
        if (!check.ok) {
          throw new DomainError(
            'conflict',
            `The State's objection window closes on ${check.closesAt.toISOString().replace('T', ' ').slice(0, 16)} UTC; the request can be circulated after that`,
            { objectionWindowClosesAt: check.closesAt.toISOString() },
          );
        }
      }
      if (input.action === 'mark_ready' && row.readyForCoordinatorAt) {
        throw new DomainError('conflict', 'The coordinator has been told already that this draft is ready');
      }
      const from = row.status;
      row.status = decision.to;
      if (from !== decision.to) stampMilestone(row);
      if (input.action === 'mark_ready') row.readyForCoordinatorAt = new Date();
      // Sent back for clarification, a draft is the agency's again until it says it is ready.
      if (input.action === 'request_clarification') row.readyForCoordinatorAt = null;
      if (input.action === 'close') row.closeReason = input.reason as AssistanceRequestEntity['closeReason'];
      await tx.manager.save(row);
      if (input.action === 'withdraw' || input.action === 'close') await endOpenMatches(tx, row);
      await tx.audit({
        subjectType: 'request',
        subjectId: id,
        action: input.action,
        fromStatus: from,
        toStatus: decision.to,
        comment: input.comment ?? null,
        reason: input.reason ?? null,
      });
      await tx.emit({
        type: REQUEST_EVENT[input.action as RequestAction],
        subjectType: 'request',
        subjectId: id,
        payload: { from, to: decision.to, state: row.state, reference: row.reference },
      });
    });
    return this.get(user, id);
  }

  /** DESIGN §6.8: open requests of the same State that read much like this one (how alike: libs/domain/duplicates). */
  async findPossibleDuplicates(user: AuthUser, check: DuplicateCheck): Promise<PossibleDuplicate[]> {
    if (!isAgency(user.role)) return [];
    const description = comparesDescription(check.description) ? check.description!.trim() : null;
    // Both figures are symmetric; a request reaches the threshold only if one of them does, which bounds the rows.
    const rows: (Omit<PossibleDuplicate, 'similarity' | 'titleSimilarity' | 'descriptionSimilarity'> & { title_similarity: number; description_similarity: number | null })[] =
      await this.requests.query(
        `SELECT * FROM (
           SELECT id, reference, title, status,
                  similarity(title, $2) AS title_similarity,
                  CASE WHEN $3::text IS NULL THEN NULL ELSE similarity(description, $3) END AS description_similarity
             FROM assistance_requests
            WHERE state = $1 AND status NOT IN ('closed', 'withdrawn') AND ($4::uuid IS NULL OR id <> $4)
         ) compared
         WHERE GREATEST(title_similarity, COALESCE(description_similarity, 0)) >= $5`,
        [user.organization.state, check.title.trim(), description, check.excludeId ?? null, DUPLICATE_THRESHOLD],
      );
    return rows
      .map((r) => {
        const figures = duplicateSimilarity(Number(r.title_similarity), r.description_similarity === null ? null : Number(r.description_similarity));
        return {
          id: r.id,
          reference: r.reference,
          title: r.title,
          status: r.status,
          similarity: figures.overall,
          titleSimilarity: figures.title,
          descriptionSimilarity: figures.description,
        };
      })
      .filter((r) => r.similarity >= DUPLICATE_THRESHOLD)
      .sort((a, b) => b.similarity - a.similarity || a.reference.localeCompare(b.reference))
      .slice(0, 5);
  }

  private async assertProvidersExist(ids: string[]): Promise<void> {
    if (!ids.length) return;
    const found = await this.requests.manager.countBy(OrganizationEntity, { id: In(ids), kind: 'provider' });
    if (found !== new Set(ids).size) throw invalidField('preferredProviderIds', 'must name provider organisations that exist');
  }

  private async views(user: AuthUser, rows: AssistanceRequestEntity[]): Promise<RequestView[]> {
    const orgIds = [...new Set(rows.map((r) => r.organizationId))];
    const orgs = orgIds.length ? await this.requests.manager.findBy(OrganizationEntity, { id: In(orgIds) }) : [];
    const byId = new Map(orgs.map((o) => [o.id, o]));
    return rows.map(({ estimatedCostAmount, estimatedCostCurrency, createdById: _c, ...r }) => {
      const org = byId.get(r.organizationId);
      const owns = ownsRequest(user, r as AssistanceRequestEntity);
      return {
        ...r,
        estimatedCost: estimatedCostAmount === null ? null : { amount: estimatedCostAmount, currency: estimatedCostCurrency! },
        organization: org ? { id: org.id, name: org.name, shortName: org.shortName } : null,
        availableActions: (availableActions(REQUEST_WORKFLOW, r.status, user.role) as RequestAction[]).filter(
          (action) => (!isAgency(user.role) || owns) && !(action === 'mark_ready' && r.readyForCoordinatorAt),
        ),
        objectionWindowClosesAt:
          r.status === 'acknowledged' && r.acknowledgedAt && !r.objectionWindowWaived
            ? objectionWindowCloses(r.acknowledgedAt).toISOString()
            : null,
        canEdit: owns && REQUEST_EDITABLE_STATUSES.includes(r.status),
      };
    });
  }
}

/** Next number of `STATE-YEAR-NNN`, atomically. */
async function nextSequence(manager: EntityManager, state: string, year: number): Promise<number> {
  const rows: { last: number }[] = await manager.query(
    `INSERT INTO request_reference_counters (state, year, last) VALUES ($1, $2, 1)
     ON CONFLICT (state, year) DO UPDATE SET last = request_reference_counters.last + 1 RETURNING last`,
    [state, year],
  );
  return rows[0].last;
}

/**
 * What a list's search box matches: the words of title and description in any order (full text, Cyrillic too),
 * a part of a word or phrase (`ILIKE`), and a part of the reference (`MNG-2026`, `2026-007`) when the record has
 * one. `q` and `qLike` are the placeholders of the text and of its `containsPattern`; a trigram index serves each
 * `ILIKE` (ix_*_trgm, ix_assistance_requests_reference_trgm).
 */
export function textSearchSql(alias: string, { q, qLike, reference }: { q: string; qLike: string; reference: boolean }): string {
  const text = `${alias}.title || ' ' || ${alias}.description`;
  return `(${reference ? `${alias}.reference ILIKE ${qLike} OR ` : ''}to_tsvector('simple', ${text}) @@ plainto_tsquery('simple', ${q})
      OR (${text}) ILIKE ${qLike})`;
}

/** The search box of a list of requests (with their references) or offers. */
export function applyTextSearch<T extends object>(qb: SelectQueryBuilder<T>, alias: string, q: string, { reference = false } = {}): void {
  qb.andWhere(textSearchSql(alias, { q: ':q', qLike: ':qLike', reference }), { q, qLike: containsPattern(q) });
}
