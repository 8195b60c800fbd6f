import { IsNull } from "typeorm";
import type { RequestContext } from "../request/context";
import { TenantDb } from "../../data/tenant-db";
import { Bot, User } from "../../data/entities";
import { ObjectSource } from "../../domain/enums";
import { newId } from "../../domain/ids";
import { emailKey } from "../../domain/validation";
import { recordAudit } from "../audit/audit";
import { DirectoryQuery, userColumns, whereFilter } from "../../data/directory-query";
import { changeSeats, scimAudit } from "../seats/seat-change";
import { requireProvisioning } from "../auth/permissions";
import { applyUserChange, assertUpnFree, detachUser, findLiveUser, insertUser } from "./rules";

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

export async function createDirectoryUser(ctx: RequestContext, f: DirectoryUserFields): Promise<User> {
  requireProvisioning(ctx.principal);
  const now = ctx.clock.now();
  const user = Object.assign(new User(), {
    id: newId("user"), tenantId: ctx.tenantId, roles: [], createdAt: now, updatedAt: now, deletedAt: null, usageLocation: null, ...columns(f),
  });
  return ctx.write(async (tx) => {
    await insertUser(tx, user);
    tx.report.noteChange(user.id, "created");
    // A new user wants nothing yet: no seat can move, so the seat engine is not needed.
    await recordAudit(tx, ctx, "CREATE_USER", user.id, { via: "SCIM", after: view(user) }, user.userPrincipalName);
    return user;
  });
}

/** PUT (D6): the user becomes what was sent (attributes left out are cleared). */
export async function replaceDirectoryUser(ctx: RequestContext, id: string, f: DirectoryUserFields): Promise<User> {
  return (await writeDirectoryUser(ctx, id, f, null))!;
}

/**
 * PATCH (D6): the caller read the user (`basedOn`), applied the operations and parsed the outcome into `f`, all
 * before any transaction. Under the write the user must still be what the change was computed from; if a concurrent
 * write changed it meanwhile, nothing is written and the answer is null (the caller reads again and re-applies).
 */
export async function patchDirectoryUser(ctx: RequestContext, id: string, f: DirectoryUserFields, basedOn: User): Promise<User | null> {
  return writeDirectoryUser(ctx, id, f, basedOn);
}

/** What the directory's picture of a user is built from, and so what a PATCH of it was computed from. */
const patchBasis = (u: User) => JSON.stringify([u.userPrincipalName, u.displayName, u.accountEnabled, u.externalId, u.scimAttributes]);

const unchanged = (user: User, f: DirectoryUserFields) => {
  const after = Object.assign(new User(), user, columns(f));
  return JSON.stringify(view(user)) === JSON.stringify(view(after)) && user.scimAttributes === after.scimAttributes && user.source === after.source && user.upnKey === after.upnKey;
};

/** A CLOUD user written here becomes DIRECTORY (D8). */
async function writeDirectoryUser(ctx: RequestContext, id: string, f: DirectoryUserFields, basedOn: User | null): Promise<User | null> {
  requireProvisioning(ctx.principal);
  // A re-sync sends mostly no-op PATCHes: checked on a plain read, they open no write transaction
  // (no lock, no commit, no new state version for every instance's cache).
  const current = basedOn ?? (await findLiveUser(ctx.db, id));
  if (unchanged(current, f)) return current;
  return ctx.write(async (tx) => {
    const user = await findLiveUser(tx, id);
    if (basedOn && patchBasis(user) !== patchBasis(basedOn)) return null;
    if (unchanged(user, f)) return user;
    if (f.userName.toLowerCase() !== user.upnKey) await assertUpnFree(tx, f.userName, user.id);
    return applyUserChange(ctx, tx, user, columns(f), (after) => scimAudit("UPDATE_USER", id, after.userPrincipalName, { before: view(user), after: view(after) }));
  });
}

/**
 * D7: a directory DELETE always succeeds. The user loses every seat (S5), membership and sign-in; one who
 * owns bots stays as a tombstone (deletedAt) whose userPrincipalName is free for a new user.
 */
export async function deleteDirectoryUser(ctx: RequestContext, id: string): Promise<void> {
  requireProvisioning(ctx.principal);
  await ctx.write(async (tx) => {
    const user = await findLiveUser(tx, id);
    const bots = await tx.count(Bot, { ownerId: id });
    await changeSeats(ctx, tx, async () => {
      const groups = await detachUser(tx, ctx.clock, id);
      tx.report.noteChange(id, "deleted");
      if (bots > 0) {
        await tx.update(User, { id }, { deletedAt: ctx.clock.now(), accountEnabled: false, upnKey: `~deleted~${id}`, updatedAt: ctx.clock.now() });
      } else {
        await tx.delete(User, { id });
      }
      return { result: undefined, facts: { usersDeleted: [id] }, audit: scimAudit("DELETE_USER", id, user.userPrincipalName, { before: { ...view(user), groupIds: groups }, keptForBots: bots }) };
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
  requireProvisioning(ctx.principal);
  return ctx.db.findOne(User, { id, deletedAt: IsNull() });
}

/** D2, D5: a stable order (creation order by ID), 1-based startIndex. Two statements: the page and the count. */
export async function listDirectoryUsers(ctx: RequestContext, q: DirectoryQuery): Promise<{ total: number; users: User[] }> {
  requireProvisioning(ctx.principal);
  const qb = ctx.db.qb(User, "u").andWhere("u.deletedAt IS NULL");
  whereFilter(qb, q.filter, userColumns("u"));
  const [users, total] = await qb.orderBy("u.id", "ASC").skip(q.startIndex - 1).take(q.count).getManyAndCount();
  return { total, users };
}
