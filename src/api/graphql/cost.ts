import { GraphQLRequestContextWillSendResponse } from "@apollo/server";
import { DocumentNode, GraphQLSchema, OperationTypeNode } from "graphql";
import { ComplexityEstimator, getComplexity } from "graphql-query-complexity";
import { APP_ROLE_OPERATOR, APP_ROLE_RUNTIME } from "../../app/auth/principal";
import type { RequestContext } from "../../app/request/context";
import { BucketStatus, MUTATION_MIN_COST, ThrottleDecision } from "../../infra/throttle";
import { throttleKeys } from "../../app/request/admission";
import { AppError, ErrorCode } from "../../domain/errors";
import { DEFAULT_PAGE, MAX_PAGE } from "../../domain/paging";
import { perDocument, validationFailed } from "./limits";

/** What one GraphQL request paid and how it ended: for its response's extensions, the request log and metrics. */
export interface RequestInfo {
  operationName?: string | null;
  cost?: number;
  decision?: ThrottleDecision;
  code?: string;
  principal?: string;
  tenant?: string;
}

const INFO = Symbol("requestInfo");
type WithInfo = RequestContext & { [INFO]?: RequestInfo };

/**
 * The request's record. Apollo runs each operation on a shallow copy of the context, so the record is made with
 * the context (contextWith) and the copy shares it.
 */
export function requestInfo(ctx: RequestContext): RequestInfo {
  return ((ctx as WithInfo)[INFO] ??= {});
}

/** Items of every list in an argument's value (the IDs a mutation changes, at any depth of its input). */
function listItems(value: unknown): number {
  if (Array.isArray(value)) return value.reduce((n: number, v) => n + 1 + listItems(v), 0);
  if (value && typeof value === "object") return Object.values(value).reduce((n: number, v) => n + listItems(v), 0);
  return 0;
}

/**
 * The nodes a field may return: a connection (a field with `first`) returns `first` nodes, each asking for its
 * selection's nodes, so nested connections multiply; any other field passes its selection's on. Items of list
 * arguments count as nodes: what a mutation taking IDs will touch.
 */
const nodesEstimator: ComplexityEstimator = ({ field, args, childComplexity }) => {
  const items = listItems(args);
  if (!field.args.some((a) => a.name === "first")) return items + childComplexity;
  const first = typeof args.first === "number" ? Math.min(Math.max(args.first, 0), MAX_PAGE) : DEFAULT_PAGE;
  return items + first * (1 + childComplexity);
};

/**
 * T1, GitHub's way: 1 + the nodes the operation may return ÷ 100, rounded up; a mutation 10 + its nodes (and IDs)
 * ÷ 100. A page of 50 users with their licenses costs 2, `me { … }` 1, a mutation taking 5,000 IDs 60.
 */
export function priceOf(schema: GraphQLSchema, document: DocumentNode, variables: Record<string, unknown> | undefined, operationName: string | null | undefined, operation: OperationTypeNode | undefined): number {
  let nodes = 0;
  try {
    nodes = perDocument("nodes", document, variables, operationName, () =>
      getComplexity({ schema, query: document, variables, operationName: operationName ?? undefined, estimators: [nodesEstimator] }),
    );
  } catch {
    // Variables that do not fit the operation: execution refuses them (BAD_USER_INPUT) before any resolver; the base price.
  }
  return Math.ceil((operation === OperationTypeNode.MUTATION ? MUTATION_MIN_COST : 1) + nodes / 100);
}

/** Pays the request's price (T2); over the limit: 429 with Retry-After and RATE_LIMITED, before any SQL. */
export async function payFor(ctx: RequestContext, price: number, operationName?: string | null, transport = "graphql"): Promise<void> {
  const info = requestInfo(ctx);
  info.cost = price;
  info.operationName = operationName;
  const throttle = ctx.app.throttle;
  if (!throttle.enabled || info.decision) return;
  const keys = throttleKeys(ctx.pendingClaims ?? claimsOf(ctx), ctx.clientAddress);
  const most = throttle.maxPrice(keys);
  if (price > most) {
    throw validationFailed(`The query costs ${price}, more than a throttling bucket holds (${most}); ask for smaller pages (first).`);
  }
  const decision = await throttle.take(keys, price, transport);
  info.decision = decision;
  if (!decision.allowed) throw rateLimited(decision);
}

