// A process's state on the operations page, as a coloured label (like an order's status badge).
import type { InstanceStatus } from "@/db/queries/service-heartbeats";

export const INSTANCE_STATUS_LABELS: Record<InstanceStatus, string> = {
  ready: "Ready",
  not_ready: "Not ready",
  stopping: "Stopping",
  stopped: "Stopped",
  down: "Down: no heartbeat",
};

const TONES: Record<InstanceStatus, string> = {
  ready: "bg-brand-50 text-brand-800",
  not_ready: "bg-amber-100 text-amber-900",
  stopping: "bg-sky-100 text-sky-900",
  stopped: "bg-stone-200 text-stone-700",
  down: "bg-orange-50 text-accent-600",
};

export function ServiceStatusBadge({ status }: { status: InstanceStatus }) {
  return (
    <span className={`inline-block rounded-full px-2.5 py-0.5 text-sm font-semibold whitespace-nowrap ${TONES[status]}`} data-testid="instance-status">
      {INSTANCE_STATUS_LABELS[status]}
    </span>
  );
}
