import { IncomingMessage, ServerResponse } from "node:http";
import { randomUUID } from "node:crypto";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { App, RequestContext } from "../../app/request/context";
import { admit } from "../../app/request/admission";
import { reallocateIfStale } from "../../app/seats/seat-change";
import { assertCanExport, ExportProgress, usersCsv } from "../../app/usage/export";
import { AppError, ErrorCode } from "../../domain/errors";
import { WRITE_COST } from "../../infra/throttle";

export const EXPORT_USERS_PATH = "/export/users.csv";
/** T1: an export reads the whole tenant: it costs ten writes from the caller's and the tenant's buckets. */
export const EXPORT_COST = 10 * WRITE_COST;

/**
 * The export's HTTP status of each code, exhaustive like the other ways in' tables (a new ErrorCode fails the
 * typecheck until mapped); any other refusal of a rule is a 400 carrying its code; null is an internal failure.
 */
export const EXPORT_STATUS = {
  UNAUTHENTICATED: 401, FORBIDDEN: 403, RATE_LIMITED: 429, SERVICE_UNAVAILABLE: 503, INTERNAL_SERVER_ERROR: null,
  NOT_FOUND: 400, BAD_USER_INPUT: 400, CONFLICT: 400, SEATS_EXHAUSTED: 400, SEATS_IN_USE: 400, TENANT_LICENSE_REQUIRED: 400,
  CHANNEL_MISMATCH: 400, LICENSE_NOT_ASSIGNABLE: 400, LICENSE_REQUIRED: 400, GROUP_CYCLE: 400, GROUP_HAS_LICENSES: 400,
  USER_OWNS_BOTS: 400, LAST_GLOBAL_ADMIN: 400, TRIALS_DISABLED: 400, TRIAL_EXHAUSTED: 400, USAGE_LOCATION_PROHIBITED: 400,
  DIRECTORY_MANAGED: 400, GRAPHQL_VALIDATION_FAILED: 400,
} as const satisfies Record<ErrorCode, number | null>;

function sendError(res: ServerResponse, status: number, code: string, message: string, extra: Record<string, unknown> = {}, headers: Record<string, string> = {}): void {
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", "cache-control": "no-store", ...headers });
  res.end(JSON.stringify({ errors: [{ message, extensions: { code, ...extra } }] }));
}

const rateLimited = (res: ServerResponse, retryAfterSeconds: number) =>
  sendError(res, 429, ErrorCode.RATE_LIMITED, `Too many requests; try again in ${retryAfterSeconds} s.`, { retryAfterSeconds }, { "retry-after": String(retryAfterSeconds) });

/**
 * V6: `GET /export/users.csv`, beside /graphql, /scim/v2 and /v1.0, with their admission: the bearer token (a failed
 * one pays from the address's bucket, H4), the price from the token's buckets before any SQL (T1, 429 with
 * Retry-After), then who the caller is (any admin role or GLOBAL_READER, else 403). Errors before the first byte are
 * JSON with `extensions.code`, as /graphql answers them. The file streams with the response's back-pressure; a
 * client that goes away ends it, and an error once the file has begun cuts the response off (never a file that
 * looks complete).
 */
export async function handleExport(app: App, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const requestId = randomUUID();
  const method = (req.method ?? "GET").toUpperCase();
  const started = process.hrtime.bigint();
  const progress: ExportProgress = { users: 0, batches: 0 };
  let complete = false;
  res.once("close", () => {
    const durationMs = Math.round(Number(process.hrtime.bigint() - started) / 1e5) / 10;
    app.log.info("request", { requestId, transport: "export", method, path: EXPORT_USERS_PATH, status: res.statusCode, durationMs, users: progress.users, complete });
  });
  if (method !== "GET") return sendError(res, 405, ErrorCode.BAD_USER_INPUT, "The export is read with GET.", {}, { allow: "GET" });

  const door = await admit(app, {
    authorization: req.headers.authorization, clientAddress: req.socket.remoteAddress, requestId, transport: "export",
    withoutToken: { refuse: "Sign in with a valid bearer token." },
  });
  if (door.refused) {
    if (door.retryAfterSeconds !== null) return rateLimited(res, door.retryAfterSeconds);
    return sendError(res, 401, ErrorCode.UNAUTHENTICATED, door.message, {}, { "www-authenticate": "Bearer" });
  }
  const paid = await door.pay(EXPORT_COST);
  if (paid && !paid.allowed) return rateLimited(res, paid.retryAfterSeconds);

  let ctx: RequestContext;
  try {
    ctx = await door.lock.run(async () => {
      const admitted = await door.context();
      assertCanExport(admitted);
      // As every read: seats that time has made stale (P6, S5) are brought up to date first.
      await reallocateIfStale(admitted);
      return admitted;
    });
  } catch (e) {
    const status = e instanceof AppError ? EXPORT_STATUS[e.code] : null;
    if (e instanceof AppError && status !== null) return sendError(res, status, e.code, e.message);
    throw e;
  }

  const day = app.clock.now().toISOString().slice(0, 10);
  res.writeHead(200, {
    "content-type": "text/csv; charset=utf-8; header=present",
    "content-disposition": `attachment; filename="users-${day}.csv"`,
    "cache-control": "no-store",
    "x-content-type-options": "nosniff",
    "request-id": requestId,
  });
  // One batch waits in the stream at most: the next is read only when the client has taken the one before.
  const body = Readable.from(usersCsv(ctx, app.config.exportBatchSize, progress), { objectMode: false, highWaterMark: 1 });
  try {
    await pipeline(body, res);
    complete = true;
  } catch (e) {
    const gone = (e as { code?: string }).code === "ERR_STREAM_PREMATURE_CLOSE" || req.destroyed || res.destroyed && !res.writableFinished;
    if (!gone) app.log.error("export failed", { requestId, error: String((e as Error)?.stack ?? e) });
    res.destroy();
  }
}
