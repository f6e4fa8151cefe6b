import type { Metadata } from "next";
import { Suspense } from "react";
import { ActionForm, SubmitButton } from "@/components/backoffice/action-form";
import { LiveRefresh } from "@/components/backoffice/live-refresh";
import { ServiceStatusBadge } from "@/components/backoffice/service-status-badge";
import { getDb } from "@/db/client";
import type { FailedJob, QueueTaskStats } from "@/db/queries/job-queue";
import { summarizePayload } from "@/db/queries/job-queue";
import type { ServiceInstance } from "@/db/queries/service-heartbeats";
import { ADMIN_ROLES } from "@/lib/backoffice/access";
import { FAILED_JOBS_SHOWN, formatAge, instancesByService, loadOperations, operationsVersion } from "@/lib/backoffice/operations";
import { actOnFailedJob } from "@/lib/backoffice/operations-actions";
import { formatDateTime } from "@/lib/orders/labels";
import { StaffGate } from "../staff-gate";

export const metadata: Metadata = { title: "Operations" };

/** Every process's heartbeat, the job queue and the failed jobs, for admins; updates by itself. */
export default function OperationsPage() {
  return (
    <div className="mx-auto max-w-7xl space-y-8 px-4 py-8">
      <Suspense fallback={<p className="text-stone-600" data-stream-fallback>Loading operations…</p>}>
        <StaffGate returnTo="/admin/operations" roles={ADMIN_ROLES}>
          {() => <Operations />}
        </StaffGate>
      </Suspense>
    </div>
  );
}

const th = "px-3 py-2";
const td = "px-3 py-2 align-top";
const tableFrame = "overflow-x-auto rounded-2xl border border-stone-200 bg-white";
const smallButton = "rounded-full border border-stone-300 bg-white px-3 py-1.5 text-sm font-semibold hover:bg-stone-100 disabled:opacity-60";

async function Operations() {
  const view = await loadOperations(getDb());
  return (
    <>
      <header>
        <h1 className="text-3xl font-extrabold">Operations</h1>
        <LiveRefresh url="/api/admin/operations/version" version={operationsVersion(view)} label="This page updates by itself." />
      </header>
      <Services instances={view.instances} />
      <Queue stats={view.queue} />
      <FailedJobs jobs={view.failed} />
    </>
  );
}

