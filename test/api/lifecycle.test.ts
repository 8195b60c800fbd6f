import { engines, TestApi } from "../helpers/harness";
import { newTenant, Q, userLicense } from "../helpers/fixtures";
import { graphql } from "../gql";

const SUBS = graphql(`query LifecycleSubs { tenant { hasActiveTenantLicense subscriptions(includeInactive: true) { id status isTrial channel quantity endsAt sku { partNumber } } } }`);
const STATES = graphql(`query LifecycleStates($id: ID!) { user(id: $id) { effectiveLicenses { sku { partNumber } state error holdsSeat } canCreateBots } }`);

describe.each(engines())("time-driven licensing (%s)", (_engine, url) => {
  let api: TestApi;
  beforeAll(async () => (api = await TestApi.start(url)));
  afterAll(() => api.stop());
  beforeEach(() => api.clock.set("2026-03-10T09:00:00.000Z"));

  const day = 86_400_000;
  const inDays = (d: number) => new Date(api.clock.now().getTime() + d * day).toISOString();

  it("P6 ACTIVE → WARNING → SUSPENDED → DELETED, with S5 seat consequences at each step", async () => {
    const t = await newTenant(api);
    await api.ok(t.admin, Q.purchase, { input: { channel: "ADMIN_CENTER", items: [{ skuId: t.sku.tenant, quantity: 1 }, { skuId: t.sku.user, quantity: 1 }] } });
    const term = await api.ok(t.admin, Q.purchase, { input: { channel: "ADMIN_CENTER", endsAt: inDays(10), items: [{ skuId: t.sku.user, quantity: 2 }] } });
    const termId = term.purchaseLicenses.subscriptions[0].id;
    const g = await t.group("makers");
    await t.assignGroup(g);
    const users: string[] = [];
    for (const n of ["first", "second", "third"]) {
      const u = await t.user(n);
      users.push(u.id);
      await t.add(g, [u.id]);
    }
    const status = async () => (await api.ok(t.admin, SUBS)).tenant.subscriptions.find((s) => s.id === termId)?.status;
    const holds = async () => Promise.all(users.map(async (id) => (await t.effective(id)).effectiveLicenses[0].error));

    expect(await status()).toBe("ACTIVE");
    expect(await holds()).toEqual(["NONE", "NONE", "NONE"]);

    api.clock.advanceDays(10);
    expect(await status()).toBe("WARNING");
    expect(userLicense(await t.licenses())).toMatchObject({ prepaidUnits: { enabled: 1, warning: 2, suspended: 0 }, consumedUnits: 3 });
    expect(await holds()).toEqual(["NONE", "NONE", "NONE"]);

    api.clock.advanceDays(30);
    expect(await status()).toBe("SUSPENDED");
    // the pool shrank from 3 to 1: the most recent wanters lose their seats first
    expect(await holds()).toEqual(["NONE", "COUNT_VIOLATION", "COUNT_VIOLATION"]);
    expect(userLicense(await t.licenses())).toMatchObject({ prepaidUnits: { enabled: 1, warning: 0, suspended: 2 }, consumedUnits: 1, unassignedDemand: 2 });

    api.clock.advanceDays(90);
    expect(await status()).toBe("DELETED");
    expect(userLicense(await t.licenses())).toMatchObject({ prepaidUnits: { enabled: 1, warning: 0, suspended: 0 }, consumedUnits: 1 });
    const active = await api.ok(t.admin, graphql(`query LifecycleTenant { tenant { subscriptions { id } } }`));
    expect(active.tenant.subscriptions.map((s) => s.id)).not.toContain(termId);
  });

  it("P6 when the tenant license ends its grace, user licenses go ERROR / DEPENDENCY_VIOLATION and bots are blocked", async () => {
    const t = await newTenant(api);
    await api.ok(t.admin, Q.purchase, { input: { channel: "ADMIN_CENTER", endsAt: inDays(5), items: [{ skuId: t.sku.tenant, quantity: 1 }] } });
    await api.ok(t.admin, Q.purchase, { input: { channel: "ADMIN_CENTER", items: [{ skuId: t.sku.user, quantity: 2 }] } });
    const u = await t.user("maker");
    await t.license(u.id);
    api.clock.advanceDays(20);
    expect((await api.ok(t.admin, STATES, { id: u.id })).user).toMatchObject({ canCreateBots: true, effectiveLicenses: [{ state: "ACTIVE" }] });
    api.clock.advanceDays(20);
    expect((await api.ok(t.admin, STATES, { id: u.id })).user).toMatchObject({
      canCreateBots: false,
      effectiveLicenses: [{ state: "ERROR", error: "DEPENDENCY_VIOLATION", holdsSeat: true }],
    });
    expect(await api.code(u.token, Q.createBot, { input: { name: "x" } })).toBe("TENANT_LICENSE_REQUIRED");
  });

  it("P6 cancelSubscription suspends at once and deletes 90 days later; endsAt in the past is BAD_USER_INPUT", async () => {
    const t = await newTenant(api);
    const order = await t.buy(2);
    const sub = order.subscriptions.find((s) => s.sku.partNumber === "POWER_VIRTUAL_AGENTS_USER")!;
    expect((await api.ok(t.admin, Q.cancel, { id: sub.id })).cancelSubscription.status).toBe("SUSPENDED");
    api.clock.advanceDays(90);
    expect((await api.ok(t.admin, SUBS)).tenant.subscriptions.find((s) => s.id === sub.id)!.status).toBe("DELETED");
    const before = await api.snapshot();
    expect(await api.code(t.admin, Q.purchase, { input: { channel: "ADMIN_CENTER", endsAt: inDays(-1), items: [{ skuId: t.sku.user, quantity: 1 }] } })).toBe("BAD_USER_INPUT");
    expect(await api.snapshot()).toBe(before);
  });
});

