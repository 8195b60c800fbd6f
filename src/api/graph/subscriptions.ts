import type { ChangeSubscription } from "../../data/entities";
import {
  createChangeSubscription, deleteChangeSubscription, getChangeSubscription, listChangeSubscriptions, renewChangeSubscription,
} from "../../app/webhooks/subscriptions";
import { Call, entityReply, listReply, only, Reply } from "./call";
import { badRequest } from "./errors";
import { isGuid } from "./ids";
import { parseQuery } from "./query";
import { Json } from "./shapes";

const CREATE_KEYS = ["changeType", "notificationUrl", "resource", "expirationDateTime", "clientState", "lifecycleNotificationUrl", "latestSupportedTlsVersion"];

function bodyObject(call: Call, known: string[]): Record<string, unknown> {
  const b = call.body;
  if (!b || typeof b !== "object" || Array.isArray(b)) throw badRequest("The body is a JSON object.");
  const unknown = Object.keys(b).find((k) => !known.includes(k) && !k.startsWith("@odata."));
  if (unknown !== undefined) throw badRequest(`Property '${unknown}' does not exist on microsoft.graph.subscription.`);
  return b as Record<string, unknown>;
}

/** MG6: a subscription in Graph's shape (this API sends no resource data, so nothing to encrypt). */
function toSubscription(s: ChangeSubscription): Json {
  return {
    id: s.id, resource: s.resource, changeType: s.changeType, clientState: s.clientState, notificationUrl: s.notificationUrl,
    lifecycleNotificationUrl: s.lifecycleNotificationUrl, expirationDateTime: s.expiresAt.toISOString(), applicationId: null, creatorId: null,
    includeResourceData: false, latestSupportedTlsVersion: "v1_2", encryptionCertificate: null, encryptionCertificateId: null,
    notificationQueryOptions: null, notificationUrlAppId: null,
  };
}

/** MG6: POST/GET /subscriptions, GET/PATCH (renew)/DELETE /subscriptions/{id}. */
export async function subscriptions(call: Call, rest: string[]): Promise<Reply> {
  parseQuery(call.query, { select: [] }, call.headers);
  if (rest.length > 1) throw badRequest(`Resource not found for the segment '${rest[1]}'.`);
  if (!rest.length) {
    only(call, "GET", "POST");
    if (call.method === "GET") return listReply(call, "subscriptions", {}, (await listChangeSubscriptions(call.ctx)).map(toSubscription));
    const b = bodyObject(call, CREATE_KEYS);
    if (b.latestSupportedTlsVersion !== undefined && !["v1_2", "v1_3"].includes(String(b.latestSupportedTlsVersion))) throw badRequest("latestSupportedTlsVersion is v1_2 or v1_3.");
    const created = await createChangeSubscription(call.ctx, b);
    return entityReply(call, "subscriptions", {}, toSubscription(created), 201);
  }
  const id = rest[0];
  if (!isGuid(id)) throw badRequest(`Invalid subscription identifier '${id}'.`);
  only(call, "GET", "PATCH", "DELETE");
  if (call.method === "GET") return entityReply(call, "subscriptions", {}, toSubscription(await getChangeSubscription(call.ctx, id.toLowerCase())));
  if (call.method === "DELETE") {
    await deleteChangeSubscription(call.ctx, id.toLowerCase());
    return { status: 204 };
  }
  const b = bodyObject(call, ["expirationDateTime"]);
  return entityReply(call, "subscriptions", {}, toSubscription(await renewChangeSubscription(call.ctx, id.toLowerCase(), b.expirationDateTime)));
}
