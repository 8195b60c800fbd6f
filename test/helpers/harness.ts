import "reflect-metadata";
import { ApolloServer } from "@apollo/server";
import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import { randomBytes } from "node:crypto";
import { Client } from "pg";
import { DocumentNode } from "graphql";
import { DataSource, Logger } from "typeorm";
import { createApp } from "../../src/boot";
import { signToken } from "../../src/app/auth/sign";
import { ManualClock } from "../../src/domain/clock";
import { Config } from "../../src/config";
import { App, Logger as AppLogger } from "../../src/app/request/context";
import type { GraphQLOperation } from "../../src/api/graphql/operation";
import { createDataSource } from "../../src/data/datasource";
import { createServer, Server } from "node:http";
import { AddressInfo } from "node:net";
import { createHttpHandler } from "../../src/http/server";
import { createApolloServer, contextFor } from "../../src/api/graphql/apollo";
import { attachLiveUpdates } from "../../src/api/graphql/ws";

export const TEST_SECRET = "test-secret-that-is-long-enough-for-hs256!";

/** SQLite always; PostgreSQL too when TEST_DATABASE_URL is set (DESIGN §8). */
export function engines(): [string, string][] {
  const list: [string, string][] = [["sqlite", "sqlite::memory:"]];
  if (process.env.TEST_DATABASE_URL) list.push(["postgres", process.env.TEST_DATABASE_URL]);
  return list;
}

export interface GqlResult<T = unknown> {
  data?: T;
  errors?: { message: string; extensions?: Record<string, unknown>; path?: (string | number)[] }[];
}

export type Vars = Record<string, unknown>;

/**
 * What `ok()` returns: the generated result type with `null` taken out of object fields. `ok()` is
 * for calls a test expects to succeed and then reads; a field that is null after all fails the test
 * at run time. `exec()` keeps the exact, nullable types.
 */
export type Present<T> = T extends (infer E)[]
  ? Present<E>[]
  : T extends object
    ? { [K in keyof T]-?: Present<NonNullable<T[K]>> }
    : T;

/**
 * A document typed by `npm run codegen:test` (test/gql/). Tables of calls that only look at error
 * codes hold documents of different operations side by side; they use `AnyDoc`.
 */
export type Doc<R, V> = TypedDocumentNode<R, V>;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyDoc = TypedDocumentNode<any, any>;

declare const invalid: unique symbol;
/** Variables a test sends on purpose against the operation's types: the server must refuse them. */
export type InvalidVars = Vars & { readonly [invalid]: true };
export const invalidVars = (v: Vars): InvalidVars => v as InvalidVars;

/** Counts the SQL statements the app sends, for the N+1 tests. */
export class CountingLogger implements Logger {
  count = 0;
  queries: string[] = [];
  logQuery(query: string): void {
    this.count++;
    this.queries.push(query);
  }
  logQueryError(): void {}
  logQuerySlow(): void {}
  logSchemaBuild(): void {}
  logMigration(): void {}
  log(): void {}
}

export class TestApi {
  constructor(
    readonly app: App,
    readonly server: ApolloServer<GraphQLOperation>,
    readonly ds: DataSource,
    readonly clock: ManualClock,
    readonly logger: CountingLogger,
    private readonly cleanup: () => Promise<void>,
  ) {}

  static async start(url: string, opts: { config?: Partial<Config>; log?: AppLogger } = {}): Promise<TestApi> {
    const logger = new CountingLogger();
    let dbUrl = url;
    let cleanup = async () => {};
    let schema: string | undefined;
    if (url.startsWith("postgres")) {
      schema = `t_${randomBytes(6).toString("hex")}`;
      const admin = new Client({ connectionString: url });
      await admin.connect();
      await admin.query(`CREATE SCHEMA ${schema}`);
      await admin.end();
      cleanup = async () => {
        const c = new Client({ connectionString: url });
        await c.connect();
        await c.query(`DROP SCHEMA ${schema} CASCADE`);
        await c.end();
      };
    }
    const ds = createDataSource({ url: dbUrl, logger, searchPath: schema });
    const clock = new ManualClock("2026-03-10T09:00:00.000Z");
    const app = await createApp({
      dataSource: ds,
      clock,
      config: { jwtSecret: TEST_SECRET, production: false, introspection: true, throttle: { principalPoints: 0, tenantPoints: 0, windowSeconds: 60 }, ...opts.config },
      log: opts.log ?? { info: () => undefined, error: () => undefined },
    });
    const server = await createApolloServer(app);
    return new TestApi(app, server, ds, clock, logger, cleanup);
  }

  private http?: Server;
  private sharesDataSource = false;

  /** A second instance on the same database (its own throttle, caches and Apollo server), as in a scale-out. */
  async sibling(opts: { config?: Partial<Config>; log?: AppLogger } = {}): Promise<TestApi> {
    const app = await createApp({
      dataSource: this.ds, clock: this.clock, migrate: false, config: { ...this.app.config, ...opts.config },
      log: opts.log ?? { info: () => undefined, error: () => undefined },
    });
    const s = new TestApi(app, await createApolloServer(app), this.ds, this.clock, this.logger, async () => undefined);
    s.sharesDataSource = true;
    return s;
  }

