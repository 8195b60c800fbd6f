import { liveSettingsFrom } from "../../src/config";
import { liveHub } from "../../src/app/live/hub";
import { engines, TestApi } from "../helpers/harness";
import { newTenant, TenantFx } from "../helpers/fixtures";
import { LIVE, LiveClient } from "../helpers/live";
import { graphql } from "../gql";

const ME = graphql(`query GuardMe { me { canCreateBots } }`);
const RATE = graphql(`query GuardRate { rateLimit { currentlyAvailable } }`);
/** Small person buckets that never refill by themselves (the app's clock is a ManualClock); each test starts full. */
const BUCKET = 40;
const THROTTLE = { principalPoints: BUCKET, tenantPoints: 100_000, windowSeconds: 60 };
const LIVE_LIMITS = { maxSubscriptionsPerConnection: 10, maxConnectionsPerTenant: 5, maxConnectionsPerPrincipal: 2, keepAliveMs: 0 };

const deep = `subscription { myLicenseChanged { ${"memberOf { ".repeat(11)}id${" }".repeat(11)} } }`;

/** One sample of the Prometheus text (no labels). */
function gauge(text: string, name: string): number {
  const line = text.split("\n").find((l) => l.startsWith(`${name} `));
  if (!line) throw new Error(`no sample ${name}`);
  return Number(line.split(" ")[1]);
}

