import { engines, TestApi } from "../../helpers/harness";
import { newTenant, Q } from "../../helpers/fixtures";
import { engineKit } from "../../helpers/engine";
import { asc } from "../../helpers/ids";

/** The license engine: who wants a SKU (S1), one seat per user and SKU (S2), direct assignments and free seats (S3). */
describe.each(engines())("engine: S1\u2013S3 wants and seats (%s)", (_engine, url) => {
  let api: TestApi;
  beforeAll(async () => (api = await TestApi.start(url)));
  afterAll(() => api.stop());
  const { people, userSku, statesOf, assignmentStates, userPool, usersWhere } = engineKit(() => api);

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
    expect(d!.sources).toEqual([{ kind: "DIRECT", group: null, via: [] }]);
    const m = await userSku(t, member.id);
    expect(m).toMatchObject({ state: "ACTIVE", error: "NONE", holdsSeat: true });
    expect(m!.sources).toEqual([{ kind: "GROUP", group: { id: g }, via: [{ id: g }] }]);
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
    expect((await userPool(t))!.consumedUnits).toBe(0);

    // The last link of the chain brings the license (S1, S5: processed in the same mutation).
    await t.add(g2, [], [g3]);
    const l = await userSku(t, u.id);
    expect(l).toMatchObject({ state: "ACTIVE", error: "NONE", holdsSeat: true });
    expect(l!.sources).toEqual([{ kind: "GROUP", group: { id: g1 }, via: [{ id: g3 }, { id: g2 }, { id: g1 }] }]);

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
    expect(l!.sources).toHaveLength(3);
    expect(l!.sources).toEqual(
      expect.arrayContaining([
        { kind: "DIRECT", group: null, via: [] },
        { kind: "GROUP", group: { id: ga }, via: [{ id: ga }] },
        { kind: "GROUP", group: { id: gb }, via: [{ id: gb }] },
      ]),
    );
    expect((await t.effective(u.id)).effectiveLicenses.filter((e) => e.sku.partNumber === "POWER_VIRTUAL_AGENTS_USER")).toHaveLength(1);
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
    expect(l!.sources).toHaveLength(2);
    expect(l!.sources).toEqual(
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

});
