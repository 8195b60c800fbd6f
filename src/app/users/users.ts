import { Brackets, IsNull } from "typeorm";
import type { RequestContext } from "../request/context";
import { TenantDb } from "../../data/tenant-db";
import { Bot, GroupUserMember, User, UserLicenseAssignment, UserTrial } from "../../data/entities";
import { AdminRole, LicenseState, ObjectSource } from "../../domain/enums";
import { AppError, ErrorCode, notFound } from "../../domain/errors";
import { newId } from "../../domain/ids";
import { Permission, requirePermission, requireSignedIn, requireUser } from "../auth/permissions";
import { Page, PageArgs } from "../../domain/paging";
import { pageByIds } from "../../data/paging";
import { changeSeats } from "../seats/seat-change";
import type { SeatEngine } from "../../data/licensing/seat-engine";
import { containsPattern, prefixPattern, requiredText, userPrincipalName, wordPrefixPatterns } from "../../domain/validation";
import { recordAudit } from "../audit/audit";
import { CreateUserInput, UpdateUserInput, UserFilter } from "./inputs";
import { usageLocation } from "../../domain/countries";
import type { Clock } from "../../domain/clock";
import { membersChanged } from "../../data/group-modified";
import { assignedSku, canCreateBots, inLicenseState, licensed, withSku } from "./license-filters";
import { Condition, directMemberOf, not } from "../../data/user-conditions";

const view = (u: User) => ({
  userPrincipalName: u.userPrincipalName, displayName: u.displayName, accountEnabled: u.accountEnabled, roles: u.roles, usageLocation: u.usageLocation ?? null,
});

/** D8: what the directory owns of its users cannot be changed here. */
export function directoryManaged(what: string, field?: string): AppError {
  return new AppError(ErrorCode.DIRECTORY_MANAGED, `${what} is managed by the tenant's directory (SCIM); change it there.`, field ? { field } : undefined);
}

const isEnabledGlobalAdmin = (u: Pick<User, "roles" | "accountEnabled">) => u.accountEnabled && u.roles.includes(AdminRole.GLOBAL_ADMIN);

/** U3: a change that leaves no enabled GLOBAL_ADMIN is refused. */
async function guardLastGlobalAdmin(tx: TenantDb, before: User, after: Pick<User, "roles" | "accountEnabled"> | null): Promise<void> {
  if (!isEnabledGlobalAdmin(before) || (after && isEnabledGlobalAdmin(after))) return;
  const admins = await tx.qb(User, "u").andWhere("u.accountEnabled = :on", { on: true }).andWhere("u.id <> :id", { id: before.id }).getMany();
  if (!admins.some(isEnabledGlobalAdmin)) {
    throw new AppError(ErrorCode.LAST_GLOBAL_ADMIN, "This is the last enabled GLOBAL_ADMIN of the tenant; make someone else GLOBAL_ADMIN first.");
  }
}

async function assertUpnFree(tx: TenantDb, upn: string): Promise<void> {
  if (await tx.findOne(User, { upnKey: upn.toLowerCase() })) {
    throw new AppError(ErrorCode.CONFLICT, `A user with userPrincipalName ${upn} already exists in this tenant.`);
  }
}

const roleList = (roles: AdminRole[] | null | undefined) => [...new Set(roles ?? [])].sort();

export async function createUser(ctx: RequestContext, input: CreateUserInput): Promise<User> {
  requirePermission(ctx.principal, Permission.MANAGE_USERS);
  const upn = userPrincipalName(input.userPrincipalName);
  const user = Object.assign(new User(), {
    id: newId("user"), tenantId: ctx.tenantId, userPrincipalName: upn, upnKey: upn.toLowerCase(),
    displayName: requiredText(input.displayName, "displayName"), accountEnabled: input.accountEnabled ?? true,
    roles: roleList(input.roles), createdAt: ctx.clock.now(),
    usageLocation: input.usageLocation ? usageLocation(input.usageLocation, "usageLocation") : null,
    source: ObjectSource.CLOUD, externalId: null, deletedAt: null, updatedAt: null,
  });
  return ctx.write(async (tx) => {
    await assertUpnFree(tx, upn);
    await tx.insert(User, [user]);
    tx.report.noteChange(user.id, "created");
    await recordAudit(tx, ctx, "CREATE_USER", user.id, { after: view(user) }, user.userPrincipalName);
    return user;
  });
}

