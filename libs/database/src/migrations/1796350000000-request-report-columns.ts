import { MigrationInterface, QueryRunner } from 'typeorm';

// The request columns a report filters and groups by: as assistance_requests names them → as request_milestones does.
const COLUMNS = [
  ['reference', 'reference', 'character varying(20)'],
  ['state', 'state', 'character(3)'],
  ['status', 'status', 'character varying(30)'],
  ['provisions', 'provisions', 'text array'],
  ['domains', 'domains', 'text array'],
  ['assistance_types', 'assistance_types', 'text array'],
  ['circulated_at', 'last_circulated_at', 'TIMESTAMP WITH TIME ZONE'],
] as const;
const MILESTONES = ['submitted_at', 'acknowledged_at', 'circulated_at', 'agreed_at', 'delivered_at'];
const copies = COLUMNS.map(([, copy]) => copy).join(', ');
const of = (row: string) => COLUMNS.map(([column]) => `${row}.${column}`).join(', ');
const upsert = (rows: string) => `
  INSERT INTO request_milestones (request_id, ${copies}) ${rows}
  ON CONFLICT (request_id) DO UPDATE SET ${COLUMNS.map(([, copy]) => `${copy} = excluded.${copy}`).join(', ')}`;
const cleared = COLUMNS.map(([, copy]) => `${copy} = NULL`).join(', ');

export class RequestReportColumns1796350000000 implements MigrationInterface {
  name = 'RequestReportColumns1796350000000';

  // The Committee summary (issue 16) gathered the requests in scope into a temporary table, joining
  // request_milestones to assistance_requests: reading the wide request rows (texts, stored search vectors) for seven
  // short columns, then writing 20,000 rows, took a quarter of its time at 20,000 requests. Those columns are now
  // copied beside the milestones, so the summary reads one narrow table and needs no temporary one. PostgreSQL keeps
  // the copies in the writer's statement, as it keeps the milestones from the history:
  // - INSERT: per statement, from the transition table (a seeder or an import adds thousands of rows in one);
  // - UPDATE of one of the columns, when a value changes: per row (most updates touch none of them and cost nothing);
  // - DELETE and TRUNCATE clear the copies (the milestones stay: the history does).
  // The two triggers write disjoint columns of a row, each with an upsert or an update under the row's lock, so
  // neither undoes the other whichever commits first. A concurrent writer of the same request waits on the request
  // row's lock, so the copies follow the order the request's versions commit. Truncating the history now clears the
  // milestones instead of truncating the table.
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "request_milestones" ${COLUMNS.map(([, copy, type]) => `ADD "${copy}" ${type}`).join(', ')}`,
    );
    await queryRunner.query(`
      CREATE FUNCTION copy_request_report_columns() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'INSERT' THEN
          ${upsert(`SELECT r.id, ${of('r')} FROM new_rows r`)};
        ELSIF TG_OP = 'UPDATE' THEN
          ${upsert(`VALUES (NEW.id, ${of('NEW')})`)};
        ELSIF TG_OP = 'DELETE' THEN
          UPDATE request_milestones f SET ${cleared} FROM old_rows o WHERE f.request_id = o.id;
        ELSE
          UPDATE request_milestones SET ${cleared};
        END IF;
        RETURN NULL;
      END $$`);
    await queryRunner.query(
      `CREATE TRIGGER request_report_columns_insert AFTER INSERT ON assistance_requests REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION copy_request_report_columns()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER request_report_columns_update AFTER UPDATE OF ${COLUMNS.map(([column]) => column).join(', ')} ON assistance_requests FOR EACH ROW
       WHEN ((${of('OLD')}) IS DISTINCT FROM (${of('NEW')})) EXECUTE FUNCTION copy_request_report_columns()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER request_report_columns_delete AFTER DELETE ON assistance_requests REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION copy_request_report_columns()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER request_report_columns_truncate AFTER TRUNCATE ON assistance_requests FOR EACH STATEMENT EXECUTE FUNCTION copy_request_report_columns()`,
    );
    await queryRunner.query(`
      CREATE OR REPLACE FUNCTION clear_request_report_facts() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        TRUNCATE request_status_steps;
        UPDATE request_milestones SET ${MILESTONES.map((c) => `${c} = NULL`).join(', ')};
        RETURN NULL;
      END $$`);
    // The requests so far (the triggers, created first, hold writers off until this commits).
    await queryRunner.query(upsert(`SELECT r.id, ${of('r')} FROM assistance_requests r`));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const on of ['insert', 'update', 'delete', 'truncate']) {
      await queryRunner.query(`DROP TRIGGER request_report_columns_${on} ON assistance_requests`);
    }
    await queryRunner.query(`DROP FUNCTION copy_request_report_columns()`);
    await queryRunner.query(`
      CREATE OR REPLACE FUNCTION clear_request_report_facts() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        TRUNCATE request_milestones, request_status_steps;
        RETURN NULL;
      END $$`);
    // Back to one row per request with history.
    await queryRunner.query(
      `DELETE FROM request_milestones f WHERE NOT EXISTS (SELECT 1 FROM history_entries h WHERE h.subject_type = 'request' AND h.subject_id = f.request_id)`,
    );
    await queryRunner.query(`ALTER TABLE "request_milestones" ${COLUMNS.map(([, copy]) => `DROP COLUMN "${copy}"`).join(', ')}`);
  }
}
