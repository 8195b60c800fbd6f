import { createHash } from "node:crypto";
import type { RequestContext } from "../request/context";
import { LicenseWant, PurchaseOrder, Sku, Subscription } from "../../data/entities";
import { LicenseKind, PurchaseChannel, SubscriptionStatus } from "../../domain/enums";
import { AppError, badInput, ErrorCode, notFound } from "../../domain/errors";
import { newId } from "../../domain/ids";
import { Permission, requirePermission } from "../auth/permissions";
import { changeSeats } from "../seats/seat-change";
import { grants, prepaidUnits, subscriptionStatus } from "../../domain/licensing/status";
import { optionalText, wholeNumber } from "../../domain/validation";
import { recordAudit } from "../audit/audit";
import { TenantLicense } from "../licensing/types";
import { PurchaseLicensesInput, UpdateSubscriptionQuantityInput } from "./inputs";

export const MAX_QUANTITY = 1_000_000;
export const MAX_SUBSCRIPTIONS = 300;
const MAX_ORDER_ITEMS = 50;
const SAME_CHANNEL_ONLY = new Set([PurchaseChannel.VOLUME_LICENSING, PurchaseChannel.PARTNER]);

interface OrderItem {
  sku: Sku;
  quantity: number;
}

/** P1, P4: whole quantities, known SKUs, no trials, each SKU once; validated before any SQL. */
function parseItems(ctx: RequestContext, input: PurchaseLicensesInput): OrderItem[] {
  if (!input.items?.length) throw badInput("items must list at least one SKU.", "items");
  if (input.items.length > MAX_ORDER_ITEMS) throw badInput(`An order has at most ${MAX_ORDER_ITEMS} items.`, "items");
  if (input.channel === PurchaseChannel.SELF_SERVICE_TRIAL) {
    throw badInput("SELF_SERVICE_TRIAL is not a purchase channel: trials start with startTrial.", "channel");
  }
  const seen = new Set<string>();
  return input.items.map((it, i) => {
    const quantity = wholeNumber(it.quantity, `items[${i}].quantity`, 1, MAX_QUANTITY);
    const sku = ctx.catalog.sku(it.skuId);
    if (!sku) throw notFound("SKU", it.skuId);
    if (sku.isTrial) throw badInput(`${sku.partNumber} is a trial: trials start with startTrial and cannot be bought.`, `items[${i}].skuId`);
    if (seen.has(sku.id)) throw badInput(`${sku.partNumber} appears twice in one order; give it once with the total quantity.`, "items");
    seen.add(sku.id);
    return { sku, quantity };
  });
}

/** P2, P3, P8 against the tenant's subscriptions: the required tenant license, its channel, the subscription cap. */
function checkAgainstTenant(ctx: RequestContext, items: OrderItem[], channel: PurchaseChannel, existing: Subscription[], now: Date): void {
  const live = existing.filter((s) => subscriptionStatus(s, now) !== SubscriptionStatus.DELETED);
  if (live.length + items.length > MAX_SUBSCRIPTIONS) {
    throw badInput(`A tenant can have at most ${MAX_SUBSCRIPTIONS} subscriptions (it has ${live.length}).`, "items");
  }
  const inOrder = new Set(items.map((i) => i.sku.id));
  const granting = existing.filter((s) => grants(subscriptionStatus(s, now)));
  for (const { sku } of items) {
    if (sku.kind !== LicenseKind.USER) continue;
    for (const req of ctx.catalog.requires(sku.id)) {
      if (inOrder.has(req)) continue;
      const reqName = ctx.catalog.sku(req)?.partNumber ?? req;
      if (!granting.some((s) => s.skuId === req)) {
        throw new AppError(ErrorCode.TENANT_LICENSE_REQUIRED, `${sku.partNumber} needs an active ${reqName} subscription (buy it first or in the same order).`);
      }
      if (SAME_CHANNEL_ONLY.has(channel) && !granting.some((s) => s.skuId === req && s.channel === channel)) {
        throw new AppError(ErrorCode.CHANNEL_MISMATCH, `${sku.partNumber} bought through ${channel} needs ${reqName} bought through ${channel}.`);
      }
    }
  }
}