export async function updateUser(ctx: RequestContext, input: UpdateUserInput): Promise<User> {
  requirePermission(ctx.principal, Permission.MANAGE_USERS);
  const patch: Partial<User> = {};
  if (input.displayName != null) patch.displayName = requiredText(input.displayName, "displayName");
  if (input.roles != null) patch.roles = roleList(input.roles);
  if (input.accountEnabled != null) patch.accountEnabled = input.accountEnabled;
  if (input.usageLocation != null) patch.usageLocation = input.usageLocation.trim() === "" ? null : usageLocation(input.usageLocation, "usageLocation");
  return ctx.write(async (tx) => {
    const user = await tx.findOne(User, { id: input.id, deletedAt: IsNull() });
    if (!user) throw notFound("User", input.id);
    if (user.source === ObjectSource.DIRECTORY) {
      if (patch.displayName !== undefined && patch.displayName !== user.displayName) throw directoryManaged("The user's displayName", "displayName");
      if (patch.accountEnabled !== undefined && patch.accountEnabled !== user.accountEnabled) throw directoryManaged("The user's accountEnabled", "accountEnabled");
    }
    const after = Object.assign(new User(), user, patch);
    await guardLastGlobalAdmin(tx, user, after);
    const moved = patch.usageLocation !== undefined && patch.usageLocation !== user.usageLocation;
    // Roles and the account reach myLicenseChanged and the live permission checks (E2).
    tx.report.userIds.add(user.id);
    tx.report.noteChange(user.id, "updated");
    if (!moved) {
      if (Object.keys(patch).length) await tx.update(User, { id: user.id }, { ...patch, updatedAt: ctx.clock.now() });
      await recordAudit(tx, ctx, "UPDATE_USER", user.id, { before: view(user), after: view(after) }, after.userPrincipalName);
      return after;
    }
    // L3: a holder now prohibited loses the seat; one now allowed queues again by the start of their want.
    return changeSeats(ctx, tx, async (engine) => {
      await tx.update(User, { id: user.id }, { ...patch, updatedAt: ctx.clock.now() });
      engine.recheckLocations();
      return { result: after, affected: { userIds: [user.id] }, audit: { action: "UPDATE_USER", targetId: user.id, targetName: after.userPrincipalName, details: { before: view(user), after: view(after) } } };
    });
  });
}

/** U2, U3: frees the user's seats for the next in line and drops their memberships. */
export async function deleteUser(ctx: RequestContext, id: string): Promise<string> {
  requirePermission(ctx.principal, Permission.MANAGE_USERS);
  return ctx.write(async (tx) => {
    const user = await tx.findOne(User, { id, deletedAt: IsNull() });
    if (!user) throw notFound("User", id);
    if (user.source === ObjectSource.DIRECTORY) throw directoryManaged("Deleting this user");
    await guardLastGlobalAdmin(tx, user, null);
    const bots = await tx.count(Bot, { ownerId: id });
    if (bots > 0) {
      throw new AppError(ErrorCode.USER_OWNS_BOTS, `The user owns ${bots} bot(s); reassign or delete them first.`, { botCount: bots });
    }
    return changeSeats(ctx, tx, async (engine) => {
      const groups = await detachUser(tx, engine, ctx.clock, id);
      await tx.delete(User, { id });
      tx.report.noteChange(id, "deleted");
      return { result: id, touchedUserIds: [id], audit: { action: "DELETE_USER", targetId: id, targetName: user.userPrincipalName, details: { before: { ...view(user), groupIds: groups } } } };
    });
  });
}

/** Readers see everyone; a user without roles sees only themselves. */
/**
 * A user leaving the tenant (GraphQL deleteUser, a directory's DELETE): their memberships, direct assignments,
 * trials and wants go, inside the caller's seat change (S5 gives the seats to the next in line). Returns the
 * groups they were in, for the audit event.
 */
export async function detachUser(tx: TenantDb, engine: SeatEngine, clock: Clock, id: string): Promise<string[]> {
  const groups = (await tx.find(GroupUserMember, { userId: id })).map((m) => m.groupId);
  await tx.delete(GroupUserMember, { userId: id });
  // Each of those groups lost a member (H7).
  await membersChanged(tx, clock, groups);
  await tx.delete(UserLicenseAssignment, { userId: id });
  await tx.delete(UserTrial, { userId: id });
  await engine.dropWants([id]);
  return groups;
}

