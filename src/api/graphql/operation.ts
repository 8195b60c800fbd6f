import type { Admission } from "../../app/request/admission";
import type { RequestContext } from "../../app/request/context";

/** What every resolver takes: the request's context (`@Ctx("ctx")`), over HTTP and for each live delivery alike. */
export interface GraphQLContext {
  readonly ctx: RequestContext;
}

/** How one GraphQL request over HTTP ended: for the request log and metrics. */
export interface Outcome {
  operationName?: string | null;
  code?: string;
  principal?: string;
  tenant?: string;
}

/**
 * I1's answer cache: what the gate learnt of an answerable query (src/api/graphql/answerable.ts): the tenant state
 * version it is read at and the interval it holds for; then its data once answered without errors.
 */
export interface AnswerDraft {
  read?: { version: number; from: number; until: number };
  data?: string;
}

/**
 * Apollo's context value for one GraphQL request over HTTP: the caller's admission (credentials checked; the price
 * is paid and the caller resolved after validation, in the operation gate) and, from then on, its context. Apollo
 * runs the operation on a shallow copy of this object; the copy shares the admission, the outcome and the answer, so the HTTP
 * handler's request log sees what the operation did.
 */
export class GraphQLOperation implements GraphQLContext {
  readonly outcome: Outcome = {};
  readonly answer: AnswerDraft = {};

  constructor(readonly admission: Admission) {}

  /** The admitted request's context; resolvers run only after the gate has admitted the caller. */
  get ctx(): RequestContext {
    const ctx = this.admission.admitted;
    if (!ctx) throw new Error("the operation was not admitted (the operation gate runs before any resolver)");
    return ctx;
  }
}
