import { engines, TestApi } from "../../helpers/harness";
import { newTenant, principalToken, Q, TenantFx } from "../../helpers/fixtures";
import { graphql } from "../../gql";
import { DailyPasses, runUsageSnapshots } from "../../../src/app/usage/history";

const HISTORY = graphql(`query UsageHistory($sku: ID!, $from: String!, $to: String!) {
  tenant { licenseUsageHistory(skuId: $sku, from: $from, to: $to) { date enabled warning consumed waiting activeHolders } }
}`);

const DAY = 86_400_000;

describe.each(engines())("V5 usage history (%s)", (_engine, url) => {
  let api: TestApi;
  let t: TenantFx;
  let other: TenantFx;
  beforeAll(async () => {
    api = await TestApi.start(url);
    api.clock.set("2026-03-10T09:00:00.000Z");
    t = await newTenant(api, "Contoso");
    // 1 auto-renewing seat and 2 that end in 3 days; 4 group members want it: 3 hold a seat, 1 waits (S4).
    await t.buy(1);
    const inDays = (d: number) => new Date(api.clock.now().getTime() + d * DAY).toISOString();
    await api.ok(t.admin, Q.purchase, { input: { channel: "ADMIN_CENTER", endsAt: inDays(3), items: [{ skuId: t.sku.user, quantity: 2 }] } });
    const g = await t.group("Makers");
    await t.assignGroup(g);
    const members: string[] = [];
    for (const n of ["ann", "ben", "cat", "dan"]) members.push((await t.user(n)).id);
    await t.add(g, members);
    other = await newTenant(api, "Fabrikam");
    await other.buy(5);
  });
  afterAll(() => api.stop());

  const history = (token: string, from: string, to: string, sku = t.sku.user) => api.ok(token, HISTORY, { sku, from, to }).then((r) => r.tenant.licenseUsageHistory);
  const rowsOf = async (tenantId: string) =>
    Number((await api.ds.query(`SELECT COUNT(*) AS n FROM license_usage_day WHERE tenant_id = '${tenantId}'`))[0].n);

  it("V5: the daily pass writes one snapshot per pool per UTC day (enabled, warning, consumed, waiting, active in the last 30 days)", async () => {
    const out = await runUsageSnapshots(api.app);
    expect(out).toMatchObject({ day: "2026-03-10", ran: true, failed: 0 });
    expect(out.tenants).toBeGreaterThanOrEqual(2);
    expect(await history(t.admin, "2026-03-01", "2026-03-31")).toEqual([
      // The members never signed in: none of them was active.
      { date: "2026-03-10", enabled: 3, warning: 0, consumed: 3, waiting: 1, activeHolders: 0 },
    ]);
    // The tenant license is a pool too; its figures are its own.
    expect(await history(t.admin, "2026-03-10", "2026-03-10", t.sku.tenant)).toEqual([
      { date: "2026-03-10", enabled: 1, warning: 0, consumed: 0, waiting: 0, activeHolders: 0 },
    ]);
  });

  it("V5: once a day — a second run and another instance find the day done; two instances racing keep one row per SKU and day", async () => {
    const before = await rowsOf(t.tenantId);
    expect(await runUsageSnapshots(api.app)).toMatchObject({ ran: false });
    const sibling = await api.sibling();
    expect(await runUsageSnapshots(sibling.app)).toMatchObject({ ran: false });
    // Forget that the day is done: both instances run it at once, and the unique key (tenant, SKU, day) keeps one row.
    await api.ds.query(`DELETE FROM daily_job_run`);
    await api.ds.query(`DELETE FROM license_usage_day WHERE tenant_id = '${t.tenantId}'`);
    const both = await Promise.all([runUsageSnapshots(api.app), runUsageSnapshots(sibling.app)]);
    expect(both.map((b) => b.failed)).toEqual([0, 0]);
    expect(await rowsOf(t.tenantId)).toBe(before);
    await sibling.stop();
  });

  it("V5: later days follow the clock: WARNING after the term ends, then S5 takes seats when it is suspended, without any request in between", async () => {
    api.clock.set("2026-03-13T09:00:00.000Z");
    await runUsageSnapshots(api.app);
    // 30 days of grace, then SUSPENDED: the pool is 1, the pass itself brings the seats up to date (S5).
    api.clock.set("2026-04-13T08:00:00.000Z");
    await runUsageSnapshots(api.app);
    expect(await history(t.admin, "2026-03-01", "2026-04-30")).toEqual([
      { date: "2026-03-10", enabled: 3, warning: 0, consumed: 3, waiting: 1, activeHolders: 0 },
      { date: "2026-03-13", enabled: 1, warning: 2, consumed: 3, waiting: 1, activeHolders: 0 },
      { date: "2026-04-13", enabled: 1, warning: 0, consumed: 1, waiting: 3, activeHolders: 0 },
    ]);
    expect(await history(t.admin, "2026-03-11", "2026-03-12")).toEqual([]);
  });

  it("V5: any admin role and GLOBAL_READER read the history; a user without roles, the bot runtime and the operator are FORBIDDEN", async () => {
    for (const role of ["BILLING_ADMIN", "LICENSE_ADMIN", "GROUPS_ADMIN", "GLOBAL_READER"]) {
      expect((await history(await principalToken(api, t, role), "2026-03-10", "2026-03-10")).length).toBe(1);
    }
    for (const who of ["no roles", "BotRuntime", "PlatformOperator"]) {
      const code = await api.code(await principalToken(api, t, who), HISTORY, { sku: t.sku.user, from: "2026-03-10", to: "2026-03-10" });
      expect([who, code]).toEqual([who, "FORBIDDEN"]);
    }
  });

  it("V5: each tenant sees its own days only", async () => {
    expect(await history(other.admin, "2026-03-01", "2026-04-30")).toEqual([
      { date: "2026-03-10", enabled: 5, warning: 0, consumed: 0, waiting: 0, activeHolders: 0 },
      { date: "2026-03-13", enabled: 5, warning: 0, consumed: 0, waiting: 0, activeHolders: 0 },
      { date: "2026-04-13", enabled: 5, warning: 0, consumed: 0, waiting: 0, activeHolders: 0 },
    ]);
  });

  it("V5: from and to are real UTC days, to not before from, at most 400 days; an unknown SKU is NOT_FOUND", async () => {
    const code = (from: string, to: string, sku = t.sku.user) => api.code(t.admin, HISTORY, { sku, from, to });
    expect(await code("2026-02-30", "2026-03-10")).toBe("BAD_USER_INPUT");
    expect(await code("2026-03-10", "10/03/2026")).toBe("BAD_USER_INPUT");
    expect(await code("2026-03-10", "2026-03-09")).toBe("BAD_USER_INPUT");
    expect(await code("2025-03-09", "2026-04-13")).toBe("BAD_USER_INPUT");
    expect(await code("2026-03-10", "2026-03-10", "sku_nope")).toBe("NOT_FOUND");
    // 400 days, both ends included, is allowed.
    expect((await history(t.admin, "2025-03-10", "2026-04-13")).length).toBe(3);
  });

  it("V5: snapshots are kept 400 days (today and the 399 before), then go", async () => {
    api.clock.set("2027-04-13T08:00:00.000Z"); // 399 days after 2026-03-10
    await runUsageSnapshots(api.app);
    const days = async () => (await history(t.admin, "2026-03-10", "2026-03-10")).map((d) => d.date);
    expect(await days()).toEqual(["2026-03-10"]);
    api.clock.set("2027-04-14T08:00:00.000Z");
    await runUsageSnapshots(api.app);
    expect(await days()).toEqual([]);
    expect((await history(t.admin, "2027-04-13", "2027-04-14")).map((d) => d.date)).toEqual(["2027-04-13", "2027-04-14"]);
  });

  it("V5: the scheduler runs the pass in its first tick of each UTC day of the clock, and a tick on a finished day sends no SQL", async () => {
    const passes = new DailyPasses(api.app);
    api.clock.set("2027-04-15T00:00:00.000Z");
    await passes.tick();
    expect((await history(t.admin, "2027-04-15", "2027-04-15")).length).toBe(1);
    const before = api.logger.count;
    api.clock.set("2027-04-15T23:59:59.999Z");
    await passes.tick();
    expect(api.logger.count).toBe(before);
    api.clock.set("2027-04-16T00:00:00.000Z");
    await passes.tick();
    expect((await history(t.admin, "2027-04-15", "2027-04-16")).map((d) => d.date)).toEqual(["2027-04-15", "2027-04-16"]);
    await passes.stop();
  });
});

