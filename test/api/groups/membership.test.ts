import { engines, TestApi } from "../../helpers/harness";
import { newTenant, Q } from "../../helpers/fixtures";
import { directory } from "../../helpers/directory";
import { ids, sorted } from "../../helpers/ids";

/** G1: adding and removing group members, nesting, transitive views and cycles (DESIGN §5, §7 GROUP_CYCLE). */
describe.each(engines())("groups: G1 membership (%s)", (_engine, url) => {
  let api: TestApi;
  beforeAll(async () => (api = await TestApi.start(url)));
  afterAll(() => api.stop());
  const { group, user, users, unchanged } = directory(() => api);

  describe("G1 addGroupMembers", () => {
    it("G1 adds users and nests groups; views show members, memberGroups, memberOf and transitive members", async () => {
      const t = await newTenant(api);
      const a = await t.group("A");
      const b = await t.group("B");
      const [u1, u2, u3] = [await t.user("u1"), await t.user("u2"), await t.user("u3")];
      const r = await api.ok(t.admin, Q.addMembers, { input: { groupId: a, userIds: [u1.id, u2.id], groupIds: [b] } });
      expect(r.addGroupMembers.id).toBe(a);
      await t.add(b, [u3.id]);

      const ga = await group(t.admin, a);
      expect(ids(ga.members.nodes)).toEqual(sorted([u1.id, u2.id]));
      expect(ga.members.totalCount).toBe(2);
      expect(ids(ga.memberGroups)).toEqual([b]);
      expect(ga.memberOf).toEqual([]);
      expect(ids(ga.transitiveMembers.nodes)).toEqual(sorted([u1.id, u2.id, u3.id]));
      expect(ga.transitiveMembers.totalCount).toBe(3);

      const gb = await group(t.admin, b);
      expect(ids(gb.members.nodes)).toEqual([u3.id]);
      expect(gb.memberGroups).toEqual([]);
      expect(ids(gb.memberOf)).toEqual([a]);
      expect(ids(gb.transitiveMembers.nodes)).toEqual([u3.id]);

      const v1 = await user(t.admin, u1.id);
      expect(ids(v1.memberOf)).toEqual([a]);
      expect(ids(v1.transitiveMemberOf)).toEqual([a]);
      const v3 = await user(t.admin, u3.id);
      expect(ids(v3.memberOf)).toEqual([b]);
      expect(ids(v3.transitiveMemberOf)).toEqual(sorted([a, b]));
    });

    it("G1 transitive views reach any depth and count a user reached by two paths once", async () => {
      const t = await newTenant(api);
      const [a, b, c, d] = [await t.group("A"), await t.group("B"), await t.group("C"), await t.group("D")];
      const deep = await t.user("deep");
      const mid = await t.user("mid");
      await t.add(a, [], [b]);
      await t.add(b, [], [c]);
      await t.add(c, [mid.id], [d]);
      await t.add(d, [deep.id]);
      await t.add(a, [deep.id]); // second, shorter path to `deep`

      const ga = await group(t.admin, a);
      expect(ids(ga.transitiveMembers.nodes)).toEqual(sorted([deep.id, mid.id]));
      expect(ga.transitiveMembers.totalCount).toBe(2);
      expect(ids(ga.members.nodes)).toEqual([deep.id]);
      expect(ids((await group(t.admin, b)).transitiveMembers.nodes)).toEqual(sorted([deep.id, mid.id]));
      expect(ids((await group(t.admin, d)).memberOf)).toEqual([c]);
      expect(ids((await group(t.admin, c)).memberGroups)).toEqual([d]);

      const vd = await user(t.admin, deep.id);
      expect(ids(vd.memberOf)).toEqual(sorted([a, d]));
      expect(ids(vd.transitiveMemberOf)).toEqual(sorted([a, b, c, d]));
      const vm = await user(t.admin, mid.id);
      expect(ids(vm.memberOf)).toEqual([c]);
      expect(ids(vm.transitiveMemberOf)).toEqual(sorted([a, b, c]));
      // A user in no group.
      expect(await user(t.admin, t.adminId)).toMatchObject({ memberOf: [], transitiveMemberOf: [] });
    });

    it("G1 adding an existing member (user or group) is a no-op: no error, no duplicate", async () => {
      const t = await newTenant(api);
      const a = await t.group("A");
      const b = await t.group("B");
      const u = await t.user("u");
      const v = await t.user("v");
      await t.add(a, [u.id], [b]);
      const again = await api.exec(t.admin, Q.addMembers, { input: { groupId: a, userIds: [u.id, u.id, v.id], groupIds: [b, b] } });
      expect(again.errors).toBeUndefined();
      expect(again.data!.addGroupMembers.id).toBe(a);
      await t.add(a, [u.id], [b]);
      const ga = await group(t.admin, a);
      expect(ga.members.totalCount).toBe(2);
      expect(ga.members.nodes.map((n) => n.id).sort()).toEqual(sorted([u.id, v.id]));
      expect(ga.memberGroups.map((g) => g.id)).toEqual([b]);
      expect((await user(t.admin, u.id)).memberOf.map((g) => g.id)).toEqual([a]);
      expect((await group(t.admin, b)).memberOf.map((g) => g.id)).toEqual([a]);
      expect((await users(t.admin, { filter: { memberOfGroupId: a } })).totalCount).toBe(2);
    });

    it("G1 a group inside itself is GROUP_CYCLE and nothing changes", async () => {
      const t = await newTenant(api);
      const a = await t.group("A");
      const u = await t.user("u");
      const before = await api.snapshot();
      expect(await api.code(t.admin, Q.addMembers, { input: { groupId: a, userIds: [u.id], groupIds: [a] } })).toBe("GROUP_CYCLE");
      await unchanged(before);
      const ga = await group(t.admin, a);
      expect(ga.members.totalCount).toBe(0);
      expect(ga.memberGroups).toEqual([]);
    });

    it("G1 A inside B, then B inside A is GROUP_CYCLE and nothing changes", async () => {
      const t = await newTenant(api);
      const a = await t.group("A");
      const b = await t.group("B");
      const u = await t.user("u");
      await t.add(b, [], [a]); // A ⊂ B
      const before = await api.snapshot();
      expect(await api.code(t.admin, Q.addMembers, { input: { groupId: a, userIds: [u.id], groupIds: [b] } })).toBe("GROUP_CYCLE");
      await unchanged(before);
      expect(ids((await group(t.admin, a)).memberGroups)).toEqual([]);
      expect(ids((await group(t.admin, a)).memberOf)).toEqual([b]);
      expect((await user(t.admin, u.id)).memberOf).toEqual([]);
    });

    it("G1 a 4-level cycle (A⊃B⊃C⊃D, then D⊃A) is GROUP_CYCLE and nothing changes", async () => {
      const t = await newTenant(api);
      const [a, b, c, d] = [await t.group("A"), await t.group("B"), await t.group("C"), await t.group("D")];
      const e = await t.group("E");
      await t.add(a, [], [b]);
      await t.add(b, [], [c]);
      await t.add(c, [], [d]);
      const before = await api.snapshot();
      // The cycle comes with a harmless nesting in the same call: the whole call is refused.
      expect(await api.code(t.admin, Q.addMembers, { input: { groupId: d, groupIds: [e, a] } })).toBe("GROUP_CYCLE");
      expect(await api.code(t.admin, Q.addMembers, { input: { groupId: c, groupIds: [a] } })).toBe("GROUP_CYCLE");
      expect(await api.code(t.admin, Q.addMembers, { input: { groupId: b, groupIds: [a] } })).toBe("GROUP_CYCLE");
      await unchanged(before);
      expect((await group(t.admin, d)).memberGroups).toEqual([]);
      expect((await group(t.admin, a)).memberOf).toEqual([]);
      // Not a cycle: a second path down the same chain (A⊃D) is fine.
      await t.add(a, [], [d]);
      expect(ids((await group(t.admin, d)).memberOf)).toEqual(sorted([a, c]));
    });

    it("G1 K8 GROUP_CYCLE names the loop: the group, the one being nested, and the chain back down to the group", async () => {
      const t = await newTenant(api);
      const [a, b, c] = [await t.group("Sales"), await t.group("Sales EMEA"), await t.group("Sales Paris")];
      await t.add(a, [], [b]);
      await t.add(b, [], [c]);
      const cycle = async (groupId: string, child: string) => {
        const r = await api.exec(t.admin, Q.addMembers, { input: { groupId, groupIds: [child] } });
        expect(r.errors?.[0].extensions?.code).toBe("GROUP_CYCLE");
        return (r.errors![0].extensions!.cycle as { displayName: string }[]).map((g) => g.displayName);
      };
      expect(await cycle(c, a)).toEqual(["Sales Paris", "Sales", "Sales EMEA", "Sales Paris"]);
      expect(await cycle(b, b)).toEqual(["Sales EMEA", "Sales EMEA"]);
    });

    it("G1 IDs from another tenant (user or group) reject the whole call with NOT_FOUND and nothing changes", async () => {
      const t = await newTenant(api);
      const other = await newTenant(api, "Other");
      const g = await t.group("Mine");
      const child = await t.group("Child");
      const own1 = await t.user("own1");
      const own2 = await t.user("own2");
      const foreignUser = await other.user("foreign");
      const foreignGroup = await other.group("Foreign");
      const before = await api.snapshot();
      const calls = [
        { groupId: g, userIds: [own1.id, foreignUser.id, own2.id], groupIds: [child] },
        { groupId: g, userIds: [own1.id, own2.id], groupIds: [child, foreignGroup] },
        { groupId: g, userIds: [own1.id], groupIds: [] as string[], extraUsers: [other.adminId] },
        { groupId: foreignGroup, userIds: [own1.id], groupIds: [child] },
        { groupId: foreignGroup, userIds: [foreignUser.id], groupIds: [] as string[] },
      ];
      for (const { extraUsers, ...input } of calls) {
        const r = await api.exec(t.admin, Q.addMembers, { input: { ...input, userIds: [...input.userIds, ...(extraUsers ?? [])] } });
        expect({ input, code: r.errors?.[0].extensions?.code }).toEqual({ input, code: "NOT_FOUND" });
        await unchanged(before);
      }
      expect(await api.code(t.admin, Q.removeMembers, { input: { groupId: foreignGroup, userIds: [foreignUser.id] } })).toBe("NOT_FOUND");
      await t.add(g, [own1.id]);
      const withMember = await api.snapshot();
      expect(await api.code(t.admin, Q.removeMembers, { input: { groupId: g, userIds: [own1.id, foreignUser.id] } })).toBe("NOT_FOUND");
      expect(await api.code(t.admin, Q.removeMembers, { input: { groupId: g, userIds: [own1.id], groupIds: [foreignGroup] } })).toBe("NOT_FOUND");
      await unchanged(withMember);
      // A well-formed but non-existent ID behaves the same.
      expect(await api.code(t.admin, Q.addMembers, { input: { groupId: g, userIds: [own2.id, "usr_00000000-0000-7000-8000-000000000000"] } })).toBe("NOT_FOUND");
      await unchanged(withMember);
      const mine = await group(t.admin, g);
      expect(ids(mine.members.nodes)).toEqual([own1.id]);
      expect(mine.memberGroups).toEqual([]);
    });

  });

  describe("removeGroupMembers", () => {
    it("removes users and un-nests groups; views follow", async () => {
      const t = await newTenant(api);
      const a = await t.group("A");
      const b = await t.group("B");
      const [u1, u2, u3] = [await t.user("u1"), await t.user("u2"), await t.user("u3")];
      await t.add(a, [u1.id, u2.id], [b]);
      await t.add(b, [u3.id]);

      const r = await api.ok(t.admin, Q.removeMembers, { input: { groupId: a, userIds: [u1.id], groupIds: [b] } });
      expect(r.removeGroupMembers.id).toBe(a);
      const ga = await group(t.admin, a);
      expect(ids(ga.members.nodes)).toEqual([u2.id]);
      expect(ga.memberGroups).toEqual([]);
      expect(ids(ga.transitiveMembers.nodes)).toEqual([u2.id]);
      const gb = await group(t.admin, b);
      expect(gb.memberOf).toEqual([]);
      expect(ids(gb.members.nodes)).toEqual([u3.id]);
      expect(await user(t.admin, u1.id)).toMatchObject({ memberOf: [], transitiveMemberOf: [] });
      expect(ids((await user(t.admin, u3.id)).transitiveMemberOf)).toEqual([b]);
      // Both still exist and can be nested the other way round now.
      await t.add(b, [], [a]);
      expect(ids((await group(t.admin, a)).memberOf)).toEqual([b]);
    });
  });

  // ---------------------------------------------------------------------------
  // G2 and group CRUD

  describe("concurrent requests", () => {
    it("G1 A into B and B into A at once: exactly one succeeds, the other is GROUP_CYCLE", async () => {
      const t = await newTenant(api);
      const a = await t.group("A");
      const b = await t.group("B");
      const results = await Promise.all([
        api.exec(t.admin, Q.addMembers, { input: { groupId: a, groupIds: [b] } }),
        api.exec(t.admin, Q.addMembers, { input: { groupId: b, groupIds: [a] } }),
      ]);
      expect(results.map((r) => r.errors?.[0].extensions?.code ?? "OK").sort()).toEqual(["GROUP_CYCLE", "OK"]);
      const ga = await group(t.admin, a);
      const gb = await group(t.admin, b);
      expect(ga.memberGroups.length + gb.memberGroups.length).toBe(1);
    });
  });
});
