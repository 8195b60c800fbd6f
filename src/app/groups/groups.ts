import { Brackets, In, FindOptionsWhere, IsNull } from "typeorm";
import type { RequestContext } from "../request/context";
import { AutoClaimPolicy, GroupLicenseAssignment, GroupNesting, GroupUserMember, SecurityGroup, User } from "../../data/entities";
import { AppError, badInput, ErrorCode, notFound } from "../../domain/errors";
import { newId } from "../../domain/ids";
import { Permission, requirePermission } from "../auth/permissions";
import { Page, PageArgs } from "../../domain/paging";
import { pageByIds } from "../../data/paging";
import { SeatEngine } from "../../data/licensing/seat-engine";
import type { SeatFacts } from "../../domain/licensing/seat-facts";
import { containsPattern, optionalText, prefixPattern, requiredText, uniqueIds, wordPrefixPatterns } from "../../domain/validation";
import { recordAudit } from "../audit/audit";
import { changeSeats } from "../seats/seat-change";
import { MAX_MEMBERS_PER_CALL } from "../../domain/limits";
import { CreateSecurityGroupInput, GroupMembersInput, UpdateSecurityGroupInput } from "./inputs";
import { TenantDb } from "../../data/tenant-db";
import { ObjectSource } from "../../domain/enums";
import type { Clock } from "../../domain/clock";
import { directoryManaged } from "../users/users";
import { membersChanged } from "../../data/group-modified";
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

/**
 * A group leaving the tenant (GraphQL deleteGroup, a directory's DELETE), inside the caller's seat change: its
 * memberships, its nestings both ways and the row go. Returns the facts: the group deleted, its members and the
 * groups nested in it removed from it, it removed from the groups it was nested in.
 */
export async function detachGroup(tx: TenantDb, engine: SeatEngine, clock: Clock, id: string): Promise<SeatFacts> {
  const children = [...(await engine.graph()).childrenOf(id)];
  const userIds = (await tx.find(GroupUserMember, { groupId: id })).map((m) => m.userId);
  const parents = (await tx.find(GroupNesting, { childId: id })).map((n) => n.parentId);
  await tx.delete(GroupUserMember, { groupId: id });
  await tx.delete(GroupNesting, { parentId: id });
  await tx.delete(GroupNesting, { childId: id });
  await tx.delete(SecurityGroup, { id });
  // V2: an auto-claim policy scoped to the group goes with it (off), rather than opening to everyone.
  await tx.delete(AutoClaimPolicy, { scopeGroupId: id });
  // The groups it was nested in lost a member (H7).
  await membersChanged(tx, clock, parents);
  return {
    groupsDeleted: [id],
    membersRemoved: [{ groupId: id, userIds, groupIds: children }, ...parents.map((p) => ({ groupId: p, groupIds: [id] }))],
  };
}

export async function findGroup(tx: TenantDb, id: string): Promise<SecurityGroup> {
  const g = await tx.findOne(SecurityGroup, { id });
  if (!g) throw notFound("Security group", id);
  return g;
}

/** Every ID must exist in this tenant, or the whole call is refused (another tenant's ID is simply not found). */
async function requireAll<T extends { id: string; tenantId: string }>(tx: TenantDb, entity: new () => T, ids: string[], what: string, where: FindOptionsWhere<T> = {}): Promise<void> {
  if (!ids.length) return;
  const found = new Set((await tx.findIn(entity, "id" as keyof T & string, ids, where)).map((r) => r.id));
  const missing = ids.filter((i) => !found.has(i));
  if (missing.length) throw new AppError(ErrorCode.NOT_FOUND, `${what} not found: ${missing.slice(0, 10).join(", ")}${missing.length > 10 ? ", …" : ""}`, { missingIds: missing.slice(0, 100) });
}

function memberIds(input: GroupMembersInput) {
  const userIds = uniqueIds(input.userIds);
  const groupIds = uniqueIds(input.groupIds);
  if (userIds.length + groupIds.length > MAX_MEMBERS_PER_CALL) {
    throw badInput(`At most ${MAX_MEMBERS_PER_CALL} IDs per call.`, "userIds");
  }
  return { userIds, groupIds };
}

interface MembershipChange {
  /** The members that came or went. */
  facts: SeatFacts;
  /** Whether a member came or went (a call naming only present members, or only absent ones, changes nothing). */
  changed: boolean;
  details: Record<string, unknown>;
}

/**
 * Shared by add and remove (G1): every ID must exist in this tenant, one
 * transaction, then the wants of everyone reached are recomputed and the seats
 * rebalanced (S5) before the audit event is written.
 */
