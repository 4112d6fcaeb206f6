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
