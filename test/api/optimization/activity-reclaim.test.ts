import { engines, TestApi } from "../../helpers/harness";
import { newTenant, Q, TenantFx, userLicense } from "../../helpers/fixtures";
import { graphql } from "../../gql";
import { runReclaimPasses } from "../../../src/app/licensing/reclamation";
import { ACTIVITY_WRITE_EVERY_MS } from "../../../src/app/request/activity";

const ME = graphql(`query OptimizationMe { me { id lastActivityAt reclaimWarningAt } }`);
const USER = graphql(`query OptimizationUser($id: ID!) { user(id: $id) { id lastActivityAt reclaimWarningAt } }`);
const SETTINGS = graphql(`mutation OptimizationSettings($input: TenantSettingsInput!) { updateTenantSettings(input: $input) { id inactiveAfterDays autoReclaim } }`);
const TENANT = graphql(`query OptimizationTenant { tenant { id inactiveAfterDays autoReclaim } }`);
const REPORT = graphql(`query OptimizationInactive($sku: ID!, $first: Int, $after: String) {
  tenant { inactiveLicenseHolders(skuId: $sku, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    nodes { user { id } lastActivityAt reclaimable throughGroups { id displayName } reclaimWarningAt }
  } }
}`);
const RECLAIM = graphql(`mutation OptimizationReclaim($input: ReclaimLicensesInput!) {
  reclaimLicenses(input: $input) { reclaimed { id } skipped { id } tenantLicense { consumedUnits availableUnits unassignedDemand } }
}`);
const EVENTS = graphql(`query OptimizationEvents($action: String) { auditEvents(first: 100, action: $action) { totalCount nodes { action targetId details actor { id } } } }`);