async function changeMembers(
  ctx: RequestContext,
  input: GroupMembersInput,
  action: string,
  apply: (tx: TenantDb, group: SecurityGroup, ids: { userIds: string[]; groupIds: string[] }, engine: SeatEngine) => Promise<MembershipChange>,
): Promise<SecurityGroup> {
  requirePermission(ctx.principal, Permission.MANAGE_GROUPS);
  const ids = memberIds(input);
  return ctx.write(async (tx) => {
    const group = await findGroup(tx, input.groupId);
    // D8: a directory group's members come from the directory; nesting it inside a cloud group stays open.
    if (group.source === ObjectSource.DIRECTORY) throw directoryManaged("The membership of this group");
    // A user the directory deleted (kept for their bots, D7) joins no group.
    await requireAll(tx, User, ids.userIds, "Users", { deletedAt: IsNull() });
    await requireAll(tx, SecurityGroup, ids.groupIds, "Groups");
    return changeSeats(ctx, tx, async (engine) => {
      const change = await apply(tx, group, ids, engine);
      const result = change.changed ? Object.assign(new SecurityGroup(), group, { updatedAt: await membersChanged(tx, ctx.clock, [group.id]) }) : group;
      return { result, facts: change.facts, audit: { action, targetId: group.id, targetName: group.displayName, details: change.details } };
    });
  });
}

/** G1: adds users and nests groups in one transaction; existing members are a no-op; cycles are refused. */
export function addMembers(ctx: RequestContext, input: GroupMembersInput): Promise<SecurityGroup> {
  return changeMembers(ctx, input, "ADD_GROUP_MEMBERS", async (tx, group, { userIds, groupIds }, engine) => {
    const graph = await engine.graph();
    for (const child of groupIds) {
      if (graph.wouldCycle(group.id, child)) {
        // K8: the loop named in full, so the console can say which chain would close: the group, the child, …, the group.
        const path = [group.id, ...graph.pathDown(child, group.id)!];
        const names = new Map((await tx.findIn(SecurityGroup, "id", [...new Set(path)])).map((g) => [g.id, g.displayName]));
        throw new AppError(ErrorCode.GROUP_CYCLE, `Nesting ${child} inside ${group.id} would put the group inside itself.`, {
          groupId: child, cycle: path.map((id) => ({ id, displayName: names.get(id) ?? id })),
        });
      }
    }
    const now = ctx.clock.now();
    const presentUsers = new Set((await tx.findIn(GroupUserMember, "userId", userIds, { groupId: group.id })).map((m) => m.userId));
    const newUsers = userIds.filter((u) => !presentUsers.has(u));
    const presentGroups = new Set(graph.childrenOf(group.id));
    const newGroups = groupIds.filter((g) => !presentGroups.has(g));
    await tx.insert(GroupUserMember, newUsers.map((userId) => ({ groupId: group.id, userId, createdAt: now })));
    await tx.insert(GroupNesting, newGroups.map((childId) => ({ parentId: group.id, childId, createdAt: now })));
    return {
      facts: { membersAdded: [{ groupId: group.id, userIds: newUsers, groupIds: newGroups }] },
      changed: newUsers.length + newGroups.length > 0,
      details: {
        addedUserIds: newUsers, addedGroupIds: newGroups,
        unchangedUserIds: userIds.filter((u) => presentUsers.has(u)), unchangedGroupIds: groupIds.filter((g) => presentGroups.has(g)),
      },
    };
  });
}

export function removeMembers(ctx: RequestContext, input: GroupMembersInput): Promise<SecurityGroup> {
  return changeMembers(ctx, input, "REMOVE_GROUP_MEMBERS", async (tx, group, { userIds, groupIds }, engine) => {
    const children = (await engine.graph()).childrenOf(group.id);
    const removedUsers = (await tx.findIn(GroupUserMember, "userId", userIds, { groupId: group.id })).map((m) => m.userId);
    const removedGroups = groupIds.filter((g) => children.includes(g));
    await tx.deleteIn(GroupUserMember, "userId", removedUsers, { groupId: group.id });
    if (removedGroups.length) await tx.delete(GroupNesting, { parentId: group.id, childId: In(removedGroups) });
    return { facts: { membersRemoved: [{ groupId: group.id, userIds: removedUsers, groupIds: removedGroups }] }, changed: removedUsers.length + removedGroups.length > 0, details: { removedUserIds: removedUsers, removedGroupIds: removedGroups } };
  });
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
