import { engines, TestApi, AnyDoc, Vars } from "../../helpers/harness";
import { newTenant, Q } from "../../helpers/fixtures";
import { directory, UPDATE_GROUP } from "../../helpers/directory";
import { graphql } from "../../gql";

/** Users and groups: bad input is refused with its documented code and changes nothing (DESIGN §7). */
describe.each(engines())("users and groups: bad input (%s)", (_engine, url) => {
  let api: TestApi;
  beforeAll(async () => (api = await TestApi.start(url)));
  afterAll(() => api.stop());
  const { group, user, createUser, unchanged } = directory(() => api);

  describe("bad input is refused with its documented code and changes nothing", () => {
    it("missing required fields are GraphQL validation errors with an extensions.code", async () => {
      const t = await newTenant(api);
      const g = await t.group("G");
      const before = await api.snapshot();
      for (const q of [
        `mutation { createUser(input: { displayName: "No UPN" }) { id } }`,
        `mutation { createUser(input: { userPrincipalName: "x@y.example" }) { id } }`,
        `mutation { createSecurityGroup(input: { description: "no name" }) { id } }`,
        `mutation { addGroupMembers(input: { userIds: [] }) { id } }`,
        `mutation { updateUser(input: { displayName: "no id" }) { id } }`,
        `mutation { deleteUser }`,
        `mutation { deleteSecurityGroup }`,
        `mutation { createSecurityGroup { id } }`,
      ]) {
        const r = await api.exec(t.admin, q);
        expect({ q, code: r.errors?.[0].extensions?.code }).toEqual({ q, code: "GRAPHQL_VALIDATION_FAILED" });
        expect(r.data).toBeUndefined();
      }
      // The same through variables: rejected before any resolver runs.
      for (const [q, vars] of [
        [Q.createUser, { input: { displayName: "No UPN" } }],
        [Q.createGroup, { input: {} }],
        [Q.addMembers, { input: { groupId: null, userIds: [t.adminId] } }],
        [Q.addMembers, { input: { groupId: g, userIds: [null] } }],
        [Q.deleteUser, {}],
      ] as [AnyDoc, Vars][]) {
        const r = await api.exec(t.admin, q, vars);
        const code = r.errors?.[0].extensions?.code;
        expect({ vars, ok: code === "BAD_USER_INPUT" || code === "GRAPHQL_VALIDATION_FAILED" }).toEqual({ vars, ok: true });
      }
      await unchanged(before);
    });

    it("an empty or blank displayName is BAD_USER_INPUT", async () => {
      const t = await newTenant(api);
      const g = await t.group("G");
      const u = await t.user("u");
      const before = await api.snapshot();
      const attempts: [AnyDoc, Vars][] = [
        [Q.createUser, { input: { userPrincipalName: "empty@x.example", displayName: "" } }],
        [Q.createUser, { input: { userPrincipalName: "blank@x.example", displayName: "   " } }],
        [Q.createGroup, { input: { displayName: "" } }],
        [Q.createGroup, { input: { displayName: " \t " } }],
        [Q.updateUser, { input: { id: u.id, displayName: "" } }],
        [UPDATE_GROUP, { input: { id: g, displayName: "  " } }],
      ];
      for (const [q, vars] of attempts) {
        const r = await api.exec(t.admin, q, vars);
        expect({ vars, code: r.errors?.[0].extensions?.code }).toEqual({ vars, code: "BAD_USER_INPUT" });
        await unchanged(before);
      }
      expect((await group(t.admin, g)).displayName).toBe("G");
      expect((await user(t.admin, u.id)).displayName).toBe("u");
    });

    it("a malformed UPN, another tenant's group, a cycle and a duplicate UPN each get their code and change nothing", async () => {
      const t = await newTenant(api);
      const other = await newTenant(api, "Other");
      const og = await other.group("Theirs");
      const a = await t.group("A");
      const b = await t.group("B");
      const u = await t.user("u");
      await t.add(a, [], [b]);
      const cases: [string, AnyDoc, Vars, string][] = [
        ["malformed UPN", Q.createUser, { input: { userPrincipalName: "jane.doe", displayName: "Jane" } }, "BAD_USER_INPUT"],
        ["UPN with two @", Q.createUser, { input: { userPrincipalName: "jane@doe@x.example", displayName: "Jane" } }, "BAD_USER_INPUT"],
        ["another tenant's group as target", Q.addMembers, { input: { groupId: og, userIds: [u.id] } }, "NOT_FOUND"],
        ["another tenant's group nested", Q.addMembers, { input: { groupId: a, userIds: [u.id], groupIds: [og] } }, "NOT_FOUND"],
        ["another tenant's group deleted", Q.deleteGroup, { id: og }, "NOT_FOUND"],
        ["a cycle", Q.addMembers, { input: { groupId: b, userIds: [u.id], groupIds: [a] } }, "GROUP_CYCLE"],
      ];
      for (const [what, q, vars, code] of cases) {
        const before = await api.snapshot();
        const r = await api.exec(t.admin, q, vars);
        expect({ what, code: r.errors?.[0].extensions?.code }).toEqual({ what, code });
        await unchanged(before);
      }
      // Duplicate UPN (differently cased) of an existing user.
      const upn: string = (await api.ok(t.admin, graphql(`query UsersBadInputMe { me { userPrincipalName } }`))).me.userPrincipalName;
      const before = await api.snapshot();
      expect(await api.code(t.admin, Q.createUser, { input: { userPrincipalName: upn.toUpperCase(), displayName: "Copy" } })).toBe("CONFLICT");
      await unchanged(before);
    });
  });

  // ---------------------------------------------------------------------------
  // §6 role matrix
});
