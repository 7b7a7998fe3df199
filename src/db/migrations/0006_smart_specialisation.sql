CREATE TABLE "s3_area_visions" (
	"strength_area_id" uuid PRIMARY KEY NOT NULL,
	"text_sv" text DEFAULT '' NOT NULL,
	"text_en" text,
	"is_example" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "s3_assessment_scores" (
	"assessment_id" uuid NOT NULL,
	"step" text NOT NULL,
	"factor" integer NOT NULL,
	"score" integer NOT NULL,
	"comment" text,
	CONSTRAINT "s3_assessment_scores_assessment_id_step_factor_pk" PRIMARY KEY("assessment_id","step","factor"),
	CONSTRAINT "s3_assessment_scores_factor" CHECK ("s3_assessment_scores"."factor" between 1 and 3),
	CONSTRAINT "s3_assessment_scores_score" CHECK ("s3_assessment_scores"."score" between 0 and 5)
);
--> statement-breakpoint
CREATE TABLE "s3_assessments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"strength_area_id" uuid NOT NULL,
	"assessed_on" date NOT NULL,
	"assessed_by" text,
	"note" text,
	"is_example" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "s3_initiative_efforts" (
	"initiative_id" uuid NOT NULL,
	"effort_id" uuid NOT NULL,
	CONSTRAINT "s3_initiative_efforts_initiative_id_effort_id_pk" PRIMARY KEY("initiative_id","effort_id")
);
--> statement-breakpoint
CREATE TABLE "s3_initiatives" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"strength_area_id" uuid NOT NULL,
	"sub_area_id" uuid,
	"title" text NOT NULL,
	"description" text,
	"status" text DEFAULT 'proposed' NOT NULL,
	"responsible" text,
	"period" text,
	"is_example" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "s3_inputs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"meeting_id" uuid NOT NULL,
	"strength_area_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"text" text NOT NULL,
	"raised_by_organisation_id" uuid,
	"status" text DEFAULT 'new' NOT NULL,
	"status_reason" text,
	"initiative_id" uuid,
	"is_example" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "s3_lesson_meetings" (
	"lesson_id" uuid NOT NULL,
	"meeting_id" uuid NOT NULL,
	CONSTRAINT "s3_lesson_meetings_lesson_id_meeting_id_pk" PRIMARY KEY("lesson_id","meeting_id")
);
--> statement-breakpoint
CREATE TABLE "s3_lessons" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_code" text NOT NULL,
	"strength_area_id" uuid,
	"title" text NOT NULL,
	"lesson" text NOT NULL,
	"evidence" text,
	"learned_on" date NOT NULL,
	"is_example" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "s3_logic_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"strength_area_id" uuid NOT NULL,
	"initiative_id" uuid,
	"kind" text NOT NULL,
	"position" integer NOT NULL,
	"description" text NOT NULL,
	"indicator_id" text,
	"effort_indicator_id" uuid,
	"target_value" double precision,
	"target_year" integer,
	"is_example" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "s3_meeting_areas" (
	"meeting_id" uuid NOT NULL,
	"strength_area_id" uuid NOT NULL,
	CONSTRAINT "s3_meeting_areas_meeting_id_strength_area_id_pk" PRIMARY KEY("meeting_id","strength_area_id")
);
--> statement-breakpoint
CREATE TABLE "s3_meeting_organisations" (
	"meeting_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	CONSTRAINT "s3_meeting_organisations_meeting_id_organisation_id_pk" PRIMARY KEY("meeting_id","organisation_id")
);
--> statement-breakpoint
CREATE TABLE "s3_meetings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_code" text NOT NULL,
	"title" text NOT NULL,
	"held_on" date NOT NULL,
	"starts_at" text,
	"ends_at" text,
	"place_kind" text NOT NULL,
	"area_code" text,
	"venue" text,
	"format" text NOT NULL,
	"agenda" text,
	"notes" text,
	"count_women" integer,
	"count_men" integer,
	"count_other" integer,
	"registration_open" boolean DEFAULT false NOT NULL,
	"visibility" text DEFAULT 'published' NOT NULL,
	"is_example" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "s3_priority_change_lessons" (
	"change_id" uuid NOT NULL,
	"lesson_id" uuid NOT NULL,
	CONSTRAINT "s3_priority_change_lessons_change_id_lesson_id_pk" PRIMARY KEY("change_id","lesson_id")
);
--> statement-breakpoint
CREATE TABLE "s3_priority_changes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_code" text NOT NULL,
	"strength_area_id" uuid,
	"kind" text NOT NULL,
	"summary" text NOT NULL,
	"decided_on" date NOT NULL,
	"decided_by" text,
	"reference" text,
	"is_example" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "s3_registrations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"meeting_id" uuid NOT NULL,
	"name" text NOT NULL,
	"organisation" text,
	"email" text NOT NULL,
	"consent_version" text NOT NULL,
	"consented_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "s3_steps" (
	"strength_area_id" uuid NOT NULL,
	"step" text NOT NULL,
	"status" text DEFAULT 'not_started' NOT NULL,
	"started_on" date,
	"due_on" date,
	"responsible" text,
	"deliverables" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"note" text,
	"is_example" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "s3_steps_strength_area_id_step_pk" PRIMARY KEY("strength_area_id","step")
);
--> statement-breakpoint
CREATE TABLE "s3_sub_areas" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"strength_area_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"needs" text,
	"is_example" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "s3_area_visions" ADD CONSTRAINT "s3_area_visions_strength_area_id_strength_areas_id_fk" FOREIGN KEY ("strength_area_id") REFERENCES "public"."strength_areas"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "s3_assessment_scores" ADD CONSTRAINT "s3_assessment_scores_assessment_id_s3_assessments_id_fk" FOREIGN KEY ("assessment_id") REFERENCES "public"."s3_assessments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "s3_assessments" ADD CONSTRAINT "s3_assessments_strength_area_id_strength_areas_id_fk" FOREIGN KEY ("strength_area_id") REFERENCES "public"."strength_areas"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "s3_initiative_efforts" ADD CONSTRAINT "s3_initiative_efforts_initiative_id_s3_initiatives_id_fk" FOREIGN KEY ("initiative_id") REFERENCES "public"."s3_initiatives"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "s3_initiative_efforts" ADD CONSTRAINT "s3_initiative_efforts_effort_id_efforts_id_fk" FOREIGN KEY ("effort_id") REFERENCES "public"."efforts"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "s3_initiatives" ADD CONSTRAINT "s3_initiatives_strength_area_id_strength_areas_id_fk" FOREIGN KEY ("strength_area_id") REFERENCES "public"."strength_areas"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "s3_initiatives" ADD CONSTRAINT "s3_initiatives_sub_area_id_s3_sub_areas_id_fk" FOREIGN KEY ("sub_area_id") REFERENCES "public"."s3_sub_areas"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "s3_inputs" ADD CONSTRAINT "s3_inputs_meeting_id_s3_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."s3_meetings"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "s3_inputs" ADD CONSTRAINT "s3_inputs_strength_area_id_strength_areas_id_fk" FOREIGN KEY ("strength_area_id") REFERENCES "public"."strength_areas"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "s3_inputs" ADD CONSTRAINT "s3_inputs_raised_by_organisation_id_organisations_id_fk" FOREIGN KEY ("raised_by_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "s3_inputs" ADD CONSTRAINT "s3_inputs_initiative_id_s3_initiatives_id_fk" FOREIGN KEY ("initiative_id") REFERENCES "public"."s3_initiatives"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "s3_lesson_meetings" ADD CONSTRAINT "s3_lesson_meetings_lesson_id_s3_lessons_id_fk" FOREIGN KEY ("lesson_id") REFERENCES "public"."s3_lessons"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "s3_lesson_meetings" ADD CONSTRAINT "s3_lesson_meetings_meeting_id_s3_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."s3_meetings"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "s3_lessons" ADD CONSTRAINT "s3_lessons_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "s3_lessons" ADD CONSTRAINT "s3_lessons_strength_area_id_strength_areas_id_fk" FOREIGN KEY ("strength_area_id") REFERENCES "public"."strength_areas"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "s3_logic_items" ADD CONSTRAINT "s3_logic_items_strength_area_id_strength_areas_id_fk" FOREIGN KEY ("strength_area_id") REFERENCES "public"."strength_areas"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "s3_logic_items" ADD CONSTRAINT "s3_logic_items_initiative_id_s3_initiatives_id_fk" FOREIGN KEY ("initiative_id") REFERENCES "public"."s3_initiatives"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "s3_logic_items" ADD CONSTRAINT "s3_logic_items_indicator_id_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."indicators"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "s3_logic_items" ADD CONSTRAINT "s3_logic_items_effort_indicator_id_effort_indicators_id_fk" FOREIGN KEY ("effort_indicator_id") REFERENCES "public"."effort_indicators"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "s3_meeting_areas" ADD CONSTRAINT "s3_meeting_areas_meeting_id_s3_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."s3_meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "s3_meeting_areas" ADD CONSTRAINT "s3_meeting_areas_strength_area_id_strength_areas_id_fk" FOREIGN KEY ("strength_area_id") REFERENCES "public"."strength_areas"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "s3_meeting_organisations" ADD CONSTRAINT "s3_meeting_organisations_meeting_id_s3_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."s3_meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "s3_meeting_organisations" ADD CONSTRAINT "s3_meeting_organisations_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "s3_meetings" ADD CONSTRAINT "s3_meetings_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "s3_meetings" ADD CONSTRAINT "s3_meetings_area_code_areas_code_fk" FOREIGN KEY ("area_code") REFERENCES "public"."areas"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "s3_priority_change_lessons" ADD CONSTRAINT "s3_priority_change_lessons_change_id_s3_priority_changes_id_fk" FOREIGN KEY ("change_id") REFERENCES "public"."s3_priority_changes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "s3_priority_change_lessons" ADD CONSTRAINT "s3_priority_change_lessons_lesson_id_s3_lessons_id_fk" FOREIGN KEY ("lesson_id") REFERENCES "public"."s3_lessons"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "s3_priority_changes" ADD CONSTRAINT "s3_priority_changes_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "s3_priority_changes" ADD CONSTRAINT "s3_priority_changes_strength_area_id_strength_areas_id_fk" FOREIGN KEY ("strength_area_id") REFERENCES "public"."strength_areas"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "s3_registrations" ADD CONSTRAINT "s3_registrations_meeting_id_s3_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."s3_meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "s3_steps" ADD CONSTRAINT "s3_steps_strength_area_id_strength_areas_id_fk" FOREIGN KEY ("strength_area_id") REFERENCES "public"."strength_areas"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "s3_sub_areas" ADD CONSTRAINT "s3_sub_areas_strength_area_id_strength_areas_id_fk" FOREIGN KEY ("strength_area_id") REFERENCES "public"."strength_areas"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "s3_assessments_area_idx" ON "s3_assessments" USING btree ("strength_area_id","assessed_on");--> statement-breakpoint
CREATE INDEX "s3_initiative_efforts_effort_idx" ON "s3_initiative_efforts" USING btree ("effort_id");--> statement-breakpoint
CREATE INDEX "s3_initiatives_area_idx" ON "s3_initiatives" USING btree ("strength_area_id");--> statement-breakpoint
CREATE INDEX "s3_initiatives_sub_area_idx" ON "s3_initiatives" USING btree ("sub_area_id");--> statement-breakpoint
CREATE INDEX "s3_inputs_meeting_idx" ON "s3_inputs" USING btree ("meeting_id");--> statement-breakpoint
CREATE INDEX "s3_inputs_area_idx" ON "s3_inputs" USING btree ("strength_area_id");--> statement-breakpoint
CREATE INDEX "s3_inputs_initiative_idx" ON "s3_inputs" USING btree ("initiative_id");--> statement-breakpoint
CREATE INDEX "s3_lesson_meetings_meeting_idx" ON "s3_lesson_meetings" USING btree ("meeting_id");--> statement-breakpoint
CREATE INDEX "s3_lessons_region_idx" ON "s3_lessons" USING btree ("region_code","learned_on");--> statement-breakpoint
CREATE INDEX "s3_logic_items_area_idx" ON "s3_logic_items" USING btree ("strength_area_id");--> statement-breakpoint
CREATE INDEX "s3_logic_items_initiative_idx" ON "s3_logic_items" USING btree ("initiative_id");--> statement-breakpoint
CREATE INDEX "s3_meeting_areas_area_idx" ON "s3_meeting_areas" USING btree ("strength_area_id");--> statement-breakpoint
CREATE INDEX "s3_meeting_organisations_organisation_idx" ON "s3_meeting_organisations" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "s3_meetings_region_date_idx" ON "s3_meetings" USING btree ("region_code","held_on");--> statement-breakpoint
CREATE INDEX "s3_priority_change_lessons_lesson_idx" ON "s3_priority_change_lessons" USING btree ("lesson_id");--> statement-breakpoint
CREATE INDEX "s3_priority_changes_region_idx" ON "s3_priority_changes" USING btree ("region_code","decided_on");--> statement-breakpoint
CREATE UNIQUE INDEX "s3_registrations_meeting_email" ON "s3_registrations" USING btree ("meeting_id",lower("email"));--> statement-breakpoint
CREATE INDEX "s3_sub_areas_area_idx" ON "s3_sub_areas" USING btree ("strength_area_id");