// Liveness: the process is up and serving, and the release it runs (HALLES_VERSION), read per
// request rather than prerendered, so that a blue-green deploy can see through the gateway which
// release answers.
import { connection } from "next/server";
import { serviceVersion } from "@/lib/health/service-heartbeat";

export async function GET() {
  await connection();
  return Response.json({ status: "ok", service: "web", version: serviceVersion() });
}
