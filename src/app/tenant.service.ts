import type { RequestContext } from "./context";
import { Tenant, User } from "../data/entities";
import { AdminRole } from "../domain/enums";
import { AppError, ErrorCode, notFound } from "../domain/errors";
import { newId } from "../domain/ids";
import { Permission, requireOperator, requirePermission, requireUser } from "./auth/permissions";
import { requiredText, userPrincipalName, wholeNumber } from "../domain/validation";
import { recordAudit } from "./audit.service";
import { CreateTenantInput, TenantSettingsInput } from "./inputs";

export async function createTenant(ctx: RequestContext, input: CreateTenantInput): Promise<{ tenant: Tenant; admin: User }> {
  requireOperator(ctx.principal);
  const displayName = requiredText(input.displayName, "displayName");
  const upn = userPrincipalName(input.adminUserPrincipalName);
  const adminName = requiredText(input.adminDisplayName, "adminDisplayName");
  const now = ctx.clock.now();
  const tenant = Object.assign(new Tenant(), { id: newId("tenant"), displayName, allowAdHocSubscriptions: true, seatAlertThreshold: 0, createdAt: now, stateVersion: 0 });
  const admin = Object.assign(new User(), {
    id: newId("user"), tenantId: tenant.id, userPrincipalName: upn, upnKey: upn.toLowerCase(), displayName: adminName,
    accountEnabled: true, roles: [AdminRole.GLOBAL_ADMIN], createdAt: now,
  });
  await ctx.app.database.writeNewTenant(ctx, tenant, async (tx) => {
    await tx.insert(User, [admin]);
    await recordAudit(tx, ctx, "CREATE_TENANT", tenant.id, { displayName, adminUserId: admin.id, adminUserPrincipalName: upn });
  });
  ctx.scopeTo(tenant.id);
  return { tenant, admin };
}

export async function currentTenant(ctx: RequestContext): Promise<Tenant> {
  const p = requireUser(ctx.principal);
  const t = ctx.signedInTenant ?? (await ctx.db.tenant());
  if (!t) throw notFound("Tenant");
  return t;
}

export async function updateTenantSettings(ctx: RequestContext, input: TenantSettingsInput): Promise<Tenant> {
  requirePermission(ctx.principal, Permission.MANAGE_SETTINGS);
  const before = await currentTenant(ctx);
  const after: Partial<Pick<Tenant, "allowAdHocSubscriptions" | "seatAlertThreshold">> = {};
  if (input.allowAdHocSubscriptions != null) after.allowAdHocSubscriptions = input.allowAdHocSubscriptions;
  if (input.seatAlertThreshold != null) after.seatAlertThreshold = wholeNumber(input.seatAlertThreshold, "seatAlertThreshold", 0, 1_000_000);
  if (!Object.keys(after).length) {
    throw new AppError(ErrorCode.BAD_USER_INPUT, "Give at least one setting to change.");
  }
  const keys = Object.keys(after) as (keyof typeof after)[];
  await ctx.write(async (tx) => {
    await tx.updateTenant(after);
    await recordAudit(tx, ctx, "UPDATE_TENANT_SETTINGS", tx.tenantId, {
      before: Object.fromEntries(keys.map((k) => [k, before[k]])),
      after,
    });
    // E5: the threshold moves every pool's lowOnSeats.
    if (after.seatAlertThreshold !== undefined && after.seatAlertThreshold !== before.seatAlertThreshold) {
      for (const sku of ctx.catalog.skus) ctx.writeReport().skuIds.add(sku.id);
    }
  });
  return Object.assign(before, after);
}
