import type { RequestContext } from "../request/context";
import { GroupLicenseAssignment, GroupUserMember, LicenseWant, SecurityGroup, Sku, User, UserLicenseAssignment } from "../../data/entities";
import { LicenseKind, LicenseState } from "../../domain/enums";
import { AppError, badInput, ErrorCode, notFound } from "../../domain/errors";
import { Permission, requirePermission } from "../auth/permissions";
import { encodeCursor, Page, PageArgs, pageOfIds } from "../../domain/paging";
import { botAuthoringPlanId, EffectiveLicenseView } from "../reads/read-model";
import { SeatEngine } from "../../data/licensing/seat-engine";
import type { SourceFact } from "../../domain/licensing/seat-facts";
import { uniqueIds } from "../../domain/validation";
import { changeSeats } from "../seats/seat-change";
import { findGroup } from "../groups/rules";
import { AddLicenseInput, AssignGroupLicensesInput, AssignUserLicensesInput } from "./inputs";
import { IsNull } from "typeorm";
import type { TenantDb } from "../../data/tenant-db";

export interface Change {
  sku: Sku;
  disabledPlanIds: string[];
}

/** The same disabled plans, in any order. */
export const samePlans = (a: readonly string[], b: readonly string[]): boolean => JSON.stringify([...a].sort()) === JSON.stringify([...b].sort());

/** S3: only USER-kind, non-trial SKUs are assigned; disabled plans must belong to the SKU. */
export function parseChanges(ctx: RequestContext, add: AddLicenseInput[] | null | undefined, remove: string[] | null | undefined): { add: Change[]; remove: Sku[] } {
  const assignable = (skuId: string, field: string) => {
    const sku = ctx.catalog.sku(skuId);
    if (!sku) throw notFound("SKU", skuId);
    if (sku.kind !== LicenseKind.USER || sku.isTrial) {
      throw new AppError(ErrorCode.LICENSE_NOT_ASSIGNABLE, `${sku.partNumber} cannot be assigned: ${sku.kind === LicenseKind.TENANT ? "it is a tenant license" : "trials start with startTrial"}.`, { field });
    }
    return sku;
  };
  const adds = (add ?? []).map((a, i) => {
    const sku = assignable(a.skuId, `addLicenses[${i}].skuId`);
    const plans = ctx.catalog.planIds(sku.id);
    const disabledPlanIds = uniqueIds(a.disabledPlanIds);
    const bad = disabledPlanIds.filter((p) => !plans.includes(p));
    if (bad.length) throw badInput(`Plans ${bad.join(", ")} are not plans of ${sku.partNumber}.`, `addLicenses[${i}].disabledPlanIds`);
    return { sku, disabledPlanIds: disabledPlanIds.sort() };
  });
  const removes = uniqueIds(remove).map((id, i) => assignable(id, `removeSkuIds[${i}]`));
  const ids = adds.map((a) => a.sku.id);
  if (new Set(ids).size !== ids.length) throw badInput("A SKU appears twice in addLicenses.", "addLicenses");
  if (removes.some((r) => ids.includes(r.id))) throw badInput("A SKU cannot be both added and removed.", "removeSkuIds");
  if (!adds.length && !removes.length) throw badInput("Give addLicenses or removeSkuIds.", "addLicenses");
  return { add: adds, remove: removes };
}