/** K8: a subscription is named by its SKU in the audit log, an order by the SKUs it bought. */
const skuName = (ctx: RequestContext, skuId: string) => ctx.catalog.sku(skuId)?.displayName ?? skuId;
const orderName = (ctx: RequestContext, skuIds: string[]) => [...new Set(skuIds.map((id) => skuName(ctx, id)))].join(", ");

/** P1–P5, P8: one order, all items or none. */
export async function purchaseLicenses(ctx: RequestContext, input: PurchaseLicensesInput): Promise<{ orderId: string; subscriptions: Subscription[] }> {
  requirePermission(ctx.principal, Permission.MANAGE_BILLING);
  const now = ctx.clock.now();
  const items = parseItems(ctx, input);
  if (input.endsAt && input.endsAt.getTime() <= now.getTime()) throw badInput("endsAt must be in the future.", "endsAt");
  const key = optionalText(input.idempotencyKey, "idempotencyKey", 256);
  // The same items in another order are the same purchase (P5).
  const requestHash = createHash("sha256")
    .update(JSON.stringify({ c: input.channel, i: items.map((i) => [i.sku.id, i.quantity]).sort(), e: input.endsAt?.toISOString() ?? null }))
    .digest("hex");

  return ctx.write(async (tx) => {
    if (key) {
      const prior = await tx.findOne(PurchaseOrder, { idempotencyKey: key });
      if (prior) {
        if (prior.requestHash !== requestHash) {
          throw new AppError(ErrorCode.CONFLICT, "This idempotencyKey was already used for a different purchase.");
        }
        const subscriptions = await tx.find(Subscription, { orderId: prior.id }, { id: "ASC" });
        await recordAudit(tx, ctx, "PURCHASE_REPLAYED", prior.id, { orderId: prior.id, idempotencyKey: key }, orderName(ctx, subscriptions.map((s) => s.skuId)));
        return { orderId: prior.id, subscriptions };
      }
    }
    checkAgainstTenant(ctx, items, input.channel, await tx.find(Subscription), now);
    const orderId = newId("order");
    await tx.insert(PurchaseOrder, [{ id: orderId, idempotencyKey: key, requestHash, createdAt: now }]);
    const subscriptions = items.map(({ sku, quantity }) =>
      Object.assign(new Subscription(), {
        id: newId("subscription"), tenantId: tx.tenantId, skuId: sku.id, quantity, channel: input.channel, isTrial: false,
        orderId, startsAt: now, endsAt: input.endsAt ?? null, canceledAt: null, createdAt: now,
      }),
    );
    return changeSeats(ctx, tx, async () => {
      await tx.insert(Subscription, subscriptions);
      return {
        result: { orderId, subscriptions },
        facts: { poolsChanged: items.map((i) => i.sku.id) },
        audit: {
          action: "PURCHASE",
          targetId: orderId,
          targetName: orderName(ctx, items.map((i) => i.sku.id)),
          details: {
            orderId, channel: input.channel, idempotencyKey: key, endsAt: input.endsAt ?? null,
            items: items.map((i) => ({ sku: i.sku.partNumber, quantity: i.quantity })),
            subscriptionIds: subscriptions.map((s) => s.id),
          },
        },
      };
    });
  });
}


/** P7: the pool may not drop below the seats in use. */
export async function updateSubscriptionQuantity(ctx: RequestContext, input: UpdateSubscriptionQuantityInput): Promise<Subscription> {
  requirePermission(ctx.principal, Permission.MANAGE_BILLING);
  const quantity = wholeNumber(input.quantity, "quantity", 1, MAX_QUANTITY);
  return ctx.write(async (tx) => {
    const sub = await tx.findOne(Subscription, { id: input.subscriptionId });
    if (!sub) throw notFound("Subscription", input.subscriptionId);
    const now = ctx.clock.now();
    const status = subscriptionStatus(sub, now);
    if (sub.isTrial) throw badInput("A trial's quantity cannot be changed.", "subscriptionId");
    if (status === SubscriptionStatus.DELETED) throw badInput("This subscription is deleted.", "subscriptionId");
    return changeSeats(ctx, tx, async (engine) => {
      if (grants(status) && quantity < sub.quantity) {
        const pool = (await engine.pool(sub.skuId)) - sub.quantity + quantity;
        const inUse = await engine.held(sub.skuId);
        if (pool < inUse) {
          throw new AppError(ErrorCode.SEATS_IN_USE, `${inUse} seats are in use; the pool cannot go below that (it would be ${pool}).`, { seatsInUse: inUse });
        }
      }
      const before = sub.quantity;
      await tx.update(Subscription, { id: sub.id }, { quantity });
      return {
        result: Object.assign(sub, { quantity }),
        facts: { poolsChanged: [sub.skuId] },
        audit: { action: "UPDATE_SUBSCRIPTION_QUANTITY", targetId: sub.id, targetName: skuName(ctx, sub.skuId), details: { before: { quantity: before }, after: { quantity } } },
      };
    });
  });
}

