import { engines, TestApi } from "../../helpers/harness";
import { newTenant, Q } from "../../helpers/fixtures";
import { directory } from "../../helpers/directory";
import { ids, sorted } from "../../helpers/ids";

/** G1 at full size: 5,000 IDs per call in one transaction (DESIGN §5, §7). */
describe.each(engines())("groups: G1 5,000 IDs per call (%s)", (_engine, url) => {
  let api: TestApi;
  beforeAll(async () => (api = await TestApi.start(url)));
  afterAll(() => api.stop());
  const { group, user, users, unchanged } = directory(() => api);

  // On a database of its own (this file's), so the other tests' snapshots stay small.
  describe("G1 5,000 IDs per call", () => {
    it("G1 up to 5,000 IDs per call in one transaction; 5,001 is BAD_USER_INPUT; one bad ID rejects all 5,000", async () => {
      const t = await newTenant(api);
      const other = await newTenant(api, "Other");
      const foreign = await other.user("foreign");
      const g = await t.group("Everyone");
      const sub = await t.group("Sub");
      const many = await t.bulkUsers(5001, "bulk");
      expect(new Set(many).size).toBe(5001);

      let before = await api.snapshot();
      // 5,001 user IDs, and 5,000 users plus one group: too many.
      expect(await api.code(t.admin, Q.addMembers, { input: { groupId: g, userIds: many } })).toBe("BAD_USER_INPUT");
      expect(await api.code(t.admin, Q.addMembers, { input: { groupId: g, userIds: many.slice(0, 5000), groupIds: [sub] } })).toBe("BAD_USER_INPUT");
      // One foreign ID at the very end (past any internal chunk boundary) rejects the whole call.
      expect(await api.code(t.admin, Q.addMembers, { input: { groupId: g, userIds: [...many.slice(0, 4999), foreign.id] } })).toBe("NOT_FOUND");
      // So does a cycle next to 4,999 valid users.
      expect(await api.code(t.admin, Q.addMembers, { input: { groupId: g, userIds: many.slice(0, 4999), groupIds: [g] } })).toBe("GROUP_CYCLE");
      await unchanged(before);
      expect((await group(t.admin, g)).members.totalCount).toBe(0);

      // Exactly 5,000 (4,999 users + 1 group) is accepted in one call.
      const r = await api.exec(t.admin, Q.addMembers, { input: { groupId: g, userIds: many.slice(0, 4999), groupIds: [sub] } });
      expect(r.errors).toBeUndefined();
      const view = await group(t.admin, g);
      expect(view.members.totalCount).toBe(4999);
      expect(ids(view.memberGroups)).toEqual([sub]);
      expect((await users(t.admin, { first: 1, filter: { memberOfGroupId: g } })).totalCount).toBe(4999);
      expect(ids((await user(t.admin, many[4998])).memberOf)).toEqual([g]);
      expect((await user(t.admin, many[4999])).memberOf).toEqual([]);

      // 5,000 user IDs of which 4,998 are already members: those are a no-op, two are added, nothing is duplicated.
      const r2 = await api.exec(t.admin, Q.addMembers, { input: { groupId: g, userIds: many.slice(1, 5001) } });
      expect(r2.errors).toBeUndefined();
      expect((await group(t.admin, g)).members.totalCount).toBe(5001);
      expect((await group(t.admin, g)).transitiveMembers.totalCount).toBe(5001);

      // The same 5,000 users in the nested group too: reached twice, counted once.
      expect((await api.exec(t.admin, Q.addMembers, { input: { groupId: sub, userIds: many.slice(0, 5000) } })).errors).toBeUndefined();
      expect((await group(t.admin, sub)).members.totalCount).toBe(5000);
      expect((await group(t.admin, g)).transitiveMembers.totalCount).toBe(5001);
      expect(ids((await user(t.admin, many[0])).memberOf)).toEqual(sorted([g, sub]));

      // removeGroupMembers takes 5,000 IDs too; the users stay reachable through the nested group.
      expect((await api.exec(t.admin, Q.removeMembers, { input: { groupId: g, userIds: many.slice(0, 5000) } })).errors).toBeUndefined();
      const afterRemove = await group(t.admin, g);
      expect(afterRemove.members.totalCount).toBe(1);
      expect(ids(afterRemove.members.nodes)).toEqual([many[5000]]);
      expect(afterRemove.transitiveMembers.totalCount).toBe(5001);
      await api.ok(t.admin, Q.removeMembers, { input: { groupId: g, groupIds: [sub] } });
      expect((await group(t.admin, g)).transitiveMembers.totalCount).toBe(1);
    }, 180_000);
  });

  // ---------------------------------------------------------------------------
});
