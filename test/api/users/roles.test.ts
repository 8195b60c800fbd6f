import { engines, TestApi, AnyDoc, Vars } from "../../helpers/harness";
import { newTenant, Q } from "../../helpers/fixtures";
import { directory, GROUP, USER, USERS, NODE, ME, UPDATE_GROUP, CREATE_USER_FULL } from "../../helpers/directory";
import { ids, sorted } from "../../helpers/ids";
import { ROLES, NON_USER_ADMINS, NON_GROUP_ADMINS, roleName, rolesOf } from "../../helpers/roles";
import type { AdminRole } from "../../gql/graphql";

/** Users and groups: the role matrix of DESIGN §6, and sign-in refusals for disabled, deleted and demoted users. */
describe.each(engines())("users and groups: role matrix (%s)", (_engine, url) => {
  let api: TestApi;
  beforeAll(async () => (api = await TestApi.start(url)));
  afterAll(() => api.stop());
  const { group, user, users, unchanged } = directory(() => api);

  describe("role matrix (DESIGN §6)", () => {
    for (const role of NON_USER_ADMINS) {
      it(`createUser, updateUser and deleteUser are FORBIDDEN for ${roleName(role)}`, async () => {
        const t = await newTenant(api);
        const caller = await t.user("caller", rolesOf(role));
        const target = await t.user("target");
        const before = await api.snapshot();
        for (const [q, vars] of [
          [Q.createUser, { input: { userPrincipalName: "new@x.example", displayName: "New" } }],
          [Q.updateUser, { input: { id: target.id, displayName: "Renamed" } }],
          [Q.updateUser, { input: { id: caller.id, roles: ["GLOBAL_ADMIN"] } }],
          [Q.updateUser, { input: { id: target.id, accountEnabled: false } }],
          [Q.deleteUser, { id: target.id }],
        ] as [AnyDoc, Vars][]) {
          const r = await api.exec(caller.token, q, vars);
          expect({ vars, code: r.errors?.[0].extensions?.code }).toEqual({ vars, code: "FORBIDDEN" });
        }
        await unchanged(before);
      });
    }

    it("createUser, updateUser and deleteUser work for a GLOBAL_ADMIN", async () => {
      const t = await newTenant(api);
      const ga = await t.user("ga2", ["GLOBAL_ADMIN"]);
      const made = await api.ok(ga.token, CREATE_USER_FULL, { input: { userPrincipalName: "new@x.example", displayName: "New", roles: ["GROUPS_ADMIN", "GLOBAL_READER"] } });
      const id = made.createUser.id;
      expect(sorted(made.createUser.roles)).toEqual(["GLOBAL_READER", "GROUPS_ADMIN"]);
      const upd = await api.ok(ga.token, Q.updateUser, { input: { id, displayName: "Renamed", roles: ["LICENSE_ADMIN"], accountEnabled: false } });
      expect(upd.updateUser).toEqual({ id, displayName: "Renamed", roles: ["LICENSE_ADMIN"], accountEnabled: false });
      expect(await user(ga.token, id)).toMatchObject({ displayName: "Renamed", roles: ["LICENSE_ADMIN"], accountEnabled: false });
      expect(await api.ok(ga.token, Q.deleteUser, { id })).toEqual({ deleteUser: id });
      expect(await user(ga.token, id)).toBeNull();
    });

    for (const role of ["GLOBAL_ADMIN", "GROUPS_ADMIN"] as AdminRole[]) {
      it(`group create/update/delete and add/removeGroupMembers work for ${role}`, async () => {
        const t = await newTenant(api);
        const caller = await t.user("caller", [role]);
        const u = await t.user("member");
        const child = await t.group("Child");
        const made = await api.ok(caller.token, Q.createGroup, { input: { displayName: "By " + role } });
        const g = made.createSecurityGroup.id;
        expect((await api.ok(caller.token, UPDATE_GROUP, { input: { id: g, description: "d" } })).updateSecurityGroup.description).toBe("d");
        await api.ok(caller.token, Q.addMembers, { input: { groupId: g, userIds: [u.id], groupIds: [child] } });
        const view = await group(caller.token, g);
        expect(ids(view.members.nodes)).toEqual([u.id]);
        expect(ids(view.memberGroups)).toEqual([child]);
        await api.ok(caller.token, Q.removeMembers, { input: { groupId: g, userIds: [u.id], groupIds: [child] } });
        const after = await group(caller.token, g);
        expect(after.members.totalCount).toBe(0);
        expect(after.memberGroups).toEqual([]);
        expect(await api.ok(caller.token, Q.deleteGroup, { id: g })).toEqual({ deleteSecurityGroup: g });
        expect(await api.ok(caller.token, GROUP, { id: g })).toEqual({ securityGroup: null });
      });
    }

    for (const role of NON_GROUP_ADMINS) {
      it(`group create/update/delete and add/removeGroupMembers are FORBIDDEN for ${roleName(role)}`, async () => {
        const t = await newTenant(api);
        const caller = await t.user("caller", rolesOf(role));
        const u = await t.user("member");
        const g = await t.group("G");
        const child = await t.group("Child");
        await t.add(g, [u.id]);
        const before = await api.snapshot();
        for (const [q, vars] of [
          [Q.createGroup, { input: { displayName: "Nope" } }],
          [UPDATE_GROUP, { input: { id: g, displayName: "Renamed" } }],
          [Q.deleteGroup, { id: g }],
          [Q.addMembers, { input: { groupId: g, userIds: [caller.id], groupIds: [child] } }],
          [Q.removeMembers, { input: { groupId: g, userIds: [u.id] } }],
        ] as [AnyDoc, Vars][]) {
          const r = await api.exec(caller.token, q, vars);
          expect({ vars, code: r.errors?.[0].extensions?.code }).toEqual({ vars, code: "FORBIDDEN" });
        }
        await unchanged(before);
      });
    }

    for (const role of ROLES) {
      it(`tenant.users, securityGroup and user(id) of someone else are readable by ${role}`, async () => {
        const t = await newTenant(api);
        const caller = await t.user("caller", [role]);
        const other = await t.user("other");
        const g = await t.group("G");
        await t.add(g, [other.id]);
        const page = await users(caller.token, { first: 10 });
        expect(page.totalCount).toBe(3);
        expect(ids((await group(caller.token, g)).members.nodes)).toEqual([other.id]);
        expect((await user(caller.token, other.id)).id).toBe(other.id);
        expect((await api.ok(caller.token, NODE, { id: g })).node.id).toBe(g);
      });
    }

    it("a user without roles reads `me` but not tenant.users, securityGroup or another user (FORBIDDEN)", async () => {
      const t = await newTenant(api);
      const plain = await t.user("plain");
      const g = await t.group("G");
      await t.add(g, [plain.id]);
      expect((await api.ok(plain.token, ME)).me).toEqual({ id: plain.id, roles: [], accountEnabled: true });
      expect(await api.code(plain.token, USERS)).toBe("FORBIDDEN");
      expect(await api.code(plain.token, GROUP, { id: g })).toBe("FORBIDDEN");
      expect(await api.code(plain.token, USER, { id: t.adminId })).toBe("FORBIDDEN");
      expect(await api.code(plain.token, NODE, { id: g })).toBe("FORBIDDEN");
      expect(await api.code(plain.token, NODE, { id: t.adminId })).toBe("FORBIDDEN");
    });

    it("no token is UNAUTHENTICATED", async () => {
      const t = await newTenant(api);
      const g = await t.group("G");
      const before = await api.snapshot();
      for (const [q, vars] of [
        [ME, {}],
        [USERS, {}],
        [GROUP, { id: g }],
        [USER, { id: t.adminId }],
        [Q.createUser, { input: { userPrincipalName: "anon@x.example", displayName: "Anon" } }],
        [Q.createGroup, { input: { displayName: "Anon" } }],
        [Q.addMembers, { input: { groupId: g, userIds: [t.adminId] } }],
        [Q.deleteUser, { id: t.adminId }],
      ] as [AnyDoc, Vars][]) {
        const r = await api.exec(undefined, q, vars);
        expect({ q, code: r.errors?.[0].extensions?.code }).toEqual({ q, code: "UNAUTHENTICATED" });
      }
      await unchanged(before);
    });

    it("a disabled user's token is UNAUTHENTICATED until the account is enabled again", async () => {
      const t = await newTenant(api);
      const ga = await t.user("ops", ["GROUPS_ADMIN"]);
      expect((await api.ok(ga.token, ME)).me.id).toBe(ga.id);
      await api.ok(t.admin, Q.updateUser, { input: { id: ga.id, accountEnabled: false } });
      expect(await api.code(ga.token, ME)).toBe("UNAUTHENTICATED");
      const before = await api.snapshot();
      expect(await api.code(ga.token, Q.createGroup, { input: { displayName: "While disabled" } })).toBe("UNAUTHENTICATED");
      await unchanged(before);
      // A freshly signed token does not help either.
      expect(await api.code(await api.token({ tid: t.tenantId, oid: ga.id }), ME)).toBe("UNAUTHENTICATED");
      await api.ok(t.admin, Q.updateUser, { input: { id: ga.id, accountEnabled: true } });
      expect((await api.ok(ga.token, ME)).me.id).toBe(ga.id);
    });

    it("a disabled user created with accountEnabled false cannot sign in", async () => {
      const t = await newTenant(api);
      const r = await api.ok(t.admin, CREATE_USER_FULL, { input: { userPrincipalName: "off@x.example", displayName: "Off", accountEnabled: false } });
      expect(r.createUser.accountEnabled).toBe(false);
      expect(await api.code(await api.token({ tid: t.tenantId, oid: r.createUser.id }), ME)).toBe("UNAUTHENTICATED");
    });

    it("a deleted user's token is UNAUTHENTICATED", async () => {
      const t = await newTenant(api);
      const ga = await t.user("ops", ["GROUPS_ADMIN"]);
      await api.ok(t.admin, Q.deleteUser, { id: ga.id });
      expect(await api.code(ga.token, ME)).toBe("UNAUTHENTICATED");
      expect(await api.code(ga.token, Q.createGroup, { input: { displayName: "Ghost" } })).toBe("UNAUTHENTICATED");
    });

    it("roles come from the database on every request: a demotion or promotion takes effect at once", async () => {
      const t = await newTenant(api);
      const ga = await t.user("ops", ["GROUPS_ADMIN"]);
      await api.ok(ga.token, Q.createGroup, { input: { displayName: "Before demotion" } });
      await api.ok(t.admin, Q.updateUser, { input: { id: ga.id, roles: [] } });
      const before = await api.snapshot();
      expect(await api.code(ga.token, Q.createGroup, { input: { displayName: "After demotion" } })).toBe("FORBIDDEN");
      expect(await api.code(ga.token, USERS)).toBe("FORBIDDEN");
      // Roles claimed in the token do not count.
      const claims = await api.token({ tid: t.tenantId, oid: ga.id, roles: ["GLOBAL_ADMIN", "GROUPS_ADMIN"] });
      expect(await api.code(claims, Q.createGroup, { input: { displayName: "Claimed" } })).toBe("FORBIDDEN");
      expect(await api.code(claims, Q.createUser, { input: { userPrincipalName: "c@x.example", displayName: "C" } })).toBe("FORBIDDEN");
      await unchanged(before);
      expect((await api.ok(ga.token, ME)).me.roles).toEqual([]);
      // Promotion is immediate too.
      await api.ok(t.admin, Q.updateUser, { input: { id: ga.id, roles: ["GLOBAL_ADMIN"] } });
      expect((await api.ok(ga.token, Q.createUser, { input: { userPrincipalName: "p@x.example", displayName: "P" } })).createUser.id).toBeTruthy();
    });
  });
});