/** P6: cancelling suspends at once; seats beyond the smaller pool go, most recent wanters first (S5). */
export async function cancelSubscription(ctx: RequestContext, id: string): Promise<Subscription> {
  requirePermission(ctx.principal, Permission.MANAGE_BILLING);
  return ctx.write(async (tx) => {
    const sub = await tx.findOne(Subscription, { id });
    if (!sub) throw notFound("Subscription", id);
    const now = ctx.clock.now();
    const before = subscriptionStatus(sub, now);
    const canceledAt = sub.canceledAt ?? now;
    return changeSeats(ctx, tx, async () => {
      await tx.update(Subscription, { id }, { canceledAt });
      const after = subscriptionStatus({ ...sub, canceledAt }, now);
      return {
        result: Object.assign(sub, { canceledAt }),
        facts: { poolsChanged: [sub.skuId] },
        audit: { action: "CANCEL_SUBSCRIPTION", targetId: id, targetName: skuName(ctx, sub.skuId), details: { before: { status: before }, after: { status: after } } },
      };
    });
  });
}

export async function listSubscriptions(ctx: RequestContext, includeInactive: boolean): Promise<Subscription[]> {
  requirePermission(ctx.principal, Permission.READ_TENANT);
  const lic = await ctx.loaders.licensing();
  return lic.subscriptions.filter((s) => includeInactive || grants(subscriptionStatus(s, lic.now)));
}

/** Pool figures per SKU the tenant has subscriptions of (like Graph's subscribedSkus). */
export async function tenantLicenses(ctx: RequestContext): Promise<TenantLicense[]> {
  requirePermission(ctx.principal, Permission.READ_TENANT);
  return poolFigures(ctx);
}

/** The tenant's pools with their figures (E5's lowOnSeats included); the caller has checked who asks. */
export async function poolFigures(ctx: RequestContext): Promise<TenantLicense[]> {
  const [lic, tenant] = await Promise.all([ctx.loaders.licensing(), ctx.signedInTenant ?? ctx.db.tenant()]);
  const threshold = tenant?.seatAlertThreshold ?? 0;
  const counts = await ctx.db
    .qb(LicenseWant, "w")
    .select("w.skuId", "skuId")
    .addSelect("w.holdsSeat", "holdsSeat")
    .addSelect("COUNT(*)", "n")
    .groupBy("w.skuId")
    .addGroupBy("w.holdsSeat")
    .getRawMany<{ skuId: string; holdsSeat: boolean | number; n: string | number }>();
  const count = (skuId: string, holds: boolean) =>
    counts.filter((c) => c.skuId === skuId && Boolean(c.holdsSeat) === holds).reduce((a, c) => a + Number(c.n), 0);
  const skuIds = new Set(lic.subscriptions.filter((s) => !s.isTrial).map((s) => s.skuId));
  return ctx.catalog.skus
    .filter((s) => skuIds.has(s.id))
    .map((sku) => {
      const units = prepaidUnits(lic.subscriptions.filter((s) => s.skuId === sku.id && !s.isTrial), lic.now);
      const consumedUnits = count(sku.id, true);
      const availableUnits = Math.max(0, units.enabled + units.warning - consumedUnits);
      const unassignedDemand = count(sku.id, false);
      return {
        sku, prepaidUnits: units, consumedUnits, availableUnits, unassignedDemand,
        lowOnSeats: availableUnits <= threshold || unassignedDemand > 0,
      };
    });
}
