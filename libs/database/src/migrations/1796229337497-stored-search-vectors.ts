import { MigrationInterface, QueryRunner } from 'typeorm';

const TABLES = ['assistance_requests', 'assistance_offers'] as const;
// As the entities declare them (asExpression): TypeORM compares the two through its typeorm_metadata table.
const COLUMNS = [
  { name: 'search_vector', type: 'tsvector', expression: `to_tsvector('simple'::regconfig, (title || ' ') || description)` },
  { name: 'search_text', type: 'text', expression: `lower((title || ' ') || description)` },
] as const;

export class StoredSearchVectors1796229337497 implements MigrationInterface {
  name = 'StoredSearchVectors1796229337497';

  // Full-text search read `to_tsvector('simple', title || ' ' || description)` per row: the expression index served
  // rare words, but a common word (half the table) was planned as a scan computing the vector for every row, twice
  // (page and count). A stored generated column computes it once per write, and its GIN index keeps the name the
  // expression index had (ix_*_fts: the synthetic seed merges its pending list). 'simple' keeps Cyrillic working.
  // Likewise the lower-cased text for "part of a word" (LIKE on it instead of ILIKE on the concatenation, which
  // lower-cased every row at every search), with the trigram index (ix_*_trgm) moved onto it.
  async up(queryRunner: QueryRunner): Promise<void> {
    for (const table of TABLES) {
      for (const column of COLUMNS) {
        await queryRunner.query(`ALTER TABLE "${table}" ADD "${column.name}" ${column.type} GENERATED ALWAYS AS (${column.expression}) STORED`);
        await queryRunner.query(
          `INSERT INTO "typeorm_metadata"("database", "schema", "table", "type", "name", "value") VALUES (current_database(), 'public', $1, 'GENERATED_COLUMN', $2, $3)`,
          [table, column.name, column.expression],
        );
      }
      await queryRunner.query(`DROP INDEX "ix_${table}_fts"`);
      await queryRunner.query(`CREATE INDEX "ix_${table}_fts" ON "${table}" USING gin (search_vector)`);
      await queryRunner.query(`DROP INDEX "ix_${table}_trgm"`);
      await queryRunner.query(`CREATE INDEX "ix_${table}_trgm" ON "${table}" USING gin (search_text gin_trgm_ops)`);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of TABLES) {
      await queryRunner.query(`DROP INDEX "ix_${table}_fts"`);
      await queryRunner.query(`DROP INDEX "ix_${table}_trgm"`);
      for (const column of COLUMNS) {
        await queryRunner.query(
          `DELETE FROM "typeorm_metadata" WHERE "type" = 'GENERATED_COLUMN' AND "schema" = 'public' AND "table" = $1 AND "name" = $2`,
          [table, column.name],
        );
        await queryRunner.query(`ALTER TABLE "${table}" DROP COLUMN "${column.name}"`);
      }
      await queryRunner.query(`CREATE INDEX "ix_${table}_fts" ON "${table}" USING gin (to_tsvector('simple', title || ' ' || description))`);
      await queryRunner.query(`CREATE INDEX "ix_${table}_trgm" ON "${table}" USING gin ((title || ' ' || description) gin_trgm_ops)`);
    }
  }
}
