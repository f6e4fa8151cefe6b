// The web app's start-up check (instrumentation.ts): the configuration must fit the deployment
// mode (lib/deployment.ts), the build must have been made for that mode, and a real deployment's
// database must not hold the demo accounts with their published password. Otherwise the server
// logs why and exits before it serves anyone. Then the instance's heartbeat for the operations page.
import { inArray } from "drizzle-orm";
import { getDb, type Executor } from "@/db/client";
import { migrationStatus } from "@/db/queries/health";
import { users } from "@/db/schema";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "@/lib/auth/demo-accounts";
import { verifyPassword } from "@/lib/auth/password";
import { assertDeploymentConfig, buildModeProblem, DeploymentConfigError, isRealDeployment, type BuildMode } from "@/lib/deployment";
import { startServiceHeartbeat, type ServiceHeartbeat } from "@/lib/health/service-heartbeat";
import { logger } from "@/lib/logger";

/** The demo accounts that still sign in with the published password. */
export async function accountsWithPublishedPassword(db: Executor): Promise<string[]> {
  const rows = await db
    .select({ email: users.email, passwordHash: users.passwordHash })
    .from(users)
    .where(inArray(users.email, DEMO_ACCOUNTS.map((a) => a.email)));
  const published = await Promise.all(rows.map(async (row) => ((await verifyPassword(DEMO_PASSWORD, row.passwordHash)) ? row.email : null)));
  return published.filter((email): email is string => email !== null);
}

export async function checkWebStart(env: Record<string, string | undefined> = process.env): Promise<void> {
  try {
    const mode = assertDeploymentConfig(env);
    const built = (process.env.HALLES_BUILD_MODE ?? "development") as BuildMode;
    const buildProblem = buildModeProblem(built, mode);
    if (buildProblem) throw new DeploymentConfigError(mode, [buildProblem]);
    if (isRealDeployment(mode)) {
      const found = await accountsWithPublishedPassword(getDb()).catch((error: unknown) => {
        // The database may come up after the web app; sign-in refuses the password anyway.
        logger.warn({ err: error }, "could not check the database for demo accounts");
        return [];
      });
      if (found.length > 0) {
        throw new DeploymentConfigError(mode, [`Demo accounts with the published password exist (${found.join(", ")}): delete them or change their passwords.`]);
      }
    }
    logger.info({ mode, build: built }, `web app starting in ${mode} mode`);
  } catch (error) {
    if (!(error instanceof DeploymentConfigError)) throw error;
    logger.fatal({ mode: error.mode, problems: error.problems }, error.message);
    // pino writes synchronously to stdout, so the reason is out before the process ends.
    process.exit(1);
  }
}

/**
 * This web instance's heartbeat (lib/health/service-heartbeat.ts): ready when the database answers
 * and has every migration of this build, as /api/health/ready says; marked stopped on SIGTERM or
 * SIGINT, while Next.js finishes the requests in flight.
 */
export function startWebHeartbeat(): ServiceHeartbeat {
  const heartbeat = startServiceHeartbeat({
    db: getDb(),
    service: "web",
    log: logger,
    readiness: async () => {
      const migrations = await migrationStatus(getDb());
      return { ready: migrations.current, checks: { database: "ok", migrations: migrations.current ? "current" : "pending" } };
    },
  });
  const onSignal = () => void heartbeat.stop();
  process.once("SIGTERM", onSignal);
  process.once("SIGINT", onSignal);
  return heartbeat;
}
