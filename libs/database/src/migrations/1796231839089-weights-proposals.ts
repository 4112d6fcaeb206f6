import { MigrationInterface, QueryRunner } from 'typeorm';

export class WeightsProposals1796231839089 implements MigrationInterface {
  name = 'WeightsProposals1796231839089';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"weights_proposals\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"status\" character varying(24) NOT NULL DEFAULT 'fitting', \"base_version\" integer NOT NULL, \"weights\" jsonb, \"figures\" jsonb, \"requested_by_id\" uuid, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"fitted_at\" TIMESTAMP WITH TIME ZONE, \"applied_version\" integer, \"decided_by_id\" uuid, \"decided_at\" TIMESTAMP WITH TIME ZONE, CONSTRAINT \"PK_8508b0f0ae95308a930f9cf5e5c\" PRIMARY KEY (\"id\"))");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP TABLE \"weights_proposals\"");
  }
}
