import { In, IsNull } from "typeorm";
import type { RequestContext } from "../request/context";
import { TenantDb } from "../../data/tenant-db";
import { GroupLicenseAssignment, GroupNesting, GroupUserMember, SecurityGroup, User } from "../../data/entities";
import { AppError, ErrorCode, notFound } from "../../domain/errors";
import { ObjectSource } from "../../domain/enums";
import { kindOfId, newId } from "../../domain/ids";
import { SeatEngine } from "../../data/licensing/seat-engine";
import { recordAudit } from "../audit/audit";
import { MAX_MEMBERS_PER_CALL } from "../../domain/limits";
import { DirectoryQuery, groupColumns, whereFilter } from "../../data/directory-query";
import { changeSeats, scimAudit } from "../seats/seat-change";
import { detachGroup } from "./groups";
import { membersChanged } from "../../data/group-modified";
import type { SeatFacts } from "../../domain/licensing/seat-facts";

export interface DirectoryGroupFields {
  displayName: string;
  externalId: string | null;
  /** The attributes as sent (members aside). */
  attributes: Record<string, unknown>;
}

/** Membership operations in request order; IDs are users' or groups' (groups nest, D4). */
export type MemberOp = { op: "add" | "remove"; ids: string[] } | { op: "replace"; ids: string[] } | { op: "removeAll" };

export interface Members {
  userIds: string[];
  groupIds: string[];
}

const requireProvisioning = (ctx: RequestContext) => {
  if (ctx.principal.kind !== "provisioning") throw new AppError(ErrorCode.FORBIDDEN, "Only a directory with a provisioning token writes here.");
};

/** D4: a member that is not a live user or a group of this tenant is 400 invalidValue, like any bad value. */
const invalidMember = (ids: string[]) =>
  new AppError(ErrorCode.BAD_USER_INPUT, `Unknown member(s): ${ids.slice(0, 10).join(", ")}${ids.length > 10 ? ", …" : ""}`, { scimType: "invalidValue" });

async function classify(tx: TenantDb, ids: string[]): Promise<Members> {
  const userIds = ids.filter((i) => kindOfId(i) === "user");
  const groupIds = ids.filter((i) => kindOfId(i) === "group");
  const other = ids.filter((i) => kindOfId(i) !== "user" && kindOfId(i) !== "group");
  const users = new Set((await tx.findIn(User, "id", userIds, { deletedAt: IsNull() })).map((u) => u.id));
  const groups = new Set((await tx.findIn(SecurityGroup, "id", groupIds)).map((g) => g.id));
  const missing = [...other, ...userIds.filter((u) => !users.has(u)), ...groupIds.filter((g) => !groups.has(g))];
  if (missing.length) throw invalidMember(missing);
  return { userIds, groupIds };
}

export async function findGroupOf(tx: TenantDb, id: string): Promise<SecurityGroup> {
  const g = await tx.findOne(SecurityGroup, { id });
  if (!g) throw notFound("Group", id);
  return g;
}

/** Net adds and removes of a sequence of operations; a replace compares with the current members. */
async function netChange(tx: TenantDb, groupId: string, ops: MemberOp[]): Promise<{ add: Set<string>; remove: Set<string> }> {
  const add = new Set<string>();
  const remove = new Set<string>();
  for (const o of ops) {
    if (o.op === "add") for (const i of o.ids) (remove.delete(i), add.add(i));
    else if (o.op === "remove") for (const i of o.ids) (add.delete(i), remove.add(i));
    else {
      const current = await currentMembers(tx, groupId);
      const keep = new Set(o.op === "replace" ? o.ids : []);
      add.clear();
      remove.clear();
      for (const i of [...current.userIds, ...current.groupIds]) if (!keep.has(i)) remove.add(i);
      for (const i of keep) add.add(i);
    }
  }
  const total = add.size + remove.size;
  if (total > MAX_MEMBERS_PER_CALL) {
    throw new AppError(ErrorCode.BAD_USER_INPUT, `At most ${MAX_MEMBERS_PER_CALL} members per request (G1).`, { scimType: "tooMany" });
  }
  return { add, remove };
}

async function currentMembers(tx: TenantDb, groupId: string): Promise<Members> {
  return {
    userIds: (await tx.find(GroupUserMember, { groupId })).map((m) => m.userId),
    groupIds: (await tx.find(GroupNesting, { parentId: groupId })).map((n) => n.childId),
  };
}

