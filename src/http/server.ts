import { ApolloServer, HeaderMap } from "@apollo/server";
import { IncomingMessage, ServerResponse } from "node:http";
import { randomUUID } from "node:crypto";
import { TokenClaims } from "../app/auth/jwt";
import { APP_ROLE_OPERATOR } from "../app/auth/principal";
import { App, RequestContext } from "../app/context";
import { verifyAuthorization } from "../app/sign-in";
import { contextWith } from "../api/graphql/apollo";
import { serveConsole } from "./console";
import { handleScim, SCIM_PREFIX } from "../api/scim/http";
import { readiness } from "./health";
import { toGraphQLError } from "../api/graphql/format-error";
import { MemoryRateLimitStore } from "./rate-limit";
import { ErrorCode } from "../domain/errors";

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

/** POST/GET /graphql through Apollo's HTTP API, /health and /ready, the admin console at /; oversized bodies 413, over budget 429. */
export function createHttpHandler(app: App, server: ApolloServer<RequestContext>) {
  const rateLimit = app.config.rateLimitPerMinute > 0 ? new MemoryRateLimitStore(app.config.rateLimitPerMinute) : null;
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    try {
      const url = new URL(req.url ?? "/", "http://localhost");
      if (url.pathname === "/health") return sendJson(res, 200, { status: "ok" });
      if (url.pathname === "/ready") {
        const r = await readiness(app);
        return sendJson(res, r.ready ? 200 : 503, r);
      }
      if (url.pathname === SCIM_PREFIX || url.pathname.startsWith(`${SCIM_PREFIX}/`)) return await handleScim(app, req, res, url, rateLimit);
      if (url.pathname !== "/graphql" && (await serveConsole(req, res, url.pathname))) return;
      if (url.pathname !== "/graphql") return sendJson(res, 404, errorBody("Not found. The API is at /graphql.", ErrorCode.NOT_FOUND));
      const raw = await readBody(req, app.config.maxBodyBytes);
      if (raw === null) return sendJson(res, 413, errorBody(`The request body is larger than ${app.config.maxBodyBytes} bytes.`, ErrorCode.BAD_USER_INPUT));
      const headers = new HeaderMap();
      for (const [k, v] of Object.entries(req.headers)) if (v !== undefined) headers.set(k, Array.isArray(v) ? v.join(", ") : v);

      let claims: TokenClaims | null = null;
      let authError: unknown;
      try {
        claims = await verifyAuthorization(app, headers.get("authorization"));
      } catch (e) {
        authError = e;
      }
      if (rateLimit) {
        const r = await rateLimit.take(rateKey(claims, req), app.clock.now().getTime());
        if (!r.allowed) {
          return sendJson(res, 429, errorBody("Too many requests; retry later.", ErrorCode.RATE_LIMITED, { retryAfterSeconds: r.retryAfterSeconds }), {
            "retry-after": String(r.retryAfterSeconds),
          });
        }
      }

      let body: unknown = raw;
      if ((headers.get("content-type") ?? "").includes("application/json") && raw.length) {
        try {
          body = JSON.parse(raw);
        } catch {
          return sendJson(res, 400, errorBody("The request body is not valid JSON.", ErrorCode.BAD_USER_INPUT));
        }
      }
      const result = await server.executeHTTPGraphQLRequest({
        httpGraphQLRequest: { method: (req.method ?? "GET").toUpperCase(), headers, search: url.search, body },
        context: async () => {
          if (authError) throw toGraphQLError(authError);
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
      if (!res.headersSent) sendJson(res, 500, errorBody("Internal server error.", ErrorCode.INTERNAL_SERVER_ERROR, { requestId }));
      else res.end();
    }
  };
}
