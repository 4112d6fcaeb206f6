import { MigrationInterface, QueryRunner } from 'typeorm';

export class RecoverableWork1796205846737 implements MigrationInterface {
  name = 'RecoverableWork1796205846737';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"matching_work\" (\"key\" character varying(120) NOT NULL, \"job_name\" character varying(30) NOT NULL, \"data\" jsonb NOT NULL, \"generation\" integer NOT NULL DEFAULT '1', \"requested_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"PK_67470dc18ee7555d505c45f5034\" PRIMARY KEY (\"key\"))");
    await queryRunner.query("CREATE INDEX \"ix_matching_work_requested\" ON \"matching_work\"  (\"requested_at\") ");
    await queryRunner.query("CREATE INDEX \"ix_outbox_events_unprocessed\" ON \"outbox_events\"  (\"created_at\") WHERE processed_at IS NULL");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"public\".\"ix_outbox_events_unprocessed\"");
    await queryRunner.query("DROP INDEX \"public\".\"ix_matching_work_requested\"");
    await queryRunner.query("DROP TABLE \"matching_work\"");
  }
}
