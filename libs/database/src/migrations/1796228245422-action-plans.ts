import { MigrationInterface, QueryRunner } from 'typeorm';

export class ActionPlans1796228245422 implements MigrationInterface {
  name = 'ActionPlans1796228245422';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"action_plans\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"state\" character(3) NOT NULL, \"organization_id\" uuid NOT NULL, \"title\" character varying(200) NOT NULL, \"description\" text, \"status\" character varying(12) NOT NULL DEFAULT 'draft', \"submitted_on\" date, \"revision\" integer NOT NULL DEFAULT '0', \"shared_with_providers\" boolean NOT NULL DEFAULT false, \"public_summary\" text, \"created_by_id\" uuid, \"version\" integer NOT NULL, CONSTRAINT \"PK_969b73b0a2c013da5849ac154fb\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"ix_action_plans_state\" ON \"action_plans\"  (\"state\") ");
    await queryRunner.query("CREATE TABLE \"action_plan_versions\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"plan_id\" uuid NOT NULL, \"revision\" integer NOT NULL, \"changes\" jsonb NOT NULL DEFAULT '[]', \"snapshot\" jsonb NOT NULL, \"note\" text, \"engagement_id\" uuid, \"created_by_id\" uuid, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"PK_c133515e19e20c2bcff7d62cc19\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE UNIQUE INDEX \"ux_action_plan_versions_plan_revision\" ON \"action_plan_versions\"  (\"plan_id\", \"revision\") ");
    await queryRunner.query("CREATE TABLE \"action_plan_items\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"plan_id\" uuid NOT NULL, \"code\" character varying(20), \"title\" character varying(200) NOT NULL, \"description\" text NOT NULL DEFAULT '', \"provisions\" text array NOT NULL DEFAULT '{}', \"domains\" text array NOT NULL DEFAULT '{}', \"lead_agency_id\" uuid, \"partner_agency_ids\" uuid array NOT NULL DEFAULT '{}', \"priority_rank\" integer, \"priority_level\" character varying(10) NOT NULL DEFAULT 'medium', \"prioritised_at\" TIMESTAMP WITH TIME ZONE, \"prioritised_by_id\" uuid, \"prioritised_in_engagement_id\" uuid, \"target_date\" date, \"status\" character varying(20) NOT NULL DEFAULT 'planned', \"assistance_needed\" boolean NOT NULL DEFAULT false, \"proposed\" boolean NOT NULL DEFAULT false, \"created_by_id\" uuid, \"version\" integer NOT NULL, CONSTRAINT \"PK_5f1b8e9fd5dd6762aee9ea4663b\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"ix_action_plan_items_plan_rank\" ON \"action_plan_items\"  (\"plan_id\", \"priority_rank\") ");
    await queryRunner.query("CREATE TABLE \"action_plan_item_notes\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"item_id\" uuid NOT NULL, \"kind\" character varying(12) NOT NULL DEFAULT 'progress', \"text\" text NOT NULL, \"author_id\" uuid, \"author_organization_id\" uuid, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"PK_76bee429adab7ed696ed239a1ea\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"ix_action_plan_item_notes_item\" ON \"action_plan_item_notes\"  (\"item_id\", \"created_at\") ");
    await queryRunner.query("CREATE TABLE \"action_plan_item_interests\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"item_id\" uuid NOT NULL, \"provider_organization_id\" uuid NOT NULL, \"offer_id\" uuid, \"programme\" character varying(200), \"note\" text, \"engagement_id\" uuid, \"match_id\" uuid, \"created_by_id\" uuid, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"PK_8265e2525d29b8e0090dc7bc49c\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"ix_action_plan_item_interests_provider\" ON \"action_plan_item_interests\"  (\"provider_organization_id\") ");
    // Written by hand (TypeORM cannot express NULLS NOT DISTINCT); the entity marks it synchronize: false. One
    // interest per (item, provider, offer), and one offer-less interest per (item, provider).
    await queryRunner.query('CREATE UNIQUE INDEX "ux_action_plan_item_interests_key" ON "action_plan_item_interests" ("item_id", "provider_organization_id", "offer_id") NULLS NOT DISTINCT');
    await queryRunner.query("ALTER TABLE \"assistance_requests\" ADD \"action_plan_item_id\" uuid");
    await queryRunner.query("CREATE INDEX \"IDX_8324631ec9cce47cc03618d727\" ON \"assistance_requests\"  (\"action_plan_item_id\") ");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"public\".\"IDX_8324631ec9cce47cc03618d727\"");
    await queryRunner.query("ALTER TABLE \"assistance_requests\" DROP COLUMN \"action_plan_item_id\"");
    await queryRunner.query('DROP INDEX "public"."ux_action_plan_item_interests_key"');
    await queryRunner.query("DROP INDEX \"public\".\"ix_action_plan_item_interests_provider\"");
    await queryRunner.query("DROP TABLE \"action_plan_item_interests\"");
    await queryRunner.query("DROP INDEX \"public\".\"ix_action_plan_item_notes_item\"");
    await queryRunner.query("DROP TABLE \"action_plan_item_notes\"");
    await queryRunner.query("DROP INDEX \"public\".\"ix_action_plan_items_plan_rank\"");
    await queryRunner.query("DROP TABLE \"action_plan_items\"");
    await queryRunner.query("DROP INDEX \"public\".\"ux_action_plan_versions_plan_revision\"");
    await queryRunner.query("DROP TABLE \"action_plan_versions\"");
    await queryRunner.query("DROP INDEX \"public\".\"ix_action_plans_state\"");
    await queryRunner.query("DROP TABLE \"action_plans\"");
  }
}
