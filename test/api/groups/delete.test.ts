import { engines, TestApi } from "../../helpers/harness";
import { newTenant, Q } from "../../helpers/fixtures";
import { directory, GROUP, UPDATE_GROUP } from "../../helpers/directory";

/** G2: deleting groups, and group create/update/delete (DESIGN §5, §7 GROUP_HAS_LICENSES). */
describe.each(engines())("groups: G2 deleting groups (%s)", (_engine, url) => {
  let api: TestApi;
  beforeAll(async () => (api = await TestApi.start(url)));
  afterAll(() => api.stop());
  const { group, user, unchanged } = directory(() => api);

  describe("G2 deleting groups", () => {
    it("G2 a group with licenses assigned cannot be deleted (GROUP_HAS_LICENSES); after removing them it can", async () => {
      const t = await newTenant(api);
      await t.buy(5);
      const parent = await t.group("Parent");
      const g = await t.group("Licensed");
      const u = await t.user("member");
      await t.add(g, [u.id]);
      await t.add(parent, [], [g]);
      await t.assignGroup(g);

      const before = await api.snapshot();
      expect(await api.code(t.admin, Q.deleteGroup, { id: g })).toBe("GROUP_HAS_LICENSES");
      await unchanged(before);
      expect((await group(t.admin, g)).id).toBe(g);

      await api.ok(t.admin, Q.assignGroup, { input: { groupId: g, removeSkuIds: [t.sku.user] } });
      expect(await api.ok(t.admin, Q.deleteGroup, { id: g })).toEqual({ deleteSecurityGroup: g });
      expect(await api.ok(t.admin, GROUP, { id: g })).toEqual({ securityGroup: null });
      expect((await group(t.admin, parent)).memberGroups).toEqual([]);
      expect(await user(t.admin, u.id)).toMatchObject({ memberOf: [], transitiveMemberOf: [] });
      expect(await api.code(t.admin, Q.deleteGroup, { id: g })).toBe("NOT_FOUND");
    });

    it("a group without licenses can be created, updated and deleted", async () => {
      const t = await newTenant(api);
      const created = await api.ok(t.admin, Q.createGroup, { input: { displayName: "  Sales  ", description: "EMEA" } });
      const id = created.createSecurityGroup.id;
      expect(created.createSecurityGroup.displayName.trim()).toBe("Sales");
      const upd = await api.ok(t.admin, UPDATE_GROUP, { input: { id, displayName: "Sales EMEA", description: "Europe" } });
      expect(upd.updateSecurityGroup).toEqual({ id, displayName: "Sales EMEA", description: "Europe" });
      expect(await group(t.admin, id)).toMatchObject({ displayName: "Sales EMEA", description: "Europe" });
      expect(await api.ok(t.admin, Q.deleteGroup, { id })).toEqual({ deleteSecurityGroup: id });
      expect(await api.ok(t.admin, GROUP, { id })).toEqual({ securityGroup: null });
    });
  });

  // ---------------------------------------------------------------------------
});
