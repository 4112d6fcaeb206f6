import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, Repository, SelectQueryBuilder } from 'typeorm';
import { assertVersion, changedKeys, DomainError, invalidField, notFound, orderOf, Page, pickValues } from '@app/common';
import { renderMessage } from '@app/contracts';
import { AssistanceOfferEntity, OrganizationEntity } from '@app/database';
import { availableActions, OFFER_STATUSES, OFFER_WORKFLOW, OfferAction, OfferStatus, regionsOfState } from '@app/domain';
import { executeTransition, OFFER_LIFECYCLE, UnitOfWork } from '@app/outbox';
import type { AuthUser } from '../auth/auth-user';
import { HistoryItem, HistoryService } from '../history/history.service';
import { applyTextSearch } from '../requests/requests.service';
import { retireOfferSuggestions } from '../matches/match-consequences';
import type { CreateOffer, ListOffers, OfferTransition, UpdateOffer } from './dto/offer.schemas';
import { applyOfferScope, ownsOffer, seesOfferInternals } from './offer-access';

type Internals = 'capacityEngagements' | 'capacityBudgetAmount' | 'capacityBudgetCurrency' | 'engagementsUsed' | 'createdById';

export type OfferView = Omit<AssistanceOfferEntity, Internals> & {
  provider: { id: string; name: string; shortName: string } | null;
  /** Only for the offering provider and the committee. */
  capacity?: { engagements: number | null; budget: { amount: number; currency: string } | null; engagementsUsed: number };
  availableActions: OfferAction[];
  /** Whether the caller may edit the offer's content now. */
  canEdit: boolean;
};


const EDITABLE: OfferStatus[] = ['draft', 'pending_verification', 'active', 'paused', 'exhausted'];

const SORT_COLUMN: Record<string, string> = {
  createdAt: 'o.created_at',
  submittedAt: 'o.submitted_at',
  updatedAt: 'o.updated_at',
  title: 'o.title',
  availableUntil: 'o.available_until',
  status: orderOf(OFFER_STATUSES, 'o.status'),
};

@Injectable()
export class OffersService {
  constructor(
    @InjectRepository(AssistanceOfferEntity) private readonly offers: Repository<AssistanceOfferEntity>,
    private readonly uow: UnitOfWork,
    private readonly historyService: HistoryService,
  ) {}

  private scoped(user: AuthUser, manager?: EntityManager): SelectQueryBuilder<AssistanceOfferEntity> {
    return applyOfferScope((manager ?? this.offers.manager).createQueryBuilder(AssistanceOfferEntity, 'o'), user);
  }

  async list(user: AuthUser, f: ListOffers): Promise<Page<OfferView>> {
    const qb = this.scoped(user);
    if (f.status?.length) qb.andWhere('o.status IN (:...statuses)', { statuses: f.status });
    if (f.provider) qb.andWhere('o.organization_id = :provider', { provider: f.provider });
    if (f.provision) qb.andWhere(':provision = ANY(o.provisions)', { provision: f.provision });
    if (f.domain) qb.andWhere('(:domain = ANY(o.domains) OR o.domains = \'{}\')', { domain: f.domain });
    if (f.type) qb.andWhere(':type = ANY(o.assistance_types)', { type: f.type });
    if (f.servesState) {
      qb.andWhere('(:st = ANY(o.eligible_states) OR o.eligible_regions && :regions::text[])', {
        st: f.servesState,
        regions: regionsOfState(f.servesState),
      });
    }
    if (f.q) applyTextSearch(qb, 'o', f.q);
    const desc = f.sort.startsWith('-');
    qb.orderBy(SORT_COLUMN[f.sort.replace(/^-/, '')], desc ? 'DESC' : 'ASC', desc ? 'NULLS LAST' : 'NULLS FIRST').addOrderBy('o.id');
    const [rows, total] = await qb.skip((f.page - 1) * f.pageSize).take(f.pageSize).getManyAndCount();
    return { items: await this.views(user, rows), total, page: f.page, pageSize: f.pageSize };
  }

  async get(user: AuthUser, id: string): Promise<OfferView> {
    const row = await this.scoped(user).andWhere('o.id = :id', { id }).getOne();
    if (!row) throw notFound('Offer');
    return (await this.views(user, [row]))[0];
  }

  async history(user: AuthUser, id: string): Promise<HistoryItem[]> {
    const row = await this.scoped(user).andWhere('o.id = :id', { id }).getOne();
    if (!row) throw notFound('Offer');
    if (!seesOfferInternals(user, row)) throw new DomainError('forbidden', 'An offer’s history is for its provider and the Committee');
    return this.historyService.forSubject('offer', id);
  }

  async create(user: AuthUser, input: CreateOffer): Promise<OfferView> {
    if (user.role !== 'provider_member') throw new DomainError('forbidden', 'Only providers post offers');
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
      const row = await this.scoped(user, tx.manager).andWhere('o.id = :id', { id }).setLock('pessimistic_write').getOne();
      if (!row) throw notFound('Offer');
      if (!ownsOffer(user, row)) throw new DomainError('forbidden', 'Only the offering provider may edit this offer');
      if (!EDITABLE.includes(row.status)) throw new DomainError('conflict', `An offer that is ${row.status} cannot be edited`);
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
        throw invalidField('availableUntil', renderMessage({ code: 'beforeStart', params: {} }));
      }
      if ((row.eligibleRegions.length + row.eligibleStates.length) === 0) {
        throw invalidField('eligibleRegions', renderMessage({ code: 'noEligibility', params: {} }));
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
        const row = await this.scoped(user, manager).andWhere('o.id = :id', { id }).setLock('pessimistic_write').getOne();
        if (!row) throw notFound('Offer');
        return row;
      };
      const step = await executeTransition(tx, OFFER_LIFECYCLE, { lock }, {
        ...input,
        role: user.role,
        prepare: (row) => {
          if (user.role === 'provider_member' && !ownsOffer(user, row)) {
            throw new DomainError('forbidden', 'Only the offering provider may change this offer');
          }
        },
      });
      await retireOfferSuggestions(tx, step.record);
      return step.record;
    });
    return (await this.views(user, [changed]))[0];
  }

  private async views(user: AuthUser, rows: AssistanceOfferEntity[]): Promise<OfferView[]> {
    const orgIds = [...new Set(rows.map((r) => r.organizationId))];
    const orgs = orgIds.length ? await this.offers.manager.findBy(OrganizationEntity, { id: In(orgIds) }) : [];
    const byId = new Map(orgs.map((o) => [o.id, o]));
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
