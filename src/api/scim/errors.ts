import { AppError, ErrorCode } from "../../domain/errors";

export const ERROR_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:Error";

/** RFC 7644 §3.12: an HTTP status and, for 400s and 409s, a scimType; headers the status needs (Retry-After). */
export class ScimError extends Error {
  constructor(readonly status: number, readonly scimType: string | undefined, detail: string, readonly headers?: Record<string, string>) {
    super(detail);
  }
}

/** H7, RFC 9110 §15.5.6: a 405 names the methods the path does accept in `Allow`. */
export const methodNotAllowed = (method: string, allowed: readonly string[]) =>
  new ScimError(405, undefined, `${method} is not supported here; this path accepts ${allowed.join(", ")}.`, { allow: allowed.join(", ") });

export const badRequest = (scimType: string, detail: string) => new ScimError(400, scimType, detail);

export function errorBody(e: ScimError): Record<string, unknown> {
  return { schemas: [ERROR_SCHEMA], status: String(e.status), ...(e.scimType ? { scimType: e.scimType } : {}), detail: e.message };
}

/** What the application services throw, in SCIM's terms; null for anything unexpected (a 500, logged). */
export function fromAppError(e: unknown): ScimError | null {
  if (e instanceof ScimError) return e;
  if (!(e instanceof AppError)) return null;
  const code = e.extensions?.code as string | undefined;
  const scimType = e.extensions?.scimType as string | undefined;
  switch (code) {
    case ErrorCode.UNAUTHENTICATED:
      return new ScimError(401, undefined, e.message);
    case ErrorCode.FORBIDDEN:
      return new ScimError(403, undefined, e.message);
    case ErrorCode.NOT_FOUND:
      return new ScimError(404, undefined, e.message);
    case ErrorCode.CONFLICT:
      return new ScimError(409, "uniqueness", e.message);
    case ErrorCode.RATE_LIMITED:
      return new ScimError(429, undefined, e.message);
    case ErrorCode.SERVICE_UNAVAILABLE: {
      // H5: RFC 7644 §3.12's 503, with the wait the client should give the database.
      const retryAfter = e.extensions.retryAfterSeconds;
      return new ScimError(503, undefined, e.message, typeof retryAfter === "number" ? { "retry-after": String(retryAfter) } : undefined);
    }
    case ErrorCode.BAD_USER_INPUT:
    case ErrorCode.GROUP_CYCLE:
      return new ScimError(400, scimType ?? "invalidValue", e.message);
    default:
      return code && code !== ErrorCode.INTERNAL_SERVER_ERROR ? new ScimError(400, scimType ?? "invalidValue", e.message) : null;
  }
}
