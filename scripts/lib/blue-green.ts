// Blue-green deploys on one machine (scripts/deploy.ts, scripts/rollback.ts): two colours, each a
// whole stack of one release on its own ports, behind one nginx. This module holds the decisions
// (which colour, which ports, what the state becomes); scripts/lib/release-stack.ts runs processes.
import { existsSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";

export const COLOURS = ["blue", "green"] as const;
export type Colour = (typeof COLOURS)[number];
export const otherColour = (colour: Colour): Colour => (colour === "blue" ? "green" : "blue");

/** A release's services, as scripts/bundle.ts names its folders; web is required, the workers are started when bundled. */
export const RELEASE_SERVICES = ["web", "order-worker", "notification-worker", "scheduler"] as const;
export type ReleaseService = (typeof RELEASE_SERVICES)[number];

/** What a colour listens on: the web server, its metrics, and each worker's health server. */
export type ColourPorts = Record<ReleaseService | "webMetrics", number>;

/** Ports used by one colour; green's start this far above blue's. */
export const COLOUR_PORT_SPAN = 10;

/** Blue's ports from `base`, green's from `base + 10`, in the order web, metrics, order worker, notification worker, scheduler. */
export function colourPorts(colour: Colour, base: number): ColourPorts {
  const first = base + (colour === "blue" ? 0 : COLOUR_PORT_SPAN);
  return { web: first, webMetrics: first + 1, "order-worker": first + 2, "notification-worker": first + 3, scheduler: first + 4 };
}

const port = z.number().int().min(1).max(65_535);
/** A release's name: its folder under the releases directory, and HALLES_VERSION of its processes. */
export const releaseId = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, "must be 1–64 letters, digits, dots, dashes or underscores, starting with a letter or digit");

/** What a deploy or rollback itself needs of its environment; the services check the rest as they start. */
export const deployEnvSchema = z.object({
  DATABASE_URL: z.string().url(),
  PUBLIC_URL: z.string().url(),
});

export const stateSchema = z.object({
  /** The nginx that switches: its run folder (rendered by deploy/nginx/gateway.ts), address and port. */
  gateway: z.object({ dir: z.string().min(1), host: z.string().min(1), port }),
  /** Blue's first port (green's is 10 above: colourPorts). */
  portBase: port.max(65_535 - 2 * COLOUR_PORT_SPAN),
  /** What serves now: the colour and the release it runs. Its processes are in the colour's pid files. */
  live: z.object({ colour: z.enum(COLOURS), release: releaseId, since: z.iso.datetime() }),
  /** The release that served before `live`, stopped, kept for `npm run rollback`; null after a first deploy. */
  previous: releaseId.nullable(),
});
export type DeployState = z.infer<typeof stateSchema>;

export const stateFile = (releasesDir: string) => path.join(releasesDir, "state.json");

/** The state, or null before the first deploy; a file that does not fit the schema is an error, not a fresh start. */
export function readState(releasesDir: string): DeployState | null {
  const file = stateFile(releasesDir);
  if (!existsSync(file)) return null;
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    throw new Error(`${file} is not JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  const parsed = stateSchema.safeParse(json);
  if (!parsed.success) throw new Error(`${file} is not a deploy state: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
  return parsed.data;
}

/** Written beside and renamed into place, so that a crash leaves the old state or the new one. */
export function writeState(releasesDir: string, state: DeployState): void {
  const file = stateFile(releasesDir);
  writeFileSync(`${file}.tmp`, `${JSON.stringify(stateSchema.parse(state), null, 2)}\n`);
  renameSync(`${file}.tmp`, file);
}

export type Switch = {
  /** The colour to start the release on: the one not serving. */
  colour: Colour;
  release: string;
  ports: ColourPorts;
  /** What serves until the switch, to drain and stop after it; null on a first deploy. */
  replaces: DeployState["live"] | null;
};

export type FirstDeploy = { gateway: DeployState["gateway"]; portBase: number };

/** A deploy of `release`: on blue the first time, else on the colour that does not serve. */
export function planDeploy(state: DeployState | null, release: string, first?: FirstDeploy): Switch {
  releaseId.parse(release);
  if (!state) {
    if (!first) throw new Error("No deploy yet: the first one needs --gateway-port (and, optionally, --port-base).");
    return { colour: "blue", release, ports: colourPorts("blue", first.portBase), replaces: null };
  }
  if (state.live.release === release) throw new Error(`Release ${release} is already live (${state.live.colour}).`);
  const colour = otherColour(state.live.colour);
  return { colour, release, ports: colourPorts(colour, state.portBase), replaces: state.live };
}

/** A rollback: the previous release, started again on the colour that does not serve. */
export function planRollback(state: DeployState | null): Switch {
  if (!state) throw new Error("Nothing to roll back: no deploy has been made.");
  if (!state.previous) throw new Error(`Nothing to roll back to: ${state.live.release} is the first release deployed.`);
  const colour = otherColour(state.live.colour);
  return { colour, release: state.previous, ports: colourPorts(colour, state.portBase), replaces: state.live };
}

/**
 * The state once the gateway sends everything to `done`'s colour: it is live, and what was live
 * becomes the previous release. So a rollback's own previous is the release rolled back from, and
 * a second rollback goes forward again.
 */
export function afterSwitch(state: DeployState | null, done: Switch, at: Date, first?: FirstDeploy): DeployState {
  const base = state ?? (first ? { gateway: first.gateway, portBase: first.portBase } : null);
  if (!base) throw new Error("afterSwitch: a first deploy needs the gateway and the port base");
  return stateSchema.parse({
    gateway: base.gateway,
    portBase: base.portBase,
    live: { colour: done.colour, release: done.release, since: at.toISOString() },
    previous: done.replaces?.release ?? null,
  });
}

/** A release id from the build's id and the time: `20261202-134500-3f9c2a1b4d5e`. */
export function defaultReleaseId(buildId: string, at: Date): string {
  const stamp = at.toISOString().replace(/\..*$/, "").replace(/[-:]/g, "").replace("T", "-");
  const build = buildId.replace(/[^A-Za-z0-9._-]/g, "").slice(0, 12);
  return releaseId.parse(build ? `${stamp}-${build}` : stamp);
}
