import { IsNull } from "typeorm";
import type { RequestContext } from "../request/context";
import { TenantDb } from "../../data/tenant-db";
import { Bot, User } from "../../data/entities";
import { AppError, ErrorCode, notFound } from "../../domain/errors";
import { ObjectSource } from "../../domain/enums";
import { newId } from "../../domain/ids";
import { emailKey } from "../../domain/validation";
import { recordAudit } from "../audit/audit";
import { DirectoryQuery, userColumns, whereFilter } from "../../data/directory-query";
import { changeSeats, scimAudit } from "../seats/seat-change";
import { detachUser } from "./users";

/** A user as the directory describes it, already checked by the SCIM layer. */
export interface DirectoryUserFields {
  userName: string;
  displayName: string;
  active: boolean;
  externalId: string | null;
  /** undefined: the directory did not send one (the user's own location stays as it is). */
  usageLocation?: string | null;
  emails: { value: string; type?: string }[];
  /** The attributes as sent, for returning them as sent (D3). */
  attributes: Record<string, unknown>;
}

const requireProvisioning = (ctx: RequestContext) => {
  if (ctx.principal.kind !== "provisioning") throw new AppError(ErrorCode.FORBIDDEN, "Only a directory with a provisioning token writes here.");
};

const view = (u: Pick<User, "userPrincipalName" | "displayName" | "accountEnabled" | "usageLocation" | "externalId">) => ({
  userPrincipalName: u.userPrincipalName, displayName: u.displayName, accountEnabled: u.accountEnabled, usageLocation: u.usageLocation, externalId: u.externalId,
});

function columns(f: DirectoryUserFields): Partial<User> {
  const work = f.emails.find((e) => (e.type ?? "").toLowerCase() === "work");
  return {
    userPrincipalName: f.userName, upnKey: f.userName.toLowerCase(), displayName: f.displayName, accountEnabled: f.active,
    externalId: f.externalId, emailKey: emailKey(f.emails.map((e) => e.value)), workEmailKey: work ? work.value.toLowerCase() : null,
    scimAttributes: JSON.stringify(f.attributes), source: ObjectSource.DIRECTORY,
    ...(f.usageLocation !== undefined ? { usageLocation: f.usageLocation } : {}),
  };
}

/** A unique index refused the row: SQLite's SQLITE_CONSTRAINT_UNIQUE, PostgreSQL's 23505. */
function isUniqueViolation(e: unknown): boolean {
  const d = (e as { driverError?: { code?: string } }).driverError ?? (e as { code?: string });
  return d?.code === "SQLITE_CONSTRAINT_UNIQUE" || d?.code === "23505";
}

async function assertUpnFree(tx: TenantDb, upn: string, except?: string): Promise<void> {
  const other = await tx.findOne(User, { upnKey: upn.toLowerCase() });
  if (other && other.id !== except) throw new AppError(ErrorCode.CONFLICT, `A user with userName ${upn} already exists.`);
}

/** Live users only: a user the directory deleted (a tombstone kept for their bots, D7) is not found. */
export async function findLiveUser(tx: TenantDb, id: string): Promise<User> {
  const u = await tx.findOne(User, { id, deletedAt: IsNull() });
  if (!u) throw notFound("User", id);
  return u;
}

export async function createDirectoryUser(ctx: RequestContext, f: DirectoryUserFields): Promise<User> {
  requireProvisioning(ctx);
  const now = ctx.clock.now();
  const user = Object.assign(new User(), {
    id: newId("user"), tenantId: ctx.tenantId, roles: [], createdAt: now, updatedAt: now, deletedAt: null, usageLocation: null, ...columns(f),
  });
  return ctx.write(async (tx) => {
    // U1 is the unique index on (tenant_id, upn_key): a duplicate fails the insert (409), no lookup first.
    try {
      await tx.insert(User, [user]);
    } catch (e) {
      if (isUniqueViolation(e)) throw new AppError(ErrorCode.CONFLICT, `A user with userName ${f.userName} already exists.`);
      throw e;
    }
    tx.report.noteChange(user.id, "created");
    // A new user wants nothing yet: no seat can move, so the seat engine is not needed.
    await recordAudit(tx, ctx, "CREATE_USER", user.id, { via: "SCIM", after: view(user) }, user.userPrincipalName);
    return user;
  });
}

