import { APP_ROLE_OPERATOR, APP_ROLE_RUNTIME, Principal } from "../auth/principal";
import type { App } from "./context";
import { READ_COST, type Throttle, type ThrottleDecision, type ThrottleKeys } from "../../infra/throttle";

/** T2: a SCIM request's buckets (its provisioning token's, a service bucket, and its tenant's); it pays methodPrice. */
export function scimThrottleKeys(tokenId: string, tenantId: string): ThrottleKeys {
  return { principal: `scim:${tenantId}:${tokenId}`, tenant: tenantId, service: true };
}

/** T2: the buckets a request pays into, from its verified claims (the user's row is not read yet) or its address. */
export function throttleKeys(claims: { tid?: string; oid?: string; roles: string[] } | null, clientAddress: string | undefined): ThrottleKeys {
  if (claims?.roles.includes(APP_ROLE_OPERATOR)) return { principal: "operator" };
  if (claims?.tid && claims.oid) return { principal: `user:${claims.tid}:${claims.oid}`, tenant: claims.tid };
  if (claims?.tid && claims.roles.includes(APP_ROLE_RUNTIME)) return { principal: `runtime:${claims.tid}`, tenant: claims.tid, service: true };
  return { principal: `address:${clientAddress ?? "local"}` };
}

/** H4: every failed sign-in, on any protocol, pays READ_COST from the client address's bucket, so guessing is throttled. */
export function payForFailedSignIn(throttle: Throttle, clientAddress: string | undefined, transport: string): Promise<ThrottleDecision> {
  return throttle.take(throttleKeys(null, clientAddress), READ_COST, transport);
}

/**
 * V3: an admitted request of a signed-in user is activity. Counted in memory, with the stored lastActivityAt the
 * sign-in row already carries: no statement on the request path (the recorder writes in batches).
 */
export function noteActivity(app: App, p: Principal): void {
  if (p.kind === "user") app.activity.note(p.tenantId, p.userId, p.user.lastActivityAt);
}

/** V3: a bot action (createBot, updateBot, recordBotSessions) is activity of the bot's owner. */
export function noteBotActivity(app: App, tenantId: string, ownerId: string): void {
  app.activity.note(tenantId, ownerId);
}
