import { MigrationInterface, QueryRunner } from 'typeorm';

export class Notifications1795945169150 implements MigrationInterface {
  name = 'Notifications1795945169150';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"notifications\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"user_id\" uuid NOT NULL, \"category\" character varying(20) NOT NULL, \"event_id\" uuid NOT NULL, \"event_type\" character varying(60) NOT NULL, \"subject_type\" character varying(30) NOT NULL, \"subject_id\" uuid NOT NULL, \"title\" character varying(300) NOT NULL, \"body\" text NOT NULL, \"link_path\" character varying(300) NOT NULL, \"facts\" jsonb NOT NULL DEFAULT '[]', \"email_mode\" character varying(10) NOT NULL, \"digest_delivery_id\" uuid, \"read_at\" TIMESTAMP WITH TIME ZONE, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"PK_6a72c3c0f683f6462415e653c3a\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"ix_notifications_digest_pending\" ON \"notifications\"  (\"user_id\", \"created_at\") WHERE email_mode = 'digest' AND digest_delivery_id IS NULL");
    await queryRunner.query("CREATE INDEX \"ix_notifications_inbox\" ON \"notifications\"  (\"user_id\", \"read_at\", \"created_at\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"ux_notifications_event_user\" ON \"notifications\"  (\"event_id\", \"user_id\") ");
    await queryRunner.query("CREATE TABLE \"notification_deliveries\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"user_id\" uuid NOT NULL, \"notification_id\" uuid, \"kind\" character varying(20) NOT NULL DEFAULT 'notification', \"channel\" character varying(10) NOT NULL DEFAULT 'email', \"recipient\" character varying(254) NOT NULL, \"status\" character varying(10) NOT NULL DEFAULT 'pending', \"attempts\" integer NOT NULL DEFAULT '0', \"last_error\" text, \"message_id\" character varying(200) NOT NULL, \"smtp_response\" character varying(500), \"last_attempt_at\" TIMESTAMP WITH TIME ZONE, \"sent_at\" TIMESTAMP WITH TIME ZONE, CONSTRAINT \"PK_81daeff81f237bd384f7cfc4a4c\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"ix_notification_deliveries_created\" ON \"notification_deliveries\"  (\"created_at\") ");
    await queryRunner.query("CREATE INDEX \"ix_notification_deliveries_status\" ON \"notification_deliveries\"  (\"status\", \"updated_at\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"ux_notification_deliveries_notification_channel\" ON \"notification_deliveries\"  (\"notification_id\", \"channel\") ");
    await queryRunner.query("CREATE TABLE \"notification_preferences\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"user_id\" uuid NOT NULL, \"category\" character varying(20) NOT NULL, \"mode\" character varying(10) NOT NULL, CONSTRAINT \"PK_e94e2b543f2f218ee68e4f4fad2\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE UNIQUE INDEX \"ux_notification_preferences_user_category\" ON \"notification_preferences\"  (\"user_id\", \"category\") ");
    await queryRunner.query("CREATE TABLE \"reminders_sent\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"kind\" character varying(40) NOT NULL, \"subject_key\" character varying(200) NOT NULL, \"subject_type\" character varying(30) NOT NULL, \"subject_id\" uuid NOT NULL, \"sent_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"PK_7e23c9391bfce15362ed605813c\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE UNIQUE INDEX \"ux_reminders_sent_kind_subject\" ON \"reminders_sent\"  (\"kind\", \"subject_key\") ");
    await queryRunner.query("ALTER TABLE \"notifications\" ADD CONSTRAINT \"FK_9a8a82462cab47c73d25f49261f\" FOREIGN KEY (\"user_id\") REFERENCES \"users\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"notification_deliveries\" ADD CONSTRAINT \"FK_9fcd0b72070848cc484af6bc1ea\" FOREIGN KEY (\"user_id\") REFERENCES \"users\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"notification_deliveries\" ADD CONSTRAINT \"FK_435486b970fffc3e33a7450ee97\" FOREIGN KEY (\"notification_id\") REFERENCES \"notifications\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"notification_deliveries\" DROP CONSTRAINT \"FK_435486b970fffc3e33a7450ee97\"");
    await queryRunner.query("ALTER TABLE \"notification_deliveries\" DROP CONSTRAINT \"FK_9fcd0b72070848cc484af6bc1ea\"");
    await queryRunner.query("ALTER TABLE \"notifications\" DROP CONSTRAINT \"FK_9a8a82462cab47c73d25f49261f\"");
    await queryRunner.query("DROP INDEX \"public\".\"ux_reminders_sent_kind_subject\"");
    await queryRunner.query("DROP TABLE \"reminders_sent\"");
    await queryRunner.query("DROP INDEX \"public\".\"ux_notification_preferences_user_category\"");
    await queryRunner.query("DROP TABLE \"notification_preferences\"");
    await queryRunner.query("DROP INDEX \"public\".\"ux_notification_deliveries_notification_channel\"");
    await queryRunner.query("DROP INDEX \"public\".\"ix_notification_deliveries_status\"");
    await queryRunner.query("DROP INDEX \"public\".\"ix_notification_deliveries_created\"");
    await queryRunner.query("DROP TABLE \"notification_deliveries\"");
    await queryRunner.query("DROP INDEX \"public\".\"ux_notifications_event_user\"");
    await queryRunner.query("DROP INDEX \"public\".\"ix_notifications_inbox\"");
    await queryRunner.query("DROP INDEX \"public\".\"ix_notifications_digest_pending\"");
    await queryRunner.query("DROP TABLE \"notifications\"");
  }
}
