import { requesterExists } from "../../data/user-conditions";
import DataLoader from "dataloader";
import { IsNull } from "typeorm";
import type { RequestContext } from "../request/context";
import type { Loaders } from "../reads/loaders";
import { GroupUserMember, LicenseRequest, LicenseWant, SecurityGroup, Sku, User, UserLicenseAssignment } from "../../data/entities";
import type { TenantDb } from "../../data/tenant-db";
import type { SeatEngine } from "../../data/licensing/seat-engine";
import type { SeatFacts } from "../../domain/licensing/seat-facts";
import { pageByIds } from "../../data/paging";
import { membersChanged } from "../../data/group-modified";
import { LicenseGrantKind, LicenseKind, LicenseRequestStatus, ObjectSource } from "../../domain/enums";
import { AppError, badInput, ErrorCode, forbidden, notFound } from "../../domain/errors";
import { newId } from "../../domain/ids";
import { Page, PageArgs } from "../../domain/paging";
import { TEXT_LIMITS } from "../../domain/text";
import { optionalText } from "../../domain/validation";
import { hasPermission, Permission, requirePermission, requireUser } from "../auth/permissions";
import { AuditEntry, recordAudits } from "../audit/audit";
import { changeSeats } from "../seats/seat-change";
import { findGroup } from "../groups/rules";
import { addDirectSource, assertOfferedIn, seatsExhausted } from "../licensing/licensing";
import { directoryManaged } from "../users/users";
import { ApproveLicenseRequestInput, DenyLicenseRequestInput, LicenseRequestFilter, RequestLicenseInput } from "./inputs";

/** V1: only a USER-kind SKU that can be assigned may be asked for (trials start with startTrial). */
export function requestableSku(ctx: RequestContext, skuId: string): Sku {
  const sku = ctx.catalog.sku(skuId);
  if (!sku) throw notFound("SKU", skuId);
  if (sku.kind !== LicenseKind.USER || sku.isTrial) {
    throw new AppError(ErrorCode.LICENSE_NOT_ASSIGNABLE, `${sku.partNumber} cannot be requested: ${sku.kind === LicenseKind.TENANT ? "it is a tenant license" : "trials start with startTrial"}.`, { field: "skuId" });
  }
  return sku;
}

const conflict = (message: string, details?: Record<string, unknown>) => new AppError(ErrorCode.CONFLICT, message, details);

/** Whether the user holds a seat of the SKU now (S2: one seat whatever the sources). */
export async function holdsSeat(tx: TenantDb, userId: string, skuId: string): Promise<boolean> {
  return Boolean((await tx.findOne(LicenseWant, { userId, skuId }))?.holdsSeat);
}

/**
 * V1: a new PENDING request, inside the caller's transaction; one open request per user and SKU (CONFLICT, also
 * held by a partial unique index). `via` marks one opened by claimLicense (V2).
 */
export async function openRequest(ctx: RequestContext, tx: TenantDb, user: User, sku: Sku, justification: string | null, fromAutoClaim: boolean): Promise<{ request: LicenseRequest; audit: AuditEntry }> {
  const open = await tx.findOne(LicenseRequest, { requesterId: user.id, skuId: sku.id, status: LicenseRequestStatus.PENDING });
  if (open) throw conflict(`You already have an open request for ${sku.partNumber}.`, { requestId: open.id });
  const request = Object.assign(new LicenseRequest(), {
    id: newId("licenseRequest"), tenantId: ctx.tenantId, skuId: sku.id, requesterId: user.id, justification,
    status: LicenseRequestStatus.PENDING, createdAt: ctx.clock.now(), decidedAt: null, decidedById: null, reason: null,
    grantedThroughGroupId: null, fromAutoClaim,
  });
  await tx.insert(LicenseRequest, [request]);
  tx.report.requestIds.add(request.id);
  const details: Record<string, unknown> = { requestId: request.id, sku: sku.partNumber, justification };
  if (fromAutoClaim) details.via = "AUTO_CLAIM";
  return { request, audit: { action: "REQUEST_LICENSE", targetId: user.id, targetName: user.userPrincipalName, details } };
}

/** V1: a signed-in user asks for a USER-kind SKU for themselves. */
export async function requestLicense(ctx: RequestContext, input: RequestLicenseInput): Promise<LicenseRequest> {
  const p = requireUser(ctx.principal);
  const sku = requestableSku(ctx, input.skuId);
  const justification = optionalText(input.justification, "justification", TEXT_LIMITS.justification);
  return ctx.write(async (tx) => {
    const user = await tx.findOne(User, { id: p.userId, deletedAt: IsNull() });
    if (!user) throw notFound("User", p.userId);
    if (await holdsSeat(tx, user.id, sku.id)) throw conflict(`You already have a ${sku.partNumber} seat.`);
    const { request, audit } = await openRequest(ctx, tx, user, sku, justification, false);
    await recordAudits(tx, ctx, [audit]);
    return request;
  });
}