const TRIAL = graphql(`mutation LifecycleTrial($skuId: ID!) { startTrial(input: { skuId: $skuId }) { sku { partNumber } state error holdsSeat expiresAt sources { kind } enabledPlans { name } } }`);

describe.each(engines())("trials (%s)", (_engine, url) => {
  let api: TestApi;
  beforeAll(async () => (api = await TestApi.start(url)));
  afterAll(() => api.stop());
  beforeEach(() => api.clock.set("2026-03-10T09:00:00.000Z"));

  it("S9 start, expiry, one extension, then TRIAL_EXHAUSTED; S10 bots during and after", async () => {
    const t = await newTenant(api);
    const u = await t.user("tryer");
    const started = (await api.ok(u.token, TRIAL, { skuId: t.sku.trial })).startTrial;
    expect(started).toMatchObject({ state: "ACTIVE", error: "NONE", holdsSeat: false, sources: [{ kind: "TRIAL" }], expiresAt: "2026-04-09T09:00:00.000Z" });
    expect(started.enabledPlans.map((p) => p.name)).toContain("BOT_AUTHORING");
    // no tenant license and no paid seat needed
    const bot = (await api.ok(u.token, Q.createBot, { input: { name: "trial bot" } })).createBot;
    const subs = (await api.ok(t.admin, SUBS)).tenant.subscriptions;
    expect(subs).toEqual([expect.objectContaining({ isTrial: true, channel: "SELF_SERVICE_TRIAL", status: "ACTIVE", quantity: 1, sku: { partNumber: "POWER_VIRTUAL_AGENTS_TRIAL" } })]);

    api.clock.advanceDays(30);
    const expired = (await api.ok(t.admin, STATES, { id: u.id })).user;
    expect(expired).toMatchObject({ canCreateBots: false, effectiveLicenses: [{ state: "DISABLED", error: "TRIAL_EXPIRED" }] });
    expect(await api.code(u.token, Q.createBot, { input: { name: "late" } })).toBe("LICENSE_REQUIRED");
    // B2: the bot stays, but its owner cannot manage it after the trial ends
    expect(await api.code(u.token, Q.updateBot, { input: { id: bot.id, name: "renamed" } })).toBe("LICENSE_REQUIRED");
    expect((await api.ok(t.admin, Q.updateBot, { input: { id: bot.id, published: true } })).updateBot.published).toBe(true);

    const extended = (await api.ok(u.token, TRIAL, { skuId: t.sku.trial })).startTrial;
    expect(extended).toMatchObject({ state: "ACTIVE", expiresAt: "2026-05-09T09:00:00.000Z" });
    expect((await api.ok(u.token, Q.updateBot, { input: { id: bot.id, name: "renamed" } })).updateBot.name).toBe("renamed");

    api.clock.advanceDays(30);
    const before = await api.snapshot();
    expect(await api.code(u.token, TRIAL, { skuId: t.sku.trial })).toBe("TRIAL_EXHAUSTED");
    expect(await api.snapshot()).toBe(before);
  });

  it("S9 a running trial is returned unchanged when started again", async () => {
    const t = await newTenant(api);
    const u = await t.user("twice");
    const a = (await api.ok(u.token, TRIAL, { skuId: t.sku.trial })).startTrial;
    api.clock.advanceDays(3);
    const b = (await api.ok(u.token, TRIAL, { skuId: t.sku.trial })).startTrial;
    expect(b.expiresAt).toBe(a.expiresAt);
  });

  it("S9 TRIALS_DISABLED when the tenant turns ad-hoc subscriptions off; running trials go on", async () => {
    const t = await newTenant(api);
    const running = await t.user("running");
    await api.ok(running.token, TRIAL, { skuId: t.sku.trial });
    await api.ok(t.admin, graphql(`mutation LifecycleUpdateTenantSettings { updateTenantSettings(input: { allowAdHocSubscriptions: false }) { allowAdHocSubscriptions } }`));
    const late = await t.user("late");
    const before = await api.snapshot();
    expect(await api.code(late.token, TRIAL, { skuId: t.sku.trial })).toBe("TRIALS_DISABLED");
    expect(await api.snapshot()).toBe(before);
    expect((await api.ok(t.admin, STATES, { id: running.id })).user.canCreateBots).toBe(true);
  });

  it("S9 only trial SKUs start as trials; trial users are found by the user filters", async () => {
    const t = await newTenant(api);
    const u = await t.user("filtered");
    expect(await api.code(u.token, TRIAL, { skuId: t.sku.user })).toBe("BAD_USER_INPUT");
    await api.ok(u.token, TRIAL, { skuId: t.sku.trial });
    const bySku = await api.ok(t.admin, graphql(`query LifecycleTenant2($s: ID!) { tenant { users(filter: { skuId: $s }) { nodes { id } } } }`), { s: t.sku.trial });
    expect(bySku.tenant.users.nodes).toEqual([{ id: u.id }]);
    const active = await api.ok(t.admin, graphql(`query LifecycleTenant3 { tenant { users(filter: { licenseState: ACTIVE }) { nodes { id } } } }`));
    expect(active.tenant.users.nodes).toEqual([{ id: u.id }]);
    api.clock.advanceDays(31);
    const disabled = await api.ok(t.admin, graphql(`query LifecycleTenant4 { tenant { users(filter: { licenseState: DISABLED }) { nodes { id } } } }`));
    expect(disabled.tenant.users.nodes).toEqual([{ id: u.id }]);
  });
});

