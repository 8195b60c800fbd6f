import "reflect-metadata";
import { ChildProcess, execFile, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { request as httpRequest } from "node:http";
import { createServer as createNetServer } from "node:net";
import { join, resolve } from "node:path";
import { Client } from "pg";
import { DataSource } from "typeorm";
import { createApp } from "../../src/boot";
import { signToken } from "../../src/app/auth/sign";
import { ManualClock } from "../../src/domain/clock";
import { createDataSource } from "../../src/data/datasource";
import { User } from "../../src/data/entities";
import { newId } from "../../src/domain/ids";
import { createApolloServer } from "../../src/api/graphql/apollo";
import { print } from "graphql";
import { AnyDoc, CountingLogger, Doc, GqlResult, Present, TEST_SECRET, TestApi, Vars } from "./harness";

export const ROOT = resolve(__dirname, "../..");

// ---------------------------------------------------------------------------
// N in-process API instances on one PostgreSQL schema
// ---------------------------------------------------------------------------

export interface Instances {
  /** One app per simulated instance, each with its own DataSource and pool. */
  apis: TestApi[];
  schema: string;
  stop(): Promise<void>;
}

/**
 * Like TestApi.start, but `n` apps share one fresh schema: the picture of `n`
 * API instances behind a load balancer on one PostgreSQL database.
 */
export async function startInstances(url: string, n: number, opts: { poolSize?: number } = {}): Promise<Instances> {
  if (!url.startsWith("postgres")) throw new Error("several instances on one database need PostgreSQL");
  const schema = `t_${randomBytes(6).toString("hex")}`;
  const admin = new Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  await admin.end();
  const apis: TestApi[] = [];
  const stop = async () => {
    for (const api of apis) await api.stop();
    const c = new Client({ connectionString: url });
    await c.connect();
    await c.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await c.end();
  };
  try {
    // One after the other: the first applies the migrations, the others find none pending.
    for (let i = 0; i < n; i++) {
      const logger = new CountingLogger();
      const ds = createDataSource({ url, logger, searchPath: schema, poolSize: opts.poolSize });
      const clock = new ManualClock("2026-03-10T09:00:00.000Z");
      const app = await createApp({
        dataSource: ds,
        clock,
        // Throttling is not what these tests measure: they drive one tenant hard on purpose.
        config: { jwtSecret: TEST_SECRET, production: false, introspection: true, throttle: { principalPoints: 0, tenantPoints: 0, windowSeconds: 60 } },
        log: { info: () => undefined, error: () => undefined },
      });
      apis.push(new TestApi(app, await createApolloServer(app), ds, clock, logger, async () => {}));
    }
  } catch (e) {
    await stop().catch(() => undefined);
    throw e;
  }
  return { apis, schema, stop };
}

/** Inserts `n` plain users straight into the table (test setup only: far faster than n createUser calls). */
export async function insertUsers(ds: DataSource, tenantId: string, n: number, prefix: string, createdAt = new Date()): Promise<string[]> {
  const rows: User[] = [];
  for (let i = 0; i < n; i++) {
    const upn = `${prefix}${String(i).padStart(5, "0")}@bulk.example`;
    rows.push(Object.assign(new User(), {
      id: newId("user"), tenantId, userPrincipalName: upn, upnKey: upn, displayName: `${prefix} ${i}`,
      accountEnabled: true, roles: [], createdAt,
    }));
  }
  await ds.transaction(async (m) => {
    for (let i = 0; i < rows.length; i += 100) await m.insert(User, rows.slice(i, i + 100));
  });
  return rows.map((r) => r.id);
}

// ---------------------------------------------------------------------------
// Fresh PostgreSQL databases (the process tests need a whole database: main.js uses the default schema)
// ---------------------------------------------------------------------------

export function databaseUrl(baseUrl: string, database: string): string {
  const u = new URL(baseUrl);
  u.pathname = `/${database}`;
  return u.toString();
}

export async function createDatabase(baseUrl: string, prefix: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `${prefix}_${randomBytes(5).toString("hex")}`;
  const c = new Client({ connectionString: baseUrl });
  await c.connect();
  await c.query(`CREATE DATABASE ${name}`);
  await c.end();
  return {
    url: databaseUrl(baseUrl, name),
    async drop() {
      const d = new Client({ connectionString: baseUrl });
      await d.connect();
      // FORCE: a killed server's backend may not have noticed yet that its client is gone.
      await d.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await d.end();
    },
  };
}

// ---------------------------------------------------------------------------
// Real server processes (node dist/src/main.js)
// ---------------------------------------------------------------------------

const MAIN_JS = join(ROOT, "dist/src/main.js");
const STAMP = join(ROOT, "dist/.test-build-stamp");
const LOCK = join(ROOT, "dist/.test-build-lock");

function newestMtime(dir: string): number {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return t;
}

function sourcesNewerThanBuild(): boolean {
  if (!existsSync(MAIN_JS) || !existsSync(STAMP)) return true;
  const built = statSync(STAMP).mtimeMs;
  return Math.max(newestMtime(join(ROOT, "src")), statSync(join(ROOT, "tsconfig.json")).mtimeMs) > built;
}

function run(cmd: string, args: string[]): Promise<{ code: number; output: string }> {
  return new Promise((res) => {
    execFile(cmd, args, { cwd: ROOT, maxBuffer: 16 << 20 }, (err, stdout, stderr) => {
      const code = err ? (typeof (err as { code?: unknown }).code === "number" ? ((err as { code: number }).code) : 1) : 0;
      res({ code, output: `${stdout}${stderr}` });
    });
  });
}

/**
 * `npx tsc -p tsconfig.json` into dist/, once: skipped when nothing under src/
 * changed since the last build made here. A lock directory keeps two test
 * files (parallel jest workers) from writing dist/ at the same time.
 */
export async function buildServer(): Promise<void> {
  mkdirSync(join(ROOT, "dist"), { recursive: true });
  const deadline = Date.now() + 180_000;
  for (;;) {
    try {
      mkdirSync(LOCK);
      break;
    } catch {
      if (Date.now() > deadline) throw new Error(`build lock ${LOCK} held for 3 minutes; remove it if no build runs`);
      // A lock left by a killed run (older than the longest build) is taken over.
      try {
        if (Date.now() - statSync(LOCK).mtimeMs > 120_000) rmSync(LOCK, { recursive: true, force: true });
      } catch { /* gone meanwhile */ }
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  try {
    if (!sourcesNewerThanBuild()) return;
    const startedAt = new Date();
    const r = await run("npx", ["tsc", "-p", "tsconfig.json"]);
    // tsc emits even with type errors (noEmitOnError is off). Type errors are the typecheck's business;
    // here only a server that was not emitted at all is fatal.
    if (!existsSync(MAIN_JS)) throw new Error(`build failed (tsc exit ${r.code}):\n${r.output.slice(0, 4000)}`);
    if (r.code !== 0) console.warn(`tsc reported errors; testing the emitted JavaScript anyway:\n${r.output.slice(0, 2000)}`);
    writeFileSync(STAMP, startedAt.toISOString() + "\n");
    utimesSync(STAMP, startedAt, startedAt);
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}

export function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const s = createNetServer();
    s.once("error", rej);
    s.listen(0, "127.0.0.1", () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => res(port));
    });
  });
}

