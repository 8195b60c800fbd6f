import { GraphQLError } from "graphql";
import { ErrorCode } from "./codes";

const HTTP_STATUS: Partial<Record<ErrorCode, number>> = {
  UNAUTHENTICATED: 401,
  RATE_LIMITED: 429,
};

/** The one error class the rules throw; its message is meant for the client. */
export class AppError extends GraphQLError {
  constructor(code: ErrorCode, message: string, details?: Record<string, unknown>) {
    const status = HTTP_STATUS[code];
    super(message, {
      extensions: { code, ...(details ?? {}), ...(status ? { http: { status } } : {}) },
    });
  }

  get code(): ErrorCode {
    return this.extensions.code as ErrorCode;
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
