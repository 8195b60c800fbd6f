import type { App, RequestContext } from "../app/request/context";
import { requestInfo } from "../api/graphql/cost";

/** What the handler learnt about one request, filled in as it goes. */
export interface RequestRecord {
  started: bigint;
  ctx?: RequestContext;
  /** The outcome code when the request ended before GraphQL ran (413, bad JSON, a bad token, 429). */
  code?: string;
}

/**
 * One JSON line per request (request ID, tenant, principal kind, operation, duration, outcome code, cost) and
 * the request metrics. Never a header, a token or a variable: only these fields.
 */
export function finishRequest(app: App, rec: RequestRecord, status: number): void {
  const seconds = Number(process.hrtime.bigint() - rec.started) / 1e9;
  const ctx = rec.ctx;
  const info = ctx ? requestInfo(ctx) : undefined;
  const code = info?.code ?? rec.code ?? (status < 400 ? "OK" : "INTERNAL_SERVER_ERROR");
  const tenant = info?.tenant ?? ctx?.pendingClaims?.tid ?? undefined;
  app.metrics.graphqlRequest(info?.operationName, code, seconds);
  app.log.info("request", {
    requestId: ctx?.requestId,
    tenant,
    principal: info?.principal ?? (ctx?.pendingClaims ? "unresolved" : "anonymous"),
    operation: info?.operationName ?? undefined,
    durationMs: Math.round(seconds * 10_000) / 10,
    status,
    code,
    cost: info?.cost,
  });
}