export class ServerProcess {
  private output = "";
  private exited?: { code: number | null; signal: NodeJS.Signals | null };
  private readonly exit: Promise<void>;

  private constructor(readonly child: ChildProcess, readonly port: number) {
    const keep = (b: Buffer) => {
      this.output = (this.output + b.toString()).slice(-20_000);
    };
    child.stdout!.on("data", keep);
    child.stderr!.on("data", keep);
    this.exit = new Promise((r) => child.once("exit", (code, signal) => ((this.exited = { code, signal }), r())));
  }

  get base(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** The last output of the process, for failure messages. */
  get log(): string {
    return this.output;
  }

  /** `node dist/src/main.js` on `databaseUrl`; resolves once GET /ready answers 200. */
  static async start(databaseUrl: string, env: Record<string, string> = {}): Promise<ServerProcess> {
    const port = await freePort();
    const child = spawn(process.execPath, [MAIN_JS], {
      cwd: ROOT,
      env: { ...process.env, PORT: String(port), DATABASE_URL: databaseUrl, JWT_SECRET: TEST_SECRET, SEED_DEMO: "false", NODE_ENV: "test",
        // These tests drive one tenant hard on purpose; throttling is not what they test.
        RATE_LIMIT_PRINCIPAL_POINTS: "0", RATE_LIMIT_SERVICE_POINTS: "0", RATE_LIMIT_TENANT_POINTS: "0", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    const p = new ServerProcess(child, port);
    await p.waitReady();
    return p;
  }

  /** Polls GET /ready (bounded); fails early when the process dies. */
  async waitReady(timeoutMs = 30_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (this.exited) throw new Error(`server exited (${JSON.stringify(this.exited)}) before it was ready:\n${this.output}`);
      const status = await new Promise<number>((res) => {
        const req = httpRequest({ host: "127.0.0.1", port: this.port, path: "/ready", agent: false }, (r) => {
          r.resume();
          r.on("end", () => res(r.statusCode ?? 0));
        });
        req.on("error", () => res(0)); // not listening yet
        req.end();
      });
      if (status === 200) return;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`server not ready after ${timeoutMs} ms:\n${this.output}`);
  }

  /**
   * One GraphQL operation over HTTP, on a connection of its own (no keep-alive
   * pool that could hand out a socket of a killed process). A failure to talk
   * to the server says whether the process is still alive and what it logged.
   */
  gql<R, V>(token: string | undefined, query: Doc<R, V>, variables?: NoInfer<V>): Promise<GqlResult<R>>;
  gql(token: string | undefined, query: string, variables?: Vars): Promise<GqlResult<unknown>>;
  gql<T>(token: string | undefined, query: AnyDoc | string, variables?: Vars): Promise<GqlResult<T>> {
    const body = JSON.stringify({ query: typeof query === "string" ? query : print(query), variables });
    return new Promise((res, rej) => {
      const req = httpRequest(
        {
          host: "127.0.0.1", port: this.port, path: "/graphql", method: "POST", agent: false,
          headers: { "content-type": "application/json", "content-length": Buffer.byteLength(body), ...(token ? { authorization: `Bearer ${token}` } : {}) },
        },
        (r) => {
          const parts: Buffer[] = [];
          r.on("data", (c: Buffer) => parts.push(c));
          r.on("error", rej);
          r.on("end", () => {
            const text = Buffer.concat(parts).toString("utf8");
            try {
              res(JSON.parse(text) as GqlResult<T>);
            } catch {
              rej(new Error(`HTTP ${r.statusCode} from ${this.base}, not JSON: ${text.slice(0, 500)}`));
            }
          });
        },
      );
      req.on("error", (e) => {
        // Give the exit event a moment to arrive, so the message says whether the process died.
        setImmediate(() => rej(new Error(`${e.message} talking to ${this.base} (process ${this.exited ? `exited: ${JSON.stringify(this.exited)}` : "alive"}); its last output:\n${this.output.slice(-3000)}`)));
      });
      req.end(body);
    });
  }

  /** Data of an operation that must succeed. */
  async ok<R, V>(token: string | undefined, query: Doc<R, V>, variables?: NoInfer<V>): Promise<Present<R>> {
    const r = await this.gql(token, query, variables);
    if (r.errors?.length) throw new Error(`GraphQL errors from ${this.base}: ${JSON.stringify(r.errors)}`);
    return r.data as Present<R>;
  }

  /** Resolves once the process's output matches `re` (say, the line it logs on SIGTERM); fails after `timeoutMs`. */
  waitForLog(re: RegExp, timeoutMs = 10_000): Promise<void> {
    if (re.test(this.output)) return Promise.resolve();
    return new Promise((res, rej) => {
      const check = () => {
        if (!re.test(this.output)) return;
        clearTimeout(timer);
        this.child.stdout!.off("data", check);
        res();
      };
      const timer = setTimeout(() => {
        this.child.stdout!.off("data", check);
        rej(new Error(`no ${re} in the output after ${timeoutMs} ms:\n${this.output.slice(-3000)}`));
      }, timeoutMs);
      // After the listener that keeps the output: this one runs once the chunk is in it.
      this.child.stdout!.on("data", check);
    });
  }

  get alive(): boolean {
    return !this.exited;
  }

  async kill(signal: NodeJS.Signals = "SIGKILL"): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
    if (!this.exited) this.child.kill(signal);
    await this.exit;
    return this.exited!;
  }

  /** Resolves with the exit status once the process has exited by itself (after a drain, say); sends nothing. */
  async exitStatus(): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
    await this.exit;
    return this.exited!;
  }

  /** SIGTERM (graceful), SIGKILL if it does not go within 10 s. */
  async stop(): Promise<void> {
    if (this.exited) return;
    this.child.kill("SIGTERM");
    const timer = setTimeout(() => this.child.kill("SIGKILL"), 10_000);
    await this.exit;
    clearTimeout(timer);
  }
}

export const tokenFor = (claims: { tid?: string; oid?: string; roles?: string[] }) => signToken(TEST_SECRET, claims);
