import { engines, TestApi } from "../../helpers/harness";
import { newTenant } from "../../helpers/fixtures";
import { engineKit, PREVIEW } from "../../helpers/engine";
import { asc, minId } from "../../helpers/ids";

/** The license engine: previewGroupLicenseAssignment (S11) and the nested-group chain a source reports (S13). */
describe.each(engines())("engine: S11 preview, S13 chains (%s)", (_engine, url) => {
  let api: TestApi;
  beforeAll(async () => (api = await TestApi.start(url)));
  afterAll(() => api.stop());
  const { people, userSku, statesOf, assignmentStates, userPool, groupErrors, removeMembers } = engineKit(() => api);

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
    expect(pool!.consumedUnits - 1).toBe(r.newSeatsNeeded - r.wouldBeInError);
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
    expect(l!.sources).toEqual([{ kind: "GROUP", group: { id: top }, via: [{ id: minId(x, y) }, { id: top }] }]);
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
    expect(l!.sources).toEqual([{ kind: "GROUP", group: { id: g1 }, via: [{ id: g4 }, { id: g1 }] }]);
    let rows = await assignmentStates(t, u.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ assignedByGroup: { id: g1 }, via: [{ id: g4 }, { id: g1 }] });

    // A direct membership in the licensed group is the shortest chain of all.
    await t.add(g1, [u.id]);
    expect((await userSku(t, u.id))!.sources).toEqual([{ kind: "GROUP", group: { id: g1 }, via: [{ id: g1 }] }]);
    rows = await assignmentStates(t, u.id);
    expect(rows).toHaveLength(1);
    expect(rows[0].via).toEqual([{ id: g1 }]);

    // Leaving the short paths falls back to the long one; the seat stays.
    await removeMembers(t, g1, [u.id]);
    await removeMembers(t, g4, [u.id]);
    const back = await userSku(t, u.id);
    expect(back).toMatchObject({ state: "ACTIVE", holdsSeat: true });
    expect(back!.sources).toEqual([{ kind: "GROUP", group: { id: g1 }, via: [{ id: g3 }, { id: g2 }, { id: g1 }] }]);
    expect(await userPool(t)).toMatchObject({ consumedUnits: 1 });
  });

});
