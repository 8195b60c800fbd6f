import { Brackets } from "typeorm";
import type { RequestContext } from "../request/context";
import { GroupLicenseAssignment, SecurityGroup, User } from "../../data/entities";
import { AppError, ErrorCode } from "../../domain/errors";
import { newId } from "../../domain/ids";
import { Permission, requirePermission } from "../auth/permissions";
import { Page, PageArgs } from "../../domain/paging";
import { pageByIds } from "../../data/paging";
import { containsPattern, optionalText, prefixPattern, requiredText, uniqueIds, wordPrefixPatterns } from "../../domain/validation";
import { recordAudit } from "../audit/audit";
import { changeSeats } from "../seats/seat-change";
import { CreateSecurityGroupInput, GroupMembersInput, UpdateSecurityGroupInput } from "./inputs";
import { TenantDb } from "../../data/tenant-db";
import { ObjectSource } from "../../domain/enums";
import { directoryManaged } from "../users/users";
import { applyMembership, assertMembersPerCall, detachGroup, findGroup, Members, missingMembers, noMembers } from "./rules";
import { directMemberOf } from "../../data/user-conditions";

export async function createGroup(ctx: RequestContext, input: CreateSecurityGroupInput): Promise<SecurityGroup> {
  requirePermission(ctx.principal, Permission.MANAGE_GROUPS);
  const group = Object.assign(new SecurityGroup(), {
    id: newId("group"), tenantId: ctx.tenantId, displayName: requiredText(input.displayName, "displayName"),
    description: optionalText(input.description, "description"), createdAt: ctx.clock.now(),
    source: ObjectSource.CLOUD, externalId: null, updatedAt: null, scimAttributes: null,
  });
  return ctx.write(async (tx) => {
    await tx.insert(SecurityGroup, [group]);
    tx.report.noteChange(group.id, "created");
    await recordAudit(tx, ctx, "CREATE_GROUP", group.id, { after: { displayName: group.displayName, description: group.description } }, group.displayName);
    return group;
  });
}

export async function updateGroup(ctx: RequestContext, input: UpdateSecurityGroupInput): Promise<SecurityGroup> {
  requirePermission(ctx.principal, Permission.MANAGE_GROUPS);
  const patch: Partial<SecurityGroup> = {};
  if (input.displayName != null) patch.displayName = requiredText(input.displayName, "displayName");
  if (input.description !== undefined) patch.description = optionalText(input.description, "description");
  return ctx.write(async (tx) => {
    const g = await findGroup(tx, input.id);
    if (g.source === ObjectSource.DIRECTORY && patch.displayName !== undefined && patch.displayName !== g.displayName) {
      throw directoryManaged("The group's displayName", "displayName");
    }
    // A rename is a modification a directory can see (SCIM meta.lastModified, H7).
    if (patch.displayName !== undefined && patch.displayName !== g.displayName) patch.updatedAt = ctx.clock.now();
    if (Object.keys(patch).length) await tx.update(SecurityGroup, { id: g.id }, patch);
    tx.report.noteChange(g.id, "updated");
    const after = Object.assign(new SecurityGroup(), g, patch);
    await recordAudit(tx, ctx, "UPDATE_GROUP", g.id, {
      before: { displayName: g.displayName, description: g.description },
      after: { displayName: after.displayName, description: after.description },
    }, after.displayName);
    return after;
  });
}

/** G2: a group that has licenses assigned stays until they are removed. */
export async function deleteGroup(ctx: RequestContext, id: string): Promise<string> {
  requirePermission(ctx.principal, Permission.MANAGE_GROUPS);
  return ctx.write(async (tx) => {
    const g = await findGroup(tx, id);
    if (g.source === ObjectSource.DIRECTORY) throw directoryManaged("Deleting this group");
    const licenses = await tx.count(GroupLicenseAssignment, { groupId: id });
    if (licenses > 0) {
      throw new AppError(ErrorCode.GROUP_HAS_LICENSES, `The group has ${licenses} license(s) assigned; remove them first.`);
    }
    return changeSeats(ctx, tx, async (engine) => {
      const facts = await detachGroup(tx, engine, ctx.clock, id);
      tx.report.noteChange(id, "deleted");
      return { result: id, facts, audit: { action: "DELETE_GROUP", targetId: id, targetName: g.displayName, details: { before: { displayName: g.displayName } } } };
    });
  });
}

