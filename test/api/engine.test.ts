/**
 * The license engine through the API: wants, seats, the S4 queue, automatic
 * reprocessing, states, plans, nested-group chains, previews and the bot gate.
 * Every test names the DESIGN.md rules it checks (S1–S13, B1, B2, U2, A1).
 */
import { engines, TestApi } from "../helpers/harness";
import { newTenant, Q, TenantFx, userLicense } from "../helpers/fixtures";

const STATES = `query($id: ID!) { user(id: $id) { id licenseAssignmentStates { sku { partNumber } assignedByGroup { id } via { id } disabledPlans { id name } state error } } }`;
const USERS = `query($f: UserFilter) { tenant { users(first: 200, filter: $f) { totalCount nodes { id } } } }`;
const GROUP_ERRORS = `query($id: ID!) { securityGroup(id: $id) { id hasMembersWithLicenseErrors membersWithLicenseErrors(first: 100) { totalCount nodes { id } } } }`;
const PREVIEW = `query($g: ID!, $s: ID!) { previewGroupLicenseAssignment(groupId: $g, skuId: $s) { group { id } sku { partNumber } newSeatsNeeded alreadyLicensed availableUnits wouldBeInError } }`;
const SKUS = `{ skus { id partNumber servicePlans { id name } } }`;
const ME = `{ me { id } }`;

/** IDs are strings: S4 and S13 compare them with `<`. */
const asc = (ids: string[]) => [...ids].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
const minId = (a: string, b: string) => (a < b ? a : b);

