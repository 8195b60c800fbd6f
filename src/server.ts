import { ApolloServer, ApolloServerPlugin, HeaderMap } from "@apollo/server";
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from "@apollo/server/plugin/disabled";
import { GraphQLSchema } from "graphql";
import { IncomingMessage, ServerResponse } from "node:http";
import { randomUUID } from "node:crypto";
import { TokenClaims } from "./auth/jwt";
import { APP_ROLE_OPERATOR } from "./auth/principal";
import { App, Ctx, resolvePrincipal, verifyAuthorization } from "./context";
import { formatError } from "./errors";
import { buildAppSchema } from "./schema";
import { armor, queryCost, validationFailed } from "./security/limits";
import { handleScim, SCIM_PREFIX } from "./scim/http";

/**
 * The steps between a validated operation and its execution: the cost check,
 * then (on SQLite) the operation lock, then who the caller is. A query refused
 * by the limits therefore costs no SQL at all.
 */
function operationGate(app: App, schema: GraphQLSchema): ApolloServerPlugin<Ctx> {
  return {
    async requestDidStart() {
      let release: (() => void) | undefined;
      return {
        async didResolveOperation({ contextValue, document, request, operationName }) {
          let cost = 0;
          try {
            cost = queryCost(schema, document, request.variables, operationName);
          } catch {
            // Variables that do not fit the operation: execution refuses them with BAD_USER_INPUT, before any resolver.
          }
          if (cost > app.config.limits.maxCost) {
            throw validationFailed(`The query costs ${cost}, above the limit of ${app.config.limits.maxCost}; ask for smaller pages (first).`);
          }
          if (app.database.engine === "sqlite" && !contextValue.lockHeld) {
            // SQLite has one connection: an operation holds it until its response, so nobody reads half a transaction.
            release = await app.database.mutex.acquire();
            contextValue.lockHeld = true;
          }
          if (contextValue.pendingClaims) {
            contextValue.principal = await resolvePrincipal(app, contextValue.pendingClaims, contextValue);
            contextValue.pendingClaims = null;
          }
        },
        async willSendResponse({ contextValue, response }) {
          if (release) {
            contextValue.lockHeld = false;
            release();
            release = undefined;
          }
          // Internal errors carry the request ID that the server's log line has too.
          if (response.body.kind === "single") {
            for (const e of response.body.singleResult.errors ?? []) {
              if (e.extensions?.code === "INTERNAL_SERVER_ERROR") (e.extensions as Record<string, unknown>).requestId = contextValue.requestId;
            }
          }
        },
        async didEncounterErrors({ contextValue, errors }) {
          for (const e of errors) {
            const code = e.extensions?.code;
            if (!code || code === "INTERNAL_SERVER_ERROR") {
              app.log.error("unexpected error", {
                requestId: contextValue.requestId,
                path: e.path?.join("."),
                error: String(e.originalError?.stack ?? e.stack ?? e),
              });
            }
          }
        },
      };
    },
  };
}

export async function createApolloServer(app: App): Promise<ApolloServer<Ctx>> {
  const schema = await buildAppSchema();
  const production = app.config.production;
  const limits = armor(app.config.limits, production);
  const server = new ApolloServer<Ctx>({
    schema,
    introspection: app.config.introspection,
    includeStacktraceInErrorResponses: !production,
    hideSchemaDetailsFromClientErrors: production,
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    validationRules: limits.validationRules,
    parseOptions: { maxTokens: app.config.limits.maxTokens },
    formatError: (formatted, error) => formatError(formatted, error, { production }),
    plugins: [
      ...limits.plugins,
      operationGate(app, schema),
      // No cache hints are used; the plugin would otherwise run on every resolved field.
      ApolloServerPluginCacheControlDisabled(),
      ...(production ? [ApolloServerPluginLandingPageDisabled()] : []),
    ],
  });
  await server.start();
  return server;
}

/** A request context from verified token claims; the principal is resolved after validation. */
export function contextWith(app: App, claims: TokenClaims | null): Ctx {
  const ctx = new Ctx(app, { kind: "anonymous" }, randomUUID());
  ctx.pendingClaims = claims;
  return ctx;
}

/** A request context from an Authorization header (the HTTP path and tests share it). */
export async function contextFor(app: App, authorization: string | undefined): Promise<Ctx> {
  return contextWith(app, await verifyAuthorization(app, authorization));
}

