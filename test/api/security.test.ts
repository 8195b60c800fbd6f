import { createServer, Server } from "node:http";
import { AddressInfo } from "node:net";
import { exportJWK, generateKeyPair, SignJWT, KeyLike } from "jose";
import { startupProblem } from "../../src/main";
import { engines, TestApi } from "../helpers/harness";
import { newTenant, Q } from "../helpers/fixtures";
import { graphql } from "../gql";

const ISSUER = "https://login.example.com/tenant/v2.0";
const AUDIENCE = "api://license-graph";

interface Keys {
  rs: { privateKey: KeyLike; publicKey: KeyLike };
  es: { privateKey: KeyLike; publicKey: KeyLike };
  stranger: { privateKey: KeyLike; publicKey: KeyLike };
}

async function jwksServer(keys: Keys): Promise<{ url: string; close: () => Promise<void> }> {
  const rs = { ...(await exportJWK(keys.rs.publicKey)), kid: "rs-1", alg: "RS256", use: "sig" };
  const es = { ...(await exportJWK(keys.es.publicKey)), kid: "es-1", alg: "ES256", use: "sig" };
  const srv: Server = createServer((_req, res) => {
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify({ keys: [rs, es] }));
  });
  await new Promise<void>((r) => srv.listen(0, "127.0.0.1", r));
  return { url: `http://127.0.0.1:${(srv.address() as AddressInfo).port}/keys`, close: () => new Promise((r) => srv.close(() => r())) };
}

function sign(key: KeyLike, alg: "RS256" | "ES256", kid: string, claims: Record<string, unknown>, o: { exp?: number; nbf?: number; iss?: string; aud?: string } = {}) {
  const now = Math.floor(Date.now() / 1000);
  const jwt = new SignJWT(claims).setProtectedHeader({ alg, kid }).setIssuedAt().setExpirationTime(o.exp ?? now + 600).setIssuer(o.iss ?? ISSUER).setAudience(o.aud ?? AUDIENCE);
  if (o.nbf) jwt.setNotBefore(o.nbf);
  return jwt.sign(key);
}

const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString("base64url");

