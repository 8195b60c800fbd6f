/**
 * The bench's own database access for the references: the raw drivers
 * (better-sqlite3, pg) with no ORM in between, so the lower bounds are lower bounds.
 * SQL is written once with `?` placeholders; PostgreSQL gets `$n`.
 */
import { Client } from "pg";

export type Engine = "sqlite" | "postgres";

export interface Sql {
  readonly engine: Engine;
  /** Statements sent since the last reset. */
  statements: number;
  all<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  run(sql: string, params?: unknown[]): Promise<number>;
  /** BEGIN (SQLite: IMMEDIATE) … COMMIT, ROLLBACK on error. */
  transaction<T>(fn: () => Promise<T>): Promise<T>;
  /** A boolean parameter as the engine stores it. */
  bool(v: boolean): boolean | number;
  close(): Promise<void>;
}

/** `?` → `$1, $2, …` (the bench's SQL has no `?` inside string literals). */
export function toPg(sql: string): string {
  let i = 0;
  return sql.replace(/\?/g, () => `$${++i}`);
}

interface BetterStatement {
  all(...params: unknown[]): unknown[];
  run(...params: unknown[]): { changes: number };
  reader: boolean;
}
interface BetterDb {
  prepare(sql: string): BetterStatement;
  pragma(s: string): unknown;
  close(): void;
}

class SqliteSql implements Sql {
  readonly engine = "sqlite" as const;
  statements = 0;
  private readonly db: BetterDb;
  private readonly cache = new Map<string, BetterStatement>();

  constructor(file: string) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const Database = require("better-sqlite3") as new (f: string, o?: Record<string, unknown>) => BetterDb;
    this.db = new Database(file, { timeout: 5000 });
    this.db.pragma("journal_mode = WAL");
  }

  private stmt(sql: string): BetterStatement {
    let s = this.cache.get(sql);
    if (!s) this.cache.set(sql, (s = this.db.prepare(sql)));
    return s;
  }

  async all<T>(sql: string, params: unknown[] = []): Promise<T[]> {
    this.statements++;
    return this.stmt(sql).all(...params) as T[];
  }

  async run(sql: string, params: unknown[] = []): Promise<number> {
    this.statements++;
    return this.stmt(sql).run(...params).changes;
  }

  transaction<T>(fn: () => Promise<T>): Promise<T> {
    return inTransaction(this, "BEGIN IMMEDIATE", fn);
  }

  bool(v: boolean): number {
    return v ? 1 : 0;
  }

  async close(): Promise<void> {
    this.db.close();
  }
}

class PgSql implements Sql {
  readonly engine = "postgres" as const;
  statements = 0;
  private readonly names = new Map<string, string>();

  constructor(private readonly client: Client) {}

  static async connect(url: string, searchPath?: string): Promise<PgSql> {
    const client = new Client({ connectionString: url, ...(searchPath ? { options: `-c search_path=${searchPath}` } : {}) });
    await client.connect();
    return new PgSql(client);
  }

  /** Named (server-side prepared) statements: what a lower bound would use. */
  private config(sql: string, params: unknown[]) {
    const text = toPg(sql);
    let name = this.names.get(text);
    if (!name && !/^\s*(BEGIN|COMMIT|ROLLBACK)/i.test(text)) this.names.set(text, (name = `b${this.names.size + 1}`));
    return { name, text, values: params };
  }

  async all<T>(sql: string, params: unknown[] = []): Promise<T[]> {
    this.statements++;
    return (await this.client.query(this.config(sql, params))).rows as T[];
  }

  async run(sql: string, params: unknown[] = []): Promise<number> {
    this.statements++;
    return (await this.client.query(this.config(sql, params))).rowCount ?? 0;
  }

  transaction<T>(fn: () => Promise<T>): Promise<T> {
    return inTransaction(this, "BEGIN", fn);
  }

  bool(v: boolean): boolean {
    return v;
  }

  async close(): Promise<void> {
    await this.client.end();
  }
}

export async function openSql(engine: Engine, target: { file?: string; url?: string; searchPath?: string }): Promise<Sql> {
  if (engine === "sqlite") return new SqliteSql(target.file!);
  return PgSql.connect(target.url!, target.searchPath);
}

/** SQLite returns 0/1, PostgreSQL true/false. */
export const truthy = (v: unknown): boolean => v === true || v === 1 || v === "1" || v === "t" || v === "true";

async function inTransaction<T>(db: { run(sql: string): Promise<unknown> }, begin: string, fn: () => Promise<T>): Promise<T> {
  await db.run(begin);
  try {
    const out = await fn();
    await db.run("COMMIT");
    return out;
  } catch (e) {
    await db.run("ROLLBACK");
    throw e;
  }
}
