import { engines, TestApi } from "../../helpers/harness";
import { newTenant } from "../../helpers/fixtures";
import { directory } from "../../helpers/directory";

/** U1: the userPrincipalName is well-formed and unique per tenant, case-insensitively (DESIGN §5, §7). */
describe.each(engines())("users: U1 userPrincipalName (%s)", (_engine, url) => {
  let api: TestApi;
  beforeAll(async () => (api = await TestApi.start(url)));
  afterAll(() => api.stop());
  const { users, createUser, unchanged } = directory(() => api);

  describe("U1 userPrincipalName", () => {
    it.each(["nope", "a@", "@b.com", "a b@c.com"])("U1 a malformed userPrincipalName %p is BAD_USER_INPUT and creates nothing", async (upn) => {
      const t = await newTenant(api);
      const before = await api.snapshot();
      const r = await createUser(t, { userPrincipalName: upn, displayName: "Malformed" });
      expect(r.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
      expect(r.data?.createUser ?? null).toBeNull();
      await unchanged(before);
    });

    it("U1 a well-formed userPrincipalName is accepted and returned as given", async () => {
      const t = await newTenant(api);
      const r = await createUser(t, { userPrincipalName: "Jo.Smith+bots@sub.contoso.example", displayName: "Jo" });
      expect(r.errors).toBeUndefined();
      expect(r.data!.createUser).toMatchObject({ userPrincipalName: "Jo.Smith+bots@sub.contoso.example", roles: [], accountEnabled: true });
    });

    it("U1 userPrincipalName is unique per tenant, case-insensitively (CONFLICT, nothing created)", async () => {
      const t = await newTenant(api);
      const first = await createUser(t, { userPrincipalName: "ann@x.example", displayName: "Ann" });
      expect(first.errors).toBeUndefined();
      for (const dup of ["Ann@x.example", "ann@X.EXAMPLE", "ANN@X.EXAMPLE", "ann@x.example"]) {
        const before = await api.snapshot();
        const r = await createUser(t, { userPrincipalName: dup, displayName: "Ann again" });
        expect(r.errors?.[0].extensions?.code).toBe("CONFLICT");
        await unchanged(before);
      }
      const page = await users(t.admin, { filter: { search: "ann@x.example" } });
      expect(page.totalCount).toBe(1);
      expect(page.nodes[0].id).toBe(first.data!.createUser.id);
    });

    it("U1 the same userPrincipalName in two different tenants is fine", async () => {
      const a = await newTenant(api, "Contoso");
      const b = await newTenant(api, "Northwind");
      const ra = await createUser(a, { userPrincipalName: "shared@x.example", displayName: "In A" });
      const rb = await createUser(b, { userPrincipalName: "Shared@X.example", displayName: "In B" });
      expect(ra.errors).toBeUndefined();
      expect(rb.errors).toBeUndefined();
      expect(ra.data!.createUser.id).not.toBe(rb.data!.createUser.id);
      expect((await users(a.admin, { filter: { search: "shared@" } })).nodes.map((n) => n.displayName)).toEqual(["In A"]);
      expect((await users(b.admin, { filter: { search: "shared@" } })).nodes.map((n) => n.displayName)).toEqual(["In B"]);
    });
  });

  // ---------------------------------------------------------------------------

  describe("concurrent requests", () => {
    it("U1 the same userPrincipalName created twice at once: one user, the other is CONFLICT", async () => {
      const t = await newTenant(api);
      const results = await Promise.all([
        createUser(t, { userPrincipalName: "race@x.example", displayName: "One" }),
        createUser(t, { userPrincipalName: "RACE@x.example", displayName: "Two" }),
      ]);
      expect(results.map((r) => r.errors?.[0].extensions?.code ?? "OK").sort()).toEqual(["CONFLICT", "OK"]);
      expect((await users(t.admin, { filter: { search: "race@x" } })).totalCount).toBe(1);
    });
  });
});
