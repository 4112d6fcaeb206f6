import { MigrationInterface, QueryRunner } from 'typeorm';

export class CoherentDelivery1796203608275 implements MigrationInterface {
  name = 'CoherentDelivery1796203608275';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"assistance_requests\" ADD \"ready_for_coordinator_at\" TIMESTAMP WITH TIME ZONE");
    await queryRunner.query("ALTER TABLE \"matches\" ADD \"retired_reason\" character varying(40)");
    await queryRunner.query("ALTER TABLE \"matches\" ADD \"delivered_from\" date");
    await queryRunner.query("ALTER TABLE \"matches\" ADD \"delivered_until\" date");
    await queryRunner.query("ALTER TABLE \"matches\" ADD \"participants\" integer");
    await queryRunner.query("ALTER TABLE \"matches\" ADD \"deliverables\" text");
    await reconcileRequestsWithMatches(queryRunner);
    await retireStrandedSuggestions(queryRunner);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    // Older code knows no retired status: such suggestions go back to what they were.
    await queryRunner.query("UPDATE \"matches\" SET \"status\" = 'suggested' WHERE \"status\" = 'retired'");
    await queryRunner.query("ALTER TABLE \"matches\" DROP COLUMN \"deliverables\"");
    await queryRunner.query("ALTER TABLE \"matches\" DROP COLUMN \"participants\"");
    await queryRunner.query("ALTER TABLE \"matches\" DROP COLUMN \"delivered_until\"");
    await queryRunner.query("ALTER TABLE \"matches\" DROP COLUMN \"delivered_from\"");
    await queryRunner.query("ALTER TABLE \"matches\" DROP COLUMN \"retired_reason\"");
    await queryRunner.query("ALTER TABLE \"assistance_requests\" DROP COLUMN \"ready_for_coordinator_at\"");
  }
}

const RECONCILED = `Brought in line with its matches when the request's delivery status began to follow its agreed matches`;

/**
 * Data: a request's matched / in-delivery / delivered status now follows its agreed matches (DESIGN §5). Requests
 * whose recorded status disagrees are set to the status their matches imply (the same rule as
 * libs/domain request-delivery.ts), with the milestone stamped and a history entry by the system.
 */
async function reconcileRequestsWithMatches(queryRunner: QueryRunner): Promise<void> {
  await queryRunner.query(
    `WITH agg AS (
       SELECT r.id, r.status,
              count(m.id) FILTER (WHERE m.status IN ('agreed', 'in_progress')) AS open,
              count(m.id) FILTER (WHERE m.status IN ('in_progress', 'completed')) AS started,
              count(m.id) FILTER (WHERE m.status = 'completed') AS completed,
              max(m.completed_at) AS last_completed
         FROM assistance_requests r LEFT JOIN matches m ON m.request_id = r.id
        WHERE r.status IN ('circulated', 'matched', 'in_delivery', 'delivered')
        GROUP BY r.id),
     target AS (
       SELECT id, status AS old, last_completed,
              CASE WHEN completed > 0 AND open = 0 THEN 'delivered'
                   WHEN started > 0 THEN 'in_delivery'
                   WHEN open > 0 THEN CASE WHEN status = 'in_delivery' THEN 'in_delivery' ELSE 'matched' END
                   ELSE 'circulated' END AS new
         FROM agg),
     changed AS (
       UPDATE assistance_requests r
          SET status = t.new, version = r.version + 1, updated_at = now(),
              matched_at = CASE WHEN t.new IN ('matched', 'in_delivery', 'delivered') THEN coalesce(r.matched_at, now()) ELSE r.matched_at END,
              delivery_started_at = CASE WHEN t.new IN ('in_delivery', 'delivered') THEN coalesce(r.delivery_started_at, now()) ELSE r.delivery_started_at END,
              delivered_at = CASE WHEN t.new = 'delivered' THEN coalesce(r.delivered_at, t.last_completed, now()) ELSE r.delivered_at END
         FROM target t
        WHERE r.id = t.id AND t.new <> t.old
        RETURNING r.id, t.old, t.new)
     INSERT INTO history_entries (subject_type, subject_id, action, from_status, to_status, actor_role, comment)
     SELECT 'request', id, 'reconcile_with_matches', old, new, 'system', $1 FROM changed`,
    [RECONCILED],
  );
}

/** Data: suggestions whose request or offer has left matching are retired, with the reason and a history entry. */
async function retireStrandedSuggestions(queryRunner: QueryRunner): Promise<void> {
  await queryRunner.query(
    `WITH stranded AS (
       SELECT m.id,
              CASE r.status WHEN 'in_delivery' THEN 'request_in_delivery' WHEN 'delivered' THEN 'request_delivered'
                            WHEN 'closed' THEN 'request_closed' WHEN 'withdrawn' THEN 'request_withdrawn'
                            ELSE CASE o.status WHEN 'paused' THEN 'offer_paused' WHEN 'closed' THEN 'offer_closed'
                                               WHEN 'expired' THEN 'offer_expired' WHEN 'exhausted' THEN 'offer_exhausted' END
              END AS reason
         FROM matches m JOIN assistance_requests r ON r.id = m.request_id JOIN assistance_offers o ON o.id = m.offer_id
        WHERE m.status = 'suggested'),
     retired AS (
       UPDATE matches m SET status = 'retired', retired_reason = s.reason, version = m.version + 1, updated_at = now()
         FROM stranded s WHERE m.id = s.id AND s.reason IS NOT NULL
        RETURNING m.id, s.reason)
     INSERT INTO history_entries (subject_type, subject_id, action, from_status, to_status, actor_role, reason)
     SELECT 'match', id, 'retire', 'suggested', 'retired', 'system', reason FROM retired`,
  );
}