export async function getUser(ctx: RequestContext, id: string): Promise<User | null> {
  const p = requireUser(ctx.principal);
  if (id !== p.userId) requirePermission(p, Permission.READ_TENANT);
  return ctx.loaders.user.load(id);
}

/** A user by sign-in name (U1: any letter case), with getUser's rights: a user reads themself, readers anyone. */
export async function getUserByPrincipalName(ctx: RequestContext, upn: string): Promise<User | null> {
  const p = requireUser(ctx.principal);
  const key = upn.toLowerCase();
  if (p.user.upnKey === key) return ctx.loaders.user.load(p.userId);
  requirePermission(p, Permission.READ_TENANT);
  const user = await ctx.db.findOne(User, { upnKey: key, deletedAt: IsNull() });
  if (user) ctx.loaders.user.prime(user.id, user);
  return user;
}

export function me(ctx: RequestContext): Promise<User | null> {
  const p = requireUser(ctx.principal);
  return ctx.loaders.user.load(p.userId);
}

/**
 * A user's groups, licenses and bots are for readers of the tenant and for the
 * user themself (and for the operator reading the admin it has just created);
 * an app identity such as BotRuntime sees none of it.
 */
export function assertCanSeeUser(ctx: RequestContext, user: User): void {
  const p = ctx.principal;
  if (ctx.isScopedTo(user.tenantId)) return;
  requireSignedIn(p);
  if (p.kind === "user" && p.userId === user.id) return;
  requirePermission(p, Permission.READ_TENANT);
}

export async function listUsers(ctx: RequestContext, args: PageArgs & { filter?: UserFilter | null }): Promise<Page<User>> {
  requirePermission(ctx.principal, Permission.READ_TENANT);
  const f = args.filter ?? {};
  const qb = ctx.db.qb(User, "u");
  if (!f.includeDeleted) qb.andWhere("u.deletedAt IS NULL");
  const q = containsPattern(f.search);
  if (q) {
    qb.andWhere(new Brackets((b) => b.where("LOWER(u.displayName) LIKE :q ESCAPE '\\'", { q }).orWhere("u.upnKey LIKE :q ESCAPE '\\'", { q })));
  }
  if (f.userPrincipalName != null) qb.andWhere("u.upnKey = :upnKey", { upnKey: f.userPrincipalName.toLowerCase() });
  if (f.accountEnabled != null) qb.andWhere("u.accountEnabled = :enabled", { enabled: f.accountEnabled });
  const prefix = prefixPattern(f.displayNameStartsWith, "displayNameStartsWith");
  if (prefix) qb.andWhere("LOWER(u.displayName) LIKE :prefix ESCAPE '\\'", { prefix });
  const words = wordPrefixPatterns(f.displayNameWordStartsWith, "displayNameWordStartsWith");
  if (words) {
    qb.andWhere(new Brackets((b) => b.where("LOWER(u.displayName) LIKE :w0 ESCAPE '\\'", { w0: words[0] }).orWhere("LOWER(u.displayName) LIKE :w1 ESCAPE '\\'", { w1: words[1] })));
  }
  const where = (c: Condition) => qb.andWhere(c.sql, c.params);
  if (f.assignedSkuIds?.length) {
    const lic = await ctx.loaders.licensing();
    [...new Set(f.assignedSkuIds)].forEach((skuId, i) => where(assignedSku(lic, skuId, `as${i}`)));
  }
  if (f.memberOfGroupId) where(directMemberOf(ctx.db, "gm", [f.memberOfGroupId]));
  if (f.skuId) where(withSku(f.skuId, "fs"));
  const lic = f.licenseState || f.hasLicenseErrors != null || f.canCreateBots != null ? await ctx.loaders.licensing() : undefined;
  if (f.licenseState) where(inLicenseState(ctx, lic!, f.licenseState as LicenseState, f.skuId, "ls"));
  if (f.unlicensed != null) where(f.unlicensed ? not(licensed()) : licensed());
  if (f.hasLicenseErrors != null) {
    const errors = inLicenseState(ctx, lic!, LicenseState.ERROR, null, "le");
    where(f.hasLicenseErrors ? errors : not(errors));
  }
  if (f.canCreateBots != null) {
    const can = canCreateBots(ctx, lic!, await ctx.loaders.graph());
    where(f.canCreateBots ? can : not(can));
  }
  const page = await pageByIds(qb, args);
  // The page's rows are what the user loader would read again for their usage location (L3): one statement less.
  for (const u of page.nodes) ctx.loaders.user.prime(u.id, u);
  return page;
}
