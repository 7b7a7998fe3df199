CREATE TABLE "conflict_suggestion_decisions" (
	"region_code" text NOT NULL,
	"suggestion_key" text NOT NULL,
	"inputs_hash" text NOT NULL,
	"decision" text NOT NULL,
	"reason" text,
	"conflict_id" uuid,
	"decided_by_label" text NOT NULL,
	"decided_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "conflict_suggestion_decisions_region_code_suggestion_key_pk" PRIMARY KEY("region_code","suggestion_key")
);
--> statement-breakpoint
CREATE TABLE "goal_conflict_actors" (
	"conflict_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	CONSTRAINT "goal_conflict_actors_conflict_id_organisation_id_pk" PRIMARY KEY("conflict_id","organisation_id")
);
--> statement-breakpoint
CREATE TABLE "goal_conflict_efforts" (
	"conflict_id" uuid NOT NULL,
	"effort_id" uuid NOT NULL,
	CONSTRAINT "goal_conflict_efforts_conflict_id_effort_id_pk" PRIMARY KEY("conflict_id","effort_id")
);
--> statement-breakpoint
CREATE TABLE "goal_conflict_goals" (
	"conflict_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"kind" text NOT NULL,
	"priority_id" uuid,
	"strength_area_id" uuid,
	"national_area_code" integer,
	"sdg_target_id" text,
	"free_text" text,
	CONSTRAINT "goal_conflict_goals_conflict_id_position_pk" PRIMARY KEY("conflict_id","position"),
	CONSTRAINT "goal_conflict_goals_one_reference" CHECK ((case "goal_conflict_goals"."kind" when 'priority' then "goal_conflict_goals"."priority_id" is not null when 'strength_area' then "goal_conflict_goals"."strength_area_id" is not null when 'national_area' then "goal_conflict_goals"."national_area_code" is not null when 'sdg_target' then "goal_conflict_goals"."sdg_target_id" is not null else "goal_conflict_goals"."free_text" is not null end))
);
--> statement-breakpoint
CREATE TABLE "goal_conflict_places" (
	"conflict_id" uuid NOT NULL,
	"area_code" text NOT NULL,
	CONSTRAINT "goal_conflict_places_conflict_id_area_code_pk" PRIMARY KEY("conflict_id","area_code")
);
--> statement-breakpoint
CREATE TABLE "goal_conflict_steps" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"conflict_id" uuid NOT NULL,
	"sequence" integer NOT NULL,
	"status" text NOT NULL,
	"step_date" date NOT NULL,
	"text" text NOT NULL,
	"handling" text,
	"justification" text,
	"follow_up_indicator_id" text,
	"is_example" boolean DEFAULT false NOT NULL,
	"recorded_by_user_id" uuid,
	"recorded_by_label" text NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "goal_conflict_steps_sequence" UNIQUE("conflict_id","sequence")
);
--> statement-breakpoint
CREATE TABLE "goal_conflicts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_code" text NOT NULL,
	"title" text NOT NULL,
	"title_sort" text DEFAULT '' NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"dimensions" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"severity" integer NOT NULL,
	"made_visible_by" text NOT NULL,
	"status" text DEFAULT 'identified' NOT NULL,
	"decisions" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"sources" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"suggestion_key" text,
	"visibility" text DEFAULT 'internal' NOT NULL,
	"is_example" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "goal_conflicts_severity_range" CHECK ("goal_conflicts"."severity" between 1 and 3)
);
--> statement-breakpoint
CREATE TABLE "interaction_matrices" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_code" text NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"visibility" text DEFAULT 'internal' NOT NULL,
	"is_example" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "interaction_matrix_nodes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"matrix_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"kind" text NOT NULL,
	"ref" text,
	"label" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "interaction_matrix_scorers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"matrix_id" uuid NOT NULL,
	"name" text NOT NULL,
	CONSTRAINT "interaction_matrix_scorers_name" UNIQUE("matrix_id","name")
);
--> statement-breakpoint
CREATE TABLE "interaction_matrix_scores" (
	"scorer_id" uuid NOT NULL,
	"row_node_id" uuid NOT NULL,
	"column_node_id" uuid NOT NULL,
	"score" integer NOT NULL,
	"rationale" text,
	CONSTRAINT "interaction_matrix_scores_scorer_id_row_node_id_column_node_id_pk" PRIMARY KEY("scorer_id","row_node_id","column_node_id"),
	CONSTRAINT "interaction_matrix_scores_range" CHECK ("interaction_matrix_scores"."score" between -3 and 3),
	CONSTRAINT "interaction_matrix_scores_off_diagonal" CHECK ("interaction_matrix_scores"."row_node_id" <> "interaction_matrix_scores"."column_node_id")
);
--> statement-breakpoint
CREATE TABLE "sami_consultation_parties" (
	"consultation_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	CONSTRAINT "sami_consultation_parties_consultation_id_organisation_id_pk" PRIMARY KEY("consultation_id","organisation_id")
);
--> statement-breakpoint
CREATE TABLE "sami_consultations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_code" text NOT NULL,
	"matter_kind" text NOT NULL,
	"matter_title" text NOT NULL,
	"effort_id" uuid,
	"significance" text DEFAULT '' NOT NULL,
	"initiated_by" text NOT NULL,
	"requested_on" date,
	"meetings" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"form" text,
	"documents" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"outcome" text DEFAULT 'pending' NOT NULL,
	"outcome_on" date,
	"outcome_note" text,
	"exemption_ground" text,
	"decision_text" text,
	"decision_on" date,
	"is_example" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "conflict_suggestion_decisions" ADD CONSTRAINT "conflict_suggestion_decisions_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conflict_suggestion_decisions" ADD CONSTRAINT "conflict_suggestion_decisions_conflict_id_goal_conflicts_id_fk" FOREIGN KEY ("conflict_id") REFERENCES "public"."goal_conflicts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goal_conflict_actors" ADD CONSTRAINT "goal_conflict_actors_conflict_id_goal_conflicts_id_fk" FOREIGN KEY ("conflict_id") REFERENCES "public"."goal_conflicts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goal_conflict_actors" ADD CONSTRAINT "goal_conflict_actors_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goal_conflict_efforts" ADD CONSTRAINT "goal_conflict_efforts_conflict_id_goal_conflicts_id_fk" FOREIGN KEY ("conflict_id") REFERENCES "public"."goal_conflicts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goal_conflict_efforts" ADD CONSTRAINT "goal_conflict_efforts_effort_id_efforts_id_fk" FOREIGN KEY ("effort_id") REFERENCES "public"."efforts"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goal_conflict_goals" ADD CONSTRAINT "goal_conflict_goals_conflict_id_goal_conflicts_id_fk" FOREIGN KEY ("conflict_id") REFERENCES "public"."goal_conflicts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goal_conflict_goals" ADD CONSTRAINT "goal_conflict_goals_priority_id_long_term_priorities_id_fk" FOREIGN KEY ("priority_id") REFERENCES "public"."long_term_priorities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goal_conflict_goals" ADD CONSTRAINT "goal_conflict_goals_strength_area_id_strength_areas_id_fk" FOREIGN KEY ("strength_area_id") REFERENCES "public"."strength_areas"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goal_conflict_goals" ADD CONSTRAINT "goal_conflict_goals_national_area_code_national_strategy_areas_code_fk" FOREIGN KEY ("national_area_code") REFERENCES "public"."national_strategy_areas"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goal_conflict_goals" ADD CONSTRAINT "goal_conflict_goals_sdg_target_id_sdg_targets_id_fk" FOREIGN KEY ("sdg_target_id") REFERENCES "public"."sdg_targets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goal_conflict_places" ADD CONSTRAINT "goal_conflict_places_conflict_id_goal_conflicts_id_fk" FOREIGN KEY ("conflict_id") REFERENCES "public"."goal_conflicts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goal_conflict_places" ADD CONSTRAINT "goal_conflict_places_area_code_areas_code_fk" FOREIGN KEY ("area_code") REFERENCES "public"."areas"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goal_conflict_steps" ADD CONSTRAINT "goal_conflict_steps_conflict_id_goal_conflicts_id_fk" FOREIGN KEY ("conflict_id") REFERENCES "public"."goal_conflicts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goal_conflict_steps" ADD CONSTRAINT "goal_conflict_steps_follow_up_indicator_id_indicators_id_fk" FOREIGN KEY ("follow_up_indicator_id") REFERENCES "public"."indicators"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goal_conflicts" ADD CONSTRAINT "goal_conflicts_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interaction_matrices" ADD CONSTRAINT "interaction_matrices_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interaction_matrix_nodes" ADD CONSTRAINT "interaction_matrix_nodes_matrix_id_interaction_matrices_id_fk" FOREIGN KEY ("matrix_id") REFERENCES "public"."interaction_matrices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interaction_matrix_scorers" ADD CONSTRAINT "interaction_matrix_scorers_matrix_id_interaction_matrices_id_fk" FOREIGN KEY ("matrix_id") REFERENCES "public"."interaction_matrices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interaction_matrix_scores" ADD CONSTRAINT "interaction_matrix_scores_scorer_id_interaction_matrix_scorers_id_fk" FOREIGN KEY ("scorer_id") REFERENCES "public"."interaction_matrix_scorers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interaction_matrix_scores" ADD CONSTRAINT "interaction_matrix_scores_row_node_id_interaction_matrix_nodes_id_fk" FOREIGN KEY ("row_node_id") REFERENCES "public"."interaction_matrix_nodes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interaction_matrix_scores" ADD CONSTRAINT "interaction_matrix_scores_column_node_id_interaction_matrix_nodes_id_fk" FOREIGN KEY ("column_node_id") REFERENCES "public"."interaction_matrix_nodes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sami_consultation_parties" ADD CONSTRAINT "sami_consultation_parties_consultation_id_sami_consultations_id_fk" FOREIGN KEY ("consultation_id") REFERENCES "public"."sami_consultations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sami_consultation_parties" ADD CONSTRAINT "sami_consultation_parties_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sami_consultations" ADD CONSTRAINT "sami_consultations_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sami_consultations" ADD CONSTRAINT "sami_consultations_effort_id_efforts_id_fk" FOREIGN KEY ("effort_id") REFERENCES "public"."efforts"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "goal_conflict_actors_organisation_idx" ON "goal_conflict_actors" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "goal_conflict_efforts_effort_idx" ON "goal_conflict_efforts" USING btree ("effort_id");--> statement-breakpoint
CREATE INDEX "goal_conflict_goals_strength_area_idx" ON "goal_conflict_goals" USING btree ("strength_area_id");--> statement-breakpoint
CREATE INDEX "goal_conflict_places_area_idx" ON "goal_conflict_places" USING btree ("area_code");--> statement-breakpoint
CREATE INDEX "goal_conflicts_region_idx" ON "goal_conflicts" USING btree ("region_code","status");--> statement-breakpoint
CREATE INDEX "interaction_matrices_region_idx" ON "interaction_matrices" USING btree ("region_code");--> statement-breakpoint
CREATE INDEX "interaction_matrix_nodes_matrix_idx" ON "interaction_matrix_nodes" USING btree ("matrix_id","position");--> statement-breakpoint
CREATE INDEX "sami_consultation_parties_organisation_idx" ON "sami_consultation_parties" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "sami_consultations_region_idx" ON "sami_consultations" USING btree ("region_code");--> statement-breakpoint
CREATE INDEX "sami_consultations_effort_idx" ON "sami_consultations" USING btree ("effort_id");