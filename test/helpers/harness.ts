import "reflect-metadata";
import { ApolloServer } from "@apollo/server";
import { randomBytes } from "node:crypto";
import { Client } from "pg";
import { DataSource, Logger } from "typeorm";
import { createApp } from "../../src/boot";
import { signToken } from "../../src/app/auth/sign";
import { ManualClock } from "../../src/domain/clock";
import { Config } from "../../src/config";
import { App, Ctx, Logger as AppLogger } from "../../src/app/context";
import { createDataSource } from "../../src/data/datasource";
import { createServer, Server } from "node:http";
import { AddressInfo } from "node:net";
import { createHttpHandler } from "../../src/http/server";
import { createApolloServer, contextFor } from "../../src/api/graphql/apollo";

export const TEST_SECRET = "test-secret-that-is-long-enough-for-hs256!";

/** SQLite always; PostgreSQL too when TEST_DATABASE_URL is set (DESIGN §8). */
export function engines(): [string, string][] {
  const list: [string, string][] = [["sqlite", "sqlite::memory:"]];
  if (process.env.TEST_DATABASE_URL) list.push(["postgres", process.env.TEST_DATABASE_URL]);
  return list;
}

export interface GqlResult<T = any> {
  data?: T;
  errors?: { message: string; extensions?: Record<string, unknown>; path?: (string | number)[] }[];
}

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
    readonly server: ApolloServer<Ctx>,
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
    await new Promise<void>((r) => this.http!.listen(0, "127.0.0.1", r));
    return `http://127.0.0.1:${(this.http.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    if (this.http) await new Promise((r) => this.http!.close(r));
    await this.server.stop();
    await this.app.throttle.close();
    if (this.sharesDataSource) return;
    await this.ds.destroy();
    await this.cleanup();
  }

  /** Runs one operation as the bearer of `token` (undefined: no Authorization header). */
  async exec<T = any>(token: string | undefined, query: string, variables?: Record<string, unknown>): Promise<GqlResult<T>> {
    let ctx: Ctx;
    try {
      ctx = await contextFor(this.app, token === undefined ? undefined : `Bearer ${token}`);
    } catch (e) {
      const err = e as { message: string; extensions?: Record<string, unknown> };
      return { errors: [{ message: err.message, extensions: err.extensions }] };
    }
    const res = await this.server.executeOperation<T>({ query, variables }, { contextValue: ctx });
    if (res.body.kind !== "single") throw new Error("incremental delivery is not used");
    // Every response carries extensions.cost (T1): readable as `extensions`, but left out of whole-result comparisons.
    const { extensions, ...rest } = res.body.singleResult;
    return Object.defineProperty(rest, "extensions", { value: extensions, enumerable: false }) as GqlResult<T>;
  }

  /** Like exec, but fails the test on any error and returns data. */
  async ok<T = any>(token: string | undefined, query: string, variables?: Record<string, unknown>): Promise<T> {
    const r = await this.exec<T>(token, query, variables);
    if (r.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(r.errors)}`);
    return r.data as T;
  }

  /** The error code of a failed operation (fails the test when it did not fail). */
  async code(token: string | undefined, query: string, variables?: Record<string, unknown>): Promise<string> {
    const r = await this.exec(token, query, variables);
    if (!r.errors?.length) throw new Error(`expected an error, got ${JSON.stringify(r.data)}`);
    return String(r.errors[0].extensions?.code);
  }

  /** Runs a call that must fail, proves the whole database is unchanged, returns the error code. */
  async failsUnchanged(token: string | undefined, query: string, variables?: Record<string, unknown>): Promise<string> {
    const before = await this.snapshot();
    const r = await this.exec(token, query, variables);
    expect(r.errors?.length).toBeGreaterThan(0);
    expect(await this.snapshot()).toEqual(before);
    return String(r.errors![0].extensions?.code);
  }

  token(claims: { tid?: string; oid?: string; roles?: string[] }): Promise<string> {
    return signToken(TEST_SECRET, claims);
  }

  operatorToken(): Promise<string> {
    return this.token({ roles: ["PlatformOperator"] });
  }

  /** A snapshot of every table, to prove a failed mutation changed nothing. */
  async snapshot(): Promise<string> {
    const tables = ["tenant", "purchase_order", "subscription", "app_user", "security_group", "group_user_member", "group_nesting",
      "user_license_assignment", "group_license_assignment", "license_want", "seat_pool", "bot", "bot_usage", "audit_event"];
    const out: Record<string, unknown[]> = {};
    for (const t of tables) {
      const rows = await this.ds.query(`SELECT * FROM ${t}`);
      out[t] = rows.map((r: Record<string, unknown>) => JSON.stringify(r)).sort();
    }
    return JSON.stringify(out);
  }
}
