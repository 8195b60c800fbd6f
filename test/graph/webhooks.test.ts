import { DAY_MS } from "../../src/domain/clock";
import { DeliveryWorker, GIVE_UP_AFTER_MS, retryDelay } from "../../src/app/webhooks/delivery";
import { NOTIFICATIONS_PER_POST } from "../../src/app/webhooks/notifications";
import { newTenant, Q, TenantFx } from "../helpers/fixtures";
import { TestApi } from "../helpers/harness";
import { engines, graphFetch, guid, PUBLIC_URL, startGraph } from "./graph-client";
import { Receiver } from "./receiver";

/** Receivers answer on loopback: outside production the private-address guard is off (README "Change notifications"). */
const WEBHOOKS = { allowPrivate: false, allowNetworks: [], timeoutMs: 250, pollMs: 60_000 };

describe.each(engines())("Microsoft Graph: change notifications (MG6) (%s)", (_engine, url) => {
  let api: TestApi;
  let origin: string;
  let worker: DeliveryWorker;
  const receivers: Receiver[] = [];

  beforeAll(async () => {
    ({ api, origin } = await startGraph(url, { webhooks: WEBHOOKS }));
    worker = new DeliveryWorker(api.app);
  });
  afterAll(async () => {
    await worker.stop();
    for (const r of receivers) await r.down();
    await api.stop();
  });

  const receiver = async () => {
    const r = await Receiver.start();
    receivers.push(r);
    return r;
  };
  const inDays = (days: number) => new Date(api.clock.now().getTime() + days * DAY_MS).toISOString();
  const subscribe = (token: string, body: Record<string, unknown>) => graphFetch(origin, "POST", "/subscriptions", { token, body });
  const subscription = async (t: TenantFx, r: Receiver, body: Record<string, unknown> = {}) => {
    const res = await subscribe(t.admin, { changeType: "created,updated,deleted", notificationUrl: r.url, resource: "users", expirationDateTime: inDays(2), clientState: "s3cret", ...body });
    if (res.status !== 201) throw new Error(JSON.stringify(res.body));
    return res.body.id as string;
  };
  const outboxRows = async () => Number((await api.ds.query("SELECT COUNT(*) AS n FROM change_outbox"))[0].n);
  const rename = (t: TenantFx, id: string, displayName: string) => api.ok(t.admin, Q.updateUser, { input: { id, displayName } });

  it("MG6: POST /subscriptions validates the URL as Graph does (the validationToken echoed as text/plain), then GET, PATCH renews, DELETE", async () => {
    const t = await newTenant(api, "Contoso");
    const r = await receiver();
    const expiry = inDays(3);
    const created = await subscribe(t.admin, { changeType: "updated", notificationUrl: r.url, resource: "groups", expirationDateTime: expiry, clientState: "abc" });
    expect(created.status).toBe(201);
    expect(r.validations).toHaveLength(1);
    expect(created.body).toMatchObject({
      "@odata.context": `${PUBLIC_URL}/v1.0/$metadata#subscriptions/$entity`,
      resource: "groups", changeType: "updated", clientState: "abc", notificationUrl: r.url, expirationDateTime: expiry, lifecycleNotificationUrl: null,
    });
    const id = created.body.id;
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect((await graphFetch(origin, "GET", "/subscriptions", { token: t.admin })).body.value.map((s: any) => s.id)).toEqual([id]);
    expect((await graphFetch(origin, "GET", `/subscriptions/${id}`, { token: t.admin })).body.expirationDateTime).toBe(expiry);
    // Renewal: a new expiry, at most 29 days from now.
    const later = inDays(29);
    const renewed = await graphFetch(origin, "PATCH", `/subscriptions/${id}`, { token: t.admin, body: { expirationDateTime: later } });
    expect([renewed.status, renewed.body.expirationDateTime]).toEqual([200, later]);
    const tooLate = await graphFetch(origin, "PATCH", `/subscriptions/${id}`, { token: t.admin, body: { expirationDateTime: new Date(Date.parse(later) + 60_000).toISOString() } });
    expect([tooLate.status, tooLate.body.error.code, tooLate.body.error.innerError.code]).toEqual([400, "Request_BadRequest", "BAD_USER_INPUT"]);
    // Another tenant does not see it (NOT_FOUND), nor can it renew or delete it.
    const other = await newTenant(api, "Other");
    for (const [method, body] of [["GET", undefined], ["PATCH", { expirationDateTime: inDays(1) }], ["DELETE", undefined]] as const) {
      const res = await graphFetch(origin, method, `/subscriptions/${id}`, { token: other.admin, body });
      expect([method, res.status, res.body.error.innerError.code]).toEqual([method, 404, "NOT_FOUND"]);
    }
    expect((await graphFetch(origin, "GET", "/subscriptions", { token: other.admin })).body.value).toEqual([]);
    expect((await graphFetch(origin, "DELETE", `/subscriptions/${id}`, { token: t.admin })).status).toBe(204);
    expect((await graphFetch(origin, "GET", `/subscriptions/${id}`, { token: t.admin })).status).toBe(404);
    // An expired subscription is gone too.
    const short = await subscription(t, r, { expirationDateTime: inDays(1) });
    api.clock.advanceDays(1);
    expect((await graphFetch(origin, "GET", `/subscriptions/${short}`, { token: t.admin })).status).toBe(404);
  });

  it("MG6: the validation handshake holds no lock: the API answers other requests while the receiver is validating", async () => {
    const t = await newTenant(api, "FourthCoffee");
    const r = await receiver();
    let meanwhile = 0;
    r.beforeValidation = async () => {
      meanwhile = (await graphFetch(origin, "GET", "/users", { token: t.admin })).status;
    };
    expect((await subscribe(t.admin, { changeType: "updated", notificationUrl: r.url, resource: "users", expirationDateTime: inDays(1) })).status).toBe(201);
    expect(meanwhile).toBe(200);
  });

  it("MG6: bad input is Graph's 400 (BAD_USER_INPUT) and creates nothing; a URL that fails the handshake is refused; a reader may subscribe, a user without roles may not", async () => {
    const t = await newTenant(api, "Fabrikam");
    const r = await receiver();
    const good = { changeType: "updated", notificationUrl: r.url, resource: "users", expirationDateTime: inDays(1) };
    const cases: [string, Record<string, unknown>][] = [
      ["unknown resource", { ...good, resource: "devices" }],
      ["unknown changeType", { ...good, changeType: "updated,renamed" }],
      ["changeType twice", { ...good, changeType: "updated,updated" }],
      ["created of a pool", { ...good, resource: "subscribedSkus", changeType: "created" }],
      ["expiry past 29 days", { ...good, expirationDateTime: inDays(29.01) }],
      ["expiry in the past", { ...good, expirationDateTime: inDays(-1) }],
      ["expiry not a date", { ...good, expirationDateTime: "tomorrow" }],
      ["no notificationUrl", { ...good, notificationUrl: undefined }],
      ["relative URL", { ...good, notificationUrl: "/hook" }],
      ["ftp URL", { ...good, notificationUrl: "ftp://127.0.0.1/hook" }],
      ["clientState too long", { ...good, clientState: "x".repeat(129) }],
      ["unknown property", { ...good, includeResourceData: true }],
      ["nobody listens", { ...good, notificationUrl: "http://127.0.0.1:9/hook" }],
    ];
    for (const [name, body] of cases) {
      const res = await subscribe(t.admin, body);
      expect([name, res.status, res.body.error.code, res.body.error.innerError.code]).toEqual([name, 400, "Request_BadRequest", "BAD_USER_INPUT"]);
    }
    r.badValidation = true;
    const refused = await subscribe(t.admin, good);
    expect([refused.status, refused.body.error.message]).toEqual([400, expect.stringContaining("validation")]);
    r.badValidation = false;
    const unknownGroup = await subscribe(t.admin, { ...good, resource: "groups/00000000-0000-7000-8000-000000000000/members" });
    expect([unknownGroup.status, unknownGroup.body.error.innerError.code]).toEqual([404, "NOT_FOUND"]);
    expect((await graphFetch(origin, "GET", "/subscriptions", { token: t.admin })).body.value).toEqual([]);
    const reader = await t.user("reader", ["GLOBAL_READER"]);
    expect((await subscribe(reader.token, good)).status).toBe(201);
    const plain = await t.user("plain");
    const denied = await subscribe(plain.token, good);
    expect([denied.status, denied.body.error.code]).toEqual([403, "Authorization_RequestDenied"]);
  });

  it("MG6: a committed write is delivered after commit in Graph's shape; a rolled-back write delivers nothing", async () => {
    const t = await newTenant(api, "Northwind");
    const r = await receiver();
    const sub = await subscription(t, r);
    worker.start();
    try {
      const ada = await t.user("ada");
      await r.received(1);
      expect(r.notifications[0]).toEqual({
        subscriptionId: sub, subscriptionExpirationDateTime: inDays(2), changeType: "created", resource: `Users/${guid(ada.id)}`,
        resourceData: { "@odata.type": "#Microsoft.Graph.User", "@odata.id": `Users/${guid(ada.id)}`, id: guid(ada.id) },
        clientState: "s3cret", tenantId: guid(t.tenantId),
      });
      await rename(t, ada.id, "Ada L.");
      await r.received(2);
      expect(r.notifications[1]).toMatchObject({ changeType: "updated", resource: `Users/${guid(ada.id)}` });
      await api.ok(t.admin, Q.deleteUser, { id: ada.id });
      await r.received(3);
      expect(r.notifications[2]).toMatchObject({ changeType: "deleted", resource: `Users/${guid(ada.id)}` });
    } finally {
      await worker.stop();
    }
    await worker.runOnce();
    // A write that fails after its outbox rows were written (the last hook before commit throws): rolled back whole.
    const boom = async () => {
      throw new Error("fails before commit");
    };
    api.app.beforeCommit!.push(boom);
    try {
      const res = await api.exec(t.admin, Q.createUser, { input: { userPrincipalName: "ghost@northwind.example", displayName: "ghost" } });
        expect(res.errors?.length).toBe(1);
    } finally {
      api.app.beforeCommit!.splice(api.app.beforeCommit!.indexOf(boom), 1);
    }
    expect(await outboxRows()).toBe(0);
    expect(await worker.runOnce()).toBe(0);
    expect(r.notifications).toHaveLength(3);
  });

  it("MG6: a license change is an updated of the user, a pool change an updated of the subscribedSku, a group's license an updated of the group", async () => {
    const t = await newTenant(api, "Humongous");
    const users = await receiver();
    const skus = await receiver();
    const groups = await receiver();
    const bo = await t.user("bo");
    const team = await t.group("Team");
    await subscription(t, users, { changeType: "updated" });
    await subscription(t, skus, { resource: "subscribedSkus", changeType: "updated" });
    await subscription(t, groups, { resource: "groups", changeType: "updated" });
    await t.buy(3);
    await worker.runOnce();
    expect(skus.notifications.map((n) => n.resource)).toContain(`subscribedSkus/${guid(t.tenantId)}_${guid(t.sku.user)}`);
    expect(skus.notifications[0].resourceData["@odata.type"]).toBe("#Microsoft.Graph.SubscribedSku");
    await t.license(bo.id);
    await t.assignGroup(team);
    await worker.runOnce();
    expect(users.notifications.map((n) => [n.changeType, n.resourceData.id])).toContainEqual(["updated", guid(bo.id)]);
    expect(groups.notifications.map((n) => [n.changeType, n.resource])).toEqual([["updated", `Groups/${guid(team)}`]]);
  });

  it("MG6: groups/{id}/members hears its members change; a write touching 5,000 users writes its outbox in one statement and is delivered in full", async () => {
    const t = await newTenant(api, "Tailspin");
    const makers = await t.group("Makers");
    const members = await receiver();
    const everyone = await receiver();
    await subscription(t, members, { resource: `groups/${guid(makers)}/members`, changeType: "updated" });
    await subscription(t, everyone, { changeType: "updated" });
    const ids = await t.bulkUsers(5000, "bulk");
    const before = api.logger.queries.length;
    await t.add(makers, ids);
    const outboxStatements = api.logger.queries.slice(before).filter((q) => q.includes("change_outbox"));
    expect(outboxStatements).toHaveLength(1);
    await worker.runOnce();
    expect(members.notifications).toEqual([expect.objectContaining({ changeType: "updated", resource: `Groups/${guid(makers)}/members` })]);
    expect(everyone.notifications).toHaveLength(5000);
    expect(new Set(everyone.notifications.map((n) => n.resourceData.id))).toEqual(new Set(ids.map(guid)));
    // NOTIFICATIONS_PER_POST (100) to a POST.
    expect(everyone.bodies.map((b) => b.length)).toEqual(Array(5000 / NOTIFICATIONS_PER_POST).fill(NOTIFICATIONS_PER_POST));
    expect(await outboxRows()).toBe(0);
  });

  it("MG6: notifications are batched as Graph does: one POST carries a subscription's pending changes of several writes, in commit order, at most 100; each subscription on its own", async () => {
    const t = await newTenant(api, "Batchwood");
    const r = await receiver();
    const down = await receiver();
    await subscription(t, r, { changeType: "created" });
    await subscription(t, down, { changeType: "created" });
    await down.down();
    const made: string[] = [];
    for (const n of ["b1", "b2", "b3", "b4", "b5"]) made.push((await t.user(n)).id);
    await worker.runOnce();
    // Five writes, one POST with the five, in commit order; the receiver that is down does not hold the other up.
    expect(r.bodies.map((b) => b.map((n: any) => n.resourceData.id))).toEqual([made.map(guid)]);
    await down.up();
    api.clock.advanceMs(retryDelay(1));
    await worker.runOnce();
    expect(down.bodies.map((b) => b.map((n: any) => n.resourceData.id))).toEqual([made.map(guid)]);
    // Across writes up to the cap: 60 + 60 + 1 users changed in three writes are a POST of 100, then one of 21.
    const users = await receiver();
    await subscription(t, users, { changeType: "updated" });
    const ids = await t.bulkUsers(120, "batch");
    const [a, b] = [await t.group("A"), await t.group("B")];
    await t.add(a, ids.slice(0, 60));
    await t.add(b, ids.slice(60));
    await rename(t, ids[0], "Batch zero");
    await worker.runOnce();
    expect(users.bodies.map((v) => v.length)).toEqual([NOTIFICATIONS_PER_POST, 21]);
    const seen = users.notifications.map((n) => n.resourceData.id);
    expect(new Set(seen.slice(0, 60))).toEqual(new Set(ids.slice(0, 60).map(guid)));
    expect(new Set(seen.slice(60, 120))).toEqual(new Set(ids.slice(60).map(guid)));
    expect(seen[120]).toBe(guid(ids[0]));
    expect(await outboxRows()).toBe(0);
  });

  it("MG6: a receiver that is down, then back: retried with backoff by the clock, in commit order, nothing lost", async () => {
    const t = await newTenant(api, "Adatum");
    const r = await receiver();
    await subscription(t, r, { changeType: "created" });
    await r.down();
    const made = [];
    for (const n of ["u1", "u2", "u3"]) made.push((await t.user(n)).id);
    await worker.runOnce();
    // Not due again until the backoff has passed; each failure doubles it.
    expect(await worker.runOnce()).toBe(0);
    api.clock.advanceMs(retryDelay(1));
    await worker.runOnce();
    api.clock.advanceMs(retryDelay(2) - 1);
    expect(await worker.runOnce()).toBe(0);
    await r.up();
    api.clock.advanceMs(1);
    await worker.runOnce();
    expect(r.notifications.map((n) => n.resourceData.id)).toEqual(made.map(guid));
    // The three failed together and are retried together: one POST.
    expect(r.bodies.map((b) => b.length)).toEqual([3]);
    expect(await outboxRows()).toBe(0);
    const metrics = await api.app.metrics.text();
    expect(metrics).toMatch(/license_graph_webhook_deliveries_total\{outcome="failed"\} [1-9]/);
    expect(metrics).toMatch(/license_graph_webhook_deliveries_total\{outcome="delivered"\} [1-9]/);
  });

  it("MG6: a receiver that never answers (3 s, here 250 ms) is retried with exponential backoff for 4 hours, then its changes are dropped and `missed` is sent", async () => {
    const t = await newTenant(api, "Woodgrove");
    const r = await receiver();
    const life = await receiver();
    const sub = await subscription(t, r, { lifecycleNotificationUrl: life.url });
    api.app.metrics.webhookSubscriptionStates = () => api.app.database.deliveries.countsByState(api.clock.now());
    r.mode = "hang";
    await t.user("lost");
    const start = api.clock.now().getTime();
    await worker.runOnce();
    let attempts = 1;
    const gaps: number[] = [];
    while (!life.notifications.length) {
      const gap = retryDelay(attempts);
      gaps.push(gap);
      api.clock.advanceMs(gap);
      await worker.runOnce();
      attempts++;
      if (attempts > 40) throw new Error("never gave up");
    }
    expect(gaps.slice(0, 4)).toEqual([10_000, 20_000, 40_000, 80_000]);
    expect(Math.max(...gaps)).toBe(30 * 60_000);
    expect(api.clock.now().getTime() - start).toBeGreaterThanOrEqual(GIVE_UP_AFTER_MS);
    expect(api.clock.now().getTime() - start).toBeLessThan(GIVE_UP_AFTER_MS + 30 * 60_000);
    expect(r.posts).toBe(attempts);
    expect(life.notifications).toEqual([{ subscriptionId: sub, subscriptionExpirationDateTime: inDays(2 - (api.clock.now().getTime() - start) / DAY_MS), tenantId: guid(t.tenantId), clientState: "s3cret", lifecycleEvent: "missed" }]);
    expect(await outboxRows()).toBe(0);
    expect(await api.app.metrics.text()).toMatch(/license_graph_webhook_subscriptions\{state="missed"\} 1/);
    // The subscription stays: new changes are delivered again once the receiver answers.
    r.mode = "ok";
    await t.user("found");
    await worker.runOnce();
    expect(r.notifications).toEqual([expect.objectContaining({ changeType: "created" })]);
  });

  it("MG6: deliveries survive a restart: the pending rows and the backoff are in the database, and a new instance's worker delivers them", async () => {
    const t = await newTenant(api, "Litware");
    const r = await receiver();
    await subscription(t, r);
    await r.down();
    const kept = await t.user("kept");
    await worker.runOnce();
    await r.up();
    const restarted = await api.sibling({ config: { webhooks: WEBHOOKS } });
    const next = new DeliveryWorker(restarted.app);
    expect(await next.runOnce()).toBe(0);
    api.clock.advanceMs(retryDelay(1));
    await next.runOnce();
    expect(r.notifications.map((n) => n.resourceData.id)).toEqual([guid(kept.id)]);
    await restarted.stop();
  });

  it("MG6: an expired subscription receives nothing: its pending changes are dropped, and a write after expiry writes no outbox row", async () => {
    const t = await newTenant(api, "Proseware");
    const r = await receiver();
    await subscription(t, r, { expirationDateTime: inDays(1) });
    await r.down();
    await t.user("late");
    await worker.runOnce();
    expect(await outboxRows()).toBe(1);
    api.clock.advanceMs(DAY_MS + 60_000);
    await r.up();
    await worker.runOnce();
    expect(await outboxRows()).toBe(0);
    await t.user("later");
    expect(await outboxRows()).toBe(0);
    api.clock.advanceMs(retryDelay(1));
    await worker.runOnce();
    expect(r.notifications).toEqual([]);
  });
});

