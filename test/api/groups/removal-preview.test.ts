import { engines, TestApi } from "../../helpers/harness";
import { newTenant, Q } from "../../helpers/fixtures";
import { engineKit } from "../../helpers/engine";
import { asc } from "../../helpers/ids";
import { graphql } from "../../gql";

export const REMOVAL = graphql(`query GroupsRemovalPreview($g: ID!, $s: ID!) {
  previewGroupLicenseRemoval(groupId: $g, skuId: $s) {
    group { id } sku { partNumber } wouldLoseSeat keepThroughOtherSource wouldGetSeatNext { id } losingSeat { id }
  }
}`);

/** S11: previewGroupLicenseRemoval tells what removing a SKU from a group would do, and writes nothing. */
describe.each(engines())("groups: S11 removal preview (%s)", (_engine, url) => {
  let api: TestApi;
  beforeAll(async () => (api = await TestApi.start(url)));
  afterAll(() => api.stop());
  const { people, statesOf, removeGroupSku, userPool } = engineKit(() => api);

  it("S11 one member keeps the SKU through a direct assignment, one through another group, one loses the seat, and the first waiting user would get it", async () => {
    const t = await newTenant(api);
    await t.buy(3);
    const [direct, loser, nested, waiting, later] = await people(t, "rm", 5);
    const g = await t.group("Licensed");
    const sub = await t.group("Nested");
    const other = await t.group("Other");
    await t.add(g, [direct, loser], [sub]);
    await t.add(sub, [nested]);
    await t.assignGroup(g); // three seats: direct, loser, nested
    await t.license(direct); // holds a seat already: only a second source
    await t.add(other, [nested, waiting, later]);
    await t.assignGroup(other); // waiting and later queue behind, in ID order
    expect(await statesOf(t, [waiting, later])).toEqual(["ERROR/COUNT_VIOLATION", "ERROR/COUNT_VIOLATION"]);

    const before = await api.snapshot();
    const r = (await api.ok(t.admin, REMOVAL, { g, s: t.sku.user })).previewGroupLicenseRemoval;
    expect(await api.snapshot()).toBe(before);
    expect(r).toEqual({
      group: { id: g }, sku: { partNumber: "POWER_VIRTUAL_AGENTS_USER" },
      wouldLoseSeat: 1, keepThroughOtherSource: 2, losingSeat: [{ id: loser }], wouldGetSeatNext: [{ id: waiting }],
    });

    // The removal then does what the preview said.
    await removeGroupSku(t, g);
    expect(await statesOf(t, [direct, loser, nested, waiting, later])).toEqual(["ACTIVE/NONE", "NONE", "ACTIVE/NONE", "ACTIVE/NONE", "ERROR/COUNT_VIOLATION"]);
  });

  it("S11 a member waiting only through the group loses no seat; with nobody waiting the freed seats go to no one", async () => {
    const t = await newTenant(api);
    await t.buy(1);
    const [holder, queued] = await people(t, "wq", 2);
    const g = await t.group("G");
    await t.add(g, [holder, queued]);
    await t.assignGroup(g);
    const before = await api.snapshot();
    const r = (await api.ok(t.admin, REMOVAL, { g, s: t.sku.user })).previewGroupLicenseRemoval;
    await api.expectUnchanged(before);
    expect(r).toMatchObject({ wouldLoseSeat: 1, keepThroughOtherSource: 0, losingSeat: [{ id: holder }], wouldGetSeatNext: [] });
    await removeGroupSku(t, g);
    expect(await userPool(t)).toMatchObject({ consumedUnits: 0, availableUnits: 1, unassignedDemand: 0 });
  });

  it("S11 a SKU the group does not have: nobody loses anything; members licensed otherwise are counted as keeping it", async () => {
    const t = await newTenant(api);
    await t.buy(2);
    const [a, b] = await people(t, "na", 2);
    const g = await t.group("Unlicensed group");
    await t.add(g, [a, b]);
    await t.license(a);
    const r = (await api.ok(t.admin, REMOVAL, { g, s: t.sku.user })).previewGroupLicenseRemoval;
    expect(r).toMatchObject({ wouldLoseSeat: 0, keepThroughOtherSource: 1, losingSeat: [], wouldGetSeatNext: [] });
  });

  it("S11 lists at most 100 users each, in S4 order, while the counts are whole; the statements do not grow with the members", async () => {
    const t = await newTenant(api);
    await t.buy(150);
    const g = await t.group("Big");
    const members = await t.bulkUsers(150, "big");
    await t.add(g, members);
    await t.assignGroup(g);
    const h = await t.group("Queue");
    const queue = asc(await t.bulkUsers(120, "queue"));
    await t.add(h, queue);
    await t.assignGroup(h);

    let count = api.logger.count;
    const r = (await api.ok(t.admin, REMOVAL, { g, s: t.sku.user })).previewGroupLicenseRemoval;
    const large = api.logger.count - count;
    expect(r.wouldLoseSeat).toBe(150);
    expect(r.losingSeat.map((u) => u.id)).toEqual(asc(members).slice(0, 100));
    expect(r.wouldGetSeatNext.map((u) => u.id)).toEqual(queue.slice(0, 100));

    const small = await newTenant(api);
    await small.buy(2);
    const sg = await small.group("Small");
    await small.add(sg, await small.bulkUsers(2, "s"));
    await small.assignGroup(sg);
    const sh = await small.group("Small queue");
    await small.add(sh, await small.bulkUsers(2, "sq"));
    await small.assignGroup(sh);
    count = api.logger.count;
    await api.ok(small.admin, REMOVAL, { g: sg, s: small.sku.user });
    expect(large).toBe(api.logger.count - count);
  });

  it("S11 an unknown or other tenant's group is NOT_FOUND, the tenant license LICENSE_NOT_ASSIGNABLE, and only license admins may ask", async () => {
    const t = await newTenant(api);
    const other = await newTenant(api, "Other");
    const foreign = await other.group("Theirs");
    const g = await t.group("Mine");
    const reader = await t.user("reader", ["GLOBAL_READER"]);
    const licenses = await t.user("licenses", ["LICENSE_ADMIN"]);
    const before = await api.snapshot();
    expect(await api.code(t.admin, REMOVAL, { g: foreign, s: t.sku.user })).toBe("NOT_FOUND");
    expect(await api.code(t.admin, REMOVAL, { g: "grp_missing", s: t.sku.user })).toBe("NOT_FOUND");
    expect(await api.code(t.admin, REMOVAL, { g, s: t.sku.tenant })).toBe("LICENSE_NOT_ASSIGNABLE");
    expect(await api.code(reader.token, REMOVAL, { g, s: t.sku.user })).toBe("FORBIDDEN");
    expect((await api.ok(licenses.token, REMOVAL, { g, s: t.sku.user })).previewGroupLicenseRemoval.wouldLoseSeat).toBe(0);
    await api.expectUnchanged(before);
    // The group is still there to be licensed: the rehearsal's rollback left no lock or row behind.
    await api.ok(t.admin, Q.assignGroup, { input: { groupId: g, addLicenses: [{ skuId: t.sku.user }] } });
  });
});
