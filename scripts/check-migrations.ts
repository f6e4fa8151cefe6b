// npm run check:migrations [-- <previous release>] — refuses the migrations added since the
// previous release (a git ref; by default the newest `v*` tag) when one drops, renames or retypes
// what that release uses (db/expand-contract.ts). scripts/deploy runs it against the running release.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { contractionsBetween, type Contraction } from "../db/expand-contract";
import { migrationsFolder } from "../db/migrate";

function git(args: string[]): string {
  return execFileSync("git", args, { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
}

/** The contractions in this checkout's migrations for the release at `previousRef`. */
function contractionsSince(previousRef: string): Contraction[] {
  return contractionsBetween(
    (file) => git(["show", `${previousRef}:db/migrations/${file}`]),
    (file) => readFileSync(path.join(migrationsFolder, file), "utf8"),
  );
}

function newestReleaseTag(): string | null {
  try {
    return git(["describe", "--tags", "--abbrev=0", "--match", "v*"]).trim() || null;
  } catch {
    return null;
  }
}

function main(): number {
  const previousRef = process.argv[2] ?? newestReleaseTag();
  if (!previousRef) {
    console.log("No previous release to compare with (no v* tag): nothing to check.");
    return 0;
  }
  const found = contractionsSince(previousRef);
  if (found.length === 0) {
    console.log(`Migrations since ${previousRef} only expand the schema: both releases can run on one database.`);
    return 0;
  }
  console.error(`Refused: migrations since ${previousRef} take away what that release uses (expand now, contract in a later release):`);
  for (const { migration, reason, statement } of found) console.error(`- ${migration}: ${reason}\n    ${statement}`);
  return 1;
}

process.exit(main());
