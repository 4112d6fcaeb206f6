import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { DocumentParentType } from '@app/contracts';
import {
  ActionPlanEntity,
  ActionPlanRepository,
  AssistanceOfferEntity,
  AssistanceRequestEntity,
  EngagementRepository,
  MatchRepository,
  OfferRepository,
  RequestRepository,
  takesPartIn,
} from '@app/database';
import { isAgency, isCommittee } from '@app/domain';
import type { AuthUser } from '../auth/auth-user';
import { ownsOffer } from '../offers/offer-access';
import { ownsRequest } from '../requests/request-access';

/** What the documents need to know about a parent record the caller sees. */
export interface ResolvedParent {
  /** The caller may attach documents to it. */
  mayUpload: boolean;
  /** Still a draft: its documents may be removed by the organisation that uploaded them. */
  draft: boolean;
}

/** One record type documents may hang on: its visibility (its repository's rule) and who may add to it. */
export interface DocumentParentResolver {
  /** The parent as `user` sees it, or null when it does not exist or is out of the caller's scope (404). */
  resolve(user: AuthUser, id: string, manager?: EntityManager): Promise<ResolvedParent | null>;
}

/**
 * The parent types documents serve, one entry each: requests, offers, matches, action plans, their items and
 * engagements, each with its repository's visibility. A record type that wants documents registers its resolver
 * here and gets the upload, list, read, download and removal routes' rules for free.
 */
@Injectable()
export class DocumentParents {
  private readonly resolvers = new Map<DocumentParentType, DocumentParentResolver>();

  constructor(
    requests: RequestRepository,
    offers: OfferRepository,
    matches: MatchRepository,
    actionPlans: ActionPlanRepository,
    engagements: EngagementRepository,
    dataSource: DataSource,
  ) {
    this.register('request', {
      async resolve(user, id, manager) {
        const row = await requests.findVisible(user, id, manager);
        if (!row) return null;
        return { mayUpload: isCommittee(user.role) || ownsRequest(user, row), draft: row.status === 'draft' };
      },
    });
    this.register('offer', {
      async resolve(user, id, manager) {
        const row = await offers.findVisible(user, id, manager);
        if (!row) return null;
        return { mayUpload: isCommittee(user.role) || ownsOffer(user, row), draft: row.status === 'draft' };
      },
    });
    this.register('match', {
      async resolve(user, id, manager) {
        const row = await matches.findVisible(user, id);
        if (!row) return null;
        // The two parties and the Committee correspond on a match; a match has no draft stage, so only the
        // Committee removes its documents.
        let mayUpload = isCommittee(user.role);
        if (!mayUpload && isAgency(user.role)) {
          const request = await (manager ?? dataSource.manager).findOneBy(AssistanceRequestEntity, { id: row.requestId });
          mayUpload = !!request && ownsRequest(user, request);
        } else if (!mayUpload) {
          const offer = await (manager ?? dataSource.manager).findOneBy(AssistanceOfferEntity, { id: row.offerId });
          mayUpload = !!offer && ownsOffer(user, offer);
        }
        return { mayUpload, draft: false };
      },
    });
    // A plan and its items: the State's agencies (who draft, propose and report progress) and the Committee add
    // documents; while the plan is a draft the uploading organisation may remove its own.
    const ofPlanState = (user: AuthUser, plan: ActionPlanEntity) => isCommittee(user.role) || (isAgency(user.role) && user.organization.state === plan.state);
    this.register('action_plan', {
      async resolve(user, id, manager) {
        const plan = await actionPlans.findVisible(user, id, manager);
        if (!plan) return null;
        return { mayUpload: ofPlanState(user, plan), draft: plan.status === 'draft' };
      },
    });
    this.register('action_plan_item', {
      async resolve(user, id, manager) {
        const item = await actionPlans.findVisibleItem(user, id, manager);
        if (!item) return null;
        const plan = await (manager ?? dataSource.manager).findOneByOrFail(ActionPlanEntity, { id: item.planId });
        return { mayUpload: ofPlanState(user, plan), draft: plan.status === 'draft' };
      },
    });
    // An engagement: the Committee and those it concerns or who took part; whoever sees only its published note
    // reads its documents but does not add to them. It has no draft stage: only the Committee removes.
    this.register('engagement', {
      async resolve(user, id, manager) {
        const engagement = await engagements.findVisible(user, id, manager);
        if (!engagement) return null;
        return { mayUpload: takesPartIn(user, engagement), draft: false };
      },
    });
  }

  register(type: DocumentParentType, resolver: DocumentParentResolver): void {
    this.resolvers.set(type, resolver);
  }

  /** The parent if its type is served and the caller sees it; null (404) otherwise. */
  resolve(user: AuthUser, type: DocumentParentType, id: string, manager?: EntityManager): Promise<ResolvedParent | null> {
    const resolver = this.resolvers.get(type);
    return resolver ? resolver.resolve(user, id, manager) : Promise.resolve(null);
  }
}
