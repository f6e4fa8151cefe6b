// The scheduler: every minute expires unpaid orders (older than their expiresAt, 30 minutes by
// default), every 15 minutes flags authorisations close to Stripe's 7-day expiry, every hour
// extends the slot calendar. Scheduled price changes and content pages' scheduled publish and
// unpublish run at their time (a job with run_at) and every minute as a safety net.
// graphile-worker's crontab runs each line once per tick however many schedulers run.
// Run: npx tsx workers/scheduler.ts
import { enqueueJob } from "@/lib/jobs/queue";
import { workerEnv } from "./lib/config";
import { exitAfterFailedStart, startWorkerService } from "./runtime";
import { applyContentScheduleTask, applyPriceChangesTask, expireUnpaidOrdersTask, flagExpiringAuthorizationsTask, pruneSecurityRecordsTask, rollSlotCalendarTask } from "./tasks/scheduled";

const DEFAULT_HEALTH_PORT = 9103;

const crontab = [
  "* * * * * expire-unpaid-orders ?max=3",
  "* * * * * apply-price-changes ?max=3",
  "*/15 * * * * flag-expiring-authorizations ?max=3",
  "7 * * * * roll-slot-calendar ?max=3",
  "23 * * * * prune-security-records ?max=3",
  "* * * * * apply-content-schedule ?max=3",
].join("\n");

async function main(): Promise<void> {
  const env = workerEnv();
  const service = await startWorkerService({
    name: "scheduler",
    tasks: {
      "expire-unpaid-orders": expireUnpaidOrdersTask,
      "apply-price-changes": applyPriceChangesTask,
      "flag-expiring-authorizations": flagExpiringAuthorizationsTask,
      "roll-slot-calendar": rollSlotCalendarTask,
      "prune-security-records": pruneSecurityRecordsTask,
      "apply-content-schedule": applyContentScheduleTask,
    },
    crontab,
    concurrency: env.WORKER_CONCURRENCY ?? 1,
    healthPort: env.HEALTH_PORT ?? DEFAULT_HEALTH_PORT,
  });
  // Fill the calendar at start-up rather than waiting for the first hourly tick.
  await service.db.transaction((tx) => enqueueJob(tx, "roll-slot-calendar", {}, { jobKey: "roll-slot-calendar" }));
}

main().catch((error: unknown) => exitAfterFailedStart("scheduler", error));