describe.each(engines())("V5 V6 with V3's activity (%s)", (_engine, url) => {
  let api: TestApi;
  beforeAll(async () => {
    api = await TestApi.start(url);
    api.clock.set("2026-05-01T09:00:00.000Z");
  });
  afterAll(() => api.stop());

  it("V5 a seat holder active in the last 30 days counts in activeHolders; V6 exports their last activity", async () => {
    const t = await newTenant(api, "Woodgrove");
    await t.buy(2);
    const active = await t.user("ann");
    const idle = await t.user("ben");
    await t.license(active.id);
    await t.license(idle.id);
    await api.ok(active.token, graphql(`query UsageActivityMe { me { id } }`));
    await api.app.activity.flush();
    api.clock.set("2026-05-20T09:00:00.000Z");
    expect(await runUsageSnapshots(api.app)).toMatchObject({ day: "2026-05-20", ran: true, failed: 0 });
    const h = await api.ok(t.admin, HISTORY, { sku: t.sku.user, from: "2026-05-20", to: "2026-05-20" });
    expect(h.tenant.licenseUsageHistory).toEqual([{ date: "2026-05-20", enabled: 2, warning: 0, consumed: 2, waiting: 0, activeHolders: 1 }]);
    const base = await api.listen();
    const csv = await (await fetch(`${base}/export/users.csv`, { headers: { authorization: `Bearer ${t.admin}` } })).text();
    const line = (upn: string) => csv.split("\r\n").find((l) => l.startsWith(upn))!;
    expect(line("ann@")).toContain("2026-05-01T09:00");
    expect(line("ben@")).not.toContain("2026-05-01T09:00");
  });
});
