import type { App, RequestContext } from "./context";
import type { Admission } from "./admission";
import type { CachedAnswer } from "./answer-cache";
import { nextStatusChange } from "../../domain/licensing/status";

/**
 * The cached answer this admitted caller may be sent now, its price paid (T1) and the request noted as activity (V3)
 * as for any request. Undefined: execute it as usual (a refused payment is the admission's, answered there with 429).
 */
export async function answerFromCache(app: App, admission: Admission, key: string): Promise<CachedAnswer | undefined> {
  const claims = admission.claims;
  if (!claims?.tid || !claims.oid) return undefined;
  const hit = app.answers.get(app, key, { tenantId: claims.tid, userId: claims.oid });
  if (!hit) return undefined;
  const decision = await admission.pay(hit.answer.price);
  if (decision && !decision.allowed) return undefined;
  app.activity.note(claims.tid, claims.oid, hit.lastActivityAt);
  return hit.answer;
}

/**
 * The first instant (ms) after now at which the caller's licensing can change with no write: a subscription of the
 * tenant crossing a status boundary (P6) or one of the caller's trials expiring (S9).
 */
export async function answerHoldsUntil(ctx: RequestContext): Promise<number> {
  const p = ctx.principal;
  if (p.kind !== "user") return -Infinity;
  const now = ctx.clock.now();
  const [state, facts] = await Promise.all([ctx.loaders.state(), ctx.loaders.facts.load(p.userId)]);
  let until = Infinity;
  for (const s of state.subscriptions) until = Math.min(until, nextStatusChange(s, now));
  for (const t of facts.trials) if (t.expiresAt.getTime() > now.getTime()) until = Math.min(until, t.expiresAt.getTime());
  return until;
}
