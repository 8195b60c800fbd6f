import { HeaderMap } from "@apollo/server";
import { ErrorCode, retryAfterFor } from "../../domain/errors";

/**
 * The HTTP status of a GraphQL response whose error carries the code; null keeps GraphQL's 200 with `errors` (a rule
 * refused the operation, the response says why). Exhaustive: a new ErrorCode fails the typecheck until it is mapped.
 * The request-level gates (limits, the text gate) answer 400 themselves: they refuse the whole request.
 */
export const GRAPHQL_HTTP_STATUS = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: null,
  NOT_FOUND: null,
  BAD_USER_INPUT: null,
  CONFLICT: null,
  SEATS_EXHAUSTED: null,
  SEATS_IN_USE: null,
  TENANT_LICENSE_REQUIRED: null,
  CHANNEL_MISMATCH: null,
  LICENSE_NOT_ASSIGNABLE: null,
  LICENSE_REQUIRED: null,
  GROUP_CYCLE: null,
  GROUP_HAS_LICENSES: null,
  USER_OWNS_BOTS: null,
  LAST_GLOBAL_ADMIN: null,
  TRIALS_DISABLED: null,
  TRIAL_EXHAUSTED: null,
  USAGE_LOCATION_PROHIBITED: null,
  DIRECTORY_MANAGED: null,
  RATE_LIMITED: 429,
  GRAPHQL_VALIDATION_FAILED: 400,
  SERVICE_UNAVAILABLE: 503,
  INTERNAL_SERVER_ERROR: null,
} as const satisfies Record<ErrorCode, number | null>;

/** Apollo's `extensions.http` for an error of this code (status and the Retry-After its wait asks for), if any. */
export function httpFor(code: ErrorCode, retryAfterSeconds?: unknown): { status: number; headers?: HeaderMap } | undefined {
  const status = GRAPHQL_HTTP_STATUS[code];
  if (status === null) return undefined;
  const wait = retryAfterFor(code, retryAfterSeconds);
  return wait !== undefined ? { status, headers: new HeaderMap([["retry-after", String(wait)]]) } : { status };
}

interface Head {
  status?: number;
  headers: HeaderMap;
}

const known = (code: unknown): code is ErrorCode => typeof code === "string" && code in GRAPHQL_HTTP_STATUS;

/**
 * The response's status from its errors through the table: the first error whose code has a status gives it (and its
 * Retry-After). A status a gate chose (400 of the limits) stays. Apollo answers 500 for any error thrown before
 * execution; a rule's refusal there (every error of a known code other than INTERNAL_SERVER_ERROR) is GraphQL's 200.
 */
export function applyErrorStatus(http: Head, errors: readonly { extensions?: Record<string, unknown> }[] | undefined): void {
  if (!errors?.length || (http.status !== undefined && http.status !== 200 && http.status !== 500)) return;
  for (const e of errors) {
    const code = e.extensions?.code;
    const head = known(code) ? httpFor(code, e.extensions?.retryAfterSeconds) : undefined;
    if (!head) continue;
    http.status = head.status;
    for (const [k, v] of head.headers ?? []) http.headers.set(k, v);
    return;
  }
  if (http.status === 500 && errors.every((e) => known(e.extensions?.code) && e.extensions?.code !== ErrorCode.INTERNAL_SERVER_ERROR)) http.status = 200;
}
