import { Client } from "pg";
import { createDataSource, dataSourceOptions } from "../../src/data/datasource";
import { newTenant, Q, TenantFx, userLicense } from "../helpers/fixtures";
import { TestApi } from "../helpers/harness";
import { insertUsers, Instances, startInstances } from "../helpers/instances";
import { expectSeatInvariants } from "../helpers/invariants";
import { graphql } from "../gql";

/**
 * Issue 6, item 3: the oversell tests of the engine, on PostgreSQL, with
 * INSTANCES API instances — separate apps, each with its own DataSource and
 * connection pool — against one shared schema, ROUNDS rounds each. The figures
 * (rounds, calls, retries, wall time) are printed for the README's "Scaling".
 */
const PG = process.env.TEST_DATABASE_URL;
const INSTANCES = 4;
const ROUNDS = 20;

const codeOf = (r: { errors?: { extensions?: Record<string, unknown> }[] }) => (r.errors?.length ? String(r.errors[0].extensions?.code) : "OK");
const tally = (codes: string[]) => codes.reduce<Record<string, number>>((m, c) => ((m[c] = (m[c] ?? 0) + 1), m), {});

const suite = PG ? describe : describe.skip;
const title = PG
  ? `PostgreSQL: never oversell with ${INSTANCES} API instances on one database, ${ROUNDS} rounds`
  : "PostgreSQL: never oversell with several API instances (skipped: set TEST_DATABASE_URL=postgres://… to run)";

