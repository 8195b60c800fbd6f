import { AppError, ErrorCode, retryAfterFor } from "../../domain/errors";

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

interface ScimWire {
  status: number;
  /** RFC 7644 §3.12's scimType for a 400 or 409. */
  scimType?: string;
}

const INVALID: ScimWire = { status: 400, scimType: "invalidValue" };

/**
 * Each code in SCIM's terms (RFC 7644 §3.12); null is an internal failure (a 500, logged). Exhaustive: a new ErrorCode
 * fails the typecheck until it is mapped. A rule's refusal (seats, cycles, the last admin …) is a 400 invalidValue.
 */
export const SCIM_STATUS = {
  UNAUTHENTICATED: { status: 401 },
  FORBIDDEN: { status: 403 },
  NOT_FOUND: { status: 404 },
  BAD_USER_INPUT: INVALID,
  CONFLICT: { status: 409, scimType: "uniqueness" },
  SEATS_EXHAUSTED: INVALID,
  SEATS_IN_USE: INVALID,
  TENANT_LICENSE_REQUIRED: INVALID,
  CHANNEL_MISMATCH: INVALID,
  LICENSE_NOT_ASSIGNABLE: INVALID,
  LICENSE_REQUIRED: INVALID,
  GROUP_CYCLE: INVALID,
  GROUP_HAS_LICENSES: INVALID,
  USER_OWNS_BOTS: INVALID,
  LAST_GLOBAL_ADMIN: INVALID,
  TRIALS_DISABLED: INVALID,
  TRIAL_EXHAUSTED: INVALID,
  USAGE_LOCATION_PROHIBITED: INVALID,
  DIRECTORY_MANAGED: INVALID,
  RATE_LIMITED: { status: 429 },
  GRAPHQL_VALIDATION_FAILED: INVALID,
  // H5: RFC 7644 §3.12's 503, with the wait the client should give the database.
  SERVICE_UNAVAILABLE: { status: 503 },
  INTERNAL_SERVER_ERROR: null,
} as const satisfies Record<ErrorCode, ScimWire | null>;

/** What the application services throw, in SCIM's terms; null for anything unexpected (a 500, logged). */
export function fromAppError(e: unknown): ScimError | null {
  if (e instanceof ScimError) return e;
  if (!(e instanceof AppError)) return null;
  const wire: ScimWire | null = SCIM_STATUS[e.code] ?? null;
  if (!wire) return null;
  // G1: input refused for naming more than one call takes (`limit`) is RFC 7644 §3.12's tooMany.
  const overLimit = e.code === ErrorCode.BAD_USER_INPUT && typeof e.extensions.limit === "number";
  const scimType = wire.scimType ? (overLimit ? "tooMany" : wire.scimType) : undefined;
  const wait = retryAfterFor(e.code, e.extensions.retryAfterSeconds);
  const headers = wait !== undefined ? { "retry-after": String(wait) } : undefined;
  return new ScimError(wire.status, scimType, e.message, headers);
}
