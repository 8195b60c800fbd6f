import { randomUUID } from "node:crypto";
import { Principal, APP_ROLE_OPERATOR, APP_ROLE_RUNTIME } from "./auth/principal";
import { TokenClaims, TokenVerifier } from "./auth/jwt";
import { Clock } from "./clock";
import { Database, LockState } from "./db/database";
import { TenantDb } from "./db/tenant-db";
import { Tenant, User } from "./entities";
import { AdminRole, ObjectSource } from "./graphql/enums";
import { forbidden, unauthenticated } from "./errors";
import { Catalog } from "./modules/catalog/catalog";
import { createLoaders, Loaders } from "./loaders";
import type { Config } from "./config";
import type { RateLimitStore } from "./security/rate-limit";
import type { TenantStateCache } from "./licensing/tenant-state";

export interface Logger {
  info(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
}

export interface App {
  database: Database;
  catalog: Catalog;
  clock: Clock;
  config: Config;
  verifier: TokenVerifier;
  log: Logger;
  rateLimit: RateLimitStore | null;
  tenantStates: TenantStateCache;
}

/** Per request: who asks, for which tenant, and the request's loaders. Services take it first. */
export class Ctx implements LockState {
  lockHeld = false;
  /** Verified token claims waiting to become `principal` once the operation is validated. */
  pendingClaims: TokenClaims | null = null;
  private loaderCache?: Loaders;
  private scopedTenantId?: string;
  private wrote = false;

  constructor(readonly app: App, public principal: Principal, readonly requestId: string = randomUUID()) {}

  get clock(): Clock {
    return this.app.clock;
  }

  get catalog(): Catalog {
    return this.app.catalog;
  }

  get tenantId(): string {
    const p = this.principal;
    if (p.kind === "user" || p.kind === "runtime" || p.kind === "provisioning") return p.tenantId;
    if (this.scopedTenantId) return this.scopedTenantId;
    throw forbidden("This operation needs a tenant.");
  }

  /** A platform operator's request reads the tenant it has just created (the createTenant payload). */
  scopeTo(tenantId: string): void {
    if (this.principal.kind === "operator") this.scopedTenantId = tenantId;
  }

  /** Whether this request may read `tenantId`'s data as an operator (only the tenant it created). */
  isScopedTo(tenantId: string): boolean {
    return this.principal.kind === "operator" && this.scopedTenantId === tenantId;
  }

  get actorId(): string | null {
    const p = this.principal;
    return p.kind === "user" ? p.userId : p.kind === "provisioning" ? p.tokenId : null;
  }

  /** Tenant-scoped reads. */
  get db(): TenantDb {
    return this.app.database.reader(this.tenantId);
  }

  get loaders(): Loaders {
    return (this.loaderCache ??= createLoaders(this));
  }

  /** One transaction for this tenant; what the request read before is forgotten afterwards. */
  async write<T>(fn: (tx: TenantDb) => Promise<T>): Promise<T> {
    try {
      return await this.app.database.write(this, this.tenantId, fn);
    } finally {
      this.loaderCache = undefined;
      this.wrote = true;
    }
  }

  /** The tenant row as signed in, until this request writes; then it must be read again. */
  get signedInTenant(): Tenant | undefined {
    const p = this.principal;
    return !this.wrote && (p.kind === "user" || p.kind === "runtime") ? p.tenant : undefined;
  }
}

const SIGN_IN_SQL = `SELECT u.id, u.user_principal_name, u.upn_key, u.display_name, u.account_enabled, u.roles, u.created_at,
  u.usage_location, u.source, u.external_id, u.deleted_at, u.updated_at,
  t.display_name AS t_display_name, t.allow_ad_hoc_subscriptions AS t_allow, t.created_at AS t_created_at, t.state_version AS t_version,
  t.default_usage_location AS t_location
  FROM app_user u JOIN tenant t ON t.id = u.tenant_id WHERE u.id = :oid AND u.tenant_id = :tid`;

interface SignInRow {
  id: string;
  user_principal_name: string;
  upn_key: string;
  display_name: string;
  account_enabled: boolean | number;
  roles: string | null;
  created_at: string | number;
  usage_location: string | null;
  source: string;
  external_id: string | null;
  deleted_at: string | number | null;
  updated_at: string | number | null;
  t_display_name: string;
  t_allow: boolean | number;
  t_created_at: string | number;
  t_version: string | number;
  t_location: string;
}

/** Checks the Authorization header's token (no database): null when there is none. */
export async function verifyAuthorization(app: App, authorization: string | undefined): Promise<TokenClaims | null> {
  if (!authorization) return null;
  const m = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
  if (!m) throw unauthenticated("The Authorization header must be 'Bearer <token>'.");
  try {
    return await app.verifier.verify(m[1]);
  } catch {
    throw unauthenticated("The bearer token is invalid or expired.");
  }
}

/**
 * Who the verified claims are (DESIGN §6). Runs after the operation is
 * validated, so a rejected query costs no SQL. Roles come from the user's row,
 * never the token.
 */
export async function resolvePrincipal(app: App, claims: TokenClaims | null, lock: LockState): Promise<Principal> {
  if (!claims) return { kind: "anonymous" };
  if (claims.roles.includes(APP_ROLE_OPERATOR)) return { kind: "operator" };
  if (!claims.tid) throw unauthenticated("The token has no tenant (tid).");
  const tenantId = claims.tid;
  return app.database.exclusive(lock, async () => {
    const m = app.database.ds.manager;
    if (!claims.oid) {
      if (!claims.roles.includes(APP_ROLE_RUNTIME)) throw unauthenticated("The token names no user (oid).");
      const tenant = await m.findOne(Tenant, { where: { id: tenantId } });
      if (!tenant) throw unauthenticated("The token's tenant does not exist.");
      return { kind: "runtime", tenantId, tenant } as const;
    }
    // One statement on every request: the user, and their tenant with its state version (the cache key of its
    // licensing state). Plain SQL: building it through the query builder cost more than running it.
    const [sql, params] = m.connection.driver.escapeQueryWithParameters(SIGN_IN_SQL, { oid: claims.oid, tid: tenantId });
    const [row] = (await m.query(sql, params)) as SignInRow[];
    const flag = (v: boolean | number) => v === true || Number(v) === 1;
    if (!row || !flag(row.account_enabled) || row.deleted_at != null) throw unauthenticated("The token's user does not exist or is disabled.");
    const user = Object.assign(new User(), {
      id: row.id, tenantId, userPrincipalName: row.user_principal_name, upnKey: row.upn_key, displayName: row.display_name,
      accountEnabled: true, roles: (row.roles ?? "").split(",").filter(Boolean) as AdminRole[], createdAt: new Date(Number(row.created_at)),
      usageLocation: row.usage_location, source: row.source as ObjectSource, externalId: row.external_id, deletedAt: null,
      updatedAt: row.updated_at == null ? null : new Date(Number(row.updated_at)),
    });
    const tenant = Object.assign(new Tenant(), {
      id: tenantId, displayName: row.t_display_name, allowAdHocSubscriptions: flag(row.t_allow), createdAt: new Date(Number(row.t_created_at)),
      stateVersion: Number(row.t_version), defaultUsageLocation: row.t_location,
    });
    return { kind: "user", tenantId, userId: user.id, user, roles: user.roles, tenant } as const;
  });
}
