import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Client } from "pg";
import { createDatabase } from "./instances";

type Sqlite = { exec(sql: string): void; close(): void };
// eslint-disable-next-line @typescript-eslint/no-require-imports
const openSqlite = (file: string): Sqlite => new (require("better-sqlite3"))(file, { timeout: 0 });

/** Process engines of the crash and drain tests: SQLite always, PostgreSQL with TEST_DATABASE_URL. */
export function processEngines(): [string, string][] {
  const list: [string, string][] = [["sqlite", "sqlite"]];
  if (process.env.TEST_DATABASE_URL) list.push(["postgres", process.env.TEST_DATABASE_URL]);
  return list;
}

/**
 * A database of its own for server processes: a SQLite file in a fresh folder, or a new PostgreSQL database;
 * with a probe that tells whether a server process holds a write transaction open right now.
 */
export class ProcessDatabase {
  private watcher?: Client;

  private constructor(readonly engine: string, readonly url: string, private readonly sqliteFile: string, private readonly drop: () => Promise<void>) {}

  static async create(engine: string, base: string, prefix: string): Promise<ProcessDatabase> {
    if (engine === "sqlite") {
      const dir = mkdtempSync(join(tmpdir(), `lg-${prefix}-`));
      const file = join(dir, "license-graph.sqlite");
      return new ProcessDatabase(engine, `sqlite:${file}`, file, async () => rmSync(dir, { recursive: true, force: true }));
    }
    const db = await createDatabase(base, `lg_${prefix}`);
    return new ProcessDatabase(engine, db.url, "", db.drop);
  }

  /**
   * True while another connection has a write transaction open. SQLite: the write lock is free when it can be
   * taken and given back at once (held: SQLITE_BUSY). PostgreSQL: a backend with a transaction ID, whose
   * current statement matches `statement` when given (say, past the reads and the tenant lock).
   */
  async writerInFlight(statement?: string): Promise<boolean> {
    if (this.engine === "sqlite") {
      const probe = openSqlite(this.sqliteFile);
      try {
        probe.exec("BEGIN IMMEDIATE");
        probe.exec("ROLLBACK");
        return false;
      } catch (e) {
        if ((e as { code?: string }).code?.startsWith("SQLITE_BUSY")) return true;
        throw e;
      } finally {
        probe.close();
      }
    }
    if (!this.watcher) {
      this.watcher = new Client({ connectionString: this.url });
      await this.watcher.connect();
    }
    const r = await this.watcher.query(
      `SELECT count(*)::int AS n FROM pg_stat_activity
        WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_xid IS NOT NULL
          ${statement ? "AND query ~* $1" : ""}`,
      statement ? [statement] : [],
    );
    return r.rows[0].n > 0;
  }

  /** Ends the probe's own connection (before a restart counts connections, and at the end). */
  async endProbe(): Promise<void> {
    await this.watcher?.end();
    this.watcher = undefined;
  }

  async cleanup(): Promise<void> {
    await this.endProbe();
    await this.drop();
  }
}