/** For load balancers: the database answers and no migration is pending. */
export async function readiness(app: App): Promise<{ ready: boolean; database: boolean; migrationsPending: boolean | null }> {
  try {
    await app.database.ds.query("SELECT 1");
  } catch {
    return { ready: false, database: false, migrationsPending: null };
  }
  const migrationsPending = await app.database.ds.showMigrations().catch(() => true);
  return { ready: !migrationsPending, database: true, migrationsPending };
}

async function readBody(req: IncomingMessage, limit: number): Promise<string | null> {
  const declared = Number(req.headers["content-length"] ?? 0);
  if (declared > limit) return null;
  const parts: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) return null;
    parts.push(chunk as Buffer);
  }
  return Buffer.concat(parts).toString("utf8");
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", ...headers });
  res.end(JSON.stringify(body));
}

const errorBody = (message: string, code: string, extra: Record<string, unknown> = {}) => ({ errors: [{ message, extensions: { code, ...extra } }] });

/** Budgets are per tenant; an operator and callers without a valid token are counted by client address. */
function rateKey(claims: TokenClaims | null, req: IncomingMessage): string {
  if (claims?.tid) return `tenant:${claims.tid}`;
  if (claims?.roles.includes(APP_ROLE_OPERATOR)) return "operator";
  return `ip:${req.socket.remoteAddress ?? "unknown"}`;
}

/** POST/GET /graphql through Apollo's HTTP API, /health and /ready; oversized bodies 413, over budget 429. */
export function createHttpHandler(app: App, server: ApolloServer<Ctx>) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    try {
      const url = new URL(req.url ?? "/", "http://localhost");
      if (url.pathname === "/health") return sendJson(res, 200, { status: "ok" });
      if (url.pathname === "/ready") {
        const r = await readiness(app);
        return sendJson(res, r.ready ? 200 : 503, r);
      }
      if (url.pathname === SCIM_PREFIX || url.pathname.startsWith(`${SCIM_PREFIX}/`)) return await handleScim(app, req, res, url);
      if (url.pathname !== "/graphql") return sendJson(res, 404, errorBody("Not found. The API is at /graphql.", "NOT_FOUND"));
      const raw = await readBody(req, app.config.maxBodyBytes);
      if (raw === null) return sendJson(res, 413, errorBody(`The request body is larger than ${app.config.maxBodyBytes} bytes.`, "BAD_USER_INPUT"));
      const headers = new HeaderMap();
      for (const [k, v] of Object.entries(req.headers)) if (v !== undefined) headers.set(k, Array.isArray(v) ? v.join(", ") : v);

      let claims: TokenClaims | null = null;
      let authError: unknown;
      try {
        claims = await verifyAuthorization(app, headers.get("authorization"));
      } catch (e) {
        authError = e;
      }
      if (app.rateLimit) {
        const r = await app.rateLimit.take(rateKey(claims, req), app.clock.now().getTime());
        if (!r.allowed) {
          return sendJson(res, 429, errorBody("Too many requests; retry later.", "RATE_LIMITED", { retryAfterSeconds: r.retryAfterSeconds }), {
            "retry-after": String(r.retryAfterSeconds),
          });
        }
      }

      let body: unknown = raw;
      if ((headers.get("content-type") ?? "").includes("application/json") && raw.length) {
        try {
          body = JSON.parse(raw);
        } catch {
          return sendJson(res, 400, errorBody("The request body is not valid JSON.", "BAD_USER_INPUT"));
        }
      }
      const result = await server.executeHTTPGraphQLRequest({
        httpGraphQLRequest: { method: (req.method ?? "GET").toUpperCase(), headers, search: url.search, body },
        context: async () => {
          if (authError) throw authError;
          return contextWith(app, claims);
        },
      });
      const outHeaders: Record<string, string> = {};
      for (const [k, v] of result.headers) outHeaders[k] = v;
      res.writeHead(result.status ?? 200, outHeaders);
      if (result.body.kind === "complete") res.end(result.body.string);
      else {
        for await (const chunk of result.body.asyncIterator) res.write(chunk);
        res.end();
      }
    } catch (e) {
      const requestId = randomUUID();
      app.log.error("http handler failed", { requestId, error: String((e as Error)?.stack ?? e) });
      if (!res.headersSent) sendJson(res, 500, errorBody("Internal server error.", "INTERNAL_SERVER_ERROR", { requestId }));
      else res.end();
    }
  };
}
