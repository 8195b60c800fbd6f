import type { RequestContext } from "../request/context";
import { DAY_MS } from "../../domain/clock";
import { TenantDb } from "../../data/tenant-db";
import { PurchaseOrder, Subscription, UserTrial } from "../../data/entities";
import { PurchaseChannel } from "../../domain/enums";
import { AppError, badInput, ErrorCode, notFound } from "../../domain/errors";
import { newId } from "../../domain/ids";
import { requireUser } from "../auth/permissions";
import { recordAudit } from "../audit/audit";
import { StartTrialInput } from "./inputs";
import { EffectiveLicense } from "./types";
import { userLicenseViews } from "./views";

export const TRIAL_EXTENSION_DAYS = 30;

/**
 * S9: any signed-in user starts a trial of a trial SKU when the tenant allows
 * ad-hoc subscriptions; after it expires it can be extended once by 30 days.
 * Calling it during a running trial changes nothing and returns that trial.
 */
export async function startTrial(ctx: RequestContext, input: StartTrialInput): Promise<EffectiveLicense> {
  const p = requireUser(ctx.principal);
  const sku = ctx.catalog.sku(input.skuId);
  if (!sku) throw notFound("SKU", input.skuId);
  if (!sku.isTrial || !sku.trialDays) throw badInput(`${sku.partNumber} is not a trial SKU; it is bought with purchaseLicenses.`, "skuId");
  await ctx.write(async (tx) => {
    const now = ctx.clock.now();
    const trial = await tx.findOne(UserTrial, { userId: p.userId, skuId: sku.id });
    if (trial && now < trial.expiresAt) {
      await recordAudit(tx, ctx, "START_TRIAL", p.userId, { sku: sku.partNumber, alreadyRunning: true, expiresAt: trial.expiresAt }, p.user.userPrincipalName);
      return;
    }
    const tenant = await tx.tenant();
    if (!tenant?.allowAdHocSubscriptions) {
      throw new AppError(ErrorCode.TRIALS_DISABLED, "Self-service trials are turned off for this tenant (allowAdHocSubscriptions).");
    }
    if (trial?.extended) throw new AppError(ErrorCode.TRIAL_EXHAUSTED, "This trial was already extended once; a paid license is needed now.");
    if (trial) {
      const expiresAt = new Date(now.getTime() + TRIAL_EXTENSION_DAYS * DAY_MS);
      await tx.update(UserTrial, { userId: p.userId, skuId: sku.id }, { expiresAt, extended: true });
      await recordAudit(tx, ctx, "EXTEND_TRIAL", p.userId, { sku: sku.partNumber, before: { expiresAt: trial.expiresAt }, after: { expiresAt } }, p.user.userPrincipalName);
    } else {
      const expiresAt = new Date(now.getTime() + sku.trialDays! * DAY_MS);
      await tx.insert(UserTrial, [{ userId: p.userId, skuId: sku.id, startedAt: now, expiresAt, extended: false }]);
      await recordAudit(tx, ctx, "START_TRIAL", p.userId, { sku: sku.partNumber, after: { expiresAt } }, p.user.userPrincipalName);
    }
    await syncTrialSubscription(tx, sku.id, now);
  });
  const me = (await ctx.loaders.user.load(p.userId))!;
  const views = await userLicenseViews.effectiveLicenses(ctx, me);
  return views.find((v) => v.sku.id === sku.id)!;
}

/** The tenant's trial shows as one isTrial subscription on SELF_SERVICE_TRIAL: one unit per trial user, ending with the last trial. */
async function syncTrialSubscription(tx: TenantDb, skuId: string, now: Date): Promise<void> {
  const trials = await tx.find(UserTrial, { skuId });
  const endsAt = new Date(trials.reduce((latest, t) => Math.max(latest, t.expiresAt.getTime()), now.getTime()));
  const sub = await tx.findOne(Subscription, { skuId, isTrial: true });
  if (sub) {
    await tx.update(Subscription, { id: sub.id }, { quantity: trials.length, endsAt });
    return;
  }
  const orderId = newId("order");
  await tx.insert(PurchaseOrder, [{ id: orderId, idempotencyKey: null, requestHash: "self-service-trial", createdAt: now }]);
  await tx.insert(Subscription, [{
    id: newId("subscription"), skuId, quantity: trials.length, channel: PurchaseChannel.SELF_SERVICE_TRIAL, isTrial: true,
    orderId, startsAt: now, endsAt, canceledAt: null, createdAt: now,
  }]);
}
