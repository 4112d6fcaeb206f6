import { MigrationInterface, QueryRunner } from 'typeorm';

// The request columns a report filters and groups by: as assistance_requests names them → as request_milestones does.
const COPIED = [
  ['reference', 'reference', 'character varying(20)'],
  ['state', 'state', 'character(3)'],
  ['status', 'status', 'character varying(30)'],
  ['circulated_at', 'last_circulated_at', 'TIMESTAMP WITH TIME ZONE'],
] as const;
// Code lists are kept as sets of bits, one bit per code of a kind (report_codes), so a report groups on integers.
const CODED = [
  ['provisions', 'provision_bits', 'provision'],
  ['domains', 'domain_bits', 'domain'],
  ['assistance_types', 'assistance_type_bits', 'assistance_type'],
] as const;
const MILESTONES = ['submitted_at', 'acknowledged_at', 'circulated_at', 'agreed_at', 'delivered_at'];

const columns = [...COPIED.map(([, copy]) => copy), ...CODED.map(([, bits]) => bits)];
const values = (row: string) =>
  [...COPIED.map(([column]) => `${row}.${column}`), ...CODED.map(([column, , kind]) => `report_code_bits('${kind}', ${row}.${column})`)].join(', ');
const upsert = (rows: string) => `
  INSERT INTO request_milestones (request_id, ${columns.join(', ')}) ${rows}
  ON CONFLICT (request_id) DO UPDATE SET ${columns.map((c) => `${c} = excluded.${c}`).join(', ')}`;
/** Gives the codes in each list (`lists(column)`: an array) that have no bit yet the next free bits. */
const addCodes = (lists: (column: string) => string) => CODED.map(([column, , kind]) => `PERFORM add_report_codes('${kind}', ${lists(column)});`).join('\n');
const cleared = columns.map((c) => `${c} = NULL`).join(', ');

export class RequestReportColumns1796350000000 implements MigrationInterface {
  name = 'RequestReportColumns1796350000000';

