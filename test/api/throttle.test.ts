import { loadConfig } from "../../src/config";
import { Throttle } from "../../src/infra/throttle";
import { engines, TestApi } from "../helpers/harness";
import { newTenant, Q } from "../helpers/fixtures";
import { graphql } from "../gql";
import { parse, print } from "graphql";
import { LIVE, LiveClient } from "../helpers/live";
import { liveHub } from "../../src/app/live/hub";
import { queryCost } from "../../src/api/graphql/limits";
import { buildAppSchema } from "../../src/api/graphql/schema";

const ME = graphql(`query ThrottleMe { me { canCreateBots } }`);
const RATE = graphql(`query ThrottleRate { rateLimit { maximumAvailable currentlyAvailable restoreRate requestedQueryCost } }`);
const quiet = { info: () => undefined, error: () => undefined };
/** Small buckets so that the tests reach them in a few hundred requests. */
const SMALL = { principalPoints: 600, tenantPoints: 1_500, windowSeconds: 60 };

/** Spends `token`'s bucket with `query` until the first refusal; returns how many passed and the refusal. */
async function spend(api: TestApi, token: string | undefined, query = ME, max = 2_000) {
  for (let i = 0; i < max; i++) {
    const r = (await api.exec(token, query)) as any;
    if (r.errors?.[0]?.extensions?.code === "RATE_LIMITED") return { passed: i, refusal: r };
  }
  throw new Error(`not throttled after ${max} requests`);
}

