// Integration tests run on a fresh database, migrated and seeded once per run, dropped afterwards.
import type { TestProject } from "vitest/node";
import { createDatabase } from "@/db/client";
import { runMigrations } from "@/db/migrate";
import { seedDatabase } from "@/db/seed";
import { createTemporaryDatabase, testServerUrl } from "@/scripts/lib/postgres";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const server = await testServerUrl();
  const database = await createTemporaryDatabase(server.url, "halles_it");
  await runMigrations(database.url);
  const { db, sql } = createDatabase(database.url, 2);
  await seedDatabase(db);
  await sql.end();
  project.provide("databaseUrl", database.url);
  return async () => {
    await database.drop();
    await server.stop();
  };
}