const CAPACITY = graphql(`query LifecycleCapacity($p: String) { tenant { capacity(period: $p) { period purchased consumed remaining overage byBot { bot { id } billedSessions } } } }`);

describe.each(engines())("billed-session capacity (%s)", (_engine, url) => {
  let api: TestApi;
  beforeAll(async () => (api = await TestApi.start(url)));
  afterAll(() => api.stop());
  beforeEach(() => api.clock.set("2026-03-10T09:00:00.000Z"));

  it("C1/B3 capacity pools across bots per UTC month; overage is accepted and reported", async () => {
    const t = await newTenant(api);
    await t.buy(2, 1);
    const maker = await t.user("maker");
    await t.license(maker.id);
    const a = (await api.ok(maker.token, Q.createBot, { input: { name: "a" } })).createBot.id;
    const b = (await api.ok(maker.token, Q.createBot, { input: { name: "b" } })).createBot.id;
    const runtime = await api.token({ tid: t.tenantId, roles: ["BotRuntime"] });
    await api.ok(runtime, Q.record, { input: { botId: a, count: 1500 } });
    await api.ok(runtime, Q.record, { input: { botId: b, count: 400, at: "2026-03-31T23:59:59.999Z" } });
    await api.ok(runtime, Q.record, { input: { botId: b, count: 300, at: "2026-04-01T00:00:00.000Z" } });
    const march = (await api.ok(t.admin, CAPACITY, { p: "2026-03" })).tenant.capacity;
    expect(march).toEqual({ period: "2026-03", purchased: 2000, consumed: 1900, remaining: 100, overage: 0, byBot: [{ bot: { id: a }, billedSessions: 1500 }, { bot: { id: b }, billedSessions: 400 }] });
    await api.ok(runtime, Q.record, { input: { botId: b, count: 250 } });
    const over = (await api.ok(t.admin, CAPACITY, {})).tenant.capacity;
    expect(over).toMatchObject({ period: "2026-03", consumed: 2150, remaining: 0, overage: 150 });
    const april = (await api.ok(t.admin, CAPACITY, { p: "2026-04" })).tenant.capacity;
    expect(april).toMatchObject({ consumed: 300, remaining: 1700, byBot: [{ bot: { id: b }, billedSessions: 300 }] });
    const billed = await api.ok(t.admin, graphql(`query LifecycleBot($id: ID!) { bot(id: $id) { march: billedSessions(period: "2026-03") april: billedSessions(period: "2026-04") } }`), { id: b });
    expect(billed.bot).toEqual({ march: 650, april: 300 });
  });

  it("C1 K8 a month before the tenant's first subscription started has no purchased sessions; a later cancellation leaves past months", async () => {
    const t = await newTenant(api);
    const maker = await t.user("maker");
    const runtime = await api.token({ tid: t.tenantId, roles: ["BotRuntime"] });
    api.clock.set("2026-02-10T09:00:00.000Z");
    const order = await t.buy(1, 1);
    await t.license(maker.id);
    const bot = (await api.ok(maker.token, Q.createBot, { input: { name: "early" } })).createBot.id;
    await api.ok(runtime, Q.record, { input: { botId: bot, count: 700, at: "2026-01-20T12:00:00.000Z" } });
    api.clock.set("2026-03-10T09:00:00.000Z");
    const month = async (p: string) => (await api.ok(t.admin, CAPACITY, { p })).tenant.capacity;
    expect(await month("2026-01")).toMatchObject({ purchased: 0, consumed: 700, remaining: 0, overage: 700 });
    expect(await month("2025-12")).toMatchObject({ purchased: 0, consumed: 0 });
    // The subscription started on 10 February: February counts it whole.
    expect(await month("2026-02")).toMatchObject({ purchased: 2000, remaining: 2000 });
    const tenantSub = order.subscriptions.find((s) => s.sku.partNumber === "POWER_VIRTUAL_AGENTS")!.id;
    await api.ok(t.admin, Q.cancel, { id: tenantSub });
    // Cancelled in March: March has none (suspended), February still had it.
    expect(await month("2026-03")).toMatchObject({ purchased: 0 });
    expect(await month("2026-02")).toMatchObject({ purchased: 2000 });
  });

  it("B3 invalid counts and periods are BAD_USER_INPUT; a BotRuntime records only in its own tenant", async () => {
    const t = await newTenant(api);
    await t.buy(1);
    const maker = await t.user("maker");
    await t.license(maker.id);
    const bot = (await api.ok(maker.token, Q.createBot, { input: { name: "a" } })).createBot.id;
    const runtime = await api.token({ tid: t.tenantId, roles: ["BotRuntime"] });
    const before = await api.snapshot();
    for (const count of [0, -5, 1_000_001]) expect(await api.code(runtime, Q.record, { input: { botId: bot, count } })).toBe("BAD_USER_INPUT");
    for (const p of ["2026-13", "March", "2026-3"]) expect(await api.code(t.admin, CAPACITY, { p })).toBe("BAD_USER_INPUT");
    const other = await newTenant(api, "Northwind");
    const otherRuntime = await api.token({ tid: other.tenantId, roles: ["BotRuntime"] });
    const snapshotWithOther = await api.snapshot();
    expect(await api.code(otherRuntime, Q.record, { input: { botId: bot, count: 5 } })).toBe("NOT_FOUND");
    expect(await api.snapshot()).toBe(snapshotWithOther);
    expect(before).not.toBe(snapshotWithOther);
    expect(await api.code(runtime, graphql(`query LifecycleTenant5 { tenant { displayName } }`))).toBe("FORBIDDEN");
  });
});
