import { AppError, ErrorCode, retryAfterFor } from "../../domain/errors";

/**
 * MG4: an error in Graph's terms: the HTTP status, Graph's `error.code`, and this API's ErrorCode, which goes to
 * `innerError.code` so a script can tell SEATS_EXHAUSTED from USAGE_LOCATION_PROHIBITED behind the same 400.
 */
export class GraphError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly innerCode: string = ErrorCode.BAD_USER_INPUT,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

/** A request Graph would call malformed (a body, a path segment, an ID). */
export const badRequest = (message: string) => new GraphError(400, "Request_BadRequest", message);

/** A query option or form of one that this server does not offer (MG3: refused, never ignored). */
export const unsupportedQuery = (message: string) => new GraphError(400, "Request_UnsupportedQuery", message);

export const notFound = (message: string) => new GraphError(404, "Request_ResourceNotFound", message, ErrorCode.NOT_FOUND);

export const methodNotAllowed = (allow: string[]) =>
  new GraphError(405, "Request_BadRequest", "Specified HTTP method is not allowed for the request target.", ErrorCode.BAD_USER_INPUT, { allow: allow.join(", ") });

export const tooManyRequests = (retryAfterSeconds: number) =>
  new GraphError(429, "TooManyRequests", `Too many requests; retry in ${retryAfterSeconds} s.`, ErrorCode.RATE_LIMITED, { "retry-after": String(retryAfterSeconds) });

export const unauthenticated = (message: string) =>
  new GraphError(401, "InvalidAuthenticationToken", message, ErrorCode.UNAUTHENTICATED, { "www-authenticate": 'Bearer realm="graph"' });

const REFUSED = { status: 400, code: "Request_BadRequest" } as const;

/**
 * Each code in Graph's terms (status, Graph's `error.code`); null is an internal failure (a 500, logged). Exhaustive:
 * a new ErrorCode fails the typecheck until it is mapped. Every rule's refusal (seats, plans, location, cycles,
 * directory-managed objects …) is Graph's 400; `innerError.code` tells them apart.
 */
export const GRAPH_STATUS = {
  UNAUTHENTICATED: { status: 401, code: "InvalidAuthenticationToken" },
  FORBIDDEN: { status: 403, code: "Authorization_RequestDenied" },
  NOT_FOUND: { status: 404, code: "Request_ResourceNotFound" },
  BAD_USER_INPUT: REFUSED,
  CONFLICT: { status: 409, code: "Request_MultipleObjectsWithSameKeyValue" },
  SEATS_EXHAUSTED: REFUSED,
  SEATS_IN_USE: REFUSED,
  TENANT_LICENSE_REQUIRED: REFUSED,
  CHANNEL_MISMATCH: REFUSED,
  LICENSE_NOT_ASSIGNABLE: REFUSED,
  LICENSE_REQUIRED: REFUSED,
  GROUP_CYCLE: REFUSED,
  GROUP_HAS_LICENSES: REFUSED,
  USER_OWNS_BOTS: REFUSED,
  LAST_GLOBAL_ADMIN: REFUSED,
  TRIALS_DISABLED: REFUSED,
  TRIAL_EXHAUSTED: REFUSED,
  USAGE_LOCATION_PROHIBITED: REFUSED,
  DIRECTORY_MANAGED: REFUSED,
  RATE_LIMITED: { status: 429, code: "TooManyRequests" },
  GRAPHQL_VALIDATION_FAILED: REFUSED,
  // H5: the database is unreachable for now.
  SERVICE_UNAVAILABLE: { status: 503, code: "serviceNotAvailable" },
  INTERNAL_SERVER_ERROR: null,
} as const satisfies Record<ErrorCode, { status: number; code: string } | null>;

/** What the application services throw, in Graph's terms; null for anything unexpected (a 500, logged). */
export function fromAppError(e: unknown): GraphError | null {
  if (e instanceof GraphError) return e;
  if (!(e instanceof AppError)) return null;
  if (e.code === ErrorCode.UNAUTHENTICATED) return unauthenticated(e.message);
  const wire: { status: number; code: string } | null = GRAPH_STATUS[e.code] ?? null;
  if (!wire) return null;
  const wait = retryAfterFor(e.code, e.extensions.retryAfterSeconds);
  return new GraphError(wire.status, wire.code, e.message, e.code, wait !== undefined ? { "retry-after": String(wait) } : {});
}

/** Graph's date in innerError: UTC to the second, without a zone letter. */
const graphDate = (d: Date) => d.toISOString().slice(0, 19);

export interface ErrorIds {
  requestId: string;
  clientRequestId: string;
  now: Date;
}

/** MG4: `{ error: { code, message, innerError: { code, date, request-id, client-request-id } } }`. */
export function errorBody(e: GraphError, ids: ErrorIds): Record<string, unknown> {
  return {
    error: {
      code: e.code,
      message: e.message,
      innerError: { code: e.innerCode, date: graphDate(ids.now), "request-id": ids.requestId, "client-request-id": ids.clientRequestId },
    },
  };
}
