import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { DocumentParentType } from '@app/contracts';
import { AssistanceOfferEntity, AssistanceRequestEntity, MatchRepository, OfferRepository, RequestRepository } from '@app/database';
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
 * The parent types documents serve, one entry each. A record type that wants documents (action plans, their
 * items, engagements) registers its resolver here — `register('action_plan', …)` from its own module, or one line
 * below — and gets the upload, list, read, download and removal routes' rules for free.
 */
@Injectable()
export class DocumentParents {
  private readonly resolvers = new Map<DocumentParentType, DocumentParentResolver>();

  constructor(requests: RequestRepository, offers: OfferRepository, matches: MatchRepository, dataSource: DataSource) {
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
