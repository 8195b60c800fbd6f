import { IsNull } from "typeorm";
import type { RequestContext } from "../request/context";
import { AutoClaimPolicy, GroupUserMember, LicenseRequest, SecurityGroup, User, UserLicenseAssignment } from "../../data/entities";
import type { TenantDb } from "../../data/tenant-db";
import type { SeatEngine } from "../../data/licensing/seat-engine";
import { LicenseRequestStatus } from "../../domain/enums";
import { forbidden, notFound } from "../../domain/errors";
import { Permission, requirePermission, requireUser } from "../auth/permissions";
import { recordAudits } from "../audit/audit";
import { changeSeats } from "../seats/seat-change";
import { findGroup } from "../groups/rules";
import { addDirectSource, assertOfferedIn } from "../licensing/licensing";
import type { EffectiveLicense } from "../licensing/types";
import { userLicenseViews } from "../licensing/views";
import { holdsSeat, openRequest, requestableSku } from "./requests";
import { SetAutoClaimPolicyInput } from "./inputs";

/** V2: the tenant's auto-claim policies (readers of the tenant), by SKU. */
export async function listAutoClaimPolicies(ctx: RequestContext): Promise<AutoClaimPolicy[]> {
  requirePermission(ctx.principal, Permission.READ_TENANT);
  return ctx.db.find(AutoClaimPolicy, {}, { skuId: "ASC" });
}

const policyView = (p: AutoClaimPolicy | null) => (p ? { enabled: p.enabled, scopeGroupId: p.scopeGroupId } : null);

/** V2: LICENSE_ADMIN or GLOBAL_ADMIN turns auto-claim on or off for a SKU, optionally only for one group's members. */
export async function setAutoClaimPolicy(ctx: RequestContext, input: SetAutoClaimPolicyInput): Promise<AutoClaimPolicy> {
  requirePermission(ctx.principal, Permission.MANAGE_LICENSES);
  const sku = requestableSku(ctx, input.skuId);
  return ctx.write(async (tx) => {
    const group = input.scopeGroupId ? await findGroup(tx, input.scopeGroupId) : null;
    const before = await tx.findOne(AutoClaimPolicy, { skuId: sku.id });
    const row = Object.assign(new AutoClaimPolicy(), {
      tenantId: ctx.tenantId, skuId: sku.id, enabled: input.enabled, scopeGroupId: group?.id ?? null, updatedAt: ctx.clock.now(),
    });
    if (before) await tx.update(AutoClaimPolicy, { skuId: sku.id }, { enabled: row.enabled, scopeGroupId: row.scopeGroupId, updatedAt: row.updatedAt });
    else await tx.insert(AutoClaimPolicy, [row]);
    await recordAudits(tx, ctx, [{
      action: "SET_AUTO_CLAIM_POLICY", targetId: sku.id, targetName: sku.displayName,
      details: { sku: sku.partNumber, before: policyView(before), after: { ...policyView(row), scopeGroupName: group?.displayName ?? null } },
    }]);
    return row;
  });
}

/** V2: whether the user is in the policy's scope: everyone, or the members of its group directly or through nesting. */
async function inScope(tx: TenantDb, engine: SeatEngine, policy: AutoClaimPolicy, userId: string): Promise<boolean> {
  if (!policy.scopeGroupId) return true;
  const groups = [...(await engine.graph()).descendants(policy.scopeGroupId)];
  return (await tx.findIn(GroupUserMember, "groupId", groups, { userId })).length > 0;
}

export interface ClaimResult {
  license: EffectiveLicense | null;
  request: LicenseRequest | null;
}

/**
 * V2: what the bot portal calls at first use. A user in the policy's scope who holds no seat of the SKU gets a
 * direct assignment at once when a seat is free (audited with `via: AUTO_CLAIM`), else an open request (V1) — the
 * one already open, if any. A user who holds a seat already gets it back unchanged. Policy off, or the user out of
 * scope: FORBIDDEN (requestLicense stays open to them).
 */
export async function claimLicense(ctx: RequestContext, skuId: string): Promise<ClaimResult> {
  const p = requireUser(ctx.principal);
  const sku = requestableSku(ctx, skuId);
  const outcome = await ctx.write(async (tx) => {
    const user = await tx.findOne(User, { id: p.userId, deletedAt: IsNull() });
    if (!user) throw notFound("User", p.userId);
    const policy = await tx.findOne(AutoClaimPolicy, { skuId: sku.id });
    if (!policy?.enabled) throw forbidden(`Auto-claim is off for ${sku.partNumber}; ask for it with requestLicense.`);
    return changeSeats<{ request: LicenseRequest | null }>(ctx, tx, async (engine) => {
      if (!(await inScope(tx, engine, policy, user.id))) throw forbidden(`Auto-claim of ${sku.partNumber} is only for the members of a group you are not in; ask for it with requestLicense.`);
      const audit = (details: Record<string, unknown>) => ({ action: "ASSIGN_USER_LICENSE", targetId: user.id, targetName: user.userPrincipalName, details: { via: "AUTO_CLAIM", ...details } });
      if (await holdsSeat(tx, user.id, sku.id)) return { result: { request: null }, audit: audit({ sku: sku.partNumber, alreadyLicensed: true, changes: [] }) };
      const location = user.usageLocation ?? (await engine.defaultUsageLocation());
      assertOfferedIn(sku, location);
      const direct = await tx.findOne(UserLicenseAssignment, { userId: user.id, skuId: sku.id });
      if (!direct && (await engine.freeSeats(sku.id)) >= 1) {
        const added = await addDirectSource(ctx, tx, engine, user, sku, [], location, false);
        return { result: { request: null }, facts: { sourcesAdded: [added] }, audit: audit({ changes: [{ sku: sku.partNumber, op: "add", after: { disabledPlanIds: [] } }] }) };
      }
      // No free seat: the open request, or a new one (V1) the admins see at once.
      const open = await tx.findOne(LicenseRequest, { requesterId: user.id, skuId: sku.id, status: LicenseRequestStatus.PENDING });
      if (open) {
        return { result: { request: open }, audit: { action: "REQUEST_LICENSE", targetId: user.id, targetName: user.userPrincipalName, details: { via: "AUTO_CLAIM", requestId: open.id, sku: sku.partNumber, alreadyOpen: true } } };
      }
      const { request, audit: opened } = await openRequest(ctx, tx, user, sku, null, true);
      return { result: { request }, audit: opened };
    });
  });
  if (outcome.request) return { license: null, request: outcome.request };
  const me = (await ctx.loaders.user.load(p.userId))!;
  const views = await userLicenseViews.effectiveLicenses(ctx, me);
  return { license: views.find((v) => v.sku.id === sku.id) ?? null, request: null };
}

/** The scope group of a policy, if it still exists. */
export function scopeGroupOf(ctx: RequestContext, policy: AutoClaimPolicy): Promise<SecurityGroup | null> {
  return policy.scopeGroupId ? ctx.loaders.group.load(policy.scopeGroupId) : Promise.resolve(null);
}
