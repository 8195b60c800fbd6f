import { GraphQLError, GraphQLFormattedError } from "graphql";
import { AppError } from "../../domain/errors";
import { ErrorCode } from "../../domain/errors/codes";
import { httpFor } from "./http-status";

const KNOWN = new Set<string>(Object.values(ErrorCode));

/** graphql-armor's limit rules and graphql's token limit report as parse errors; a limit is not a syntax error. */
const LIMIT = /^Syntax Error: ((?:Query depth|Aliases|Directives|Query Cost|Token) limit of \d+ exceeded.*)$/s;
const TOKENS = /^Syntax Error: Document contains more that (\d+) tokens\. Parsing aborted\.$/;
/** graphql's "Did you mean …?" (one name or several, with or without the question mark). */
const SUGGESTION = /\s*Did you mean .*?(\?|$)/s;

/**
 * H3: what a client reads of a GraphQL error's message, on every way in (HTTP and WebSocket): limit errors read
 * plainly; in production no suggestion names a field, type or argument the client did not send.
 */
export function clientMessage(message: string, opts: { production: boolean }): string {
  let m = message.replace(LIMIT, "$1").replace(TOKENS, "Token limit of $1 exceeded.");
  if (opts.production) m = m.replace(SUGGESTION, "").trim();
  return m;
}

/**
 * Known codes pass through with their message. Anything else is an internal
 * failure: the client sees a generic message and the request ID, never a stack
 * or SQL; the server logs the original with the request ID.
 */
export function formatError(
  formatted: GraphQLFormattedError,
  _original: unknown,
  opts: { production: boolean },
): GraphQLFormattedError {
  const message = clientMessage(formatted.message, opts);
  if (message !== formatted.message) formatted = { ...formatted, message };
  const code = formatted.extensions?.code as string | undefined;
  if (code && KNOWN.has(code) && code !== ErrorCode.INTERNAL_SERVER_ERROR) {
    if (!opts.production) return formatted;
    const { stacktrace: _drop, ...extensions } = formatted.extensions ?? {};
    return { ...formatted, extensions };
  }
  // Apollo's own request errors (bad JSON, bad variables) carry codes of their own.
  if (code === "BAD_REQUEST" || code === "PERSISTED_QUERY_NOT_FOUND" || code === "OPERATION_RESOLUTION_FAILURE") {
    const { stacktrace: _drop, ...extensions } = formatted.extensions ?? {};
    return { ...formatted, extensions: { ...extensions, code: ErrorCode.BAD_USER_INPUT } };
  }
  if (code === "BAD_USER_INPUT" || code === "GRAPHQL_PARSE_FAILED") {
    const { stacktrace: _drop, ...extensions } = formatted.extensions ?? {};
    return {
      ...formatted,
      extensions: { ...extensions, code: code === "GRAPHQL_PARSE_FAILED" ? ErrorCode.GRAPHQL_VALIDATION_FAILED : code },
    };
  }
  // The operation gate logs the original with the request ID.
  return {
    message: "Internal server error.",
    locations: formatted.locations,
    path: formatted.path,
    extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
  };
}

/** An error thrown outside a resolver (the context function) keeps its message, code and HTTP status as a GraphQL error. */
export function toGraphQLError(e: unknown): unknown {
  if (e instanceof AppError) {
    const http = httpFor(e.code, e.extensions.retryAfterSeconds);
    return new GraphQLError(e.message, { extensions: { ...e.extensions, ...(http ? { http } : {}) }, originalError: e });
  }
  return e;
}
