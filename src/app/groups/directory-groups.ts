import type { RequestContext } from "../request/context";
import { TenantDb } from "../../data/tenant-db";
import { GroupLicenseAssignment, GroupNesting, GroupUserMember, SecurityGroup } from "../../data/entities";
import { AppError, ErrorCode } from "../../domain/errors";
import { ObjectSource } from "../../domain/enums";
import { kindOfId, newId } from "../../domain/ids";
import { recordAudit } from "../audit/audit";
import { DirectoryQuery, groupColumns, whereFilter } from "../../data/directory-query";
import { changeSeats, scimAudit } from "../seats/seat-change";
import { requireProvisioning } from "../auth/permissions";
import {
  applyMembership, assertMembersPerCall, detachGroup, findGroup, joining, Members, MembershipChange, missingMembers, namedCount,
} from "./rules";

export type { Members } from "./rules";

export interface DirectoryGroupFields {
  displayName: string;
  externalId: string | null;
  /** The attributes as sent (members aside). */
  attributes: Record<string, unknown>;
}

/**
 * A membership change as the directory sends it, netted by the way in: IDs (users' or groups', D4: groups nest) to
 * add and to remove, or the complete new list (PUT, a PATCH replace or remove-all).
 */
export type DirectoryMembers = { add: string[]; remove: string[] } | { replace: string[] };

/** What a PUT or a PATCH makes of a group: its attributes afterwards and the membership change. */
export interface DirectoryGroupChange {
  fields: DirectoryGroupFields;
  members: DirectoryMembers;
}

/** IDs split by kind; one of neither kind is no member at all (unknown if it is to join, a no-op if it is to go). */
function byKind(ids: string[]): Members & { other: string[] } {
  const unique = [...new Set(ids)];
  const userIds = unique.filter((i) => kindOfId(i) === "user");
  const groupIds = unique.filter((i) => kindOfId(i) === "group");
  return { userIds, groupIds, other: unique.filter((i) => kindOfId(i) !== "user" && kindOfId(i) !== "group") };
}

/** The directory's change in the rules' terms, with the IDs of neither kind that it brings in; G1 counted on what was sent. */
function typed(m: DirectoryMembers): { change: MembershipChange; strangers: string[] } {
  if ("replace" in m) {
    const { other, ...replace } = byKind(m.replace);
    const change = { replace };
    assertMembersPerCall(namedCount(change) + other.length);
    return { change, strangers: other };
  }
  const { other, ...add } = byKind(m.add);
  const { other: gone, ...remove } = byKind(m.remove);
  const change = { add, remove };
  assertMembersPerCall(namedCount(change) + other.length + gone.length);
  return { change, strangers: other };
}

const isEmpty = (c: MembershipChange) => !("replace" in c) && namedCount(c) === 0;

/** D4: a member that is not a live user or a group of this tenant is 400 invalidValue, like any bad value, and nothing changes. */
async function refuseUnknownMembers(tx: TenantDb, change: MembershipChange, strangers: string[]): Promise<void> {
  const missing = await missingMembers(tx, joining(change));
  const ids = [...strangers, ...missing.userIds, ...missing.groupIds];
  if (ids.length) throw new AppError(ErrorCode.BAD_USER_INPUT, `Unknown member(s): ${ids.slice(0, 10).join(", ")}${ids.length > 10 ? ", …" : ""}`);
}

const fieldsOf = (f: DirectoryGroupFields) => ({
  displayName: f.displayName, externalId: f.externalId, scimAttributes: JSON.stringify(f.attributes), source: ObjectSource.DIRECTORY,
});

/** Whether writing these fields would change the group (a CLOUD group written here becomes DIRECTORY, D8). */
const sameFields = (g: SecurityGroup, f: DirectoryGroupFields) =>
  g.displayName === f.displayName && g.externalId === f.externalId && g.scimAttributes === JSON.stringify(f.attributes) && g.source === ObjectSource.DIRECTORY;

/** What a PATCH's fields were computed from: the group's attributes as read (its members are not part of it). */
const patchBasis = (g: SecurityGroup) => JSON.stringify([g.displayName, g.externalId, g.scimAttributes, g.source]);

