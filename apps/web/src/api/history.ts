/** One step of a request's or offer's audit trail (GET …/:id/history), oldest first. */
export interface HistoryItem {
  id: string;
  action: string;
  fromStatus: string | null;
  toStatus: string | null;
  /** Hidden (null) from providers for exchanges between a State and the Committee. */
  comment: string | null;
  reason: string | null;
  details: Record<string, unknown> | null;
  at: string;
  actor:
    | { id: string; displayName: string; role: string; organization: string | null }
    | { id: null; displayName: string; role: 'system'; organization: null };
}
