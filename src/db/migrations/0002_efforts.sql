CREATE TABLE "effort_assessments" (
	"effort_id" uuid NOT NULL,
	"dimension" text NOT NULL,
	"score" integer NOT NULL,
	"rationale" text,
	"assessed_by_user_id" uuid,
	"assessed_by_label" text NOT NULL,
	"assessed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "effort_assessments_effort_id_dimension_pk" PRIMARY KEY("effort_id","dimension"),
	CONSTRAINT "effort_assessments_score_range" CHECK ("effort_assessments"."score" between -3 and 3)
);
--> statement-breakpoint
CREATE TABLE "effort_funding" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"effort_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"source" text NOT NULL,
	"financier_organisation_id" uuid,
	"year" integer NOT NULL,
	"amount_sek" bigint NOT NULL,
	"status" text NOT NULL,
	CONSTRAINT "effort_funding_amount_not_negative" CHECK ("effort_funding"."amount_sek" >= 0)
);
--> statement-breakpoint
CREATE TABLE "effort_indicator_values" (
	"indicator_id" uuid NOT NULL,
	"period" text NOT NULL,
	"sex" text NOT NULL,
	"area_code" text DEFAULT '' NOT NULL,
	"actual" double precision NOT NULL,
	CONSTRAINT "effort_indicator_values_indicator_id_period_sex_area_code_pk" PRIMARY KEY("indicator_id","period","sex","area_code")
);
--> statement-breakpoint
CREATE TABLE "effort_indicators" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"effort_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"unit" text NOT NULL,
	"baseline" double precision,
	"target" double precision
);
--> statement-breakpoint
CREATE TABLE "effort_national_areas" (
	"effort_id" uuid NOT NULL,
	"national_area_code" integer NOT NULL,
	CONSTRAINT "effort_national_areas_effort_id_national_area_code_pk" PRIMARY KEY("effort_id","national_area_code")
);
--> statement-breakpoint
CREATE TABLE "effort_partners" (
	"effort_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"role" text NOT NULL,
	CONSTRAINT "effort_partners_effort_id_organisation_id_role_pk" PRIMARY KEY("effort_id","organisation_id","role")
);
--> statement-breakpoint
CREATE TABLE "effort_priorities" (
	"effort_id" uuid NOT NULL,
	"priority_id" uuid NOT NULL,
	CONSTRAINT "effort_priorities_effort_id_priority_id_pk" PRIMARY KEY("effort_id","priority_id")
);
--> statement-breakpoint
CREATE TABLE "effort_reach" (
	"effort_id" uuid NOT NULL,
	"area_code" text NOT NULL,
	"share_hundredths" integer NOT NULL,
	CONSTRAINT "effort_reach_effort_id_area_code_pk" PRIMARY KEY("effort_id","area_code")
);
--> statement-breakpoint
CREATE TABLE "effort_samebyar" (
	"effort_id" uuid NOT NULL,
	"area_code" text NOT NULL,
	CONSTRAINT "effort_samebyar_effort_id_area_code_pk" PRIMARY KEY("effort_id","area_code")
);
--> statement-breakpoint
CREATE TABLE "effort_sdg_targets" (
	"effort_id" uuid NOT NULL,
	"sdg_target_id" text NOT NULL,
	CONSTRAINT "effort_sdg_targets_effort_id_sdg_target_id_pk" PRIMARY KEY("effort_id","sdg_target_id")
);
--> statement-breakpoint
CREATE TABLE "effort_strength_areas" (
	"effort_id" uuid NOT NULL,
	"strength_area_id" uuid NOT NULL,
	CONSTRAINT "effort_strength_areas_effort_id_strength_area_id_pk" PRIMARY KEY("effort_id","strength_area_id")
);
--> statement-breakpoint
CREATE TABLE "efforts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_code" text NOT NULL,
	"title" text NOT NULL,
	"summary" text,
	"description" text,
	"diarienummer" text,
	"status" text NOT NULL,
	"start_date" date,
	"end_date" date,
	"owner_organisation_id" uuid,
	"target_groups" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"reach_whole_county" boolean DEFAULT false NOT NULL,
	"visibility" text DEFAULT 'internal' NOT NULL,
	"is_example" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "effort_assessments" ADD CONSTRAINT "effort_assessments_effort_id_efforts_id_fk" FOREIGN KEY ("effort_id") REFERENCES "public"."efforts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "effort_funding" ADD CONSTRAINT "effort_funding_effort_id_efforts_id_fk" FOREIGN KEY ("effort_id") REFERENCES "public"."efforts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "effort_funding" ADD CONSTRAINT "effort_funding_financier_organisation_id_organisations_id_fk" FOREIGN KEY ("financier_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "effort_indicator_values" ADD CONSTRAINT "effort_indicator_values_indicator_id_effort_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."effort_indicators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "effort_indicators" ADD CONSTRAINT "effort_indicators_effort_id_efforts_id_fk" FOREIGN KEY ("effort_id") REFERENCES "public"."efforts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "effort_national_areas" ADD CONSTRAINT "effort_national_areas_effort_id_efforts_id_fk" FOREIGN KEY ("effort_id") REFERENCES "public"."efforts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "effort_national_areas" ADD CONSTRAINT "effort_national_areas_national_area_code_national_strategy_areas_code_fk" FOREIGN KEY ("national_area_code") REFERENCES "public"."national_strategy_areas"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "effort_partners" ADD CONSTRAINT "effort_partners_effort_id_efforts_id_fk" FOREIGN KEY ("effort_id") REFERENCES "public"."efforts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "effort_partners" ADD CONSTRAINT "effort_partners_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "effort_priorities" ADD CONSTRAINT "effort_priorities_effort_id_efforts_id_fk" FOREIGN KEY ("effort_id") REFERENCES "public"."efforts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "effort_priorities" ADD CONSTRAINT "effort_priorities_priority_id_long_term_priorities_id_fk" FOREIGN KEY ("priority_id") REFERENCES "public"."long_term_priorities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "effort_reach" ADD CONSTRAINT "effort_reach_effort_id_efforts_id_fk" FOREIGN KEY ("effort_id") REFERENCES "public"."efforts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "effort_reach" ADD CONSTRAINT "effort_reach_area_code_areas_code_fk" FOREIGN KEY ("area_code") REFERENCES "public"."areas"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "effort_samebyar" ADD CONSTRAINT "effort_samebyar_effort_id_efforts_id_fk" FOREIGN KEY ("effort_id") REFERENCES "public"."efforts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "effort_samebyar" ADD CONSTRAINT "effort_samebyar_area_code_areas_code_fk" FOREIGN KEY ("area_code") REFERENCES "public"."areas"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "effort_sdg_targets" ADD CONSTRAINT "effort_sdg_targets_effort_id_efforts_id_fk" FOREIGN KEY ("effort_id") REFERENCES "public"."efforts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "effort_sdg_targets" ADD CONSTRAINT "effort_sdg_targets_sdg_target_id_sdg_targets_id_fk" FOREIGN KEY ("sdg_target_id") REFERENCES "public"."sdg_targets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "effort_strength_areas" ADD CONSTRAINT "effort_strength_areas_effort_id_efforts_id_fk" FOREIGN KEY ("effort_id") REFERENCES "public"."efforts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "effort_strength_areas" ADD CONSTRAINT "effort_strength_areas_strength_area_id_strength_areas_id_fk" FOREIGN KEY ("strength_area_id") REFERENCES "public"."strength_areas"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "efforts" ADD CONSTRAINT "efforts_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "efforts" ADD CONSTRAINT "efforts_owner_organisation_id_organisations_id_fk" FOREIGN KEY ("owner_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "effort_funding_effort_idx" ON "effort_funding" USING btree ("effort_id");--> statement-breakpoint
CREATE INDEX "effort_indicators_effort_idx" ON "effort_indicators" USING btree ("effort_id");--> statement-breakpoint
CREATE INDEX "effort_partners_organisation_idx" ON "effort_partners" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "effort_priorities_priority_idx" ON "effort_priorities" USING btree ("priority_id");--> statement-breakpoint
CREATE INDEX "effort_reach_area_idx" ON "effort_reach" USING btree ("area_code");--> statement-breakpoint
CREATE INDEX "effort_sdg_targets_target_idx" ON "effort_sdg_targets" USING btree ("sdg_target_id");--> statement-breakpoint
CREATE INDEX "effort_strength_areas_area_idx" ON "effort_strength_areas" USING btree ("strength_area_id");--> statement-breakpoint
CREATE INDEX "efforts_region_idx" ON "efforts" USING btree ("region_code");--> statement-breakpoint
CREATE INDEX "efforts_owner_idx" ON "efforts" USING btree ("owner_organisation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "efforts_region_diarienummer" ON "efforts" USING btree ("region_code","diarienummer") WHERE "efforts"."diarienummer" is not null;--> statement-breakpoint
CREATE INDEX "efforts_search_idx" ON "efforts" USING gin (to_tsvector('swedish', coalesce("title", '') || ' ' || coalesce("summary", '') || ' ' || coalesce("description", '')));