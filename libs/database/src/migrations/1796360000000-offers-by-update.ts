import { MigrationInterface, QueryRunner } from 'typeorm';

export class OffersByUpdate1796360000000 implements MigrationInterface {
  name = 'OffersByUpdate1796360000000';

  // The offers' lists in their default order (last update, then id), as the requests' (1796290000000): a page is
  // the first rows of this index that the reader may see, instead of a sort of every visible offer. At 2,000 offers
  // a provider's page went from 1.2–1.9 ms to 0.2–0.5 ms, the offer list being a sixth of PostgreSQL's time under
  // bench:load (docs/performance.md, tenth round).
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('CREATE INDEX "ix_assistance_offers_updated" ON "assistance_offers" (updated_at DESC NULLS LAST, id)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "ix_assistance_offers_updated"');
  }
}