/**
 * PUT and PATCH (D6): `next` computes the new state from the current row inside the transaction, so a
 * PATCH applies to what is stored now. A CLOUD user written here becomes DIRECTORY (D8).
 */
export async function updateDirectoryUser(ctx: RequestContext, id: string, next: (current: User) => DirectoryUserFields): Promise<User> {
  requireProvisioning(ctx);
  const unchanged = (user: User, f: DirectoryUserFields) => {
    const after = Object.assign(new User(), user, columns(f));
    return JSON.stringify(view(user)) === JSON.stringify(view(after)) && user.scimAttributes === after.scimAttributes && user.source === after.source && user.upnKey === after.upnKey;
  };
  // A re-sync sends mostly no-op PATCHes: checked on a plain read first, they open no write transaction
  // (no lock, no commit, no new state version for every instance's cache).
  const current = await findLiveUser(ctx.db, id);
  if (unchanged(current, next(current))) return current;
  return ctx.write(async (tx) => {
    const user = await findLiveUser(tx, id);
    const f = next(user);
    if (f.userName.toLowerCase() !== user.upnKey) await assertUpnFree(tx, f.userName, user.id);
    const patch = { ...columns(f), updatedAt: ctx.clock.now() };
    const after = Object.assign(new User(), user, patch);
    if (unchanged(user, f)) return user;
    const moved = (after.usageLocation ?? null) !== (user.usageLocation ?? null);
    tx.report.noteChange(id, "updated");
    if (!moved) {
      // Profile and account changes move no seat (S12: a disabled account keeps its seats).
      await tx.update(User, { id }, patch);
      await recordAudit(tx, ctx, "UPDATE_USER", id, { via: "SCIM", before: view(user), after: view(after) }, after.userPrincipalName);
      return after;
    }
    return changeSeats(ctx, tx, async (engine) => {
      await tx.update(User, { id }, patch);
      engine.recheckLocations();
      return { result: after, affected: { userIds: [id] }, audit: scimAudit("UPDATE_USER", id, after.userPrincipalName, { before: view(user), after: view(after) }) };
    });
  });
}

/**
 * D7: a directory DELETE always succeeds. The user loses every seat (S5), membership and sign-in; one who
 * owns bots stays as a tombstone (deletedAt) whose userPrincipalName is free for a new user.
 */
export async function deleteDirectoryUser(ctx: RequestContext, id: string): Promise<void> {
  requireProvisioning(ctx);
  await ctx.write(async (tx) => {
    const user = await findLiveUser(tx, id);
    const bots = await tx.count(Bot, { ownerId: id });
    await changeSeats(ctx, tx, async (engine) => {
      const groups = await detachUser(tx, engine, ctx.clock, id);
      tx.report.noteChange(id, "deleted");
      if (bots > 0) {
        await tx.update(User, { id }, { deletedAt: ctx.clock.now(), accountEnabled: false, upnKey: `~deleted~${id}`, updatedAt: ctx.clock.now() });
      } else {
        await tx.delete(User, { id });
      }
      return { result: undefined, touchedUserIds: [id], audit: scimAudit("DELETE_USER", id, user.userPrincipalName, { before: { ...view(user), groupIds: groups }, keptForBots: bots }) };
    });
  });
}

/** D7: a deleted user kept for their bots goes once the last of those bots is reassigned or deleted. */
export async function removeDeletedOwnerIfDone(tx: TenantDb, ownerId: string): Promise<boolean> {
  const owner = await tx.findOne(User, { id: ownerId });
  if (!owner?.deletedAt || (await tx.count(Bot, { ownerId })) > 0) return false;
  await tx.delete(User, { id: ownerId });
  return true;
}

export async function getDirectoryUser(ctx: RequestContext, id: string): Promise<User | null> {
  requireProvisioning(ctx);
  return ctx.db.findOne(User, { id, deletedAt: IsNull() });
}

/** D2, D5: a stable order (creation order by ID), 1-based startIndex. Two statements: the page and the count. */
export async function listDirectoryUsers(ctx: RequestContext, q: DirectoryQuery): Promise<{ total: number; users: User[] }> {
  requireProvisioning(ctx);
  const qb = ctx.db.qb(User, "u").andWhere("u.deletedAt IS NULL");
  whereFilter(qb, q.filter, userColumns("u"));
  const [users, total] = await qb.orderBy("u.id", "ASC").skip(q.startIndex - 1).take(q.count).getManyAndCount();
  return { total, users };
}
