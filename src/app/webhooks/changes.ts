import { kindOfId } from "../../domain/ids";
import type { SubscriptionKind } from "../../data/change-outbox";
import type { ObjectChange, WriteReport } from "../request/context";

/** MG6: what one committed write changed, as the outbox keeps it: this API's IDs by change type. */
export interface Changes {
  /** Users: ID → change. */
  u: Record<string, ObjectChange>;
  /** Groups: ID → change (members changed, licenses, the group itself). */
  g: Record<string, ObjectChange>;
  /** SKUs whose pool changed: always `updated` (subscribedSkus). */
  s: string[];
  /** Groups whose direct members changed (for `groups/{id}/members`). */
  m: string[];
}

/** The write's changes from its report (and the groups whose members its transaction changed). */
export function changesOf(report: WriteReport, membersChangedOf: Iterable<string>): Changes {
  const c: Changes = { u: {}, g: {}, s: [...report.skuIds], m: [...new Set(membersChangedOf)] };
  for (const id of report.userIds) c.u[id] = "updated";
  for (const id of report.groupIds) c.g[id] = "updated";
  for (const id of c.m) c.g[id] ??= "updated";
  for (const [id, change] of report.objectChanges) {
    const kind = kindOfId(id);
    if (kind === "user") c.u[id] = change;
    else if (kind === "group") c.g[id] = change;
  }
  // A group created or deleted in this write is not also a members change of itself.
  c.m = c.m.filter((id) => c.g[id] === "updated");
  return c;
}

/** The subscription kinds that may care about these changes (the outbox's filter). */
export function kindsOf(c: Changes): SubscriptionKind[] {
  const kinds: SubscriptionKind[] = [];
  if (Object.keys(c.u).length) kinds.push("users");
  if (Object.keys(c.g).length) kinds.push("groups");
  if (c.s.length) kinds.push("skus");
  return kinds;
}

export const isEmpty = (c: Changes) => !kindsOf(c).length && !c.m.length;
