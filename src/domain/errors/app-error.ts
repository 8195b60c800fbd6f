import { ErrorCode } from "./codes";

/**
 * The one error class the rules throw; its message is meant for the client. A plain Error with no wire in it: each
 * way in maps the code to its own status and shape through an exhaustive table (api/graphql/http-status.ts,
 * api/scim/errors.ts, api/graph/errors.ts); graphql-js copies `extensions` of a thrown error into its GraphQL error.
 */
export class AppError extends Error {
  readonly extensions: Record<string, unknown> & { code: ErrorCode };

  constructor(code: ErrorCode, message: string, details?: Record<string, unknown>) {
    super(message);
    this.name = "AppError";
    this.extensions = { code, ...(details ?? {}) };
  }

  get code(): ErrorCode {
    return this.extensions.code;
  }
}

export const notFound = (what: string, id?: string) =>
  new AppError(ErrorCode.NOT_FOUND, id ? `${what} ${id} was not found.` : `${what} was not found.`);

export const badInput = (message: string, field?: string) =>
  new AppError(ErrorCode.BAD_USER_INPUT, message, field ? { field } : undefined);

export const forbidden = (message = "You are not allowed to do this.") =>
  new AppError(ErrorCode.FORBIDDEN, message);

/**
 * The wait a refusal asks for, in seconds, for every way in's Retry-After: a throttled request (T2) or an outage (H5)
 * always names one (the seconds the refusal carries, else 1); any other refusal none.
 */
export function retryAfterFor(code: ErrorCode, asked: unknown): number | undefined {
  if (code !== ErrorCode.RATE_LIMITED && code !== ErrorCode.SERVICE_UNAVAILABLE) return undefined;
  return typeof asked === "number" && Number.isFinite(asked) && asked >= 0 ? Math.ceil(asked) : 1;
}

/** H5: the database did not answer in time; the client may try again after `retryAfterSeconds`. */
export const serviceUnavailable = (message: string, retryAfterSeconds: number) =>
  new AppError(ErrorCode.SERVICE_UNAVAILABLE, message, { retryAfterSeconds });

export const unauthenticated = (message = "Sign in with a valid bearer token.") =>
  new AppError(ErrorCode.UNAUTHENTICATED, message);
