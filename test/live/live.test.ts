import WebSocket from "ws";
import { engines, TEST_SECRET, TestApi } from "../helpers/harness";
import { newTenant, Q } from "../helpers/fixtures";
import { LIVE, LiveClient, liveClients } from "../helpers/live";
import { signToken } from "../../src/app/auth/sign";
import { liveHub } from "../../src/app/live/hub";
import { graphql } from "../gql";

const LIVEAUDITCREATEGROUP = graphql(`query LiveAuditCreateGroup { auditEvents(first: 8, action: "CREATE_GROUP") { nodes { id } } }`);
const LIVEME = graphql(`query LiveMe { me { id } }`);
const LIVELOWONSEATS = graphql(`query LiveLowOnSeats { tenant { seatAlertThreshold licenses { sku { partNumber } availableUnits unassignedDemand lowOnSeats } } }`);
const LIVETHRESHOLDONE = graphql(`mutation LiveThresholdOne { updateTenantSettings(input: { seatAlertThreshold: 1 }) { seatAlertThreshold allowAdHocSubscriptions } }`);
const LIVETHRESHOLDZERO = graphql(`mutation LiveThresholdZero { updateTenantSettings(input: { seatAlertThreshold: 0 }) { seatAlertThreshold } }`);
const LIVETHRESHOLDNEGATIVE = graphql(`mutation LiveThresholdNegative { updateTenantSettings(input: { seatAlertThreshold: -1 }) { id } }`);

const wsUrl = (base: string) => `${base.replace(/^http/, "ws")}/graphql`;

/** A raw graphql-transport-ws socket, for what a well-behaved client never sends. */
function rawSocket(base: string, opts: WebSocket.ClientOptions = {}) {
  const ws = new WebSocket(wsUrl(base), "graphql-transport-ws", opts);
  const messages: any[] = [];
  let onMessage: (() => void) | undefined;
  ws.on("message", (d) => {
    messages.push(JSON.parse(String(d)));
    onMessage?.();
  });
  const closed = new Promise<{ code: number; reason: string }>((r) => ws.on("close", (code, reason) => r({ code, reason: String(reason) })));
  const opened = new Promise<void>((r) => ws.on("open", () => r()));
  const message = (pred: (m: any) => boolean) =>
    new Promise<any>((res) => {
      const check = () => {
        const m = messages.find(pred);
        if (m) {
          onMessage = undefined;
          res(m);
        }
      };
      onMessage = check;
      check();
    });
  return { ws, messages, closed, opened, message };
}

