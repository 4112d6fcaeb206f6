import type { AssistanceRequestEntity } from '@app/database';
import { isAgency } from '@app/domain';
import type { AuthUser } from '../auth/auth-user';

// Which requests a user may see at all is the repository's rule (RequestRepository.visibleTo); this file holds
// what a user may do with one they see.

/** May this user change the content of, or withdraw, this request (beyond what the workflow table says)? */
export function ownsRequest(user: AuthUser, request: AssistanceRequestEntity): boolean {
  if (!isAgency(user.role) || request.state !== user.organization.state) return false;
  // A coordinator acts for every agency of the State; a member for their own organisation.
  return user.role === 'agency_coordinator' || request.organizationId === user.organization.id;
}
