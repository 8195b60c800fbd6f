import { ApolloServer, ApolloServerPlugin, HeaderMap } from "@apollo/server";
import { ApolloServerPluginLandingPageDisabled } from "@apollo/server/plugin/disabled";
import { GraphQLError } from "graphql";
import { IncomingMessage, ServerResponse } from "node:http";
import { randomUUID } from "node:crypto";
import { authenticate, App, Ctx } from "./context";
import { formatError } from "./errors";
import { buildAppSchema } from "./schema";

/** SQLite has one connection: an operation holds it from execution to response, so no one reads half a transaction. */
function sqliteOperationLock(app: App): ApolloServerPlugin<Ctx> {
  return {
    async requestDidStart() {
      let release: (() => void) | undefined;
      return {
        async executionDidStart({ contextValue }) {
          if (app.database.engine !== "sqlite" || contextValue.lockHeld) return;
          release = await app.database.mutex.acquire();
          contextValue.lockHeld = true;
        },
        async willSendResponse({ contextValue, response }) {
          if (release) {
            contextValue.lockHeld = false;
            release();
            release = undefined;
          }
          // Internal errors carry the request ID that the server log line has too.
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
              app.log.error("unexpected error", { requestId: contextValue.requestId, error: String(e.originalError?.stack ?? e.stack ?? e) });
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
  const server = new ApolloServer<Ctx>({
    schema,
    introspection: app.config.introspection,
    includeStacktraceInErrorResponses: !production,
    hideSchemaDetailsFromClientErrors: production,
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    formatError: (formatted, error) =>
      formatError(formatted, error, { production, log: () => undefined }),
    plugins: [sqliteOperationLock(app), ...(production ? [ApolloServerPluginLandingPageDisabled()] : [])],
  });
  await server.start();
  return server;
}

/** A request context from an Authorization header (the HTTP path and tests share it). */
export async function contextFor(app: App, authorization: string | undefined): Promise<Ctx> {
  const requestId = randomUUID();
  const lock = { lockHeld: false };
  const principal = await authenticate(app, authorization, lock);
  return new Ctx(app, principal, requestId);
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

/** POST/GET /graphql through Apollo's HTTP API, plus /health; bodies over the limit answer 413. */
export function createHttpHandler(app: App, server: ApolloServer<Ctx>) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    try {
      const url = new URL(req.url ?? "/", "http://localhost");
      if (url.pathname === "/health") return sendJson(res, 200, { status: "ok" });
      if (url.pathname === "/ready") {
        const r = await readiness(app);
        return sendJson(res, r.ready ? 200 : 503, r);
      }
      if (url.pathname !== "/graphql") return sendJson(res, 404, { errors: [{ message: "Not found. The API is at /graphql.", extensions: { code: "NOT_FOUND" } }] });
      const raw = await readBody(req, app.config.maxBodyBytes);
      if (raw === null) {
        return sendJson(res, 413, { errors: [{ message: `Request body is larger than ${app.config.maxBodyBytes} bytes.`, extensions: { code: "BAD_USER_INPUT" } }] });
      }
      const headers = new HeaderMap();
      for (const [k, v] of Object.entries(req.headers)) if (v !== undefined) headers.set(k, Array.isArray(v) ? v.join(", ") : v);
      let body: unknown = raw;
      if ((headers.get("content-type") ?? "").includes("application/json") && raw.length) {
        try {
          body = JSON.parse(raw);
        } catch {
          return sendJson(res, 400, { errors: [{ message: "The request body is not valid JSON.", extensions: { code: "BAD_USER_INPUT" } }] });
        }
      }
      const result = await server.executeHTTPGraphQLRequest({
        httpGraphQLRequest: { method: (req.method ?? "GET").toUpperCase(), headers, search: url.search, body },
        context: () => contextFor(app, headers.get("authorization")),
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
      const status = e instanceof GraphQLError && e.extensions?.http ? 400 : 500;
      if (!res.headersSent) sendJson(res, status, { errors: [{ message: "Internal server error.", extensions: { code: "INTERNAL_SERVER_ERROR", requestId } }] });
      else res.end();
    }
  };
}