function memberIds(input: GroupMembersInput): Members {
  const ids = { userIds: uniqueIds(input.userIds), groupIds: uniqueIds(input.groupIds) };
  assertMembersPerCall(ids.userIds.length + ids.groupIds.length, "userIds");
  return ids;
}

/** Every ID must exist in this tenant, or the whole call is refused (another tenant's ID is simply not found). */
async function requireMembers(tx: TenantDb, ids: Members): Promise<void> {
  const missing = await missingMembers(tx, ids);
  for (const [what, list] of [["Users", missing.userIds], ["Groups", missing.groupIds]] as const) {
    if (list.length) throw new AppError(ErrorCode.NOT_FOUND, `${what} not found: ${list.slice(0, 10).join(", ")}${list.length > 10 ? ", …" : ""}`, { missingIds: list.slice(0, 100) });
  }
}

/**
 * Shared by add and remove (G1): every ID must exist in this tenant, one transaction, the change applied by the
 * rules both ways in share, then the seat engine (S5) before the audit event is written.
 */
async function changeMembers(ctx: RequestContext, input: GroupMembersInput, action: string, side: "add" | "remove"): Promise<SecurityGroup> {
  requirePermission(ctx.principal, Permission.MANAGE_GROUPS);
  const ids = memberIds(input);
  return ctx.write(async (tx) => {
    const group = await findGroup(tx, input.groupId);
    // D8: a directory group's members come from the directory; nesting it inside a cloud group stays open.
    if (group.source === ObjectSource.DIRECTORY) throw directoryManaged("The membership of this group");
    await requireMembers(tx, ids);
    return changeSeats(ctx, tx, async (engine) => {
      const change = side === "add" ? { add: ids, remove: noMembers() } : { add: noMembers(), remove: ids };
      const m = await applyMembership(ctx, tx, engine, group, change);
      const result = m.modifiedAt ? Object.assign(new SecurityGroup(), group, { updatedAt: m.modifiedAt }) : group;
      return { result, facts: m.facts, audit: { action, targetId: group.id, targetName: group.displayName, details: m.details } };
    });
  });
}

/** G1: adds users and nests groups in one transaction; existing members are a no-op; cycles are refused. */
export function addMembers(ctx: RequestContext, input: GroupMembersInput): Promise<SecurityGroup> {
  return changeMembers(ctx, input, "ADD_GROUP_MEMBERS", "add");
}

export function removeMembers(ctx: RequestContext, input: GroupMembersInput): Promise<SecurityGroup> {
  return changeMembers(ctx, input, "REMOVE_GROUP_MEMBERS", "remove");
}

export async function getGroup(ctx: RequestContext, id: string): Promise<SecurityGroup | null> {
  requirePermission(ctx.principal, Permission.READ_TENANT);
  return ctx.loaders.group.load(id);
}

export interface GroupListArgs extends PageArgs {
  search?: string | null;
  /** displayName starts with this, in any letter case (Graph's `startswith(displayName,…)`). */
  displayNameStartsWith?: string | null;
  /** A word of displayName starts with this (Graph's `$search="displayName:…"`). */
  displayNameWordStartsWith?: string | null;
}

export async function listGroups(ctx: RequestContext, args: GroupListArgs): Promise<Page<SecurityGroup>> {
  requirePermission(ctx.principal, Permission.READ_TENANT);
  const qb = ctx.db.qb(SecurityGroup, "g");
  const q = containsPattern(args.search);
  if (q) qb.andWhere("LOWER(g.displayName) LIKE :q ESCAPE '\\'", { q });
  const prefix = prefixPattern(args.displayNameStartsWith, "displayNameStartsWith");
  if (prefix) qb.andWhere("LOWER(g.displayName) LIKE :prefix ESCAPE '\\'", { prefix });
  const words = wordPrefixPatterns(args.displayNameWordStartsWith, "displayNameWordStartsWith");
  if (words) {
    qb.andWhere(new Brackets((b) => b.where("LOWER(g.displayName) LIKE :w0 ESCAPE '\\'", { w0: words[0] }).orWhere("LOWER(g.displayName) LIKE :w1 ESCAPE '\\'", { w1: words[1] })));
  }
  return pageByIds(qb, args);
}

/** Users page restricted to those directly in any of `groupIds`. */
export function usersInGroups(ctx: RequestContext, groupIds: string[], args: PageArgs): Promise<Page<User>> {
  const qb = ctx.db.qb(User, "u");
  const members = directMemberOf(ctx.db, "gm", groupIds);
  qb.andWhere(members.sql, members.params);
  return pageByIds(qb, args);
}
