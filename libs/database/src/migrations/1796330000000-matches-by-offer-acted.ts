import { MigrationInterface, QueryRunner } from 'typeorm';

export class MatchesByOfferActed1796330000000 implements MigrationInterface {
  name = 'MatchesByOfferActed1796330000000';

  // A provider may see the requests matched to its offers once the Committee endorsed the match (the request
  // visibility rule in request.repository.ts). Every request list, count and page a provider reads asks for them:
  // PostgreSQL read every match people acted on (3,000 of 100,000 rows in bench:load's world, 2–4 ms a call) to
  // keep those of the provider's offers. This index finds them from the provider's offers (0.2 ms). Engine
  // suggestions are not in it, so a rescore does not write it (docs/performance.md, "Sixth round").
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX "ix_matches_offer_acted" ON "matches" ("offer_id") WHERE "status" <> 'suggested'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "ix_matches_offer_acted"`);
  }
}
