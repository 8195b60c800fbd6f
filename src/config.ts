/**
 * Every environment variable the server reads is read and checked here, and only here (README "Configuration").
 * A bad value stops startup with a message that names the variable and what it accepts.
 */

export type Engine = "sqlite" | "postgres";

export const DEFAULT_DATABASE_URL = "sqlite:./data/license-graph.sqlite";

export class ConfigError extends Error {
  constructor(readonly variable: string, accepts: string, got: string) {
    super(`${variable} must be ${accepts} (got "${got}")`);
  }
}

export interface QueryLimits {
  maxDepth: number;
  maxAliases: number;
  maxDirectives: number;
  maxTokens: number;
  maxCost: number;
}

export interface DatabaseSettings {
  poolSize: number;
  statementTimeoutMs: number;
  /** H5: how long a request waits for an unreachable PostgreSQL before 503 (also the pool's wait for a connection). */
  unavailableWaitMs: number;
  ssl: false | { rejectUnauthorized: boolean };
}

export interface LiveSettings {
  /** Active subscriptions one WebSocket connection may hold (E4). */
  maxSubscriptionsPerConnection: number;
  /** Open WebSocket connections per tenant, per instance (E4). */
  maxConnectionsPerTenant: number;
  /** Open WebSocket connections per principal (tenant and user), per instance, within the tenant's (H4). */
  maxConnectionsPerPrincipal: number;
  /** Ping interval; a socket that has not answered the previous ping by the next one is closed. 0: off. */
  keepAliveMs: number;
}

/**
 * Throttling (DESIGN §12 T1, T2): each bucket holds its points and refills continuously, an empty one in
 * `windowSeconds` (restoreRate = points ÷ window a second); 0 points turns that bucket off.
 */
export interface ThrottleSettings {
  /** A user's bucket, an operator's, and a client address's without a valid token. */
  principalPoints: number;
  tenantPoints: number;
  windowSeconds: number;
  /** A service principal's (bot runtime, provisioning token); unset: principalPoints. */
  servicePoints?: number;
  /** Redis keys start with it (default `lg:gcra:`); tests on a shared Redis give their own. */
  keyPrefix?: string;
  /** Buckets shared by every instance; unset: each instance keeps its own. */
  redisUrl?: string;
}

export interface Config {
  port: number;
  databaseUrl: string;
  production: boolean;
  jwtSecret?: string;
  jwksUrl?: string;
  jwtIssuer?: string;
  jwtAudience?: string;
  seedDemo?: boolean;
  maxBodyBytes: number;
  introspection: boolean;
  throttle: ThrottleSettings;
  /** Prometheus metrics (O1) are served on this port when set. */
  metricsPort?: number;
  metricsHost: string;
  /** How long SIGTERM waits for requests in flight (O2). */
  shutdownTimeoutMs: number;
  /** V5: how often an instance looks whether today's daily passes are due (DAILY_PASS_INTERVAL_MS; 0 = never). */
  dailyPassIntervalMs: number;
  /** V6: users per batch of the CSV export (EXPORT_BATCH_SIZE). */
  exportBatchSize: number;
  logLevel: string;
  limits: QueryLimits;
  db: DatabaseSettings;
  live: LiveSettings;
  /** The address clients use to reach this API (PUBLIC_URL), for the SCIM base URL shown with a new provisioning token. */
  publicUrl?: string;
  /** GraphiQL at GET /graphql from a browser (K7): on in development, in production only with EXPLORER=true. */
  explorer: boolean;
  /** The console's OpenID Connect sign-in (K1), when OIDC_ISSUER and OIDC_CLIENT_ID are set. */
  oidc?: OidcSettings;
  /** I1: the caller's row from this instance's memory while it hears of every change (ROW_CACHE, default on). */
  rowCache: boolean;
  /** I1: a repeated hot check answered from memory while the row cache vouches for what it read (ANSWER_CACHE, default on). */
  answerCache: boolean;
  /** V3: gather who was active (ACTIVITY, default on); off only to measure its cost: V4's daily pass then does not run. */
  activity: boolean;
  /** MG6 change notifications (README "Change notifications"). */
  webhooks: WebhookSettings;
}

export interface WebhookSettings {
  /** WEBHOOK_ALLOW_PRIVATE: in production, notification URLs may be http and resolve to private addresses. */
  allowPrivate: boolean;
  /** WEBHOOK_ALLOW_NETWORKS: CIDRs exempt from the private-address guard (comma-separated). */
  allowNetworks: string[];
  /** WEBHOOK_TIMEOUT_MS: how long a receiver has to answer a notification (Graph: 3 s). */
  timeoutMs: number;
  /** WEBHOOK_POLL_MS: how often an instance looks for due deliveries besides right after its own commits. */
  pollMs: number;
}

