// The web app's readiness answer, apart from the route so that drills and tests can ask it with
// the pool they hold: 200 only when the database answers and has every migration of this build.
import type { Executor } from "@/db/client";
import { migrationStatus } from "@/db/queries/health";
import { logger } from "@/lib/logger";

/** A database that has not answered by then counts as down (as in the worker services' readiness). */
export const READINESS_TIMEOUT_MS = 2_000;

function withinTimeout<T>(promise: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${READINESS_TIMEOUT_MS} ms`)), READINESS_TIMEOUT_MS);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export async function readinessResponse(db: Executor): Promise<Response> {
  try {
    const migrations = await withinTimeout(migrationStatus(db));
    const status = migrations.current ? 200 : 503;
    return Response.json({ status: migrations.current ? "ready" : "migrations pending", database: "ok", migrations }, { status });
  } catch (error) {
    logger.warn({ err: error }, "readiness check failed");
    return Response.json({ status: "unavailable", database: "unreachable" }, { status: 503 });
  }
}
