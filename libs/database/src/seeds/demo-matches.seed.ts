import { DataSource } from 'typeorm';
import { HistoryEntryEntity } from '../entities/history-entry.entity';
import { MatchEntity } from '../entities/match.entity';
import { OutboxEventEntity } from '../entities/outbox-event.entity';
import { RescoreRunEntity } from '../entities/rescore-run.entity';

const DAY = 86400_000;

/** Where a request stands says where its agreed match stands. */
const MATCH_STATUS_OF_REQUEST: Record<string, MatchEntity['status']> = {
  matched: 'agreed',
  in_delivery: 'in_progress',
  delivered: 'completed',
  closed: 'completed',
};

/**
 * The agreed matches behind the demo requests that were matched (their `match_agreed` history names the offer),
 * with their own dated history and, once delivered, both sides' feedback; then one full rescore, queued through
 * the outbox, so the worker's first start fills in the engine's suggestions. Idempotent.
 */
export async function seedDemoMatches(ds: DataSource): Promise<{ matches: number; rescores: number }> {
  const report = { matches: 0, rescores: 0 };
  await ds.transaction(async (m) => {
    const agreed: {
      request_id: string;
      offer_id: string;
      agreed_at: Date;
      status: string;
      delivery_started_at: Date | null;
      delivered_at: Date | null;
      close_reason: string | null;
    }[] =
      await m.query(
        `SELECT h.subject_id AS request_id, (h.details->>'offerId')::uuid AS offer_id, h.created_at AS agreed_at,
                r.status, r.delivery_started_at, r.delivered_at, r.close_reason
           FROM history_entries h JOIN assistance_requests r ON r.id = h.subject_id
          WHERE h.subject_type = 'request' AND h.action = 'match_agreed' AND h.details ? 'offerId'
            AND NOT EXISTS (SELECT 1 FROM matches x WHERE x.request_id = h.subject_id AND x.offer_id = (h.details->>'offerId')::uuid)`,
      );
    const [expert] = await m.query(`SELECT id FROM users WHERE email = 'expert@committee.example'`);
    const [coordinator] = await m.query(`SELECT id FROM users WHERE email = 'coordinator@nctc.mn.example'`);
    for (const a of agreed) {
      const status = MATCH_STATUS_OF_REQUEST[a.status] ?? (a.status === 'withdrawn' ? 'cancelled' : 'agreed');
      const agreedAt = new Date(a.agreed_at);
      const endorsedAt = new Date(agreedAt.getTime() - 30 * DAY);
      const answeredAt = new Date(agreedAt.getTime() - 18 * DAY);
      const completedAt = status === 'completed' ? new Date(a.delivered_at ?? agreedAt.getTime() + 200 * DAY) : null;
      const [provider] = await m.query(
        `SELECT u.id FROM users u JOIN assistance_offers o ON o.organization_id = u.organization_id WHERE o.id = $1 LIMIT 1`,
        [a.offer_id],
      );
      const steps: [string, string, string | null, Date][] = [
        ['create', 'suggested', expert?.id ?? null, new Date(endorsedAt.getTime() - 5 * DAY)],
        ['endorse', 'endorsed', expert?.id ?? null, endorsedAt],
        ['accept', 'accepted', provider?.id ?? null, answeredAt],
        ['confirm', 'agreed', coordinator?.id ?? null, agreedAt],
      ];
      // Work under the match starts when the request's delivery does.
      const startedAt = new Date(a.delivery_started_at ?? agreedAt.getTime() + 14 * DAY);
      if (status === 'in_progress' || status === 'completed') steps.push(['start', 'in_progress', provider?.id ?? null, startedAt]);
      if (completedAt) steps.push(['complete', 'completed', provider?.id ?? null, completedAt]);
      const match = await m.save(
        m.create(MatchEntity, {
          requestId: a.request_id,
          offerId: a.offer_id,
          origin: 'committee',
          status,
          reason: 'Proposed by the Group of Experts after the December 2022 Ulaanbaatar roundtable',
          endorsedAt,
          answeredAt,
          agreedAt,
          completedAt,
          ...(completedAt ? deliveryRecord(startedAt, completedAt) : {}),
          createdById: expert?.id ?? null,
          requesterRating: status === 'completed' ? 5 : null,
          requesterComment: status === 'completed' ? 'Delivered as planned; the agencies use the result daily.' : null,
          providerRating: status === 'completed' ? 4 : null,
          providerComment: status === 'completed' ? 'Good counterpart engagement; follow-up training suggested.' : null,
          createdAt: steps[0][3],
          // Last changed by its last step, not by the seed run.
          updatedAt: steps[steps.length - 1][3],
        }),
      );
      let from: string | null = null;
      for (const [action, to, actorId, at] of steps) {
        await m.insert(HistoryEntryEntity, {
          subjectType: 'match',
          subjectId: match.id,
          action,
          fromStatus: from,
          toStatus: to,
          actorId,
          actorRole: action === 'confirm' ? 'agency_coordinator' : action === 'accept' || action === 'start' || action === 'complete' ? 'provider_member' : 'committee_member',
          createdAt: at,
        });
        from = to;
      }
      report.matches++;
    }
    if (report.matches > 0) {
      const run = await m.save(m.create(RescoreRunEntity, { trigger: 'seed' }));
      await m.insert(OutboxEventEntity, { type: 'matching.rescore_requested', subjectType: 'rescore', subjectId: run.id, payload: { trigger: 'seed' } });
      report.rescores++;
    }
  });
  return report;
}

/** What a seeded completed match delivered: from its start to its completion. */
function deliveryRecord(start: Date, end: Date): Pick<MatchEntity, 'deliveredFrom' | 'deliveredUntil' | 'participants' | 'deliverables'> {
  return {
    deliveredFrom: start.toISOString().slice(0, 10),
    deliveredUntil: end.toISOString().slice(0, 10),
    participants: 24,
    deliverables: 'Workshops held with the agencies concerned; draft texts and a written assessment handed over.',
  };
}
