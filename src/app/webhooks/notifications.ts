import type { ChangeSubscription } from "../../data/entities";
import type { Changes } from "./changes";

/**
 * Notifications per POST at most. Graph batches change notifications in one `{ value: [...] }`; here a POST
 * carries a subscription's pending notifications in commit order, across writes, up to this many (a write that
 * touched more is sent in several, in order). 100 amortizes the HTTP exchange 100-fold and keeps a body near
 * 40 KB (~420 bytes each), under the 100 KB a receiver's JSON parser commonly accepts by default (Express).
 */
export const NOTIFICATIONS_PER_POST = 100;

/** Toward Graph an ID is the bare GUID of this API's `<prefix>_<uuid>` (MG1). */
const bare = (id: string) => id.slice(id.indexOf("_") + 1);

export type Notification = Record<string, unknown>;

function item(s: ChangeSubscription, changeType: string, resource: string, odataType: string, id: string): Notification {
  return {
    subscriptionId: s.id,
    subscriptionExpirationDateTime: s.expiresAt.toISOString(),
    changeType,
    resource,
    resourceData: { "@odata.type": odataType, "@odata.id": resource, id },
    clientState: s.clientState,
    tenantId: bare(s.tenantId),
  };
}

/** MG6: one write's notifications for one subscription, in Graph's shape, only of the change types it asked for. */
export function notificationsFor(s: ChangeSubscription, c: Changes): Notification[] {
  const wanted = new Set(s.changeType.split(","));
  const of = (m: Record<string, string>, resource: string, type: string) =>
    Object.entries(m).filter(([, change]) => wanted.has(change)).map(([id, change]) => item(s, change, `${resource}/${bare(id)}`, type, bare(id)));
  switch (s.kind) {
    case "users":
      return of(c.u, "Users", "#Microsoft.Graph.User");
    case "groups":
      return of(c.g, "Groups", "#Microsoft.Graph.Group");
    case "members":
      return c.m.includes(s.groupId ?? "") ? [item(s, "updated", `Groups/${bare(s.groupId!)}/members`, "#Microsoft.Graph.Group", bare(s.groupId!))] : [];
    case "skus":
      return c.s.map((sku) => {
        const id = `${bare(s.tenantId)}_${bare(sku)}`;
        return item(s, "updated", `subscribedSkus/${id}`, "#Microsoft.Graph.SubscribedSku", id);
      });
  }
  return [];
}

/** The `missed` lifecycle notification (Graph: resynchronize, changes were dropped). */
export function missedNotification(s: ChangeSubscription): Notification {
  return { subscriptionId: s.id, subscriptionExpirationDateTime: s.expiresAt.toISOString(), tenantId: bare(s.tenantId), clientState: s.clientState, lifecycleEvent: "missed" };
}
