import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { DataSource, DataSourceOptions, Logger } from "typeorm";
import { ENTITIES } from "./entities";
import { MIGRATIONS } from "./migrations";
import { databaseSettingsFrom, engineOf } from "../config";

export type { Engine } from "../config";

/** How long a SQLite statement waits for another connection's lock (README: busy timeout 5 s). */
const SQLITE_BUSY_TIMEOUT_MS = 5000;

export interface DataSourceSettings {
  url: string;
  logger?: Logger;
  /** Tests only: build the schema from the entities instead of the migrations. */
  synchronize?: boolean;
  poolSize?: number;
  /** PostgreSQL: the schema to work in (tests use one per file). */
  searchPath?: string;
  /** PostgreSQL: statement_timeout in milliseconds (0: none). Default: DB_STATEMENT_TIMEOUT_MS. */
  statementTimeoutMs?: number;
  /** PostgreSQL: TLS. Default: from DB_SSL / DB_SSL_REJECT_UNAUTHORIZED. An `sslmode` in the URL wins over both. */
  ssl?: false | { rejectUnauthorized: boolean };
  /** PostgreSQL: how long the pool waits for a connection (H5). Default: DB_UNAVAILABLE_WAIT_MS. */
  unavailableWaitMs?: number;
}

/** pg's 0 means "wait for ever"; a new connection needs a moment even when all is well. */
const MIN_CONNECT_WAIT_MS = 1000;

export function dataSourceOptions(s: DataSourceSettings): DataSourceOptions {
  const common = {
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsRun: false,
    synchronize: s.synchronize ?? false,
    logger: s.logger,
    logging: s.logger ? (["query", "error"] as ("query" | "error")[]) : false,
  };
  if (engineOf(s.url) === "sqlite") {
    const file = s.url.slice("sqlite:".length) || ":memory:";
    if (file !== ":memory:") mkdirSync(dirname(file), { recursive: true });
    return {
      ...common,
      type: "better-sqlite3",
      database: file,
      enableWAL: file !== ":memory:",
      timeout: SQLITE_BUSY_TIMEOUT_MS,
    };
  }
  const env = databaseSettingsFrom();
  const statementTimeoutMs = s.statementTimeoutMs ?? env.statementTimeoutMs;
  const ssl = s.ssl ?? env.ssl;
  const extra: Record<string, unknown> = {};
  if (s.searchPath) extra.options = `-c search_path=${s.searchPath}`;
  // pg sends it as a startup parameter: every connection of the pool has it, no extra round trip.
  if (statementTimeoutMs > 0) extra.statement_timeout = statementTimeoutMs;
  return {
    ...common,
    type: "postgres",
    url: s.url,
    // With `sslmode` in the URL, pg derives TLS from the URL and ignores this.
    ssl: ssl || undefined,
    extra,
    poolSize: s.poolSize ?? env.poolSize,
    // H5 "the pool timed out": a connection that cannot be had (pool exhausted, host silent) fails after the wait.
    connectTimeoutMS: Math.max(MIN_CONNECT_WAIT_MS, s.unavailableWaitMs ?? env.unavailableWaitMs),
  };
}

export function createDataSource(s: DataSourceSettings): DataSource {
  return new DataSource(dataSourceOptions(s));
}
