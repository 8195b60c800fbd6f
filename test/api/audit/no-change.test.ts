import { engines, TestApi } from "../../helpers/harness";
import { newTenant, Q } from "../../helpers/fixtures";

/**
 * K8: a change that changes nothing writes no audit event. The console's Save (and a second click on it, as a
 * failed-looking save once invited) sends assignUserLicenses again with what the user already has; the same for
 * a group's licenses.
 */
describe.each(engines())("audit: K8 a change that changes nothing writes no event (%s)", (_engine, url) => {
  let api: TestApi;
  beforeAll(async () => (api = await TestApi.start(url)));
  afterAll(() => api.stop());

  it("K8 assignUserLicenses: the same license again, the same disabled plans, or removing a license the user has not: no event, nothing changed", async () => {
    const t = await newTenant(api);
    await t.buy(2);
    const u = await t.user("same");
    const plan = api.app.catalog.planIds(t.sku.user)[0];
    await t.license(u.id, [plan]);
    const count = async () => (await api.ok(t.admin, Q.audit, { action: "ASSIGN_USER_LICENSE", targetId: u.id })).auditEvents.totalCount;
    expect(await count()).toBe(1);
    const data = (s: string) => ({ ...JSON.parse(s), tenant: undefined });
    const before = data(await api.snapshot());
    await api.ok(t.admin, Q.assignUser, { input: { userId: u.id, addLicenses: [{ skuId: t.sku.user, disabledPlanIds: [plan] }] } });
    await api.ok(t.admin, Q.assignUser, { input: { userId: u.id, addLicenses: [{ skuId: t.sku.user, disabledPlanIds: [plan, plan] }] } });
    // Every table but the tenant row's state version (which every write moves) is as it was: no event, no updatedAt.
    expect(data(await api.snapshot())).toEqual(before);
    expect(await count()).toBe(1);
    const other = await t.user("other");
    const all = async () => (await api.ok(t.admin, Q.audit, { action: "ASSIGN_USER_LICENSE" })).auditEvents.totalCount;
    const beforeOther = await all();
    await api.ok(t.admin, Q.assignUser, { input: { userId: other.id, removeSkuIds: [t.sku.user] } });
    expect(await all()).toBe(beforeOther);
    // A real change still writes its event.
    await api.ok(t.admin, Q.assignUser, { input: { userId: u.id, addLicenses: [{ skuId: t.sku.user, disabledPlanIds: [] }] } });
    expect(await count()).toBe(2);
  });

  it("K8 assignGroupLicenses: the same license again or removing one the group has not: no event", async () => {
    const t = await newTenant(api);
    await t.buy(2);
    const g = await t.group("Same");
    await t.assignGroup(g);
    const count = async () => (await api.ok(t.admin, Q.audit, { action: "ASSIGN_GROUP_LICENSE", targetId: g })).auditEvents.totalCount;
    expect(await count()).toBe(1);
    await t.assignGroup(g);
    const h = await t.group("Without");
    await api.ok(t.admin, Q.assignGroup, { input: { groupId: h, removeSkuIds: [t.sku.user] } });
    expect(await count()).toBe(1);
    expect((await api.ok(t.admin, Q.audit, { action: "ASSIGN_GROUP_LICENSE", targetId: h })).auditEvents.totalCount).toBe(0);
  });
});
