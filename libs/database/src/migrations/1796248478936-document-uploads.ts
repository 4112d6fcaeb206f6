import { MigrationInterface, QueryRunner } from 'typeorm';

export class DocumentUploads1796248478936 implements MigrationInterface {
  name = 'DocumentUploads1796248478936';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"document_uploads\" (\"storage_key\" character varying(200) NOT NULL, \"started_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"touched_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"PK_bd00b8a337808a6c89b54ed92a7\" PRIMARY KEY (\"storage_key\"))");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP TABLE \"document_uploads\"");
  }
}
