import { MigrationInterface, QueryRunner } from 'typeorm';

export class Correspondence1796229070509 implements MigrationInterface {
  name = 'Correspondence1796229070509';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"thread_messages\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"thread_type\" character varying(10) NOT NULL, \"thread_id\" uuid NOT NULL, \"author_id\" uuid NOT NULL, \"author_role\" character varying(30) NOT NULL, \"author_organization_id\" uuid NOT NULL, \"author_side\" character varying(10) NOT NULL, \"kind\" character varying(30) NOT NULL DEFAULT 'message', \"body\" text NOT NULL, \"document_id\" uuid, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"PK_362f852009f5fceefddab0fbe81\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"ix_thread_messages_thread_created\" ON \"thread_messages\"  (\"thread_type\", \"thread_id\", \"created_at\") ");
    await queryRunner.query("CREATE TABLE \"thread_reads\" (\"user_id\" uuid NOT NULL, \"thread_type\" character varying(10) NOT NULL, \"thread_id\" uuid NOT NULL, \"last_read_at\" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT \"PK_b1441d4dc38adbdcc4230c936b0\" PRIMARY KEY (\"user_id\", \"thread_type\", \"thread_id\"))");
    await queryRunner.query("CREATE TABLE \"contact_lists\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"owner\" character varying(12) NOT NULL, \"owner_key\" character varying(40) NOT NULL, \"contacts\" jsonb NOT NULL DEFAULT '[]', \"updated_by_id\" uuid, \"version\" integer NOT NULL, CONSTRAINT \"PK_9d9c15bed294d0779669dc7069c\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE UNIQUE INDEX \"ux_contact_lists_owner\" ON \"contact_lists\"  (\"owner\", \"owner_key\") ");
    await queryRunner.query("ALTER TABLE \"assistance_requests\" ADD \"objected_at\" TIMESTAMP WITH TIME ZONE");
    await queryRunner.query("ALTER TABLE \"assistance_requests\" ADD \"objection_source\" character varying(10)");
    await queryRunner.query("ALTER TABLE \"assistance_requests\" ADD \"objection_letter_date\" date");
    await queryRunner.query("ALTER TABLE \"assistance_requests\" ADD \"objection_document_id\" uuid");
    await queryRunner.query("ALTER TABLE \"assistance_requests\" ADD \"waiver_letter_date\" date");
    await queryRunner.query("ALTER TABLE \"assistance_requests\" ADD \"waiver_document_id\" uuid");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"assistance_requests\" DROP COLUMN \"waiver_document_id\"");
    await queryRunner.query("ALTER TABLE \"assistance_requests\" DROP COLUMN \"waiver_letter_date\"");
    await queryRunner.query("ALTER TABLE \"assistance_requests\" DROP COLUMN \"objection_document_id\"");
    await queryRunner.query("ALTER TABLE \"assistance_requests\" DROP COLUMN \"objection_letter_date\"");
    await queryRunner.query("ALTER TABLE \"assistance_requests\" DROP COLUMN \"objection_source\"");
    await queryRunner.query("ALTER TABLE \"assistance_requests\" DROP COLUMN \"objected_at\"");
    await queryRunner.query("DROP INDEX \"public\".\"ux_contact_lists_owner\"");
    await queryRunner.query("DROP TABLE \"contact_lists\"");
    await queryRunner.query("DROP TABLE \"thread_reads\"");
    await queryRunner.query("DROP INDEX \"public\".\"ix_thread_messages_thread_created\"");
    await queryRunner.query("DROP TABLE \"thread_messages\"");
  }
}
