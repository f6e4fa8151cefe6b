// Readiness: 200 only when the database is reachable and its migrations are current.
import { connection } from "next/server";
import { getDb } from "@/db/client";
import { readinessResponse } from "@/lib/health/readiness";

export async function GET() {
  await connection();
  return readinessResponse(getDb());
}
