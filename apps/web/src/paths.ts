import type { Role } from './api/auth';
import { workspaceOf } from './auth/roles';

// Where each workspace keeps its request and offer pages (see routes.tsx), so links between pages that
// several roles share go to the right workspace.

export function requestListPath(role: Role): string {
  return `/${workspaceOf(role)}/requests`;
}

export function requestPath(role: Role, id: string): string {
  return `${requestListPath(role)}/${id}`;
}

export function editRequestPath(id: string): string {
  return `/agency/requests/${id}/edit`;
}

/** Agencies have no offer pages. */
export function offerListPath(role: Role): string | null {
  const workspace = workspaceOf(role);
  return workspace === 'agency' ? null : `/${workspace}/offers`;
}

export function offerPath(role: Role, id: string): string | null {
  const list = offerListPath(role);
  return list && `${list}/${id}`;
}

export function editOfferPath(id: string): string {
  return `/provider/offers/${id}/edit`;
}

/** Every workspace has the action plans it may read (docs/action-plans.md). */
export function actionPlanListPath(role: Role): string {
  return `/${workspaceOf(role)}/action-plans`;
}

export function actionPlanPath(role: Role, id: string): string {
  return `${actionPlanListPath(role)}/${id}`;
}

/** Every workspace has the engagements it may read (docs/engagements.md). */
export function engagementListPath(role: Role): string {
  return `/${workspaceOf(role)}/engagements`;
}

export function engagementPath(role: Role, id: string): string {
  return `${engagementListPath(role)}/${id}`;
}

/** A State's timeline (plan versions, requests, matches, engagements, documents), in every workspace. */
export function stateTimelinePath(role: Role, state: string): string {
  return `/${workspaceOf(role)}/states/${state}/timeline`;
}