export interface OidcSettings {
  issuer: string;
  clientId: string;
  /** Scopes the console asks for; with Entra ID add the API's scope (api://…/access_as_user) so the access token is for this API. */
  scope: string;
}

export function engineOf(url: string): Engine {
  if (url.startsWith("sqlite:")) return "sqlite";
  if (/^postgres(ql)?:\/\//.test(url)) return "postgres";
  throw new ConfigError("DATABASE_URL", "sqlite:PATH or postgres://…", `${url.split(":")[0]}:…`);
}

function oneOf(v: string, allowed: string[], name: string): string {
  if (!allowed.includes(v)) throw new ConfigError(name, `one of ${allowed.join(", ")}`, v);
  return v;
}

/** Readers of one environment: unset or empty means the default; anything else must parse. */
function reader(env: NodeJS.ProcessEnv) {
  const raw = (name: string): string | undefined => {
    const v = env[name];
    return v === undefined || v.trim() === "" ? undefined : v.trim();
  };
  return {
    text: (name: string): string | undefined => raw(name),
    whole(name: string, fallback: number, min: number, max = Number.MAX_SAFE_INTEGER): number {
      const v = raw(name);
      if (v === undefined) return fallback;
      const n = Number(v);
      if (!/^-?\d+$/.test(v) || !Number.isSafeInteger(n) || n < min || n > max) {
        throw new ConfigError(name, `a whole number from ${min} to ${max === Number.MAX_SAFE_INTEGER ? "∞" : max}`, env[name]!);
      }
      return n;
    },
    flag(name: string): boolean | undefined {
      const v = raw(name)?.toLowerCase();
      if (v === undefined) return undefined;
      if (v === "true" || v === "1") return true;
      if (v === "false" || v === "0") return false;
      throw new ConfigError(name, "true or false", env[name]!);
    },
    url(name: string): string | undefined {
      const v = raw(name);
      if (v === undefined) return undefined;
      try {
        new URL(v);
      } catch {
        throw new ConfigError(name, "an absolute URL", v);
      }
      return v;
    },
  };
}

export function databaseSettingsFrom(env: NodeJS.ProcessEnv = process.env): DatabaseSettings {
  const r = reader(env);
  return {
    poolSize: r.whole("DB_POOL_SIZE", 10, 1),
    statementTimeoutMs: r.whole("DB_STATEMENT_TIMEOUT_MS", 0, 0),
    unavailableWaitMs: r.whole("DB_UNAVAILABLE_WAIT_MS", 2000, 0, 600_000),
    ssl: r.flag("DB_SSL") ? { rejectUnauthorized: r.flag("DB_SSL_REJECT_UNAUTHORIZED") ?? true } : false,
  };
}

/**
 * Query limit defaults leave room for the contract's useful queries (a page of users with
 * effectiveLicenses { sources { via { id } } } is 7 levels) and stop the abusive ones.
 */
export function queryLimitsFrom(env: NodeJS.ProcessEnv = process.env): QueryLimits {
  const r = reader(env);
  return {
    maxDepth: r.whole("MAX_QUERY_DEPTH", 10, 1),
    maxAliases: r.whole("MAX_QUERY_ALIASES", 15, 1),
    maxDirectives: r.whole("MAX_QUERY_DIRECTIVES", 20, 1),
    maxTokens: r.whole("MAX_QUERY_TOKENS", 2000, 1),
    maxCost: r.whole("MAX_QUERY_COST", 50_000, 1),
  };
}

export function liveSettingsFrom(env: NodeJS.ProcessEnv = process.env): LiveSettings {
  const r = reader(env);
  return {
    maxSubscriptionsPerConnection: r.whole("LIVE_MAX_SUBSCRIPTIONS_PER_CONNECTION", 10, 1),
    maxConnectionsPerTenant: r.whole("LIVE_MAX_CONNECTIONS_PER_TENANT", 5000, 1),
    maxConnectionsPerPrincipal: r.whole("LIVE_MAX_CONNECTIONS_PER_PRINCIPAL", 20, 1),
    keepAliveMs: r.whole("LIVE_KEEPALIVE_MS", 12_000, 0),
  };
}

const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"];

export function throttleSettingsFrom(env: NodeJS.ProcessEnv = process.env): ThrottleSettings {
  const r = reader(env);
  if (r.text("RATE_LIMIT_PER_MINUTE") !== undefined) {
    throw new ConfigError("RATE_LIMIT_PER_MINUTE", "unset: it was replaced by RATE_LIMIT_PRINCIPAL_POINTS, RATE_LIMIT_SERVICE_POINTS, RATE_LIMIT_TENANT_POINTS and RATE_LIMIT_WINDOW_SECONDS (README Operating)", env.RATE_LIMIT_PER_MINUTE!);
  }
  const redisUrl = r.url("REDIS_URL");
  if (redisUrl && !/^rediss?:\/\//.test(redisUrl)) throw new ConfigError("REDIS_URL", "redis://… or rediss://…", redisUrl.split(":")[0] + ":…");
  return {
    // Sized for T2's four cases (README "Throttling"): 20, 300 and 5,000 points a second.
    principalPoints: r.whole("RATE_LIMIT_PRINCIPAL_POINTS", 1_200, 0),
    servicePoints: r.whole("RATE_LIMIT_SERVICE_POINTS", 18_000, 0),
    tenantPoints: r.whole("RATE_LIMIT_TENANT_POINTS", 300_000, 0),
    windowSeconds: r.whole("RATE_LIMIT_WINDOW_SECONDS", 60, 1, 86_400),
    redisUrl,
  };
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const r = reader(env);
  const databaseUrl = r.text("DATABASE_URL") ?? DEFAULT_DATABASE_URL;
  engineOf(databaseUrl);
  const nodeEnv = r.text("NODE_ENV");
  return {
    port: r.whole("PORT", 4000, 0, 65535),
    databaseUrl,
    production: nodeEnv === "production",
    jwtSecret: r.text("JWT_SECRET"),
    jwksUrl: r.url("JWT_JWKS_URL"),
    jwtIssuer: r.text("JWT_ISSUER"),
    jwtAudience: r.text("JWT_AUDIENCE"),
    seedDemo: r.flag("SEED_DEMO"),
    maxBodyBytes: r.whole("MAX_BODY_BYTES", 2 * 1024 * 1024, 1),
    introspection: r.flag("INTROSPECTION") ?? true,
    throttle: throttleSettingsFrom(env),
    metricsPort: r.text("METRICS_PORT") === undefined ? undefined : r.whole("METRICS_PORT", 0, 0, 65535),
    metricsHost: r.text("METRICS_HOST") ?? "127.0.0.1",
    shutdownTimeoutMs: r.whole("SHUTDOWN_TIMEOUT_MS", 10_000, 0),
    dailyPassIntervalMs: r.whole("DAILY_PASS_INTERVAL_MS", 600_000, 0),
    exportBatchSize: r.whole("EXPORT_BATCH_SIZE", 1000, 1, 5000),
    logLevel: oneOf(r.text("LOG_LEVEL")?.toLowerCase() ?? "info", LOG_LEVELS, "LOG_LEVEL"),
    limits: queryLimitsFrom(env),
    db: databaseSettingsFrom(env),
    live: liveSettingsFrom(env),
    publicUrl: r.url("PUBLIC_URL"),
    explorer: r.flag("EXPLORER") ?? nodeEnv !== "production",
    oidc: oidcFrom(env),
    rowCache: oneOf(r.text("ROW_CACHE")?.toLowerCase() ?? "on", ["on", "off"], "ROW_CACHE") === "on",
    answerCache: oneOf(r.text("ANSWER_CACHE")?.toLowerCase() ?? "on", ["on", "off"], "ANSWER_CACHE") === "on",
    activity: oneOf(r.text("ACTIVITY")?.toLowerCase() ?? "on", ["on", "off"], "ACTIVITY") === "on",
    webhooks: {
      allowPrivate: r.flag("WEBHOOK_ALLOW_PRIVATE") ?? false,
      allowNetworks: (r.text("WEBHOOK_ALLOW_NETWORKS") ?? "").split(",").map((c) => c.trim()).filter((c) => {
        if (c && !/^[0-9a-fA-F:.]+(\/\d{1,3})?$/.test(c)) throw new ConfigError("WEBHOOK_ALLOW_NETWORKS", "comma-separated CIDRs (10.1.0.0/16,…)", c);
        return c !== "";
      }),
      timeoutMs: r.whole("WEBHOOK_TIMEOUT_MS", 3_000, 1, 60_000),
      pollMs: r.whole("WEBHOOK_POLL_MS", 1_000, 10),
    },
  };
}

/** Both OIDC_ISSUER and OIDC_CLIENT_ID, or neither: one without the other is a mistake worth stopping for. */
export function oidcFrom(env: NodeJS.ProcessEnv = process.env): OidcSettings | undefined {
  const r = reader(env);
  const issuer = r.url("OIDC_ISSUER");
  const clientId = r.text("OIDC_CLIENT_ID");
  if (!issuer && !clientId) return undefined;
  if (!issuer) throw new ConfigError("OIDC_ISSUER", "set with OIDC_CLIENT_ID (the issuer's absolute URL)", "");
  if (!clientId) throw new ConfigError("OIDC_CLIENT_ID", "set with OIDC_ISSUER (the console's client ID at the issuer)", "");
  return { issuer, clientId, scope: r.text("OIDC_SCOPE") ?? "openid profile" };
}
