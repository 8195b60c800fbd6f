import { engines, scimWorld, startScim, CREATE_TOKEN } from "./scim-client";
import { TestApi } from "../helpers/harness";
import { graphql } from "../gql";

/** D1: provisioning tokens, and which bearer each endpoint accepts. */
const TOKENS = graphql(`query TokensDoc1 { tenant { provisioningTokens { id description hint createdAt expiresAt lastUsedAt } } }`);
const REVOKE = graphql(`mutation TokensDoc2($id: ID!) { revokeProvisioningToken(id: $id) }`);

describe.each(engines())("provisioning tokens (%s)", (_engine, url) => {
  let api: TestApi;
  let http: string;
  beforeAll(async () => ({ api, http } = await startScim(url)));
  afterAll(() => api.stop());

  it("D1 createProvisioningToken shows the secret once with the SCIM base URL; only a hash is stored", async () => {
    const w = await scimWorld(api, http, "TokenStore");
    const r = await api.ok(w.t.admin, CREATE_TOKEN, { input: { description: "Okta", expiresInDays: 30 } });
    const { token, scimBaseUrl, provisioningToken: p } = r.createProvisioningToken;
    expect(scimBaseUrl).toMatch(/\/scim\/v2$/);
    const secret = token.split(".")[1];
    expect(p.hint).toBe(secret.slice(-4));
    expect(new Date(p.expiresAt).getTime() - new Date(p.createdAt).getTime()).toBe(30 * 86_400_000);
    const rows = JSON.stringify(await api.ds.query(`SELECT * FROM provisioning_token`));
    expect(rows).not.toContain(secret);
    const listed = (await api.ok(w.t.admin, TOKENS)).tenant.provisioningTokens;
    expect(listed.map((x: any) => x.id).sort()).toEqual([w.tokenId, p.id].sort());
    expect(JSON.stringify(listed)).not.toContain(secret);
    expect((await w.scim("GET", "/Users", undefined, { token })).status).toBe(200);
  });

  it("D1 expiresInDays is 1 to 730 (BAD_USER_INPUT otherwise, nothing stored); null never expires", async () => {
    const w = await scimWorld(api, http, "TokenDays");
    for (const d of [0, 731, -1]) {
      expect(await api.failsUnchanged(w.t.admin, CREATE_TOKEN, { input: { description: "x", expiresInDays: d } })).toBe("BAD_USER_INPUT");
    }
    expect(await api.failsUnchanged(w.t.admin, CREATE_TOKEN, { input: { description: " ", expiresInDays: 5 } })).toBe("BAD_USER_INPUT");
    const r = await api.ok(w.t.admin, CREATE_TOKEN, { input: { description: "forever", expiresInDays: null } });
    expect(r.createProvisioningToken.provisioningToken.expiresAt).toBeNull();
  });

  it("D1 missing, malformed, unknown, wrong-secret, revoked and expired tokens are 401 SCIM errors", async () => {
    const w = await scimWorld(api, http, "Token401");
    const [id, secret] = w.token.split(".");
    const other = secret.slice(0, -1) + (secret.endsWith("A") ? "B" : "A");
    const cases: [string, string | null][] = [
      ["missing", null], ["malformed", "not-a-token"], ["unknown ID", `ptk_00000000-0000-7000-8000-000000000000.${secret}`], ["wrong secret", `${id}.${other}`],
    ];
    for (const [, token] of cases) {
      const r = await w.scim("GET", "/Users", undefined, { token });
      expect(r.status).toBe(401);
      expect(r.body).toMatchObject({ schemas: ["urn:ietf:params:scim:api:messages:2.0:Error"], status: "401" });
    }
    const short = (await api.ok(w.t.admin, CREATE_TOKEN, { input: { description: "short", expiresInDays: 1 } })).createProvisioningToken.token;
    expect((await w.scim("GET", "/Users", undefined, { token: short })).status).toBe(200);
    api.clock.advanceMs(86_400_000);
    expect((await w.scim("GET", "/Users", undefined, { token: short })).status).toBe(401);
    expect((await w.scim("GET", "/Users")).status).toBe(200);
    await api.ok(w.t.admin, REVOKE, { id: w.tokenId });
    expect((await w.scim("GET", "/Users")).status).toBe(401);
    expect((await api.ok(w.t.admin, TOKENS)).tenant.provisioningTokens.map((x: any) => x.id)).not.toContain(w.tokenId);
    expect(await api.failsUnchanged(w.t.admin, REVOKE, { id: w.tokenId })).toBe("NOT_FOUND");
  });

  it("D1 a user JWT is refused at /scim, and a provisioning token at /graphql", async () => {
    const w = await scimWorld(api, http, "TokenCross");
    expect((await w.scim("GET", "/Users", undefined, { token: w.t.admin })).status).toBe(401);
    const res = await fetch(`${http}/graphql`, {
      method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${w.token}` }, body: JSON.stringify({ query: "{ me { id } }" }),
    });
    const body = (await res.json()) as { errors: { extensions: { code: string } }[] };
    expect(body.errors[0].extensions.code).toBe("UNAUTHENTICATED");
  });

  it("D1 lastUsedAt is kept, written at most once a minute", async () => {
    const w = await scimWorld(api, http, "TokenUsed");
    const used = async () => (await api.ok(w.t.admin, TOKENS)).tenant.provisioningTokens.find((x) => x.id === w.tokenId)!.lastUsedAt;
    expect(await used()).toBeNull();
    await w.scim("GET", "/Users");
    const first = await used();
    expect(first).toBe(api.clock.now().toISOString());
    api.clock.advanceMs(30_000);
    await w.scim("GET", "/Users");
    expect(await used()).toBe(first);
    api.clock.advanceMs(31_000);
    await w.scim("GET", "/Users");
    expect(await used()).toBe(api.clock.now().toISOString());
  });

  it("D1 the token names the tenant: another tenant's IDs answer 404 exactly like missing ones", async () => {
    const a = await scimWorld(api, http, "IsoA");
    const b = await scimWorld(api, http, "IsoB");
    const bu = await b.scim("POST", "/Users", { schemas: ["urn:ietf:params:scim:schemas:core:2.0:User"], userName: "b@isob.example" });
    const bg = await b.scim("POST", "/Groups", { schemas: ["urn:ietf:params:scim:schemas:core:2.0:Group"], displayName: "B" });
    const missingU = bu.body.id.slice(0, -4) + "0000";
    const missingG = bg.body.id.slice(0, -4) + "0000";
    const norm = (r: any, id: string) => JSON.stringify(r).split(id).join("<ID>");
    const before = await api.snapshot();
    for (const [path, missing, id] of [["/Users/", missingU, bu.body.id], ["/Groups/", missingG, bg.body.id]]) {
      for (const method of ["GET", "DELETE"]) {
        expect(norm(await a.scim(method, path + id), id)).toBe(norm(await a.scim(method, path + missing), missing));
      }
      const patch = { schemas: ["urn:ietf:params:scim:api:messages:2.0:PatchOp"], Operations: [{ op: "replace", path: "displayName", value: "X" }] };
      expect(norm(await a.scim("PATCH", path + id, patch), id)).toBe(norm(await a.scim("PATCH", path + missing, patch), missing));
      expect((await a.scim("PATCH", path + id, patch)).status).toBe(404);
    }
    expect((await a.scim("GET", `/Users?filter=${encodeURIComponent(`id eq "${bu.body.id}"`)}`)).body.totalResults).toBe(0);
    const ag = await a.scim("POST", "/Groups", { schemas: ["urn:ietf:params:scim:schemas:core:2.0:Group"], displayName: "A", members: [{ value: bu.body.id }] });
    expect([ag.status, ag.body.scimType]).toEqual([400, "invalidValue"]);
    // Nothing changed but the tokens' last-used stamps.
    const strip = (s: string) => JSON.stringify({ ...JSON.parse(s), provisioning_token: null });
    expect(strip(await api.snapshot()) === strip(before)).toBe(true);
  });
});
