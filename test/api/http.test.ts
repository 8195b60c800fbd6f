import { engines, TestApi } from "../helpers/harness";
import { newTenant } from "../helpers/fixtures";
import { graphql } from "../gql";

describe.each(engines().slice(0, 1))("HTTP endpoint (%s)", (_engine, url) => {
  let api: TestApi;
  let base: string;
  beforeAll(async () => {
    api = await TestApi.start(url, { config: { maxBodyBytes: 4096 } });
    base = await api.listen();
  });
  afterAll(() => api.stop());

  const post = (body: string, headers: Record<string, string> = {}) =>
    fetch(`${base}/graphql`, { method: "POST", headers: { "content-type": "application/json", ...headers }, body });

  it("GET /health answers 200", async () => {
    const r = await fetch(`${base}/health`);
    expect(r.status).toBe(200);
  });

  it("GET /ready answers 200 when the database answers and migrations are current", async () => {
    const r = await fetch(`${base}/ready`);
    expect(r.status).toBe(200);
    expect(await r.json()).toEqual({ ready: true, database: true, migrationsPending: false, draining: false, throttle: { store: "off", redis: "off" } });
  });

  it("POST /graphql with an admin token returns the tenant's users", async () => {
    const t = await newTenant(api);
    const r = await post(JSON.stringify({ query: "{ tenant { users { totalCount nodes { id } } } }" }), { authorization: `Bearer ${t.admin}` });
    expect(r.status).toBe(200);
    const body = (await r.json()) as any;
    expect(body.data.tenant.users.nodes[0].id).toBe(t.adminId);
  });

  it("no token: 401 UNAUTHENTICATED; a bad token: 401 UNAUTHENTICATED", async () => {
    const anon = await post(JSON.stringify({ query: "{ me { id } }" }));
    expect(anon.status).toBe(401);
    expect(((await anon.json()) as any).errors[0].extensions.code).toBe("UNAUTHENTICATED");
    const bad = await post(JSON.stringify({ query: "{ me { id } }" }), { authorization: "Bearer not-a-jwt" });
    expect(bad.status).toBe(401);
    expect(((await bad.json()) as any).errors[0].extensions.code).toBe("UNAUTHENTICATED");
  });

  it("a body over the limit answers 413", async () => {
    const r = await post(JSON.stringify({ query: "{ me { id } }", variables: { pad: "x".repeat(10_000) } }));
    expect(r.status).toBe(413);
  });

  it("broken JSON answers 400 with a code", async () => {
    const r = await post("{ nope");
    expect(r.status).toBe(400);
    expect(((await r.json()) as any).errors[0].extensions.code).toBeDefined();
  });

  it("batched requests are refused", async () => {
    const t = await newTenant(api);
    const r = await post(JSON.stringify([{ query: "{ me { id } }" }, { query: "{ me { id } }" }]), { authorization: `Bearer ${t.admin}` });
    expect(r.status).toBe(400);
  });

  it("CSRF: a text/plain POST and a GET mutation are refused", async () => {
    const t = await newTenant(api);
    const plain = await fetch(`${base}/graphql`, { method: "POST", headers: { "content-type": "text/plain" }, body: JSON.stringify({ query: "{ me { id } }" }) });
    expect(plain.status).toBe(400);
    const q = encodeURIComponent('mutation { createSecurityGroup(input: { displayName: "x" }) { id } }');
    const get = await fetch(`${base}/graphql?query=${q}`, { headers: { authorization: `Bearer ${t.admin}`, "apollo-require-preflight": "true" } });
    expect(get.status).toBe(405);
    const groups = await api.ok(t.admin, graphql(`query HttpGroupCount { tenant { securityGroups { totalCount } } }`));
    expect(groups.tenant.securityGroups.totalCount).toBe(0);
  });
});
