CREATE TYPE "public"."service_state" AS ENUM('ready', 'not_ready', 'stopping', 'stopped');--> statement-breakpoint
CREATE TABLE "service_heartbeats" (
	"instance_id" uuid PRIMARY KEY NOT NULL,
	"service" text NOT NULL,
	"host_name" text NOT NULL,
	"pid" integer NOT NULL,
	"version" text NOT NULL,
	"state" "service_state" NOT NULL,
	"checks" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "service_heartbeats_last_seen_at_idx" ON "service_heartbeats" USING btree ("last_seen_at");