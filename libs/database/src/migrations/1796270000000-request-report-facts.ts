import { MigrationInterface, QueryRunner } from 'typeorm';

// The first time at each milestone, from a request's history (`min(created_at)` of the action).
const MILESTONES = [
  ['submitted_at', 'submit'],
  ['acknowledged_at', 'acknowledge'],
  ['circulated_at', 'circulate'],
  ['agreed_at', 'match_agreed'],
  ['delivered_at', 'mark_delivered'],
] as const;
// Days from the first submission to a milestone (stored generated columns; the expressions as the entity declares them).
const DAYS_TO = [
  ['days_to_acknowledge', 'acknowledged_at'],
  ['days_to_circulate', 'circulated_at'],
  ['days_to_agree', 'agreed_at'],
  ['days_to_deliver', 'delivered_at'],
].map(([column, milestone]) => ({ column, expression: `(extract(epoch FROM ${milestone} - submitted_at) / 86400)::double precision` }));
const firstAt = (h: string) => MILESTONES.map(([column, action]) => `min(${h}.created_at) FILTER (WHERE ${h}.action = '${action}') AS ${column}`).join(', ');
// "Status over time" as steps: each stay in a status (a history entry with a status, until the request's next one, ties
// by id as the summary always ordered them) is +1 in the month it began and −1 in the month it ended, netted per
// request, status and month (UTC), drafts left out. Each step carries the request's first submission, read from
// request_milestones (written just before).
const steps = (where: string) => `
  INSERT INTO request_status_steps (request_id, status, month, change, submitted_at)
  SELECT p.subject_id, p.status, date_trunc('month', s.at AT TIME ZONE 'UTC')::date, sum(s.change), f.submitted_at
    FROM (SELECT h.subject_id, h.to_status AS status, h.created_at AS since,
                 lead(h.created_at) OVER (PARTITION BY h.subject_id ORDER BY h.created_at, h.id) AS until
            FROM history_entries h
           WHERE h.subject_type = 'request' AND h.to_status IS NOT NULL ${where}) AS p
    JOIN request_milestones f ON f.request_id = p.subject_id
   CROSS JOIN LATERAL (VALUES (p.since, 1), (p.until, -1)) AS s(at, change)
   WHERE p.status <> 'draft' AND s.at IS NOT NULL
   GROUP BY 1, 2, 3, 5
  HAVING sum(s.change) <> 0`;

export class RequestReportFacts1796270000000 implements MigrationInterface {
  name = 'RequestReportFacts1796270000000';