describe.each(engines().slice(0, 1))("production tokens from a JWKS (%s)", (_engine, url) => {
  let api: TestApi;
  let keys: Keys;
  let jwks: { url: string; close: () => Promise<void> };
  let tenantId: string;
  let adminId: string;

  beforeAll(async () => {
    keys = {
      rs: await generateKeyPair("RS256"),
      es: await generateKeyPair("ES256"),
      stranger: await generateKeyPair("RS256"),
    };
    jwks = await jwksServer(keys);
    api = await TestApi.start(url, { config: { jwtSecret: undefined, jwksUrl: jwks.url, jwtIssuer: ISSUER, jwtAudience: AUDIENCE } });
    const op = await sign(keys.rs.privateKey, "RS256", "rs-1", { roles: ["PlatformOperator"] });
    const r = await api.ok(op, Q.createTenant, { input: { displayName: "Entra", adminUserPrincipalName: "admin@entra.example", adminDisplayName: "A" } });
    tenantId = r.createTenant.tenant.id;
    adminId = r.createTenant.admin.id;
  });
  afterAll(async () => {
    await api.stop();
    await jwks.close();
  });

  const ME = graphql(`query SecurityMe { me { id } }`);

  it("§6 RS256 and ES256 tokens from the key set, with issuer and audience, sign a user in", async () => {
    const rs = await sign(keys.rs.privateKey, "RS256", "rs-1", { tid: tenantId, oid: adminId });
    const es = await sign(keys.es.privateKey, "ES256", "es-1", { tid: tenantId, oid: adminId });
    expect((await api.ok(rs, ME)).me.id).toBe(adminId);
    expect((await api.ok(es, ME)).me.id).toBe(adminId);
  });

  it("§6 expired, not-yet-valid, wrong issuer or audience, alg none, HS256 with the public key, tampered, unknown kid: UNAUTHENTICATED before any SQL", async () => {
    const claims = { tid: tenantId, oid: adminId };
    const now = Math.floor(Date.now() / 1000);
    const good = await sign(keys.rs.privateKey, "RS256", "rs-1", claims);
    const [h, , s] = good.split(".");
    const publicJwk = await exportJWK(keys.rs.publicKey);
    const hsWithPublicKey = await new SignJWT(claims).setProtectedHeader({ alg: "HS256", kid: "rs-1" }).setExpirationTime(now + 600)
      .setIssuer(ISSUER).setAudience(AUDIENCE).sign(new TextEncoder().encode(JSON.stringify(publicJwk)));
    const bad = {
      expired: await sign(keys.rs.privateKey, "RS256", "rs-1", claims, { exp: now - 60 }),
      notYetValid: await sign(keys.rs.privateKey, "RS256", "rs-1", claims, { nbf: now + 3600 }),
      wrongIssuer: await sign(keys.rs.privateKey, "RS256", "rs-1", claims, { iss: "https://evil.example" }),
      wrongAudience: await sign(keys.rs.privateKey, "RS256", "rs-1", claims, { aud: "api://other" }),
      algNone: `${b64({ alg: "none", typ: "JWT" })}.${b64({ ...claims, exp: now + 600, iss: ISSUER, aud: AUDIENCE })}.`,
      hsWithPublicKey,
      tampered: `${h}.${b64({ ...claims, roles: ["PlatformOperator"], exp: now + 600, iss: ISSUER, aud: AUDIENCE })}.${s}`,
      unknownKid: await sign(keys.stranger.privateKey, "RS256", "rs-9", claims),
      strangerKeyKnownKid: await sign(keys.stranger.privateKey, "RS256", "rs-1", claims),
    };
    for (const [name, token] of Object.entries(bad)) {
      const before = api.logger.count;
      expect({ name, code: await api.code(token, ME) }).toEqual({ name, code: "UNAUTHENTICATED" });
      expect({ name, sql: api.logger.count - before }).toEqual({ name, sql: 0 });
    }
  });

  it("§6 a key set that cannot be fetched fails closed", async () => {
    const dead = await TestApi.start(url, { config: { jwtSecret: undefined, jwksUrl: "http://127.0.0.1:9/keys", jwtIssuer: ISSUER, jwtAudience: AUDIENCE } });
    try {
      const token = await sign(keys.rs.privateKey, "RS256", "rs-1", { tid: tenantId, oid: adminId });
      expect(await dead.code(token, ME)).toBe("UNAUTHENTICATED");
    } finally {
      await dead.stop();
    }
  });

  it("§8 the server refuses to start in production or on PostgreSQL without auth settings", () => {
    expect(startupProblem({ databaseUrl: "sqlite:./x.sqlite", production: true })).toMatch(/production/);
    expect(startupProblem({ databaseUrl: "postgres://h/db", production: false })).toMatch(/PostgreSQL/);
    expect(startupProblem({ databaseUrl: "sqlite:./x.sqlite", production: false })).toBeUndefined();
    expect(startupProblem({ databaseUrl: "postgres://h/db", production: true, jwksUrl: "https://idp/keys" })).toBeUndefined();
  });
});

