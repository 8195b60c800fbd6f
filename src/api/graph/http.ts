import { IncomingMessage, ServerResponse } from "node:http";
import { randomUUID } from "node:crypto";
import { App, RequestContext } from "../../app/request/context";
import { admit } from "../../app/request/admission";
import { reallocateIfStale } from "../../app/seats/seat-change";
import { badTextMessage, findBadText } from "../../domain/text";
import { ErrorCode } from "../../domain/errors";
import { methodPrice } from "../../infra/throttle";
import { batchPrice, parseBatch, Part, runBatch } from "./batch";
import { Call, CONTENT_TYPE, Reply } from "./call";
import { badRequest, errorBody, ErrorIds, fromAppError, GraphError, tooManyRequests, unauthenticated } from "./errors";
import { Headers } from "./query";
import { route } from "./routes";

export const GRAPH_PREFIX = "/v1.0";

function send(res: ServerResponse, r: Reply, ids: ErrorIds): void {
  const headers = { "request-id": ids.requestId, "client-request-id": ids.clientRequestId, ...(r.headers ?? {}) };
  if (r.body === undefined) {
    res.writeHead(r.status, headers);
    res.end();
    return;
  }
  res.writeHead(r.status, { "content-type": CONTENT_TYPE, ...headers });
  res.end(JSON.stringify(r.body));
}

const errorReply = (e: GraphError, ids: ErrorIds): Reply => ({ status: e.status, body: errorBody(e, ids), headers: e.headers });

/** JSON bodies within the configured size; an empty body is none. */
async function readJson(req: IncomingMessage, limit: number): Promise<unknown> {
  const declared = Number(req.headers["content-length"] ?? 0);
  const tooLarge = () => new GraphError(413, "Request_BadRequest", `The request body is larger than ${limit} bytes.`);
  if (declared > limit) throw tooLarge();
  const parts: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw tooLarge();
    parts.push(chunk as Buffer);
  }
  const text = Buffer.concat(parts).toString("utf8");
  if (!text.trim()) return undefined;
  const type = String(req.headers["content-type"] ?? "").split(";")[0].trim().toLowerCase();
  if (type !== "application/json") throw new GraphError(415, "Request_BadRequest", "Send the body as application/json.");
  try {
    return JSON.parse(text);
  } catch {
    throw badRequest("The request body is not valid JSON.");
  }
}

/** H1: a malformed percent-encoding in the path is the client's error (400), found before authentication. */
function decodePathSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw badRequest("The request path has a malformed percent-encoding.");
  }
}

/** MG1: where links point: PUBLIC_URL when set, else the address the client used (https behind a TLS proxy). */
function baseUrl(app: App, req: IncomingMessage): string {
  if (app.config.publicUrl) return `${app.config.publicUrl.replace(/\/+$/, "")}${GRAPH_PREFIX}`;
  const host = String(req.headers.host ?? "");
  const proto = String(req.headers["x-forwarded-proto"] ?? "").split(",")[0].trim().toLowerCase() === "https" ? "https" : "http";
  return `${proto}://${/^[A-Za-z0-9.:[\]-]{1,255}$/.test(host) ? host : "localhost"}${GRAPH_PREFIX}`;
}

/** A client's own request ID is echoed when it is a plain token (Graph SDKs send a GUID); else one is made. */
const clientRequestIdOf = (v: string | string[] | undefined) => (typeof v === "string" && /^[A-Za-z0-9-]{1,64}$/.test(v) ? v : randomUUID());

/**
 * §15 MG1–MG5: the licensing part of Microsoft Graph v1.0 beside /graphql and /scim/v2, over the same services.
 * The text check (H1), the bearer token (a failed one pays from the address's bucket, H4), the price (T1: a read
 * 1, a write 10, a batch the sum of its parts) from the token's buckets before any SQL, then — holding the
 * operation lock on SQLite, as GraphQL and SCIM do — who the caller is and the request itself. Every error is
 * Graph's shape; anything unexpected is a 500 with the request ID, logged, never a stack trace.
 */
