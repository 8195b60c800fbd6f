import { engines, TestApi, AnyDoc, Vars } from "../../helpers/harness";
import { newTenant, Q } from "../../helpers/fixtures";
import { directory, GROUP, USER, USERS, NODE, ME, UPDATE_GROUP } from "../../helpers/directory";

/** Users and groups: another tenant's IDs behave like missing ones (DESIGN §6 tenant isolation). */
describe.each(engines())("users and groups: cross-tenant IDs (%s)", (_engine, url) => {
  let api: TestApi;
  beforeAll(async () => (api = await TestApi.start(url)));
  afterAll(() => api.stop());
  const { group, user, unchanged } = directory(() => api);

  describe("cross-tenant IDs", () => {
    it("securityGroup, user and node with another tenant's ID return null, like a missing ID", async () => {
      const a = await newTenant(api);
      const b = await newTenant(api, "Other");
      const bg = await b.group("B group");
      const bu = await b.user("b-user");
      for (const [q, id, field] of [
        [GROUP, bg, "securityGroup"], [USER, bu.id, "user"], [USER, b.adminId, "user"],
        [NODE, bg, "node"], [NODE, bu.id, "node"], [NODE, b.tenantId, "node"],
        [GROUP, "grp_00000000-0000-7000-8000-000000000000", "securityGroup"],
        [USER, "usr_00000000-0000-7000-8000-000000000000", "user"],
      ] as [AnyDoc, string, string][]) {
        const r = await api.exec(a.admin, q, { id });
        expect({ id, r }).toEqual({ id, r: { data: { [field]: null } } });
      }
      // The owner sees them.
      expect((await group(b.admin, bg)).id).toBe(bg);
      expect((await api.ok(b.admin, NODE, { id: bu.id })).node.id).toBe(bu.id);
    });

    it("mutations with another tenant's IDs are NOT_FOUND and the other tenant's rows are unchanged", async () => {
      const a = await newTenant(api);
      const b = await newTenant(api, "Other");
      const ag = await a.group("A group");
      const au = await a.user("a-user");
      const bg = await b.group("B group");
      const bchild = await b.group("B child");
      const bu = await b.user("b-user", ["GROUPS_ADMIN"]);
      await b.add(bg, [bu.id], [bchild]);
      const bGroupBefore = await group(b.admin, bg);
      const bUserBefore = await user(b.admin, bu.id);
      const before = await api.snapshot();

      const attempts: [string, AnyDoc, Vars][] = [
        ["updateSecurityGroup", UPDATE_GROUP, { input: { id: bg, displayName: "Hijacked" } }],
        ["deleteSecurityGroup", Q.deleteGroup, { id: bg }],
        ["updateUser", Q.updateUser, { input: { id: bu.id, displayName: "Hijacked", roles: ["GLOBAL_ADMIN"] } }],
        ["updateUser (disable)", Q.updateUser, { input: { id: b.adminId, accountEnabled: false } }],
        ["deleteUser", Q.deleteUser, { id: bu.id }],
        ["addGroupMembers (their group)", Q.addMembers, { input: { groupId: bg, userIds: [au.id] } }],
        ["addGroupMembers (their user)", Q.addMembers, { input: { groupId: ag, userIds: [au.id, bu.id] } }],
        ["addGroupMembers (their group nested)", Q.addMembers, { input: { groupId: ag, groupIds: [bg] } }],
        ["removeGroupMembers (their group)", Q.removeMembers, { input: { groupId: bg, userIds: [bu.id], groupIds: [bchild] } }],
      ];
      for (const [what, q, vars] of attempts) {
        const r = await api.exec(a.admin, q, vars);
        expect({ what, code: r.errors?.[0].extensions?.code }).toEqual({ what, code: "NOT_FOUND" });
        await unchanged(before);
      }
      expect(await group(b.admin, bg)).toEqual(bGroupBefore);
      expect(await user(b.admin, bu.id)).toEqual(bUserBefore);
      // The other tenant's admin still works normally.
      expect((await api.ok(b.admin, ME)).me.roles).toEqual(["GLOBAL_ADMIN"]);
    });

    it("a token whose oid belongs to another tenant is UNAUTHENTICATED", async () => {
      const a = await newTenant(api);
      const b = await newTenant(api, "Other");
      const mixed = await api.token({ tid: a.tenantId, oid: b.adminId });
      expect(await api.code(mixed, ME)).toBe("UNAUTHENTICATED");
      expect(await api.code(mixed, USERS)).toBe("UNAUTHENTICATED");
    });
  });

  // ---------------------------------------------------------------------------
  // The rules hold when two admins act at the same moment
});
