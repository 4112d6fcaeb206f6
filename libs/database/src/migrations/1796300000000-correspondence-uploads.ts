import { MigrationInterface, QueryRunner } from 'typeorm';

export class CorrespondenceUploads1796300000000 implements MigrationInterface {
  name = 'CorrespondenceUploads1796300000000';

  // A thread's attachment is uploaded before the message that names it; until then (or for ever, if the message is
  // never sent) only this flag, set at upload, keeps it from the providers who see the request.
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "documents" ADD "for_correspondence" boolean NOT NULL DEFAULT false');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "documents" DROP COLUMN "for_correspondence"');
  }
}
