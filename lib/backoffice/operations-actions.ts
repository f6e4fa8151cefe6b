"use server";
// Admins' actions on failed jobs (operations page): retry or discard, one job per click. Each
// button of the failed-jobs form names its job: `retry=<id>` or `discard=<id>`. A second click on
// a job another admin (or this one) has already dealt with says so and changes nothing.
import { refresh } from "next/cache";
import { z } from "zod";
import { getDb } from "@/db/client";
import { discardFailedJob, retryFailedJob, type FailedJobOutcome } from "@/db/queries/job-queue";
import type { ActionState } from "@/lib/actions";
import { backOfficeAction } from "./action";
import { ADMIN_ROLES } from "./access";

const jobId = z.string().regex(/^\d{1,18}$/, "Unknown job.");

const command = z
  .object({ retry: jobId.optional(), discard: jobId.optional() })
  .refine((form) => (form.retry === undefined) !== (form.discard === undefined), { path: ["form"], message: "Choose one job to retry or discard." });

function answer(id: string, result: FailedJobOutcome, done: (task: string) => string): ActionState {
  refresh();
  if (result.outcome === "done") return { ok: true, message: done(result.task) };
  if (result.outcome === "not_failed") return { ok: true, message: `Job ${id} is not failed any more: it was retried already and waits to run or is running.` };
  return { ok: true, message: `Job ${id} is no longer in the queue: it was discarded, or retried and completed.` };
}

export const actOnFailedJob = backOfficeAction({ roles: ADMIN_ROLES, scope: "none" }, command, async (form, admin) => {
  if (form.retry) {
    const id = form.retry;
    return answer(id, await retryFailedJob(getDb(), id, admin.id), (task) => `Job ${id} (${task}) will run again, with all its attempts.`);
  }
  const id = form.discard!;
  return answer(id, await discardFailedJob(getDb(), id, admin.id), (task) => `Job ${id} (${task}) was discarded.`);
});