suite(title, () => {
  let inst: Instances;
  let apis: TestApi[];
  beforeAll(async () => {
    inst = await startInstances(PG!, INSTANCES);
    apis = inst.apis;
  });
  afterAll(() => inst?.stop());

  const retries = () => apis.reduce((n, a) => n + a.app.database.retriesSeen, 0);
  const invariants = (t: TenantFx, via = 0) =>
    expectSeatInvariants({ ds: apis[0].ds, gql: (q, v) => apis[via % INSTANCES].ok(t.admin, q, v), now: apis[0].clock.now() }, t.tenantId);
  const figures = (what: string, f: { calls: number; perRound: number; retries: number; wallMs: number[]; totalMs: number; outcomes: Record<string, number> }) => {
    const sorted = [...f.wallMs].sort((a, b) => a - b);
    const concurrent = f.wallMs.reduce((a, b) => a + b, 0);
    console.log(
      `[pg-concurrency] ${what}: engine=postgres instances=${INSTANCES} rounds=${ROUNDS} concurrent calls/round=${f.perRound} ` +
        `total calls=${f.calls} outcomes=${JSON.stringify(f.outcomes)} retries (40001/40P01)=${f.retries} ` +
        `wall time of the concurrent bursts=${Math.round(concurrent)} ms (per round: median ${Math.round(sorted[sorted.length >> 1])} ms, ` +
        `max ${Math.round(sorted[sorted.length - 1])} ms) whole test incl. setup and checks=${Math.round(f.totalMs)} ms`,
    );
  };

  it(`S3 40 concurrent direct assignments over ${INSTANCES} instances on 5 free seats: exactly 5 succeed, 35 SEATS_EXHAUSTED — ${ROUNDS} rounds`, async () => {
    const start = performance.now();
    const retriesBefore = retries();
    const wallMs: number[] = [];
    const outcomes: string[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const t = await newTenant(apis[round % INSTANCES], `Oversell${round}`);
      await t.buy(5);
      const users = await insertUsers(apis[0].ds, t.tenantId, 40, `s3r${round}u`);
      const t0 = performance.now();
      const results = await Promise.all(
        users.map((userId, i) => apis[i % INSTANCES].exec(t.admin, Q.assignUser, { input: { userId, addLicenses: [{ skuId: t.sku.user }] } })),
      );
      wallMs.push(performance.now() - t0);
      const codes = results.map(codeOf);
      outcomes.push(...codes);
      expect(codes).not.toContain("INTERNAL_SERVER_ERROR");
      expect(tally(codes)).toEqual({ OK: 5, SEATS_EXHAUSTED: 35 });
      // The winners are the ones who hold the seats, and every instance sees the same pool at once.
      const winners = users.filter((_, i) => codes[i] === "OK");
      for (const api of apis) {
        expect(userLicense((await api.ok(t.admin, Q.licenses)).tenant.licenses)).toMatchObject({ consumedUnits: 5, availableUnits: 0, unassignedDemand: 0 });
      }
      for (const id of winners) expect((await apis[(round + 1) % INSTANCES].ok(t.admin, Q.effective, { id })).user.effectiveLicenses[0]).toMatchObject({ state: "ACTIVE", holdsSeat: true });
      const r = await invariants(t, round);
      expect(r.skus.find((s) => s.partNumber === "POWER_VIRTUAL_AGENTS_USER")).toMatchObject({ pool: 5, held: 5, wanters: 5 });
    }
    figures("S3 direct assignments", { calls: outcomes.length, perRound: 40, retries: retries() - retriesBefore, wallMs, totalMs: performance.now() - start, outcomes: tally(outcomes) });
    expect(outcomes).toHaveLength(ROUNDS * 40);
  });

  it(`S4 60 users added to a licensed group in 12 concurrent calls over ${INSTANCES} instances with 10 free seats: 10 seats, 50 COUNT_VIOLATION — ${ROUNDS} rounds`, async () => {
    const start = performance.now();
    const retriesBefore = retries();
    const wallMs: number[] = [];
    const outcomes: string[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const t = await newTenant(apis[round % INSTANCES], `Queue${round}`);
      await t.buy(10);
      const g = await t.group("licensed");
      await t.assignGroup(g);
      const users = await insertUsers(apis[0].ds, t.tenantId, 60, `s4r${round}u`);
      const t0 = performance.now();
      const results = await Promise.all(
        Array.from({ length: 12 }, (_, i) =>
          apis[i % INSTANCES].exec(t.admin, Q.addMembers, { input: { groupId: g, userIds: users.slice(i * 5, i * 5 + 5) } }),
        ),
      );
      wallMs.push(performance.now() - t0);
      const codes = results.map(codeOf);
      outcomes.push(...codes);
      expect(codes).not.toContain("INTERNAL_SERVER_ERROR");
      expect(tally(codes)).toEqual({ OK: 12 });
      for (const api of apis) {
        expect(userLicense((await api.ok(t.admin, Q.licenses)).tenant.licenses)).toMatchObject({ consumedUnits: 10, availableUnits: 0, unassignedDemand: 50 });
      }
      const errors = await apis[(round + 2) % INSTANCES].ok(t.admin, graphql(`query PgConcurrencyTenant { tenant { users(first: 100, filter: { licenseState: ERROR }) { totalCount nodes { effectiveLicenses { error } } } } }`));
      expect(errors.tenant.users.totalCount).toBe(50);
      expect(new Set(errors.tenant.users.nodes.map((n) => n.effectiveLicenses[0].error))).toEqual(new Set(["COUNT_VIOLATION"]));
      // Holders = the first 10 of the queue (want_seq, then user ID), wants = members: checked from the tables.
      const r = await invariants(t, round);
      expect(r.skus.find((s) => s.partNumber === "POWER_VIRTUAL_AGENTS_USER")).toMatchObject({ pool: 10, held: 10, wanters: 60 });
    }
    figures("S4 group members", { calls: outcomes.length, perRound: 12, retries: retries() - retriesBefore, wallMs, totalMs: performance.now() - start, outcomes: tally(outcomes) });
    expect(outcomes).toHaveLength(ROUNDS * 12);
  });

  it("a deadlock inside a mutation is retried by the server, never surfaced as INTERNAL_SERVER_ERROR", async () => {
    const t = await newTenant(apis[0], "Deadlock");
    await t.buy(5);
    const [u] = await insertUsers(apis[0].ds, t.tenantId, 1, "dl");
    const other = new Client({ connectionString: PG });
    await other.connect();
    try {
      await other.query(`SET search_path = ${inst.schema}`);
      await other.query("BEGIN");
      // The other side never detects the deadlock itself (superuser-only setting): the server's transaction will.
      await other.query("SET LOCAL deadlock_timeout = '30s'");
      const pools = await other.query("SELECT sku_id FROM seat_pool WHERE tenant_id = $1 FOR UPDATE", [t.tenantId]);
      expect(pools.rowCount).toBeGreaterThan(0);
      const before = retries();
      // The server takes the tenant row, then waits for the seat_pool rows held here…
      const call = apis[1].exec(t.admin, Q.assignUser, { input: { userId: u, addLicenses: [{ skuId: t.sku.user }] } });
      let waiting = false;
      for (let i = 0; i < 200 && !waiting; i++) {
        const w = await other.query(
          "SELECT count(*)::int AS n FROM pg_stat_activity WHERE pg_backend_pid() = ANY(pg_blocking_pids(pid))",
        );
        waiting = w.rows[0].n > 0;
        if (!waiting) await new Promise((r) => setTimeout(r, 25));
      }
      expect(waiting).toBe(true);
      // …and this side now waits for the tenant row: a deadlock, which PostgreSQL breaks by failing the server's statement (40P01).
      await other.query("SELECT id FROM tenant WHERE id = $1 FOR UPDATE", [t.tenantId]);
      await other.query("ROLLBACK");
      const res = await call;
      expect(res.errors).toBeUndefined();
      expect(retries() - before).toBeGreaterThanOrEqual(1);
      expect((await apis[2].ok(t.admin, Q.effective, { id: u })).user.effectiveLicenses[0]).toMatchObject({ state: "ACTIVE", holdsSeat: true });
      await invariants(t, 3);
    } finally {
      await other.end();
    }
  });
});