export function rateLimited(d: ThrottleDecision): AppError {
  return new AppError(ErrorCode.RATE_LIMITED, `Too many requests: this one costs ${d.cost} and the ${d.refusedBy} bucket has ${d.status.currentlyAvailable} left; retry in ${d.retryAfterSeconds} s.`, {
    retryAfterSeconds: d.retryAfterSeconds,
  });
}

/** Claims-like keys of an already resolved principal (a context built without pending claims). */
function claimsOf(ctx: RequestContext): { tid?: string; oid?: string; roles: string[] } | null {
  const p = ctx.principal;
  if (p.kind === "user") return { tid: p.tenantId, oid: p.userId, roles: [] };
  if (p.kind === "runtime") return { tid: p.tenantId, roles: [APP_ROLE_RUNTIME] };
  if (p.kind === "operator") return { roles: [APP_ROLE_OPERATOR] };
  return null;
}

type Response = GraphQLRequestContextWillSendResponse<RequestContext>["response"];

/** The price of a request that never reached its cost check (1), 429 when even that is over; then extensions.cost. */
export async function answerUnpaid(ctx: RequestContext, response: Response): Promise<void> {
  const info = requestInfo(ctx);
  if (info.cost === undefined) {
    info.cost = 1;
    const throttle = ctx.app.throttle;
    if (throttle.enabled && !info.decision) {
      info.decision = await throttle.take(throttleKeys(ctx.pendingClaims ?? claimsOf(ctx), ctx.clientAddress), 1);
      if (!info.decision.allowed && response.body.kind === "single") {
        const e = rateLimited(info.decision);
        response.body.singleResult = { errors: [{ message: e.message, extensions: e.extensions }] };
        response.http.status = undefined;
      }
    }
  }
  if (response.body.kind === "single") {
    const r = response.body.singleResult;
    r.extensions = { ...r.extensions, cost: costExtension(ctx) };
  }
}

/** The outcome code of the request log and metrics: OK, or the first error's code. */
export function recordOutcome(ctx: RequestContext, response: Response): void {
  const errors = response.body.kind === "single" ? response.body.singleResult.errors : undefined;
  const info = requestInfo(ctx);
  info.code = errors?.length ? String(errors[0].extensions?.code ?? ErrorCode.INTERNAL_SERVER_ERROR) : "OK";
  const p = ctx.principal;
  info.principal = p.kind === "anonymous" && ctx.pendingClaims ? "unresolved" : p.kind;
  info.tenant = p.kind === "user" || p.kind === "runtime" ? p.tenantId : (ctx.pendingClaims?.tid ?? undefined);
}

/** T1: `extensions.cost` in Shopify's shape. */
export function costExtension(ctx: RequestContext): { requestedQueryCost: number; throttleStatus: BucketStatus } {
  const info = requestInfo(ctx);
  return {
    requestedQueryCost: info.cost ?? 0,
    throttleStatus: info.decision?.status ?? { maximumAvailable: 0, currentlyAvailable: 0, restoreRate: 0 },
  };
}

/** Query.rateLimit: the bucket after this request paid (or as it is, when nothing was paid). */
export async function rateLimitOf(ctx: RequestContext): Promise<BucketStatus & { requestedQueryCost: number }> {
  const info = requestInfo(ctx);
  const throttle = ctx.app.throttle;
  const status = info.decision?.status ?? (throttle.enabled ? await throttle.peek(throttleKeys(claimsOf(ctx), ctx.clientAddress)) : costExtension(ctx).throttleStatus);
  return { ...status, requestedQueryCost: info.cost ?? 0 };
}