/** S3, S7, S8: direct assignment needs a free seat unless the user holds one already. */
export async function assignUserLicenses(ctx: RequestContext, input: AssignUserLicensesInput): Promise<User> {
  requirePermission(ctx.principal, Permission.MANAGE_LICENSES);
  const changes = parseChanges(ctx, input.addLicenses, input.removeSkuIds);
  return ctx.write(async (tx) => {
    const user = await tx.findOne(User, { id: input.userId, deletedAt: IsNull() });
    if (!user) throw notFound("User", input.userId);
    return changeSeats(ctx, tx, async (engine) => {
      // L1: the user's own usage location, else the tenant's default (the engine's read, shared with its L3 checks).
      const location = user.usageLocation ?? (await engine.defaultUsageLocation());
      const now = ctx.clock.now();
      const existing = new Map((await tx.find(UserLicenseAssignment, { userId: user.id })).map((a) => [a.skuId, a]));
      const wants = new Map((await tx.find(LicenseWant, { userId: user.id })).map((w) => [w.skuId, w]));
      const log: Record<string, unknown>[] = [];
      const added: SourceFact[] = [];
      const changed: SourceFact[] = [];
      const removed: SourceFact[] = [];
      for (const { sku, disabledPlanIds } of changes.add) {
        const prior = existing.get(sku.id);
        if (prior) {
          // S7: other disabled plans update the source; the same ones are no change (K8: nothing written, no event).
          if (samePlans(prior.disabledPlanIds, disabledPlanIds)) continue;
          await tx.update(UserLicenseAssignment, { userId: user.id, skuId: sku.id }, { disabledPlanIds, updatedAt: now });
          log.push({ sku: sku.partNumber, op: "update", before: { disabledPlanIds: prior.disabledPlanIds }, after: { disabledPlanIds } });
          changed.push({ skuId: sku.id, userIds: [user.id] });
          continue;
        }
        added.push(await addDirectSource(ctx, tx, engine, user, sku, disabledPlanIds, location, Boolean(wants.get(sku.id)?.holdsSeat)));
        log.push({ sku: sku.partNumber, op: "add", after: { disabledPlanIds } });
      }
      for (const sku of changes.remove) {
        if (!existing.has(sku.id)) continue;
        await tx.delete(UserLicenseAssignment, { userId: user.id, skuId: sku.id });
        log.push({ sku: sku.partNumber, op: "remove", before: { disabledPlanIds: existing.get(sku.id)!.disabledPlanIds } });
        removed.push({ skuId: sku.id, userIds: [user.id] });
      }
      return {
        result: user,
        facts: { sourcesAdded: added, sourcesChanged: changed, sourcesRemoved: removed },
        // K8: a call that changes nothing writes no audit event.
        audit: log.length ? { action: "ASSIGN_USER_LICENSE", targetId: user.id, targetName: user.userPrincipalName, details: { changes: log } } : { perUser: [] },
      };
    });
  });
}

/** L3: a SKU not offered in the user's usage location is refused before any seat is looked at. */
export function assertOfferedIn(sku: Sku, location: string): void {
  if (sku.unavailableInCountries.includes(location)) {
    throw new AppError(ErrorCode.USAGE_LOCATION_PROHIBITED, `${sku.partNumber} is not offered in the user's usage location ${location}.`, {
      skuId: sku.id, usageLocation: location,
    });
  }
}

/** S3: no free seat for a user who holds none is SEATS_EXHAUSTED. */
export function seatsExhausted(sku: Sku): AppError {
  return new AppError(ErrorCode.SEATS_EXHAUSTED, `No free ${sku.partNumber} seat: buy more or free one.`, { skuId: sku.id });
}

/**
 * S3, L1: a new direct source of `sku` for `user`, inside the caller's seat change (assignUserLicenses, an approved
 * request, an auto-claim). Needs a free seat unless the user already holds one: with one free (the pools are in
 * order after catch-up), the seat change gives it to the user, who is then the first allowed in the queue (S4, L3).
 * Returns the fact for the step to report.
 */
export async function addDirectSource(
  ctx: RequestContext, tx: TenantDb, engine: SeatEngine, user: User, sku: Sku, disabledPlanIds: string[], location: string, holdsSeat: boolean,
): Promise<SourceFact> {
  assertOfferedIn(sku, location);
  if (!holdsSeat && (await engine.freeSeats(sku.id)) < 1) throw seatsExhausted(sku);
  const now = ctx.clock.now();
  await tx.insert(UserLicenseAssignment, [{ userId: user.id, skuId: sku.id, disabledPlanIds, assignedAt: now, updatedAt: now }]);
  return { skuId: sku.id, userIds: [user.id] };
}

