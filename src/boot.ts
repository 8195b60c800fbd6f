import { DataSource } from "typeorm";
import { TokenVerifier } from "./app/auth/jwt";
import { Clock, systemClock } from "./domain/clock";
import { Config, loadConfig } from "./config";
import { App, Logger } from "./app/request/context";
import { Database } from "./data/database";
import { Catalog } from "./data/catalog";
import { TenantStateCache } from "./data/licensing/tenant-state";
import { liveChannel } from "./data/live-listener";
import { notifyBeforeCommit } from "./app/live/events";
import pino, { DestinationStream, Logger as PinoLogger } from "pino";
import { Throttle } from "./infra/throttle";
import { Metrics, PoolUse } from "./infra/metrics";
import { ActivityRecorder } from "./app/request/activity";
import { AnswerCache } from "./app/request/answer-cache";
import { outboxBeforeCommit } from "./app/webhooks/outbox";

/**
 * The process's JSON log (pino, on stdout), made on first use. Lines are written asynchronously (lines that arrive
 * while a write is under way go out together: a blocking write per request cost W1 about 5% of its CPU);
 * `flush()` writes what is pending before the process exits.
 */
export const jsonLogger: Logger & { flush(): void } = {
  info: (msg, fields) => processLog().info(fields ?? {}, msg),
  error: (msg, fields) => processLog().error(fields ?? {}, msg),
  flush: () => {
    try {
      logStream?.flushSync();
    } catch {
      // Best effort at exit: a write still under way finishes on its own.
    }
  },
};

let logInstance: PinoLogger | undefined;
let logStream: ReturnType<typeof pino.destination> | undefined;
function processLog(): PinoLogger {
  if (!logInstance) {
    logStream = pino.destination({ sync: false, minLength: 0 });
    logInstance = createLog(loadConfig().logLevel, logStream);
  }
  return logInstance;
}

/** Secrets never reach the log: whatever field a caller might pass them in is censored. */
export function createLog(level: string, destination: DestinationStream): PinoLogger {
  return pino(
    {
      level,
      base: undefined,
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      // Top-level paths only: wildcard paths doubled the cost of a request line (10 µs against 5).
      redact: { paths: ["authorization", "token", "secret", "password", "headers.authorization"], censor: "[redacted]" },
    },
    destination,
  );
}

/** Database connections of the app's pool (PostgreSQL: pg's pool; SQLite: its one connection). */
function poolUse(ds: DataSource, database: Database): PoolUse {
  const pool = (ds.driver as unknown as { master?: { totalCount: number; idleCount: number; waitingCount: number; options?: { max?: number } } }).master;
  if (pool && typeof pool.totalCount === "number") {
    return { total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount, max: pool.options?.max ?? 10 };
  }
  return { total: 1, idle: database.mutex.held ? 0 : 1, waiting: database.mutex.waiting, max: 1 };
}

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
  const log = o.log ?? jsonLogger;
  const database = new Database(o.dataSource, {
    waitMs: config.db.unavailableWaitMs,
    // Once per outage each way, as for Redis: the 503s themselves are counted by code in the metrics.
    onChange: (reachable, error) =>
      reachable ? log.info("database reachable again") : log.error("database unreachable", { error: String((error as Error)?.message ?? error) }),
  }, { rowCache: config.rowCache });
  const answers = new AnswerCache(config.answerCache && config.rowCache);
  const metrics = new Metrics(() => poolUse(o.dataSource, database), () => database.rowCache, () => answers);
  const clock = o.clock ?? systemClock;
  // The buckets refill by the app's clock: tests move it (ManualClock) to play T2's cases.
  const throttle = new Throttle(config.throttle, log, clock);
  throttle.onRefused = (bucket, transport) => metrics.throttledRequest(bucket, transport);
  return {
    database,
    catalog: await Catalog.load(o.dataSource),
    clock,
    config,
    verifier: new TokenVerifier({ secret: config.jwtSecret, jwksUrl: config.jwksUrl, issuer: config.jwtIssuer, audience: config.jwtAudience }),
    log,
    tenantStates: new TenantStateCache(),
    commitListeners: [],
    // E3: on PostgreSQL every write tells every instance at commit (LISTEN/NOTIFY); SQLite serves one process.
    // MG6: the outbox rows of the write, in its transaction; then (PostgreSQL) the NOTIFY, last.
    beforeCommit: [outboxBeforeCommit(clock), ...(database.engine === "postgres" ? [notifyBeforeCommit(liveChannel(o.dataSource))] : [])],
    throttle,
    metrics,
    activity: new ActivityRecorder(database, clock, log, config.activity),
    answers,
  };
}
