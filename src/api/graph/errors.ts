import { AppError, ErrorCode } from "../../domain/errors";

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

/** What the application services throw, in Graph's terms; null for anything unexpected (a 500, logged). */
export function fromAppError(e: unknown): GraphError | null {
  if (e instanceof GraphError) return e;
  if (!(e instanceof AppError)) return null;
  const code = e.code as string;
  switch (code) {
    case ErrorCode.UNAUTHENTICATED:
      return unauthenticated(e.message);
    case ErrorCode.FORBIDDEN:
      return new GraphError(403, "Authorization_RequestDenied", e.message, code);
    case ErrorCode.NOT_FOUND:
      return new GraphError(404, "Request_ResourceNotFound", e.message, code);
    case ErrorCode.CONFLICT:
      return new GraphError(409, "Request_MultipleObjectsWithSameKeyValue", e.message, code);
    case ErrorCode.RATE_LIMITED: {
      const after = Number(e.extensions.retryAfterSeconds ?? 1);
      return new GraphError(429, "TooManyRequests", e.message, code, { "retry-after": String(after) });
    }
    // H5, once the services raise it: the database is unreachable for now.
    case "SERVICE_UNAVAILABLE": {
      const after = Number(e.extensions.retryAfterSeconds ?? 1);
      return new GraphError(503, "serviceNotAvailable", e.message, code, { "retry-after": String(after) });
    }
    case ErrorCode.INTERNAL_SERVER_ERROR:
      return null;
    default:
      // Every rule's refusal (seats, plans, location, cycles, directory-managed objects …) is Graph's 400.
      return new GraphError(400, "Request_BadRequest", e.message, code);
  }
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