/** A request of this tenant that the caller may see: their own, or any for a reader of the tenant; else NOT_FOUND. */
async function visibleRequest(ctx: RequestContext, db: TenantDb, id: string): Promise<LicenseRequest> {
  const p = requireUser(ctx.principal);
  const r = await db.findOne(LicenseRequest, { id });
  if (!r || (r.requesterId !== p.userId && !hasPermission(p, Permission.READ_TENANT))) throw notFound("License request", id);
  return r;
}

function assertPending(r: LicenseRequest): void {
  if (r.status !== LicenseRequestStatus.PENDING) throw conflict(`The request is already ${r.status}.`, { status: r.status });
}

/** The requester of a decided request, with what the audit event names. */
async function requesterOf(tx: TenantDb, r: LicenseRequest): Promise<User> {
  const user = await tx.findOne(User, { id: r.requesterId, deletedAt: IsNull() });
  if (!user) throw notFound("User", r.requesterId);
  return user;
}

/** V1: the requester withdraws their own PENDING request. */
export async function cancelLicenseRequest(ctx: RequestContext, id: string): Promise<LicenseRequest> {
  const p = requireUser(ctx.principal);
  return ctx.write(async (tx) => {
    const r = await visibleRequest(ctx, tx, id);
    if (r.requesterId !== p.userId) throw forbidden("Only the requester can cancel a license request; deny it instead.");
    assertPending(r);
    const patch = { status: LicenseRequestStatus.CANCELLED, decidedAt: ctx.clock.now(), decidedById: p.userId };
    await tx.update(LicenseRequest, { id: r.id }, patch);
    tx.report.requestIds.add(r.id);
    const sku = ctx.catalog.sku(r.skuId);
    await recordAudits(tx, ctx, [{ action: "CANCEL_LICENSE_REQUEST", targetId: p.userId, targetName: p.user.userPrincipalName, details: { requestId: r.id, sku: sku?.partNumber ?? r.skuId } }]);
    return Object.assign(new LicenseRequest(), r, patch);
  });
}

/** V1: LICENSE_ADMIN or GLOBAL_ADMIN refuses a PENDING request, with a reason the requester sees. */
export async function denyLicenseRequest(ctx: RequestContext, input: DenyLicenseRequestInput): Promise<LicenseRequest> {
  requirePermission(ctx.principal, Permission.MANAGE_LICENSES);
  const p = requireUser(ctx.principal);
  const reason = optionalText(input.reason, "reason", TEXT_LIMITS.justification);
  return ctx.write(async (tx) => {
    const r = await visibleRequest(ctx, tx, input.id);
    assertPending(r);
    const user = await requesterOf(tx, r);
    const patch = { status: LicenseRequestStatus.DENIED, decidedAt: ctx.clock.now(), decidedById: p.userId, reason };
    await tx.update(LicenseRequest, { id: r.id }, patch);
    tx.report.requestIds.add(r.id);
    const sku = ctx.catalog.sku(r.skuId);
    await recordAudits(tx, ctx, [{ action: "DENY_LICENSE_REQUEST", targetId: user.id, targetName: user.userPrincipalName, details: { requestId: r.id, sku: sku?.partNumber ?? r.skuId, reason } }]);
    return Object.assign(new LicenseRequest(), r, patch);
  });
}

/**
 * V1, S3: LICENSE_ADMIN or GLOBAL_ADMIN approves a PENDING request by a direct assignment or by adding the requester
 * to a group that grants the SKU, in the same transaction and through the one seat-change path. Either way the
 * requester must get a seat now: no free seat is SEATS_EXHAUSTED, and the request stays PENDING (nothing changes).
 */
