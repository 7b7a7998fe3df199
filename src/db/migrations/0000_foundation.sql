CREATE TABLE "area_relations" (
	"region_code" text NOT NULL,
	"from_code" text NOT NULL,
	"to_code" text NOT NULL,
	"relation" text,
	"confidence" text NOT NULL,
	"source" text,
	CONSTRAINT "area_relations_from_code_to_code_pk" PRIMARY KEY("from_code","to_code")
);
--> statement-breakpoint
CREATE TABLE "areas" (
	"code" text PRIMARY KEY NOT NULL,
	"region_code" text NOT NULL,
	"type" text NOT NULL,
	"name" text NOT NULL,
	"sami_administrative" boolean,
	"sami_administrative_source" text,
	"geometry" jsonb,
	"geometry_source" text,
	"source" text,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "indicator_values" (
	"region_code" text NOT NULL,
	"indicator_id" text NOT NULL,
	"area_code" text NOT NULL,
	"year" integer NOT NULL,
	"sex" text NOT NULL,
	"value" double precision NOT NULL,
	"source" text,
	"imported_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "indicator_values_indicator_id_area_code_year_sex_pk" PRIMARY KEY("indicator_id","area_code","year","sex")
);
--> statement-breakpoint
CREATE TABLE "indicators" (
	"id" text PRIMARY KEY NOT NULL,
	"title_sv" text NOT NULL,
	"title_en" text,
	"unit_sv" text,
	"unit_en" text,
	"source" text,
	"kolada_kpi" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "long_term_priorities" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_code" text NOT NULL,
	"number" integer NOT NULL,
	"document_id" uuid,
	"title_sv" text NOT NULL,
	"title_en" text,
	"description_sv" text,
	"description_en" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "long_term_priorities_region_number" UNIQUE("region_code","number")
);
--> statement-breakpoint
CREATE TABLE "national_strategy_areas" (
	"code" integer PRIMARY KEY NOT NULL,
	"title_sv" text NOT NULL,
	"title_en" text,
	"source" text
);
--> statement-breakpoint
CREATE TABLE "regions" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"authority" text NOT NULL,
	"kolada_id" text,
	"goal_sv" text,
	"goal_en" text,
	"goal_source" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sdg_goals" (
	"goal" integer PRIMARY KEY NOT NULL,
	"title_sv" text,
	"title_en" text NOT NULL,
	"short_sv" text,
	"short_en" text,
	"sv_source" text
);
--> statement-breakpoint
CREATE TABLE "sdg_targets" (
	"id" text PRIMARY KEY NOT NULL,
	"goal" integer NOT NULL,
	"position" integer NOT NULL,
	"title_sv" text,
	"title_en" text NOT NULL,
	"short_sv" text,
	"sv_source" text
);
--> statement-breakpoint
CREATE TABLE "steering_documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_code" text NOT NULL,
	"key" text NOT NULL,
	"kind" text NOT NULL,
	"title_sv" text NOT NULL,
	"title_en" text,
	"diarienummer" text,
	"adopted_on" date,
	"adopted_by" text,
	"valid_from" date,
	"valid_to" date,
	"url" text,
	"source" text,
	"note_sv" text,
	"note_en" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "steering_documents_region_key" UNIQUE("region_code","key")
);
--> statement-breakpoint
CREATE TABLE "strength_areas" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_code" text NOT NULL,
	"slug" text NOT NULL,
	"position" integer NOT NULL,
	"document_id" uuid,
	"name_sv" text NOT NULL,
	"name_en" text,
	"description_sv" text,
	"description_en" text,
	"description_uncertain" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "strength_areas_region_slug" UNIQUE("region_code","slug")
);
--> statement-breakpoint
ALTER TABLE "area_relations" ADD CONSTRAINT "area_relations_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "area_relations" ADD CONSTRAINT "area_relations_from_code_areas_code_fk" FOREIGN KEY ("from_code") REFERENCES "public"."areas"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "area_relations" ADD CONSTRAINT "area_relations_to_code_areas_code_fk" FOREIGN KEY ("to_code") REFERENCES "public"."areas"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "areas" ADD CONSTRAINT "areas_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_values" ADD CONSTRAINT "indicator_values_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_values" ADD CONSTRAINT "indicator_values_indicator_id_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."indicators"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "long_term_priorities" ADD CONSTRAINT "long_term_priorities_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "long_term_priorities" ADD CONSTRAINT "long_term_priorities_document_id_steering_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."steering_documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sdg_targets" ADD CONSTRAINT "sdg_targets_goal_sdg_goals_goal_fk" FOREIGN KEY ("goal") REFERENCES "public"."sdg_goals"("goal") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "steering_documents" ADD CONSTRAINT "steering_documents_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "strength_areas" ADD CONSTRAINT "strength_areas_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "strength_areas" ADD CONSTRAINT "strength_areas_document_id_steering_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."steering_documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "area_relations_to_idx" ON "area_relations" USING btree ("to_code");--> statement-breakpoint
CREATE INDEX "areas_region_type_idx" ON "areas" USING btree ("region_code","type");--> statement-breakpoint
CREATE INDEX "indicator_values_area_idx" ON "indicator_values" USING btree ("area_code","indicator_id");--> statement-breakpoint
CREATE INDEX "indicator_values_region_idx" ON "indicator_values" USING btree ("region_code");--> statement-breakpoint
CREATE INDEX "sdg_targets_goal_idx" ON "sdg_targets" USING btree ("goal");