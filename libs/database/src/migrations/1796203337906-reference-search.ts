import { MigrationInterface, QueryRunner } from 'typeorm';

export class ReferenceSearch1796203337906 implements MigrationInterface {
  name = 'ReferenceSearch1796203337906';

  // A search box finds a request by part of its reference (`MNG-2026`, `2026-007`), with ILIKE '%…%': the
  // unique b-tree cannot serve that, a trigram index can (and lets the planner OR it with the title/description
  // ones). Written by hand like those; the entity marks it synchronize: false.
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('CREATE INDEX "ix_assistance_requests_reference_trgm" ON "assistance_requests" USING gin (reference gin_trgm_ops)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "ix_assistance_requests_reference_trgm"');
  }
}
