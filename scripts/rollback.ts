// npm run rollback [-- --releases-dir .data/releases]
// Goes back to the release that served before the live one (docs/operations.md, "Deploy and roll
// back"): started again on the colour that does not serve, ready and smoke-checked like a deploy,
// then the gateway switches to it and the release rolled back from drains and stops. No migration
// runs: the database keeps the newer release's, which only expanded what this one uses. Rolling
// back twice goes forward again.
import path from "node:path";
import { parseArgs } from "node:util";
import { parseEnv } from "../lib/env";
import { deployEnvSchema, planRollback, readState } from "./lib/blue-green";
import { bundledServices, releaseDir } from "./lib/release-stack";
import { switchRelease, withDeployLock } from "./lib/release-switch";

const log = (line: string) => console.log(`rollback: ${line}`);

async function main() {
  const { values } = parseArgs({ options: { "releases-dir": { type: "string", default: ".data/releases" } } });
  const env = parseEnv(deployEnvSchema);
  const releasesDir = path.resolve(values["releases-dir"]);
  await withDeployLock(releasesDir, async () => {
    const state = readState(releasesDir);
    const plan = planRollback(state);
    bundledServices(releaseDir(releasesDir, plan.release));
    log(`from ${state!.live.release} (${state!.live.colour}) back to ${plan.release}`);
    const next = await switchRelease(plan, { releasesDir, env: process.env, publicUrl: env.PUBLIC_URL, state, log });
    log(`done: ${next.live.release} is live on ${next.live.colour}; npm run rollback again goes forward to ${next.previous}`);
  });
}

main().catch((error: unknown) => {
  console.error(`rollback failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
