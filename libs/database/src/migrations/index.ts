// Generated migrations, in order. `npm run migration:generate -- Name` appends here.
import { Documents1796228508198 } from './1796228508198-documents';
import { IdempotencyKeys1796206619111 } from './1796206619111-idempotency-keys';
import { RecoverableWork1796205846737 } from './1796205846737-recoverable-work';
import { ReferenceSearch1796203337906 } from './1796203337906-reference-search';
import { CoherentDelivery1796203608275 } from './1796203608275-coherent-delivery';
import { Notifications1795945169150 } from './1795945169150-notifications';
import { MatchingProfilesAndRescores1795943999203 } from './1795943999203-matching-profiles-and-rescores';
import { RequestsOffersMatches1795943419744 } from './1795943419744-requests-offers-matches';
import { Foundation1795943117470 } from './1795943117470-foundation';
export const MIGRATIONS: Function[] = [Foundation1795943117470, RequestsOffersMatches1795943419744, MatchingProfilesAndRescores1795943999203, Notifications1795945169150, ReferenceSearch1796203337906, CoherentDelivery1796203608275, RecoverableWork1796205846737, IdempotencyKeys1796206619111, Documents1796228508198];
