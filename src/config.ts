import { DEFAULT_DATABASE_URL } from "./db/datasource";
import { QueryLimits, queryLimitsFrom } from "./security/limits";

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
  /** Requests per minute per tenant (per client IP without a valid token); 0 turns it off. */
  rateLimitPerMinute: number;
  limits: QueryLimits;
  /** The address clients use to reach this API (PUBLIC_URL), for the SCIM base URL shown with a new provisioning token. */
  publicUrl?: string;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const flag = (v: string | undefined) => (v === undefined ? undefined : v === "true" || v === "1");
  return {
    port: Number(env.PORT ?? 4000),
    databaseUrl: env.DATABASE_URL || DEFAULT_DATABASE_URL,
    production: env.NODE_ENV === "production",
    jwtSecret: env.JWT_SECRET || undefined,
    jwksUrl: env.JWT_JWKS_URL || undefined,
    jwtIssuer: env.JWT_ISSUER || undefined,
    jwtAudience: env.JWT_AUDIENCE || undefined,
    seedDemo: flag(env.SEED_DEMO),
    maxBodyBytes: Number(env.MAX_BODY_BYTES ?? 2 * 1024 * 1024),
    introspection: flag(env.INTROSPECTION) ?? true,
    rateLimitPerMinute: Number(env.RATE_LIMIT_PER_MINUTE ?? 1200),
    limits: queryLimitsFrom(env),
    publicUrl: env.PUBLIC_URL || undefined,
  };
}
