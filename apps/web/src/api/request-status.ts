import type { RequestStatus } from '@app/contracts';
import { REQUEST_STATUSES } from '@app/contracts/vocabulary';

// Request statuses of DESIGN §5, in workflow order: the workflow's own list (libs/domain request.workflow.ts).
export { REQUEST_STATUSES };
export type { RequestStatus };

export function isRequestStatus(value: string): value is RequestStatus {
  return (REQUEST_STATUSES as readonly string[]).includes(value);
}

/** What the Committee's review queue lists: waiting for the Committee, or for the State's answer to its question. */
export const REVIEW_QUEUE_STATUSES: readonly RequestStatus[] = ['submitted', 'acknowledged', 'clarification_requested'];

/** What providers browse: requests circulated to them, matched ones included (more offers may still help). */
export const CIRCULATED_STATUSES: readonly RequestStatus[] = ['circulated', 'matched'];
