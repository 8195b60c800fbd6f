/**
 * The rules of groups and their memberships, one home for both ways in: GraphQL (groups.ts) and the directory
 * (directory-groups.ts) call these with values they have already parsed.
 */
import { In, IsNull } from "typeorm";
import type { RequestContext } from "../request/context";
import { TenantDb } from "../../data/tenant-db";
import { AutoClaimPolicy, GroupNesting, GroupUserMember, SecurityGroup, User } from "../../data/entities";
import { SeatEngine } from "../../data/licensing/seat-engine";
import type { TenantGraph } from "../../data/licensing/graph";
import { membersChanged } from "../../data/group-modified";
import { AppError, badInput, ErrorCode, notFound } from "../../domain/errors";
import { MAX_MEMBERS_PER_CALL } from "../../domain/limits";
import type { Clock } from "../../domain/clock";
import type { SeatFacts } from "../../domain/licensing/seat-facts";

/** Direct members of a group: users, and groups nested in it (D4: groups nest). */
export interface Members {
  userIds: string[];
  groupIds: string[];
}

/**
 * A membership change as the way in meant it, already netted: members to add and to remove (disjoint; a present
 * member added or an absent one removed is a no-op), or the complete new list (SCIM PUT, a PATCH replace).
 * A delta reads only the members it names, so adding one member to a group of 10,000 reads one row, not 10,000.
 */
export type MembershipChange = { add: Members; remove: Members } | { replace: Members };

export const noMembers = (): Members => ({ userIds: [], groupIds: [] });

export async function findGroup(db: TenantDb, id: string): Promise<SecurityGroup> {
  const g = await db.findOne(SecurityGroup, { id });
  if (!g) throw notFound("Security group", id);
  return g;
}

/** G1: the IDs one call names, at most 5,000. `limit` says which limit refused it (SCIM answers it as tooMany). */
export function assertMembersPerCall(count: number, field?: string): void {
  if (count <= MAX_MEMBERS_PER_CALL) return;
  const e = badInput(`At most ${MAX_MEMBERS_PER_CALL} member IDs per call (G1).`, field);
  Object.assign(e.extensions, { limit: MAX_MEMBERS_PER_CALL });
  throw e;
}

/** The IDs named in a change, for G1's count: a replace names its list, not the members it takes out. */
export const namedCount = (c: MembershipChange): number =>
  "replace" in c ? c.replace.userIds.length + c.replace.groupIds.length : c.add.userIds.length + c.add.groupIds.length + c.remove.userIds.length + c.remove.groupIds.length;

/** The members a change can bring in (what must exist, D4 and G1). */
export const joining = (c: MembershipChange): Members => ("replace" in c ? c.replace : c.add);

/**
 * Which of these are not a live user or a group of this tenant (another tenant's ID is simply not found; a user the
 * directory deleted, kept for their bots, D7, joins no group). Each way in says it in its own terms.
 */
export async function missingMembers(tx: TenantDb, m: Members): Promise<Members> {
  const users = new Set((await tx.findIn(User, "id", m.userIds, { deletedAt: IsNull() })).map((u) => u.id));
  const groups = new Set((await tx.findIn(SecurityGroup, "id", m.groupIds)).map((g) => g.id));
  return { userIds: m.userIds.filter((u) => !users.has(u)), groupIds: m.groupIds.filter((g) => !groups.has(g)) };
}

export interface AppliedMembership {
  /** The members that came or went, for the seat engine. */
  facts: SeatFacts;
  /** Whether a member came or went (a call naming only present members, or only absent ones, changes nothing). */
  changed: boolean;
  /** H7: when the group was modified by it; null when nothing changed. */
  modifiedAt: Date | null;
  /** For the audit event. */
  details: Record<string, unknown>;
}

/**
 * G1, D4, D6: applies a membership change inside the caller's seat change, whoever asks. The IDs it brings in have
 * been checked to exist; a nesting that would close a cycle is GROUP_CYCLE (nothing written); present members added
 * and absent ones removed are no-ops; the group is noted modified (H7) when a member came or went.
 */
