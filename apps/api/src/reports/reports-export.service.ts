import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { sqlValue } from '@app/common';
import { isCommittee, type OfferStatus, type RequestStatus } from '@app/domain';
import type { AuthUser } from '../auth/auth-user';
import { allPages, CsvColumn, toCsv } from '../data-exchange/csv';
import { OFFER_CSV_COLUMNS, REQUEST_CSV_COLUMNS } from '../data-exchange/csv-columns';
import { ExchangeExportService } from '../data-exchange/exchange-export.service';
import { MatchesService, MatchView } from '../matches/matches.service';
import type { ReportExportQuery } from '@app/contracts';

const MATCH_COLUMNS: readonly CsvColumn<MatchView>[] = [
  { header: 'id', value: (m) => m.id },
  { header: 'request_reference', value: (m) => m.request.reference },
  { header: 'request_title', value: (m) => m.request.title },
  { header: 'state', value: (m) => m.request.state },
  { header: 'offer_title', value: (m) => m.offer.title },
  { header: 'provider', value: (m) => m.offer.provider.name },
  { header: 'origin', value: (m) => m.origin },
  { header: 'status', value: (m) => m.status },
  { header: 'score', value: (m) => (m.score === null ? null : m.score.toFixed(4)) },
  { header: 'reason', value: (m) => m.reason },
  { header: 'endorsed_at', value: (m) => m.endorsedAt },
  { header: 'answered_at', value: (m) => m.answeredAt },
  { header: 'agreed_at', value: (m) => m.agreedAt },
  { header: 'completed_at', value: (m) => m.completedAt },
  { header: 'decline_reason', value: (m) => m.declineReason },
  { header: 'requester_rating', value: (m) => m.feedback.requester?.rating ?? null },
  { header: 'provider_rating', value: (m) => m.feedback.provider?.rating ?? null },
  { header: 'created_at', value: (m) => m.createdAt },
];

interface HistoryRow {
  subject_type: string;
  subject_id: string;
  subject_ref: string | null;
  action: string;
  from_status: string | null;
  to_status: string | null;
  actor: string | null;
  actor_role: string | null;
  comment: string | null;
  reason: string | null;
  created_at: Date;
}

const HISTORY_COLUMNS: readonly CsvColumn<HistoryRow>[] = [
  { header: 'subject_type', value: (h) => h.subject_type },
  { header: 'subject_id', value: (h) => h.subject_id },
  { header: 'subject', value: (h) => h.subject_ref },
  { header: 'action', value: (h) => h.action },
  { header: 'from_status', value: (h) => h.from_status },
  { header: 'to_status', value: (h) => h.to_status },
  { header: 'actor', value: (h) => h.actor },
  { header: 'actor_role', value: (h) => h.actor_role },
  { header: 'comment', value: (h) => h.comment },
  { header: 'reason', value: (h) => h.reason },
  { header: 'at', value: (h) => h.created_at },
];

/** `GET /reports/export.csv?entity=` — the rows behind the figures, with the list filters, as CSV. */
@Injectable()
export class ReportsExportService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly exchange: ExchangeExportService,
    private readonly matches: MatchesService,
  ) {}

  async csv(user: AuthUser, q: ReportExportQuery): Promise<string> {
    switch (q.entity) {
      case 'requests': {
        const { entity: _e, ...filters } = q;
        return toCsv(REQUEST_CSV_COLUMNS, await this.exchange.listAllRequests(user, filters));
      }
      case 'offers': {
        const { entity: _e, ...filters } = q;
        return toCsv(OFFER_CSV_COLUMNS, await this.exchange.listAllOffers(user, filters));
      }
      case 'matches': {
        const { entity: _e, ...filters } = q;
        return toCsv(MATCH_COLUMNS, await allPages(100, (page) => this.matches.list(user, { ...filters, page, pageSize: 100 })));
      }
      case 'history': {
        const rows: HistoryRow[] = await this.dataSource.query(
          `SELECT h.subject_type, h.subject_id,
                  coalesce(r.reference, o.title, mr.reference || ' ↔ ' || mo.title) AS subject_ref,
                  h.action, h.from_status, h.to_status, u.display_name AS actor, h.actor_role, h.comment, h.reason, h.created_at
             FROM history_entries h
             LEFT JOIN users u ON u.id = h.actor_id
             LEFT JOIN assistance_requests r ON h.subject_type = 'request' AND r.id = h.subject_id
             LEFT JOIN assistance_offers o ON h.subject_type = 'offer' AND o.id = h.subject_id
             LEFT JOIN matches m ON h.subject_type = 'match' AND m.id = h.subject_id
             LEFT JOIN assistance_requests mr ON mr.id = m.request_id
             LEFT JOIN assistance_offers mo ON mo.id = m.offer_id
            WHERE ($1::text IS NULL OR h.subject_type = $1)
              AND ($2::date IS NULL OR h.created_at >= $2::date) AND ($3::date IS NULL OR h.created_at < $3::date + 1)
              AND ($4::char(3) IS NULL OR coalesce(r.state, mr.state) = $4)
              -- Drafts are their authors' own business, as in every other committee view (request-access.ts).
              AND coalesce(r.status, o.status, '') <> ${sqlValue('draft' satisfies RequestStatus & OfferStatus)}
            ORDER BY h.created_at, h.id`,
          [q.subjectType ?? null, q.from ?? null, q.to ?? null, q.state ?? null],
        );
        return toCsv(HISTORY_COLUMNS, rows);
      }
    }
  }

  /** History spans every organisation's records: it is the committee's. */
  static mayExportHistory(user: AuthUser): boolean {
    return isCommittee(user.role);
  }
}