describe.each(engines())("optimization: V3 activity, V4 reclamation (%s)", (engine, url) => {
  let api: TestApi;
  beforeAll(async () => (api = await TestApi.start(url)));
  afterAll(() => api.stop());

  /** The stored column, as the flush wrote it (not what this instance still holds in memory). */
  const stored = async (t: TenantFx, userId: string) => {
    const [r] = await api.app.database.reader(t.tenantId).sql<{ at: string | number | null }>(
      "SELECT last_activity_at AS at FROM app_user WHERE tenant_id = :tid AND id = :id", { id: userId });
    return r.at == null ? null : new Date(Number(r.at)).toISOString();
  };
  const minute = (d: Date) => new Date(Math.floor(d.getTime() / 60_000) * 60_000).toISOString();
  const activityWrites = () => api.logger.queries.filter((q) => /UPDATE app_user SET last_activity_at/.test(q)).length;
  const hasDirect = async (t: TenantFx, userId: string) =>
    (await t.effective(userId)).effectiveLicenses.some((l) => l.sku.partNumber === "POWER_VIRTUAL_AGENTS_USER" && l.sources.some((s) => s.kind === "DIRECT"));

  describe("V3 activity", () => {
    it("V3 an authenticated request is activity, costs no statement on the request path, and is written by the batched flush", async () => {
      await api.app.activity.flush();
      const t = await newTenant(api);
      const u = await t.user("active");
      const statementsBefore = api.logger.count;
      const r = await api.ok(u.token, ME);
      // The sign-in row and nothing else: no write for the activity.
      expect(api.logger.queries.slice(statementsBefore).filter((q) => /^\s*(UPDATE|INSERT)/i.test(q))).toEqual([]);
      expect(r.me.lastActivityAt).toBe(api.clock.now().toISOString());
      expect(await stored(t, u.id)).toBeNull();
      await api.app.activity.flush();
      expect(await stored(t, u.id)).toBe(minute(api.clock.now()));
      expect(api.app.activity.pendingUsers).toBe(0);
    });

    it("V3 at most one write per user per hour; many users' activity is one statement", async () => {
      const t = await newTenant(api);
      const users = await Promise.all(Array.from({ length: 20 }, (_, i) => t.user(`many${i}`)));
      await api.app.activity.flush();
      for (const u of users) await api.ok(u.token, ME);
      const before = activityWrites();
      await api.app.activity.flush();
      expect(activityWrites() - before).toBe(1);
      const first = await stored(t, users[0].id);
      // Within the hour: requests write nothing more.
      api.clock.advanceMs(30 * 60_000);
      for (const u of users) await api.ok(u.token, ME);
      expect(api.app.activity.pendingUsers).toBe(0);
      await api.app.activity.flush();
      expect(activityWrites() - before).toBe(1);
      expect(await stored(t, users[0].id)).toBe(first);
      // An hour on: written again, once.
      api.clock.advanceMs(ACTIVITY_WRITE_EVERY_MS);
      await api.ok(users[0].token, ME);
      await api.ok(users[0].token, ME);
      await api.app.activity.flush();
      expect(activityWrites() - before).toBe(2);
      expect(await stored(t, users[0].id)).toBe(minute(api.clock.now()));
    });

    it("V3 bot actions (createBot, updateBot, recordBotSessions) are activity of the bot's owner", async () => {
      const t = await newTenant(api);
      await t.buy(1);
      const maker = await t.user("maker");
      await t.license(maker.id);
      const bot = (await api.ok(maker.token, Q.createBot, { input: { name: "Helper" } })).createBot;
      await api.app.activity.flush();
      expect(await stored(t, maker.id)).toBe(minute(api.clock.now()));
      // recordBotSessions comes from the bot runtime, updateBot from an admin: both count for the owner.
      api.clock.advanceMs(2 * ACTIVITY_WRITE_EVERY_MS);
      const runtime = await api.token({ tid: t.tenantId, roles: ["BotRuntime"] });
      await api.ok(runtime, Q.record, { input: { botId: bot.id, count: 3 } });
      await api.app.activity.flush();
      expect(await stored(t, maker.id)).toBe(minute(api.clock.now()));
      api.clock.advanceMs(2 * ACTIVITY_WRITE_EVERY_MS);
      await api.ok(t.admin, Q.updateBot, { input: { id: bot.id, name: "Helper 2" } });
      await api.app.activity.flush();
      expect(await stored(t, maker.id)).toBe(minute(api.clock.now()));
    });

    it("V3 what is gathered is written at drain (stop), and a failed write is kept for the next flush", async () => {
      const t = await newTenant(api);
      const u = await t.user("drained");
      await api.app.activity.flush();
      api.clock.advanceMs(2 * ACTIVITY_WRITE_EVERY_MS);
      await api.ok(u.token, ME);
      const db = api.app.database;
      const real = db.writeActivity.bind(db);
      db.writeActivity = async () => {
        throw new Error("database down");
      };
      await api.app.activity.flush();
      expect(api.app.activity.pendingUsers).toBe(1);
      db.writeActivity = real;
      await api.app.activity.stop();
      expect(api.app.activity.pendingUsers).toBe(0);
      expect(await stored(t, u.id)).toBe(minute(api.clock.now()));
    });
  });

  describe("V4 settings", () => {
    it("V4 inactiveAfterDays defaults to 90 and autoReclaim to off; a GLOBAL_ADMIN changes them; bad values are coded and change nothing", async () => {
      const t = await newTenant(api);
      expect((await api.ok(t.admin, TENANT)).tenant).toMatchObject({ inactiveAfterDays: 90, autoReclaim: false });
      expect((await api.ok(t.admin, SETTINGS, { input: { inactiveAfterDays: 30, autoReclaim: true } })).updateTenantSettings).toMatchObject({ inactiveAfterDays: 30, autoReclaim: true });
      expect((await api.ok(t.admin, TENANT)).tenant).toMatchObject({ inactiveAfterDays: 30, autoReclaim: true });
      for (const inactiveAfterDays of [0, -1, 3651]) expect(await api.failsUnchanged(t.admin, SETTINGS, { input: { inactiveAfterDays } })).toBe("BAD_USER_INPUT");
      const la = await t.user("la", ["LICENSE_ADMIN"]);
      expect(await api.failsUnchanged(la.token, SETTINGS, { input: { autoReclaim: false } })).toBe("FORBIDDEN");
    });
  });

  describe("V4 report and reclaim", () => {
    /** Four seats: `a` direct, `b` through a group, `c` direct and through the group, `d` direct; `w` waits in the group. */
    async function world() {
      const t = await newTenant(api);
      await t.buy(4);
      const [a, b, c, d, w] = await Promise.all(["a", "b", "c", "d", "w"].map((n) => t.user(`holder-${n}`)));
      const g = await t.group("Sales");
      await t.license(a.id);
      await t.license(c.id);
      await t.license(d.id);
      await t.add(g, [b.id, c.id]);
      await t.assignGroup(g);
      await api.app.activity.flush();
      api.clock.advanceDays(100);
      // d is active again; w joins the group now (waits for a seat: COUNT_VIOLATION).
      await api.ok(d.token, ME);
      await t.add(g, [w.id]);
      return { t, a, b, c, d, w, g };
    }

    it("V4 inactiveLicenseHolders pages the holders inactive for inactiveAfterDays, with what holds their seat", async () => {
      const { t, a, b, c, g } = await world();
      const r = (await api.ok(t.admin, REPORT, { sku: t.sku.user })).tenant.inactiveLicenseHolders;
      const ids = [a.id, b.id, c.id].sort();
      expect(r.totalCount).toBe(3);
      expect(r.nodes.map((n) => n.user.id)).toEqual(ids);
      const of = (id: string) => r.nodes.find((n) => n.user.id === id)!;
      expect(of(a.id)).toMatchObject({ reclaimable: true, throughGroups: [], lastActivityAt: null, reclaimWarningAt: null });
      expect(of(b.id)).toMatchObject({ reclaimable: false, throughGroups: [{ id: g, displayName: "Sales" }] });
      expect(of(c.id)).toMatchObject({ reclaimable: false, throughGroups: [{ id: g }] });
      // Paging by cursor.
      const p1 = (await api.ok(t.admin, REPORT, { sku: t.sku.user, first: 2 })).tenant.inactiveLicenseHolders;
      expect(p1.nodes.map((n) => n.user.id)).toEqual(ids.slice(0, 2));
      expect(p1.pageInfo.hasNextPage).toBe(true);
      const p2 = (await api.ok(t.admin, REPORT, { sku: t.sku.user, first: 2, after: p1.pageInfo.endCursor })).tenant.inactiveLicenseHolders;
      expect(p2.nodes.map((n) => n.user.id)).toEqual(ids.slice(2));
      expect(p2.pageInfo.hasNextPage).toBe(false);
      // A shorter setting reports fewer; a longer one none.
      await api.ok(t.admin, SETTINGS, { input: { inactiveAfterDays: 101 } });
      expect((await api.ok(t.admin, REPORT, { sku: t.sku.user })).tenant.inactiveLicenseHolders.totalCount).toBe(0);
    });

    it("V4 §6 the report is for admins and readers; a plain user is FORBIDDEN; a bad SKU or cursor is coded", async () => {
      const { t } = await world();
      const reader = await t.user("reader", ["GLOBAL_READER"]);
      const plain = await t.user("plain");
      expect((await api.ok(reader.token, REPORT, { sku: t.sku.user })).tenant.inactiveLicenseHolders.totalCount).toBe(3);
      expect(await api.code(plain.token, REPORT, { sku: t.sku.user })).toBe("FORBIDDEN");
      expect(await api.code(t.admin, REPORT, { sku: "sku_missing" })).toBe("NOT_FOUND");
      expect(await api.code(t.admin, REPORT, { sku: t.sku.tenant })).toBe("LICENSE_NOT_ASSIGNABLE");
      expect(await api.code(t.admin, REPORT, { sku: t.sku.user, after: "nope" })).toBe("BAD_USER_INPUT");
      expect(await api.code(t.admin, REPORT, { sku: t.sku.user, first: 1001 })).toBe("BAD_USER_INPUT");
    });

    it("V4 S8 S5 reclaimLicenses removes the direct sources of inactive holders and gives the seats to the next in line, in one audited transaction", async () => {
      const { t, a, b, c, d, w } = await world();
      const r = (await api.ok(t.admin, RECLAIM, { input: { skuId: t.sku.user, userIds: [a.id, b.id, c.id, d.id] } })).reclaimLicenses;
      expect(r.reclaimed.map((u) => u.id)).toEqual([a.id]);
      expect(r.skipped.map((u) => u.id)).toEqual([b.id, c.id, d.id]);
      // a's seat went to w, who was waiting in the group.
      expect(r.tenantLicense).toEqual({ consumedUnits: 4, availableUnits: 0, unassignedDemand: 0 });
      expect(await hasDirect(t, a.id)).toBe(false);
      expect(userLicense((await t.effective(a.id)).effectiveLicenses)).toBeUndefined();
      expect(userLicense((await t.effective(w.id)).effectiveLicenses)).toMatchObject({ state: "ACTIVE", holdsSeat: true });
      // c keeps the direct source: it would not free the seat.
      expect(await hasDirect(t, c.id)).toBe(true);
      const e = (await api.ok(t.admin, EVENTS, { action: "RECLAIM_LICENSE" })).auditEvents;
      expect(e.totalCount).toBe(1);
      expect(e.nodes[0]).toMatchObject({ targetId: a.id, actor: { id: t.adminId } });
      expect(JSON.parse(String(e.nodes[0].details))).toMatchObject({ reason: "INACTIVE", automatic: false, changes: [{ sku: "POWER_VIRTUAL_AGENTS_USER", op: "remove" }] });
      expect(String(e.nodes[0].details)).toContain(w.id);
      // Again: nothing left to reclaim, nothing written.
      const again = (await api.ok(t.admin, RECLAIM, { input: { skuId: t.sku.user, userIds: [a.id] } })).reclaimLicenses;
      expect(again.reclaimed).toEqual([]);
      expect((await api.ok(t.admin, EVENTS, { action: "RECLAIM_LICENSE" })).auditEvents.totalCount).toBe(1);
    });

    it("V4 reclaimLicenses: bad input is coded, another tenant's user is NOT_FOUND, readers are FORBIDDEN; each changes nothing", async () => {
      const { t, a } = await world();
      const other = await newTenant(api, "Other");
      const stranger = await other.user("stranger");
      const reader = await t.user("reader2", ["GLOBAL_READER"]);
      const input = (userIds: string[], skuId = t.sku.user) => ({ input: { skuId, userIds } });
      expect(await api.failsUnchanged(t.admin, RECLAIM, input([a.id, stranger.id]))).toBe("NOT_FOUND");
      expect(await api.failsUnchanged(t.admin, RECLAIM, input([]))).toBe("BAD_USER_INPUT");
      expect(await api.failsUnchanged(t.admin, RECLAIM, input([a.id, a.id]))).toBe("BAD_USER_INPUT");
      expect(await api.failsUnchanged(t.admin, RECLAIM, input(Array.from({ length: 5001 }, (_, i) => `user_${i}`)))).toBe("BAD_USER_INPUT");
      expect(await api.failsUnchanged(t.admin, RECLAIM, input([a.id], "sku_missing"))).toBe("NOT_FOUND");
      expect(await api.failsUnchanged(t.admin, RECLAIM, input([a.id], t.sku.tenant))).toBe("LICENSE_NOT_ASSIGNABLE");
      expect(await api.failsUnchanged(reader.token, RECLAIM, input([a.id]))).toBe("FORBIDDEN");
      expect(await hasDirect(t, a.id)).toBe(true);
    });

    it("V4 V3 each want's idle_since stays the later of its user's last activity (or creation) and wantedSince: written with the activity, the holder leaves totalCount and the page; idle again, returns", async () => {
      const { t, a, b, c, d, w } = await world();
      const wants = async () => {
        const rows = await api.app.database.reader(t.tenantId).sql<{ user_id: string; idle_since: string | number; wanted: string | number; idle: string | number }>(
          `SELECT w.user_id, w.idle_since, w.wanted_since AS wanted, COALESCE(u.last_activity_at, u.created_at) AS idle
           FROM license_want w JOIN app_user u ON u.id = w.user_id WHERE w.tenant_id = :tid`);
        return rows.map((r) => ({ id: r.user_id, idleSince: Number(r.idle_since), expected: Math.max(Number(r.wanted), Number(r.idle)), wanted: Number(r.wanted) }));
      };
      const report = async () => (await api.ok(t.admin, REPORT, { sku: t.sku.user })).tenant.inactiveLicenseHolders;
      // d's activity is held in memory (kept out by the active list); written, it moves d's idle_since.
      await api.app.activity.flush();
      let all = await wants();
      expect(all.map((x) => x.id).sort()).toEqual([a.id, b.id, c.id, d.id, w.id].sort());
      for (const x of all) expect(x.idleSince).toBe(x.expected);
      expect(all.find((x) => x.id === d.id)!.idleSince).toBe(Math.floor(api.clock.now().getTime() / 60_000) * 60_000);
      // w never was active and wants since today: from its want.
      expect(all.find((x) => x.id === w.id)!.idleSince).toBe(all.find((x) => x.id === w.id)!.wanted);
      let r = await report();
      expect(r.totalCount).toBe(3);
      expect(r.nodes.map((n) => n.user.id)).toEqual([a.id, b.id, c.id].sort());
      // a is active and written: out of both.
      await api.ok(a.token, ME);
      await api.app.activity.flush();
      all = await wants();
      for (const x of all) expect(x.idleSince).toBe(x.expected);
      r = await report();
      expect(r.totalCount).toBe(2);
      expect(r.nodes.map((n) => n.user.id)).toEqual([b.id, c.id].sort());
      // 100 days on, everyone is idle again, counted as paged.
      api.clock.advanceDays(100);
      r = await report();
      expect(r.totalCount).toBe(4);
      expect(r.nodes.map((n) => n.user.id)).toEqual([a.id, b.id, c.id, d.id].sort());
    });

    it("V4 V3 a holder active on this instance since (not yet written) is skipped", async () => {
      const { t, a } = await world();
      await api.ok(a.token, ME);
      const r = (await api.ok(t.admin, RECLAIM, { input: { skuId: t.sku.user, userIds: [a.id] } })).reclaimLicenses;
      expect(r.skipped.map((u) => u.id)).toEqual([a.id]);
      expect((await api.ok(t.admin, REPORT, { sku: t.sku.user })).tenant.inactiveLicenseHolders.nodes.map((n) => n.user.id)).not.toContain(a.id);
    });
  });

  describe("V4 the report at scale", () => {
    /** The plan of the last logged statement matching `re` (SQLite; TypeORM sends `?` placeholders, bound as null here). */
    const planOf = async (re: RegExp) => {
      const sql = [...api.logger.queries].reverse().find((q) => re.test(q))!;
      const rows: { detail: string }[] = await api.ds.query(`EXPLAIN QUERY PLAN ${sql}`, Array.from(sql.matchAll(/\?/g), () => null));
      return rows.map((r) => r.detail).join("\n");
    };

    it("V4 totalCount is one range of ix_license_want_idle (no join with the users); the first page walks the users in ID order, with no sort", async () => {
      const t = await newTenant(api);
      await t.buy(1);
      const a = await t.user("scale-a");
      await t.license(a.id);
      api.clock.advanceDays(100);
      const r = (await api.ok(t.admin, REPORT, { sku: t.sku.user })).tenant.inactiveLicenseHolders;
      expect(r.totalCount).toBe(1);
      if (engine === "postgres") {
        const [ix] = await api.ds.query("SELECT indexdef FROM pg_indexes WHERE indexname = 'ix_app_user_idle' AND schemaname = current_schema()");
        expect(ix.indexdef).toMatch(/\(tenant_id, COALESCE\(last_activity_at, created_at\), id, last_activity_at, created_at\) WHERE \(deleted_at IS NULL\)/);
        const [wx] = await api.ds.query("SELECT indexdef FROM pg_indexes WHERE indexname = 'ix_license_want_idle' AND schemaname = current_schema()");
        expect(wx.indexdef).toMatch(/\(tenant_id, sku_id, holds_seat, idle_since, user_id\)/);
        return;
      }
      const count = await planOf(/^SELECT COUNT\(\*\) AS n FROM license_want w/);
      expect(count).toMatch(/^SEARCH w USING COVERING INDEX ix_license_want_idle \(tenant_id=\? AND sku_id=\? AND holds_seat=\? AND idle_since<\?\)/);
      expect(count).not.toMatch(/app_user/);
      const page = await planOf(/^SELECT p\.user_id, p\.last_activity_at, p\.reclaim_warning_at,/);
      expect(page).toMatch(/USING INDEX ix_app_user_page/);
      expect(page).not.toMatch(/TEMP B-TREE/);
      // The direct and group flags are worked out after the LIMIT, for the page's rows only.
      expect(page).toMatch(/CO-ROUTINE p[\s\S]*SCAN p\n(CORRELATED SCALAR SUBQUERY \d+\n.*\n?){1}/);
    });
  });

  describe("V4 the automatic pass", () => {
    it("V4 warns (reclaimWarningAt on me), reclaims 7 days later unless the user was active meanwhile; audited; idempotent; one run per day", async () => {
      const t = await newTenant(api);
      await t.buy(3);
      const [a, f, b] = await Promise.all(["a", "f", "b"].map((n) => t.user(`auto-${n}`)));
      await t.license(a.id);
      await t.license(f.id);
      await t.license(b.id);
      await api.app.activity.flush();
      // Off: no pass at all.
      api.clock.advanceDays(95);
      expect((await runReclaimPasses(api.app)).filter((o) => o.tenantId === t.tenantId)).toEqual([]);
      await api.ok(b.token, ME); // b stays active
      await api.ok(t.admin, SETTINGS, { input: { autoReclaim: true } });
      const day1 = api.clock.now().toISOString();
      const [o1] = (await runReclaimPasses(api.app)).filter((o) => o.tenantId === t.tenantId);
      expect(o1.ran).toBe(true);
      expect([...o1.warned].sort()).toEqual([a.id, f.id].sort());
      expect(o1.reclaimed).toEqual([]);
      const warned = (await api.ok(t.admin, EVENTS, { action: "WARN_LICENSE_RECLAIM" })).auditEvents;
      expect(warned.nodes.map((n) => n.targetId).sort()).toEqual([a.id, f.id].sort());
      expect(warned.nodes[0].actor).toBeNull();
      expect(JSON.parse(String(warned.nodes[0].details))).toMatchObject({ automatic: true, skus: ["POWER_VIRTUAL_AGENTS_USER"] });
      // The user sees the warning on `me`.
      expect((await api.ok(a.token, ME)).me.reclaimWarningAt).toBe(day1);
      expect((await api.ok(t.admin, USER, { id: f.id })).user.reclaimWarningAt).toBe(day1);
      // The same day again, on this instance or another: nothing.
      const sibling = await api.sibling();
      try {
        expect((await runReclaimPasses(sibling.app)).filter((o) => o.tenantId === t.tenantId)).toEqual([]);
      } finally {
        await sibling.stop();
      }
      expect((await runReclaimPasses(api.app)).filter((o) => o.tenantId === t.tenantId)).toEqual([]);
      // Day 4: f comes back (a's `me` above counted too: a is active since the warning as well). Day 5: f, a are kept.
      api.clock.advanceDays(3);
      await api.ok(f.token, ME);
      await api.app.activity.flush();
      api.clock.advanceDays(4);
      const [o8] = (await runReclaimPasses(api.app)).filter((o) => o.tenantId === t.tenantId);
      expect(o8).toMatchObject({ ran: true, reclaimed: [] });
      expect(await hasDirect(t, a.id)).toBe(true);
      expect(await hasDirect(t, f.id)).toBe(true);
      expect((await api.ok(t.admin, USER, { id: f.id })).user.reclaimWarningAt).toBeNull();
    });

    it("V4 turning autoReclaim off clears every warning; the pass no longer runs", async () => {
      const t = await newTenant(api);
      await t.buy(1);
      const a = await t.user("off-a");
      await t.license(a.id);
      await api.ok(t.admin, SETTINGS, { input: { autoReclaim: true } });
      await api.app.activity.flush();
      api.clock.advanceDays(91);
      expect((await runReclaimPasses(api.app)).find((o) => o.tenantId === t.tenantId)?.warned).toEqual([a.id]);
      expect((await api.ok(t.admin, USER, { id: a.id })).user.reclaimWarningAt).toBe(api.clock.now().toISOString());
      await api.ok(t.admin, SETTINGS, { input: { autoReclaim: false } });
      expect((await api.ok(t.admin, USER, { id: a.id })).user.reclaimWarningAt).toBeNull();
      api.clock.advanceDays(8);
      expect((await runReclaimPasses(api.app)).find((o) => o.tenantId === t.tenantId)).toBeUndefined();
      expect(await hasDirect(t, a.id)).toBe(true);
    });

    // Instances share a database on PostgreSQL only (an embedded SQLite file serves one process).
    (engine === "postgres" ? it : it.skip)("V4 two instances racing for the day's pass: the one that inserts the claim row runs it, once", async () => {
      const t = await newTenant(api);
      await t.buy(1);
      const a = await t.user("race-a");
      await t.license(a.id);
      await api.ok(t.admin, SETTINGS, { input: { autoReclaim: true } });
      await api.app.activity.flush();
      api.clock.advanceDays(91);
      const sibling = await api.sibling();
      try {
        const runs = (await Promise.all([runReclaimPasses(api.app), runReclaimPasses(sibling.app)])).flat().filter((o) => o.tenantId === t.tenantId);
        expect(runs.filter((o) => o.ran)).toHaveLength(1);
        expect(runs.find((o) => o.ran)!.warned).toEqual([a.id]);
      } finally {
        await sibling.stop();
      }
      expect((await api.ok(t.admin, EVENTS, { action: "WARN_LICENSE_RECLAIM" })).auditEvents.totalCount).toBe(1);
    });

    it("V4 a warned user still inactive 7 days later loses the direct license (S8, S5), audited as automatic", async () => {
      const t = await newTenant(api);
      await t.buy(2);
      const [a, w] = await Promise.all(["a", "w"].map((n) => t.user(`late-${n}`)));
      const g = await t.group("Waiting");
      await t.license(a.id);
      await t.license(w.id);
      await api.ok(t.admin, SETTINGS, { input: { autoReclaim: true, inactiveAfterDays: 30 } });
      await api.app.activity.flush();
      api.clock.advanceDays(31);
      // w is active; someone waits in a group for a seat.
      await api.ok(w.token, ME);
      const x = await t.user("late-x");
      await t.add(g, [x.id]);
      await t.assignGroup(g);
      const [o1] = (await runReclaimPasses(api.app)).filter((o) => o.tenantId === t.tenantId);
      expect(o1.warned).toEqual([a.id]);
      api.clock.advanceDays(7);
      const [o2] = (await runReclaimPasses(api.app)).filter((o) => o.tenantId === t.tenantId);
      expect(o2).toMatchObject({ ran: true, reclaimed: [a.id] });
      expect(await hasDirect(t, a.id)).toBe(false);
      expect(userLicense((await t.effective(x.id)).effectiveLicenses)).toMatchObject({ state: "ACTIVE" });
      const e = (await api.ok(t.admin, EVENTS, { action: "RECLAIM_LICENSE" })).auditEvents;
      expect(e.nodes).toHaveLength(1);
      expect(e.nodes[0]).toMatchObject({ targetId: a.id, actor: null });
      expect(JSON.parse(String(e.nodes[0].details))).toMatchObject({ automatic: true, reason: "INACTIVE" });
      expect((await api.ok(t.admin, USER, { id: a.id })).user.reclaimWarningAt).toBeNull();
    });
  });
});
