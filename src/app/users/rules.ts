/**
 * The rules of the user aggregate, one home for both ways in: GraphQL (users.ts) and the directory (directory-users.ts)
 * call these with values they have already parsed.
 */
import { IsNull } from "typeorm";
import type { RequestContext } from "../request/context";
import { TenantDb } from "../../data/tenant-db";
import { GroupUserMember, User, UserLicenseAssignment, UserTrial } from "../../data/entities";
import { membersChanged } from "../../data/group-modified";
import { AdminRole } from "../../domain/enums";
import { AppError, ErrorCode, notFound } from "../../domain/errors";
import type { Clock } from "../../domain/clock";
import type { AuditEntry } from "../audit/audit";
import { recordAudits } from "../audit/audit";
import { changeSeats } from "../seats/seat-change";

/** Live users only: a user the directory deleted (a tombstone kept for their bots, D7) is not found. */
export async function findLiveUser(db: TenantDb, id: string): Promise<User> {
  const u = await db.findOne(User, { id, deletedAt: IsNull() });
  if (!u) throw notFound("User", id);
  return u;
}

const taken = (upn: string) => new AppError(ErrorCode.CONFLICT, `A user with userPrincipalName ${upn} already exists in this tenant.`);

/** U1 for a rename: no other user has this name in any letter case. */
export async function assertUpnFree(tx: TenantDb, upn: string, exceptId: string): Promise<void> {
  const other = await tx.findOne(User, { upnKey: upn.toLowerCase() });
  if (other && other.id !== exceptId) throw taken(upn);
}

/** A unique index refused the row: SQLite's SQLITE_CONSTRAINT_UNIQUE, PostgreSQL's 23505. */
function isUniqueViolation(e: unknown): boolean {
  const d = (e as { driverError?: { code?: string } }).driverError ?? (e as { code?: string });
  return d?.code === "SQLITE_CONSTRAINT_UNIQUE" || d?.code === "23505";
}

/**
 * U1 for a new user is the unique index on (tenant_id, upn_key): a duplicate fails the insert (CONFLICT). No lookup
 * first, so two creations racing on PostgreSQL get a CONFLICT too, not an internal error.
 */
export async function insertUser(tx: TenantDb, user: User): Promise<void> {
  try {
    await tx.insert(User, [user]);
  } catch (e) {
    if (isUniqueViolation(e)) throw taken(user.userPrincipalName);
    throw e;
  }
}

const isEnabledGlobalAdmin = (u: Pick<User, "roles" | "accountEnabled">) => u.accountEnabled && u.roles.includes(AdminRole.GLOBAL_ADMIN);

/** U3: a change that leaves no enabled GLOBAL_ADMIN is refused (after null: the user goes). */
export async function guardLastGlobalAdmin(tx: TenantDb, before: User, after: Pick<User, "roles" | "accountEnabled"> | null): Promise<void> {
  if (!isEnabledGlobalAdmin(before) || (after && isEnabledGlobalAdmin(after))) return;
  const admins = await tx.qb(User, "u").andWhere("u.accountEnabled = :on", { on: true }).andWhere("u.id <> :id", { id: before.id }).getMany();
  if (!admins.some(isEnabledGlobalAdmin)) {
    throw new AppError(ErrorCode.LAST_GLOBAL_ADMIN, "This is the last enabled GLOBAL_ADMIN of the tenant; make someone else GLOBAL_ADMIN first.");
  }
}

/**
 * How a change to a user's row is applied, whoever asks: U3 first; the row with a new updatedAt; the user noted as
 * changed (roles and the account reach myLicenseChanged and the live permission checks, E2); and only when the usage
 * location moved, the seat engine (L3: a holder now prohibited loses the seat, one now allowed queues again). A
 * profile or account change moves no seat (S12: a disabled account keeps its seats). One audit event either way (A1).
 */
export async function applyUserChange(
  ctx: RequestContext, tx: TenantDb, before: User, patch: Partial<User>, audit: (after: User) => AuditEntry,
): Promise<User> {
  const after = Object.assign(new User(), before, patch);
  await guardLastGlobalAdmin(tx, before, after);
  tx.report.userIds.add(before.id);
  tx.report.noteChange(before.id, "updated");
  const moved = patch.usageLocation !== undefined && (patch.usageLocation ?? null) !== (before.usageLocation ?? null);
  const write = async () => {
    if (Object.keys(patch).length) {
      after.updatedAt = ctx.clock.now();
      await tx.update(User, { id: before.id }, { ...patch, updatedAt: after.updatedAt });
    }
  };
  if (!moved) {
    await write();
    await recordAudits(tx, ctx, [audit(after)]);
    return after;
  }
  // L3: a holder now prohibited loses the seat; one now allowed queues again by the start of their want.
  return changeSeats(ctx, tx, async () => {
    await write();
    return { result: after, facts: { locationsChanged: { userIds: [before.id] } }, audit: audit(after) };
  });
}

/**
 * A user leaving the tenant (GraphQL deleteUser, a directory's DELETE): their memberships, direct assignments and
 * trials go, inside the caller's seat change, whose `usersDeleted` fact drops their wants (S5 gives the seats to
 * the next in line). Returns the groups they were in, for the audit event.
 */
export async function detachUser(tx: TenantDb, clock: Clock, id: string): Promise<string[]> {
  const groups = (await tx.find(GroupUserMember, { userId: id })).map((m) => m.groupId);
  await tx.delete(GroupUserMember, { userId: id });
  // Each of those groups lost a member (H7).
  await membersChanged(tx, clock, groups);
  await tx.delete(UserLicenseAssignment, { userId: id });
  await tx.delete(UserTrial, { userId: id });
  return groups;
}