  // The Committee summary (issue 16) read the whole request history twice per call: a GROUP BY for each request's
  // first milestones, and a lead() over ~100,000 entries sorted by request for its status periods, each turned into
  // month steps. Both are now tables kept by PostgreSQL: after any statement that writes history_entries, one
  // trigger recomputes the rows of the requests it touched from their history, in the same transaction, so the facts
  // are never stale and no writer (unit of work, match writer, import, seeders, tests' SQL) has to remember them. A recomputation from
  // the request's whole history, rather than an increment, stays exact whatever the order entries arrive in
  // (imports, same-instant steps ordered by id). The rows of the requests touched are locked first, in id order, so
  // two transactions writing one request's history refresh it one after the other, the second seeing the first's
  // entries (READ COMMITTED: each statement of the function reads a fresh snapshot).
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "request_milestones" ("request_id" uuid NOT NULL, "submitted_at" TIMESTAMP WITH TIME ZONE, "acknowledged_at" TIMESTAMP WITH TIME ZONE, "circulated_at" TIMESTAMP WITH TIME ZONE, "agreed_at" TIMESTAMP WITH TIME ZONE, "delivered_at" TIMESTAMP WITH TIME ZONE, ${DAYS_TO.map(({ column, expression }) => `"${column}" double precision GENERATED ALWAYS AS (${expression}) STORED`).join(', ')}, CONSTRAINT "PK_e6fef2c1e8244096df0c291399b" PRIMARY KEY ("request_id"))`,
    );
    for (const { column, expression } of DAYS_TO) {
      await queryRunner.query(
        `INSERT INTO "typeorm_metadata"("database", "schema", "table", "type", "name", "value") VALUES (current_database(), 'public', 'request_milestones', 'GENERATED_COLUMN', $1, $2)`,
        [column, expression],
      );
    }
    await queryRunner.query(
      `CREATE TABLE "request_status_steps" ("request_id" uuid NOT NULL, "status" character varying(30) NOT NULL, "month" date NOT NULL, "change" integer NOT NULL, "submitted_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_5e6e30f2316f379d35059719467" PRIMARY KEY ("request_id", "status", "month"))`,
    );
    await queryRunner.query(`
      CREATE FUNCTION refresh_request_report_facts() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        ids uuid[];
      BEGIN
        IF TG_OP = 'INSERT' THEN
          SELECT array_agg(DISTINCT subject_id ORDER BY subject_id) INTO ids FROM new_rows WHERE subject_type = 'request';
        ELSIF TG_OP = 'DELETE' THEN
          SELECT array_agg(DISTINCT subject_id ORDER BY subject_id) INTO ids FROM old_rows WHERE subject_type = 'request';
        ELSE
          SELECT array_agg(DISTINCT subject_id ORDER BY subject_id) INTO ids
            FROM (SELECT subject_type, subject_id FROM old_rows UNION ALL SELECT subject_type, subject_id FROM new_rows) AS changed
           WHERE subject_type = 'request';
        END IF;
        IF ids IS NULL THEN
          RETURN NULL;
        END IF;
        INSERT INTO request_milestones (request_id) SELECT unnest(ids) ON CONFLICT DO NOTHING;
        PERFORM 1 FROM request_milestones WHERE request_id = ANY (ids) ORDER BY request_id FOR UPDATE;
        UPDATE request_milestones f
           SET ${MILESTONES.map(([column]) => `${column} = a.${column}`).join(', ')}
          FROM (SELECT k.id, ${firstAt('h')}
                  FROM unnest(ids) AS k(id)
                  LEFT JOIN history_entries h ON h.subject_type = 'request' AND h.subject_id = k.id
                 GROUP BY k.id) AS a
         WHERE f.request_id = a.id;
        DELETE FROM request_status_steps WHERE request_id = ANY (ids);
        ${steps('AND h.subject_id = ANY (ids)')};
        RETURN NULL;
      END $$`);
    await queryRunner.query(`
      CREATE FUNCTION clear_request_report_facts() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        TRUNCATE request_milestones, request_status_steps;
        RETURN NULL;
      END $$`);
    // History is append-only (DESIGN §4); the update, delete and truncate triggers keep the facts exact even so.
    await queryRunner.query(
      `CREATE TRIGGER request_report_facts_insert AFTER INSERT ON history_entries REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION refresh_request_report_facts()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER request_report_facts_update AFTER UPDATE ON history_entries REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION refresh_request_report_facts()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER request_report_facts_delete AFTER DELETE ON history_entries REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION refresh_request_report_facts()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER request_report_facts_truncate AFTER TRUNCATE ON history_entries FOR EACH STATEMENT EXECUTE FUNCTION clear_request_report_facts()`,
    );
    // The history so far (the triggers, created first, hold writers off until this commits).
    await queryRunner.query(
      `INSERT INTO request_milestones (request_id, ${MILESTONES.map(([column]) => column).join(', ')})
       SELECT h.subject_id, ${firstAt('h')} FROM history_entries h WHERE h.subject_type = 'request' GROUP BY h.subject_id`,
    );
    await queryRunner.query(steps(''));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const on of ['insert', 'update', 'delete', 'truncate']) {
      await queryRunner.query(`DROP TRIGGER request_report_facts_${on} ON history_entries`);
    }
    await queryRunner.query(`DROP FUNCTION clear_request_report_facts()`);
    await queryRunner.query(`DROP FUNCTION refresh_request_report_facts()`);
    await queryRunner.query(`DROP TABLE "request_status_steps"`);
    await queryRunner.query(`DELETE FROM "typeorm_metadata" WHERE "type" = 'GENERATED_COLUMN' AND "schema" = 'public' AND "table" = 'request_milestones'`);
    await queryRunner.query(`DROP TABLE "request_milestones"`);
  }
}
