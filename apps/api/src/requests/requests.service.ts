import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, Repository } from 'typeorm';
import { assertVersion, changedKeys, Clock, DomainError, invalidField, notFound, Page, pickValues } from '@app/common';
import { renderMessage, type possibleDuplicateSchema, type requestViewSchema, type Served } from '@app/contracts';
import { AssistanceRequestEntity, OrganizationEntity, RequestRepository } from '@app/database';
import {
  availableActions,
  canCirculate,
  CLOSE_REASONS,
  comparesDescription,
  DUPLICATE_THRESHOLD,
  duplicateSimilarity,
  formatRequestReference,
  isAgency,
  objectionWindowCloses,
  REQUEST_EDITABLE_STATUSES,
  REQUEST_WORKFLOW,
  RequestAction,
} from '@app/domain';
import { executeTransition, REQUEST_LIFECYCLE, UnitOfWork } from '@app/outbox';
import type { AuthUser } from '../auth/auth-user';
import { HistoryItem, HistoryService } from '../history/history.service';
import type { CreateRequest, DuplicateCheck, ListRequests, RequestTransition, UpdateRequest } from './dto/request.schemas';
import { endOpenMatches } from '../matches/match-consequences';
import { ownsRequest } from './request-access';
import { matchItemInterests } from '../action-plans/item-interest-matches';

/** A request as the services build it; libs/contracts holds its schema (views/requests.ts). */
export type RequestView = Served<typeof requestViewSchema>;
export type PossibleDuplicate = Served<typeof possibleDuplicateSchema>;

@Injectable()
export class RequestsService {
  constructor(
    @InjectRepository(AssistanceRequestEntity) private readonly requests: Repository<AssistanceRequestEntity>,
    private readonly uow: UnitOfWork,
    private readonly historyService: HistoryService,
    private readonly clock: Clock,
    private readonly repository: RequestRepository,
  ) {}

  async list(user: AuthUser, f: ListRequests): Promise<Page<RequestView>> {
    const { rows, total } = await this.repository.listPage(user, f);
    return { items: await this.views(user, rows), total, page: f.page, pageSize: f.pageSize };
  }

  async get(user: AuthUser, id: string): Promise<RequestView> {
    const row = await this.repository.findVisible(user, id);
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
      const reference = formatRequestReference(state, year, await this.repository.nextReferenceNumber(tx.manager, state, year));
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
      const row = await this.repository.lockVisible(user, id, tx.manager);
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
      const lock = async (manager: EntityManager) => {
        const row = await this.repository.lockVisible(user, id, manager);
        if (!row) throw notFound('Request');
        return row;
      };
      const step = await executeTransition(tx, REQUEST_LIFECYCLE, { lock }, {
        ...input,
        role: user.role,
        prepare: (row, { action }) => {
          if (isAgency(user.role) && !ownsRequest(user, row)) {
            throw new DomainError('forbidden', 'Only the requesting agency or its State coordinator may do this');
          }
          if (action === 'circulate') {
            const check = canCirculate({ acknowledgedAt: row.acknowledgedAt!, waived: row.objectionWindowWaived, now: this.clock.now() });
            if (!check.ok) {
              throw new DomainError(
                'conflict',
                `The State's objection window closes on ${check.closesAt.toISOString().replace('T', ' ').slice(0, 16)} UTC; the request can be circulated after that`,
                { objectionWindowClosesAt: check.closesAt.toISOString() },
              );
            }
          }
          if (action === 'mark_ready') {
            if (row.readyForCoordinatorAt) throw new DomainError('conflict', 'The coordinator has been told already that this draft is ready');
            row.readyForCoordinatorAt = new Date();
          }
          // Sent back for clarification, a draft is the agency's again until it says it is ready.
          if (action === 'request_clarification') row.readyForCoordinatorAt = null;
          if (action === 'close') row.closeReason = CLOSE_REASONS.find((reason) => reason === input.reason) ?? null;
        },
      });
      // A request withdrawn or closed takes its matches with it.
      if (step.action === 'withdraw' || step.action === 'close') await endOpenMatches(tx, step.record);
      // Circulated, a request made from an action plan item takes the providers' interests in the item as matches.
      if (step.action === 'circulate') await matchItemInterests(tx, step.record);
    });
    return this.get(user, id);
  }

  /** DESIGN §6.8: open requests of the same State that read much like this one (how alike: libs/domain/duplicates). */
  async findPossibleDuplicates(user: AuthUser, check: DuplicateCheck): Promise<PossibleDuplicate[]> {
    if (!isAgency(user.role)) return [];
    const description = comparesDescription(check.description) ? check.description!.trim() : null;
    // Both figures are symmetric; a request reaches the threshold only if one of them does, which bounds the rows.
    const rows = await this.repository.similarOpenInState(
      user.organization.state!,
      { title: check.title.trim(), description, excludeId: check.excludeId ?? null },
      DUPLICATE_THRESHOLD,
    );
    return rows
      .map((r) => {
        const figures = duplicateSimilarity(r.titleSimilarity, r.descriptionSimilarity);
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
