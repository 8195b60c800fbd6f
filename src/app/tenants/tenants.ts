import type { RequestContext } from "../request/context";
import { Tenant, User } from "../../data/entities";
import { AdminRole, ObjectSource } from "../../domain/enums";
import { usageLocation } from "../../domain/countries";
import { DEFAULT_USAGE_LOCATION } from "../../domain/limits";
import { changeSeats } from "../seats/seat-change";
import { AppError, ErrorCode, notFound } from "../../domain/errors";
import { newId } from "../../domain/ids";
import { Permission, requireOperator, requirePermission, requireUser } from "../auth/permissions";
import { requiredText, userPrincipalName, wholeNumber } from "../../domain/validation";
import { recordAudit } from "../audit/audit";
import { CreateTenantInput, TenantSettingsInput } from "./inputs";
import { clearAllWarnings } from "../../data/licensing/inactivity";
import { DEFAULT_INACTIVE_AFTER_DAYS, MAX_INACTIVE_AFTER_DAYS } from "../licensing/reclamation";

export async function createTenant(ctx: RequestContext, input: CreateTenantInput): Promise<{ tenant: Tenant; admin: User }> {
  requireOperator(ctx.principal);
  const displayName = requiredText(input.displayName, "displayName");
  const upn = userPrincipalName(input.adminUserPrincipalName);
  const adminName = requiredText(input.adminDisplayName, "adminDisplayName");
  const now = ctx.clock.now();
  const defaultUsageLocation = input.defaultUsageLocation == null ? DEFAULT_USAGE_LOCATION : usageLocation(input.defaultUsageLocation, "defaultUsageLocation");
  const tenant = Object.assign(new Tenant(), {
    id: newId("tenant"), displayName, allowAdHocSubscriptions: true, seatAlertThreshold: 0, createdAt: now, stateVersion: 0, defaultUsageLocation,
    inactiveAfterDays: DEFAULT_INACTIVE_AFTER_DAYS, autoReclaim: false,
  });
  const admin = Object.assign(new User(), {
    id: newId("user"), tenantId: tenant.id, userPrincipalName: upn, upnKey: upn.toLowerCase(), displayName: adminName,
    accountEnabled: true, roles: [AdminRole.GLOBAL_ADMIN], createdAt: now, usageLocation: null, source: ObjectSource.CLOUD,
    externalId: null, deletedAt: null,
  });
  await ctx.app.database.writeNewTenant(ctx.lock, tenant, async (tx) => {
    await tx.insert(User, [admin]);
    await recordAudit(tx, ctx, "CREATE_TENANT", tenant.id, { displayName, adminUserId: admin.id, adminUserPrincipalName: upn, defaultUsageLocation }, displayName);
  });
  ctx.scopeTo(tenant.id);
  return { tenant, admin };
}

export async function currentTenant(ctx: RequestContext): Promise<Tenant> {
  requireUser(ctx.principal);
  const t = ctx.signedInTenant ?? (await ctx.db.tenant());
  if (!t) throw notFound("Tenant");
  return t;
}

export async function updateTenantSettings(ctx: RequestContext, input: TenantSettingsInput): Promise<Tenant> {
  requirePermission(ctx.principal, Permission.MANAGE_SETTINGS);
  const before = await currentTenant(ctx);
  const after: Partial<Pick<Tenant, "allowAdHocSubscriptions" | "seatAlertThreshold" | "defaultUsageLocation" | "inactiveAfterDays" | "autoReclaim">> = {};
  if (input.allowAdHocSubscriptions != null) after.allowAdHocSubscriptions = input.allowAdHocSubscriptions;
  if (input.seatAlertThreshold != null) after.seatAlertThreshold = wholeNumber(input.seatAlertThreshold, "seatAlertThreshold", 0, 1_000_000);
  if (input.defaultUsageLocation != null) after.defaultUsageLocation = usageLocation(input.defaultUsageLocation, "defaultUsageLocation");
  if (input.inactiveAfterDays != null) after.inactiveAfterDays = wholeNumber(input.inactiveAfterDays, "inactiveAfterDays", 1, MAX_INACTIVE_AFTER_DAYS);
  if (input.autoReclaim != null) after.autoReclaim = input.autoReclaim;
  if (!Object.keys(after).length) {
    throw new AppError(ErrorCode.BAD_USER_INPUT, "Give at least one setting to change.");
  }
  const keys = Object.keys(after) as (keyof typeof after)[];
  await ctx.write(async (tx) => {
    const current = (await tx.tenant()) ?? before;
    const audit = { action: "UPDATE_TENANT_SETTINGS", targetId: tx.tenantId, targetName: current.displayName, details: { before: Object.fromEntries(keys.map((k) => [k, current[k]])), after } };
    if (after.defaultUsageLocation !== undefined && after.defaultUsageLocation !== current.defaultUsageLocation) {
      // L3: users without a location of their own move with the tenant's default.
      await changeSeats(ctx, tx, async () => {
        await tx.updateTenant(after);
        return { result: undefined, facts: { locationsChanged: { tenantDefault: true } }, audit };
      });
    } else {
      await tx.updateTenant(after);
      await recordAudit(tx, ctx, audit.action, audit.targetId, audit.details, audit.targetName);
    }
    // V4: with the automatic pass off, no warning stands.
    if (after.autoReclaim === false && current.autoReclaim) await clearAllWarnings(tx);
    // E5: the threshold moves every pool's lowOnSeats.
    if (after.seatAlertThreshold !== undefined && after.seatAlertThreshold !== current.seatAlertThreshold) {
      for (const sku of ctx.catalog.skus) tx.report.skuIds.add(sku.id);
    }
  });
  return Object.assign(before, after);
}
