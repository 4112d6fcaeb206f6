import type { CurrentUser } from '../api/auth';
import { REQUEST_EDITABLE_STATUSES, type AssistanceRequest } from '../api/requests';

/**
 * Whether to offer "Edit": the API's availableActions lists workflow actions only, so this mirrors its rule
 * (apps/api request-access.ts ownsRequest + REQUEST_EDITABLE_STATUSES). The API still decides on save.
 */
export function canEditRequest(user: CurrentUser, request: AssistanceRequest): boolean {
  if (!REQUEST_EDITABLE_STATUSES.includes(request.status)) return false;
  if (user.role === 'agency_coordinator') return request.state === user.organization.state;
  if (user.role === 'agency_member') return request.organizationId === user.organization.id;
  return false;
}
