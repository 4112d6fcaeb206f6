// Request statuses of DESIGN §5, in workflow order.
export const REQUEST_STATUSES = [
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
] as const;

export type RequestStatus = (typeof REQUEST_STATUSES)[number];

export function isRequestStatus(value: string): value is RequestStatus {
  return (REQUEST_STATUSES as readonly string[]).includes(value);
}

/** What the Committee's review queue lists: waiting for the Committee, or for the State's answer to its question. */
export const REVIEW_QUEUE_STATUSES: readonly RequestStatus[] = ['submitted', 'acknowledged', 'clarification_requested'];

/** What providers browse: requests circulated to them, matched ones included (more offers may still help). */
export const CIRCULATED_STATUSES: readonly RequestStatus[] = ['circulated', 'matched'];
