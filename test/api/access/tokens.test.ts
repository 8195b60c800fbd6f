import { SignJWT } from "jose";
import { engines, TestApi, TEST_SECRET } from "../../helpers/harness";
import { Q } from "../../helpers/fixtures";
import { randomId } from "../../helpers/results";
import { seedSide, Side } from "../../helpers/two-tenants";
import { graphql } from "../../gql";

/** DESIGN §6 sign-in: which tokens are UNAUTHENTICATED (foreign oid, disabled or deleted user, expiry, signature, alg:none, missing tid). */
describe.each(engines())("access: tokens (%s)", (_engine, url) => {
  let api: TestApi;
  let A: Side;
  let B: Side;
  beforeAll(async () => {
    api = await TestApi.start(url);
    A = await seedSide(api, "Alpha");
    B = await seedSide(api, "Beta");
  });
  afterAll(() => api.stop());

  describe("tokens", () => {
    const ME = graphql(`query AccessTokensMe { me { id } }`);
    const key = new TextEncoder().encode(TEST_SECRET);
    const now = () => Math.floor(Date.now() / 1000);
    const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString("base64url");

    it("a valid token works (control)", async () => {
      expect((await api.ok(A.maker.token, ME)).me.id).toBe(A.maker.id);
    });

    it("oid of a user of tenant B with tid A is UNAUTHENTICATED", async () => {
      const token = await api.token({ tid: A.t.tenantId, oid: B.maker.id });
      expect(await api.code(token, ME)).toBe("UNAUTHENTICATED");
      expect(await api.code(await api.token({ tid: A.t.tenantId, oid: B.t.adminId }), Q.createUser, {
        input: { userPrincipalName: "x@y.example", displayName: "X" },
      })).toBe("UNAUTHENTICATED");
    });

    it("a disabled user's token is UNAUTHENTICATED", async () => {
      const u = await A.t.user("soon-disabled", ["GLOBAL_READER"]);
      expect((await api.ok(u.token, ME)).me.id).toBe(u.id);
      await api.ok(A.t.admin, Q.updateUser, { input: { id: u.id, accountEnabled: false } });
      expect(await api.code(u.token, ME)).toBe("UNAUTHENTICATED");
      expect(await api.code(u.token, graphql(`query AccessTokensSkus { skus { id } }`))).toBe("UNAUTHENTICATED");
    });

    it("a deleted user's token is UNAUTHENTICATED", async () => {
      const u = await A.t.user("soon-deleted");
      await api.ok(A.t.admin, Q.deleteUser, { id: u.id });
      expect(await api.code(u.token, ME)).toBe("UNAUTHENTICATED");
    });

    it("an expired token is UNAUTHENTICATED", async () => {
      const token = await new SignJWT({ tid: A.t.tenantId, oid: A.maker.id })
        .setProtectedHeader({ alg: "HS256" })
        .setIssuedAt(now() - 7200)
        .setExpirationTime(now() - 3600)
        .sign(key);
      expect(await api.code(token, ME)).toBe("UNAUTHENTICATED");
    });

    it("a token without exp is UNAUTHENTICATED", async () => {
      const token = await new SignJWT({ tid: A.t.tenantId, oid: A.maker.id }).setProtectedHeader({ alg: "HS256" }).sign(key);
      expect(await api.code(token, ME)).toBe("UNAUTHENTICATED");
    });

    it("a token signed with another secret is UNAUTHENTICATED", async () => {
      const token = await new SignJWT({ tid: A.t.tenantId, oid: A.maker.id })
        .setProtectedHeader({ alg: "HS256" })
        .setExpirationTime(now() + 3600)
        .sign(new TextEncoder().encode("another-secret-that-is-long-enough-for-hs256"));
      expect(await api.code(token, ME)).toBe("UNAUTHENTICATED");
    });

    it("an alg:none token is UNAUTHENTICATED", async () => {
      const payload = { tid: A.t.tenantId, oid: A.t.adminId, exp: now() + 3600 };
      expect(await api.code(`${b64({ alg: "none", typ: "JWT" })}.${b64(payload)}.`, ME)).toBe("UNAUTHENTICATED");
      const op = { roles: ["PlatformOperator"], exp: now() + 3600 };
      expect(await api.code(`${b64({ alg: "none" })}.${b64(op)}.`, Q.createTenant, {
        input: { displayName: "Evil", adminUserPrincipalName: "evil@evil.example", adminDisplayName: "Evil" },
      })).toBe("UNAUTHENTICATED");
    });

    it("a BotRuntime token of a tenant that does not exist is UNAUTHENTICATED", async () => {
      const token = await api.token({ tid: randomId("tnt"), roles: ["BotRuntime"] });
      expect(await api.code(token, Q.record, { input: { botId: A.bot, count: 1 } })).toBe("UNAUTHENTICATED");
    });

    it("a token with an oid but no tid is UNAUTHENTICATED", async () => {
      const token = await api.token({ oid: A.maker.id });
      expect(await api.code(token, ME)).toBe("UNAUTHENTICATED");
    });
  });
});