export async function approveLicenseRequest(ctx: RequestContext, input: ApproveLicenseRequestInput): Promise<LicenseRequest> {
  requirePermission(ctx.principal, Permission.MANAGE_LICENSES);
  const p = requireUser(ctx.principal);
  const grantAs = input.grantAs ?? LicenseGrantKind.DIRECT;
  if (grantAs === LicenseGrantKind.GROUP && !input.groupId) throw badInput("groupId is required when grantAs is GROUP.", "groupId");
  if (grantAs === LicenseGrantKind.DIRECT && input.groupId) throw badInput("groupId is only for grantAs GROUP.", "groupId");
  return ctx.write(async (tx) => {
    const r = await visibleRequest(ctx, tx, input.id);
    assertPending(r);
    const user = await requesterOf(tx, r);
    const sku = requestableSku(ctx, r.skuId);
    const group = grantAs === LicenseGrantKind.GROUP ? await findGroup(tx, input.groupId!) : null;
    if (group?.source === ObjectSource.DIRECTORY) throw directoryManaged("The membership of this group");
    return changeSeats(ctx, tx, async (engine) => {
      const location = user.usageLocation ?? (await engine.defaultUsageLocation());
      assertOfferedIn(sku, location);
      const held = await holdsSeat(tx, user.id, sku.id);
      let facts: SeatFacts = {};
      if (group) facts = await addToGrantingGroup(ctx, tx, engine, user, sku, group, held);
      else if (await tx.findOne(UserLicenseAssignment, { userId: user.id, skuId: sku.id })) {
        // Assigned directly already, but waiting for a seat since the pool shrank (S5): a seat is what it needs. The
        // pools are in order after catch-up, so waiting means no seat is free for them.
        if (!held) throw seatsExhausted(sku);
      } else facts = { sourcesAdded: [await addDirectSource(ctx, tx, engine, user, sku, [], location, held)] };
      const now = ctx.clock.now();
      const patch = { status: LicenseRequestStatus.APPROVED, decidedAt: now, decidedById: p.userId, grantedThroughGroupId: group?.id ?? null };
      await tx.update(LicenseRequest, { id: r.id }, patch);
      tx.report.requestIds.add(r.id);
      const details: Record<string, unknown> = { requestId: r.id, sku: sku.partNumber, grantAs };
      if (group) Object.assign(details, { groupId: group.id, groupName: group.displayName });
      return {
        result: Object.assign(new LicenseRequest(), r, patch),
        facts,
        touchedUserIds: [user.id],
        // A user prohibited elsewhere (L3) or behind others in the queue (S4) would wait: the approval needs the seat now.
        mustHold: { userId: user.id, skuId: sku.id, otherwise: () => seatsExhausted(sku) },
        audit: { action: "APPROVE_LICENSE_REQUEST", targetId: user.id, targetName: user.userPrincipalName, details },
      };
    });
  });
}

/** V1: the requester joins a group whose licenses (its own or a parent's, S1) include the SKU, and takes a seat now (S3). */
async function addToGrantingGroup(ctx: RequestContext, tx: TenantDb, engine: SeatEngine, user: User, sku: Sku, group: SecurityGroup, held: boolean): Promise<SeatFacts> {
  const graph = await engine.graph();
  const grants = [...graph.chainsFrom(group.id).keys()].some((g) => graph.assignmentsOf(g).some((a) => a.skuId === sku.id));
  if (!grants) throw badInput(`The group ${group.displayName} does not grant ${sku.partNumber}; assign it to the group first or pick another.`, "groupId");
  if (!held && (await engine.freeSeats(sku.id)) < 1) throw seatsExhausted(sku);
  if (await tx.findOne(GroupUserMember, { groupId: group.id, userId: user.id })) return {};
  await tx.insert(GroupUserMember, [{ groupId: group.id, userId: user.id, createdAt: ctx.clock.now() }]);
  await membersChanged(tx, ctx.clock, [group.id]);
  return { membersAdded: [{ groupId: group.id, userIds: [user.id] }] };
}

/** V1: newest first; a reader of the tenant sees every request, any other user only their own. */
export async function listLicenseRequests(ctx: RequestContext, args: PageArgs & LicenseRequestFilter): Promise<Page<LicenseRequest>> {
  const p = requireUser(ctx.principal);
  const qb = ctx.db.qb(LicenseRequest, "r").andWhere(requesterExists("r"));
  if (!hasPermission(p, Permission.READ_TENANT)) qb.andWhere("r.requesterId = :me", { me: p.userId });
  if (args.status) qb.andWhere("r.status = :status", { status: args.status });
  if (args.skuId) qb.andWhere("r.skuId = :skuId", { skuId: args.skuId });
  return pageByIds(qb, args, "DESC");
}

const byUser = new WeakMap<Loaders, DataLoader<string, LicenseRequest[]>>();

/** V1: a user's own requests, newest first (the user themself and readers of the tenant): one statement per page of users. */
export function requestsOfUser(ctx: RequestContext, user: User): Promise<LicenseRequest[]> {
  const loaders = ctx.loaders;
  let l = byUser.get(loaders);
  if (!l) {
    const db = ctx.db;
    byUser.set(loaders, (l = new DataLoader<string, LicenseRequest[]>(async (ids) => {
      const rows = await db.findIn(LicenseRequest, "requesterId", [...ids]);
      rows.sort((a, b) => (a.id < b.id ? 1 : -1));
      return ids.map((id) => rows.filter((r) => r.requesterId === id));
    })));
  }
  return l.load(user.id);
}

/** node(id:) and the like: a plain user finds only their own request (another's is as if it did not exist). */
export async function getLicenseRequest(ctx: RequestContext, id: string): Promise<LicenseRequest | null> {
  try {
    const r = await visibleRequest(ctx, ctx.db, id);
    // A request outlives its requester only as history in the audit log (a tombstone removed later, D7).
    return (await ctx.loaders.user.load(r.requesterId)) ? r : null;
  } catch (e) {
    if (e instanceof AppError && e.code === ErrorCode.NOT_FOUND) return null;
    throw e;
  }
}
