import { DataSource } from "typeorm";
import { TokenVerifier } from "./app/auth/jwt";
import { Clock, systemClock } from "./domain/clock";
import { Config, loadConfig } from "./config";
import { App, Logger } from "./app/context";
import { Database } from "./data/database";
import { Catalog } from "./data/catalog";
import { TenantStateCache } from "./data/licensing/tenant-state";
import { liveChannel } from "./data/live-listener";
import { notifyBeforeCommit } from "./app/live-events";

export const jsonLogger: Logger = {
  info: (msg, fields) => console.log(JSON.stringify({ level: "info", msg, time: new Date().toISOString(), ...fields })),
  error: (msg, fields) => console.error(JSON.stringify({ level: "error", msg, time: new Date().toISOString(), ...fields })),
};

/** Any number of instances may start at once: on PostgreSQL an advisory lock lets one migrate while the others wait. */
export async function migrate(ds: DataSource): Promise<void> {
  if (ds.options.type !== "postgres") {
    await ds.runMigrations({ transaction: "each" });
    return;
  }
  const qr = ds.createQueryRunner();
  await qr.connect();
  try {
    await qr.query("SELECT pg_advisory_lock(7366051)");
    await ds.runMigrations({ transaction: "each" });
  } finally {
    await qr.query("SELECT pg_advisory_unlock(7366051)").catch(() => undefined);
    await qr.release();
  }
}

export interface AppOptions {
  dataSource: DataSource;
  config?: Partial<Config>;
  clock?: Clock;
  log?: Logger;
  /** Apply pending migrations (the default); tests that synchronize skip it. */
  migrate?: boolean;
}

/** Connects, migrates and loads the catalog; no HTTP, no side effects beyond the database. */
export async function createApp(o: AppOptions): Promise<App> {
  const config = { ...loadConfig(), ...o.config };
  if (!o.dataSource.isInitialized) await o.dataSource.initialize();
  if (o.migrate !== false) await migrate(o.dataSource);
  const database = new Database(o.dataSource);
  return {
    database,
    catalog: await Catalog.load(o.dataSource),
    clock: o.clock ?? systemClock,
    config,
    verifier: new TokenVerifier({ secret: config.jwtSecret, jwksUrl: config.jwksUrl, issuer: config.jwtIssuer, audience: config.jwtAudience }),
    log: o.log ?? jsonLogger,
    tenantStates: new TenantStateCache(),
    commitListeners: [],
    // E3: on PostgreSQL every write tells every instance at commit (LISTEN/NOTIFY); SQLite serves one process.
    beforeCommit: database.engine === "postgres" ? [notifyBeforeCommit(liveChannel(o.dataSource))] : [],
  };
}