describe.each(engines().slice(0, 1))("query limits (%s)", (_engine, url) => {
  let api: TestApi;
  let base: string;
  beforeAll(async () => {
    api = await TestApi.start(url);
    base = await api.listen();
  });
  afterAll(() => api.stop());

  const post = async (token: string, query: string) => {
    const r = await fetch(`${base}/graphql`, { method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${token}` }, body: JSON.stringify({ query }) });
    return { status: r.status, body: (await r.json()) as any };
  };

  it("§6 depth, aliases, directives, tokens and cost are refused with 400 GRAPHQL_VALIDATION_FAILED before any SQL", async () => {
    const t = await newTenant(api);
    const nest = (n: number): string => (n === 0 ? "id" : `memberOf { ${nest(n - 1)} }`);
    const abusive = {
      depth: `{ securityGroups { nodes { ${nest(12)} } } }`.replace("securityGroups", "tenant { securityGroups") + " }",
      aliases: `{ ${Array.from({ length: 16 }, (_, i) => `a${i}: me { id }`).join(" ")} }`,
      directives: `{ me { id ${Array.from({ length: 25 }, () => "@include(if: true)").join(" ")} } }`,
      tokens: `{ me { ${Array.from({ length: 2100 }, () => "id").join(" ")} } }`,
      cost: `{ tenant { securityGroups(first: 1000) { nodes { members(first: 1000) { nodes { id } } } } } }`,
    };
    for (const [name, query] of Object.entries(abusive)) {
      const before = api.logger.count;
      const r = await post(t.admin, query);
      expect({ name, status: r.status, code: r.body.errors?.[0]?.extensions?.code }).toEqual({ name, status: 400, code: "GRAPHQL_VALIDATION_FAILED" });
      expect({ name, sql: api.logger.count - before }).toEqual({ name, sql: 0 });
    }
  });

  it("§6 the contract's useful queries pass: a page of 1,000 users with effective licenses, sources and chains", async () => {
    const t = await newTenant(api);
    const r = await post(t.admin, `{ tenant { users(first: 1000) { nodes { id memberOf { id } effectiveLicenses { sku { id } state sources { kind group { id } via { id } } } } } } }`);
    expect(r.status).toBe(200);
    expect(r.body.errors).toBeUndefined();
  });

  it("§7 a search longer than 256 characters is BAD_USER_INPUT (not a database error)", async () => {
    const t = await newTenant(api);
    const r = await post(t.admin, `{ tenant { users(filter: { search: "${"%".repeat(300)}" }) { totalCount } } }`);
    expect(r.body.errors[0].extensions.code).toBe("BAD_USER_INPUT");
  });

  it("§6 first above 1,000 is BAD_USER_INPUT", async () => {
    const t = await newTenant(api);
    const r = await post(t.admin, `{ tenant { users(first: 1001) { totalCount } } }`);
    expect(r.body.errors[0].extensions.code).toBe("BAD_USER_INPUT");
  });
});

describe.each(engines().slice(0, 1))("production masking (%s)", (_engine, url) => {
  const lines: Record<string, unknown>[] = [];
  let api: TestApi;
  beforeAll(async () => {
    api = await TestApi.start(url, {
      config: { production: true, introspection: false },
      log: { info: () => undefined, error: (msg, fields) => lines.push({ msg, ...fields }) },
    });
  });
  afterAll(() => api.stop());

  it("§6 an unexpected error answers INTERNAL_SERVER_ERROR with a request ID that the server's log line has too; no SQL or stack", async () => {
    const t = await newTenant(api);
    await api.ds.query("DROP TABLE bot_usage");
    const r = await api.exec(t.admin, graphql(`query SecurityCapacity { tenant { capacity { consumed } } }`));
    const e = r.errors![0];
    expect(e.extensions?.code).toBe("INTERNAL_SERVER_ERROR");
    expect(e.message).toBe("Internal server error.");
    const text = JSON.stringify(r);
    for (const leak of ["bot_usage", "SELECT", "sqlite", "stacktrace", "    at "]) expect(text).not.toContain(leak);
    const requestId = e.extensions?.requestId;
    expect(typeof requestId).toBe("string");
    expect(lines.some((l) => l.requestId === requestId && String(l.error).includes("bot_usage"))).toBe(true);
  });

  it("§6 no field suggestions and no introspection in production when turned off", async () => {
    const t = await newTenant(api);
    const typo = await api.exec(t.admin, `{ skus { partNumbr } }`);
    expect(typo.errors![0].extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");
    expect(JSON.stringify(typo)).not.toMatch(/Did you mean/);
    const intro = await api.exec(t.admin, graphql(`query SecurityIntrospection { __schema { queryType { name } } }`));
    expect(intro.errors![0].extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");
  });
});
