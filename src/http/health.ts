import type { App } from "../app/context";

/** For load balancers: the database answers and no migration is pending. */
export async function readiness(app: App): Promise<{ ready: boolean; database: boolean; migrationsPending: boolean | null }> {
  try {
    await app.database.ds.query("SELECT 1");
  } catch {
    return { ready: false, database: false, migrationsPending: null };
  }
  const migrationsPending = await app.database.ds.showMigrations().catch(() => true);
  return { ready: !migrationsPending, database: true, migrationsPending };
}

