import type { RequestStatus } from '@app/contracts';
import { displayOrder } from '@app/contracts/vocabulary';

export type { RequestStatus };

/**
 * Request statuses of DESIGN §5 in the order a request usually takes them (acknowledged before a clarification),
 * for filters and charts; every status of the workflow (libs/domain request.workflow.ts), checked by the compiler.
 */
export const REQUEST_STATUSES = displayOrder<RequestStatus>()([
  'draft',
  'submitted',
  'acknowledged',
  'clarification_requested',
  'circulated',
  'matched',
  'in_delivery',
  'delivered',
  'closed',
  'withdrawn',
]);

export function isRequestStatus(value: string): value is RequestStatus {
  return (REQUEST_STATUSES as readonly string[]).includes(value);
}

/** What the Committee's review queue lists: waiting for the Committee, or for the State's answer to its question. */
export const REVIEW_QUEUE_STATUSES: readonly RequestStatus[] = ['submitted', 'acknowledged', 'clarification_requested'];

/** What providers browse: requests circulated to them, matched ones included (more offers may still help). */
export const CIRCULATED_STATUSES: readonly RequestStatus[] = ['circulated', 'matched'];
