import type { WriteReport } from "../../../src/app/request/context";
import { engines, TestApi } from "../../helpers/harness";
import { newTenant, Q } from "../../helpers/fixtures";

/**
 * The seat-change unit (src/app/seats/seat-change.ts) reports what each committed write changed, to the commit
 * listeners, after commit and never for a failed write (A1; what live updates, DESIGN §11 E3, build on).
 */
describe.each(engines())("write reports (%s)", (_engine, url) => {
  let api: TestApi;
  const reports: WriteReport[] = [];
  beforeAll(async () => {
    api = await TestApi.start(url);
    api.app.commitListeners.push((r) => reports.push(r));
  });
  afterAll(() => api.stop());
  const last = () => reports[reports.length - 1];

  test("S4 a group assignment reports its members, the pool it moved and its audit event, after commit", async () => {
    const t = await newTenant(api);
    await t.buy(1);
    const [a, b] = [await t.user("a"), await t.user("b")];
    const g = await t.group("Makers");
    await t.add(g, [a.id, b.id]);
    const before = reports.length;
    await t.assignGroup(g);
    expect(reports.length).toBe(before + 1);
    const r = last();
    expect(r.tenantId).toBe(t.tenantId);
    expect([...r.userIds].sort()).toEqual([a.id, b.id].sort());
    expect([...r.skuIds]).toEqual([t.sku.user]);
    expect(r.auditEventIds).toHaveLength(1);
  });

  test("S5 freeing a seat reports the user who left and the one who got the seat", async () => {
    const t = await newTenant(api);
    await t.buy(1);
    const [a, b] = [await t.user("a"), await t.user("b")];
    const g = await t.group("Makers");
    await t.add(g, [a.id, b.id]);
    await t.assignGroup(g);
    const holder = (await t.effective(a.id))!.effectiveLicenses[0].holdsSeat ? a : b;
    const waiting = holder === a ? b : a;
    await api.ok(t.admin, Q.removeMembers, { input: { groupId: g, userIds: [holder.id] } });
    expect([...last().userIds].sort()).toEqual([a.id, b.id].sort());
    expect((await t.effective(waiting.id))!.effectiveLicenses[0].holdsSeat).toBe(true);
  });

  test("P7 a purchase reports the SKUs whose pools it changed", async () => {
    const t = await newTenant(api);
    await t.buy(3);
    expect([...last().skuIds].sort()).toEqual([t.sku.tenant, t.sku.user].sort());
    expect(last().userIds.size).toBe(0);
  });

  test("A1 a failed mutation reports nothing", async () => {
    const t = await newTenant(api);
    const u = await t.user("a");
    const before = reports.length;
    const code = await api.failsUnchanged(t.admin, Q.assignUser, { input: { userId: u.id, addLicenses: [{ skuId: t.sku.user }] } });
    expect(code).toBe("SEATS_EXHAUSTED");
    expect(reports.length).toBe(before);
  });

  test("a listener that throws does not turn a committed write into an error", async () => {
    const t = await newTenant(api);
    api.app.commitListeners.push(() => {
      throw new Error("listener down");
    });
    try {
      const g = await t.group("Still created");
      expect(g).toMatch(/^grp_/);
    } finally {
      api.app.commitListeners.pop();
    }
  });
});
