import { AdminRole } from "../../domain/enums";
import { AppError, ErrorCode, forbidden, unauthenticated } from "../../domain/errors";
import type { Principal } from "./principal";

/** DESIGN §6 role matrix, as permissions. */
export enum Permission {
  READ_TENANT = "READ_TENANT",
  MANAGE_BILLING = "MANAGE_BILLING",
  MANAGE_LICENSES = "MANAGE_LICENSES",
  MANAGE_GROUPS = "MANAGE_GROUPS",
  MANAGE_USERS = "MANAGE_USERS",
  MANAGE_SETTINGS = "MANAGE_SETTINGS",
  MANAGE_ANY_BOT = "MANAGE_ANY_BOT",
  RECORD_SESSIONS = "RECORD_SESSIONS",
}

const ALL = Object.values(Permission);

export const ROLE_PERMISSIONS: Record<AdminRole, Permission[]> = {
  [AdminRole.GLOBAL_ADMIN]: ALL,
  [AdminRole.BILLING_ADMIN]: [Permission.READ_TENANT, Permission.MANAGE_BILLING],
  [AdminRole.LICENSE_ADMIN]: [Permission.READ_TENANT, Permission.MANAGE_LICENSES],
  [AdminRole.GROUPS_ADMIN]: [Permission.READ_TENANT, Permission.MANAGE_GROUPS],
  [AdminRole.GLOBAL_READER]: [Permission.READ_TENANT],
};

/**
 * What the principals that are not users may do. The bot runtime records sessions. The system (the live hub, the
 * daily passes) holds no permission of the matrix: its callers run services that check none (reads for the hub's
 * deliveries, each checked against the subscriber's own principal; the passes' seat catch-up, snapshot and
 * reclamation), so any operation that checks a permission refuses it.
 */
export const SERVICE_PERMISSIONS: Record<"runtime" | "system", Permission[]> = {
  runtime: [Permission.RECORD_SESSIONS],
  system: [],
};

export function hasPermission(p: Principal, perm: Permission): boolean {
  if (p.kind === "runtime" || p.kind === "system") return SERVICE_PERMISSIONS[p.kind].includes(perm);
  if (p.kind !== "user") return false;
  return p.roles.some((r) => ROLE_PERMISSIONS[r]?.includes(perm));
}

export function requireSignedIn(p: Principal): asserts p is Exclude<Principal, { kind: "anonymous" }> {
  if (p.kind === "anonymous") throw unauthenticated();
}

/** A signed-in user of a tenant (not an app identity). */
export function requireUser(p: Principal): Extract<Principal, { kind: "user" }> {
  requireSignedIn(p);
  if (p.kind !== "user") throw forbidden("This operation needs a signed-in user.");
  return p;
}

export function requirePermission(p: Principal, perm: Permission): void {
  requireSignedIn(p);
  if (!hasPermission(p, perm)) throw new AppError(ErrorCode.FORBIDDEN, `You need a role that grants ${perm}.`);
}

export function requireOperator(p: Principal): void {
  requireSignedIn(p);
  if (p.kind !== "operator") throw forbidden("Only a platform operator can create tenants.");
}

/** D1: the directory's writes and reads are for its provisioning token alone (GraphQL and SCIM users have their own). */
export function requireProvisioning(p: Principal): asserts p is Extract<Principal, { kind: "provisioning" }> {
  if (p.kind !== "provisioning") throw forbidden("Only a directory with a provisioning token writes here.");
}
