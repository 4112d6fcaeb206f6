import { MigrationInterface, QueryRunner } from 'typeorm';

export class RequestsCirculatedToProviders1796340000000 implements MigrationInterface {
  name = 'RequestsCirculatedToProviders1796340000000';

  // A provider sees the requests circulated to every provider (not withdrawn, not confidential) and those endorsed to
  // it (the request visibility rule in request.repository.ts). Its list read them along the lists' default order
  // (ix_assistance_requests_updated), testing each request: the newest requests, at the head of that order, are the
  // ones not yet circulated, thousands of them skipped on every page (3,010 for page 20 at 20,000 requests). The
  // list now reads the circulated ones from this index, in that order, and the few endorsed apart. The predicate is
  // the repository's CIRCULATED_TO_PROVIDERS as written: a query that states it can use the index.
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX "ix_assistance_requests_circulated" ON "assistance_requests" (updated_at DESC NULLS LAST, id) WHERE circulated_at IS NOT NULL AND status <> 'withdrawn' AND visibility <> 'committee'`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "ix_assistance_requests_circulated"`);
  }
}
