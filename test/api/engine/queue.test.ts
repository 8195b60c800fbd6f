import { engines, TestApi } from "../../helpers/harness";
import { newTenant, Q } from "../../helpers/fixtures";
import { engineKit, userSubscriptionOf } from "../../helpers/engine";
import { asc } from "../../helpers/ids";

/** The license engine: the S4 seat queue and automatic reprocessing when seats or wants change (S5, U2, P6). */
describe.each(engines())("engine: S4 queue, S5 reprocessing (%s)", (_engine, url) => {
  let api: TestApi;
  beforeAll(async () => (api = await TestApi.start(url)));
  afterAll(() => api.stop());
  const { people, userSku, stateOf, statesOf, userPool, usersWhere, groupErrors, removeGroupSku, removeMembers } = engineKit(() => api);

  // ---------------------------------------------------------------- S4

  it("S4 a group of 5 with 3 seats: the assignment succeeds, 3 ACTIVE and 2 ERROR/COUNT_VIOLATION, ties by user ID; filters and group error lists agree", async () => {
    const t = await newTenant(api);
    await t.buy(3);
    const ids = await people(t, "five", 5);
    const g = await t.group("Five");
    // One call, listed in descending ID order: the tie is still broken by user ID ascending.
    await t.add(g, [...ids].reverse());
    await t.assignGroup(g);

    expect(await statesOf(t, ids)).toEqual(["ACTIVE/NONE", "ACTIVE/NONE", "ACTIVE/NONE", "ERROR/COUNT_VIOLATION", "ERROR/COUNT_VIOLATION"]);
    for (const id of ids.slice(3)) expect(await userSku(t, id)).toMatchObject({ holdsSeat: false, sources: [{ kind: "GROUP", group: { id: g } }] });
    expect(await userPool(t)).toMatchObject({ consumedUnits: 3, availableUnits: 0, unassignedDemand: 2 });

    expect(await usersWhere(t, { skuId: t.sku.user })).toEqual(ids);
    expect(await usersWhere(t, { licenseState: "ERROR" })).toEqual(ids.slice(3));
    expect(await usersWhere(t, { licenseState: "ACTIVE" })).toEqual(ids.slice(0, 3));
    expect(await groupErrors(t, g)).toEqual({ has: true, ids: ids.slice(3) });
  });

  it("S4 users added in one call to an already licensed group tie-break by user ID, not by list order", async () => {
    const t = await newTenant(api);
    await t.buy(2);
    const ids = await people(t, "tie", 4);
    const g = await t.group("G");
    await t.assignGroup(g);
    await t.add(g, [ids[3], ids[1], ids[2], ids[0]]);
    expect(await statesOf(t, ids)).toEqual(["ACTIVE/NONE", "ACTIVE/NONE", "ERROR/COUNT_VIOLATION", "ERROR/COUNT_VIOLATION"]);
  });

  it("S4 earlier wanters keep their seats when newcomers arrive, whatever the IDs; a want lasts while any source remains", async () => {
    const t = await newTenant(api);
    await t.buy(2);
    // newcomer has the smallest ID but arrives last.
    const [newcomer, a, b] = await people(t, "arr", 3);
    const g1 = await t.group("G1");
    const g2 = await t.group("G2");
    await t.assignGroup(g1);
    await t.assignGroup(g2);
    await t.add(g1, [a]);
    await t.add(g1, [b]);
    await t.add(g2, [newcomer]);
    expect(await statesOf(t, [a, b, newcomer])).toEqual(["ACTIVE/NONE", "ACTIVE/NONE", "ERROR/COUNT_VIOLATION"]);
    expect(await userPool(t)).toMatchObject({ consumedUnits: 2, availableUnits: 0, unassignedDemand: 1 });
    expect(await groupErrors(t, g2)).toEqual({ has: true, ids: [newcomer] });
    expect(await groupErrors(t, g1)).toEqual({ has: false, ids: [] });

    // a gains a second source, then loses the first: the want never ended, so a keeps the seat.
    await t.add(g2, [a]);
    await removeMembers(t, g1, [a]);
    expect(await statesOf(t, [a, b, newcomer])).toEqual(["ACTIVE/NONE", "ACTIVE/NONE", "ERROR/COUNT_VIOLATION"]);
    expect((await userSku(t, a))!.sources).toEqual([{ kind: "GROUP", group: { id: g2 }, via: [{ id: g2 }] }]);

    // a's last source goes: the want ends and the seat goes to the longest waiter (S5).
    await removeMembers(t, g2, [a]);
    expect(await statesOf(t, [a, b, newcomer])).toEqual(["NONE", "ACTIVE/NONE", "ACTIVE/NONE"]);

    // a comes back: a new want queues last.
    await t.add(g1, [a]);
    expect(await statesOf(t, [a, b, newcomer])).toEqual(["ERROR/COUNT_VIOLATION", "ACTIVE/NONE", "ACTIVE/NONE"]);
    expect(await groupErrors(t, g1)).toEqual({ has: true, ids: [a] });
    expect(await groupErrors(t, g2)).toEqual({ has: false, ids: [] });
  });

  it("S4 a new group assignment never takes a seat from a direct holder", async () => {
    const t = await newTenant(api);
    await t.buy(2);
    const [x, y, holder] = await people(t, "dir", 3);
    await t.license(holder);
    const g = await t.group("G");
    await t.add(g, [x, y]);
    await t.assignGroup(g);
    expect(await statesOf(t, [holder, x, y])).toEqual(["ACTIVE/NONE", "ACTIVE/NONE", "ERROR/COUNT_VIOLATION"]);
  });

  // ---------------------------------------------------------------- S5

  it("S5 buying one more seat (new subscription or larger quantity) promotes the longest-waiting COUNT_VIOLATION user", async () => {
    const t = await newTenant(api);
    const order = await t.buy(1);
    // Wanting order u1, u2, u3 is the reverse of the ID order.
    const [u3, u2, u1] = await people(t, "wait", 3);
    const g = await t.group("G");
    await t.assignGroup(g);
    await t.add(g, [u1]);
    await t.add(g, [u2]);
    await t.add(g, [u3]);
    expect(await statesOf(t, [u1, u2, u3])).toEqual(["ACTIVE/NONE", "ERROR/COUNT_VIOLATION", "ERROR/COUNT_VIOLATION"]);

    await t.buy(1, 0);
    expect(await statesOf(t, [u1, u2, u3])).toEqual(["ACTIVE/NONE", "ACTIVE/NONE", "ERROR/COUNT_VIOLATION"]);
    expect(await userPool(t)).toMatchObject({ consumedUnits: 2, availableUnits: 0, unassignedDemand: 1 });

    await api.ok(t.admin, Q.updateQuantity, { input: { subscriptionId: userSubscriptionOf(order), quantity: 2 } });
    expect(await statesOf(t, [u1, u2, u3])).toEqual(["ACTIVE/NONE", "ACTIVE/NONE", "ACTIVE/NONE"]);
    expect(await userPool(t)).toMatchObject({ consumedUnits: 3, availableUnits: 0, unassignedDemand: 0 });
    expect(await groupErrors(t, g)).toEqual({ has: false, ids: [] });
  });

  it("S5 removing a seat holder from the group promotes the next in line", async () => {
    const t = await newTenant(api);
    await t.buy(2);
    const [w2, w1, h2, h1] = await people(t, "rm", 4);
    const g = await t.group("G");
    await t.assignGroup(g);
    for (const u of [h1, h2, w1, w2]) await t.add(g, [u]);
    expect(await statesOf(t, [h1, h2, w1, w2])).toEqual(["ACTIVE/NONE", "ACTIVE/NONE", "ERROR/COUNT_VIOLATION", "ERROR/COUNT_VIOLATION"]);

    await removeMembers(t, g, [h1]);
    expect(await statesOf(t, [h1, h2, w1, w2])).toEqual(["NONE", "ACTIVE/NONE", "ACTIVE/NONE", "ERROR/COUNT_VIOLATION"]);
    expect(await userPool(t)).toMatchObject({ consumedUnits: 2, availableUnits: 0, unassignedDemand: 1 });
    expect(await groupErrors(t, g)).toEqual({ has: true, ids: [w2] });
  });

  it("S5 U2 deleting a seat holder (deleteUser) gives the seat to the next in line in the same mutation", async () => {
    const t = await newTenant(api);
    await t.buy(1);
    const [w2, w1, holder] = await people(t, "del", 3);
    const g = await t.group("G");
    await t.assignGroup(g);
    for (const u of [holder, w1, w2]) await t.add(g, [u]);
    expect(await statesOf(t, [holder, w1, w2])).toEqual(["ACTIVE/NONE", "ERROR/COUNT_VIOLATION", "ERROR/COUNT_VIOLATION"]);

    await api.ok(t.admin, Q.deleteUser, { id: holder });
    expect(await statesOf(t, [w1, w2])).toEqual(["ACTIVE/NONE", "ERROR/COUNT_VIOLATION"]);
    expect(await userPool(t)).toMatchObject({ consumedUnits: 1, availableUnits: 0, unassignedDemand: 1 });
    expect(await usersWhere(t, { skuId: t.sku.user })).toEqual(asc([w1, w2]));
    expect(await usersWhere(t, { memberOfGroupId: g })).toEqual(asc([w1, w2]));
  });

  it("U2 deleting a directly licensed user frees the seat for the next group member in line", async () => {
    const t = await newTenant(api);
    await t.buy(1);
    const direct = await t.user("direct");
    const waiter = await t.user("waiter");
    await t.license(direct.id);
    const g = await t.group("G");
    await t.add(g, [waiter.id]);
    await t.assignGroup(g);
    expect(await stateOf(t, waiter.id)).toBe("ERROR/COUNT_VIOLATION");

    await api.ok(t.admin, Q.deleteUser, { id: direct.id });
    expect(await userSku(t, waiter.id)).toMatchObject({ state: "ACTIVE", error: "NONE", holdsSeat: true });
    expect(await userPool(t)).toMatchObject({ consumedUnits: 1, availableUnits: 0, unassignedDemand: 0 });
    expect(await usersWhere(t, { licenseState: "ERROR" })).toEqual([]);
  });

  it("S5 removing a group assignment frees its seats for members of other licensed groups", async () => {
    const t = await newTenant(api);
    await t.buy(2);
    const [a1, a2, b1, b2, b3] = await people(t, "asg", 5);
    const ga = await t.group("A");
    const gb = await t.group("B");
    await t.add(ga, [a1, a2]);
    await t.add(gb, [b1, b2, b3]);
    await t.assignGroup(ga);
    await t.assignGroup(gb);
    expect(await statesOf(t, [a1, a2, b1, b2, b3])).toEqual([
      "ACTIVE/NONE", "ACTIVE/NONE", "ERROR/COUNT_VIOLATION", "ERROR/COUNT_VIOLATION", "ERROR/COUNT_VIOLATION",
    ]);
    expect(await userPool(t)).toMatchObject({ consumedUnits: 2, availableUnits: 0, unassignedDemand: 3 });

    await removeGroupSku(t, ga);
    expect(await statesOf(t, [a1, a2, b1, b2, b3])).toEqual(["NONE", "NONE", "ACTIVE/NONE", "ACTIVE/NONE", "ERROR/COUNT_VIOLATION"]);
    expect(await userPool(t)).toMatchObject({ consumedUnits: 2, availableUnits: 0, unassignedDemand: 1 });
    expect(await usersWhere(t, { skuId: t.sku.user })).toEqual([b1, b2, b3]);
    expect(await groupErrors(t, gb)).toEqual({ has: true, ids: [b3] });
  });

  it("S5 un-nesting a group revokes exactly the seats it carried and hands them on", async () => {
    const t = await newTenant(api);
    await t.buy(5);
    const [p1, c1, c2, d, s, w] = await people(t, "nest", 6);
    const parent = await t.group("Parent");
    const child = await t.group("Child");
    const sibling = await t.group("Sibling");
    const other = await t.group("Other");
    await t.assignGroup(parent);
    await t.add(parent, [p1]);
    await t.add(child, [c1, c2, d, s]);
    await t.license(d); // d also holds the SKU directly
    await t.add(sibling, [s]); // s also reaches Parent through Sibling
    await t.add(parent, [], [child, sibling]);
    await t.assignGroup(other);
    await t.add(other, [w]);
    expect(await statesOf(t, [p1, c1, c2, d, s, w])).toEqual([
      "ACTIVE/NONE", "ACTIVE/NONE", "ACTIVE/NONE", "ACTIVE/NONE", "ACTIVE/NONE", "ERROR/COUNT_VIOLATION",
    ]);
    expect((await userSku(t, c1))!.sources).toEqual([{ kind: "GROUP", group: { id: parent }, via: [{ id: child }, { id: parent }] }]);

    await removeMembers(t, parent, [], [child]);
    expect(await statesOf(t, [p1, c1, c2, d, s, w])).toEqual(["ACTIVE/NONE", "NONE", "NONE", "ACTIVE/NONE", "ACTIVE/NONE", "ACTIVE/NONE"]);
    expect((await userSku(t, d))!.sources).toEqual([{ kind: "DIRECT", group: null, via: [] }]);
    expect((await userSku(t, s))!.sources).toEqual([{ kind: "GROUP", group: { id: parent }, via: [{ id: sibling }, { id: parent }] }]);
    expect(await userPool(t)).toMatchObject({ consumedUnits: 4, availableUnits: 1, unassignedDemand: 0 });
  });

  it("S5 deleting a nested group (no licenses of its own) frees the seats it carried", async () => {
    const t = await newTenant(api);
    await t.buy(1);
    const [m, w] = await people(t, "dg", 2);
    const parent = await t.group("Parent");
    const child = await t.group("Child");
    await t.assignGroup(parent);
    await t.add(child, [m]);
    await t.add(parent, [], [child]);
    await t.add(parent, [w]);
    expect(await statesOf(t, [m, w])).toEqual(["ACTIVE/NONE", "ERROR/COUNT_VIOLATION"]);
    await api.ok(t.admin, Q.deleteGroup, { id: child });
    expect(await statesOf(t, [m, w])).toEqual(["NONE", "ACTIVE/NONE"]);
    expect(await userPool(t)).toMatchObject({ consumedUnits: 1, availableUnits: 0, unassignedDemand: 0 });
  });

  it("S5 when the pool shrinks (cancelSubscription of one of two user-license subscriptions) the most recent wanters lose their seats", async () => {
    const t = await newTenant(api);
    await t.buy(2);
    const second = await t.buy(2, 0);
    // Wanting order u1..u4 is the reverse of the ID order: the most recent wanters have the smallest IDs.
    const [u4, u3, u2, u1] = await people(t, "shrink", 4);
    const g = await t.group("G");
    await t.assignGroup(g);
    for (const u of [u1, u2, u3, u4]) await t.add(g, [u]);
    expect(await statesOf(t, [u1, u2, u3, u4])).toEqual(["ACTIVE/NONE", "ACTIVE/NONE", "ACTIVE/NONE", "ACTIVE/NONE"]);

    await api.ok(t.admin, Q.cancel, { id: userSubscriptionOf(second) });
    expect(await statesOf(t, [u1, u2, u3, u4])).toEqual(["ACTIVE/NONE", "ACTIVE/NONE", "ERROR/COUNT_VIOLATION", "ERROR/COUNT_VIOLATION"]);
    expect(await userPool(t)).toMatchObject({
      prepaidUnits: { enabled: 2, warning: 0, suspended: 2 }, consumedUnits: 2, availableUnits: 0, unassignedDemand: 2,
    });
    expect(await usersWhere(t, { licenseState: "ERROR" })).toEqual(asc([u3, u4]));
    expect(await groupErrors(t, g)).toEqual({ has: true, ids: asc([u3, u4]) });

    // The revoked users are still ahead of anyone who starts wanting later.
    const [late] = await people(t, "later", 1);
    await t.add(g, [late]);
    await t.buy(1, 0);
    expect(await statesOf(t, [u3, u4, late])).toEqual(["ACTIVE/NONE", "ERROR/COUNT_VIOLATION", "ERROR/COUNT_VIOLATION"]);
  });

  // ---------------------------------------------------------------- S5 / P6 with the clock (last: it moves the shared clock)

  it("S5 P6 when a subscription lapses by time (SUSPENDED after its grace period) the most recent wanters lose seats on the next read", async () => {
    const t = await newTenant(api);
    await t.buy(2);
    const endsAt = new Date(api.clock.now().getTime() + 86_400_000).toISOString();
    await api.ok(t.admin, Q.purchase, { input: { channel: "ADMIN_CENTER", items: [{ skuId: t.sku.user, quantity: 2 }], endsAt } });
    const [u4, u3, u2, u1] = await people(t, "lapse", 4);
    const g = await t.group("G");
    await t.assignGroup(g);
    for (const u of [u1, u2, u3, u4]) await t.add(g, [u]);
    expect(await userPool(t)).toMatchObject({ consumedUnits: 4, availableUnits: 0 });

    // Into the grace period: WARNING still grants.
    api.clock.advanceDays(2);
    expect(await userPool(t)).toMatchObject({ prepaidUnits: { enabled: 2, warning: 2, suspended: 0 }, consumedUnits: 4 });
    expect(await statesOf(t, [u1, u2, u3, u4])).toEqual(["ACTIVE/NONE", "ACTIVE/NONE", "ACTIVE/NONE", "ACTIVE/NONE"]);

    // Past the grace period: SUSPENDED, the pool is 2.
    api.clock.advanceDays(30);
    expect(await userPool(t)).toMatchObject({
      prepaidUnits: { enabled: 2, warning: 0, suspended: 2 }, consumedUnits: 2, availableUnits: 0, unassignedDemand: 2,
    });
    expect(await statesOf(t, [u1, u2, u3, u4])).toEqual(["ACTIVE/NONE", "ACTIVE/NONE", "ERROR/COUNT_VIOLATION", "ERROR/COUNT_VIOLATION"]);
  });
});