(PG ? describe : describe.skip)(
  PG ? "PostgreSQL connection settings (DB_POOL_SIZE, DB_STATEMENT_TIMEOUT_MS, DB_SSL)" : "PostgreSQL connection settings (skipped: set TEST_DATABASE_URL=postgres://… to run)",
  () => {
    const saved = { ...process.env };
    afterEach(() => {
      for (const k of ["DB_POOL_SIZE", "DB_STATEMENT_TIMEOUT_MS", "DB_SSL", "DB_SSL_REJECT_UNAUTHORIZED"]) {
        if (saved[k] === undefined) delete process.env[k];
        else process.env[k] = saved[k];
      }
    });

    it("read from the environment: pool size, statement timeout, TLS; nonsense is refused", () => {
      process.env.DB_POOL_SIZE = "7";
      process.env.DB_STATEMENT_TIMEOUT_MS = "1500";
      process.env.DB_SSL = "true";
      const o = dataSourceOptions({ url: PG! }) as any;
      expect(o.poolSize).toBe(7);
      expect(o.extra.statement_timeout).toBe(1500);
      expect(o.ssl).toEqual({ rejectUnauthorized: true });
      process.env.DB_SSL_REJECT_UNAUTHORIZED = "false";
      expect((dataSourceOptions({ url: PG! }) as any).ssl).toEqual({ rejectUnauthorized: false });
      delete process.env.DB_SSL;
      delete process.env.DB_STATEMENT_TIMEOUT_MS;
      const plain = dataSourceOptions({ url: PG! }) as any;
      expect(plain.ssl).toBeUndefined();
      expect(plain.extra.statement_timeout).toBeUndefined();
      process.env.DB_POOL_SIZE = "ten";
      expect(() => dataSourceOptions({ url: PG! })).toThrow(/DB_POOL_SIZE/);
      process.env.DB_POOL_SIZE = "10";
      process.env.DB_SSL = "yes please";
      expect(() => dataSourceOptions({ url: PG! })).toThrow(/DB_SSL/);
      // SQLite ignores them all.
      expect(() => dataSourceOptions({ url: "sqlite::memory:" })).not.toThrow();
    });

    it("DB_STATEMENT_TIMEOUT_MS: every pooled connection has the timeout and a longer statement is cancelled", async () => {
      process.env.DB_STATEMENT_TIMEOUT_MS = "300";
      const ds = createDataSource({ url: PG! });
      await ds.initialize();
      try {
        const shown = await Promise.all([0, 1, 2].map(() => ds.query("SHOW statement_timeout")));
        expect(shown.map((r) => r[0].statement_timeout)).toEqual(["300ms", "300ms", "300ms"]);
        await expect(ds.query("SELECT pg_sleep(3)")).rejects.toMatchObject({ driverError: { code: "57014" } });
        expect((await ds.query("SELECT 1 AS one"))[0].one).toBe(1);
      } finally {
        await ds.destroy();
      }
    });

    it("DB_SSL=true asks for TLS, and so does sslmode in the URL; without either the connection is plain", async () => {
      const probe = async (url: string) => {
        const ds = createDataSource({ url });
        try {
          await ds.initialize();
          return { tls: (await ds.query("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()"))[0].ssl as boolean };
        } catch (e) {
          return { error: String((e as Error).message) };
        } finally {
          if (ds.isInitialized) await ds.destroy();
        }
      };
      const c = new Client({ connectionString: PG });
      await c.connect();
      const serverTls = (await c.query("SHOW ssl")).rows[0].ssl === "on";
      await c.end();

      expect(await probe(PG!)).toEqual({ tls: false });
      process.env.DB_SSL = "true";
      process.env.DB_SSL_REJECT_UNAUTHORIZED = "false";
      const withFlag = await probe(PG!);
      delete process.env.DB_SSL;
      delete process.env.DB_SSL_REJECT_UNAUTHORIZED;
      const u = new URL(PG!);
      u.searchParams.set("sslmode", "no-verify");
      const withUrl = await probe(u.toString());
      if (serverTls) {
        expect(withFlag).toEqual({ tls: true });
        expect(withUrl).toEqual({ tls: true });
      } else {
        // This server has TLS off: the request for TLS is what fails, which proves it was made.
        expect(withFlag).toEqual({ error: expect.stringMatching(/does not support SSL/) });
        expect(withUrl).toEqual({ error: expect.stringMatching(/does not support SSL/) });
      }
    });
  },
);
