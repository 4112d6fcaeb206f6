import { MigrationInterface, QueryRunner } from 'typeorm';

export class Engagements1796228643842 implements MigrationInterface {
  name = 'Engagements1796228643842';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"engagements\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"kind\" character varying(20) NOT NULL, \"title\" character varying(300) NOT NULL, \"start_date\" date NOT NULL, \"end_date\" date NOT NULL, \"venue\" character varying(300), \"online\" boolean NOT NULL DEFAULT false, \"organisers\" jsonb NOT NULL DEFAULT '[]', \"participants\" jsonb NOT NULL DEFAULT '[]', \"states\" text array NOT NULL DEFAULT '{}', \"background\" text NOT NULL DEFAULT '', \"highlights\" text NOT NULL DEFAULT '', \"outcomes\" text NOT NULL DEFAULT '', \"additional_comments\" text NOT NULL DEFAULT '', \"note_published_at\" TIMESTAMP WITH TIME ZONE, \"created_by_id\" uuid, \"seed_key\" character varying(100), \"version\" integer NOT NULL, CONSTRAINT \"PK_aec8c95c82a37a5791001cdb9ae\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE UNIQUE INDEX \"ux_engagements_seed_key\" ON \"engagements\"  (\"seed_key\") WHERE seed_key IS NOT NULL");
    await queryRunner.query("CREATE TABLE \"engagement_follow_ups\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"engagement_id\" uuid NOT NULL, \"description\" text NOT NULL, \"owner_user_id\" uuid, \"owner_organization_id\" uuid, \"due_date\" date NOT NULL, \"status\" character varying(10) NOT NULL DEFAULT 'open', \"done_at\" TIMESTAMP WITH TIME ZONE, \"version\" integer NOT NULL, CONSTRAINT \"PK_523aff937715171fffc66650289\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"IDX_c2ac3709e1b6bad20b40a6a991\" ON \"engagement_follow_ups\"  (\"engagement_id\") ");
    await queryRunner.query("CREATE INDEX \"IDX_6d7e6e3fe3973374541a82fb98\" ON \"engagement_follow_ups\"  (\"due_date\") ");
    await queryRunner.query("CREATE TABLE \"engagement_prioritisations\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"engagement_id\" uuid NOT NULL, \"action_plan_id\" uuid NOT NULL, \"plan_version\" integer NOT NULL, \"ranking\" jsonb NOT NULL, \"interests\" jsonb NOT NULL, \"decided_by_id\" uuid, \"decided_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"body_hash\" character(64) NOT NULL, CONSTRAINT \"PK_15d50adfa7469781b46f3abf479\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"IDX_d622b263917272ab3ac2838980\" ON \"engagement_prioritisations\"  (\"engagement_id\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"ux_engagement_prioritisations_body\" ON \"engagement_prioritisations\"  (\"engagement_id\", \"action_plan_id\", \"body_hash\") ");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"public\".\"ux_engagement_prioritisations_body\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_d622b263917272ab3ac2838980\"");
    await queryRunner.query("DROP TABLE \"engagement_prioritisations\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_6d7e6e3fe3973374541a82fb98\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_c2ac3709e1b6bad20b40a6a991\"");
    await queryRunner.query("DROP TABLE \"engagement_follow_ups\"");
    await queryRunner.query("DROP INDEX \"public\".\"ux_engagements_seed_key\"");
    await queryRunner.query("DROP TABLE \"engagements\"");
  }
}
