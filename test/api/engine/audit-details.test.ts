import { engines, TestApi } from "../../helpers/harness";
import { newTenant, Q } from "../../helpers/fixtures";
import { engineKit, idsUnder } from "../../helpers/engine";

/** The license engine's audit details: the seats granted, revoked and left in COUNT_VIOLATION by a change (A1). */
describe.each(engines())("engine: A1 seat changes in audit details (%s)", (_engine, url) => {
  let api: TestApi;
  beforeAll(async () => (api = await TestApi.start(url)));
  afterAll(() => api.stop());
  const { people, statesOf, removeGroupSku, removeMembers } = engineKit(() => api);

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

});
