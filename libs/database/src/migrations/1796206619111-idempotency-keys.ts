import { MigrationInterface, QueryRunner } from 'typeorm';

export class IdempotencyKeys1796206619111 implements MigrationInterface {
  name = 'IdempotencyKeys1796206619111';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"idempotency_keys\" (\"user_id\" uuid NOT NULL, \"key\" character varying(200) NOT NULL, \"request_hash\" character(64) NOT NULL, \"attempt\" integer NOT NULL DEFAULT '1', \"lease_until\" TIMESTAMP WITH TIME ZONE NOT NULL, \"committed_at\" TIMESTAMP WITH TIME ZONE, \"subject_type\" character varying(40), \"subject_id\" character varying(64), \"response_status\" integer, \"response_body\" jsonb, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"expires_at\" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT \"PK_392b1af86f210d98d3f0c764728\" PRIMARY KEY (\"user_id\", \"key\"))");
    await queryRunner.query("CREATE INDEX \"IDX_e5fc0731b6752a8e9194fa265e\" ON \"idempotency_keys\"  (\"expires_at\") ");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"public\".\"IDX_e5fc0731b6752a8e9194fa265e\"");
    await queryRunner.query("DROP TABLE \"idempotency_keys\"");
  }
}
