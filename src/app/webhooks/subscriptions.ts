import { randomUUID } from "node:crypto";
import { ChangeSubscription, SecurityGroup } from "../../data/entities";
import { dropOutbox, liveSubscriptionCount } from "../../data/change-outbox";
import { badInput, notFound } from "../../domain/errors";
import { Permission, requirePermission } from "../auth/permissions";
import type { RequestContext } from "../request/context";
import {
  CreateChangeSubscriptionInput, MAX_SUBSCRIPTIONS_PER_TENANT, parseChangeType, parseClientState, parseExpiry, parseResource, parseUrl,
} from "./inputs";
import { validateEndpoint, webhookPolicy } from "./policy";

/** MG6: the same reading rights as the resources watched (users, groups and pools: a reader role). */
const mayWatch = (ctx: RequestContext) => requirePermission(ctx.principal, Permission.READ_TENANT);

/** Creates a subscription once its URLs have passed the validation handshake (made before the transaction). */
export async function createChangeSubscription(ctx: RequestContext, input: CreateChangeSubscriptionInput): Promise<ChangeSubscription> {
  mayWatch(ctx);
  const now = ctx.clock.now();
  const policy = webhookPolicy(ctx.app.config);
  const resource = parseResource(input.resource);
  const changeType = parseChangeType(input.changeType, resource.kind);
  const expiresAt = parseExpiry(input.expirationDateTime, now);
  const notificationUrl = parseUrl(input.notificationUrl, "notificationUrl", policy)!;
  const lifecycleNotificationUrl = parseUrl(input.lifecycleNotificationUrl, "lifecycleNotificationUrl", policy, true);
  const clientState = parseClientState(input.clientState);
  if (resource.groupId && !(await ctx.db.findOne(SecurityGroup, { id: resource.groupId }))) throw notFound("Group", resource.groupId);
  // Up to 10 s each, out of the process: on SQLite without holding the operation lock.
  await ctx.lock.outside(async () => {
    await validateEndpoint(notificationUrl, "notificationUrl", policy);
    if (lifecycleNotificationUrl) await validateEndpoint(lifecycleNotificationUrl, "lifecycleNotificationUrl", policy);
  });
  const row = Object.assign(new ChangeSubscription(), {
    id: randomUUID(), tenantId: ctx.tenantId, resource: resource.resource, kind: resource.kind, groupId: resource.groupId,
    changeType: changeType.join(","), notificationUrl, lifecycleNotificationUrl, clientState, expiresAt, createdAt: now,
    state: "active", failures: 0, nextAttemptAt: now, failingSince: null,
  });
  return ctx.write(async (tx) => {
    if ((await liveSubscriptionCount(tx, now)) >= MAX_SUBSCRIPTIONS_PER_TENANT) {
      throw badInput(`A tenant has at most ${MAX_SUBSCRIPTIONS_PER_TENANT} subscriptions; delete one first.`);
    }
    const { tenantId: _t, ...rest } = row;
    await tx.insert(ChangeSubscription, [rest]);
    return row;
  });
}

/** The tenant's subscriptions that have not expired, oldest first. */
export async function listChangeSubscriptions(ctx: RequestContext): Promise<ChangeSubscription[]> {
  mayWatch(ctx);
  const now = ctx.clock.now().getTime();
  return (await ctx.db.find(ChangeSubscription, {}, { createdAt: "ASC", id: "ASC" })).filter((s) => s.expiresAt.getTime() > now);
}

/** One of the tenant's live subscriptions; another tenant's, an expired or an unknown one is NOT_FOUND. */
export async function getChangeSubscription(ctx: RequestContext, id: string): Promise<ChangeSubscription> {
  mayWatch(ctx);
  const s = await ctx.db.findOne(ChangeSubscription, { id });
  if (!s || s.expiresAt.getTime() <= ctx.clock.now().getTime()) throw notFound("Subscription", id);
  return s;
}

/** Renewal: a new expirationDateTime, at most 29 days from now. */
export async function renewChangeSubscription(ctx: RequestContext, id: string, expirationDateTime: unknown): Promise<ChangeSubscription> {
  mayWatch(ctx);
  const expiresAt = parseExpiry(expirationDateTime, ctx.clock.now());
  return ctx.write(async (tx) => {
    const s = await tx.findOne(ChangeSubscription, { id });
    if (!s || s.expiresAt.getTime() <= ctx.clock.now().getTime()) throw notFound("Subscription", id);
    await tx.update(ChangeSubscription, { id }, { expiresAt });
    return Object.assign(s, { expiresAt });
  });
}

/** Deletion: the subscription and its pending deliveries go. */
export async function deleteChangeSubscription(ctx: RequestContext, id: string): Promise<void> {
  mayWatch(ctx);
  await ctx.write(async (tx) => {
    const s = await tx.findOne(ChangeSubscription, { id });
    if (!s) throw notFound("Subscription", id);
    await tx.delete(ChangeSubscription, { id });
    await dropOutbox(tx, id);
  });
}