export async function applyMembership(ctx: RequestContext, tx: TenantDb, engine: SeatEngine, group: SecurityGroup, change: MembershipChange): Promise<AppliedMembership> {
  const graph = await engine.graph();
  const children = new Set(graph.childrenOf(group.id));
  let add: Members;
  let remove: Members;
  let presentUsers: Set<string>;
  if ("replace" in change) {
    // A complete list is compared with the current members, which it has to read.
    presentUsers = new Set((await tx.find(GroupUserMember, { groupId: group.id })).map((m) => m.userId));
    const keepUsers = new Set(change.replace.userIds);
    const keepGroups = new Set(change.replace.groupIds);
    add = change.replace;
    remove = { userIds: [...presentUsers].filter((u) => !keepUsers.has(u)), groupIds: [...children].filter((g) => !keepGroups.has(g)) };
  } else {
    ({ add, remove } = change);
    const named = [...add.userIds, ...remove.userIds];
    presentUsers = new Set((await tx.findIn(GroupUserMember, "userId", named, { groupId: group.id })).map((m) => m.userId));
  }
  const addedUsers = add.userIds.filter((u) => !presentUsers.has(u));
  const addedGroups = add.groupIds.filter((g) => !children.has(g));
  const removedUsers = remove.userIds.filter((u) => presentUsers.has(u));
  const removedGroups = remove.groupIds.filter((g) => children.has(g));
  await refuseCycles(tx, graph, group.id, addedGroups);
  const now = ctx.clock.now();
  await tx.deleteIn(GroupUserMember, "userId", removedUsers, { groupId: group.id });
  if (removedGroups.length) await tx.delete(GroupNesting, { parentId: group.id, childId: In(removedGroups) });
  await tx.insert(GroupUserMember, addedUsers.map((userId) => ({ groupId: group.id, userId, createdAt: now })));
  await tx.insert(GroupNesting, addedGroups.map((childId) => ({ parentId: group.id, childId, createdAt: now })));
  const changed = addedUsers.length + addedGroups.length + removedUsers.length + removedGroups.length > 0;
  const unchangedUsers = add.userIds.filter((u) => presentUsers.has(u));
  const unchangedGroups = add.groupIds.filter((g) => children.has(g));
  return {
    facts: {
      membersAdded: [{ groupId: group.id, userIds: addedUsers, groupIds: addedGroups }],
      membersRemoved: [{ groupId: group.id, userIds: removedUsers, groupIds: removedGroups }],
    },
    changed,
    modifiedAt: changed ? await membersChanged(tx, ctx.clock, [group.id]) : null,
    details: {
      addedUserIds: addedUsers, addedGroupIds: addedGroups, removedUserIds: removedUsers, removedGroupIds: removedGroups,
      ...(unchangedUsers.length ? { unchangedUserIds: unchangedUsers } : {}),
      ...(unchangedGroups.length ? { unchangedGroupIds: unchangedGroups } : {}),
    },
  };
}

/** G1: a nesting that would put a group inside itself, at any depth, is refused. */
async function refuseCycles(tx: TenantDb, graph: TenantGraph, groupId: string, childIds: string[]): Promise<void> {
  for (const child of childIds) {
    if (!graph.wouldCycle(groupId, child)) continue;
    // K8: the loop named in full, so the console can say which chain would close: the group, the child, …, the group.
    const path = [groupId, ...graph.pathDown(child, groupId)!];
    const names = new Map((await tx.findIn(SecurityGroup, "id", [...new Set(path)])).map((g) => [g.id, g.displayName]));
    throw new AppError(ErrorCode.GROUP_CYCLE, `Nesting ${child} inside ${groupId} would put the group inside itself.`, {
      groupId: child, cycle: path.map((id) => ({ id, displayName: names.get(id) ?? id })),
    });
  }
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
