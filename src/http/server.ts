import { ApolloServer, HeaderMap } from "@apollo/server";
import { IncomingMessage, ServerResponse } from "node:http";
import { randomUUID } from "node:crypto";
import type { App } from "../app/request/context";
import type { Admission } from "../app/request/admission";
import type { CachedAnswer } from "../app/request/answer-cache";
import { admitGraphQL } from "../api/graphql/apollo";
import { GraphQLOperation } from "../api/graphql/operation";
import { readiness } from "./health";
import { toGraphQLError } from "../api/graphql/format-error";
import { costExtension, rateLimited } from "../api/graphql/cost";
import { answerFromCache } from "../app/request/answers";
import { Drain } from "./drain";
import { finishRequest, RequestRecord } from "./request-log";
import { consoleOptions, serveConsole, wantsExplorer } from "./console";
import { handleScim, SCIM_PREFIX } from "../api/scim/http";
import { GRAPH_PREFIX, handleGraph } from "../api/graph/http";
import { EXPORT_USERS_PATH, handleExport } from "../api/export/http";
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

/** Adds `extensions` to a JSON GraphQL response that Apollo made without a context (a refused token). */
function withExtensions(body: string, extensions: Record<string, unknown>): string {
  try {
    const parsed = JSON.parse(body) as { extensions?: Record<string, unknown> };
    return JSON.stringify({ ...parsed, extensions: { ...parsed.extensions, ...extensions } });
  } catch {
    return body;
  }
}

/** I1's answer cache key: everything of a POST that Apollo's answer depends on besides the data (the token included). */
function requestKey(headers: HeaderMap, search: string, raw: string): string {
  return `${headers.get("authorization")}\u0000${headers.get("content-type")}\u0000${headers.get("accept")}\u0000${search}\u0000${raw}`;
}

/** I1: the answer of an answerable query (the gate drafted it, src/api/graphql/apollo.ts), for its next identical request. */
function keepAnswer(app: App, key: string, admission: Admission, op: GraphQLOperation, headers: HeaderMap): void {
  const { read, data } = op.answer;
  const caller = admission.admitted?.principal;
  if (!read || data === undefined || caller?.kind !== "user") return;
  app.answers.put(key, {
    tenantId: caller.tenantId, userId: caller.userId, ...read,
    price: admission.payment.price ?? 0, operationName: op.outcome.operationName, headers: Object.fromEntries(headers), data,
  });
}

/** A cached answer as Apollo would have written it, with this request's extensions.cost; logged like any request. */
function sendAnswer(res: ServerResponse, rec: RequestRecord, admission: Admission, a: CachedAnswer): void {
  const op = (rec.op = new GraphQLOperation(admission));
  Object.assign(op.outcome, { operationName: a.operationName, code: "OK", principal: "user", tenant: a.tenantId });
  const text = `{"data":${a.data},"extensions":${JSON.stringify({ cost: costExtension(admission) })}}\n`;
  res.writeHead(200, { ...a.headers, "content-length": Buffer.byteLength(text) });
  res.end(text);
}

const errorBody = (message: string, code: string, extra: Record<string, unknown> = {}) => ({ errors: [{ message, extensions: { code, ...extra } }] });

/**
 * POST/GET /graphql through Apollo's HTTP API, SCIM at /scim/v2, Microsoft Graph at /v1.0, the CSV export (V6), /health and /ready,
 * the admin console at /;
 * oversized bodies 413, over budget 429
 * (the price is paid in the operation gate, src/api/graphql/cost.ts). With a drain, requests are counted for O2.
 */
