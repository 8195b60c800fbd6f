import { badInput } from "../../domain/errors";
import { DAY_MS } from "../../domain/clock";
import type { SubscriptionKind } from "../../data/change-outbox";
import { checkUrl, UrlRefused, WebhookPolicy } from "../../infra/webhook-post";

/** MG6: at most 29 days ahead (Graph's limit for users and groups; this API uses it for subscribedSkus too). */
export const MAX_EXPIRY_MS = 29 * DAY_MS;
export const MAX_SUBSCRIPTIONS_PER_TENANT = 100;
/** Graph's limit for clientState. */
export const MAX_CLIENT_STATE = 128;
export const CHANGE_TYPES = ["created", "updated", "deleted"] as const;
export type ChangeType = (typeof CHANGE_TYPES)[number];

/** What a way in hands over for POST /subscriptions (strings as the client sent them). */
export interface CreateChangeSubscriptionInput {
  changeType?: unknown;
  notificationUrl?: unknown;
  resource?: unknown;
  expirationDateTime?: unknown;
  clientState?: unknown;
  lifecycleNotificationUrl?: unknown;
}

export interface ParsedResource {
  kind: SubscriptionKind;
  /** For `groups/{id}/members`: the group's ID in this API's form. */
  groupId: string | null;
  /** The resource as stored and shown (`users`, `groups`, `groups/{guid}/members`, `subscribedSkus`). */
  resource: string;
}

const GUID = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";
const MEMBERS = new RegExp(`^groups/(?:grp_)?(${GUID})/members$`, "i");

export function parseResource(v: unknown): ParsedResource {
  if (typeof v !== "string") throw badInput("resource is required: users, groups, groups/{id}/members or subscribedSkus.", "resource");
  const r = v.trim().replace(/^\/+/, "");
  const lower = r.toLowerCase();
  if (lower === "users") return { kind: "users", groupId: null, resource: "users" };
  if (lower === "groups") return { kind: "groups", groupId: null, resource: "groups" };
  if (lower === "subscribedskus") return { kind: "skus", groupId: null, resource: "subscribedSkus" };
  const m = MEMBERS.exec(r);
  if (m) return { kind: "members", groupId: `grp_${m[1].toLowerCase()}`, resource: `groups/${m[1].toLowerCase()}/members` };
  throw badInput(`The resource '${r.slice(0, 100)}' is not supported; use users, groups, groups/{id}/members or subscribedSkus.`, "resource");
}

/** `created,updated,deleted` (any of them, each once); a pool or a group's members only change (`updated`). */
export function parseChangeType(v: unknown, kind: SubscriptionKind): ChangeType[] {
  if (typeof v !== "string" || !v.trim()) throw badInput("changeType is required: created, updated and/or deleted, comma-separated.", "changeType");
  const types = v.split(",").map((t) => t.trim());
  for (const t of types) if (!(CHANGE_TYPES as readonly string[]).includes(t)) throw badInput(`changeType '${t.slice(0, 50)}' is not one of created, updated, deleted.`, "changeType");
  if (new Set(types).size !== types.length) throw badInput("changeType names a change type twice.", "changeType");
  if ((kind === "skus" || kind === "members") && types.some((t) => t !== "updated")) throw badInput("This resource only has updated changes.", "changeType");
  return types as ChangeType[];
}

/** An ISO 8601 instant after now and at most 29 days ahead. */
export function parseExpiry(v: unknown, now: Date): Date {
  const at = typeof v === "string" && /^\d{4}-\d{2}-\d{2}T/.test(v) ? new Date(v) : null;
  if (!at || Number.isNaN(at.getTime())) throw badInput("expirationDateTime is required: an ISO 8601 date and time (2026-03-20T11:00:00Z).", "expirationDateTime");
  if (at.getTime() <= now.getTime()) throw badInput("expirationDateTime must be in the future.", "expirationDateTime");
  if (at.getTime() > now.getTime() + MAX_EXPIRY_MS) throw badInput("expirationDateTime is at most 29 days (41760 minutes) from now.", "expirationDateTime");
  return at;
}

export function parseUrl(v: unknown, field: string, policy: WebhookPolicy, optional = false): string | null {
  if (v == null && optional) return null;
  if (typeof v !== "string" || !v) throw badInput(`${field} is required: the receiver's absolute URL.`, field);
  if (v.length > 2048) throw badInput(`${field} is at most 2048 characters.`, field);
  try {
    return checkUrl(v, policy).toString();
  } catch (e) {
    if (e instanceof UrlRefused) throw badInput(`${field} ${e.message}.`, field);
    throw e;
  }
}

export function parseClientState(v: unknown): string | null {
  if (v == null) return null;
  if (typeof v !== "string" || v.length > MAX_CLIENT_STATE) throw badInput(`clientState is a string of at most ${MAX_CLIENT_STATE} characters.`, "clientState");
  return v;
}