function Services({ instances }: { instances: ServiceInstance[] }) {
  return (
    <section aria-labelledby="services-heading" className="space-y-3">
      <h2 id="services-heading" className="text-xl font-bold">
        Services
      </h2>
      <p className="text-sm text-stone-600">
        Each process writes a heartbeat every 10 seconds; one not heard from for 30 seconds is down. Stopped processes are kept for a day.
      </p>
      <div className={tableFrame} tabIndex={0} role="region" aria-label="Services table">
        <table className="w-full text-left text-sm" data-testid="services-table">
          <caption className="sr-only">Running processes by service, with their last heartbeat</caption>
          <thead className="border-b border-stone-200 text-stone-600">
            <tr>
              <th scope="col" className={th}>Service</th>
              <th scope="col" className={th}>Instance</th>
              <th scope="col" className={th}>State</th>
              <th scope="col" className={th}>Last heartbeat</th>
              <th scope="col" className={th}>Checks</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-stone-100">
            {instancesByService(instances).map(({ service, instances: rows }) =>
              rows.length === 0 ? (
                <tr key={service} data-testid="service-row" data-service={service}>
                  <th scope="row" className={`${td} font-semibold`}>{service}</th>
                  <td className={`${td} text-stone-600`} colSpan={4}>
                    No process of this service has reported.
                  </td>
                </tr>
              ) : (
                rows.map((instance) => (
                  <tr key={instance.instanceId} data-testid="service-row" data-service={service}>
                    <th scope="row" className={`${td} font-semibold`}>{service}</th>
                    <td className={td}>
                      {instance.hostName} · pid {instance.pid}
                      <span className="block text-stone-600">
                        version {instance.version}, started {formatDateTime(instance.startedAt)}
                      </span>
                    </td>
                    <td className={td}>
                      <ServiceStatusBadge status={instance.status} />
                    </td>
                    <td className={`${td} tabular-nums whitespace-nowrap`} data-testid="heartbeat-age">
                      {formatAge(instance.ageSeconds)} ago
                    </td>
                    <td className={td}>
                      {Object.entries(instance.checks)
                        .map(([check, value]) => `${check}: ${value}`)
                        .join(", ") || "—"}
                    </td>
                  </tr>
                ))
              ),
            )}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function Queue({ stats }: { stats: QueueTaskStats[] }) {
  return (
    <section aria-labelledby="queue-heading" className="space-y-3">
      <h2 id="queue-heading" className="text-xl font-bold">
        Job queue
      </h2>
      {stats.length === 0 ? (
        <p className="rounded-2xl border border-stone-200 bg-white p-4 text-stone-700" data-testid="queue-empty">
          The queue is empty.
        </p>
      ) : (
        <div className={tableFrame} tabIndex={0} role="region" aria-label="Job queue table">
          <table className="w-full text-left text-sm" data-testid="job-queue-table">
            <caption className="sr-only">Jobs per task: waiting, scheduled, running and failed</caption>
            <thead className="border-b border-stone-200 text-stone-600">
              <tr>
                <th scope="col" className={th}>Task</th>
                <th scope="col" className={`${th} text-right`}>Ready</th>
                <th scope="col" className={`${th} text-right`}>Oldest ready</th>
                <th scope="col" className={`${th} text-right`}>Scheduled or backing off</th>
                <th scope="col" className={`${th} text-right`}>Running</th>
                <th scope="col" className={`${th} text-right`}>Failed</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-stone-100 tabular-nums">
              {stats.map((row) => (
                <tr key={row.task} data-testid="job-queue-row" data-task={row.task}>
                  <th scope="row" className={`${td} font-semibold`}>{row.task}</th>
                  <td className={`${td} text-right`}>{row.ready}</td>
                  <td className={`${td} text-right`}>{row.ready > 0 ? formatAge(row.oldestReadySeconds) : "—"}</td>
                  <td className={`${td} text-right`}>{row.scheduled}</td>
                  <td className={`${td} text-right`}>{row.running}</td>
                  <td className={`${td} text-right ${row.failed > 0 ? "font-semibold text-accent-600" : ""}`}>{row.failed}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function FailedJobs({ jobs }: { jobs: FailedJob[] }) {
  return (
    <section aria-labelledby="failed-heading" className="space-y-3">
      <h2 id="failed-heading" className="text-xl font-bold">
        Failed jobs
      </h2>
      <p className="text-sm text-stone-600">
        Jobs that used all their attempts (the latest {FAILED_JOBS_SHOWN}). Retry runs one again with all its attempts; discard deletes it.
      </p>
      {/* One form for the list: each button names its job, and the answer stays when its row goes. */}
      <ActionForm action={actOnFailedJob} label="Failed jobs" className="space-y-3">
        {jobs.length === 0 ? (
          <p className="rounded-2xl border border-stone-200 bg-white p-4 text-stone-700" data-testid="failed-jobs-empty">
            No failed jobs.
          </p>
        ) : (
          <div className={tableFrame} tabIndex={0} role="region" aria-label="Failed jobs table">
            <table className="w-full text-left text-sm" data-testid="failed-jobs-table">
              <caption className="sr-only">Failed jobs, latest failure first</caption>
              <thead className="border-b border-stone-200 text-stone-600">
                <tr>
                  <th scope="col" className={th}>Job</th>
                  <th scope="col" className={th}>Payload</th>
                  <th scope="col" className={th}>Error</th>
                  <th scope="col" className={th}>Failed</th>
                  <th scope="col" className={th}>
                    <span className="sr-only">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-stone-100">
                {jobs.map((job) => (
                  <tr key={job.id} data-testid="failed-job-row" data-job-id={job.id}>
                    <th scope="row" className={`${td} font-semibold`}>
                      {job.task}
                      <span className="block font-normal text-stone-600">#{job.id}</span>
                    </th>
                    <td className={`${td} max-w-48 font-mono text-xs break-all`}>{summarizePayload(job.payload)}</td>
                    <td className={`${td} max-w-md break-words`} data-testid="failed-job-error">
                      {job.lastError?.slice(0, 500) ?? "—"}
                    </td>
                    <td className={td}>
                      <span className="whitespace-nowrap">{formatDateTime(job.failedAt)}</span>
                      <span className="block text-stone-600 tabular-nums">
                        after {job.attempts} of {job.maxAttempts} attempts
                      </span>
                    </td>
                    <td className={td}>
                      <div className="flex flex-col gap-2">
                        <SubmitButton name="retry" value={job.id} className={smallButton} busy="Working…">
                          Retry<span className="sr-only"> job {job.id}</span>
                        </SubmitButton>
                        <SubmitButton name="discard" value={job.id} className={smallButton} busy="Working…">
                          Discard<span className="sr-only"> job {job.id}</span>
                        </SubmitButton>
                      </div>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </ActionForm>
    </section>
  );
}
