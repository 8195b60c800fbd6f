import { ConfigError, loadConfig } from "../../src/config";

/** One strict configuration (README "Configuration"): a bad value names the variable and what it accepts. */
describe("configuration", () => {
  test("defaults when nothing is set, and empty values count as unset", () => {
    const c = loadConfig({ PORT: "", SEED_DEMO: "" });
    expect(c).toMatchObject({ port: 4000, databaseUrl: "sqlite:./data/license-graph.sqlite", production: false, introspection: true });
    expect(c.throttle).toEqual({ principalPoints: 3000, tenantPoints: 600_000, windowSeconds: 60, redisUrl: undefined });
    expect(c.seedDemo).toBeUndefined();
    expect(c.limits).toEqual({ maxDepth: 10, maxAliases: 15, maxDirectives: 20, maxTokens: 2000, maxCost: 50_000 });
    expect(c.db).toEqual({ poolSize: 10, statementTimeoutMs: 0, ssl: false });
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
  ])("%s=%s stops startup with a message naming it", (name, value, message) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [name]: value })).toThrow(message);
  });
});
