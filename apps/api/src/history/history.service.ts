import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { historyItemSchema, Served } from '@app/contracts';
import { isProvider } from '@app/domain';
import type { AuthUser } from '../auth/auth-user';

/** One history entry as the service builds it (libs/contracts views/history.ts). */
export type HistoryItem = Served<typeof historyItemSchema>;

interface HistoryRow {
  id: string;
  action: string;
  from_status: string | null;
  to_status: string | null;
  comment: string | null;
  reason: string | null;
  details: Record<string, unknown> | null;
  created_at: Date;
  actor_id: string | null;
  actor_role: string;
  display_name: string;
  short_name: string;
}

/**
 * A history as `user` may read it. Providers follow a request's or an action plan's progress, but not the exchanges
 * between the State and the Committee, nor other providers' interests: an entry someone else wrote keeps its step,
 * not its comment or details (which name requests, offers and notes they may not see).
 */
export function historyFor(user: AuthUser, items: HistoryItem[]): HistoryItem[] {
  return isProvider(user.role)
    ? items.map((h) => (h.actor.id === user.id ? h : { ...h, comment: null, details: null }))
    : items;
}

/** The audit trail of one subject, oldest first, with who did each step. */
@Injectable()
export class HistoryService {
  constructor(private readonly dataSource: DataSource) {}

  async forSubject(subjectType: string, subjectId: string): Promise<HistoryItem[]> {
    const rows: HistoryRow[] = await this.dataSource.query(
      `SELECT h.id, h.action, h.from_status, h.to_status, h.comment, h.reason, h.details, h.created_at,
              h.actor_id, h.actor_role, u.display_name, o.short_name
         FROM history_entries h
         LEFT JOIN users u ON u.id = h.actor_id
         LEFT JOIN organizations o ON o.id = u.organization_id
        WHERE h.subject_type = $1 AND h.subject_id = $2
        ORDER BY h.created_at, h.id`,
      [subjectType, subjectId],
    );
    return rows.map((r) => ({
      id: r.id,
      action: r.action,
      fromStatus: r.from_status,
      toStatus: r.to_status,
      comment: r.comment,
      reason: r.reason,
      details: r.details,
      at: new Date(r.created_at).toISOString(),
      actor: r.actor_id
        ? { id: r.actor_id, displayName: r.display_name, role: r.actor_role, organization: r.short_name }
        : { id: null, displayName: 'System', role: 'system', organization: null },
    }));
  }
}