describe.each(engines())("license engine (%s)", (_engine, url) => {
  let api: TestApi;
  beforeAll(async () => (api = await TestApi.start(url)));
  afterAll(() => api.stop());

  // ---------------------------------------------------------------- helpers

  /** `n` users, returned in ascending ID order. */
  async function people(t: TenantFx, prefix: string, n: number): Promise<string[]> {
    const ids: string[] = [];
    for (let i = 0; i < n; i++) ids.push((await t.user(`${prefix}${i}`)).id);
    return asc(ids);
  }

  /** The user's effective license of the user SKU, or undefined when they do not want it. */
  async function userSku(t: TenantFx, id: string): Promise<any> {
    return userLicense((await t.effective(id)).effectiveLicenses);
  }

  /** "STATE/ERROR" of the user SKU, "NONE" when the user does not want it. */
  async function stateOf(t: TenantFx, id: string): Promise<string> {
    const l = await userSku(t, id);
    return l ? `${l.state}/${l.error}` : "NONE";
  }

  async function statesOf(t: TenantFx, ids: string[]): Promise<string[]> {
    const out: string[] = [];
    for (const id of ids) out.push(await stateOf(t, id));
    return out;
  }

  async function assignmentStates(t: TenantFx, id: string): Promise<any[]> {
    const r = await api.ok(t.admin, STATES, { id });
    return r.user.licenseAssignmentStates.filter((s: any) => s.sku.partNumber === "POWER_VIRTUAL_AGENTS_USER");
  }

  async function userPool(t: TenantFx): Promise<any> {
    return userLicense(await t.licenses());
  }

  async function usersWhere(t: TenantFx, f: Record<string, unknown>): Promise<string[]> {
    const r = await api.ok(t.admin, USERS, { f });
    expect(r.tenant.users.totalCount).toBe(r.tenant.users.nodes.length);
    return asc(r.tenant.users.nodes.map((n: any) => n.id));
  }

  async function groupErrors(t: TenantFx, groupId: string): Promise<{ has: boolean; ids: string[] }> {
    const g = (await api.ok(t.admin, GROUP_ERRORS, { id: groupId })).securityGroup;
    expect(g.membersWithLicenseErrors.totalCount).toBe(g.membersWithLicenseErrors.nodes.length);
    return { has: g.hasMembersWithLicenseErrors, ids: asc(g.membersWithLicenseErrors.nodes.map((n: any) => n.id)) };
  }

  /** Plan name → plan ID of the user SKU, from the catalog query. */
  async function planIds(t: TenantFx): Promise<Record<string, string>> {
    const r = await api.ok(t.admin, SKUS);
    const sku = r.skus.find((s: any) => s.partNumber === "POWER_VIRTUAL_AGENTS_USER");
    return Object.fromEntries(sku.servicePlans.map((p: any) => [p.name, p.id]));
  }

  const removeGroupSku = (t: TenantFx, groupId: string) =>
    api.ok(t.admin, Q.assignGroup, { input: { groupId, removeSkuIds: [t.sku.user] } });
  const removeDirect = (t: TenantFx, userId: string) =>
    api.ok(t.admin, Q.assignUser, { input: { userId, removeSkuIds: [t.sku.user] } });
  const removeMembers = (t: TenantFx, groupId: string, userIds: string[] = [], groupIds: string[] = []) =>
    api.ok(t.admin, Q.removeMembers, { input: { groupId, userIds, groupIds } });
  const userSubscriptionOf = (order: { subscriptions: { id: string; sku: { partNumber: string } }[] }) =>
    order.subscriptions.find((s) => s.sku.partNumber === "POWER_VIRTUAL_AGENTS_USER")!.id;
  const tenantSubscriptionOf = (order: { subscriptions: { id: string; sku: { partNumber: string } }[] }) =>
    order.subscriptions.find((s) => s.sku.partNumber === "POWER_VIRTUAL_AGENTS")!.id;

  /** Every string found under `key` (at any depth) in the audit details, restricted to `known` IDs. */
  function idsUnder(details: unknown, key: string, known: string[]): string[] {
    const found = new Set<string>();
    const collect = (v: unknown): void => {
      if (typeof v === "string") found.add(v);
      else if (Array.isArray(v)) v.forEach(collect);
      else if (v && typeof v === "object") Object.values(v).forEach(collect);
    };
    const walk = (v: unknown): void => {
      if (Array.isArray(v)) v.forEach(walk);
      else if (v && typeof v === "object") for (const [k, x] of Object.entries(v)) (k === key ? collect(x) : walk(x));
    };
    walk(details);
    return asc(known.filter((id) => found.has(id)));
  }

  // ---------------------------------------------------------------- S1

  it("S1 a user wants the SKU through a direct assignment or a group they are directly in; others do not", async () => {
    const t = await newTenant(api);
    await t.buy(5);
    const direct = await t.user("direct");
    const member = await t.user("member");
    const outsider = await t.user("outsider");
    const g = await t.group("Makers");
    await t.license(direct.id);
    await t.add(g, [member.id]);
    await t.assignGroup(g);

    const d = await userSku(t, direct.id);
    expect(d).toMatchObject({ state: "ACTIVE", error: "NONE", holdsSeat: true });
    expect(d.sources).toEqual([{ kind: "DIRECT", group: null, via: [] }]);
    const m = await userSku(t, member.id);
    expect(m).toMatchObject({ state: "ACTIVE", error: "NONE", holdsSeat: true });
    expect(m.sources).toEqual([{ kind: "GROUP", group: { id: g }, via: [{ id: g }] }]);
    expect(await userSku(t, outsider.id)).toBeUndefined();

    expect(await usersWhere(t, { skuId: t.sku.user })).toEqual(asc([direct.id, member.id]));
    expect(await userPool(t)).toMatchObject({ consumedUnits: 2, availableUnits: 3, unassignedDemand: 0 });
  });

  it("S1 a license inherited through three levels of nesting (G1 ⊃ G2 ⊃ G3 ∋ user) has via [G3, G2, G1] in sources and licenseAssignmentStates", async () => {
    const t = await newTenant(api);
    await t.buy(2);
    const u = await t.user("nested");
    const g1 = await t.group("G1");
    const g2 = await t.group("G2");
    const g3 = await t.group("G3");
    await t.assignGroup(g1);
    await t.add(g1, [], [g2]);
    await t.add(g3, [u.id]);
    // Not yet connected: G3 is not inside G2, so nothing is wanted.
    expect(await userSku(t, u.id)).toBeUndefined();
    expect((await userPool(t)).consumedUnits).toBe(0);

    // The last link of the chain brings the license (S1, S5: processed in the same mutation).
    await t.add(g2, [], [g3]);
    const l = await userSku(t, u.id);
    expect(l).toMatchObject({ state: "ACTIVE", error: "NONE", holdsSeat: true });
    expect(l.sources).toEqual([{ kind: "GROUP", group: { id: g1 }, via: [{ id: g3 }, { id: g2 }, { id: g1 }] }]);

    const rows = await assignmentStates(t, u.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      assignedByGroup: { id: g1 },
      via: [{ id: g3 }, { id: g2 }, { id: g1 }],
      disabledPlans: [],
      state: "ACTIVE",
      error: "NONE",
    });
    expect((await t.effective(u.id)).canCreateBots).toBe(true);
    expect(await userPool(t)).toMatchObject({ consumedUnits: 1, availableUnits: 1 });
  });

  // ---------------------------------------------------------------- S2

  it("S2 the same SKU from a direct assignment and two groups consumes one seat and lists three sources", async () => {
    const t = await newTenant(api);
    await t.buy(3);
    const u = await t.user("triple");
    const ga = await t.group("A");
    const gb = await t.group("B");
    await t.license(u.id);
    await t.add(ga, [u.id]);
    await t.add(gb, [u.id]);
    await t.assignGroup(ga);
    await t.assignGroup(gb);

    const l = await userSku(t, u.id);
    expect(l).toMatchObject({ state: "ACTIVE", error: "NONE", holdsSeat: true });
    expect(l.sources).toHaveLength(3);
    expect(l.sources).toEqual(
      expect.arrayContaining([
        { kind: "DIRECT", group: null, via: [] },
        { kind: "GROUP", group: { id: ga }, via: [{ id: ga }] },
        { kind: "GROUP", group: { id: gb }, via: [{ id: gb }] },
      ]),
    );
    expect((await t.effective(u.id)).effectiveLicenses.filter((e: any) => e.sku.partNumber === "POWER_VIRTUAL_AGENTS_USER")).toHaveLength(1);
    expect(await userPool(t)).toMatchObject({ consumedUnits: 1, availableUnits: 2, unassignedDemand: 0 });
    expect(await assignmentStates(t, u.id)).toHaveLength(3);
  });

  // ---------------------------------------------------------------- S3

  it("S3 a direct assignment without a free seat is SEATS_EXHAUSTED and changes nothing", async () => {
    const t = await newTenant(api);
    await t.buy(1);
    const holder = await t.user("holder");
    const late = await t.user("late");
    await t.license(holder.id);
    expect(await userPool(t)).toMatchObject({ consumedUnits: 1, availableUnits: 0 });

    const before = await api.snapshot();
    expect(await api.code(t.admin, Q.assignUser, { input: { userId: late.id, addLicenses: [{ skuId: t.sku.user }] } })).toBe("SEATS_EXHAUSTED");
    expect(await api.snapshot()).toBe(before);
    expect(await userSku(t, late.id)).toBeUndefined();
    expect(await userSku(t, holder.id)).toMatchObject({ state: "ACTIVE", holdsSeat: true });
    expect(await userPool(t)).toMatchObject({ consumedUnits: 1, availableUnits: 0, unassignedDemand: 0 });
  });

  it("S3 a user waiting in COUNT_VIOLATION through a group cannot jump the queue with a direct assignment", async () => {
    const t = await newTenant(api);
    await t.buy(1);
    const [a, b] = await people(t, "q", 2);
    const g = await t.group("G");
    await t.add(g, [a]);
    await t.assignGroup(g);
    await t.add(g, [b]);
    expect(await statesOf(t, [a, b])).toEqual(["ACTIVE/NONE", "ERROR/COUNT_VIOLATION"]);

    const before = await api.snapshot();
    expect(await api.code(t.admin, Q.assignUser, { input: { userId: b, addLicenses: [{ skuId: t.sku.user }] } })).toBe("SEATS_EXHAUSTED");
    expect(await api.snapshot()).toBe(before);
    expect(await statesOf(t, [a, b])).toEqual(["ACTIVE/NONE", "ERROR/COUNT_VIOLATION"]);
  });

  it("S3 a user who holds a seat through a group gets a direct assignment as an extra source even with zero free seats", async () => {
    const t = await newTenant(api);
    await t.buy(1);
    const u = await t.user("grouped");
    const g = await t.group("G");
    await t.add(g, [u.id]);
    await t.assignGroup(g);
    expect(await userPool(t)).toMatchObject({ consumedUnits: 1, availableUnits: 0 });

    await t.license(u.id);
    const l = await userSku(t, u.id);
    expect(l).toMatchObject({ state: "ACTIVE", error: "NONE", holdsSeat: true });
    expect(l.sources).toHaveLength(2);
    expect(l.sources).toEqual(
      expect.arrayContaining([
        { kind: "DIRECT", group: null, via: [] },
        { kind: "GROUP", group: { id: g }, via: [{ id: g }] },
      ]),
    );
    expect(await userPool(t)).toMatchObject({ consumedUnits: 1, availableUnits: 0, unassignedDemand: 0 });
  });

  it("S3 assigning the TENANT SKU or the trial SKU to a user or a group is LICENSE_NOT_ASSIGNABLE and changes nothing", async () => {
    const t = await newTenant(api);
    await t.buy(5, 2);
    const u = await t.user("someone");
    const g = await t.group("G");
    await t.add(g, [u.id]);
    const before = await api.snapshot();
    for (const skuId of [t.sku.tenant, t.sku.trial]) {
      expect(await api.code(t.admin, Q.assignUser, { input: { userId: u.id, addLicenses: [{ skuId }] } })).toBe("LICENSE_NOT_ASSIGNABLE");
      expect(await api.code(t.admin, Q.assignGroup, { input: { groupId: g, addLicenses: [{ skuId }] } })).toBe("LICENSE_NOT_ASSIGNABLE");
    }
    expect(await api.snapshot()).toBe(before);
    expect((await t.effective(u.id)).effectiveLicenses).toEqual([]);
  });

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
    expect((await userSku(t, a)).sources).toEqual([{ kind: "GROUP", group: { id: g2 }, via: [{ id: g2 }] }]);

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
    expect((await userSku(t, c1)).sources).toEqual([{ kind: "GROUP", group: { id: parent }, via: [{ id: child }, { id: parent }] }]);

    await removeMembers(t, parent, [], [child]);
    expect(await statesOf(t, [p1, c1, c2, d, s, w])).toEqual(["ACTIVE/NONE", "NONE", "NONE", "ACTIVE/NONE", "ACTIVE/NONE", "ACTIVE/NONE"]);
    expect((await userSku(t, d)).sources).toEqual([{ kind: "DIRECT", group: null, via: [] }]);
    expect((await userSku(t, s)).sources).toEqual([{ kind: "GROUP", group: { id: parent }, via: [{ id: sibling }, { id: parent }] }]);
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

  // ---------------------------------------------------------------- S7

  it("S7 enabledPlans is the union over sources of (plans minus disabled plans); re-adding the SKU updates that source", async () => {
    const t = await newTenant(api);
    const p = await planIds(t);
    expect(Object.keys(p).sort()).toEqual(["BOT_AUTHORING", "DATAVERSE_FOR_BOTS", "FLOW_FOR_BOTS"]);
    await t.buy(1);
    const u = await t.user("plans");
    const ga = await t.group("A");
    const gb = await t.group("B");
    await t.add(ga, [u.id]);
    await t.add(gb, [u.id]);
    await t.assignGroup(ga, [p.FLOW_FOR_BOTS, p.DATAVERSE_FOR_BOTS]);
    await t.assignGroup(gb, [p.FLOW_FOR_BOTS]);
    const names = async () => (await userSku(t, u.id)).enabledPlans.map((x: any) => x.name).sort();
    expect(await names()).toEqual(["BOT_AUTHORING", "DATAVERSE_FOR_BOTS"]);

    const rows = await assignmentStates(t, u.id);
    const byGroup = Object.fromEntries(rows.map((r) => [r.assignedByGroup.id, r.disabledPlans.map((x: any) => x.name).sort()]));
    expect(byGroup).toEqual({ [ga]: ["DATAVERSE_FOR_BOTS", "FLOW_FOR_BOTS"], [gb]: ["FLOW_FOR_BOTS"] });

    // Re-adding on group B with other disabled plans replaces B's disabled plans (and takes no seat: pool is full).
    await t.assignGroup(gb, [p.BOT_AUTHORING, p.DATAVERSE_FOR_BOTS]);
    expect(await names()).toEqual(["BOT_AUTHORING", "FLOW_FOR_BOTS"]);
    await t.assignGroup(ga, [p.BOT_AUTHORING, p.FLOW_FOR_BOTS, p.DATAVERSE_FOR_BOTS]);
    expect(await names()).toEqual(["FLOW_FOR_BOTS"]);

    // A direct source: re-adding it with other disabled plans updates it even with zero free seats.
    await t.license(u.id, [p.FLOW_FOR_BOTS, p.DATAVERSE_FOR_BOTS]);
    expect(await names()).toEqual(["BOT_AUTHORING", "FLOW_FOR_BOTS"]);
    await t.license(u.id, [p.BOT_AUTHORING, p.FLOW_FOR_BOTS, p.DATAVERSE_FOR_BOTS]);
    expect(await names()).toEqual(["FLOW_FOR_BOTS"]);
    await t.license(u.id, []);
    expect(await names()).toEqual(["BOT_AUTHORING", "DATAVERSE_FOR_BOTS", "FLOW_FOR_BOTS"]);
    expect(await userPool(t)).toMatchObject({ consumedUnits: 1, availableUnits: 0 });
    expect(await userSku(t, u.id)).toMatchObject({ state: "ACTIVE", holdsSeat: true });
  });

  // ---------------------------------------------------------------- S8

  it("S8 removeSkuIds removes only the direct source; the group-inherited license and its seat stay", async () => {
    const t = await newTenant(api);
    await t.buy(1);
    const [u, w] = await people(t, "s8", 2);
    const g = await t.group("G");
    await t.license(u);
    await t.add(g, [u, w]);
    await t.assignGroup(g);
    expect(await statesOf(t, [u, w])).toEqual(["ACTIVE/NONE", "ERROR/COUNT_VIOLATION"]);

    await removeDirect(t, u);
    const l = await userSku(t, u);
    expect(l).toMatchObject({ state: "ACTIVE", error: "NONE", holdsSeat: true });
    expect(l.sources).toEqual([{ kind: "GROUP", group: { id: g }, via: [{ id: g }] }]);
    expect(await assignmentStates(t, u)).toHaveLength(1);
    expect(await stateOf(t, w)).toBe("ERROR/COUNT_VIOLATION");
    expect(await userPool(t)).toMatchObject({ consumedUnits: 1, availableUnits: 0, unassignedDemand: 1 });

    // Removing a direct SKU the user does not have directly leaves the group source alone.
    await removeDirect(t, u);
    expect(await userSku(t, u)).toMatchObject({ state: "ACTIVE", holdsSeat: true });
  });

  it("S8 S5 removing the only (direct) source frees the seat for the next in line", async () => {
    const t = await newTenant(api);
    await t.buy(1);
    const d = await t.user("direct");
    const w = await t.user("waiting");
    await t.license(d.id);
    const g = await t.group("G");
    await t.add(g, [w.id]);
    await t.assignGroup(g);
    await removeDirect(t, d.id);
    expect(await stateOf(t, d.id)).toBe("NONE");
    expect(await stateOf(t, w.id)).toBe("ACTIVE/NONE");
  });

  // ---------------------------------------------------------------- S10, S12, B1

  it("S10 B1 BOT_AUTHORING disabled on every source: canCreateBots false and createBot LICENSE_REQUIRED; enabled on one source: true", async () => {
    const t = await newTenant(api);
    const p = await planIds(t);
    await t.buy(2);
    const u = await t.user("author");
    const ga = await t.group("A");
    const gb = await t.group("B");
    await t.license(u.id, [p.BOT_AUTHORING]);
    await t.add(ga, [u.id]);
    await t.assignGroup(ga, [p.BOT_AUTHORING, p.FLOW_FOR_BOTS]);
    const eff = await t.effective(u.id);
    expect(userLicense(eff.effectiveLicenses)).toMatchObject({ state: "ACTIVE", holdsSeat: true });
    expect(userLicense(eff.effectiveLicenses).enabledPlans.map((x: any) => x.name)).not.toContain("BOT_AUTHORING");
    expect(eff.canCreateBots).toBe(false);
    expect(await api.code(u.token, Q.createBot, { input: { name: "Nope" } })).toBe("LICENSE_REQUIRED");

    await t.add(gb, [u.id]);
    await t.assignGroup(gb, [p.FLOW_FOR_BOTS, p.DATAVERSE_FOR_BOTS]);
    expect((await t.effective(u.id)).canCreateBots).toBe(true);
    const bot = await api.ok(u.token, Q.createBot, { input: { name: "Yes" } });
    expect(bot.createBot.owner.id).toBe(u.id);
    expect(await userPool(t)).toMatchObject({ consumedUnits: 1 });
  });

  it("B1 createBot without any license is LICENSE_REQUIRED, even when the tenant has free seats", async () => {
    const t = await newTenant(api);
    await t.buy(3);
    const u = await t.user("unlicensed");
    expect((await t.effective(u.id)).canCreateBots).toBe(false);
    const before = await api.snapshot();
    expect(await api.code(u.token, Q.createBot, { input: { name: "X" } })).toBe("LICENSE_REQUIRED");
    expect(await api.snapshot()).toBe(before);
  });

  it("S12 S10 a disabled account keeps its seat but cannot create bots or sign in", async () => {
    const t = await newTenant(api);
    await t.buy(1);
    const u = await t.user("disabled");
    const w = await t.user("waiting");
    const g = await t.group("G");
    await t.license(u.id);
    await t.add(g, [w.id]);
    await t.assignGroup(g);
    expect((await t.effective(u.id)).canCreateBots).toBe(true);

    await api.ok(t.admin, Q.updateUser, { input: { id: u.id, accountEnabled: false } });
    const eff = await t.effective(u.id);
    expect(eff.canCreateBots).toBe(false);
    expect(userLicense(eff.effectiveLicenses)).toMatchObject({ state: "ACTIVE", error: "NONE", holdsSeat: true });
    expect(await userPool(t)).toMatchObject({ consumedUnits: 1, availableUnits: 0, unassignedDemand: 1 });
    expect(await stateOf(t, w.id)).toBe("ERROR/COUNT_VIOLATION");
    expect(await api.code(u.token, ME)).toBe("UNAUTHENTICATED");

    await api.ok(t.admin, Q.updateUser, { input: { id: u.id, accountEnabled: true } });
    expect((await t.effective(u.id)).canCreateBots).toBe(true);
    expect(await userSku(t, u.id)).toMatchObject({ state: "ACTIVE", holdsSeat: true });
  });

  // ---------------------------------------------------------------- S11

  it("S11 previewGroupLicenseAssignment reports the impact, writes nothing, and matches what the assignment then does", async () => {
    const t = await newTenant(api);
    await t.buy(3);
    const [a, b, c, d, e] = await people(t, "prev", 5);
    const other = await t.group("Other");
    await t.add(other, [a]);
    await t.assignGroup(other);
    const target = await t.group("Target");
    const sub = await t.group("Sub");
    await t.add(target, [a, b, c, e]); // e is also in Sub: counted once
    await t.add(sub, [d, e]);
    await t.add(target, [], [sub]);

    const before = await api.snapshot();
    const r = (await api.ok(t.admin, PREVIEW, { g: target, s: t.sku.user })).previewGroupLicenseAssignment;
    expect(await api.snapshot()).toBe(before);
    expect(r).toEqual({
      group: { id: target }, sku: { partNumber: "POWER_VIRTUAL_AGENTS_USER" },
      newSeatsNeeded: 4, alreadyLicensed: 1, availableUnits: 2, wouldBeInError: 2,
    });

    await t.assignGroup(target);
    const pool = await userPool(t);
    expect(pool.consumedUnits - 1).toBe(r.newSeatsNeeded - r.wouldBeInError);
    expect(pool).toMatchObject({ consumedUnits: 3, availableUnits: 0, unassignedDemand: r.wouldBeInError });
    const errors = await groupErrors(t, target);
    expect(errors.ids).toHaveLength(r.wouldBeInError);
    expect(errors.ids).toEqual([d, e]);
    expect(await statesOf(t, [a, b, c, d, e])).toEqual(["ACTIVE/NONE", "ACTIVE/NONE", "ACTIVE/NONE", "ERROR/COUNT_VIOLATION", "ERROR/COUNT_VIOLATION"]);
  });

  it("S11 a preview with enough seats predicts no errors, and the assignment gives every member a seat", async () => {
    const t = await newTenant(api);
    await t.buy(5);
    const ids = await people(t, "enough", 3);
    const g = await t.group("G");
    await t.add(g, ids);
    const before = await api.snapshot();
    const r = (await api.ok(t.admin, PREVIEW, { g, s: t.sku.user })).previewGroupLicenseAssignment;
    expect(await api.snapshot()).toBe(before);
    expect(r).toMatchObject({ newSeatsNeeded: 3, alreadyLicensed: 0, availableUnits: 5, wouldBeInError: 0 });
    await t.assignGroup(g);
    expect(await userPool(t)).toMatchObject({ consumedUnits: 3, availableUnits: 2, unassignedDemand: 0 });
    expect(await groupErrors(t, g)).toEqual({ has: false, ids: [] });
  });

  // ---------------------------------------------------------------- S13

  it("S13 two equally short chains to the licensed group give one source, via the chain with the smaller group ID", async () => {
    const t = await newTenant(api);
    await t.buy(2);
    const u = await t.user("two-paths");
    const top = await t.group("Top");
    const x = await t.group("X");
    const y = await t.group("Y");
    await t.assignGroup(top);
    // The larger ID is nested and joined first.
    const [small, large] = asc([x, y]);
    await t.add(top, [], [large]);
    await t.add(top, [], [small]);
    await t.add(large, [u.id]);
    await t.add(small, [u.id]);
    const l = await userSku(t, u.id);
    expect(l.sources).toEqual([{ kind: "GROUP", group: { id: top }, via: [{ id: minId(x, y) }, { id: top }] }]);
    const rows = await assignmentStates(t, u.id);
    expect(rows).toHaveLength(1);
    expect(rows[0].via).toEqual([{ id: small }, { id: top }]);
    expect(await userPool(t)).toMatchObject({ consumedUnits: 1 });
  });

  it("S13 a user reaching the licensed group through chains of different lengths gets the shortest chain", async () => {
    const t = await newTenant(api);
    await t.buy(2);
    const u = await t.user("shortest");
    const g1 = await t.group("G1");
    const g2 = await t.group("G2");
    const g3 = await t.group("G3");
    const g4 = await t.group("G4");
    await t.assignGroup(g1);
    await t.add(g1, [], [g2]);
    await t.add(g2, [], [g3]);
    await t.add(g3, [u.id]);
    await t.add(g1, [], [g4]);
    await t.add(g4, [u.id]);
    const l = await userSku(t, u.id);
    expect(l.sources).toEqual([{ kind: "GROUP", group: { id: g1 }, via: [{ id: g4 }, { id: g1 }] }]);
    let rows = await assignmentStates(t, u.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ assignedByGroup: { id: g1 }, via: [{ id: g4 }, { id: g1 }] });

    // A direct membership in the licensed group is the shortest chain of all.
    await t.add(g1, [u.id]);
    expect((await userSku(t, u.id)).sources).toEqual([{ kind: "GROUP", group: { id: g1 }, via: [{ id: g1 }] }]);
    rows = await assignmentStates(t, u.id);
    expect(rows).toHaveLength(1);
    expect(rows[0].via).toEqual([{ id: g1 }]);

    // Leaving the short paths falls back to the long one; the seat stays.
    await removeMembers(t, g1, [u.id]);
    await removeMembers(t, g4, [u.id]);
    const back = await userSku(t, u.id);
    expect(back).toMatchObject({ state: "ACTIVE", holdsSeat: true });
    expect(back.sources).toEqual([{ kind: "GROUP", group: { id: g1 }, via: [{ id: g3 }, { id: g2 }, { id: g1 }] }]);
    expect(await userPool(t)).toMatchObject({ consumedUnits: 1 });
  });

  // ---------------------------------------------------------------- B2

  it("B2 the owner manages a bot while they can create bots; after losing the license they cannot, a GLOBAL_ADMIN still can, another user gets FORBIDDEN", async () => {
    const t = await newTenant(api);
    await t.buy(2);
    const owner = await t.user("owner");
    const other = await t.user("other");
    await t.license(owner.id);
    await t.license(other.id);
    const bot1 = (await api.ok(owner.token, Q.createBot, { input: { name: "One" } })).createBot.id;
    const bot2 = (await api.ok(owner.token, Q.createBot, { input: { name: "Two" } })).createBot.id;

    const upd = await api.ok(owner.token, Q.updateBot, { input: { id: bot1, name: "One v2", published: true } });
    expect(upd.updateBot).toMatchObject({ name: "One v2", published: true, owner: { id: owner.id } });
    expect((await api.ok(owner.token, Q.deleteBot, { id: bot2 })).deleteBot).toBe(bot2);

    // A licensed user who is not the owner and not an admin.
    expect(await api.code(other.token, Q.updateBot, { input: { id: bot1, name: "Hijack" } })).toBe("FORBIDDEN");
    expect(await api.code(other.token, Q.deleteBot, { id: bot1 })).toBe("FORBIDDEN");

    await removeDirect(t, owner.id);
    expect((await t.effective(owner.id)).canCreateBots).toBe(false);
    const before = await api.snapshot();
    const updCode = await api.code(owner.token, Q.updateBot, { input: { id: bot1, name: "Too late" } });
    expect(["LICENSE_REQUIRED", "FORBIDDEN"]).toContain(updCode);
    const delCode = await api.code(owner.token, Q.deleteBot, { id: bot1 });
    expect(["LICENSE_REQUIRED", "FORBIDDEN"]).toContain(delCode);
    expect(await api.snapshot()).toBe(before);

    const byAdmin = await api.ok(t.admin, Q.updateBot, { input: { id: bot1, name: "Admin edit" } });
    expect(byAdmin.updateBot).toMatchObject({ name: "Admin edit", owner: { id: owner.id } });
    expect(await api.code(other.token, Q.updateBot, { input: { id: bot1, name: "Still not" } })).toBe("FORBIDDEN");
    expect((await api.ok(t.admin, Q.deleteBot, { id: bot1 })).deleteBot).toBe(bot1);
  });

  // ---------------------------------------------------------------- A1

  it("A1 the ASSIGN_GROUP_LICENSE audit event records granted and countViolation user IDs", async () => {
    const t = await newTenant(api);
    await t.buy(2);
    const ids = await people(t, "aud", 3);
    const g = await t.group("G");
    await t.add(g, ids);
    await t.assignGroup(g);
    const r = await api.ok(t.admin, Q.audit, { action: "ASSIGN_GROUP_LICENSE", targetId: g });
    expect(r.auditEvents.totalCount).toBe(1);
    const ev = r.auditEvents.nodes[0];
    expect(ev).toMatchObject({ action: "ASSIGN_GROUP_LICENSE", targetId: g, actor: { id: t.adminId } });
    const details = JSON.parse(ev.details);
    expect(idsUnder(details, "granted", ids)).toEqual(ids.slice(0, 2));
    expect(idsUnder(details, "countViolation", ids)).toEqual([ids[2]]);
    expect(idsUnder(details, "revoked", ids)).toEqual([]);
  });

  it("A1 removing a group assignment records the revoked seats and the seats granted to the next in line", async () => {
    const t = await newTenant(api);
    await t.buy(2);
    const [a, b, c, w] = await people(t, "rev", 4);
    const g = await t.group("G");
    const h = await t.group("H");
    await t.add(g, [a, b, c]);
    await t.assignGroup(g);
    await t.add(h, [w]);
    await t.assignGroup(h);
    expect(await statesOf(t, [a, b, c, w])).toEqual(["ACTIVE/NONE", "ACTIVE/NONE", "ERROR/COUNT_VIOLATION", "ERROR/COUNT_VIOLATION"]);
    const hEvent = (await api.ok(t.admin, Q.audit, { action: "ASSIGN_GROUP_LICENSE", targetId: h })).auditEvents.nodes[0];
    expect(idsUnder(JSON.parse(hEvent.details), "countViolation", [a, b, c, w])).toEqual([w]);
    expect(idsUnder(JSON.parse(hEvent.details), "granted", [a, b, c, w])).toEqual([]);

    await removeGroupSku(t, g);
    expect(await statesOf(t, [a, b, c, w])).toEqual(["NONE", "NONE", "NONE", "ACTIVE/NONE"]);
    const r = await api.ok(t.admin, Q.audit, { action: "ASSIGN_GROUP_LICENSE", targetId: g });
    expect(r.auditEvents.totalCount).toBe(2);
    const details = JSON.parse(r.auditEvents.nodes[0].details);
    expect(idsUnder(details, "granted", [a, b, c, w])).toEqual([w]);
    expect(idsUnder(details, "revoked", [a, b, c, w])).toEqual([a, b]);
  });

  it("A1 a member leaving a licensed group: the REMOVE_GROUP_MEMBERS event records the seat released and the seat granted", async () => {
    const t = await newTenant(api);
    await t.buy(1);
    const [h, w] = await people(t, "leave", 2);
    const g = await t.group("G");
    await t.add(g, [h]);
    await t.assignGroup(g);
    await t.add(g, [w]);
    expect(await statesOf(t, [h, w])).toEqual(["ACTIVE/NONE", "ERROR/COUNT_VIOLATION"]);
    await removeMembers(t, g, [h]);
    expect(await statesOf(t, [h, w])).toEqual(["NONE", "ACTIVE/NONE"]);
    const r = await api.ok(t.admin, Q.audit, { action: "REMOVE_GROUP_MEMBERS", targetId: g });
    expect(r.auditEvents.totalCount).toBe(1);
    const details = JSON.parse(r.auditEvents.nodes[0].details);
    expect(idsUnder(details, "granted", [h, w])).toEqual([w]);
    expect(idsUnder(details, "revoked", [h, w])).toEqual([h]);
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
