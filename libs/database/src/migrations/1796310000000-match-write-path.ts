import { MigrationInterface, QueryRunner } from 'typeorm';

export class MatchWritePath1796310000000 implements MigrationInterface {
  name = 'MatchWritePath1796310000000';

  // A full rescore writes ~100,000 rows into `matches` (docs/performance.md, "Fifth round"):
  // - components and reason_parts become `json`: PostgreSQL keeps the text the engine wrote after checking it is JSON,
  //   instead of converting each ~1 KB array of objects to jsonb's binary form (half of the time COPY spent on a
  //   row). Nothing queries inside them; the driver reads both types the same way.
  // - each component is stored as [key, value, weight, contribution] instead of an object (stored-components.ts in
  //   libs/matching): a third fewer bytes per row for the worker to send and PostgreSQL to write.
  // - (request_id, score) goes: every read of a request's matches is served by the unique (request_id, offer_id)
  //   (a request has tens of matches, sorted in memory), so it was one more index to write per row.
  // - status is indexed only where it tells something apart: nearly every row is an engine suggestion, so the
  //   index now holds the matches people acted on (the lists and counts that filter on a status other than
  //   'suggested' use it; 'suggested' was never selective enough to use it).
  // - a request's matches people proposed or acted on have an index of their own (the engine's suggestions are not
  //   in it, so the engine never writes it): each rescore chunk looks them up for 500 requests, which read every
  //   suggestion of those requests before (20–70 ms a chunk).
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "matches" ALTER COLUMN "components" DROP DEFAULT`);
    await queryRunner.query(
      `ALTER TABLE "matches" ALTER COLUMN "components" TYPE json USING "components"::json, ALTER COLUMN "reason_parts" TYPE json USING "reason_parts"::json`,
    );
    await queryRunner.query(`ALTER TABLE "matches" ALTER COLUMN "components" SET DEFAULT '[]'`);
    await queryRunner.query(
      `UPDATE "matches" SET "components" = (SELECT json_agg(json_build_array(c -> 'key', c -> 'value', c -> 'weight', c -> 'contribution') ORDER BY n)
                                              FROM json_array_elements("components") WITH ORDINALITY AS e(c, n))
        WHERE json_typeof("components" -> 0) = 'object'`,
    );
    await queryRunner.query('DROP INDEX "ix_matches_request_score"');
    await queryRunner.query('DROP INDEX "IDX_a182c2c9602fbab4e0cf680090"');
    await queryRunner.query(`CREATE INDEX "ix_matches_status_acted" ON "matches" (status) WHERE status <> 'suggested'`);
    await queryRunner.query(`CREATE INDEX "ix_matches_request_acted" ON "matches" (request_id) WHERE NOT (origin = 'engine' AND status = 'suggested')`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "ix_matches_request_acted"');
    await queryRunner.query('DROP INDEX "ix_matches_status_acted"');
    await queryRunner.query('CREATE INDEX "IDX_a182c2c9602fbab4e0cf680090" ON "matches" ("status")');
    await queryRunner.query('CREATE INDEX "ix_matches_request_score" ON "matches" ("request_id", "score")');
    await queryRunner.query(
      `UPDATE "matches" SET "components" = (SELECT json_agg(json_build_object('key', c -> 0, 'value', c -> 1, 'weight', c -> 2, 'contribution', c -> 3) ORDER BY n)
                                              FROM json_array_elements("components") WITH ORDINALITY AS e(c, n))
        WHERE json_typeof("components" -> 0) = 'array'`,
    );
    await queryRunner.query(`ALTER TABLE "matches" ALTER COLUMN "components" DROP DEFAULT`);
    await queryRunner.query(
      `ALTER TABLE "matches" ALTER COLUMN "components" TYPE jsonb USING "components"::jsonb, ALTER COLUMN "reason_parts" TYPE jsonb USING "reason_parts"::jsonb`,
    );
    await queryRunner.query(`ALTER TABLE "matches" ALTER COLUMN "components" SET DEFAULT '[]'`);
  }
}
