import { Brackets, IsNull } from "typeorm";
import type { RequestContext } from "../request/context";
import { Bot, User } from "../../data/entities";
import { AdminRole, LicenseState, ObjectSource } from "../../domain/enums";
import { AppError, ErrorCode } from "../../domain/errors";
import { newId } from "../../domain/ids";
import { Permission, requirePermission, requireSignedIn, requireUser } from "../auth/permissions";
import { Page, PageArgs } from "../../domain/paging";
import { pageByIds } from "../../data/paging";
import { changeSeats } from "../seats/seat-change";
import { containsPattern, prefixPattern, requiredText, userPrincipalName, wordPrefixPatterns } from "../../domain/validation";
import { recordAudit } from "../audit/audit";
import { CreateUserInput, UpdateUserInput, UserFilter } from "./inputs";
import { usageLocation } from "../../domain/countries";
import { assignedSku, canCreateBots, inLicenseState, licensed, withSku } from "./license-filters";
import { Condition, directMemberOf, not } from "../../data/user-conditions";
import { applyUserChange, detachUser, findLiveUser, guardLastGlobalAdmin, insertUser } from "./rules";

const view = (u: User) => ({
  userPrincipalName: u.userPrincipalName, displayName: u.displayName, accountEnabled: u.accountEnabled, roles: u.roles, usageLocation: u.usageLocation ?? null,
});

/** D8: what the directory owns of its users cannot be changed here. */
export function directoryManaged(what: string, field?: string): AppError {
  return new AppError(ErrorCode.DIRECTORY_MANAGED, `${what} is managed by the tenant's directory (SCIM); change it there.`, field ? { field } : undefined);
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
    await insertUser(tx, user);
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
    const user = await findLiveUser(tx, input.id);
    if (user.source === ObjectSource.DIRECTORY) {
      if (patch.displayName !== undefined && patch.displayName !== user.displayName) throw directoryManaged("The user's displayName", "displayName");
      if (patch.accountEnabled !== undefined && patch.accountEnabled !== user.accountEnabled) throw directoryManaged("The user's accountEnabled", "accountEnabled");
    }
    return applyUserChange(ctx, tx, user, patch, (after) => ({
      action: "UPDATE_USER", targetId: user.id, targetName: after.userPrincipalName, details: { before: view(user), after: view(after) },
    }));
  });
}

/** U2, U3: frees the user's seats for the next in line and drops their memberships. */
export async function deleteUser(ctx: RequestContext, id: string): Promise<string> {
  requirePermission(ctx.principal, Permission.MANAGE_USERS);
  return ctx.write(async (tx) => {
    const user = await findLiveUser(tx, id);
    if (user.source === ObjectSource.DIRECTORY) throw directoryManaged("Deleting this user");
    await guardLastGlobalAdmin(tx, user, null);
    const bots = await tx.count(Bot, { ownerId: id });
    if (bots > 0) {
      throw new AppError(ErrorCode.USER_OWNS_BOTS, `The user owns ${bots} bot(s); reassign or delete them first.`, { botCount: bots });
    }
    return changeSeats(ctx, tx, async () => {
      const groups = await detachUser(tx, ctx.clock, id);
      await tx.delete(User, { id });
      tx.report.noteChange(id, "deleted");
      return { result: id, facts: { usersDeleted: [id] }, audit: { action: "DELETE_USER", targetId: id, targetName: user.userPrincipalName, details: { before: { ...view(user), groupIds: groups } } } };
    });
  });
}

/** Readers see everyone; a user without roles sees only themselves. */
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