/** Applies membership changes inside the seat-change sequence; returns what changed for the audit event. */
async function applyMembers(tx: TenantDb, ctx: RequestContext, engine: SeatEngine, group: SecurityGroup, ops: MemberOp[]) {
  const { add, remove } = await netChange(tx, group.id, ops);
  const toAdd = await classify(tx, [...add]);
  const graph = await engine.graph();
  for (const child of toAdd.groupIds) {
    if (graph.wouldCycle(group.id, child)) {
      throw new AppError(ErrorCode.GROUP_CYCLE, `Nesting ${child} inside ${group.id} would put the group inside itself.`, { scimType: "invalidValue" });
    }
  }
  const removeIds = [...remove];
  const presentUsers = new Set((await tx.findIn(GroupUserMember, "userId", [...toAdd.userIds, ...removeIds.filter((i) => kindOfId(i) === "user")], { groupId: group.id })).map((m) => m.userId));
  const children = new Set(graph.childrenOf(group.id));
  const addedUsers = toAdd.userIds.filter((u) => !presentUsers.has(u));
  const addedGroups = toAdd.groupIds.filter((g) => !children.has(g));
  const removedUsers = removeIds.filter((u) => presentUsers.has(u));
  const removedGroups = removeIds.filter((g) => children.has(g));
  const facts: SeatFacts = {
    membersAdded: [{ groupId: group.id, userIds: addedUsers, groupIds: addedGroups }],
    membersRemoved: [{ groupId: group.id, userIds: removedUsers, groupIds: removedGroups }],
  };
  const now = ctx.clock.now();
  await tx.deleteIn(GroupUserMember, "userId", removedUsers, { groupId: group.id });
  if (removedGroups.length) await tx.delete(GroupNesting, { parentId: group.id, childId: In(removedGroups) });
  await tx.insert(GroupUserMember, addedUsers.map((userId) => ({ groupId: group.id, userId, createdAt: now })));
  await tx.insert(GroupNesting, addedGroups.map((childId) => ({ parentId: group.id, childId, createdAt: now })));
  const changed = addedUsers.length + addedGroups.length + removedUsers.length + removedGroups.length > 0;
  if (changed) await membersChanged(tx, ctx.clock, [group.id]);
  return { facts, changed, details: { addedUserIds: addedUsers, addedGroupIds: addedGroups, removedUserIds: removedUsers, removedGroupIds: removedGroups } };
}

const fieldsOf = (f: DirectoryGroupFields) => ({
  displayName: f.displayName, externalId: f.externalId, scimAttributes: JSON.stringify(f.attributes), source: ObjectSource.DIRECTORY,
});

export async function createDirectoryGroup(ctx: RequestContext, f: DirectoryGroupFields, members: string[]): Promise<SecurityGroup> {
  requireProvisioning(ctx);
  const now = ctx.clock.now();
  const group = Object.assign(new SecurityGroup(), { id: newId("group"), tenantId: ctx.tenantId, description: null, createdAt: now, updatedAt: now, ...fieldsOf(f) });
  return ctx.write(async (tx) => {
    await tx.insert(SecurityGroup, [group]);
    tx.report.noteChange(group.id, "created");
    if (!members.length) {
      await recordAudit(tx, ctx, "CREATE_GROUP", group.id, { via: "SCIM", after: { displayName: group.displayName, externalId: group.externalId } }, group.displayName);
      return group;
    }
    return changeSeats(ctx, tx, async (engine) => {
      const m = await applyMembers(tx, ctx, engine, group, [{ op: "add", ids: members }]);
      return { result: group, facts: m.facts, audit: scimAudit("CREATE_GROUP", group.id, group.displayName, { after: { displayName: group.displayName, externalId: group.externalId }, ...m.details }) };
    });
  });
}