describe.each(engines())("the WebSocket way in holds H3, H4 and O1 (%s)", (_engine, url) => {
  let api: TestApi;
  let base: string;
  beforeAll(async () => {
    api = await TestApi.start(url, { config: { production: true, introspection: false, throttle: THROTTLE, live: LIVE_LIMITS } });
    base = await api.listen();
  });
  afterAll(() => api.stop());

  const hub = () => liveHub(api.app);
  const clients: LiveClient[] = [];
  beforeEach(() => api.clock.advanceMs(THROTTLE.windowSeconds * 1000)); // every bucket full again
  afterEach(async () => {
    for (const c of clients.splice(0)) await c.close().catch(() => undefined);
    await hub().when(() => hub().count() === 0);
  });

  async function open(token: string): Promise<LiveClient> {
    const c = await LiveClient.open(base, token);
    clients.push(c);
    return c;
  }
  /** A connection that the server refuses: how it was closed. */
  async function refused(authorization: string | null): Promise<{ code: number; reason: string }> {
    const c = new LiveClient(base, authorization);
    clients.push(c);
    // An admitted connection answers at once: "connected" instead of waiting for a close that never comes.
    return Promise.race([c.closed, c.connected.then(() => ({ code: 0, reason: "connected" }))]);
  }
  const left = async (token: string) => (await api.ok(token, RATE)).rateLimit.currentlyAvailable;
  async function spend(token: string): Promise<void> {
    for (let i = 0; i <= BUCKET; i++) if ((await api.exec(token, ME)).errors?.[0]?.extensions?.code === "RATE_LIMITED") return;
    throw new Error("the bucket never ran out");
  }
  const post = async (authorization: string, query: string) =>
    fetch(`${base}/graphql`, { method: "POST", headers: { "content-type": "application/json", authorization }, body: JSON.stringify({ query }) });
  const metrics = async () => {
    const text = await api.app.metrics.text();
    return { connections: gauge(text, "license_graph_websocket_connections"), subscriptions: gauge(text, "license_graph_websocket_subscriptions") };
  };

  test("O1: the WebSocket connection and subscription gauges rise on connect and subscribe and fall on complete and close", async () => {
    const t = await newTenant(api, "Gauged");
    const u = await t.user("gauged");
    const start = await metrics();
    const c1 = await open(t.admin);
    const c2 = await open(u.token);
    expect(await metrics()).toEqual({ connections: start.connections + 2, subscriptions: start.subscriptions });
    const me = c1.subscribe(LIVE.me);
    c1.subscribe(LIVE.audit);
    c2.subscribe(LIVE.me);
    await hub().when(() => hub().count(t.tenantId) === 3);
    expect(await metrics()).toEqual({ connections: start.connections + 2, subscriptions: start.subscriptions + 3 });
    // A refused connection and a refused subscribe change neither.
    expect((await refused("Bearer not-a-jwt")).code).toBe(4403);
    const denied = c2.subscribe(LIVE.pools);
    const end = await denied.ended;
    expect((end.errors ?? (await denied.results.next()).errors)?.[0]?.extensions?.code).toBe("FORBIDDEN");
    expect(await metrics()).toEqual({ connections: start.connections + 2, subscriptions: start.subscriptions + 3 });
    me.stop();
    await hub().when(() => hub().count(t.tenantId) === 2);
    expect(await metrics()).toEqual({ connections: start.connections + 2, subscriptions: start.subscriptions + 2 });
    await c1.close();
    await hub().when(() => hub().connections(t.tenantId) === 1);
    expect(await metrics()).toEqual({ connections: start.connections + 1, subscriptions: start.subscriptions + 1 });
    await c2.close();
    await hub().when(() => hub().connections(t.tenantId) === 0);
    expect(await metrics()).toEqual(start);
  });

  test("H4: at most LIVE_MAX_CONNECTIONS_PER_PRINCIPAL live connections per user and instance (default 20), besides the tenant's cap; a plain user's sockets do not shut the admin out", async () => {
    expect(liveSettingsFrom({}).maxConnectionsPerPrincipal).toBe(20);
    expect(liveSettingsFrom({ LIVE_MAX_CONNECTIONS_PER_PRINCIPAL: "3" }).maxConnectionsPerPrincipal).toBe(3);
    const t: TenantFx = await newTenant(api, "Capped");
    const plain = await t.user("plain");
    const other = await t.user("other");
    await open(plain.token);
    const second = await open(plain.token);
    const third = await refused(`Bearer ${plain.token}`);
    expect(third.code).toBe(4429);
    expect(third.reason).toMatch(/At most 2 live connections per user/);
    // The admin and another user of the tenant still connect, up to the tenant's cap of 5.
    await open(t.admin);
    await open(t.admin);
    await open(other.token);
    expect(hub().connections(t.tenantId)).toBe(5);
    const overTenant = await refused(`Bearer ${other.token}`);
    expect(overTenant).toEqual({ code: 4429, reason: "Too many live connections for this tenant." });
    // A closed socket gives its place back.
    await second.close();
    await hub().when(() => hub().connections(t.tenantId) === 4);
    await open(plain.token);
  });

  test("H4: connection_init pays READ_COST from the user's buckets, as a request over HTTP; with the bucket empty it is refused with 4429 and a reason", async () => {
    const t = await newTenant(api, "Paying");
    const u = await t.user("payer");
    const before = await left(u.token);
    await open(u.token);
    expect(before - (await left(u.token))).toBe(2); // the connection_init, then this rateLimit query
    await spend(u.token);
    const closed = await refused(`Bearer ${u.token}`);
    expect(closed.code).toBe(4429);
    expect(closed.reason).toMatch(/^Too many requests: .*retry in \d+ s\.$/);
    expect(hub().connections(t.tenantId)).toBe(1);
    // The tenant's other users have buckets of their own.
    await open(t.admin);
  });

  test("H1: a NUL or a lone surrogate in a subscribe's variables is BAD_USER_INPUT over WebSocket too", async () => {
    const t = await newTenant(api, "Texting");
    const c = await open(t.admin);
    const query = `subscription Mine($quiet: Boolean!) { myLicenseChanged { id @skip(if: $quiet) } }`;
    for (const junk of ["a\u0000b", "\ud800"]) {
      const end = await c.subscribe(query, { quiet: false, junk }).ended;
      expect(end.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
      expect(end.errors?.[0]?.message).toContain("$junk");
    }
  });

  test("H4: every subscribe pays, also one refused by validation or the limits; with the bucket empty it reads RATE_LIMITED", async () => {
    const t = await newTenant(api, "Subscribing");
    const u = await t.user("subscriber");
    const c = await open(u.token);
    const before = await left(u.token);
    expect((await c.subscribe(`subscription { noSuchThing }`).ended).errors?.[0]?.extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");
    expect((await c.subscribe(deep).ended).errors?.[0]?.extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");
    expect((await c.subscribe(`{ me { id } }`).ended).errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(before - (await left(u.token))).toBe(4); // three refused subscribes at 1 each, then this query
    await spend(u.token);
    const end = await c.subscribe(`subscription { noSuchThing }`).ended;
    expect(end.errors?.[0]?.extensions?.code).toBe("RATE_LIMITED");
    expect(end.errors?.[0]?.extensions?.retryAfterSeconds).toBeGreaterThan(0);
  });

  test("H4: a failed sign-in over WebSocket pays from the client address's bucket; once it is empty a failed connect closes 4429; signed-in users still connect", async () => {
    const t = await newTenant(api, "Guessed");
    let failed = 0;
    let last: { code: number; reason: string } | undefined;
    for (let i = 0; i <= BUCKET; i++) {
      last = await refused(i % 2 ? "Bearer not-a-jwt" : null);
      if (last.code !== 4403) break;
      failed++;
    }
    expect(failed).toBe(BUCKET);
    expect(last?.code).toBe(4429);
    expect(last?.reason).toMatch(/^Too many requests: .*retry in \d+ s\.$/);
    // One bucket for the address on every protocol: a bad token over HTTP is refused too.
    expect((await post("Bearer not-a-jwt", "{ me { id } }")).status).toBe(429);
    await open(t.admin);
  });

  test("H3: in production no field is suggested over WebSocket or HTTP; limit errors read plainly on both", async () => {
    const t = await newTenant(api, "Hidden");
    const c = await open(t.admin);
    const ws = (await c.subscribe(`subscription { myLicenseChanged { displayNam } }`).ended).errors?.[0];
    const http = ((await (await post(`Bearer ${t.admin}`, `{ me { displayNam } }`)).json()) as any).errors[0];
    for (const e of [ws, http]) {
      expect(e.extensions.code).toBe("GRAPHQL_VALIDATION_FAILED");
      expect(e.message).toBe(`Cannot query field "displayNam" on type "User".`);
    }
    const deepQuery = `{ me { ${"memberOf { ".repeat(11)}id${" }".repeat(11)} } }`;
    const tokens = (op: string) => `${op} { me { ${"id ".repeat(2100)} } }`;
    const wsDepth = (await c.subscribe(deep).ended).errors?.[0];
    const httpDepth = ((await (await post(`Bearer ${t.admin}`, deepQuery)).json()) as any).errors[0];
    const wsTokens = (await c.subscribe(tokens("subscription").replace("me", "myLicenseChanged")).ended).errors?.[0];
    const httpTokens = ((await (await post(`Bearer ${t.admin}`, tokens("query"))).json()) as any).errors[0];
    for (const e of [wsDepth, httpDepth]) expect(e.message).toMatch(/^Query depth limit of 10 exceeded, found \d+\.$/);
    for (const e of [wsTokens, httpTokens]) expect(e.message).toBe("Token limit of 2000 exceeded.");
    for (const e of [wsDepth, httpDepth, wsTokens, httpTokens]) expect(e.extensions.code).toBe("GRAPHQL_VALIDATION_FAILED");
  });
});