  // The Committee summary (issue 16) gathered the requests in scope into a temporary table, joining
  // request_milestones to assistance_requests: reading the wide request rows (texts, stored search vectors) for seven
  // short columns, then writing 20,000 rows, took a quarter of its time at 20,000 requests; grouping by the three
  // code lists (arrays of text) took another quarter. The columns are now kept beside the milestones, the lists as
  // sets of bits, so the summary reads one narrow table, needs no temporary one, and groups on integers. PostgreSQL
  // keeps them in the writer's statement, as it keeps the milestones from the history:
  // - INSERT: per statement, from the transition table (a seeder or an import adds thousands of rows in one);
  // - UPDATE of one of the columns, when a value changes: per row (most updates touch none of them and cost nothing);
  // - DELETE and TRUNCATE clear them (the milestones stay: the history does).
  // The two triggers write disjoint columns of a row, each with an upsert or an update under the row's lock, so
  // neither undoes the other whichever commits first. A concurrent writer of the same request waits on the request
  // row's lock, so the copies follow the order the request's versions commit. Truncating the history now clears the
  // milestones instead of truncating the table.
  //
  // report_codes gives each code of a kind its bit, in the order codes are first written (at most 31 per kind: the
  // check fails a write beyond). Codes are never removed, so a bit keeps its meaning. A writer bringing a new code
  // takes a lock that only other such writers wait on, and gives it the next bit.
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "report_codes" ("kind" character varying(20) NOT NULL, "code" text NOT NULL, "bit" smallint NOT NULL, CONSTRAINT "UQ_report_codes_kind_bit" UNIQUE ("kind", "bit"), CONSTRAINT "CHK_report_codes_bit" CHECK (bit BETWEEN 0 AND 30), CONSTRAINT "PK_report_codes" PRIMARY KEY ("kind", "code"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "request_milestones" ${[...COPIED.map(([, copy, type]) => `ADD "${copy}" ${type}`), ...CODED.map(([, bits]) => `ADD "${bits}" integer`)].join(', ')}`,
    );
    await queryRunner.query(`
      CREATE FUNCTION add_report_codes(k text, codes text[]) RETURNS void LANGUAGE plpgsql AS $$
      BEGIN
        IF NOT EXISTS (SELECT 1 FROM unnest(codes) AS c WHERE NOT EXISTS (SELECT 1 FROM report_codes r WHERE r.kind = k AND r.code = c)) THEN
          RETURN;
        END IF;
        LOCK TABLE report_codes IN SHARE ROW EXCLUSIVE MODE;
        -- A fresh snapshot, taken after the lock: the codes and bits other writers added are seen.
        INSERT INTO report_codes (kind, code, bit)
        SELECT k, n.code, (SELECT coalesce(max(r.bit) + 1, 0) FROM report_codes r WHERE r.kind = k) + row_number() OVER (ORDER BY n.code) - 1
          FROM (SELECT DISTINCT c AS code FROM unnest(codes) AS c
                 WHERE NOT EXISTS (SELECT 1 FROM report_codes r WHERE r.kind = k AND r.code = c)) AS n;
      END $$`);
    await queryRunner.query(`
      CREATE FUNCTION report_code_bits(k text, codes text[]) RETURNS integer LANGUAGE sql STABLE AS $$
        SELECT coalesce(bit_or(1 << r.bit), 0) FROM report_codes r WHERE r.kind = k AND r.code = ANY (codes)
      $$`);
    await queryRunner.query(`
      CREATE FUNCTION copy_request_report_columns() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'INSERT' THEN
          ${addCodes((column) => `(SELECT array_agg(c) FROM new_rows r, unnest(r.${column}) AS c)`)}
          ${upsert(`SELECT r.id, ${values('r')} FROM new_rows r`)};
        ELSIF TG_OP = 'UPDATE' THEN
          ${addCodes((column) => `NEW.${column}`)}
          ${upsert(`VALUES (NEW.id, ${values('NEW')})`)};
        ELSIF TG_OP = 'DELETE' THEN
          UPDATE request_milestones f SET ${cleared} FROM old_rows o WHERE f.request_id = o.id;
        ELSE
          UPDATE request_milestones SET ${cleared};
        END IF;
        RETURN NULL;
      END $$`);
    const watched = [...COPIED.map(([column]) => column), ...CODED.map(([column]) => column)];
    await queryRunner.query(
      `CREATE TRIGGER request_report_columns_insert AFTER INSERT ON assistance_requests REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION copy_request_report_columns()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER request_report_columns_update AFTER UPDATE OF ${watched.join(', ')} ON assistance_requests FOR EACH ROW
       WHEN ((${watched.map((c) => `OLD.${c}`).join(', ')}) IS DISTINCT FROM (${watched.map((c) => `NEW.${c}`).join(', ')})) EXECUTE FUNCTION copy_request_report_columns()`,
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
    for (const [column, , kind] of CODED) {
      await queryRunner.query(`SELECT add_report_codes('${kind}', (SELECT array_agg(c) FROM assistance_requests r, unnest(r.${column}) AS c))`);
    }
    await queryRunner.query(upsert(`SELECT r.id, ${values('r')} FROM assistance_requests r`));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const on of ['insert', 'update', 'delete', 'truncate']) {
      await queryRunner.query(`DROP TRIGGER request_report_columns_${on} ON assistance_requests`);
    }
    await queryRunner.query(`DROP FUNCTION copy_request_report_columns()`);
    await queryRunner.query(`DROP FUNCTION report_code_bits(text, text[])`);
    await queryRunner.query(`DROP FUNCTION add_report_codes(text, text[])`);
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
    await queryRunner.query(`ALTER TABLE "request_milestones" ${columns.map((c) => `DROP COLUMN "${c}"`).join(', ')}`);
    await queryRunner.query(`DROP TABLE "report_codes"`);
  }
}
