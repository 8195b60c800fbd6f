import { GraphQLRequestContextWillSendResponse } from "@apollo/server";
import { DocumentNode, GraphQLSchema, OperationTypeNode } from "graphql";
import { ComplexityEstimator, getComplexity } from "graphql-query-complexity";
import type { Admission } from "../../app/request/admission";
import { BucketStatus, MUTATION_MIN_COST, ThrottleDecision } from "../../infra/throttle";
import type { GraphQLOperation } from "./operation";
import { AppError, ErrorCode } from "../../domain/errors";
import { DEFAULT_PAGE, MAX_PAGE } from "../../domain/paging";
import { perDocument, validationFailed } from "./limits";

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

/** Pays the request's price (T2) through its admission; over the limit: 429 with Retry-After and RATE_LIMITED, before any SQL. */
export async function payFor(admission: Admission, price: number): Promise<void> {
  const tooBig = (most: number) => validationFailed(`The query costs ${price}, more than a throttling bucket holds (${most}); ask for smaller pages (first).`);
  const decision = await admission.pay(price, tooBig);
  if (decision && !decision.allowed) throw rateLimited(decision);
}

export function rateLimited(d: ThrottleDecision): AppError {
  return new AppError(ErrorCode.RATE_LIMITED, `Too many requests: this one costs ${d.cost} and the ${d.refusedBy} bucket has ${d.status.currentlyAvailable} left; retry in ${d.retryAfterSeconds} s.`, {
    retryAfterSeconds: d.retryAfterSeconds,
  });
}

type Response = GraphQLRequestContextWillSendResponse<GraphQLOperation>["response"];

/** The price of a request that never reached its cost check (1), 429 when even that is over; then extensions.cost. */
export async function answerUnpaid(op: GraphQLOperation, response: Response): Promise<void> {
  if (op.admission.payment.price === undefined) {
    const decision = await op.admission.pay(1);
    if (decision && !decision.allowed && response.body.kind === "single") {
      const e = rateLimited(decision);
      response.body.singleResult = { errors: [{ message: e.message, extensions: e.extensions }] };
      response.http.status = undefined;
    }
  }
  if (response.body.kind === "single") {
    const r = response.body.singleResult;
    r.extensions = { ...r.extensions, cost: costExtension(op.admission) };
  }
}

/** The outcome code of the request log and metrics: OK, or the first error's code; who asked, as far as it is known. */
export function recordOutcome(op: GraphQLOperation, response: Response): void {
  const errors = response.body.kind === "single" ? response.body.singleResult.errors : undefined;
  const out = op.outcome;
  out.code = errors?.length ? String(errors[0].extensions?.code ?? ErrorCode.INTERNAL_SERVER_ERROR) : "OK";
  const p = op.admission.admitted?.principal;
  const claims = op.admission.claims;
  out.principal = p ? p.kind : claims ? "unresolved" : "anonymous";
  out.tenant = p ? (p.kind === "user" || p.kind === "runtime" ? p.tenantId : undefined) : (claims?.tid ?? undefined);
}

/** T1: `extensions.cost` in Shopify's shape. */
export function costExtension(admission: Admission): { requestedQueryCost: number; throttleStatus: BucketStatus } {
  const paid = admission.payment;
  return {
    requestedQueryCost: paid.price ?? 0,
    throttleStatus: paid.decision?.status ?? { maximumAvailable: 0, currentlyAvailable: 0, restoreRate: 0 },
  };
}

/** Query.rateLimit: the bucket after this request paid (or as it is, when nothing was paid). */
export async function rateLimitOf(admission: Admission): Promise<BucketStatus & { requestedQueryCost: number }> {
  const paid = admission.payment;
  const throttle = admission.app.throttle;
  const status = paid.decision?.status ?? (throttle.enabled ? await throttle.peek(admission.keys) : costExtension(admission).throttleStatus);
  return { ...status, requestedQueryCost: paid.price ?? 0 };
}