export async function createDirectoryGroup(ctx: RequestContext, f: DirectoryGroupFields, members: string[]): Promise<SecurityGroup> {
  requireProvisioning(ctx.principal);
  const { change, strangers } = typed({ add: members, remove: [] });
  const now = ctx.clock.now();
  const group = Object.assign(new SecurityGroup(), { id: newId("group"), tenantId: ctx.tenantId, description: null, createdAt: now, updatedAt: now, ...fieldsOf(f) });
  const after = { displayName: group.displayName, externalId: group.externalId };
  return ctx.write(async (tx) => {
    await tx.insert(SecurityGroup, [group]);
    tx.report.noteChange(group.id, "created");
    if (isEmpty(change) && !strangers.length) {
      await recordAudit(tx, ctx, "CREATE_GROUP", group.id, { via: "SCIM", after }, group.displayName);
      return group;
    }
    await refuseUnknownMembers(tx, change, strangers);
    return changeSeats(ctx, tx, async (engine) => {
      const m = await applyMembership(ctx, tx, engine, group, change);
      return { result: group, facts: m.facts, audit: scimAudit("CREATE_GROUP", group.id, group.displayName, { after, ...m.details }) };
    });
  });
}

/** PUT (D6): the group becomes what was sent, its name and its whole member list. */
export async function replaceDirectoryGroup(ctx: RequestContext, id: string, fields: DirectoryGroupFields, members: string[]): Promise<SecurityGroup> {
  return (await writeDirectoryGroup(ctx, id, { fields, members: { replace: members } }, null))!;
}

/**
 * PATCH (D6): the caller read the group (`basedOn`), applied the operations and parsed the outcome into `change`, all
 * before any transaction. Under the write the group's attributes must still be what the change was computed from
 * (its members need not: a delta is applied to them as they are then); if a concurrent write changed them meanwhile,
 * nothing is written and the answer is null (the caller reads again and re-applies).
 */
export async function patchDirectoryGroup(ctx: RequestContext, id: string, change: DirectoryGroupChange, basedOn: SecurityGroup): Promise<SecurityGroup | null> {
  return writeDirectoryGroup(ctx, id, change, basedOn);
}

/** One transaction for the rename and every membership operation, with the seat engine in it (D6). */
async function writeDirectoryGroup(ctx: RequestContext, id: string, next: DirectoryGroupChange, basedOn: SecurityGroup | null): Promise<SecurityGroup | null> {
  requireProvisioning(ctx.principal);
  const { change, strangers } = typed(next.members);
  const quiet = isEmpty(change) && !strangers.length;
  // Okta resends a group's name with each membership change: the same name and no member change writes nothing,
  // checked on a plain read (no lock, no commit).
  const current = basedOn ?? (await findGroup(ctx.db, id));
  if (quiet && sameFields(current, next.fields)) return current;
  return ctx.write(async (tx) => {
    const group = await findGroup(tx, id);
    if (basedOn && patchBasis(group) !== patchBasis(basedOn)) return null;
    const patch = { ...fieldsOf(next.fields), updatedAt: ctx.clock.now() };
    const after = Object.assign(new SecurityGroup(), group, patch);
    const renamed = !sameFields(group, next.fields);
    const before = { displayName: group.displayName, externalId: group.externalId };
    const details = { before, after: { displayName: after.displayName, externalId: after.externalId } };
    if (quiet) {
      if (!renamed) return group;
      tx.report.noteChange(id, "updated");
      await tx.update(SecurityGroup, { id }, patch);
      await recordAudit(tx, ctx, "UPDATE_GROUP", id, { via: "SCIM", ...details }, after.displayName);
      return after;
    }
    await refuseUnknownMembers(tx, change, strangers);
    if (renamed) tx.report.noteChange(id, "updated");
    return changeSeats(ctx, tx, async (engine) => {
      if (renamed) await tx.update(SecurityGroup, { id }, patch);
      const m = await applyMembership(ctx, tx, engine, group, change);
      // What is stored: a PUT that names the same members and the same name modified nothing (lastModified stays).
      const result = m.modifiedAt ? Object.assign(after, { updatedAt: m.modifiedAt }) : renamed ? after : group;
      return { result, facts: m.facts, audit: scimAudit("UPDATE_GROUP", id, after.displayName, { ...details, ...m.details }) };
    });
  });
}

/** D7: a directory DELETE always succeeds, licenses or not; members lose what the group gave them (S5). */
export async function deleteDirectoryGroup(ctx: RequestContext, id: string): Promise<void> {
  requireProvisioning(ctx.principal);
  await ctx.write(async (tx) => {
    const group = await findGroup(tx, id);
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
  requireProvisioning(ctx.principal);
  return ctx.db.findOne(SecurityGroup, { id });
}

export async function listDirectoryGroups(ctx: RequestContext, q: DirectoryQuery): Promise<{ total: number; groups: SecurityGroup[] }> {
  requireProvisioning(ctx.principal);
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
