import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { assertVersion, changedKeys, invalidFieldIn, notFound, Page, pickValues, localizedError } from '@app/common';
import {
  type CreateOffer,
  type ListOffers,
  type OfferTransition,
  type offerViewSchema,
  type Served,
  type UpdateOffer,
} from '@app/contracts';
import { AssistanceOfferEntity, OfferRepository, organizationNames, type OrganizationName } from '@app/database';
import { availableActions, OFFER_WORKFLOW, OfferAction, OfferStatus } from '@app/domain';
import { executeTransition, OFFER_LIFECYCLE, UnitOfWork } from '@app/outbox';
import type { AuthUser } from '../auth/auth-user';
import { HistoryItem, HistoryService } from '../history/history.service';
import { retireOfferSuggestions } from '../matches/match-consequences';
import { ownsOffer, seesOfferInternals } from './offer-access';

/** An offer as the services build it; libs/contracts holds its schema (views/offers.ts). */
export type OfferView = Served<typeof offerViewSchema>;

const EDITABLE: OfferStatus[] = ['draft', 'pending_verification', 'active', 'paused', 'exhausted'];

@Injectable()
export class OffersService {
  constructor(
    @InjectRepository(AssistanceOfferEntity) private readonly offers: Repository<AssistanceOfferEntity>,
    private readonly uow: UnitOfWork,
    private readonly historyService: HistoryService,
    private readonly repository: OfferRepository,
  ) {}

  async list(user: AuthUser, f: ListOffers): Promise<Page<OfferView>> {
    const { rows, total, organizations } = await this.repository.listPage(user, f);
    return { items: await this.views(user, rows, organizations), total, page: f.page, pageSize: f.pageSize };
  }

  async get(user: AuthUser, id: string): Promise<OfferView> {
    const found = await this.repository.findVisibleWithProvider(user, id);
    if (!found) throw notFound('Offer');
    return (await this.views(user, [found.row], found.organizations))[0];
  }

  async history(user: AuthUser, id: string): Promise<HistoryItem[]> {
    const row = await this.repository.findVisible(user, id);
    if (!row) throw notFound('Offer');
    if (!seesOfferInternals(user, row)) throw localizedError('forbidden', 'errors.offer.historyPrivate');
    return this.historyService.forSubject('offer', id);
  }

  async create(user: AuthUser, input: CreateOffer): Promise<OfferView> {
    if (user.role !== 'provider_member') throw localizedError('forbidden', 'errors.offer.onlyProviders');
    const { capacity, ...fields } = input;
    const id = await this.uow.run(user, async (tx) => {
      const row = await tx.manager.save(
        tx.manager.create(AssistanceOfferEntity, {
          ...fields,
          organizationId: user.organization.id,
          createdById: user.id,
          capacityEngagements: capacity.engagements ?? null,
          capacityBudgetAmount: capacity.budget?.amount ?? null,
          capacityBudgetCurrency: capacity.budget?.currency ?? null,
          status: 'draft',
        }),
      );
      await tx.audit({ subjectType: 'offer', subjectId: row.id, action: 'create', toStatus: 'draft' });
      await tx.emit({ type: 'offer.created', subjectType: 'offer', subjectId: row.id });
      return row.id;
    });
    return this.get(user, id);
  }

  async update(user: AuthUser, id: string, input: UpdateOffer): Promise<OfferView> {
    const { version, capacity, ...fields } = input;
    await this.uow.run(user, async (tx) => {
      const row = await this.repository.lockVisible(user, id, tx.manager);
      if (!row) throw notFound('Offer');
      if (!ownsOffer(user, row)) throw localizedError('forbidden', 'errors.offer.onlyOwnerEdits');
      if (!EDITABLE.includes(row.status)) throw localizedError('conflict', 'errors.offer.notEditable', { status: row.status });
      assertVersion(version, row.version, 'offer');
      // Forms send every field: history and the event name only those whose values changed.
      const tracked = (o: AssistanceOfferEntity) => ({
        ...pickValues(o, Object.keys(fields)),
        ...(capacity ? { capacity: [o.capacityEngagements, o.capacityBudgetAmount, o.capacityBudgetCurrency] } : {}),
      });
      const before = tracked(row);
      Object.assign(row, fields);
      if (capacity) {
        if (capacity.engagements !== undefined) row.capacityEngagements = capacity.engagements;
        if (capacity.budget !== undefined) {
          row.capacityBudgetAmount = capacity.budget?.amount ?? null;
          row.capacityBudgetCurrency = capacity.budget?.currency ?? null;
        }
      }
      if (row.availableFrom && row.availableUntil && row.availableFrom > row.availableUntil) {
        throw invalidFieldIn('availableUntil', 'validation.beforeStart');
      }
      if ((row.eligibleRegions.length + row.eligibleStates.length) === 0) {
        throw invalidFieldIn('eligibleRegions', 'validation.noEligibility');
      }
      const changed = changedKeys(before, tracked(row));
      if (!changed.length) return;
      await tx.manager.save(row);
      await tx.audit({ subjectType: 'offer', subjectId: id, action: 'update', details: { fields: changed } });
      await tx.emit({ type: 'offer.updated', subjectType: 'offer', subjectId: id, payload: { fields: changed, status: row.status } });
    });
    return this.get(user, id);
  }

  async transition(user: AuthUser, id: string, input: OfferTransition): Promise<OfferView> {
    // The answer is built from the row as changed: after return_to_draft the committee no longer sees the offer.
    const changed = await this.uow.run(user, async (tx) => {
      const lock = async (manager: EntityManager) => {
        const row = await this.repository.lockVisible(user, id, manager);
        if (!row) throw notFound('Offer');
        return row;
      };
      const step = await executeTransition(tx, OFFER_LIFECYCLE, { lock }, {
        ...input,
        role: user.role,
        prepare: (row) => {
          if (user.role === 'provider_member' && !ownsOffer(user, row)) {
            throw localizedError('forbidden', 'errors.offer.onlyOwnerChanges');
          }
        },
      });
      await retireOfferSuggestions(tx, step.record);
      return step.record;
    });
    return (await this.views(user, [changed]))[0];
  }

  /** Views of `rows`; `known` holds the providers' names when the read brought them along. */
  private async views(user: AuthUser, rows: AssistanceOfferEntity[], known?: ReadonlyMap<string, OrganizationName>): Promise<OfferView[]> {
    const byId = await organizationNames(this.offers.manager, rows.map((r) => r.organizationId), known);
    return rows.map((row) => {
      const { capacityEngagements, capacityBudgetAmount, capacityBudgetCurrency, engagementsUsed, createdById: _c, ...rest } = row;
      const org = byId.get(row.organizationId);
      const internals = seesOfferInternals(user, row);
      const actions = internals ? (availableActions(OFFER_WORKFLOW, row.status, user.role) as OfferAction[]) : [];
      return {
        ...rest,
        provider: org ? { id: org.id, name: org.name, shortName: org.shortName } : null,
        ...(internals
          ? {
              capacity: {
                engagements: capacityEngagements,
                budget: capacityBudgetAmount === null ? null : { amount: capacityBudgetAmount, currency: capacityBudgetCurrency! },
                engagementsUsed,
              },
            }
          : {}),
        availableActions: actions,
        canEdit: ownsOffer(user, row) && EDITABLE.includes(row.status),
      };
    });
  }
}
