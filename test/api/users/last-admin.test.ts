import { engines, TestApi, AnyDoc, Vars } from "../../helpers/harness";
import { newTenant, Q } from "../../helpers/fixtures";
import { directory, USER, ME } from "../../helpers/directory";
import { sorted } from "../../helpers/ids";
import { graphql } from "../../gql";

/** U3: a tenant always keeps one enabled GLOBAL_ADMIN (DESIGN §5, §7 LAST_GLOBAL_ADMIN). */
describe.each(engines())("users: U3 last enabled GLOBAL_ADMIN (%s)", (_engine, url) => {
  let api: TestApi;
  beforeAll(async () => (api = await TestApi.start(url)));
  afterAll(() => api.stop());
  const { users, createUser, unchanged } = directory(() => api);

  describe("U3 last enabled GLOBAL_ADMIN", () => {
    it("U3 the only GLOBAL_ADMIN cannot be demoted, disabled or deleted (LAST_GLOBAL_ADMIN, nothing changes)", async () => {
      const t = await newTenant(api);
      const attempts: [string, AnyDoc, Vars][] = [
        ["demote to no roles", Q.updateUser, { input: { id: t.adminId, roles: [] } }],
        ["demote to another role", Q.updateUser, { input: { id: t.adminId, roles: ["GLOBAL_READER", "BILLING_ADMIN"] } }],
        ["disable", Q.updateUser, { input: { id: t.adminId, accountEnabled: false } }],
        ["delete", Q.deleteUser, { id: t.adminId }],
      ];
      for (const [what, query, vars] of attempts) {
        const before = await api.snapshot();
        const r = await api.exec(t.admin, query, vars);
        expect({ what, code: r.errors?.[0].extensions?.code }).toEqual({ what, code: "LAST_GLOBAL_ADMIN" });
        await unchanged(before);
      }
      expect((await api.ok(t.admin, ME)).me).toMatchObject({ id: t.adminId, roles: ["GLOBAL_ADMIN"], accountEnabled: true });
      // Changes that keep them an enabled GLOBAL_ADMIN are fine.
      const ok = await api.ok(t.admin, Q.updateUser, { input: { id: t.adminId, displayName: "Still Admin", roles: ["GLOBAL_ADMIN", "BILLING_ADMIN"] } });
      expect(ok.updateUser).toMatchObject({ displayName: "Still Admin", accountEnabled: true });
      expect(sorted(ok.updateUser.roles)).toEqual(["BILLING_ADMIN", "GLOBAL_ADMIN"]);
    });

    it("U3 a disabled GLOBAL_ADMIN does not count: the only enabled one is still protected", async () => {
      const t = await newTenant(api);
      const r = await createUser(t, { userPrincipalName: `off@${t.tenantId.slice(-6)}.example`, displayName: "Off", roles: ["GLOBAL_ADMIN"], accountEnabled: false });
      expect(r.errors).toBeUndefined();
      const before = await api.snapshot();
      expect(await api.code(t.admin, Q.updateUser, { input: { id: t.adminId, roles: [] } })).toBe("LAST_GLOBAL_ADMIN");
      expect(await api.code(t.admin, Q.updateUser, { input: { id: t.adminId, accountEnabled: false } })).toBe("LAST_GLOBAL_ADMIN");
      expect(await api.code(t.admin, Q.deleteUser, { id: t.adminId })).toBe("LAST_GLOBAL_ADMIN");
      await unchanged(before);
    });

    it("U3 with a second enabled GLOBAL_ADMIN one can be demoted; then the other is the last one", async () => {
      const t = await newTenant(api);
      const second = await t.user("second", ["GLOBAL_ADMIN"]);
      const demoted = await api.ok(second.token, Q.updateUser, { input: { id: t.adminId, roles: ["GLOBAL_READER"] } });
      expect(demoted.updateUser.roles).toEqual(["GLOBAL_READER"]);
      // The demotion takes effect at once for the demoted admin's existing token.
      expect(await api.code(t.admin, Q.createUser, { input: { userPrincipalName: "late@x.example", displayName: "Late" } })).toBe("FORBIDDEN");
      // Now `second` is the last enabled GLOBAL_ADMIN.
      const before = await api.snapshot();
      expect(await api.code(second.token, Q.updateUser, { input: { id: second.id, roles: [] } })).toBe("LAST_GLOBAL_ADMIN");
      expect(await api.code(second.token, Q.updateUser, { input: { id: second.id, accountEnabled: false } })).toBe("LAST_GLOBAL_ADMIN");
      expect(await api.code(second.token, Q.deleteUser, { id: second.id })).toBe("LAST_GLOBAL_ADMIN");
      await unchanged(before);
    });

    it("U3 with a second enabled GLOBAL_ADMIN one can be disabled, and one can be deleted", async () => {
      const t = await newTenant(api);
      const second = await t.user("second", ["GLOBAL_ADMIN"]);
      const third = await t.user("third", ["GLOBAL_ADMIN"]);
      const off = await api.ok(t.admin, Q.updateUser, { input: { id: second.id, accountEnabled: false } });
      expect(off.updateUser.accountEnabled).toBe(false);
      expect(await api.ok(t.admin, Q.deleteUser, { id: third.id })).toEqual({ deleteUser: third.id });
      expect((await api.ok(t.admin, USER, { id: third.id })).user).toBeNull();
      // Only t.admin is left enabled; disabled `second` does not count.
      expect(await api.code(t.admin, Q.deleteUser, { id: t.adminId })).toBe("LAST_GLOBAL_ADMIN");
      // Re-enabling `second` makes deleting the first admin possible (by `second`).
      await api.ok(t.admin, Q.updateUser, { input: { id: second.id, accountEnabled: true } });
      expect(await api.ok(second.token, Q.deleteUser, { id: t.adminId })).toEqual({ deleteUser: t.adminId });
      expect(await api.code(t.admin, ME)).toBe("UNAUTHENTICATED");
    });
  });

  // ---------------------------------------------------------------------------

  describe("concurrent requests", () => {
    it("U3 two GLOBAL_ADMINs disabling each other at once: exactly one succeeds, one enabled GLOBAL_ADMIN remains", async () => {
      const t = await newTenant(api);
      const second = await t.user("second", ["GLOBAL_ADMIN"]);
      const [r1, r2] = await Promise.all([
        api.exec(t.admin, Q.updateUser, { input: { id: second.id, accountEnabled: false } }),
        api.exec(second.token, Q.updateUser, { input: { id: t.adminId, accountEnabled: false } }),
      ]);
      const codes = [r1, r2].map((r) => r.errors?.[0].extensions?.code ?? "OK");
      // The loser is refused: by U3, or, when it signs in after the winner's commit, as a disabled user (§6).
      expect(codes.filter((c) => c === "OK").length).toBe(1);
      expect(["LAST_GLOBAL_ADMIN", "UNAUTHENTICATED"]).toContain(codes.find((c) => c !== "OK"));
      const admins = (await api.ok(r1.errors ? second.token : t.admin, graphql(`query UsersLastAdminTenant { tenant { users(first: 10) { nodes { roles accountEnabled } } } }`))).tenant.users.nodes;
      expect(admins.filter((u) => u.accountEnabled && u.roles.includes("GLOBAL_ADMIN")).length).toBe(1);
    });
  });
});
