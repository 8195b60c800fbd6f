import { APP_ROLE_OPERATOR, APP_ROLE_RUNTIME } from "../auth/principal";
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
