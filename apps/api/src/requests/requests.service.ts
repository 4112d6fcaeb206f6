import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, Repository } from 'typeorm';
import { assertVersion, changedKeys, Clock, invalidFieldIn, notFound, Page, pickValues, localizedError } from '@app/common';
import {
  type CreateRequest,
  type DuplicateCheck,
  type ListRequests,
  type possibleDuplicateSchema,
  type RequestTransition,
  type requestViewSchema,
  type Served,
  type UpdateRequest,
} from '@app/contracts';
import { AssistanceRequestEntity, OrganizationEntity, organizationNames, RequestRepository, type OrganizationName } from '@app/database';
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
  objectionWindowOpen,
  REQUEST_EDITABLE_STATUSES,
  REQUEST_WORKFLOW,
  RequestAction,
} from '@app/domain';
import { executeTransition, REQUEST_LIFECYCLE, UnitOfWork } from '@app/outbox';
import type { AuthUser } from '../auth/auth-user';
import { HistoryItem, HistoryService, historyFor } from '../history/history.service';
import { endOpenMatches } from '../matches/match-consequences';
import { ownsRequest } from './request-access';
import { matchItemInterests } from '../action-plans/item-interest-matches';
import { recordWorkflowMessage } from '../threads/thread-writer';

function requireLetterDate(value: string | undefined): string {
  if (!value) throw invalidFieldIn('letterDate', 'errors.request.letterDateRequired');
  return value;
}

