import { ConfigError, loadConfig } from "../../src/config";
import { ActivityRecorder } from "../../src/app/request/activity";
import type { Database } from "../../src/data/database";
import type { Clock } from "../../src/domain/clock";

/** One strict configuration (README "Configuration"): a bad value names the variable and what it accepts. */
describe("configuration", () => {
  test("defaults when nothing is set, and empty values count as unset", () => {
    const c = loadConfig({ PORT: "", SEED_DEMO: "" });
    expect(c).toMatchObject({ port: 4000, databaseUrl: "sqlite:./data/license-graph.sqlite", production: false, introspection: true });
    expect(c.throttle).toEqual({ principalPoints: 1_200, servicePoints: 18_000, tenantPoints: 300_000, windowSeconds: 60, redisUrl: undefined });
    expect(c.seedDemo).toBeUndefined();
    expect(c.limits).toEqual({ maxDepth: 10, maxAliases: 15, maxDirectives: 20, maxTokens: 2000, maxCost: 50_000 });
    expect(c.db).toEqual({ poolSize: 10, statementTimeoutMs: 0, unavailableWaitMs: 2000, ssl: false });
    expect(c.rowCache).toBe(true);
    expect(c.answerCache).toBe(true);
  });

  test("I1: ROW_CACHE=off turns the caller's row cache off (on, off, any case)", () => {
    expect(loadConfig({ ROW_CACHE: "off" }).rowCache).toBe(false);
    expect(loadConfig({ ROW_CACHE: "ON" }).rowCache).toBe(true);
  });

  test("I1: ANSWER_CACHE=off turns the answer cache off; anything but on/off is refused", () => {
    expect(loadConfig({ ANSWER_CACHE: "off" }).answerCache).toBe(false);
    expect(() => loadConfig({ ANSWER_CACHE: "maybe" })).toThrow(/ANSWER_CACHE/);
  });

  test("V3: ACTIVITY is on unless set off; off gathers nothing (bench W1A measures what gathering costs)", () => {
    expect(loadConfig({}).activity).toBe(true);
    expect(loadConfig({ ACTIVITY: "OFF" }).activity).toBe(false);
    expect(() => loadConfig({ ACTIVITY: "sometimes" })).toThrow(/ACTIVITY/);
    const clock = { now: () => new Date("2026-12-04T00:00:00Z") };
    const log = { info: () => undefined, error: () => undefined };
    const on = new ActivityRecorder({} as Database, clock as Clock, log);
    const off = new ActivityRecorder({} as Database, clock as Clock, log, false);
    on.note("t", "u");
    off.note("t", "u");
    expect([on.pendingUsers, off.pendingUsers]).toEqual([1, 0]);
  });

  test("values are parsed: numbers, flags, URLs", () => {
    const c = loadConfig({ PORT: "8080", SEED_DEMO: "false", INTROSPECTION: "0", MAX_QUERY_COST: "900", JWT_JWKS_URL: "https://idp.example/keys", DB_SSL: "true" });
    expect(c).toMatchObject({ port: 8080, seedDemo: false, introspection: false, jwksUrl: "https://idp.example/keys" });
    expect(c.limits.maxCost).toBe(900);
    expect(c.db.ssl).toEqual({ rejectUnauthorized: true });
  });

  test.each([
    ["PORT", "abc", /PORT must be a whole number from 0 to 65535/],
    ["PORT", "70000", /PORT/],
    ["MAX_BODY_BYTES", "1.5", /MAX_BODY_BYTES must be a whole number/],
    ["MAX_QUERY_DEPTH", "deep", /MAX_QUERY_DEPTH/],
    ["RATE_LIMIT_PER_MINUTE", "1200", /RATE_LIMIT_PER_MINUTE must be unset: it was replaced/],
    ["RATE_LIMIT_PRINCIPAL_POINTS", "-1", /RATE_LIMIT_PRINCIPAL_POINTS/],
    ["REDIS_URL", "http://cache:6379", /REDIS_URL must be redis:/],
    ["SEED_DEMO", "yes", /SEED_DEMO must be true or false/],
    ["JWT_JWKS_URL", "keys.json", /JWT_JWKS_URL must be an absolute URL/],
    ["DATABASE_URL", "mysql://h/db", /DATABASE_URL must be sqlite:PATH or postgres/],
    ["DB_POOL_SIZE", "0", /DB_POOL_SIZE/],
    ["DB_UNAVAILABLE_WAIT_MS", "-1", /DB_UNAVAILABLE_WAIT_MS must be a whole number from 0 to 600000/],
    ["DB_UNAVAILABLE_WAIT_MS", "2s", /DB_UNAVAILABLE_WAIT_MS must be a whole number/],
    ["EXPLORER", "sometimes", /EXPLORER must be true or false/],
    ["OIDC_ISSUER", "login", /OIDC_ISSUER must be an absolute URL/],
    ["ROW_CACHE", "false", /ROW_CACHE must be one of on, off/],
  ])("%s=%s stops startup with a message naming it", (name, value, message) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [name]: value })).toThrow(message);
  });

  test("H5 DB_UNAVAILABLE_WAIT_MS sets how long a request waits for an unreachable database (0: not at all)", () => {
    expect(loadConfig({ DB_UNAVAILABLE_WAIT_MS: "500" }).db.unavailableWaitMs).toBe(500);
    expect(loadConfig({ DB_UNAVAILABLE_WAIT_MS: "0" }).db.unavailableWaitMs).toBe(0);
  });

  test("K7 the explorer is on in development, off in production unless EXPLORER=true", () => {
    expect(loadConfig({}).explorer).toBe(true);
    expect(loadConfig({ NODE_ENV: "production" }).explorer).toBe(false);
    expect(loadConfig({ NODE_ENV: "production", EXPLORER: "true" }).explorer).toBe(true);
    expect(loadConfig({ EXPLORER: "false" }).explorer).toBe(false);
  });

  test("K1 OpenID Connect sign-in needs both OIDC_ISSUER and OIDC_CLIENT_ID; the scope has a default", () => {
    expect(loadConfig({}).oidc).toBeUndefined();
    expect(loadConfig({ OIDC_ISSUER: "https://login.example/tenant/v2.0", OIDC_CLIENT_ID: "console" }).oidc)
      .toEqual({ issuer: "https://login.example/tenant/v2.0", clientId: "console", scope: "openid profile" });
    expect(loadConfig({ OIDC_ISSUER: "https://login.example", OIDC_CLIENT_ID: "c", OIDC_SCOPE: "openid api://lg/access" }).oidc?.scope).toBe("openid api://lg/access");
    expect(() => loadConfig({ OIDC_ISSUER: "https://login.example" })).toThrow(/OIDC_CLIENT_ID must be set with OIDC_ISSUER/);
    expect(() => loadConfig({ OIDC_CLIENT_ID: "console" })).toThrow(/OIDC_ISSUER must be set with OIDC_CLIENT_ID/);
  });
});
