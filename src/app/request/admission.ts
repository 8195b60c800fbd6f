import { randomUUID } from "node:crypto";
import { APP_ROLE_OPERATOR, APP_ROLE_RUNTIME, Principal } from "../auth/principal";
import type { TokenClaims } from "../auth/jwt";
import { App, RequestContext } from "./context";
import { authenticateProvisioning, resolvePrincipal, verifyAuthorization } from "./sign-in";
import type { OperationLock } from "../../data/database";
import type { Tenant } from "../../data/entities";
import { AppError, unauthenticated } from "../../domain/errors";
import { READ_COST, type ThrottleDecision, type ThrottleKeys } from "../../infra/throttle";

export { noteActivity, noteBotActivity } from "./activity";

/** The ways in; each names its throttle refusals in the metrics. */
export type Transport = "graphql" | "live" | "scim" | "graph" | "export";

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

/** What a caller shows at the door. */
export interface Knock {
  authorization: string | undefined;
  clientAddress: string | undefined;
  requestId?: string;
  transport: Transport;
  /** A bearer JWT (the default), or a SCIM provisioning token (D1; its check reads the token's row). */
  scheme?: "bearer" | "provisioning";
  /** GraphQL serves callers without a token as anonymous; every other way in refuses them with this message. */
  withoutToken: "anonymous" | { refuse: string };
  /** The hold of the operation lock the caller already has (SCIM: one hold for the token check and the request). */
  lock?: OperationLock;
}

/** Not let in: no valid credentials. The guess has paid the failed sign-in's price from the address's bucket (H4). */
export interface Refusal {
  refused: true;
  message: string;
  /** The error to answer with (UNAUTHENTICATED). */
  error: AppError;
  /** The throttle's answer to the failed sign-in (null with throttling off). */
  decision: ThrottleDecision | null;
  /** Set when the guess itself was over the limit: the way in answers 429. */
  retryAfterSeconds: number | null;
}

type Credentials = { kind: "claims"; claims: TokenClaims | null } | { kind: "principal"; principal: Extract<Principal, { kind: "provisioning" }> };

/**
 * A caller whose credentials were checked, who pays before any SQL of its own (T1, T2), and whose context is made
 * once (`context()`): GraphQL resolves who the caller is only after the operation is validated, so a refused query
 * costs no SQL. Nothing of the context is changed after it is made; what changes is only whether it exists yet.
 */
export class Admission {
  readonly refused = false;
  /** What this request paid: its price and the throttle's answer (extensions.cost, Query.rateLimit, the log). */
  readonly payment: { price?: number; decision?: ThrottleDecision } = {};
  readonly requestId: string;
  readonly clientAddress: string | undefined;
  readonly transport: Transport;
  readonly lock: OperationLock;
  private entered?: Promise<RequestContext>;
  private made?: RequestContext;

  constructor(readonly app: App, private readonly credentials: Credentials, at: Omit<Knock, "authorization" | "withoutToken" | "scheme">) {
    this.requestId = at.requestId ?? randomUUID();
    this.clientAddress = at.clientAddress;
    this.transport = at.transport;
    this.lock = at.lock ?? app.database.lock();
  }

  /** The verified token claims (null: anonymous, or a provisioning token): the request log's tenant until admitted. */
  get claims(): TokenClaims | null {
    return this.credentials.kind === "claims" ? this.credentials.claims : null;
  }

  /** The buckets this caller pays into. */
  get keys(): ThrottleKeys {
    const c = this.credentials;
    return c.kind === "principal" ? scimThrottleKeys(c.principal.tokenId, c.principal.tenantId) : throttleKeys(c.claims, this.clientAddress);
  }

  /**
   * T1, T2: pays `price` from the caller's buckets, at most once per admission (a second call returns the first
   * answer). Null with throttling off. `tooBig` names the way in's error for a price no bucket can ever hold.
   */
  async pay(price: number, tooBig?: (most: number) => Error): Promise<ThrottleDecision | null> {
    this.payment.price = price;
    if (this.payment.decision) return this.payment.decision;
    const throttle = this.app.throttle;
    if (!throttle.enabled) return null;
    const keys = this.keys;
    if (tooBig) {
      const most = throttle.maxPrice(keys);
      if (price > most) throw tooBig(most);
    }
    return (this.payment.decision = await throttle.take(keys, price, this.transport));
  }

  /** The context, made once: who the caller is (from the user's row, not the token: DESIGN §6), its request ID, address and lock. */
  context(): Promise<RequestContext> {
    return (this.entered ??= (async () => {
      const c = this.credentials;
      const principal = c.kind === "principal" ? c.principal : await resolvePrincipal(this.app, c.claims, this.lock);
      return (this.made = new RequestContext(this.app, principal, { requestId: this.requestId, clientAddress: this.clientAddress, lock: this.lock }));
    })());
  }

  /** The context once `context()` has made it, else undefined (a request refused before, or still being admitted). */
  get admitted(): RequestContext | undefined {
    return this.made;
  }
}

/**
 * The one door of every way in (GraphQL over HTTP and WebSocket, SCIM, Graph, the export): the credentials are
 * checked; a caller without valid ones pays READ_COST from its address's bucket (H4) before it is refused, so
 * guessing is throttled alike everywhere. The admitted caller pays its price (`pay`) and gets its context.
 */
export async function admit(app: App, knock: Knock): Promise<Admission | Refusal> {
  const at = { clientAddress: knock.clientAddress, requestId: knock.requestId, transport: knock.transport, lock: knock.lock };
  let error: AppError;
  if (knock.scheme === "provisioning") {
    const principal = await authenticateProvisioning(app, knock.authorization, knock.lock);
    if (principal) return new Admission(app, { kind: "principal", principal }, at);
    error = unauthenticated(knock.withoutToken === "anonymous" ? undefined : knock.withoutToken.refuse);
  } else {
    try {
      const claims = await verifyAuthorization(app, knock.authorization);
      if (claims || knock.withoutToken === "anonymous") return new Admission(app, { kind: "claims", claims }, at);
      error = unauthenticated(knock.withoutToken.refuse);
    } catch (e) {
      error = e instanceof AppError ? e : unauthenticated();
    }
  }
  const decision = app.throttle.enabled ? await app.throttle.take(throttleKeys(null, knock.clientAddress), READ_COST, knock.transport) : null;
  return { refused: true, message: error.message, error, decision, retryAfterSeconds: decision && !decision.allowed ? decision.retryAfterSeconds : null };
}

/** graphql-ws: each subscribe is admitted again from the connection's verified claims (E2: the user's row as it is now). */
export function admitClaims(app: App, claims: TokenClaims, at: { clientAddress: string | undefined; transport: Transport }): Admission {
  return new Admission(app, { kind: "claims", claims }, at);
}

/**
 * The service's own work in one tenant (the live hub's reads, the daily passes): the `system` principal, whose
 * permissions src/app/auth/permissions.ts lists; never a caller's.
 */
export function systemContext(app: App, tenantId: string, tenant?: Tenant, lock?: OperationLock): RequestContext {
  return new RequestContext(app, { kind: "system", tenantId, tenant }, { lock });
}
