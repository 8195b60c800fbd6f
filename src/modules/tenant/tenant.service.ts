import type { Ctx } from "../../context";
import { TenantDb } from "../../db/tenant-db";
import { Tenant, User } from "../../entities";
import { AdminRole, ObjectSource } from "../../graphql/enums";
import { AppError, ErrorCode, notFound } from "../../errors";
import { newId } from "../../ids";
import { Permission, requireOperator, requirePermission, requireUser } from "../../auth/permissions";
import { requiredText, userPrincipalName } from "../../validation";
import { usageLocation } from "../../countries";
import { SeatEngine } from "../../licensing/seat-engine";
import { recordAudit } from "../audit/audit.service";
import { CreateTenantInput, TenantSettingsInput } from "./tenant.inputs";

export async function createTenant(ctx: Ctx, input: CreateTenantInput): Promise<{ tenant: Tenant; admin: User }> {
  requireOperator(ctx.principal);
  const displayName = requiredText(input.displayName, "displayName");
  const upn = userPrincipalName(input.adminUserPrincipalName);
  const adminName = requiredText(input.adminDisplayName, "adminDisplayName");
  const now = ctx.clock.now();
  const defaultUsageLocation = input.defaultUsageLocation == null ? "US" : usageLocation(input.defaultUsageLocation, "defaultUsageLocation");
  const tenant = Object.assign(new Tenant(), {
    id: newId("tenant"), displayName, allowAdHocSubscriptions: true, createdAt: now, stateVersion: 0, defaultUsageLocation,
  });
  const admin = Object.assign(new User(), {
    id: newId("user"), tenantId: tenant.id, userPrincipalName: upn, upnKey: upn.toLowerCase(), displayName: adminName,
    accountEnabled: true, roles: [AdminRole.GLOBAL_ADMIN], createdAt: now, usageLocation: null, source: ObjectSource.CLOUD,
    externalId: null, deletedAt: null,
  });
  await ctx.app.database.writeGlobal(ctx, async (m) => {
    await m.insert(Tenant, tenant);
    const tx = new TenantDb(tenant.id, m, ctx.app.database.engine);
    await tx.insert(User, [admin]);
    await recordAudit(tx, ctx, "CREATE_TENANT", tenant.id, { displayName, adminUserId: admin.id, adminUserPrincipalName: upn, defaultUsageLocation });
  });
  ctx.scopeTo(tenant.id);
  return { tenant, admin };
}

export async function currentTenant(ctx: Ctx): Promise<Tenant> {
  const p = requireUser(ctx.principal);
  const t = ctx.signedInTenant ?? (await ctx.app.database.ds.manager.findOne(Tenant, { where: { id: p.tenantId } }));
  if (!t) throw notFound("Tenant");
  return t;
}

export async function updateTenantSettings(ctx: Ctx, input: TenantSettingsInput): Promise<Tenant> {
  requirePermission(ctx.principal, Permission.MANAGE_SETTINGS);
  const before = await currentTenant(ctx);
  if (input.allowAdHocSubscriptions == null && input.defaultUsageLocation == null) {
    throw new AppError(ErrorCode.BAD_USER_INPUT, "Give at least one setting to change.");
  }
  const after: Partial<Tenant> = {};
  if (input.allowAdHocSubscriptions != null) after.allowAdHocSubscriptions = input.allowAdHocSubscriptions;
  if (input.defaultUsageLocation != null) after.defaultUsageLocation = usageLocation(input.defaultUsageLocation, "defaultUsageLocation");
  await ctx.write(async (tx) => {
    const current = await tx.manager.findOne(Tenant, { where: { id: tx.tenantId } });
    const moved = after.defaultUsageLocation !== undefined && after.defaultUsageLocation !== current?.defaultUsageLocation;
    const engine = moved ? new SeatEngine(tx, ctx.catalog, ctx.clock) : null;
    if (engine) await engine.rebalance();
    await tx.manager.update(Tenant, { id: tx.tenantId }, after);
    if (engine) {
      // L3: users without a location of their own moved with the tenant's default.
      engine.invalidate();
      engine.recheckLocations();
      await engine.rebalance();
    }
    await recordAudit(tx, ctx, "UPDATE_TENANT_SETTINGS", tx.tenantId, {
      before: { allowAdHocSubscriptions: current?.allowAdHocSubscriptions, defaultUsageLocation: current?.defaultUsageLocation },
      after,
      ...(engine ? { seatChanges: engine.auditSummary() } : {}),
    });
  });
  return Object.assign(before, after);
}

