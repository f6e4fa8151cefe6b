import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const root = fileURLToPath(new URL(".", import.meta.url));
const alias = { "@": root };

/**
 * Integration tests run one file at a time (they share a database: its queue, stock and slots),
 * each project on a fresh database of its own (tests/integration-setup.ts).
 */
const integration = {
  globalSetup: ["./tests/integration-setup.ts"],
  setupFiles: ["./tests/integration-env.ts"],
  testTimeout: 30_000,
  hookTimeout: 120_000,
  fileParallelism: false,
};
const DRILLS = ["tests/drills/**/*.int.test.ts", "workers/crash-recovery.int.test.ts"];

export default defineConfig({
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: "unit",
          include: ["**/*.test.ts"],
          // A guard against hangs, not a speed limit: scrypt, image resizing and axe take seconds
          // of CPU each when the build and the services share two busy cores with them.
          testTimeout: 20_000,
          exclude: ["**/*.int.test.ts", "node_modules/**", "e2e/**", ".next/**", ".data/**"],
        },
      },
      {
        resolve: { alias },
        test: {
          name: "integration",
          include: ["**/*.int.test.ts"],
          exclude: ["node_modules/**", ".next/**", ".data/**", ...DRILLS],
          ...integration,
        },
      },
      {
        // On a database of its own, run by `npm test` beside the integration project (vitest runs
        // one-file-at-a-time projects one after the other): the fault drills and the crashed
        // worker spend minutes waiting on outages and heartbeats, not on the CPU.
        resolve: { alias },
        test: { name: "drills", include: DRILLS, ...integration },
      },
    ],
  },
});
