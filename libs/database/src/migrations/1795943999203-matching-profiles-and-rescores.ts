import { MigrationInterface, QueryRunner } from 'typeorm';

export class MatchingProfilesAndRescores1795943999203 implements MigrationInterface {
  name = 'MatchingProfilesAndRescores1795943999203';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"matching_profiles\" (\"version\" integer NOT NULL, \"weights\" jsonb NOT NULL, \"threshold\" double precision NOT NULL, \"top_k\" integer NOT NULL, \"created_by_id\" uuid, \"comment\" text, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"PK_6157e0a83a6d2702bfcc4047ac2\" PRIMARY KEY (\"version\"))");
    await queryRunner.query("CREATE TABLE \"rescore_runs\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"status\" character varying(20) NOT NULL DEFAULT 'queued', \"trigger\" character varying(40) NOT NULL, \"weights_version\" integer, \"total_chunks\" integer NOT NULL DEFAULT '0', \"done_chunks\" integer array NOT NULL DEFAULT '{}', \"chunk_plan\" jsonb, \"requests\" integer NOT NULL DEFAULT '0', \"requested_by_id\" uuid, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"started_at\" TIMESTAMP WITH TIME ZONE, \"finished_at\" TIMESTAMP WITH TIME ZONE, CONSTRAINT \"PK_c806a0522e9d26ef0fde6144b7c\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("ALTER TABLE \"assistance_requests\" ADD \"first_suggestion_at\" TIMESTAMP WITH TIME ZONE");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"assistance_requests\" DROP COLUMN \"first_suggestion_at\"");
    await queryRunner.query("DROP TABLE \"rescore_runs\"");
    await queryRunner.query("DROP TABLE \"matching_profiles\"");
  }
}
