import { loadConfig } from "../../src/config";
import { methodPrice, Throttle } from "../../src/infra/throttle";
import { scimThrottleKeys, throttleKeys } from "../../src/app/request/admission";
import { ManualClock } from "../../src/domain/clock";
import { engines, TestApi } from "../helpers/harness";
import { newTenant, Q } from "../helpers/fixtures";
import { graphql } from "../gql";
import { getIntrospectionQuery, OperationTypeNode, parse, print } from "graphql";
import { LIVE, LiveClient } from "../helpers/live";
import { liveHub } from "../../src/app/live/hub";
import { priceOf } from "../../src/api/graphql/cost";
import { buildAppSchema } from "../../src/api/graphql/schema";

const ME = graphql(`query ThrottleMe { me { canCreateBots } }`);
const RATE = graphql(`query ThrottleRate { rateLimit { maximumAvailable currentlyAvailable restoreRate requestedQueryCost } }`);
const quiet = { info: () => undefined, error: () => undefined };
/** Small buckets so that the tests reach them in a few hundred requests: 10 and 25 points a second. */
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

  it("T1 every response carries extensions.cost in Shopify's shape; me { canCreateBots } costs 1, a mutation 10, a refused document 1", async () => {
    const t = await newTenant(api, "Costs");
    const u = await t.user("costly");
    const me = (await api.exec(u.token, ME)) as any;
    expect(me.data.me.canCreateBots).toBe(false);
    expect(me.extensions.cost).toEqual({
      requestedQueryCost: 1,
      throttleStatus: { maximumAvailable: 600, currentlyAvailable: 599, restoreRate: 10 },
    });
    const mutation = (await api.exec(t.admin, Q.updateUser, { input: { id: u.id, displayName: "Costly" } })) as any;
    expect(mutation.errors).toBeUndefined();
    expect(mutation.extensions.cost.requestedQueryCost).toBe(10);
    const invalid = (await api.exec(u.token, "{ nope }")) as any;
    expect(invalid.errors[0].extensions.code).toBe("GRAPHQL_VALIDATION_FAILED");
    expect(invalid.extensions.cost).toEqual({ requestedQueryCost: 1, throttleStatus: { maximumAvailable: 600, currentlyAvailable: 598, restoreRate: 10 } });
  });

  it("T1 the price is GitHub's: 1 + the nodes its connections may return ÷ 100, rounded up; a mutation 10 + its IDs ÷ 100", async () => {
    const t = await newTenant(api, "Prices");
    const group = await t.group("Priced");
    const ids = await t.bulkUsers(5_000, "priced");
    const price = async (query: string, variables?: Record<string, unknown>) => {
      const r = (await api.exec(t.admin, query, variables)) as any;
      expect(r.errors).toBeUndefined();
      return r.extensions.cost.requestedQueryCost;
    };
    const table: [string, string, Record<string, unknown> | undefined, number][] = [
      ["me, whatever it selects", "{ me { id canCreateBots effectiveLicenses { sku { id } sources { kind group { id } via { id } } } memberOf { id } } }", undefined, 1],
      ["a page of 50 users with their licenses, groups and chains", "{ tenant { users(first: 50) { totalCount nodes { id displayName effectiveLicenses { sku { id } state error sources { kind group { id displayName } via { id displayName } } } memberOf { id displayName } transitiveMemberOf { id } } } } }", undefined, 2],
      ["a connection without first: its default page of 50", "{ tenant { users { totalCount } } }", undefined, 2],
      ["100 nodes", "{ tenant { users(first: 100) { nodes { id } } } }", undefined, 2],
      ["101 nodes: rounded up", "{ tenant { users(first: 101) { nodes { id } } } }", undefined, 3],
      ["first: 0", "{ tenant { users(first: 0) { totalCount } } }", undefined, 1],
      ["nested connections multiply: 10 groups + 10 × 50 members", "{ tenant { securityGroups(first: 10) { nodes { id members(first: 50) { nodes { id } } } } } }", undefined, 7],
      ["siblings add: 20 + 20 × (50 + 50)", "{ tenant { securityGroups(first: 20) { nodes { members(first: 50) { nodes { id } } transitiveMembers(first: 50) { totalCount } } } } }", undefined, 22],
      ["a skipped connection counts nothing", "query($t: Boolean!, $id: ID!) { securityGroup(id: $id) { members(first: 1000) @skip(if: $t) { totalCount } transitiveMembers(first: 100) @include(if: $t) { totalCount } } }", { t: true, id: group }, 2],
      ["the explorer's schema load", getIntrospectionQuery({ descriptions: true, inputValueDeprecation: true }), undefined, 1],
      ["a mutation", `mutation($id: ID!) { updateSecurityGroup(input: { id: $id, description: "priced" }) { id } }`, { id: group }, 10],
      ["a mutation taking 150 IDs", "mutation($g: ID!, $u: [ID!]) { addGroupMembers(input: { groupId: $g, userIds: $u }) { id } }", { g: group, u: ids.slice(0, 150) }, 12],
      ["a mutation taking 5,000 IDs", "mutation($g: ID!, $u: [ID!]) { removeGroupMembers(input: { groupId: $g, userIds: $u }) { id } }", { g: group, u: ids }, 60],
    ];
    const seen: Record<string, number> = {};
    for (const [name, query, variables] of table) seen[name] = await price(query, variables);
    expect(seen).toEqual(Object.fromEntries(table.map(([name, , , p]) => [name, p])));
  });

  it("T1 Query.rateLimit reports the caller's bucket after this query's own cost", async () => {
    const t = await newTenant(api, "Rates");
    const u = await t.user("rater");
    await api.ok(u.token, ME);
    const r = await api.ok(u.token, RATE);
    expect(r.rateLimit).toEqual({ maximumAvailable: 600, currentlyAvailable: 600 - 1 - 1, restoreRate: 10, requestedQueryCost: 1 });
  });

  it("T2 a principal over its bucket: 429, Retry-After and RATE_LIMITED over HTTP; it refills continuously; the tenant's other users still pass", async () => {
    const t = await newTenant(api, "Noisy");
    const noisy = await t.user("noisy");
    const calm = await t.user("calm");
    const { passed, refusal } = await spend(api, noisy.token);
    expect(passed).toBe(600); // 600 points at 1 a request, in one instant of the test's clock
    // 10 points a second: the next one is back in 100 ms, said as the whole second Retry-After can carry.
    expect(refusal.errors[0].extensions.retryAfterSeconds).toBe(1);
    expect(refusal.data).toBeUndefined();
    const http = await fetch(`${base}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${noisy.token}` },
      body: JSON.stringify({ query: print(ME) }),
    });
    expect(http.status).toBe(429);
    expect(http.headers.get("retry-after")).toBe("1");
    const body = (await http.json()) as any;
    expect(body.errors[0].extensions.code).toBe("RATE_LIMITED");
    expect(body.extensions.cost.throttleStatus.currentlyAvailable).toBe(0);
    expect((await api.exec(calm.token, ME)).errors).toBeUndefined();
    // No window to wait for: 1.5 s later exactly 15 points are back.
    api.clock.advanceMs(1_500);
    expect((await spend(api, noisy.token)).passed).toBe(15);
  });

  it("T2 a tenant's bucket holds all its principals together; other tenants are not affected", async () => {
    const t = await newTenant(api, "Crowd");
    const other = await newTenant(api, "Elsewhere");
    const users = await Promise.all(["a", "b", "c"].map((n) => t.user(`crowd-${n}`)));
    // Setting up spent 10 a mutation of the tenant's 1,500 (the admin's three createUser calls).
    const spent: number[] = [];
    for (const u of users) spent.push((await spend(api, u.token)).passed);
    expect(spent).toEqual([600, 600, 1_500 - 30 - 1_200]); // the third is refused by the tenant's bucket while its own has room
    const refused = (await api.exec(t.admin, ME)) as any;
    expect(refused.errors?.[0].extensions?.code).toBe("RATE_LIMITED");
    expect(refused.errors?.[0].message).toMatch(/tenant bucket/);
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
    expect(n).toBe(601); // 600 points at 1 a request, valid or not
    const refusedToken = (await (await post("Bearer not-a-token")).json()) as any;
    expect(refusedToken.errors[0].extensions.code).toBe("RATE_LIMITED");
    expect(refusedToken.extensions.cost).toEqual({ requestedQueryCost: 1, throttleStatus: { maximumAvailable: 600, currentlyAvailable: 0, restoreRate: 10 } });
  });

  it("H4 T2 a bad SCIM token pays from the client address's bucket too, shared with GraphQL (issue 19 defect 9)", async () => {
    const own = await api.sibling({ config: { throttle: SMALL } });
    try {
      const at = await own.listen();
      const scim = () => fetch(`${at}/scim/v2/Users`, { headers: { authorization: "Bearer not-a-token" } });
      const statuses: number[] = [];
      for (let i = 0; i < 800 && statuses[statuses.length - 1] !== 429; i++) statuses.push((await scim()).status);
      expect(statuses.length).toBe(601); // 600 points at 1 a guess, then refused
      expect(statuses.slice(0, 600).every((s) => s === 401)).toBe(true);
      const refused = await scim();
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
      expect(((await refused.json()) as any).status).toBe("429");
      const graphqlGuess = await fetch(`${at}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: "Bearer not-a-token" },
        body: JSON.stringify({ query: "{ skus { id } }" }),
      });
      expect(graphqlGuess.status).toBe(429);
    } finally {
      await own.stop();
    }
  });

  it("T1 a query costing more than a bucket holds is refused as too costly, not throttled", async () => {
    const tight = await api.sibling({ config: { throttle: { principalPoints: 5, tenantPoints: 0, windowSeconds: 60 } } });
    try {
      const t = await newTenant(api, "Big");
      const r = await tight.exec(t.admin, graphql(`query ThrottleDoc1 { tenant { users(first: 500) { nodes { id displayName roles } } } }`));
      expect(r.errors?.[0].extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");
      expect(r.errors?.[0].message).toMatch(/costs 6, more than a throttling bucket holds \(5\)/);
    } finally {
      await tight.stop();
    }
  });

  it("T1 T2 a subscription pays its document's price once, at subscribe; over the bucket it is refused with RATE_LIMITED before any SQL", async () => {
    const t = await newTenant(api, "Live");
    const u = await t.user("subscriber");
    const c = await LiveClient.open(base, u.token);
    try {
      const price = priceOf(await buildAppSchema(), parse(LIVE.me), undefined, undefined, OperationTypeNode.SUBSCRIPTION);
      expect(price).toBe(1);
      const before = (await api.ok(u.token, RATE)).rateLimit.currentlyAvailable;
      const s = c.subscribe(LIVE.me);
      await liveHub(api.app).when(() => liveHub(api.app).count(t.tenantId, "myLicenseChanged") === 1); // registered: paid
      const after = (await api.ok(u.token, RATE)).rateLimit.currentlyAvailable;
      expect(before - after).toBe(price + 1); // the subscription, then this rateLimit query (1)
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

describe("T2 buckets that refill continuously (the throttle, by its clock)", () => {
  const user = (u: string, tenant = "t1") => throttleKeys({ tid: tenant, oid: u, roles: [] }, undefined);

  it("T2 no window boundary lets a client spend twice its size: a bucket spent just before a minute turns is not full just after", async () => {
    const clock = new ManualClock("2026-03-10T09:00:00.000Z");
    const throttle = new Throttle(SMALL, quiet, clock);
    clock.advanceMs(59_900);
    let passed = 0;
    while ((await throttle.take(user("edge"), 1)).allowed) passed++;
    expect(passed).toBe(600);
    clock.advanceMs(200); // across 09:01:00
    let after = 0;
    while ((await throttle.take(user("edge"), 1)).allowed) after++;
    expect(after).toBe(2); // 0.2 s at 10 a second, not another 600
    // Over any minute a client gets at most the bucket plus a minute's refill.
    clock.advanceMs(60_000);
    expect((await throttle.take(user("edge"), 600)).allowed).toBe(true);
    expect((await throttle.take(user("edge"), 1)).allowed).toBe(false);
    await throttle.close();
  });

  it("T2 a request needs room in both buckets; a refused request pays nothing; Retry-After waits for the later bucket", async () => {
    const clock = new ManualClock();
    const throttle = new Throttle({ principalPoints: 100, tenantPoints: 150, windowSeconds: 10 }, quiet, clock);
    expect((await throttle.take(user("a"), 100)).allowed).toBe(true);
    const byTenant = await throttle.take(user("b"), 60); // b has room, the tenant has 50
    expect(byTenant).toMatchObject({ allowed: false, refusedBy: "tenant", retryAfterSeconds: 1, status: { maximumAvailable: 150, currentlyAvailable: 50, restoreRate: 15 } });
    expect(await throttle.peek(user("b"))).toEqual({ maximumAvailable: 150, currentlyAvailable: 50, restoreRate: 15 }); // b paid nothing: the tenant is tighter
    expect((await throttle.take(user("b"), 50)).status).toEqual({ maximumAvailable: 150, currentlyAvailable: 0, restoreRate: 15 });
    const both = await throttle.take(user("a"), 60); // a has 0 (60 needs 6 s), the tenant 0 (60 needs 4 s)
    expect(both).toMatchObject({ allowed: false, refusedBy: "principal", retryAfterSeconds: 6 });
    clock.advanceMs(6_000);
    expect((await throttle.take(user("a"), 60)).allowed).toBe(true);
    await throttle.close();
  });

  it("T2 service principals (provisioning tokens, the bot runtime) have the service bucket; users, operators and addresses the principal one", async () => {
    const throttle = new Throttle({ principalPoints: 100, servicePoints: 1_000, tenantPoints: 5_000, windowSeconds: 10 }, quiet, new ManualClock());
    expect((await throttle.take(scimThrottleKeys("ptk_1", "t1"), 1)).status).toMatchObject({ maximumAvailable: 1_000, restoreRate: 100 });
    expect((await throttle.take(throttleKeys({ tid: "t1", roles: ["BotRuntime"] }, undefined), 1)).status).toMatchObject({ maximumAvailable: 1_000 });
    expect((await throttle.take(user("u"), 1)).status).toMatchObject({ maximumAvailable: 100, restoreRate: 10 });
    expect((await throttle.take(throttleKeys({ roles: ["PlatformOperator"] }, undefined), 1)).status).toMatchObject({ maximumAvailable: 100 });
    expect((await throttle.take(throttleKeys(null, "10.0.0.1"), 1)).status).toMatchObject({ maximumAvailable: 100 });
    expect(throttle.maxPrice(scimThrottleKeys("ptk_1", "t1"))).toBe(1_000);
    expect(throttle.maxPrice(user("u"))).toBe(100);
    await throttle.close();
  });
});

describe("operating configuration", () => {
  it("T2 O1 O2 the new variables are checked at startup, and the replaced RATE_LIMIT_PER_MINUTE names its successors", () => {
    expect(() => loadConfig({ RATE_LIMIT_PER_MINUTE: "1200" })).toThrow(/RATE_LIMIT_PER_MINUTE must be unset: it was replaced by RATE_LIMIT_PRINCIPAL_POINTS/);
    expect(() => loadConfig({ REDIS_URL: "http://127.0.0.1:6379" })).toThrow(/REDIS_URL must be redis:\/\//);
    expect(() => loadConfig({ RATE_LIMIT_WINDOW_SECONDS: "0" })).toThrow(/RATE_LIMIT_WINDOW_SECONDS/);
    expect(() => loadConfig({ RATE_LIMIT_SERVICE_POINTS: "-5" })).toThrow(/RATE_LIMIT_SERVICE_POINTS/);
    expect(() => loadConfig({ METRICS_PORT: "http" })).toThrow(/METRICS_PORT/);
    expect(() => loadConfig({ LOG_LEVEL: "loud" })).toThrow(/LOG_LEVEL must be one of/);
    const c = loadConfig({ REDIS_URL: "redis://127.0.0.1:6379", METRICS_PORT: "9464", SHUTDOWN_TIMEOUT_MS: "2500", RATE_LIMIT_TENANT_POINTS: "0" });
    expect(c).toMatchObject({ metricsPort: 9464, metricsHost: "127.0.0.1", shutdownTimeoutMs: 2500, logLevel: "info" });
    expect(c.throttle).toEqual({ principalPoints: 1_200, servicePoints: 18_000, tenantPoints: 0, windowSeconds: 60, redisUrl: "redis://127.0.0.1:6379" });
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
  it("T1 T2 a SCIM read pays 1 and a write 10 into its provisioning token's bucket and its tenant's; refusals count as scim", async () => {
    expect(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"].map(methodPrice)).toEqual([1, 1, 10, 10, 10, 10]);
    const throttle = new Throttle({ principalPoints: 100, tenantPoints: 1_000, windowSeconds: 60 }, quiet, new ManualClock());
    const refused: string[] = [];
    throttle.onRefused = (bucket, transport) => refused.push(`${bucket}/${transport}`);
    const keys = scimThrottleKeys("ptk_1", "tnt_1");
    const first = await throttle.take(keys, methodPrice("POST"), "scim");
    expect(first).toMatchObject({ allowed: true, cost: 10, status: { maximumAvailable: 100, currentlyAvailable: 90 } });
    expect((await throttle.take(keys, methodPrice("GET"), "scim")).status.currentlyAvailable).toBe(89);
    for (let i = 0; i < 8; i++) expect((await throttle.take(keys, methodPrice("PATCH"), "scim")).allowed).toBe(true);
    const over = await throttle.take(keys, methodPrice("DELETE"), "scim");
    expect(over).toMatchObject({ allowed: false, refusedBy: "principal" });
    expect(over.retryAfterSeconds).toBeGreaterThanOrEqual(1);
    expect(refused).toEqual(["principal/scim"]);
    // Another token of the same tenant has its own bucket; the tenant's holds both.
    expect((await throttle.take(scimThrottleKeys("ptk_2", "tnt_1"), methodPrice("POST"), "scim")).status.currentlyAvailable).toBe(90);
    await throttle.close();
  });
});
