// GET /api/admin/operations/version: a token that moves when a process, the queue or the failed
// jobs change (and every 10 s, for heartbeat ages); the operations page polls it. Admins only.
import { getDb } from "@/db/client";
import { ADMIN_ROLES } from "@/lib/backoffice/access";
import { loadOperations, operationsVersion } from "@/lib/backoffice/operations";
import { backOfficeRoute } from "@/lib/backoffice/route";

export const GET = backOfficeRoute({ roles: ADMIN_ROLES, scope: "none" }, async () => {
  return Response.json({ data: { version: operationsVersion(await loadOperations(getDb())) } });
});
