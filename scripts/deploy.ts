// npm run deploy -- <bundle-dir> [--release <id>] [--gateway-port 8080] [--gateway-host 127.0.0.1]
//   [--gateway-dir .data/gateway] [--port-base 3000] [--releases-dir .data/releases]
// A blue-green deploy on one machine (docs/operations.md, "Deploy and roll back"): the bundles of
// `scripts/bundle.ts <bundle-dir> web order-worker notification-worker scheduler` become release
// <id> in the releases folder; its migrations must only expand what the live release uses; they
// run; the release starts on the colour that does not serve, turns ready, passes the smoke checks;
// the gateway switches to it (a file nginx reads per request: no reload); the old colour drains and
// stops. The services get this command's environment (DATABASE_URL, PUBLIC_URL, AUTH_SECRET, Stripe,
// SMTP…), with their ports.
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, realpathSync, rmSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { z } from "zod";
import { contractionsBetween } from "../db/expand-contract";
import { parseEnv } from "../lib/env";
import { defaultReleaseId, deployEnvSchema, planDeploy, readState, releaseId } from "./lib/blue-green";
import { bundledServices, migrateRelease, releaseDir } from "./lib/release-stack";
import { switchRelease, withDeployLock } from "./lib/release-switch";

const port = z.coerce.number().int().min(1).max(65_535);
const optionsSchema = z.object({
  bundle: z.string().min(1, "usage: npm run deploy -- <bundle-dir> [--release <id>] [--gateway-port <port>]"),
  release: releaseId.optional(),
  releasesDir: z.string().min(1),
  gatewayPort: port.optional(),
  gatewayHost: z.string().min(1),
  gatewayDir: z.string().min(1),
  portBase: port,
});

const log = (line: string) => console.log(`deploy: ${line}`);
const migrationsOf = (dir: string) => (file: string) => readFileSync(path.join(dir, "web", "migrate", "migrations", file), "utf8");

/** Copies the bundle into the releases folder as `release` (kept as it is when it already is that folder). */
function installRelease(bundle: string, releasesDir: string, release: string, keep: (string | null)[]): string {
  const target = releaseDir(releasesDir, release);
  if (existsSync(target)) {
    if (realpathSync(bundle) === realpathSync(target)) return target;
    if (keep.includes(release)) throw new Error(`Release ${release} exists and is live or kept for rollback: choose another --release.`);
    rmSync(target, { recursive: true, force: true }); // a failed attempt's leftovers
  }
  bundledServices(bundle);
  // cp: several times faster than Node.js's cpSync on Next.js's ~3,000 files (scripts/bundle.ts).
  execFileSync("cp", ["-R", bundle, target]);
  return target;
}

async function main() {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: {
      release: { type: "string" },
      "releases-dir": { type: "string", default: ".data/releases" },
      "gateway-port": { type: "string" },
      "gateway-host": { type: "string", default: "127.0.0.1" },
      "gateway-dir": { type: "string", default: ".data/gateway" },
      "port-base": { type: "string", default: "3000" },
    },
  });
  const parsed = optionsSchema.safeParse({
    bundle: positionals[0] ?? "",
    release: values.release,
    releasesDir: values["releases-dir"],
    gatewayPort: values["gateway-port"],
    gatewayHost: values["gateway-host"],
    gatewayDir: values["gateway-dir"],
    portBase: values["port-base"],
  });
  if (!parsed.success) throw new Error(parsed.error.issues.map((i) => `${i.path.join(".") || "options"}: ${i.message}`).join("\n"));
  const options = parsed.data;
  const env = parseEnv(deployEnvSchema);
  const bundle = path.resolve(options.bundle);
  const releasesDir = path.resolve(options.releasesDir);
  await withDeployLock(releasesDir, async () => {
    const state = readState(releasesDir);
    const first = state
      ? undefined
      : options.gatewayPort
        ? { gateway: { dir: path.resolve(options.gatewayDir), host: options.gatewayHost, port: options.gatewayPort }, portBase: options.portBase }
        : undefined;
    const buildId = readFileSync(path.join(bundle, "web", ".next", "BUILD_ID"), "utf8").trim();
    const release = options.release ?? defaultReleaseId(buildId, new Date());
    const plan = planDeploy(state, release, first);
    const dir = installRelease(bundle, releasesDir, release, [state?.live.release ?? null, state?.previous ?? null]);
    log(`release ${release} (build ${buildId}) in ${dir}`);

    if (state) {
      // Both releases run on one database from the migration step on: the new one's migrations may only expand what the live one uses.
      const found = contractionsBetween(migrationsOf(releaseDir(releasesDir, state.live.release)), migrationsOf(dir));
      if (found.length > 0) {
        throw new Error(
          `Refused: migrations of ${release} take away what the live release ${state.live.release} uses (expand now, contract in a later release):\n` +
            found.map(({ migration, reason, statement }) => `- ${migration}: ${reason}\n    ${statement}`).join("\n"),
        );
      }
      log(`migrations only expand what ${state.live.release} uses`);
    }
    await migrateRelease(dir, process.env);
    log("migrations applied");
    const next = await switchRelease(plan, { releasesDir, env: process.env, publicUrl: env.PUBLIC_URL, state, first, log });
    log(`done: ${next.live.release} is live on ${next.live.colour}${next.previous ? `; npm run rollback goes back to ${next.previous}` : ""}`);
  });
}

main().catch((error: unknown) => {
  console.error(`deploy failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
