import { MigrationInterface, QueryRunner } from 'typeorm';

export class Foundation1795943117470 implements MigrationInterface {
  name = 'Foundation1795943117470';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"history_entries\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"subject_type\" character varying(30) NOT NULL, \"subject_id\" uuid NOT NULL, \"action\" character varying(40) NOT NULL, \"from_status\" character varying(30), \"to_status\" character varying(30), \"actor_id\" uuid, \"actor_role\" character varying(30), \"comment\" text, \"reason\" character varying(500), \"details\" jsonb, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"PK_779ab5373855af6b50b6a586f41\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"IDX_aff6962977e8f5cda76fc93af0\" ON \"history_entries\"  (\"subject_type\", \"subject_id\", \"created_at\") ");
    await queryRunner.query("CREATE TABLE \"organizations\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"name\" character varying(200) NOT NULL, \"short_name\" character varying(40) NOT NULL, \"kind\" character varying(20) NOT NULL, \"state\" character(3), \"contact_email\" character varying(254), \"active\" boolean NOT NULL DEFAULT true, \"version\" integer NOT NULL, CONSTRAINT \"PK_6b031fcd0863e3f6b44230163f9\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_9b7ca6d30b94fef571cff87688\" ON \"organizations\"  (\"name\") ");
    await queryRunner.query("CREATE TABLE \"outbox_events\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"type\" character varying(60) NOT NULL, \"subject_type\" character varying(30) NOT NULL, \"subject_id\" uuid NOT NULL, \"actor_id\" uuid, \"payload\" jsonb NOT NULL DEFAULT '{}', \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"enqueued_at\" TIMESTAMP WITH TIME ZONE, \"processed_at\" TIMESTAMP WITH TIME ZONE, \"deliveries\" integer NOT NULL DEFAULT '0', CONSTRAINT \"PK_6689a16c00d09b8089f6237f1d2\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"ix_outbox_events_pending\" ON \"outbox_events\"  (\"created_at\") WHERE enqueued_at IS NULL");
    await queryRunner.query("CREATE TABLE \"sessions\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"token_hash\" character(64) NOT NULL, \"user_id\" uuid NOT NULL, \"expires_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"revoked_at\" TIMESTAMP WITH TIME ZONE, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"PK_3238ef96f18b355b671619111bc\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_abaa9e068cdd390bc5210f7988\" ON \"sessions\"  (\"token_hash\") ");
    await queryRunner.query("CREATE INDEX \"IDX_085d540d9f418cfbdc7bd55bb1\" ON \"sessions\"  (\"user_id\") ");
    await queryRunner.query("CREATE TABLE \"users\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"email\" character varying(254) NOT NULL, \"display_name\" character varying(120) NOT NULL, \"role\" character varying(30) NOT NULL, \"organization_id\" uuid NOT NULL, \"password_hash\" character varying(200) NOT NULL, \"active\" boolean NOT NULL DEFAULT true, \"preferred_language\" character varying(5) NOT NULL DEFAULT 'en', \"last_login_at\" TIMESTAMP WITH TIME ZONE, \"version\" integer NOT NULL, CONSTRAINT \"PK_a3ffb1c0c8416b9fc6f907b7433\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_97672ac88f789774dd47f7c8be\" ON \"users\"  (\"email\") ");
    await queryRunner.query("CREATE INDEX \"IDX_21a659804ed7bf61eb91688dea\" ON \"users\"  (\"organization_id\") ");
    await queryRunner.query("ALTER TABLE \"users\" ADD CONSTRAINT \"FK_21a659804ed7bf61eb91688dea7\" FOREIGN KEY (\"organization_id\") REFERENCES \"organizations\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"users\" DROP CONSTRAINT \"FK_21a659804ed7bf61eb91688dea7\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_21a659804ed7bf61eb91688dea\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_97672ac88f789774dd47f7c8be\"");
    await queryRunner.query("DROP TABLE \"users\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_085d540d9f418cfbdc7bd55bb1\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_abaa9e068cdd390bc5210f7988\"");
    await queryRunner.query("DROP TABLE \"sessions\"");
    await queryRunner.query("DROP INDEX \"public\".\"ix_outbox_events_pending\"");
    await queryRunner.query("DROP TABLE \"outbox_events\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_9b7ca6d30b94fef571cff87688\"");
    await queryRunner.query("DROP TABLE \"organizations\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_aff6962977e8f5cda76fc93af0\"");
    await queryRunner.query("DROP TABLE \"history_entries\"");
  }
}
