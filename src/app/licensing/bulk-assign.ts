import { In, IsNull } from "typeorm";
import type { RequestContext } from "../request/context";
import { LicenseWant, User, UserLicenseAssignment } from "../../data/entities";
import { AppError, badInput, ErrorCode } from "../../domain/errors";
import { MAX_USERS_PER_LICENSE_CALL } from "../../domain/limits";
import { Permission, requirePermission } from "../auth/permissions";
import { changeSeats } from "../seats/seat-change";
import type { AuditEntry } from "../audit/audit";
import type { SourceFact } from "../../domain/licensing/seat-facts";
import { parseChanges, samePlans } from "./licensing";
import type { AssignLicensesToUsersInput } from "./inputs";

type Log = Record<string, unknown>;

/** K8: the selection of a bulk change; every ID once, at most 5,000. */
export function selection(ids: readonly string[]): string[] {
  if (!ids.length) throw badInput("Select at least one user.", "userIds");
  if (ids.length > MAX_USERS_PER_LICENSE_CALL) throw badInput(`At most ${MAX_USERS_PER_LICENSE_CALL.toLocaleString("en-US")} users per call.`, "userIds");
  const seen = new Set<string>();
  for (const id of ids) {
    if (seen.has(id)) throw badInput(`User ${id} appears twice in userIds.`, "userIds");
    seen.add(id);
  }
  return [...ids];
}

/**
 * K8, S3, S7, S8: assignUserLicenses for several users in one transaction, all or nothing. Every new direct
 * assignment needs a free seat unless its user holds one already; when the free seats do not cover them all,
 * SEATS_EXHAUSTED and nobody changes. One audit event per user whose licenses changed, none for the others.
 * Set-based: the statements grow with the chunks of 5,000 IDs, not with the users.
 */
export async function assignLicensesToUsers(ctx: RequestContext, input: AssignLicensesToUsersInput): Promise<User[]> {
  requirePermission(ctx.principal, Permission.MANAGE_LICENSES);
  const userIds = selection(input.userIds);
  const changes = parseChanges(ctx, input.addLicenses, input.removeSkuIds);
  return ctx.write(async (tx) => {
    const users = new Map((await tx.findIn(User, "id", userIds, { deletedAt: IsNull() })).map((u) => [u.id, u]));
    const missing = userIds.filter((id) => !users.has(id));
    if (missing.length) {
      throw new AppError(ErrorCode.NOT_FOUND, `Users not found: ${missing.slice(0, 10).join(", ")}${missing.length > 10 ? ", …" : ""}`, { missingIds: missing.slice(0, 100) });
    }
    return changeSeats(ctx, tx, async (engine) => {
      const now = ctx.clock.now();
      const skuIds = [...changes.add.map((a) => a.sku.id), ...changes.remove.map((s) => s.id)];
      const direct = await tx.findIn(UserLicenseAssignment, "userId", userIds, { skuId: In(skuIds) });
      const existing = (skuId: string) => new Map(direct.filter((a) => a.skuId === skuId).map((a) => [a.userId, a]));
      const logs = new Map<string, Log[]>();
      const added: SourceFact[] = [];
      const changedPlans: SourceFact[] = [];
      const removed: SourceFact[] = [];
      const log = (userId: string, entry: Log) => logs.set(userId, [...(logs.get(userId) ?? []), entry]);
      for (const { sku, disabledPlanIds } of changes.add) {
        const has = existing(sku.id);
        const fresh = userIds.filter((u) => !has.has(u));
        if (fresh.length) {
          // L1, L3: each user's own usage location, else the tenant's default.
          const fallback = await engine.defaultUsageLocation();
          const prohibited = fresh.filter((u) => sku.unavailableInCountries.includes(users.get(u)!.usageLocation ?? fallback));
          if (prohibited.length) {
            throw new AppError(ErrorCode.USAGE_LOCATION_PROHIBITED, `${sku.partNumber} is not offered in the usage location of ${prohibited.length} selected user(s).`, {
              skuId: sku.id, userIds: prohibited.slice(0, 100),
            });
          }
          const holders = new Set((await tx.findIn(LicenseWant, "userId", fresh, { skuId: sku.id, holdsSeat: true })).map((w) => w.userId));
          const needed = fresh.filter((u) => !holders.has(u)).length;
          const free = needed ? await engine.freeSeats(sku.id) : 0;
          if (needed > free) {
            throw new AppError(ErrorCode.SEATS_EXHAUSTED, `${needed} of the selected users need a new ${sku.partNumber} seat and ${free} are free: buy more or free some.`, {
              skuId: sku.id, seatsNeeded: needed, availableUnits: free,
            });
          }
          await tx.insert(UserLicenseAssignment, fresh.map((userId) => ({ userId, skuId: sku.id, disabledPlanIds, assignedAt: now, updatedAt: now })));
          // The seat change gives them the free seats: the pools are in order, so nobody allowed waits ahead of them (S4, L3).
          added.push({ skuId: sku.id, userIds: fresh });
          for (const u of fresh) log(u, { sku: sku.partNumber, op: "add", after: { disabledPlanIds } });
        }
        // S7: re-adding with other disabled plans updates the source; with the same ones it is no change (K8).
        const updated = [...has.values()].filter((a) => !samePlans(a.disabledPlanIds, disabledPlanIds));
        if (updated.length) {
          await tx.updateIn(UserLicenseAssignment, "userId", updated.map((a) => a.userId), { skuId: sku.id }, { disabledPlanIds, updatedAt: now });
          for (const a of updated) log(a.userId, { sku: sku.partNumber, op: "update", before: { disabledPlanIds: a.disabledPlanIds }, after: { disabledPlanIds } });
          changedPlans.push({ skuId: sku.id, userIds: updated.map((a) => a.userId) });
        }
      }
      for (const sku of changes.remove) {
        // S8: only the direct source goes; a license inherited from a group stays.
        const gone = [...existing(sku.id).values()];
        if (!gone.length) continue;
        await tx.deleteIn(UserLicenseAssignment, "userId", gone.map((a) => a.userId), { skuId: sku.id });
        for (const a of gone) log(a.userId, { sku: sku.partNumber, op: "remove", before: { disabledPlanIds: a.disabledPlanIds } });
        removed.push({ skuId: sku.id, userIds: gone.map((a) => a.userId) });
      }
      const changed = userIds.filter((u) => logs.has(u));
      const perUser: AuditEntry[] = changed.map((u) => ({
        action: "ASSIGN_USER_LICENSE", targetId: u, targetName: users.get(u)!.userPrincipalName,
        details: { changes: logs.get(u)!, selectedUsers: userIds.length },
      }));
      return {
        result: userIds.map((u) => users.get(u)!),
        facts: { sourcesAdded: added, sourcesChanged: changedPlans, sourcesRemoved: removed },
        audit: { perUser },
      };
    });
  });
}
