// Readiness: 200 only when the database is reachable and its migrations are current.
import { connection } from "next/server";
import { getDb } from "@/db/client";
import { migrationStatus } from "@/db/queries/health";
import { logger } from "@/lib/logger";

export async function GET() {
  await connection();
  try {
    const migrations = await migrationStatus(getDb());
    const status = migrations.current ? 200 : 503;
    return Response.json({ status: migrations.current ? "ready" : "migrations pending", database: "ok", migrations }, { status });
  } catch (error) {
    logger.warn({ err: error }, "readiness check failed");
    return Response.json({ status: "unavailable", database: "unreachable" }, { status: 503 });
  }
}
