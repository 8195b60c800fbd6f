import type { App } from "../app/request/context";
import type { GraphQLOperation } from "../api/graphql/operation";

/** What the handler learnt about one request, filled in as it goes. */
export interface RequestRecord {
  started: bigint;
  /** The GraphQL request, once it reached Apollo (it shares its admission and outcome with Apollo's copy). */
  op?: GraphQLOperation;
  /** The outcome code when the request ended before GraphQL ran (413, bad JSON, a bad token, 429). */
  code?: string;
}

/**
 * One JSON line per request (request ID, tenant, principal kind, operation, duration, outcome code, cost) and
 * the request metrics. Never a header, a token or a variable: only these fields.
 */
export function finishRequest(app: App, rec: RequestRecord, status: number): void {
  const seconds = Number(process.hrtime.bigint() - rec.started) / 1e9;
  const info = rec.op?.outcome;
  const admission = rec.op?.admission;
  const code = info?.code ?? rec.code ?? (status < 400 ? "OK" : "INTERNAL_SERVER_ERROR");
  const tenant = info?.tenant ?? admission?.claims?.tid ?? undefined;
  app.metrics.graphqlRequest(info?.operationName, code, seconds);
  app.log.info("request", {
    requestId: admission?.requestId,
    tenant,
    principal: info?.principal ?? (admission?.claims ? "unresolved" : "anonymous"),
    operation: info?.operationName ?? undefined,
    durationMs: Math.round(seconds * 10_000) / 10,
    status,
    code,
    cost: admission?.payment.price,
  });
}
