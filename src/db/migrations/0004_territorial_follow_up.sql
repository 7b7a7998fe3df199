CREATE TABLE "indicator_imports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_code" text NOT NULL,
	"kind" text NOT NULL,
	"request" jsonb NOT NULL,
	"started_by" text NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"inserted" integer DEFAULT 0 NOT NULL,
	"updated" integer DEFAULT 0 NOT NULL,
	"unchanged" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "indicator_targets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_code" text NOT NULL,
	"indicator_id" text NOT NULL,
	"area_code" text NOT NULL,
	"sex" text DEFAULT 'total' NOT NULL,
	"value" double precision NOT NULL,
	"year" integer NOT NULL,
	"base_year" integer,
	"source" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
DROP INDEX "indicator_values_area_idx";--> statement-breakpoint
ALTER TABLE "indicator_values" DROP CONSTRAINT "indicator_values_indicator_id_area_code_year_sex_pk";--> statement-breakpoint
ALTER TABLE "indicator_values" ADD CONSTRAINT "indicator_values_region_code_indicator_id_area_code_year_sex_pk" PRIMARY KEY("region_code","indicator_id","area_code","year","sex");--> statement-breakpoint
ALTER TABLE "indicator_values" ADD COLUMN "status" text DEFAULT 'final' NOT NULL;--> statement-breakpoint
ALTER TABLE "indicator_values" ADD COLUMN "import_id" uuid;--> statement-breakpoint
ALTER TABLE "indicators" ADD COLUMN "description_sv" text;--> statement-breakpoint
ALTER TABLE "indicators" ADD COLUMN "description_en" text;--> statement-breakpoint
ALTER TABLE "indicators" ADD COLUMN "source_kind" text DEFAULT 'own' NOT NULL;--> statement-breakpoint
ALTER TABLE "indicators" ADD COLUMN "scb_table" text;--> statement-breakpoint
ALTER TABLE "indicators" ADD COLUMN "polarity" text DEFAULT 'neutral' NOT NULL;--> statement-breakpoint
ALTER TABLE "indicators" ADD COLUMN "split_by_sex" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "indicators" ADD COLUMN "aggregation" text DEFAULT 'none' NOT NULL;--> statement-breakpoint
ALTER TABLE "indicators" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "indicator_imports" ADD CONSTRAINT "indicator_imports_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_targets" ADD CONSTRAINT "indicator_targets_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_targets" ADD CONSTRAINT "indicator_targets_indicator_id_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."indicators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_targets" ADD CONSTRAINT "indicator_targets_area_code_areas_code_fk" FOREIGN KEY ("area_code") REFERENCES "public"."areas"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "indicator_imports_region_idx" ON "indicator_imports" USING btree ("region_code","started_at");--> statement-breakpoint
CREATE UNIQUE INDEX "indicator_targets_unique" ON "indicator_targets" USING btree ("region_code","indicator_id","area_code","sex","year");--> statement-breakpoint
CREATE INDEX "indicator_targets_indicator_idx" ON "indicator_targets" USING btree ("indicator_id");--> statement-breakpoint
ALTER TABLE "indicator_values" ADD CONSTRAINT "indicator_values_import_id_indicator_imports_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."indicator_imports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "indicator_values_map_idx" ON "indicator_values" USING btree ("indicator_id","year","sex","area_code");--> statement-breakpoint
CREATE UNIQUE INDEX "indicators_kolada_kpi_unique" ON "indicators" USING btree ("kolada_kpi") WHERE "indicators"."kolada_kpi" is not null;--> statement-breakpoint
CREATE INDEX "indicator_values_area_idx" ON "indicator_values" USING btree ("area_code","sex","indicator_id","year");