import type { HistoryItemView } from '@app/contracts';

/** One step of a request's or offer's audit trail (GET …/:id/history), oldest first; comments between a State and
 * the Committee come as null to providers. */
export type HistoryItem = HistoryItemView;
