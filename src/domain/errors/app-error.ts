import { ErrorCode } from "./codes";

const HTTP_STATUS: Partial<Record<ErrorCode, number>> = {
  UNAUTHENTICATED: 401,
  RATE_LIMITED: 429,
};

/**
 * The one error class the rules throw; its message is meant for the client. A plain Error: the ways in
 * turn it into their own shape (graphql-js copies `extensions` of a thrown error into its GraphQL error).
 */
export class AppError extends Error {
  readonly extensions: Record<string, unknown> & { code: ErrorCode };

  constructor(code: ErrorCode, message: string, details?: Record<string, unknown>) {
    super(message);
    this.name = "AppError";
    const status = HTTP_STATUS[code];
    this.extensions = { code, ...(details ?? {}), ...(status ? { http: { status } } : {}) };
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

export const unauthenticated = (message = "Sign in with a valid bearer token.") =>
  new AppError(ErrorCode.UNAUTHENTICATED, message);
