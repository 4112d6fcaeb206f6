import { MigrationInterface, QueryRunner } from 'typeorm';

export class RequestFirstSuggestions1796320000000 implements MigrationInterface {
  name = 'RequestFirstSuggestions1796320000000';

  // A request's first suggestion time moves from a column of assistance_requests to a narrow table
  // (request-first-suggestion.entity.ts): a first full rescore stamped 500 requests per chunk by rewriting the wide
  // request rows and their ten index entries (docs/performance.md, "Sixth round"). The stamps move with it.
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "request_first_suggestions" ("request_id" uuid NOT NULL, "suggested_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_e837df557572d1a52047da79c85" PRIMARY KEY ("request_id"))`,
    );
    await queryRunner.query(
      `INSERT INTO "request_first_suggestions" ("request_id", "suggested_at") SELECT "id", "first_suggestion_at" FROM "assistance_requests" WHERE "first_suggestion_at" IS NOT NULL`,
    );
    await queryRunner.query(`ALTER TABLE "assistance_requests" DROP COLUMN "first_suggestion_at"`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "assistance_requests" ADD "first_suggestion_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(
      `UPDATE "assistance_requests" r SET "first_suggestion_at" = s."suggested_at" FROM "request_first_suggestions" s WHERE s."request_id" = r."id"`,
    );
    await queryRunner.query(`DROP TABLE "request_first_suggestions"`);
  }
}
