import { engines, TestApi } from "../../helpers/harness";
import { newTenant, Q } from "../../helpers/fixtures";
import { engineKit, userSubscriptionOf, tenantSubscriptionOf } from "../../helpers/engine";
import { asc } from "../../helpers/ids";

/** The license engine: license states and errors per SKU and per source (S6, B1). */
describe.each(engines())("engine: S6 states (%s)", (_engine, url) => {
  let api: TestApi;
  beforeAll(async () => (api = await TestApi.start(url)));
  afterAll(() => api.stop());
  const { people, userSku, statesOf, assignmentStates, userPool, usersWhere, groupErrors } = engineKit(() => api);

  // ---------------------------------------------------------------- S6

  it("S6 with no granting subscription the license is DISABLED/SUBSCRIPTION_INACTIVE (before COUNT_VIOLATION), per source too", async () => {
    const t = await newTenant(api);
    const order = await t.buy(2);
    const [a, b, c] = await people(t, "inact", 3);
    const ga = await t.group("A");
    const gb = await t.group("B");
    await t.add(ga, [a, b, c]);
    await t.add(gb, [a]);
    await t.assignGroup(ga);
    await t.assignGroup(gb);
    expect(await statesOf(t, [a, b, c])).toEqual(["ACTIVE/NONE", "ACTIVE/NONE", "ERROR/COUNT_VIOLATION"]);

    await api.ok(t.admin, Q.cancel, { id: userSubscriptionOf(order) });
    for (const id of [a, b, c]) {
      expect(await userSku(t, id)).toMatchObject({ state: "DISABLED", error: "SUBSCRIPTION_INACTIVE", holdsSeat: false });
      expect((await t.effective(id)).canCreateBots).toBe(false);
    }
    const rows = await assignmentStates(t, a);
    expect(rows).toHaveLength(2);
    for (const r of rows) expect(r).toMatchObject({ state: "DISABLED", error: "SUBSCRIPTION_INACTIVE" });
    expect(await userPool(t)).toMatchObject({ prepaidUnits: { enabled: 0, warning: 0, suspended: 2 }, consumedUnits: 0, availableUnits: 0 });
    expect(await usersWhere(t, { licenseState: "DISABLED" })).toEqual([a, b, c]);
    expect(await usersWhere(t, { licenseState: "ERROR" })).toEqual([]);
    expect(await groupErrors(t, ga)).toEqual({ has: false, ids: [] });
    const aTok = await api.token({ tid: t.tenantId, oid: a });
    expect(await api.code(aTok, Q.createBot, { input: { name: "No" } })).toBe("LICENSE_REQUIRED");

    // Buying seats again brings them back in queue order (S5).
    await t.buy(2, 0);
    expect(await statesOf(t, [a, b, c])).toEqual(["ACTIVE/NONE", "ACTIVE/NONE", "ERROR/COUNT_VIOLATION"]);
  });

  it("S6 a group assignment in a tenant that never bought the user license is DISABLED/SUBSCRIPTION_INACTIVE", async () => {
    const t = await newTenant(api);
    await t.buy(0, 1);
    const u = await t.user("nosub");
    const g = await t.group("G");
    await t.add(g, [u.id]);
    await t.assignGroup(g);
    expect(await userSku(t, u.id)).toMatchObject({ state: "DISABLED", error: "SUBSCRIPTION_INACTIVE", holdsSeat: false });
    expect(await assignmentStates(t, u.id)).toEqual([
      expect.objectContaining({ assignedByGroup: { id: g }, state: "DISABLED", error: "SUBSCRIPTION_INACTIVE" }),
    ]);
  });

  it("S6 licenseAssignmentStates has one row per source, each with the SKU's state (COUNT_VIOLATION)", async () => {
    const t = await newTenant(api);
    await t.buy(1);
    const [holder, waiter] = await people(t, "rows", 2);
    const ga = await t.group("A");
    const gb = await t.group("B");
    await t.add(ga, [holder, waiter]);
    await t.add(gb, [waiter]);
    await t.assignGroup(ga);
    await t.assignGroup(gb);
    const rows = await assignmentStates(t, waiter);
    expect(rows).toHaveLength(2);
    expect(rows.map((r) => r.assignedByGroup.id).sort()).toEqual(asc([ga, gb]));
    for (const r of rows) expect(r).toMatchObject({ state: "ERROR", error: "COUNT_VIOLATION" });
    expect(await userSku(t, waiter)).toMatchObject({ state: "ERROR", error: "COUNT_VIOLATION", holdsSeat: false });
    expect(await groupErrors(t, gb)).toEqual({ has: true, ids: [waiter] });
  });

  it("S6 B1 cancelling the tenant license: seat holders go ERROR/DEPENDENCY_VIOLATION and keep their seats; createBot is TENANT_LICENSE_REQUIRED", async () => {
    const t = await newTenant(api);
    const order = await t.buy(1);
    const holder = await t.user("holder");
    const waiter = await t.user("waiter");
    const g = await t.group("G");
    await t.license(holder.id);
    await t.add(g, [holder.id, waiter.id]);
    await t.assignGroup(g);
    expect(await api.ok(holder.token, Q.createBot, { input: { name: "Before" } })).toBeTruthy();

    await api.ok(t.admin, Q.cancel, { id: tenantSubscriptionOf(order) });
    const l = await userSku(t, holder.id);
    expect(l).toMatchObject({ state: "ERROR", error: "DEPENDENCY_VIOLATION", holdsSeat: true });
    const rows = await assignmentStates(t, holder.id);
    expect(rows).toHaveLength(2);
    for (const r of rows) expect(r).toMatchObject({ state: "ERROR", error: "DEPENDENCY_VIOLATION" });
    // First match wins: no seat is reported before the missing dependency.
    expect(await userSku(t, waiter.id)).toMatchObject({ state: "ERROR", error: "COUNT_VIOLATION", holdsSeat: false });
    expect(await userPool(t)).toMatchObject({ consumedUnits: 1, availableUnits: 0, unassignedDemand: 1 });

    expect((await t.effective(holder.id)).canCreateBots).toBe(false);
    expect(await api.code(holder.token, Q.createBot, { input: { name: "After" } })).toBe("TENANT_LICENSE_REQUIRED");
    expect(await api.code(waiter.token, Q.createBot, { input: { name: "After" } })).toBe("LICENSE_REQUIRED");
    expect(await usersWhere(t, { licenseState: "ERROR" })).toEqual(asc([holder.id, waiter.id]));
  });

});