export async function handleGraph(app: App, req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
  const ids: ErrorIds = { requestId: randomUUID(), clientRequestId: clientRequestIdOf(req.headers["client-request-id"]), now: app.clock.now() };
  const method = (req.method ?? "GET").toUpperCase();
  const started = process.hrtime.bigint();
  res.once("finish", () => {
    app.metrics.graphApiRequest(method, res.statusCode);
    const durationMs = Math.round(Number(process.hrtime.bigint() - started) / 1e5) / 10;
    app.log.info("request", { requestId: ids.requestId, transport: "graph", method, path: url.pathname, status: res.statusCode, durationMs });
  });
  const unexpected = (e: unknown): Reply => {
    app.log.error("graph request failed", { requestId: ids.requestId, error: String((e as Error)?.stack ?? e) });
    return errorReply(new GraphError(500, "generalException", `Internal server error (request ${ids.requestId}).`, ErrorCode.INTERNAL_SERVER_ERROR), ids);
  };
  try {
    const path = url.pathname.slice(GRAPH_PREFIX.length).split("/").filter(Boolean).map(decodePathSegment);
    // The body is read before the operation lock is taken: a slow upload holds up nobody else.
    const body = method === "GET" || method === "HEAD" || method === "DELETE" ? undefined : await readJson(req, app.config.maxBodyBytes);
    const bad = findBadText({ path, query: [...url.searchParams].map(([k, v]) => ({ [k]: v })), body });
    if (bad) throw badRequest(badTextMessage(bad));

    const door = await admit(app, {
      authorization: req.headers.authorization, clientAddress: req.socket.remoteAddress, requestId: ids.requestId, transport: "graph",
      withoutToken: { refuse: "Access token is empty." },
    });
    if (door.refused) {
      if (door.retryAfterSeconds !== null) return send(res, errorReply(tooManyRequests(door.retryAfterSeconds), ids), ids);
      return send(res, errorReply(unauthenticated(door.message), ids), ids);
    }

    const isBatch = path.length === 1 && path[0].toLowerCase() === "$batch";
    let parts: Part[] | undefined;
    let envelopeError: unknown;
    if (isBatch) {
      try {
        if (method !== "POST") throw new GraphError(405, "Request_BadRequest", "A batch is sent with POST.", ErrorCode.BAD_USER_INPUT, { allow: "POST" });
        parts = parseBatch(body);
      } catch (e) {
        envelopeError = e;
      }
    }
    // T1: priced before any SQL, from the token's buckets (the user's row is not read yet).
    const price = parts ? batchPrice(parts) : methodPrice(method);
    const paid = await door.pay(price, (most) => badRequest(`This batch costs ${price}, more than a throttling bucket holds (${most}); send fewer writes in one batch.`));
    if (paid && !paid.allowed) return send(res, errorReply(tooManyRequests(paid.retryAfterSeconds), ids), ids);
    if (envelopeError) throw envelopeError;

    const base = baseUrl(app, req);
    const headers = req.headers as Headers;
    const answer = async (call: Call): Promise<Reply> => {
      try {
        return await route(call);
      } catch (e) {
        const ge = fromAppError(e);
        return ge ? errorReply(ge, ids) : unexpected(e);
      }
    };
    // One hold of the operation lock (SQLite) for the sign-in and the request, or for the whole batch.
    const reply = await door.lock.run(async (): Promise<Reply> => {
      let ctx: RequestContext;
      try {
        ctx = await door.context();
      } catch (e) {
        const ge = fromAppError(e);
        return ge ? errorReply(ge, ids) : unexpected(e);
      }
      // A read must not see seats that time has made stale (P6, S5): they are brought up to date first.
      if (ctx.principal.kind === "user" && (method === "GET" || isBatch)) await reallocateIfStale(ctx);
      if (!parts) return answer({ ctx, method, path, query: url.searchParams, headers, body, base });
      return runBatch(
        parts,
        (part, target) => {
          // Each part reads afresh (its own loaders), as the same caller, inside the batch's hold of the lock.
          const own = new RequestContext(app, ctx.principal, { requestId: ctx.requestId, clientAddress: ctx.clientAddress, lock: ctx.lock });
          return { ctx: own, method: part.method, path: target.path, query: target.query, headers: part.headers, body: part.body, base };
        },
        answer,
        (e) => errorReply(e, ids),
        decodePathSegment,
      );
    });
    send(res, reply, ids);
  } catch (e) {
    const ge = fromAppError(e);
    if (!res.headersSent) send(res, ge ? errorReply(ge, ids) : unexpected(e), ids);
    else res.end();
  }
}
