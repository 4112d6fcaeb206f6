import { MigrationInterface, QueryRunner } from 'typeorm';

export class NotificationMessageKeys1796240000000 implements MigrationInterface {
  name = 'NotificationMessageKeys1796240000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "notifications" ADD "title_key" character varying(120)');
    await queryRunner.query('ALTER TABLE "notifications" ADD "body_key" character varying(120)');
    await queryRunner.query('ALTER TABLE "notifications" ADD "params" jsonb');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "notifications" DROP COLUMN "params"');
    await queryRunner.query('ALTER TABLE "notifications" DROP COLUMN "body_key"');
    await queryRunner.query('ALTER TABLE "notifications" DROP COLUMN "title_key"');
  }
}
