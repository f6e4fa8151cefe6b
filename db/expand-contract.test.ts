import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { contractionsBetween, findContractions, statementsOf, type Snapshot } from "./expand-contract";
import { migrationsFolder } from "./migrate";

const journal = JSON.parse(readFileSync(path.join(migrationsFolder, "meta/_journal.json"), "utf8")) as { entries: { idx: number; tag: string }[] };
const snapshot = (idx: number) => JSON.parse(readFileSync(path.join(migrationsFolder, `meta/${String(idx).padStart(4, "0")}_snapshot.json`), "utf8")) as Snapshot;
const migration = (idx: number) => ({ name: journal.entries[idx].tag, sql: readFileSync(path.join(migrationsFolder, `${journal.entries[idx].tag}.sql`), "utf8") });

const previous: Snapshot = {
  tables: {
    "public.orders": { name: "orders", columns: { id: { name: "id", notNull: true }, note: { name: "note" }, total: { name: "total", notNull: true } } },
  },
  enums: { "public.order_status": { name: "order_status" } },
};
const next: Snapshot = {
  tables: {
    "public.orders": { name: "orders", columns: { ...previous.tables["public.orders"].columns, placed: { name: "placed", notNull: true, default: "now()" } } },
  },
};
const reasonsFor = (sql: string) => findContractions([{ name: "0099_next", sql }], previous, next).map((found) => found.reason);

describe("expand/contract check", () => {
  it("refuses the one migration of ours that contracted: 0006 dropped users.store_id, which 0005's release read", () => {
    const found = findContractions([migration(6)], snapshot(5), snapshot(6));
    expect(found.map((f) => f.reason)).toEqual([
      "makes orders.slot_starts_at NOT NULL without a default: the previous release's inserts leave it empty",
      "drops column users.store_id, which the previous release uses",
    ]);
    expect(found[1].statement).toBe('ALTER TABLE "users" DROP COLUMN "store_id"');
  });

  it("passes every other migration against the release before it", () => {
    for (const { idx } of journal.entries.slice(1)) {
      if (idx === 6) continue;
      expect(findContractions([migration(idx)], snapshot(idx - 1), snapshot(idx)), journal.entries[idx].tag).toEqual([]);
    }
  });

  it("refuses drops, renames and type changes of what the previous release uses", () => {
    expect(reasonsFor('DROP TABLE "orders";')).toEqual(["drops table orders, which the previous release uses"]);
    expect(reasonsFor('DROP TABLE IF EXISTS "public"."orders", "baskets" CASCADE')).toEqual(["drops table orders, which the previous release uses"]);
    expect(reasonsFor('ALTER TABLE "public"."orders" RENAME TO "purchases"')).toEqual(["renames table orders, which the previous release uses"]);
    expect(reasonsFor('ALTER TABLE "orders" RENAME COLUMN "note" TO "comment"')).toEqual(["renames column orders.note, which the previous release uses"]);
    expect(reasonsFor("alter table orders drop column if exists note")).toEqual(["drops column orders.note, which the previous release uses"]);
    expect(reasonsFor('ALTER TABLE "orders" ALTER COLUMN "total" SET DATA TYPE bigint')).toEqual(["changes the type of orders.total, which the previous release uses"]);
    expect(reasonsFor('DROP TYPE "public"."order_status"')).toEqual(["drops type order_status, which the previous release uses"]);
  });

  it("refuses a NOT NULL the previous release's inserts cannot fill, and allows one with a default", () => {
    expect(reasonsFor('ALTER TABLE "orders" ADD COLUMN "channel" text NOT NULL')).toEqual([
      "adds orders.channel NOT NULL without a default: the previous release's inserts leave it empty",
    ]);
    expect(reasonsFor('ALTER TABLE "orders" ADD COLUMN "channel" text DEFAULT \'web\' NOT NULL')).toEqual([]);
    expect(reasonsFor('ALTER TABLE "orders" ALTER COLUMN "placed" SET NOT NULL')).toEqual([]);
  });

  it("lets through what only expands, and contracting what the previous release no longer uses", () => {
    expect(
      reasonsFor(`CREATE TABLE "refunds" ("id" uuid PRIMARY KEY NOT NULL);--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "channel" text;--> statement-breakpoint
ALTER TABLE "orders" DROP CONSTRAINT "orders_total_check";--> statement-breakpoint
ALTER TABLE "orders" ALTER COLUMN "note" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "orders" DROP COLUMN "legacy_flag";--> statement-breakpoint
DROP TABLE "old_carts";--> statement-breakpoint
CREATE INDEX "orders_channel_idx" ON "orders" USING btree ("channel");`),
    ).toEqual([]);
  });

  it("compares two migrations folders, as a deploy compares the live release's bundle with the new one's", () => {
    const folder = (file: string) => readFileSync(path.join(migrationsFolder, file), "utf8");
    // Release 0005's folder: the same files, with a journal that ends at 0005.
    const release5 = (file: string) =>
      file === "meta/_journal.json" ? JSON.stringify({ ...journal, entries: journal.entries.slice(0, 6) }) : folder(file);
    expect(contractionsBetween(release5, folder).map((found) => found.migration)).toEqual(["0006_backoffice", "0006_backoffice"]);
    expect(contractionsBetween(folder, folder)).toEqual([]);
  });

  it("splits drizzle-kit's statements and ignores comments", () => {
    expect(statementsOf('-- custom\nDROP TABLE "a";--> statement-breakpoint\nALTER TABLE "b"\n  DROP COLUMN "c";')).toEqual(['DROP TABLE "a"', 'ALTER TABLE "b" DROP COLUMN "c"']);
  });
});
