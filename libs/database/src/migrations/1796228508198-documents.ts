import { MigrationInterface, QueryRunner } from 'typeorm';

export class Documents1796228508198 implements MigrationInterface {
  name = 'Documents1796228508198';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"documents\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"parent_type\" character varying(30) NOT NULL, \"parent_id\" uuid NOT NULL, \"kind\" character varying(30) NOT NULL, \"title\" character varying(300) NOT NULL, \"language\" character varying(10), \"document_date\" date, \"file_name\" character varying(255) NOT NULL, \"content_type\" character varying(120) NOT NULL, \"size\" bigint NOT NULL, \"sha256\" character(64) NOT NULL, \"storage\" character varying(20) NOT NULL, \"storage_key\" character varying(200) NOT NULL, \"uploaded_by_id\" uuid NOT NULL, \"organization_id\" uuid NOT NULL, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"removed_at\" TIMESTAMP WITH TIME ZONE, \"removed_by_id\" uuid, CONSTRAINT \"PK_ac51aa5181ee2036f5ca482857c\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"IDX_documents_parent\" ON \"documents\"  (\"parent_type\", \"parent_id\", \"created_at\") ");
    await queryRunner.query("CREATE TABLE \"document_contents\" (\"storage_key\" character varying(200) NOT NULL, \"seq\" integer NOT NULL, \"data\" bytea NOT NULL, CONSTRAINT \"PK_0c7c038c2aedcfaf4c4dacf32d5\" PRIMARY KEY (\"storage_key\", \"seq\"))");
    // Written by hand: PDFs, images and office files are compressed already; TOAST need not try again.
    await queryRunner.query("ALTER TABLE \"document_contents\" ALTER COLUMN \"data\" SET STORAGE EXTERNAL");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP TABLE \"document_contents\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_documents_parent\"");
    await queryRunner.query("DROP TABLE \"documents\"");
  }
}
