// refresh-storefront: asks the web app to expire storefront cache tags once the change behind them
// has committed (the job is enqueued in the same transaction). Any answer but 2xx fails the job,
// so it is retried; a refresh done twice is harmless.
import { refreshToken } from "@/lib/storefront/refresh-token";
import type { TaskPayload } from "@/lib/jobs/tasks";
import type { TaskHandler } from "../runtime";

export type RefreshDeps = { webUrl: string; secret: string; timeoutMs?: number };

export async function refreshStorefront(deps: RefreshDeps, payload: TaskPayload<"refresh-storefront">): Promise<{ revalidated: string[] }> {
  const response = await fetch(`${deps.webUrl.replace(/\/$/, "")}/api/internal/revalidate`, {
    method: "POST",
    headers: { authorization: `Bearer ${refreshToken(deps.secret)}`, "content-type": "application/json" },
    body: JSON.stringify(payload),
    signal: AbortSignal.timeout(deps.timeoutMs ?? 10_000),
  });
  if (!response.ok) throw new Error(`the web app answered ${response.status} to a storefront refresh`);
  return { revalidated: payload.tags };
}

export function refreshStorefrontTask(deps: RefreshDeps): TaskHandler<"refresh-storefront"> {
  return (payload) => refreshStorefront(deps, payload);
}
