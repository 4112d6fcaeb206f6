import { MigrationInterface, QueryRunner } from 'typeorm';

export class RequestsOffersMatches1795943419744 implements MigrationInterface {
  name = 'RequestsOffersMatches1795943419744';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"assistance_offers\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"organization_id\" uuid NOT NULL, \"created_by_id\" uuid, \"title\" character varying(200) NOT NULL, \"description\" text NOT NULL, \"programme\" character varying(200), \"provisions\" text array NOT NULL DEFAULT '{}', \"domains\" text array NOT NULL DEFAULT '{}', \"assistance_types\" text array NOT NULL DEFAULT '{}', \"target_institutions\" text array NOT NULL DEFAULT '{}', \"eligible_regions\" text array NOT NULL DEFAULT '{}', \"eligible_states\" text array NOT NULL DEFAULT '{}', \"delivery_modes\" text array NOT NULL DEFAULT '{}', \"languages\" text array NOT NULL DEFAULT '{}', \"capacity_engagements\" integer, \"capacity_budget_amount\" bigint, \"capacity_budget_currency\" character(3), \"engagements_used\" integer NOT NULL DEFAULT '0', \"available_from\" date, \"available_until\" date, \"status\" character varying(30) NOT NULL DEFAULT 'draft', \"submitted_at\" TIMESTAMP WITH TIME ZONE, \"verified_at\" TIMESTAMP WITH TIME ZONE, \"closed_at\" TIMESTAMP WITH TIME ZONE, \"version\" integer NOT NULL, CONSTRAINT \"PK_f8cb1dd668f0d13e25ba5eaa771\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"IDX_fe1e1475955b03286a52130d76\" ON \"assistance_offers\"  (\"organization_id\") ");
    await queryRunner.query("CREATE INDEX \"IDX_5bfe444d2bdaadd84e8926dc54\" ON \"assistance_offers\"  (\"available_until\") ");
    await queryRunner.query("CREATE INDEX \"IDX_e61fe92f32d2bc4333974a047c\" ON \"assistance_offers\"  (\"status\") ");
    await queryRunner.query("CREATE TABLE \"assistance_requests\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"reference\" character varying(20) NOT NULL, \"state\" character(3) NOT NULL, \"organization_id\" uuid NOT NULL, \"created_by_id\" uuid, \"title\" character varying(200) NOT NULL, \"description\" text NOT NULL, \"provisions\" text array NOT NULL DEFAULT '{}', \"domains\" text array NOT NULL DEFAULT '{}', \"assistance_types\" text array NOT NULL DEFAULT '{}', \"target_institutions\" text array NOT NULL DEFAULT '{}', \"priority\" character varying(10) NOT NULL DEFAULT 'medium', \"estimated_cost_amount\" bigint, \"estimated_cost_currency\" character(3), \"desired_start\" date, \"desired_end\" date, \"languages\" text array NOT NULL DEFAULT '{}', \"preferred_provider_ids\" uuid array NOT NULL DEFAULT '{}', \"assistance_received\" text, \"nap_reference\" character varying(100), \"letter_date\" date, \"visibility\" character varying(12) NOT NULL DEFAULT 'providers', \"objection_window_waived\" boolean NOT NULL DEFAULT false, \"status\" character varying(30) NOT NULL DEFAULT 'draft', \"close_reason\" character varying(30), \"submitted_at\" TIMESTAMP WITH TIME ZONE, \"acknowledged_at\" TIMESTAMP WITH TIME ZONE, \"circulated_at\" TIMESTAMP WITH TIME ZONE, \"matched_at\" TIMESTAMP WITH TIME ZONE, \"delivery_started_at\" TIMESTAMP WITH TIME ZONE, \"delivered_at\" TIMESTAMP WITH TIME ZONE, \"closed_at\" TIMESTAMP WITH TIME ZONE, \"withdrawn_at\" TIMESTAMP WITH TIME ZONE, \"version\" integer NOT NULL, CONSTRAINT \"PK_944a7bc065921be9d453c8d4957\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_10ea89e9f9018128a5ffab1516\" ON \"assistance_requests\"  (\"reference\") ");
    await queryRunner.query("CREATE INDEX \"IDX_304b2179ec1883b3f93947970b\" ON \"assistance_requests\"  (\"organization_id\") ");
    await queryRunner.query("CREATE INDEX \"IDX_ff4623611cc44d8df28780e721\" ON \"assistance_requests\"  (\"status\") ");
    await queryRunner.query("CREATE INDEX \"ix_assistance_requests_state_status\" ON \"assistance_requests\"  (\"state\", \"status\") ");
    await queryRunner.query("CREATE TABLE \"matches\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"request_id\" uuid NOT NULL, \"offer_id\" uuid NOT NULL, \"score\" double precision, \"components\" jsonb NOT NULL DEFAULT '[]', \"reason\" text NOT NULL DEFAULT '', \"engine_version\" character varying(20), \"weights_version\" integer, \"scored_at\" TIMESTAMP WITH TIME ZONE, \"origin\" character varying(20) NOT NULL, \"status\" character varying(20) NOT NULL DEFAULT 'suggested', \"notes\" text, \"created_by_id\" uuid, \"endorsed_at\" TIMESTAMP WITH TIME ZONE, \"answered_at\" TIMESTAMP WITH TIME ZONE, \"agreed_at\" TIMESTAMP WITH TIME ZONE, \"completed_at\" TIMESTAMP WITH TIME ZONE, \"decline_reason\" text, \"requester_rating\" smallint, \"requester_comment\" text, \"provider_rating\" smallint, \"provider_comment\" text, \"version\" integer NOT NULL, CONSTRAINT \"PK_8a22c7b2e0828988d51256117f4\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"IDX_c424b8d08d23c66d2fb0a4b039\" ON \"matches\"  (\"offer_id\") ");
    await queryRunner.query("CREATE INDEX \"IDX_a182c2c9602fbab4e0cf680090\" ON \"matches\"  (\"status\") ");
    await queryRunner.query("CREATE INDEX \"ix_matches_request_score\" ON \"matches\"  (\"request_id\", \"score\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"ux_matches_request_offer\" ON \"matches\"  (\"request_id\", \"offer_id\") ");
    await queryRunner.query("CREATE TABLE \"request_reference_counters\" (\"state\" character(3) NOT NULL, \"year\" integer NOT NULL, \"last\" integer NOT NULL, CONSTRAINT \"PK_938bcd2f5bfcd5cd58fc6132aa5\" PRIMARY KEY (\"state\", \"year\"))");
    // Search over title and description: full text (the 'simple' configuration works for Cyrillic as for
    // Latin text) and trigrams for partial words. Written by hand; the entities mark them synchronize: false.
    await queryRunner.query('CREATE EXTENSION IF NOT EXISTS pg_trgm');
    for (const table of ['assistance_requests', 'assistance_offers']) {
      await queryRunner.query(
        `CREATE INDEX "ix_${table}_fts" ON "${table}" USING gin (to_tsvector('simple', title || ' ' || description))`,
      );
      await queryRunner.query(
        `CREATE INDEX "ix_${table}_trgm" ON "${table}" USING gin ((title || ' ' || description) gin_trgm_ops)`,
      );
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['assistance_requests', 'assistance_offers']) {
      await queryRunner.query(`DROP INDEX "ix_${table}_fts"`);
      await queryRunner.query(`DROP INDEX "ix_${table}_trgm"`);
    }
    await queryRunner.query("DROP TABLE \"request_reference_counters\"");
    await queryRunner.query("DROP INDEX \"public\".\"ux_matches_request_offer\"");
    await queryRunner.query("DROP INDEX \"public\".\"ix_matches_request_score\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_a182c2c9602fbab4e0cf680090\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_c424b8d08d23c66d2fb0a4b039\"");
    await queryRunner.query("DROP TABLE \"matches\"");
    await queryRunner.query("DROP INDEX \"public\".\"ix_assistance_requests_state_status\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_ff4623611cc44d8df28780e721\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_304b2179ec1883b3f93947970b\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_10ea89e9f9018128a5ffab1516\"");
    await queryRunner.query("DROP TABLE \"assistance_requests\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_e61fe92f32d2bc4333974a047c\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_5bfe444d2bdaadd84e8926dc54\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_fe1e1475955b03286a52130d76\"");
    await queryRunner.query("DROP TABLE \"assistance_offers\"");
  }
}
