import { listSubscriptions, tenantLicenses } from "../../app/subscriptions/subscriptions";
import { currentTenant } from "../../app/tenants/tenants";
import { Call, entityReply, listReply, only, Reply } from "./call";
import { badRequest, notFound } from "./errors";
import { skuOfSubscribedSkuId } from "./ids";
import { parseQuery } from "./query";
import { project, SKU_PROPERTIES, toSubscribedSku } from "./shapes";

/** MG2: GET /subscribedSkus[/{id}]: the tenant's pools, the same figures as GraphQL's `tenant.licenses`. */
export async function subscribedSkus(call: Call, rest: string[]): Promise<Reply> {
  only(call, "GET");
  if (rest.length > 1) throw badRequest(`Resource not found for the segment '${rest[1]}'.`);
  const q = parseQuery(call.query, { select: SKU_PROPERTIES }, call.headers);
  const ctx = call.ctx;
  const [pools, subscriptions, tenant] = await Promise.all([tenantLicenses(ctx), listSubscriptions(ctx, true), currentTenant(ctx)]);
  const all = pools.map((l) => toSubscribedSku(ctx, tenant, l, subscriptions));
  if (!rest.length) return listReply(call, "subscribedSkus", q, all.map((s) => project(s, q.select)));
  const skuId = skuOfSubscribedSkuId(rest[0], tenant.id);
  const one = skuId ? pools.findIndex((l) => l.sku.id === skuId) : -1;
  if (one < 0) throw notFound(`Resource '${rest[0]}' does not exist.`);
  return entityReply(call, "subscribedSkus", q, project(all[one], q.select));
}