describe.each(engines())("live updates over graphql-ws (%s)", (_engine, url) => {
  let api: TestApi;
  let base: string;

  beforeAll(async () => {
    api = await TestApi.start(url);
    base = await api.listen();
  });
  afterAll(() => api.stop());

  const { hub, open, sub, closeAll } = liveClients(() => api, () => base);

  describe("E1 authentication", () => {
    test("E1: no token, a malformed header, a bad signature or an expired token closes the socket with 4403 before any subscription", async () => {
      const t = await newTenant(api);
      const cases: (string | null | undefined)[] = [
        null,
        undefined,
        "Basic abc",
        "Bearer not-a-jwt",
        `Bearer ${await signToken("another-secret-that-is-long-enough!!", { tid: t.tenantId, oid: t.adminId })}`,
        `Bearer ${await signToken(TEST_SECRET, { tid: t.tenantId, oid: t.adminId, ttlSeconds: -60 })}`,
      ];
      for (const auth of cases) {
        const c = new LiveClient(base, auth);
        const s = c.subscribe(LIVE.me);
        expect((await c.closed).code).toBe(4403);
        expect(s.results.items).toEqual([]);
      }
      expect(hub().connections(t.tenantId)).toBe(0);
    });

    test("E1: a token of an unknown or disabled user, or of an app identity, closes with 4403", async () => {
      const t = await newTenant(api);
      const off = await t.user("off");
      await api.ok(t.admin, Q.updateUser, { input: { id: off.id, accountEnabled: false } });
      const tokens = [
        off.token,
        await api.token({ tid: t.tenantId, oid: "usr_00000000-0000-7000-8000-000000000000" }),
        await api.token({ tid: t.tenantId, roles: ["BotRuntime"] }),
        await api.operatorToken(),
      ];
      for (const tok of tokens) expect((await new LiveClient(base, `Bearer ${tok}`).closed).code).toBe(4403);
    });

    test("E1: the socket is closed with 4403 at the token's exp", async () => {
      const t = await newTenant(api);
      // exp has whole seconds: this token runs out one to two seconds from now.
      const token = await signToken(TEST_SECRET, { tid: t.tenantId, oid: t.adminId, ttlSeconds: 2 });
      const exp = JSON.parse(Buffer.from(token.split(".")[1], "base64url").toString()).exp as number;
      const c = await open(token);
      const s = await sub(c, t, "myLicenseChanged", LIVE.me);
      const closed = await c.closed;
      expect(closed.code).toBe(4403);
      expect(Date.now()).toBeGreaterThanOrEqual(exp * 1000 - 50);
      await s.ended;
      await hub().when(() => hub().count(t.tenantId) === 0);
    });
  });

  describe("E2 what each subscription sends, to whom", () => {
    test("E2: myLicenseChanged sends the signed-in user after a write changed their licenses", async () => {
      const t = await newTenant(api);
      await t.buy(5);
      const u = await t.user("maker");
      const s = await sub(await open(u.token), t, "myLicenseChanged", LIVE.me);
      await t.license(u.id);
      const ev = await s.results.next();
      expect(ev.errors).toBeUndefined();
      expect(ev.data.myLicenseChanged).toMatchObject({
        id: u.id, canCreateBots: true,
        effectiveLicenses: [{ sku: { partNumber: "POWER_VIRTUAL_AGENTS_USER" }, state: "ACTIVE", error: "NONE", holdsSeat: true }],
      });
    });

    test("E2: tenantLicensesChanged and auditEventAdded reach tenant readers; a user without roles gets FORBIDDEN", async () => {
      const t = await newTenant(api);
      const reader = await t.user("reader", ["GLOBAL_READER"]);
      const plain = await t.user("plain");
      const c = await open(reader.token);
      const pools = await sub(c, t, "tenantLicensesChanged", LIVE.pools);
      const audit = await sub(c, t, "auditEventAdded", LIVE.audit);
      await t.buy(3);
      const p = await pools.results.next();
      expect(p.data.tenantLicensesChanged).toEqual(expect.arrayContaining([
        { sku: { partNumber: "POWER_VIRTUAL_AGENTS_USER" }, consumedUnits: 0, availableUnits: 3, unassignedDemand: 0, lowOnSeats: false },
      ]));
      const a = await audit.results.next();
      expect(a.data.auditEventAdded).toMatchObject({ action: "PURCHASE", actor: { id: t.adminId } });

      const pc = await open(plain.token);
      for (const q of [LIVE.pools, LIVE.audit]) {
        const denied = pc.subscribe(q);
        const end = await denied.ended;
        const errors = end.errors ?? (await denied.results.next()).errors;
        expect(errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
      }
      // The connection stays usable for what the user may have.
      await sub(pc, t, "myLicenseChanged", LIVE.me);
    });

    test("E2: permissions are read again at every delivery: a demoted reader stops getting tenant events until promoted again", async () => {
      const t = await newTenant(api);
      const reader = await t.user("reader", ["GLOBAL_READER"]);
      const c = await open(reader.token);
      const audit = await sub(c, t, "auditEventAdded", LIVE.audit);
      const me = await sub(c, t, "myLicenseChanged", LIVE.me);
      await api.ok(t.admin, Q.updateUser, { input: { id: reader.id, roles: [] } });
      expect((await me.results.next()).data.myLicenseChanged.roles).toEqual([]);
      const handled = hub().stats.events;
      await t.buy(2);
      await t.group("while demoted");
      // Roles are read when the hub handles an event, not when it was written: both are handled before the promotion.
      await hub().when(() => hub().stats.events >= handled + 2);
      await api.ok(t.admin, Q.updateUser, { input: { id: reader.id, roles: ["GLOBAL_READER"] } });
      expect((await me.results.next()).data.myLicenseChanged.roles).toEqual(["GLOBAL_READER"]);
      // The first audit event the reader gets is the promotion: nothing of the demoted time came through.
      const first = await audit.results.next();
      expect(first.data.auditEventAdded).toMatchObject({ action: "UPDATE_USER", targetId: reader.id });
      expect(audit.results.items).toEqual([]);
    });

    test("E2: a disabled user's socket is closed with 4403, and so is a deleted user's", async () => {
      const t = await newTenant(api);
      const a = await t.user("soon-disabled");
      const b = await t.user("soon-deleted");
      const ca = await open(a.token);
      const cb = await open(b.token);
      await sub(ca, t, "myLicenseChanged", LIVE.me);
      await api.ok(t.admin, Q.updateUser, { input: { id: a.id, accountEnabled: false } });
      expect((await ca.closed).code).toBe(4403);
      await api.ok(t.admin, Q.deleteUser, { id: b.id });
      expect((await cb.closed).code).toBe(4403);
      expect(hub().connections(t.tenantId)).toBe(0);
    });
  });

  describe("E3 events follow commits", () => {
    test("E3: a failed mutation delivers nothing", async () => {
      const t = await newTenant(api);
      await t.buy(1);
      const a = await t.user("a");
      const b = await t.user("b");
      await t.license(a.id);
      const adminC = await open(t.admin);
      const audit = await sub(adminC, t, "auditEventAdded", LIVE.audit);
      const pools = await sub(adminC, t, "tenantLicensesChanged", LIVE.pools);
      const me = await sub(await open(b.token), t, "myLicenseChanged", LIVE.me);
      // No seat left: the assignment fails and rolls back.
      expect(await api.code(t.admin, Q.assignUser, { input: { userId: b.id, addLicenses: [{ skuId: t.sku.user }] } })).toBe("SEATS_EXHAUSTED");
      expect(await api.code(t.admin, Q.updateUser, { input: { id: t.adminId, roles: [] } })).toBe("LAST_GLOBAL_ADMIN");
      // The next committed write is the first thing anyone receives.
      await api.ok(t.admin, Q.updateUser, { input: { id: b.id, displayName: "B after" } });
      expect((await me.results.next()).data.myLicenseChanged.displayName).toBe("B after");
      expect((await audit.results.next()).data.auditEventAdded).toMatchObject({ action: "UPDATE_USER", targetId: b.id });
      expect(pools.results.items).toEqual([]);
      expect(me.results.items).toEqual([]);
    });

    test("E3: myLicenseChanged reaches only the users whose licenses, canCreateBots, roles or account the write changed, once per write", async () => {
      const t = await newTenant(api);
      await t.buy(5);
      const a = await t.user("a");
      const b = await t.user("b");
      const ma = await sub(await open(a.token), t, "myLicenseChanged", LIVE.me);
      const ma2 = await sub(await open(a.token), t, "myLicenseChanged", LIVE.me); // a second tab of the same user
      const mb = await sub(await open(b.token), t, "myLicenseChanged", LIVE.me);
      // A group with a license, a direct assignment: a reaches the SKU twice in two writes.
      const g = await t.group("licensed");
      await t.assignGroup(g);
      await t.add(g, [a.id]);
      const e1 = await ma.results.next();
      expect(e1.data.myLicenseChanged.canCreateBots).toBe(true);
      expect((await ma2.results.next()).data).toEqual(e1.data);
      await t.license(a.id); // a second source: the effective license's sources changed
      expect((await ma.results.next()).data.myLicenseChanged.canCreateBots).toBe(true);
      const other = await t.group("no licenses");
      await t.add(other, [a.id]); // membership only: nothing a myLicenseChanged reflects
      await api.ok(t.admin, Q.updateUser, { input: { id: b.id, roles: ["GLOBAL_READER"] } });
      expect((await mb.results.next()).data.myLicenseChanged).toMatchObject({ id: b.id, roles: ["GLOBAL_READER"], canCreateBots: false });
      // b got nothing for a's writes; a nothing for the membership or b's roles.
      await api.ok(t.admin, Q.updateUser, { input: { id: a.id, displayName: "A renamed" } });
      expect((await ma.results.next()).data.myLicenseChanged.displayName).toBe("A renamed");
      expect(ma.results.items).toEqual([]);
      expect(mb.results.items).toEqual([]);
    });

    test("E3: events arrive in commit order per tenant, each once", async () => {
      const t = await newTenant(api);
      const audit = await sub(await open(t.admin), t, "auditEventAdded", LIVE.audit);
      await Promise.all(Array.from({ length: 8 }, (_, i) => t.group(`g${i}`)));
      const got: string[] = [];
      for (let i = 0; i < 8; i++) got.push((await audit.results.next()).data.auditEventAdded.id);
      const listed = (await api.ok(t.admin, LIVEAUDITCREATEGROUP)).auditEvents.nodes.map((n) => n.id);
      expect(got).toEqual([...listed].reverse());
      await t.group("marker");
      expect((await audit.results.next()).data.auditEventAdded.action).toBe("CREATE_GROUP");
      expect(audit.results.items).toEqual([]);
    });

    test("E3: tenant isolation: another tenant's writes never reach a subscriber", async () => {
      const a = await newTenant(api, "Alpha");
      const b = await newTenant(api, "Beta");
      const cb = await open(b.admin);
      const audit = await sub(cb, b, "auditEventAdded", LIVE.audit);
      const pools = await sub(cb, b, "tenantLicensesChanged", LIVE.pools);
      await a.buy(4);
      const au = await a.user("alpha-user");
      await a.license(au.id);
      await b.buy(1);
      expect((await audit.results.next()).data.auditEventAdded).toMatchObject({ action: "PURCHASE", actor: { id: b.adminId } });
      const p = (await pools.results.next()).data.tenantLicensesChanged;
      expect(p.find((x: any) => x.sku.partNumber === "POWER_VIRTUAL_AGENTS_USER")).toMatchObject({ availableUnits: 1 });
      expect(audit.results.items).toEqual([]);
      expect(pools.results.items).toEqual([]);
    });

    test("E3: one group assignment that changes many subscribers costs the same SQL statements for 10 or 60 of them", async () => {
      const counts: number[] = [];
      for (const n of [10, 60]) {
        const t = await newTenant(api);
        await t.buy(n);
        const ids = await t.bulkUsers(n, `fan${n}-`);
        const g = await t.group("everyone");
        await t.add(g, ids);
        const subs = await Promise.all(ids.map(async (id) => (await open(await api.token({ tid: t.tenantId, oid: id }))).subscribe(LIVE.me)));
        await hub().when(() => hub().count(t.tenantId) === n);
        const before = api.logger.count;
        await t.assignGroup(g);
        const events = await Promise.all(subs.map((s) => s.results.next()));
        expect(events.every((e) => e.data.myLicenseChanged.canCreateBots)).toBe(true);
        counts.push(api.logger.count - before);
        await closeAll();
      }
      expect(counts[1]).toBe(counts[0]);
    });
  });

  describe("E4 limits and bad input", () => {
    test("E4: subscription documents over the depth, alias, token or cost limits are refused with GRAPHQL_VALIDATION_FAILED", async () => {
      const t = await newTenant(api);
      const c = await open(t.admin);
      const deep = `subscription { myLicenseChanged { ${"memberOf { ".repeat(11)}id${" }".repeat(11)} } }`;
      const aliases = `subscription { myLicenseChanged { ${Array.from({ length: 20 }, (_, i) => `a${i}: id`).join(" ")} } }`;
      const tokens = `subscription { myLicenseChanged { ${"id ".repeat(2100)} } }`;
      const costly = `subscription { myLicenseChanged { memberOf { members(first: 1000) { nodes { memberOf { members(first: 1000) { nodes { id } } } } } } } }`;
      for (const q of [deep, aliases, tokens, costly]) {
        const s = c.subscribe(q);
        const end = await s.ended;
        expect(end.errors?.[0]?.extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");
      }
      expect(hub().count(t.tenantId)).toBe(0);
      await sub(c, t, "myLicenseChanged", LIVE.me);
    });

    test("E4: an unknown field or a query over WebSocket is an error; a malformed or unknown message closes that socket; the server keeps serving", async () => {
      const t = await newTenant(api);
      const c = await open(t.admin);
      const unknown = await c.subscribe(`subscription { noSuchThing }`).ended;
      expect(unknown.errors?.[0]?.extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");
      const query = await c.subscribe(`{ me { id } }`).ended;
      expect(query.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
      const mutation = await c.subscribe(`mutation { deleteUser(id: "x") }`).ended;
      expect(mutation.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
      // And a subscription sent over HTTP is told where subscriptions are served.
      expect(await api.code(t.admin, LIVE.me)).toBe("BAD_USER_INPUT");

      for (const bad of ["not json", JSON.stringify({ type: "no-such-type" }), JSON.stringify({ type: "subscribe", id: 1 })]) {
        const raw = rawSocket(base);
        await raw.opened;
        raw.ws.send(JSON.stringify({ type: "connection_init", payload: { authorization: `Bearer ${t.admin}` } }));
        await raw.message((m) => m.type === "connection_ack");
        raw.ws.send(bad);
        const closed = await raw.closed;
        expect([4400, 4500]).toContain(closed.code);
      }
      const before = raw4401();
      async function raw4401() {
        const raw = rawSocket(base);
        await raw.opened;
        raw.ws.send(JSON.stringify({ id: "1", type: "subscribe", payload: { query: LIVE.me } }));
        return (await raw.closed).code;
      }
      expect(await before).toBe(4401); // subscribe before connection_init
      // Still serving, over both ways in.
      expect((await api.ok(t.admin, LIVEME)).me.id).toBe(t.adminId);
      const s = await sub(c, t, "myLicenseChanged", LIVE.me);
      await api.ok(t.admin, Q.updateUser, { input: { id: t.adminId, displayName: "still here" } });
      const still = await s.results.next();
      expect(still.errors).toBeUndefined();
      expect(still.data.myLicenseChanged.displayName).toBe("still here");
    });
  });

  test("E5: lowOnSeats when availableUnits is at or below seatAlertThreshold or unassignedDemand is above 0; the threshold is a tenant setting", async () => {
    const t = await newTenant(api);
    await t.buy(3);
    const [u1, u2, u3, u4] = await t.bulkUsers(4, "e5-");
    const low = async () => (await api.ok(t.admin, LIVELOWONSEATS)).tenant;
    const userPool = (x: any) => x.licenses.find((l: any) => l.sku.partNumber === "POWER_VIRTUAL_AGENTS_USER");
    expect(await low()).toMatchObject({ seatAlertThreshold: 0 });
    expect(userPool(await low())).toMatchObject({ availableUnits: 3, lowOnSeats: false });
    const pools = await sub(await open(t.admin), t, "tenantLicensesChanged", LIVE.pools);
    await t.license(u1);
    await t.license(u2);
    expect(userPoolOf((await pools.results.next()).data)).toMatchObject({ availableUnits: 2, lowOnSeats: false });
    expect(userPoolOf((await pools.results.next()).data)).toMatchObject({ availableUnits: 1, lowOnSeats: false });
    const set = await api.ok(t.admin, LIVETHRESHOLDONE);
    expect(set.updateTenantSettings).toEqual({ seatAlertThreshold: 1, allowAdHocSubscriptions: true });
    expect(userPoolOf((await pools.results.next()).data)).toMatchObject({ availableUnits: 1, lowOnSeats: true });
    await api.ok(t.admin, LIVETHRESHOLDZERO);
    expect(userPoolOf((await pools.results.next()).data)).toMatchObject({ lowOnSeats: false });
    // Demand beyond the seats: lowOnSeats whatever the threshold.
    const g = await t.group("more than the pool");
    await t.add(g, [u3, u4]);
    await t.assignGroup(g);
    expect(userPoolOf((await pools.results.next()).data)).toMatchObject({ availableUnits: 0, unassignedDemand: 1, lowOnSeats: true });
    expect(userPool(await low())).toMatchObject({ unassignedDemand: 1, lowOnSeats: true });
    expect(await api.failsUnchanged(t.admin, LIVETHRESHOLDNEGATIVE)).toBe("BAD_USER_INPUT");
  });
});

const userPoolOf = (data: any) => data.tenantLicensesChanged.find((l: any) => l.sku.partNumber === "POWER_VIRTUAL_AGENTS_USER");

describe.each(engines())("live limits (%s)", (_engine, url) => {
  let api: TestApi;
  let base: string;
  beforeAll(async () => {
    api = await TestApi.start(url, { config: { live: { maxSubscriptionsPerConnection: 2, maxConnectionsPerTenant: 2, maxConnectionsPerPrincipal: 20, keepAliveMs: 100 } } });
    base = await api.listen();
  });
  afterAll(() => api.stop());

  test("E4: subscriptions per connection and connections per tenant are capped (configurable)", async () => {
    const t = await newTenant(api);
    const other = await newTenant(api, "Other");
    const c1 = await LiveClient.open(base, t.admin);
    const hub = liveHub(api.app);
    c1.subscribe(LIVE.me);
    c1.subscribe(LIVE.audit);
    await hub.when(() => hub.count(t.tenantId) === 2);
    const third = await c1.subscribe(LIVE.pools).ended;
    expect(third.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    const c2 = await LiveClient.open(base, t.admin);
    const c3 = new LiveClient(base, `Bearer ${t.admin}`);
    expect((await c3.closed).code).toBe(4429);
    // Per tenant: another tenant still connects.
    const o = await LiveClient.open(base, other.admin);
    for (const c of [c1, c2, o]) await c.close();
  });

  test("E4: keep-alive pings; a socket that stops answering them is closed", async () => {
    const t = await newTenant(api);
    const raw = rawSocket(base, { autoPong: false });
    let pings = 0;
    raw.ws.on("ping", () => pings++);
    await raw.opened;
    raw.ws.send(JSON.stringify({ type: "connection_init", payload: { authorization: `Bearer ${t.admin}` } }));
    await raw.message((m) => m.type === "connection_ack");
    const closed = await raw.closed;
    expect(pings).toBeGreaterThanOrEqual(1);
    expect(closed.code).toBe(1006); // terminated by the server, no close frame
    const hub = liveHub(api.app);
    await hub.when(() => hub.connections(t.tenantId) === 0);
  });
});