describe.each(engines())("throttling (%s)", (_engine, url) => {
  let api: TestApi;
  let base: string;
  beforeAll(async () => {
    api = await TestApi.start(url, { config: { throttle: SMALL } });
    base = await api.listen();
  });
  afterAll(() => api.stop());

  it("T1 every response carries extensions.cost in Shopify's shape; me { canCreateBots } costs 2, a mutation at least 10, a refused document 1", async () => {
    const t = await newTenant(api, "Costs");
    const u = await t.user("costly");
    const me = (await api.exec(u.token, ME)) as any;
    expect(me.data.me.canCreateBots).toBe(false);
    expect(me.extensions.cost).toEqual({
      requestedQueryCost: 2,
      throttleStatus: { maximumAvailable: 600, currentlyAvailable: 598, restoreRate: 10 },
    });
    const mutation = (await api.exec(t.admin, Q.updateUser, { input: { id: u.id, displayName: "Costly" } })) as any;
    expect(mutation.errors).toBeUndefined();
    expect(mutation.extensions.cost.requestedQueryCost).toBe(10);
    const invalid = (await api.exec(u.token, "{ nope }")) as any;
    expect(invalid.errors[0].extensions.code).toBe("GRAPHQL_VALIDATION_FAILED");
    expect(invalid.extensions.cost).toEqual({ requestedQueryCost: 1, throttleStatus: { maximumAvailable: 600, currentlyAvailable: 597, restoreRate: 10 } });
  });

  it("T1 Query.rateLimit reports the caller's bucket after this query's own cost", async () => {
    const t = await newTenant(api, "Rates");
    const u = await t.user("rater");
    await api.ok(u.token, ME);
    const r = await api.ok(u.token, RATE);
    expect(r.rateLimit).toEqual({ maximumAvailable: 600, currentlyAvailable: 600 - 2 - 5, restoreRate: 10, requestedQueryCost: 5 });
  });

  it("T2 a principal over its bucket: 429, Retry-After and RATE_LIMITED over HTTP; the tenant's other users still pass", async () => {
    const t = await newTenant(api, "Noisy");
    const noisy = await t.user("noisy");
    const calm = await t.user("calm");
    const { passed, refusal } = await spend(api, noisy.token);
    expect(passed).toBe(300); // 600 points at 2 a request
    expect(refusal.errors[0].extensions.retryAfterSeconds).toBeGreaterThanOrEqual(1);
    expect(refusal.errors[0].extensions.retryAfterSeconds).toBeLessThanOrEqual(60);
    expect(refusal.data).toBeUndefined();
    const http = await fetch(`${base}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${noisy.token}` },
      body: JSON.stringify({ query: print(ME) }),
    });
    expect(http.status).toBe(429);
    const retryAfter = Number(http.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    const body = (await http.json()) as any;
    expect(body.errors[0].extensions.code).toBe("RATE_LIMITED");
    expect(body.extensions.cost.throttleStatus.currentlyAvailable).toBe(0);
    expect((await api.exec(calm.token, ME)).errors).toBeUndefined();
  });

  it("T2 a tenant's bucket holds all its principals together; other tenants are not affected", async () => {
    const t = await newTenant(api, "Crowd");
    const other = await newTenant(api, "Elsewhere");
    const users = await Promise.all(["a", "b", "c"].map((n) => t.user(`crowd-${n}`)));
    // Setting up spent 10 a mutation of the tenant's 1,500 (the admin's three createUser calls).
    const spent: number[] = [];
    for (const u of users) spent.push((await spend(api, u.token)).passed);
    expect(spent[0]).toBe(300);
    expect(spent[1]).toBe(300);
    expect(spent[2]).toBeLessThan(300); // refused by the tenant's bucket while its own still had room
    expect(2 * (spent[0] + spent[1] + spent[2]) + 30).toBeLessThanOrEqual(1_500);
    expect((await api.exec(t.admin, ME)).errors?.[0].extensions?.code).toBe("RATE_LIMITED");
    expect((await api.exec(other.admin, ME)).errors).toBeUndefined();
  });

  it("T2 callers without a valid token pay by client address, bad tokens included", async () => {
    const post = (authorization?: string) =>
      fetch(`${base}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json", ...(authorization ? { authorization } : {}) },
        body: JSON.stringify({ query: "{ skus { id } }" }),
      });
    const unauthenticated = await post("Bearer not-a-token");
    expect(unauthenticated.status).toBe(401);
    expect(((await unauthenticated.json()) as any).extensions.cost.requestedQueryCost).toBe(1);
    let status = 0;
    let n = 1;
    while (status !== 429 && n < 1_000) {
      status = (await post(n % 2 ? "Bearer not-a-token" : undefined)).status;
      n++;
    }
    expect(status).toBe(429);
    expect(n).toBeLessThanOrEqual(600);
    const refusedToken = (await (await post("Bearer not-a-token")).json()) as any;
    expect(refusedToken.errors[0].extensions.code).toBe("RATE_LIMITED");
    expect(refusedToken.extensions.cost).toEqual({ requestedQueryCost: 1, throttleStatus: { maximumAvailable: 600, currentlyAvailable: 0, restoreRate: 10 } });
  });

  it("T1 a query costing more than a bucket holds is refused as too costly, not throttled", async () => {
    const t = await newTenant(api, "Big");
    const r = await api.exec(t.admin, graphql(`query ThrottleDoc1 { tenant { users(first: 500) { nodes { id displayName roles } } } }`));
    expect(r.errors?.[0].extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");
    expect(r.errors?.[0].message).toMatch(/bucket/);
  });

  it("T1 T2 a subscription pays its document's price once, at subscribe; over the bucket it is refused with RATE_LIMITED before any SQL", async () => {
    const t = await newTenant(api, "Live");
    const u = await t.user("subscriber");
    const c = await LiveClient.open(base, u.token);
    try {
      const price = queryCost(await buildAppSchema(), parse(LIVE.me), undefined);
      expect(price).toBeGreaterThan(1);
      const before = (await api.ok(u.token, RATE)).rateLimit.currentlyAvailable;
      const s = c.subscribe(LIVE.me);
      await liveHub(api.app).when(() => liveHub(api.app).count(t.tenantId, "myLicenseChanged") === 1); // registered: paid
      const after = (await api.ok(u.token, RATE)).rateLimit.currentlyAvailable;
      expect(before - after).toBe(price + 5); // the subscription, then this rateLimit query (5)
      s.stop();

      await spend(api, u.token);
      const statements = api.logger.count;
      const refused = c.subscribe(LIVE.me);
      const end = await refused.ended;
      expect(end.errors?.[0]?.extensions).toMatchObject({ code: "RATE_LIMITED" });
      expect(end.errors?.[0]?.extensions?.retryAfterSeconds).toBeGreaterThan(0);
      expect(api.logger.count).toBe(statements);
    } finally {
      await c.close();
    }
  });
});

describe("throttling defaults (T2)", () => {
  afterEach(() => jest.useRealTimers());

  it("T2 at the defaults 1,000 users of one tenant each asking me { canCreateBots } once a second are never throttled; one user at 50 a second is", async () => {
    // rate-limiter-flexible's memory store reads Date.now(): only Date is faked, so time moves only when the test says so.
    jest.useFakeTimers({ doNotFake: ["nextTick", "setImmediate", "clearImmediate", "setInterval", "clearInterval", "setTimeout", "clearTimeout", "queueMicrotask", "hrtime", "performance"] });
    jest.setSystemTime(new Date("2026-03-10T09:00:00.000Z"));
    const defaults = loadConfig({}).throttle;
    expect(defaults).toEqual({ principalPoints: 3_000, tenantPoints: 600_000, windowSeconds: 60, redisUrl: undefined });
    const throttle = new Throttle(defaults, quiet);
    const cost = 2; // me { canCreateBots }, as the first test shows
    let refused = 0;
    for (let second = 0; second < 150; second++) {
      for (let u = 0; u < 1_000; u++) {
        const d = await throttle.take({ principal: `user:t1:u${u}`, tenant: "t1" }, cost);
        if (!d.allowed) refused++;
      }
      jest.setSystemTime(Date.now() + 1_000);
    }
    expect(refused).toBe(0);

    let firstRefusal: number | undefined;
    for (let i = 0; i < 50 * 60; i++) {
      if (i % 50 === 0 && i > 0) jest.setSystemTime(Date.now() + 1_000);
      const d = await throttle.take({ principal: "user:t2:abuser", tenant: "t2" }, cost);
      if (!d.allowed && firstRefusal === undefined) {
        firstRefusal = i;
        expect(d.refusedBy).toBe("principal");
        expect(d.retryAfterSeconds).toBeGreaterThanOrEqual(1);
        expect(d.retryAfterSeconds).toBeLessThanOrEqual(defaults.windowSeconds);
      }
    }
    expect(firstRefusal).toBe(1_500); // 3,000 points at 2 a request: half a minute at 50 a second
    // A new window: the bucket is full again.
    jest.setSystemTime(Date.now() + 60_000);
    expect((await throttle.take({ principal: "user:t2:abuser", tenant: "t2" }, cost)).allowed).toBe(true);
    await throttle.close();
  });
});

describe("operating configuration", () => {
  it("T2 O1 O2 the new variables are checked at startup, and the replaced RATE_LIMIT_PER_MINUTE names its successors", () => {
    expect(() => loadConfig({ RATE_LIMIT_PER_MINUTE: "1200" })).toThrow(/RATE_LIMIT_PER_MINUTE must be unset: it was replaced by RATE_LIMIT_PRINCIPAL_POINTS/);
    expect(() => loadConfig({ REDIS_URL: "http://127.0.0.1:6379" })).toThrow(/REDIS_URL must be redis:\/\//);
    expect(() => loadConfig({ RATE_LIMIT_WINDOW_SECONDS: "0" })).toThrow(/RATE_LIMIT_WINDOW_SECONDS/);
    expect(() => loadConfig({ METRICS_PORT: "http" })).toThrow(/METRICS_PORT/);
    expect(() => loadConfig({ LOG_LEVEL: "loud" })).toThrow(/LOG_LEVEL must be one of/);
    const c = loadConfig({ REDIS_URL: "redis://127.0.0.1:6379", METRICS_PORT: "9464", SHUTDOWN_TIMEOUT_MS: "2500", RATE_LIMIT_TENANT_POINTS: "0" });
    expect(c).toMatchObject({ metricsPort: 9464, metricsHost: "127.0.0.1", shutdownTimeoutMs: 2500, logLevel: "info" });
    expect(c.throttle).toEqual({ principalPoints: 3_000, tenantPoints: 0, windowSeconds: 60, redisUrl: "redis://127.0.0.1:6379" });
    expect(loadConfig({}).metricsPort).toBeUndefined();
    expect(loadConfig({}).shutdownTimeoutMs).toBe(10_000);
  });
});

describe("verified tokens are remembered until they expire", () => {
  afterEach(() => jest.useRealTimers());

  it("§6 a remembered token still passes only until its exp; a token of another secret never", async () => {
    jest.useFakeTimers({ doNotFake: ["nextTick", "setImmediate", "clearImmediate", "setInterval", "clearInterval", "setTimeout", "clearTimeout", "queueMicrotask", "hrtime", "performance"] });
    jest.setSystemTime(new Date("2026-03-10T09:00:00.000Z"));
    const { TokenVerifier } = await import("../../src/app/auth/jwt");
    const { signToken } = await import("../../src/app/auth/sign");
    const secret = "a-secret-that-is-long-enough-for-hs256-tests";
    const verifier = new TokenVerifier({ secret });
    const token = await signToken(secret, { tid: "t1", oid: "u1", ttlSeconds: 60 });
    expect(await verifier.verify(token)).toMatchObject({ tid: "t1", oid: "u1", roles: [] });
    jest.setSystemTime(Date.now() + 59_000);
    expect((await verifier.verify(token)).oid).toBe("u1");
    jest.setSystemTime(Date.now() + 2_000);
    await expect(verifier.verify(token)).rejects.toThrow(/exp/);
    const other = new TokenVerifier({ secret: "another-secret-that-is-long-enough-too" });
    await expect(other.verify(await signToken(secret, { tid: "t1", oid: "u1" }))).rejects.toThrow();
  });
});

describe("the SCIM transport's price (T1)", () => {
  it("T1 T2 a SCIM request pays 10 into its provisioning token's bucket and its tenant's; refusals count as scim", async () => {
    const { SCIM_REQUEST_COST } = await import("../../src/infra/throttle");
    const { scimThrottleKeys } = await import("../../src/app/request/admission");
    const throttle = new Throttle({ principalPoints: 100, tenantPoints: 1_000, windowSeconds: 60 }, quiet);
    const refused: string[] = [];
    throttle.onRefused = (bucket, transport) => refused.push(`${bucket}/${transport}`);
    const keys = scimThrottleKeys("ptk_1", "tnt_1");
    const first = await throttle.take(keys, SCIM_REQUEST_COST, "scim");
    expect(first).toMatchObject({ allowed: true, cost: 10, status: { maximumAvailable: 100, currentlyAvailable: 90 } });
    for (let i = 0; i < 9; i++) expect((await throttle.take(keys, SCIM_REQUEST_COST, "scim")).allowed).toBe(true);
    const over = await throttle.take(keys, SCIM_REQUEST_COST, "scim");
    expect(over).toMatchObject({ allowed: false, refusedBy: "principal" });
    expect(over.retryAfterSeconds).toBeGreaterThanOrEqual(1);
    expect(refused).toEqual(["principal/scim"]);
    // Another token of the same tenant has its own bucket; the tenant's holds both.
    expect((await throttle.take(scimThrottleKeys("ptk_2", "tnt_1"), SCIM_REQUEST_COST, "scim")).status.currentlyAvailable).toBe(90);
    await throttle.close();
  });
});
