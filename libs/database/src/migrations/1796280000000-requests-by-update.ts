import { MigrationInterface, QueryRunner } from 'typeorm';

export class RequestsByUpdate1796280000000 implements MigrationInterface {
  name = 'RequestsByUpdate1796280000000';

  // The lists' default order (most recently updated first, then id), for searches: a common word matches half the
  // table, and with this index the page is the first rows of the index that match, where it sorted every hit. The
  // predicate holds for every row (title and description are never null), but only a query that states it can use
  // the index: the searches do (RequestRepository.listPage). A filtered list without a search keeps its plan (a
  // bitmap scan and a sort): PostgreSQL 15 costs its window count over this index as if LIMIT stopped the scan early,
  // and the scan then reads the whole table in index order, twice as slow. TypeORM cannot declare the column order,
  // NULLS LAST or the predicate, so the entity names the index with `synchronize: false`.
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE INDEX "ix_assistance_requests_updated" ON "assistance_requests" (updated_at DESC NULLS LAST, id) WHERE search_vector IS NOT NULL',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "ix_assistance_requests_updated"');
  }
}
