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
  return {
    ...common,
    type: "postgres",
    url: s.url,
    extra: s.searchPath ? { options: `-c search_path=${s.searchPath}` } : undefined,
    poolSize: s.poolSize ?? Number(process.env.DB_POOL_SIZE ?? 10),
  };
}

export function createDataSource(s: DataSourceSettings): DataSource {
  return new DataSource(dataSourceOptions(s));
}
