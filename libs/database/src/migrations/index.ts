// Generated migrations, in order. `npm run migration:generate -- Name` appends here.
import { DocumentUploads1796248478936 } from './1796248478936-document-uploads';
import { Foundation1795943117470 } from './1795943117470-foundation';
import { RequestsOffersMatches1795943419744 } from './1795943419744-requests-offers-matches';
import { MatchingProfilesAndRescores1795943999203 } from './1795943999203-matching-profiles-and-rescores';
import { Notifications1795945169150 } from './1795945169150-notifications';
import { ReferenceSearch1796203337906 } from './1796203337906-reference-search';
import { CoherentDelivery1796203608275 } from './1796203608275-coherent-delivery';
import { RecoverableWork1796205846737 } from './1796205846737-recoverable-work';
import { IdempotencyKeys1796206619111 } from './1796206619111-idempotency-keys';
import { ActionPlans1796228245422 } from './1796228245422-action-plans';
import { Documents1796228508198 } from './1796228508198-documents';
import { Engagements1796228643842 } from './1796228643842-engagements';
import { Correspondence1796229070509 } from './1796229070509-correspondence';
import { StoredSearchVectors1796229337497 } from './1796229337497-stored-search-vectors';
import { WeightsProposals1796231839089 } from './1796231839089-weights-proposals';
import { NotificationMessageKeys1796240000000 } from './1796240000000-notification-message-keys';
import { RequestReportFacts1796270000000 } from './1796270000000-request-report-facts';
export const MIGRATIONS: Function[] = [Foundation1795943117470, RequestsOffersMatches1795943419744, MatchingProfilesAndRescores1795943999203, Notifications1795945169150, ReferenceSearch1796203337906, CoherentDelivery1796203608275, RecoverableWork1796205846737, IdempotencyKeys1796206619111, ActionPlans1796228245422, Documents1796228508198, Engagements1796228643842, Correspondence1796229070509, StoredSearchVectors1796229337497, WeightsProposals1796231839089, NotificationMessageKeys1796240000000, DocumentUploads1796248478936, RequestReportFacts1796270000000];
