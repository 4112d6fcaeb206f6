import { MigrationInterface, QueryRunner } from 'typeorm';

export class MatchWritePath1796310000000 implements MigrationInterface {
  name = 'MatchWritePath1796310000000';

  // A full rescore writes ~100,000 rows into `matches` (docs/performance.md, "Fifth round"):
  // - components and reason_parts become `json`: PostgreSQL keeps the text the engine wrote after checking it is JSON,
  //   instead of converting each ~1 KB array of objects to jsonb's binary form (half of the time COPY spent on a
  //   row). Nothing queries inside them; the driver reads both types the same way.
  // - (request_id, score) goes: every read of a request's matches is served by the unique (request_id, offer_id)
  //   (a request has tens of matches, sorted in memory), so it was one more index to write per row.
  // - status is indexed only where it tells something apart: nearly every row is an engine suggestion, so the
  //   index now holds the matches people acted on (the lists and counts that filter on a status other than
  //   'suggested' use it; 'suggested' was never selective enough to use it).
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "matches" ALTER COLUMN "components" DROP DEFAULT`);
    await queryRunner.query(
      `ALTER TABLE "matches" ALTER COLUMN "components" TYPE json USING "components"::json, ALTER COLUMN "reason_parts" TYPE json USING "reason_parts"::json`,
    );
    await queryRunner.query(`ALTER TABLE "matches" ALTER COLUMN "components" SET DEFAULT '[]'`);
    await queryRunner.query('DROP INDEX "ix_matches_request_score"');
    await queryRunner.query('DROP INDEX "IDX_a182c2c9602fbab4e0cf680090"');
    await queryRunner.query(`CREATE INDEX "ix_matches_status_acted" ON "matches" (status) WHERE status <> 'suggested'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "ix_matches_status_acted"');
    await queryRunner.query('CREATE INDEX "IDX_a182c2c9602fbab4e0cf680090" ON "matches" ("status")');
    await queryRunner.query('CREATE INDEX "ix_matches_request_score" ON "matches" ("request_id", "score")');
    await queryRunner.query(`ALTER TABLE "matches" ALTER COLUMN "components" DROP DEFAULT`);
    await queryRunner.query(
      `ALTER TABLE "matches" ALTER COLUMN "components" TYPE jsonb USING "components"::jsonb, ALTER COLUMN "reason_parts" TYPE jsonb USING "reason_parts"::jsonb`,
    );
    await queryRunner.query(`ALTER TABLE "matches" ALTER COLUMN "components" SET DEFAULT '[]'`);
  }
}
