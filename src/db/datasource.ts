import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { DataSource, DataSourceOptions, Logger } from "typeorm";
import { ENTITIES } from "../entities";
import { MIGRATIONS } from "../migrations";

export const DEFAULT_DATABASE_URL = "sqlite:./data/license-graph.sqlite";

export type Engine = "sqlite" | "postgres";

export function engineOf(url: string): Engine {
  if (url.startsWith("sqlite:")) return "sqlite";
  if (/^postgres(ql)?:\/\//.test(url)) return "postgres";
  throw new Error(`DATABASE_URL must start with sqlite: or postgres:// (got "${url.split(":")[0]}:…")`);
}

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
}

/** The PostgreSQL connection settings that come from the environment (README, "Configuration"). */
export interface PgEnvSettings {
  poolSize: number;
  statementTimeoutMs: number;
  ssl: false | { rejectUnauthorized: boolean };
}

function wholeNumber(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number): number {
  const raw = env[name];
  if (raw === undefined || raw.trim() === "") return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min) throw new Error(`${name} must be a whole number ≥ ${min} (got "${raw}")`);
  return n;
}

function flag(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const raw = env[name]?.trim().toLowerCase();
  if (raw === undefined || raw === "") return fallback;
  if (raw === "true" || raw === "1") return true;
  if (raw === "false" || raw === "0") return false;
  throw new Error(`${name} must be true or false (got "${env[name]}")`);
}

export function pgSettingsFromEnv(env: NodeJS.ProcessEnv = process.env): PgEnvSettings {
  return {
    poolSize: wholeNumber(env, "DB_POOL_SIZE", 10, 1),
    statementTimeoutMs: wholeNumber(env, "DB_STATEMENT_TIMEOUT_MS", 0, 0),
    ssl: flag(env, "DB_SSL", false) ? { rejectUnauthorized: flag(env, "DB_SSL_REJECT_UNAUTHORIZED", true) } : false,
  };
}

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
      timeout: 5000,
    };
  }
  const env = pgSettingsFromEnv();
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
  };
}

export function createDataSource(s: DataSourceSettings): DataSource {
  return new DataSource(dataSourceOptions(s));
}