/** S4: a group assignment never fails for seats; the queue decides who holds one. */
export async function assignGroupLicenses(ctx: RequestContext, input: AssignGroupLicensesInput): Promise<SecurityGroup> {
  requirePermission(ctx.principal, Permission.MANAGE_LICENSES);
  const changes = parseChanges(ctx, input.addLicenses, input.removeSkuIds);
  return ctx.write(async (tx) => {
    const group = await findGroup(tx, input.groupId);
    return changeSeats(ctx, tx, async () => {
      const now = ctx.clock.now();
      const existing = new Map((await tx.find(GroupLicenseAssignment, { groupId: group.id })).map((a) => [a.skuId, a]));
      const log: Record<string, unknown>[] = [];
      const addedSkuIds: string[] = [];
      const removedSkuIds: string[] = [];
      const changedSkuIds: string[] = [];
      for (const { sku, disabledPlanIds } of changes.add) {
        const prior = existing.get(sku.id);
        if (prior) {
          if (samePlans(prior.disabledPlanIds, disabledPlanIds)) continue;
          await tx.update(GroupLicenseAssignment, { groupId: group.id, skuId: sku.id }, { disabledPlanIds, updatedAt: now });
          log.push({ sku: sku.partNumber, op: "update", before: { disabledPlanIds: prior.disabledPlanIds }, after: { disabledPlanIds } });
          changedSkuIds.push(sku.id);
        } else {
          await tx.insert(GroupLicenseAssignment, [{ groupId: group.id, skuId: sku.id, disabledPlanIds, assignedAt: now, updatedAt: now }]);
          log.push({ sku: sku.partNumber, op: "add", after: { disabledPlanIds } });
          addedSkuIds.push(sku.id);
        }
      }
      for (const sku of changes.remove) {
        if (!existing.has(sku.id)) continue;
        await tx.delete(GroupLicenseAssignment, { groupId: group.id, skuId: sku.id });
        log.push({ sku: sku.partNumber, op: "remove", before: { disabledPlanIds: existing.get(sku.id)!.disabledPlanIds } });
        removedSkuIds.push(sku.id);
      }
      const of = (skuIds: string[]) => skuIds.map((skuId) => ({ skuId, groupIds: [group.id] }));
      return {
        result: group,
        facts: { sourcesAdded: of(addedSkuIds), sourcesRemoved: of(removedSkuIds), sourcesChanged: of(changedSkuIds) },
        audit: log.length ? { action: "ASSIGN_GROUP_LICENSE", targetId: group.id, targetName: group.displayName, details: { changes: log } } : { perUser: [] },
      };
    });
  });
}

/** S11: the SKU of a preview: one that groups can be given. */
export function previewedSku(ctx: RequestContext, skuId: string): Sku {
  const sku = ctx.catalog.sku(skuId);
  if (!sku) throw notFound("SKU", skuId);
  if (sku.kind !== LicenseKind.USER || sku.isTrial) throw new AppError(ErrorCode.LICENSE_NOT_ASSIGNABLE, `${sku.partNumber} cannot be assigned.`);
  return sku;
}

/** S11: the impact of assigning `skuId` to a group, computed and not written. */
export async function previewGroupLicenseAssignment(ctx: RequestContext, groupId: string, skuId: string) {
  requirePermission(ctx.principal, Permission.MANAGE_LICENSES);
  const sku = previewedSku(ctx, skuId);
  const db = ctx.db;
  const group = await findGroup(db, groupId);
  const lic = await ctx.loaders.licensing();
  const engine = new SeatEngine(db, ctx.catalog, ctx.clock);
  const members = await engine.transitiveUsers(group.id);
  const holders = new Set((await db.findIn(LicenseWant, "userId", members, { skuId, holdsSeat: true })).map((w) => w.userId));
  const pool = lic.pools.get(skuId) ?? 0;
  const held = await engine.held(skuId);
  const availableUnits = Math.max(0, pool - held);
  const newSeatsNeeded = members.length - holders.size;
  // Seat holders are the head of the queue, so with a free seat nobody waits: every member without a
  // seat queues behind the current holders and takes a free seat in turn.
  const wouldBeInError = lic.skuFacts(skuId).granting ? Math.max(0, newSeatsNeeded - availableUnits) : 0;
  return { group, sku, newSeatsNeeded, alreadyLicensed: holders.size, availableUnits, wouldBeInError };
}