describe.each(engines())("Microsoft Graph: change notifications in production (MG6) (%s)", (_engine, url) => {
  it("MG6: in production a notificationUrl on loopback is refused (400) and nothing is sent to it; WEBHOOK_ALLOW_PRIVATE=true allows it", async () => {
    const r = await Receiver.start();
    for (const allowPrivate of [false, true]) {
      const { api, origin } = await startGraph(url, { production: true, webhooks: { ...WEBHOOKS, allowPrivate } });
      try {
        const t = await newTenant(api, "Prod");
        const body = { changeType: "updated", notificationUrl: r.url, resource: "users", expirationDateTime: new Date(api.clock.now().getTime() + DAY_MS).toISOString() };
        const res = await graphFetch(origin, "POST", "/subscriptions", { token: t.admin, body });
        if (allowPrivate) expect(res.status).toBe(201);
        else expect([res.status, res.body.error.innerError.code, res.body.error.message]).toEqual([400, "BAD_USER_INPUT", expect.stringContaining("https")]);
        const https = await graphFetch(origin, "POST", "/subscriptions", { token: t.admin, body: { ...body, notificationUrl: "https://127.0.0.1/hook" } });
        if (!allowPrivate) expect([https.status, https.body.error.message]).toEqual([400, expect.stringContaining("private, loopback or link-local")]);
      } finally {
        await api.stop();
      }
    }
    expect(r.validations).toHaveLength(1);
    await r.down();
  });
});