  /** Serves the app over real HTTP on a free loopback port; returns the base URL. */
  async listen(): Promise<string> {
    this.http = createServer(createHttpHandler(this.app, this.server));
    // A test's fetch reuses idle keep-alive sockets; under load the server's 5 s idle close could race that reuse
    // (ECONNRESET in the model test's SCIM DELETE). Tests end by closing the server, so idle sockets may stay.
    this.http.keepAliveTimeout = 60_000;
    await attachLiveUpdates(this.app, this.http);
    await new Promise<void>((r) => this.http!.listen(0, "127.0.0.1", r));
    return `http://127.0.0.1:${(this.http.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    // Apollo's drain closes the live sockets first: the HTTP server closes only once they are gone.
    await this.server.stop();
    if (this.http) await new Promise((r) => this.http!.close(r));
    await this.app.throttle.close();
    if (this.sharesDataSource) return;
    await this.ds.destroy();
    await this.cleanup();
  }

  /**
   * Runs one operation as the bearer of `token` (undefined: no Authorization header). Documents come
   * from `graphql(\`…\`)` and type both the variables and the result; a plain string is only for
   * documents a test sends invalid on purpose (the server must refuse them).
   */
  exec<R, V>(token: string | undefined, query: Doc<R, V>, variables?: NoInfer<V> | InvalidVars): Promise<GqlResult<R>>;
  exec(token: string | undefined, query: string | AnyDoc, variables?: Vars): Promise<GqlResult<unknown>>;
  async exec(token: string | undefined, query: AnyDoc | string, variables?: Vars): Promise<GqlResult<unknown>> {
    let ctx: GraphQLOperation;
    try {
      ctx = await contextFor(this.app, token === undefined ? undefined : `Bearer ${token}`);
    } catch (e) {
      const err = e as { message: string; extensions?: Record<string, unknown> };
      return { errors: [{ message: err.message, extensions: err.extensions }] };
    }
    const request = typeof query === "string" ? { query, variables } : { query: query as DocumentNode, variables };
    const res = await this.server.executeOperation(request, { contextValue: ctx });
    if (res.body.kind !== "single") throw new Error("incremental delivery is not used");
    // Every response carries extensions.cost (T1): readable as `extensions`, but left out of whole-result comparisons.
    const { extensions, ...rest } = res.body.singleResult;
    return Object.defineProperty(rest, "extensions", { value: extensions, enumerable: false }) as GqlResult<unknown>;
  }

  /** Like exec, but fails the test on any error and returns data. */
  async ok<R, V>(token: string | undefined, query: Doc<R, V>, variables?: NoInfer<V>): Promise<Present<R>> {
    const r = await this.exec(token, query, variables);
    if (r.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(r.errors)}`);
    return r.data as Present<R>;
  }

  /** The error code of a failed operation (fails the test when it did not fail). */
  code<R, V>(token: string | undefined, query: Doc<R, V>, variables?: NoInfer<V> | InvalidVars): Promise<string>;
  code(token: string | undefined, query: string | AnyDoc, variables?: Vars): Promise<string>;
  async code(token: string | undefined, query: AnyDoc | string, variables?: Vars): Promise<string> {
    const r = await this.exec(token, query as AnyDoc, variables);
    if (!r.errors?.length) throw new Error(`expected an error, got ${JSON.stringify(r.data)}`);
    return String(r.errors[0].extensions?.code);
  }

  /** Runs a call that must fail, proves the whole database is unchanged, returns the error code. */
  failsUnchanged<R, V>(token: string | undefined, query: Doc<R, V>, variables?: NoInfer<V> | InvalidVars): Promise<string>;
  failsUnchanged(token: string | undefined, query: string | AnyDoc, variables?: Vars): Promise<string>;
  async failsUnchanged(token: string | undefined, query: AnyDoc | string, variables?: Vars): Promise<string> {
    const before = await this.snapshot();
    const r = await this.exec(token, query as AnyDoc, variables);
    expect(r.errors?.length).toBeGreaterThan(0);
    await this.expectUnchanged(before);
    return String(r.errors![0].extensions?.code);
  }

  /**
   * "A failed mutation changes nothing" (§7): the whole database equals the snapshot taken before.
   * On a mismatch the failure shows only the rows that were added or removed, table by table.
   */
  async expectUnchanged(before: string): Promise<void> {
    const after = await this.snapshot();
    if (after === before) return;
    const was = JSON.parse(before) as Record<string, string[]>;
    const now = JSON.parse(after) as Record<string, string[]>;
    const diff: Record<string, { added: string[]; removed: string[] }> = {};
    for (const table of new Set([...Object.keys(was), ...Object.keys(now)])) {
      const w = new Set(was[table] ?? []);
      const n = new Set(now[table] ?? []);
      const added = (now[table] ?? []).filter((r) => !w.has(r));
      const removed = (was[table] ?? []).filter((r) => !n.has(r));
      if (added.length || removed.length) diff[table] = { added, removed };
    }
    expect(diff).toEqual({});
    expect(after).toBe(before);
  }

  token(claims: { tid?: string; oid?: string; roles?: string[] }): Promise<string> {
    return signToken(TEST_SECRET, claims);
  }

  operatorToken(): Promise<string> {
    return this.token({ roles: ["PlatformOperator"] });
  }

  /**
   * The tables of the current schema, read from the database itself so a new table is covered without
   * editing this file. Only TypeORM's own migration bookkeeping is left out.
   */
  async snapshotTables(): Promise<string[]> {
    const bookkeeping = this.ds.options.migrationsTableName ?? "migrations";
    const rows: { name: string }[] =
      this.ds.options.type === "postgres"
        ? await this.ds.query(
            `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'`,
          )
        : await this.ds.query(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`);
    return rows.map((r) => r.name).filter((n) => n !== bookkeeping).sort();
  }

  /** A snapshot of every table, to prove a failed mutation changed nothing. */
  async snapshot(): Promise<string> {
    const out: Record<string, unknown[]> = {};
    for (const t of await this.snapshotTables()) {
      const rows = await this.ds.query(`SELECT * FROM "${t}"`);
      out[t] = rows.map((r: Record<string, unknown>) => JSON.stringify(r)).sort();
    }
    return JSON.stringify(out);
  }
}