/** A request as the services build it; libs/contracts holds its schema (views/requests.ts). */
export type RequestView = Served<typeof requestViewSchema>;
/** A page of requests: its total may be a lower bound (libs/contracts requestPageSchema). */
export type RequestPage = Page<RequestView> & { totalIsLowerBound: boolean };
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

  async list(user: AuthUser, f: ListRequests): Promise<RequestPage> {
    const { rows, total, totalIsLowerBound, organizations } = await this.repository.listPage(user, f);
    return { items: await this.views(user, rows, organizations), total, totalIsLowerBound, page: f.page, pageSize: f.pageSize };
  }

  async get(user: AuthUser, id: string): Promise<RequestView> {
    const found = await this.repository.findVisibleWithOrganization(user, id);
    if (!found) throw notFound('Request');
    return (await this.views(user, [found.row], found.organizations))[0];
  }

  async history(user: AuthUser, id: string): Promise<HistoryItem[]> {
    await this.get(user, id);
    return historyFor(user, await this.historyService.forSubject('request', id));
  }

  async create(user: AuthUser, input: CreateRequest): Promise<RequestView & { possibleDuplicates: PossibleDuplicate[] }> {
    if (!isAgency(user.role)) throw localizedError('forbidden', 'errors.request.onlyAgencies');
    const state = input.state ?? user.organization.state!;
    if (state !== user.organization.state) {
      throw localizedError('forbidden', 'errors.request.ownStateOnly', { own: user.organization.state ?? '', state });
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
    // The new draft and the State's requests that read like it, read at once (the input's title and description are
    // what was stored).
    const [view, possibleDuplicates] = await Promise.all([
      this.get(user, id),
      this.findPossibleDuplicates(user, { title: fields.title, description: fields.description, excludeId: id }),
    ]);
    return { ...view, possibleDuplicates };
  }

  async update(user: AuthUser, id: string, input: UpdateRequest): Promise<RequestView> {
    const { version, estimatedCost, ...fields } = input;
    if (fields.preferredProviderIds) await this.assertProvidersExist(fields.preferredProviderIds);
    await this.uow.run(user, async (tx) => {
      const row = await this.repository.lockVisible(user, id, tx.manager);
      if (!row) throw notFound('Request');
      if (!ownsRequest(user, row)) throw localizedError('forbidden', 'errors.request.onlyOwnerEdits');
      if (!REQUEST_EDITABLE_STATUSES.includes(row.status)) {
        throw localizedError('conflict', 'errors.request.notEditable', { status: row.status.replace(/_/g, ' '), editable: REQUEST_EDITABLE_STATUSES.join(', ') });
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
      if (row.desiredStart && row.desiredEnd && row.desiredStart > row.desiredEnd) throw invalidFieldIn('desiredEnd', 'validation.beforeStart');
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
      // A letter's document is one of this request's own (uploaded first), never another record's.
      if (input.documentId) {
        if (!(await this.repository.findVisible(user, id, tx.manager))) throw notFound('Request');
        const found: unknown[] = await tx.manager.query(
          `SELECT 1 FROM documents WHERE id = $1 AND parent_type = 'request' AND parent_id = $2 AND removed_at IS NULL`,
          [input.documentId, id],
        );
        if (!found.length) throw invalidFieldIn('documentId', 'errors.request.letterNotAttached');
      }
      let objectionBefore: Record<string, unknown> | null = null;
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
            throw localizedError('forbidden', 'errors.request.onlyOwnerActs');
          }
          if (action === 'circulate') {
            const check = canCirculate({
              acknowledgedAt: row.acknowledgedAt!,
              waived: row.objectionWindowWaived,
              now: this.clock.now(),
              objectedAt: row.objectedAt,
            });
            if (!check.ok && check.why === 'objection') {
              const key = row.objectionSource !== 'letter' ? 'objectedInApp' : row.objectionLetterDate ? 'objectedByLetterOf' : 'objectedByLetter';
              throw localizedError('conflict', `errors.request.${key}`, { date: row.objectionLetterDate ?? '' }, {
                objectedAt: check.objectedAt.toISOString(),
                objectionSource: row.objectionSource,
              });
            }
            if (!check.ok) {
              throw localizedError(
                'conflict',
                'errors.request.windowOpen',
                { closesAt: check.closesAt.toISOString().replace('T', ' ').slice(0, 16) },
                { objectionWindowClosesAt: check.closesAt.toISOString() },
              );
            }
          }
          if (action === 'record_objection' || action === 'object') {
            if (row.objectedAt) throw localizedError('conflict', 'errors.request.objectionExists');
            if (action === 'object' && !objectionWindowOpen({ acknowledgedAt: row.acknowledgedAt, waived: row.objectionWindowWaived, now: this.clock.now() })) {
              throw localizedError('conflict', 'errors.request.windowClosed');
            }
            row.objectedAt = new Date();
            row.objectionSource = action === 'object' ? 'app' : 'letter';
            row.objectionLetterDate = action === 'object' ? null : requireLetterDate(input.letterDate);
            row.objectionDocumentId = action === 'object' ? null : (input.documentId ?? null);
          }
          if (action === 'withdraw_objection') {
            if (!row.objectedAt) throw localizedError('conflict', 'errors.request.noObjection');
            objectionBefore = { objectedAt: row.objectedAt.toISOString(), source: row.objectionSource, letterDate: row.objectionLetterDate, documentId: row.objectionDocumentId };
            Object.assign(row, { objectedAt: null, objectionSource: null, objectionLetterDate: null, objectionDocumentId: null });
          }
          if (action === 'record_waiver') {
            if (row.objectedAt) throw localizedError('conflict', 'errors.request.objectionStands');
            if (row.objectionWindowWaived) throw localizedError('conflict', 'errors.request.alreadyWaived');
            row.objectionWindowWaived = true;
            row.waiverLetterDate = requireLetterDate(input.letterDate);
            row.waiverDocumentId = input.documentId ?? null;
          }
          if (action === 'mark_ready') {
            if (row.readyForCoordinatorAt) throw localizedError('conflict', 'errors.request.alreadyReady');
            row.readyForCoordinatorAt = new Date();
          }
          // Sent back for clarification, a draft is the agency's again until it says it is ready.
          if (action === 'request_clarification') row.readyForCoordinatorAt = null;
          if (action === 'close') row.closeReason = CLOSE_REASONS.find((reason) => reason === input.reason) ?? null;
        },
        // The history keeps the letter the objection or waiver rests on (withdrawal clears the request's columns).
        details: (row, { action }) =>
          action === 'record_objection' || action === 'record_waiver'
            ? { letterDate: input.letterDate ?? null, documentId: input.documentId ?? null }
            : action === 'withdraw_objection'
              ? { withdrawn: objectionBefore }
              : null,
      });
      await recordWorkflowMessage(tx, user, step, input.comment ?? null);
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
    if (found !== new Set(ids).size) throw invalidFieldIn('preferredProviderIds', 'errors.request.unknownProviders');
  }

  /** The objection actions the request's state makes sense of (the service refuses the others with 409). */
  private objectionActionApplies(action: RequestAction, r: Pick<AssistanceRequestEntity, 'objectedAt' | 'acknowledgedAt' | 'objectionWindowWaived'>): boolean {
    switch (action) {
      case 'record_objection':
      case 'circulate':
        return !r.objectedAt;
      case 'object':
        return !r.objectedAt && objectionWindowOpen({ acknowledgedAt: r.acknowledgedAt, waived: r.objectionWindowWaived, now: this.clock.now() });
      case 'withdraw_objection':
        return !!r.objectedAt;
      case 'record_waiver':
        return !r.objectedAt && !r.objectionWindowWaived;
      default:
        return true;
    }
  }

  /** Views of `rows`; `known` holds the requesters' names when the read brought them along. */
  private async views(user: AuthUser, rows: AssistanceRequestEntity[], known?: ReadonlyMap<string, OrganizationName>): Promise<RequestView[]> {
    const byId = await organizationNames(this.requests.manager, rows.map((r) => r.organizationId), known);
    return rows.map(({ estimatedCostAmount, estimatedCostCurrency, createdById: _c, ...r }) => {
      const org = byId.get(r.organizationId);
      const owns = ownsRequest(user, r as AssistanceRequestEntity);
      return {
        ...r,
        estimatedCost: estimatedCostAmount === null ? null : { amount: estimatedCostAmount, currency: estimatedCostCurrency! },
        organization: org ? { id: org.id, name: org.name, shortName: org.shortName } : null,
        availableActions: (availableActions(REQUEST_WORKFLOW, r.status, user.role) as RequestAction[]).filter(
          (action) => (!isAgency(user.role) || owns) && !(action === 'mark_ready' && r.readyForCoordinatorAt) && this.objectionActionApplies(action, r),
        ),
        objectionWindowClosesAt:
          r.status === 'acknowledged' && r.acknowledgedAt && !r.objectionWindowWaived && !r.objectedAt
            ? objectionWindowCloses(r.acknowledgedAt).toISOString()
            : null,
        canEdit: owns && REQUEST_EDITABLE_STATUSES.includes(r.status),
      };
    });
  }
}
