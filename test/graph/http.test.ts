import { newTenant, TenantFx } from "../helpers/fixtures";
import { TestApi } from "../helpers/harness";
import { engines, graphClient, graphErrorOf, graphFetch, guid, startGraph } from "./graph-client";

/** MG4, H1, H4 at the Graph door: what arrives before any resource is reached. */
describe.each(engines())("Microsoft Graph: the request itself (MG4, H1, H4) (%s)", (_engine, url) => {
  let api: TestApi;
  let origin: string;
  let t: TenantFx;

  beforeAll(async () => {
    ({ api, origin } = await startGraph(url, { maxBodyBytes: 4096 }));
    t = await newTenant(api, "Contoso");
  });
  afterAll(() => api.stop());

  it("MG4: a missing or bad token is 401 InvalidAuthenticationToken with WWW-Authenticate; the client-request-id comes back", async () => {
    const none = await graphFetch(origin, "GET", "/me");
    expect([none.status, none.body.error.code, none.body.error.innerError.code]).toEqual([401, "InvalidAuthenticationToken", "UNAUTHENTICATED"]);
    expect(none.headers.get("www-authenticate")).toMatch(/^Bearer/);
    const bad = await graphFetch(origin, "GET", "/me", { token: "not-a-token", headers: { "client-request-id": "3f1c0a9e-1111-4222-8333-444455556666" } });
    expect(bad.status).toBe(401);
    expect(bad.body.error.innerError["client-request-id"]).toBe("3f1c0a9e-1111-4222-8333-444455556666");
    expect(bad.headers.get("client-request-id")).toBe("3f1c0a9e-1111-4222-8333-444455556666");
    expect(bad.body.error.innerError["request-id"]).toBe(bad.headers.get("request-id"));
    const e = await graphErrorOf(graphClient(origin, "not-a-token").api("/users").get());
    expect([e.statusCode, e.code]).toEqual([401, "InvalidAuthenticationToken"]);
  });

  it("H1: NUL or a lone surrogate in a path, query or body, a malformed percent-encoding, bad JSON, a wrong type or a large body are 4xx in Graph's shape and change nothing", async () => {
    const u = await t.user("ada");
    const before = await api.snapshot();
    const assign = `/users/${guid(u.id)}/assignLicense`;
    const cases: [string, string, Parameters<typeof graphFetch>[3], number][] = [
      ["GET", "/users/a%00b", {}, 400],
      ["GET", "/users/%ED%A0%80", {}, 400],
      ["GET", "/users/%ZZ", {}, 400],
      ["GET", "/users?$filter=startswith(displayName,'a%00')", {}, 400],
      ["POST", assign, { body: { addLicenses: [{ skuId: "a\u0000", disabledPlans: [] }], removeLicenses: [] } }, 400],
      ["POST", assign, { raw: '{"addLicenses": [', headers: { "content-type": "application/json" } }, 400],
      ["POST", assign, { raw: "addLicenses=x", headers: { "content-type": "application/x-www-form-urlencoded" } }, 415],
      ["POST", assign, { raw: JSON.stringify({ addLicenses: [], removeLicenses: [], pad: "x".repeat(5000) }), headers: { "content-type": "application/json" } }, 413],
    ];
    for (const [method, path, opts, status] of cases) {
      const r = await graphFetch(origin, method, path, { token: t.admin, ...opts });
      expect([method, path, r.status, typeof r.body.error.code, typeof r.body.error.innerError.code]).toEqual([method, path, status, "string", "string"]);
    }
    await api.expectUnchanged(before);
  });

  it("H4: every failed sign-in on /v1.0 pays from the client address's bucket, shared with GraphQL: guessing ends in 429 with Retry-After", async () => {
    const small = { principalPoints: 20, tenantPoints: 0, windowSeconds: 600 };
    const own = await api.sibling({ config: { throttle: small } });
    try {
      const at = await own.listen();
      const statuses: number[] = [];
      for (let i = 0; i < 40 && statuses.at(-1) !== 429; i++) statuses.push((await graphFetch(at, "GET", "/users", { token: "guess" })).status);
      expect(statuses.length).toBe(21);
      const refused = await graphFetch(at, "GET", "/subscribedSkus", { token: "guess" });
      expect([refused.status, refused.body.error.code, innerCodeOf(refused.body)]).toEqual([429, "TooManyRequests", "RATE_LIMITED"]);
      expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
      const graphql = await fetch(`${at}/graphql`, { method: "POST", headers: { "content-type": "application/json", authorization: "Bearer guess" }, body: JSON.stringify({ query: "{ skus { id } }" }) });
      expect(graphql.status).toBe(429);
    } finally {
      await own.stop();
    }
  });
});

const innerCodeOf = (body: any) => body.error.innerError.code;