/** PUT and PATCH (D6): one transaction for the rename and every membership operation, with the seat engine in it. */
export async function updateDirectoryGroup(
  ctx: RequestContext,
  id: string,
  next: (current: SecurityGroup) => { fields: DirectoryGroupFields; members: MemberOp[] },
): Promise<SecurityGroup> {
  requireProvisioning(ctx);
  // Okta resends a group's name with each membership change: a rename to the same name alone writes nothing.
  const current = await findGroupOf(ctx.db, id);
  const first = next(current);
  const sameFields = (g: SecurityGroup, f: DirectoryGroupFields) =>
    g.displayName === f.displayName && g.externalId === f.externalId && g.scimAttributes === JSON.stringify(f.attributes) && g.source === ObjectSource.DIRECTORY;
  if (!first.members.length && sameFields(current, first.fields)) return current;
  return ctx.write(async (tx) => {
    const group = await findGroupOf(tx, id);
    const { fields, members } = next(group);
    const patch = { ...fieldsOf(fields), updatedAt: ctx.clock.now() };
    const after = Object.assign(new SecurityGroup(), group, patch);
    const renamed = group.displayName !== after.displayName || group.externalId !== after.externalId || group.scimAttributes !== after.scimAttributes || group.source !== after.source;
    const before = { displayName: group.displayName, externalId: group.externalId };
    if (renamed) tx.report.noteChange(id, "updated");
    if (!members.length) {
      if (!renamed) return group;
      await tx.update(SecurityGroup, { id }, patch);
      await recordAudit(tx, ctx, "UPDATE_GROUP", id, { via: "SCIM", before, after: { displayName: after.displayName, externalId: after.externalId } }, after.displayName);
      return after;
    }
    return changeSeats(ctx, tx, async (engine) => {
      if (renamed) await tx.update(SecurityGroup, { id }, patch);
      const m = await applyMembers(tx, ctx, engine, group, members);
      // What is stored: a PUT that names the same members and the same name modified nothing (lastModified stays).
      const result = renamed || m.changed ? after : group;
      return { result, facts: m.facts, audit: scimAudit("UPDATE_GROUP", id, after.displayName, { before, after: { displayName: after.displayName, externalId: after.externalId }, ...m.details }) };
    });
  });
}

/** D7: a directory DELETE always succeeds, licenses or not; members lose what the group gave them (S5). */
export async function deleteDirectoryGroup(ctx: RequestContext, id: string): Promise<void> {
  requireProvisioning(ctx);
  await ctx.write(async (tx) => {
    const group = await findGroupOf(tx, id);
    tx.report.noteChange(id, "deleted");
    await changeSeats(ctx, tx, async (engine) => {
      const licenses = await tx.find(GroupLicenseAssignment, { groupId: id });
      await tx.delete(GroupLicenseAssignment, { groupId: id });
      const detached = await detachGroup(tx, engine, ctx.clock, id);
      return {
        result: undefined,
        facts: { ...detached, sourcesRemoved: licenses.map((l) => ({ skuId: l.skuId, groupIds: [id] })) },
        audit: scimAudit("DELETE_GROUP", id, group.displayName, {
          before: { displayName: group.displayName, externalId: group.externalId },
          removedLicenses: licenses.map((l) => ctx.catalog.sku(l.skuId)?.partNumber ?? l.skuId),
        }),
      };
    });
  });
}

export async function getDirectoryGroup(ctx: RequestContext, id: string): Promise<SecurityGroup | null> {
  requireProvisioning(ctx);
  return ctx.db.findOne(SecurityGroup, { id });
}

export async function listDirectoryGroups(ctx: RequestContext, q: DirectoryQuery): Promise<{ total: number; groups: SecurityGroup[] }> {
  requireProvisioning(ctx);
  const qb = ctx.db.qb(SecurityGroup, "g");
  whereFilter(qb, q.filter, groupColumns("g"));
  const [groups, total] = await qb.orderBy("g.id", "ASC").skip(q.startIndex - 1).take(q.count).getManyAndCount();
  return { total, groups };
}

/** Direct members of each group: two statements for a whole page. */
export async function membersOf(ctx: RequestContext, groupIds: string[]): Promise<Map<string, Members>> {
  const out = new Map<string, Members>(groupIds.map((g) => [g, { userIds: [], groupIds: [] }]));
  for (const m of await ctx.db.findIn(GroupUserMember, "groupId", groupIds)) out.get(m.groupId)?.userIds.push(m.userId);
  for (const n of await ctx.db.findIn(GroupNesting, "parentId", groupIds)) out.get(n.parentId)?.groupIds.push(n.childId);
  return out;
}
