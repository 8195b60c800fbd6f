import { createHash, timingSafeEqual } from "node:crypto";
import { TokenClaims } from "../auth/jwt";
import { APP_ROLE_OPERATOR, APP_ROLE_RUNTIME, Principal } from "../auth/principal";
import type { App } from "./context";
import type { OperationLock } from "../../data/database";
import type { SignInRow } from "../../data/sign-in";
import { Tenant, User } from "../../data/entities";
import { instantOf as instant } from "../../data/entities/columns";
import { AdminRole, ObjectSource } from "../../domain/enums";
import { unauthenticated } from "../../domain/errors";
import { noteActivity } from "./activity";

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
export async function resolvePrincipal(app: App, claims: TokenClaims | null, lock: OperationLock): Promise<Principal> {
  if (!claims) return { kind: "anonymous" };
  if (claims.roles.includes(APP_ROLE_OPERATOR)) return { kind: "operator" };
  if (!claims.tid) throw unauthenticated("The token has no tenant (tid).");
  const tenantId = claims.tid;
  // I1: a warm request is admitted from this instance's row cache, without SQL (and without SQLite's lock).
  const cached = claims.oid ? app.database.cachedSignIn(claims.oid, tenantId) : undefined;
  if (cached) {
    const principal = userPrincipal(cached, tenantId);
    noteActivity(app, principal);
    return principal;
  }
  return lock.run(async () => {
    if (!claims.oid) {
      if (!claims.roles.includes(APP_ROLE_RUNTIME)) throw unauthenticated("The token names no user (oid).");
      const tenant = await app.database.reader(tenantId).tenant();
      if (!tenant) throw unauthenticated("The token's tenant does not exist.");
      return { kind: "runtime", tenantId, tenant } as const;
    }
    const principal = userPrincipal(await app.database.signIn(claims.oid, tenantId), tenantId);
    // V3: an authenticated request is activity; counted in memory (no statement here), written later in batches.
    noteActivity(app, principal);
    return principal;
  });
}

const flag = (v: boolean | number) => v === true || Number(v) === 1;

/** The principal of a sign-in row, read now or cached (fresh objects each time: a request may change its own). */
function userPrincipal(row: SignInRow | undefined, tenantId: string): Principal {
  if (!row || !flag(row.account_enabled) || row.deleted_at != null) throw unauthenticated("The token's user does not exist or is disabled.");
  const user = Object.assign(new User(), {
    id: row.id, tenantId, userPrincipalName: row.user_principal_name, upnKey: row.upn_key, displayName: row.display_name,
    accountEnabled: true, roles: (row.roles ?? "").split(",").filter(Boolean) as AdminRole[], createdAt: new Date(Number(row.created_at)),
    usageLocation: row.usage_location, source: row.source as ObjectSource, externalId: row.external_id, deletedAt: null,
    updatedAt: instant(row.updated_at), lastActivityAt: instant(row.last_activity_at), reclaimWarningAt: instant(row.reclaim_warning_at),
  });
  const tenant = Object.assign(new Tenant(), {
    id: tenantId, displayName: row.t_display_name, allowAdHocSubscriptions: flag(row.t_allow), createdAt: new Date(Number(row.t_created_at)),
    stateVersion: Number(row.t_version), seatAlertThreshold: Number(row.t_threshold), defaultUsageLocation: row.t_location,
    inactiveAfterDays: Number(row.t_inactive_days), autoReclaim: flag(row.t_auto_reclaim),
  });
  return { kind: "user", tenantId, userId: user.id, user, roles: user.roles, tenant } as const;
}

/** lastUsedAt is written at most this often per token, not on every request. */
export const LAST_USED_GRANULARITY_MS = 60_000;

/** D1: how a provisioning token's secret is stored (SHA-256). */
export const secretHash = (secret: string) => createHash("sha256").update(secret, "utf8").digest();

/**
 * D1: who a SCIM bearer is. Missing, malformed, unknown, revoked or expired: null (401). A user JWT never
 * matches (it has no token ID). Reads the row on every request, so a revocation applies to the next one.
 */
export async function authenticateProvisioning(
  app: App,
  authorization: string | undefined,
  lock: OperationLock = app.database.lock(),
): Promise<Extract<Principal, { kind: "provisioning" }> | null> {
  const m = /^Bearer\s+(ptk_[0-9a-f-]{36})\.([A-Za-z0-9_-]{43})\s*$/.exec(authorization ?? "");
  if (!m) return null;
  const now = app.clock.now();
  const raw = await lock.run(() => app.database.provisioningToken(m[1]));
  if (!raw) return null;
  const row = { id: m[1], tenantId: raw.tenant_id, secretHash: raw.secret_hash, expiresAt: instant(raw.expires_at), revokedAt: instant(raw.revoked_at), lastUsedAt: instant(raw.last_used_at) };
  if (row.revokedAt || (row.expiresAt && row.expiresAt <= now)) return null;
  const stored = Buffer.from(row.secretHash, "hex");
  const given = secretHash(m[2]);
  if (stored.length !== given.length || !timingSafeEqual(stored, given)) return null;
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() >= LAST_USED_GRANULARITY_MS) {
    await lock.run(() => app.database.touchProvisioningToken(row.id, row.tenantId, now));
  }
  return { kind: "provisioning", tenantId: row.tenantId, tokenId: row.id };
}