export async function effectiveLicensesOf(ctx: RequestContext, userId: string): Promise<EffectiveLicenseView[]> {
  return ctx.loaders.effective.load(userId);
}

/** S10: account enabled, and an ACTIVE user license with BOT_AUTHORING plus an active tenant license, or an ACTIVE trial. */
export function canCreateBotsFrom(ctx: RequestContext, user: User, views: EffectiveLicenseView[], tenantLicensed: boolean): boolean {
  if (!user.accountEnabled) return false;
  const authoring = botAuthoringPlanId(ctx.catalog);
  return views.some((v) => {
    if (v.state !== LicenseState.ACTIVE || !authoring || !v.enabledPlanIds.includes(authoring)) return false;
    return ctx.catalog.sku(v.skuId)?.isTrial ? true : tenantLicensed;
  });
}

export async function canCreateBots(ctx: RequestContext, user: User): Promise<boolean> {
  const [views, lic] = await Promise.all([effectiveLicensesOf(ctx, user.id), ctx.loaders.licensing()]);
  return canCreateBotsFrom(ctx, user, views, lic.hasActiveTenantLicense());
}

/** B1: why a user cannot create bots, as an error; undefined when they can. */
export async function botGateError(ctx: RequestContext, user: User): Promise<AppError | undefined> {
  if (await canCreateBots(ctx, user)) return undefined;
  const lic = await ctx.loaders.licensing();
  const views = await effectiveLicensesOf(ctx, user.id);
  const wouldWithTenant = canCreateBotsFrom(
    ctx, user,
    views.map((v) => (v.holdsSeat && lic.skuFacts(v.skuId).granting ? { ...v, state: LicenseState.ACTIVE } : v)),
    true,
  );
  if (!lic.hasActiveTenantLicense() && wouldWithTenant) {
    return new AppError(ErrorCode.TENANT_LICENSE_REQUIRED, "The tenant license is not active, so bots cannot be created.");
  }
  return new AppError(ErrorCode.LICENSE_REQUIRED, "You need an active Power Virtual Agent user license (with bot authoring) or trial to do this.");
}

/** Transitive members who have an ERROR state on a SKU assigned to this group. */
export async function membersWithLicenseErrors(ctx: RequestContext, group: SecurityGroup, args: PageArgs): Promise<Page<User>> {
  requirePermission(ctx.principal, Permission.READ_TENANT);
  const ids = await errorMemberIds(ctx, group);
  return usersInIds(ctx, ids, args);
}

export async function hasMembersWithLicenseErrors(ctx: RequestContext, group: SecurityGroup): Promise<boolean> {
  return (await errorMemberIds(ctx, group)).length > 0;
}

async function errorMemberIds(ctx: RequestContext, group: SecurityGroup): Promise<string[]> {
  const [graph, lic] = await Promise.all([ctx.loaders.graph(), ctx.loaders.licensing()]);
  const skus = graph.assignmentsOf(group.id).map((a) => a.skuId);
  if (!skus.length) return [];
  const groups = [...graph.descendants(group.id)];
  const memberIds = [...new Set((await ctx.db.findIn(GroupUserMember, "groupId", groups)).map((m) => m.userId))];
  const out = new Set<string>();
  for (const skuId of skus) {
    const holds = lic.holdsSeatValuesFor(skuId, LicenseState.ERROR);
    if (!holds.length) continue;
    for (const w of await ctx.db.findIn(LicenseWant, "userId", memberIds, { skuId })) if (holds.includes(w.holdsSeat)) out.add(w.userId);
  }
  return [...out];
}

async function usersInIds(ctx: RequestContext, ids: string[], args: PageArgs): Promise<Page<User>> {
  const p = pageOfIds(ids, args);
  const users = (await ctx.loaders.user.loadMany(p.ids)).filter((u): u is User => u instanceof User);
  const edges = users.map((node) => ({ cursor: encodeCursor(node.id), node }));
  return { edges, nodes: users, totalCount: p.total, pageInfo: { hasNextPage: p.hasNext, endCursor: edges.at(-1)?.cursor ?? null } };
}

