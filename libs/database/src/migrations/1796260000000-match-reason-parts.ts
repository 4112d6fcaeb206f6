import { MigrationInterface, QueryRunner } from 'typeorm';

/** A suggestion's reason line as the engine's clauses (codes and figures), so that each reader gets it in their language. */
export class MatchReasonParts1796260000000 implements MigrationInterface {
  name = 'MatchReasonParts1796260000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "matches" ADD "reason_parts" jsonb');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "matches" DROP COLUMN "reason_parts"');
  }
}