export function createHttpHandler(app: App, server: ApolloServer<GraphQLOperation>, opts: { drain?: Drain } = {}) {
  const drain = opts.drain;
  const consoleSettings = consoleOptions(app.config);
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    drain?.track(req, res);
    const rec: RequestRecord = { started: process.hrtime.bigint() };
    try {
      const url = new URL(req.url ?? "/", "http://localhost");
      if (url.pathname === "/health") return sendJson(res, 200, { status: "ok" });
      if (url.pathname === "/ready") {
        const r = await readiness(app, drain);
        return sendJson(res, r.ready ? 200 : 503, r);
      }
      app.metrics.inFlight.inc();
      res.once("close", () => {
        app.metrics.inFlight.dec();
        finishRequest(app, rec, res.statusCode);
      });
      if (url.pathname === SCIM_PREFIX || url.pathname.startsWith(`${SCIM_PREFIX}/`)) return await handleScim(app, req, res, url);
      if (url.pathname === GRAPH_PREFIX || url.pathname.startsWith(`${GRAPH_PREFIX}/`)) return await handleGraph(app, req, res, url);
      if (url.pathname === EXPORT_USERS_PATH) return await handleExport(app, req, res);
      if (url.pathname !== "/graphql" && (await serveConsole(req, res, url.pathname, consoleSettings))) return;
      // K7: a browser opening /graphql gets the explorer (GraphiQL, in the console's bundle) when it is enabled.
      if (url.pathname === "/graphql" && app.config.explorer && wantsExplorer(req, url) && (await serveConsole(req, res, url.pathname, consoleSettings, true))) return;
      if (url.pathname !== "/graphql") return sendJson(res, 404, errorBody("Not found. The API is at /graphql.", (rec.code = ErrorCode.NOT_FOUND)));
      const raw = await readBody(req, app.config.maxBodyBytes);
      if (raw === null) return sendJson(res, 413, errorBody(`The request body is larger than ${app.config.maxBodyBytes} bytes.`, (rec.code = ErrorCode.BAD_USER_INPUT)));
      const headers = new HeaderMap();
      for (const [k, v] of Object.entries(req.headers)) if (v !== undefined) headers.set(k, Array.isArray(v) ? v.join(", ") : v);

      const door = await admitGraphQL(app, headers.get("authorization"), req.socket.remoteAddress);
      // A bad token never reaches the operation gate; it paid the failed sign-in's price at the door (H4).
      const authCost = door.refused ? door.decision : null;
      const costExt = authCost && { cost: { requestedQueryCost: 1, throttleStatus: authCost.status } };
      if (authCost && !authCost.allowed) {
        const e = rateLimited(authCost);
        rec.code = ErrorCode.RATE_LIMITED;
        return sendJson(res, 429, { ...errorBody(e.message, ErrorCode.RATE_LIMITED, { retryAfterSeconds: authCost.retryAfterSeconds }), extensions: costExt }, { "retry-after": String(authCost.retryAfterSeconds) });
      }

      let body: unknown = raw;
      if ((headers.get("content-type") ?? "").includes("application/json") && raw.length) {
        try {
          body = JSON.parse(raw);
        } catch {
          return sendJson(res, 400, errorBody("The request body is not valid JSON.", (rec.code = ErrorCode.BAD_USER_INPUT)));
        }
      }
      // I1: a repeated hot check, answered from memory while nothing it was read from can have changed.
      const admitted = door.refused ? undefined : door;
      const answerKey = admitted && app.answers.enabled && req.method === "POST" ? requestKey(headers, url.search, raw) : undefined;
      const cached = admitted && answerKey ? await answerFromCache(app, admitted, answerKey) : undefined;
      if (admitted && cached) return sendAnswer(res, rec, admitted, cached);
      const result = await server.executeHTTPGraphQLRequest({
        httpGraphQLRequest: { method: (req.method ?? "GET").toUpperCase(), headers, search: url.search, body },
        context: async () => {
          if (door.refused) {
            rec.code = ErrorCode.UNAUTHENTICATED;
            throw toGraphQLError(door.error);
          }
          return (rec.op = new GraphQLOperation(door));
        },
      });
      const outHeaders: Record<string, string | number> = {};
      for (const [k, v] of result.headers) outHeaders[k] = v;
      if (result.body.kind === "complete") {
        // With its length the response goes out in one write; without it, node:http frames it as chunks (issue 22).
        const text = costExt ? withExtensions(result.body.string, costExt) : result.body.string;
        if (admitted && answerKey && rec.op && (result.status ?? 200) === 200) keepAnswer(app, answerKey, admitted, rec.op, result.headers);
        outHeaders["content-length"] = Buffer.byteLength(text);
        res.writeHead(result.status ?? 200, outHeaders);
        res.end(text);
      } else {
        res.writeHead(result.status ?? 200, outHeaders);
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
