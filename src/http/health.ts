import type { App } from "../app/context";

/** For load balancers: the database answers and no migration is pending. */
export async function readiness(app: App): Promise<{ ready: boolean; database: boolean; migrationsPending: boolean | null }> {
  if (!(await app.database.ping())) return { ready: false, database: false, migrationsPending: null };
  const migrationsPending = await app.database.migrationsPending();
  return { ready: !migrationsPending, database: true, migrationsPending };
}

