import { engines, TestApi } from "../helpers/harness";
import { newTenant, Q, userLicense } from "../helpers/fixtures";

describe.each(engines())("bulk changes (%s)", (_engine, url) => {
  let api: TestApi;
  beforeAll(async () => (api = await TestApi.start(url)));
  afterAll(() => api.stop());

  it("S5 deleting a nested group of 6,000 direct members ends their inherited wants and frees every seat", async () => {
    const t = await newTenant(api);
    await t.buy(7000);
    const parent = await t.group("parent");
    const big = await t.group("big");
    const users = await t.bulkUsers(6000, "m");
    await t.add(big, users.slice(0, 5000));
    await t.add(big, users.slice(5000));
    await t.add(parent, [], [big]);
    await t.assignGroup(parent);
    expect(userLicense(await t.licenses())).toMatchObject({ consumedUnits: 6000 });
    await api.ok(t.admin, Q.deleteGroup, { id: big });
    expect(userLicense(await t.licenses())).toMatchObject({ consumedUnits: 0, unassignedDemand: 0 });
    const audit = await api.ok(t.admin, Q.audit, { action: "DELETE_GROUP", targetId: big });
    const seats = JSON.parse(audit.auditEvents.nodes[0].details).seatChanges.POWER_VIRTUAL_AGENTS_USER;
    expect(seats.revoked.count).toBe(6000);
    expect(seats.revoked.userIds).toHaveLength(100);
  });
});
