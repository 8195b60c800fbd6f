import { IncomingMessage, ServerResponse } from "node:http";
import { randomUUID } from "node:crypto";
import { App, RequestContext } from "../../app/request/context";
import type { User } from "../../data/entities";
import { scimBaseUrl } from "../../app/directory/tokens";
import { UnsupportedFilter } from "../../data/directory-query";
import {
  createDirectoryUser, deleteDirectoryUser, getDirectoryUser, listDirectoryUsers, patchDirectoryUser, replaceDirectoryUser,
} from "../../app/users/directory-users";
import {
  createDirectoryGroup, deleteDirectoryGroup, getDirectoryGroup, listDirectoryGroups, membersOf,
} from "../../app/groups/directory-groups";
import { badTextMessage, findBadText } from "../../domain/text";
import { methodPrice } from "../../infra/throttle";
import { admit } from "../../app/request/admission";
import { badRequest, errorBody, fromAppError, methodNotAllowed, ScimError } from "./errors";
import { list, MAX_COUNT, resourceTypes, schemas, serviceProviderConfig } from "./discovery";
import { parseFilter } from "./filter";
import { parseGroup, toScimGroup } from "./groups";
import { patchGroupResource, putGroupResource } from "./group-writes";
import { Op, parsePatch, patchUser } from "./patch";
import { parseUser, toScimUser } from "./users";

export const SCIM_PREFIX = "/scim/v2";
const CONTENT_TYPE = "application/scim+json; charset=utf-8";

interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

function send(res: ServerResponse, r: Reply): void {
  if (r.body === undefined) {
    res.writeHead(r.status, r.headers ?? {});
    res.end();
    return;
  }
  res.writeHead(r.status, { "content-type": CONTENT_TYPE, ...(r.headers ?? {}) });
  res.end(JSON.stringify(r.body));
}

/** D2: JSON bodies as application/scim+json or application/json, within the configured size. */
async function readJson(req: IncomingMessage, limit: number): Promise<unknown> {
  const type = String(req.headers["content-type"] ?? "").split(";")[0].trim().toLowerCase();
  if (type !== "application/scim+json" && type !== "application/json") {
    throw new ScimError(415, undefined, "Send the body as application/scim+json or application/json.");
  }
  const declared = Number(req.headers["content-length"] ?? 0);
  if (declared > limit) throw new ScimError(413, undefined, `The request body is larger than ${limit} bytes.`);
  const parts: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new ScimError(413, undefined, `The request body is larger than ${limit} bytes.`);
    parts.push(chunk as Buffer);
  }
  const text = Buffer.concat(parts).toString("utf8");
  try {
    return JSON.parse(text);
  } catch {
    throw badRequest("invalidSyntax", "The request body is not valid JSON.");
  }
}

const MAX_PAGING_INTEGER = 2 ** 31 - 1;

/** RFC 7644 §3.4.2.4: 1-based startIndex (below 1 means 1), count defaults to 100 and is capped at 1,000. */
function paging(q: URLSearchParams): { startIndex: number; count: number } {
  const int = (name: string, dflt: number) => {
    const raw = q.get(name);
    if (raw === null || raw === "") return dflt;
    if (!/^-?\d+$/.test(raw)) throw badRequest("invalidValue", `${name} must be an integer.`);
    // H2: past 2^31−1 is refused here, before a number too big for the database's integers reaches SQL.
    const n = Number(raw);
    if (n > MAX_PAGING_INTEGER) throw badRequest("invalidValue", `${name} must be at most ${MAX_PAGING_INTEGER}.`);
    return n;
  };
  return { startIndex: Math.max(1, int("startIndex", 1)), count: Math.min(MAX_COUNT, Math.max(0, int("count", 100))) };
}

const names = (q: URLSearchParams, key: string) =>
  (q.get(key) ?? "").split(",").map((s) => s.trim().toLowerCase()).filter(Boolean);

/** D4: `attributes` and `excludedAttributes`, at the level of top-level attributes; id and schemas always stay. */
function project(r: Record<string, unknown>, q: URLSearchParams): Record<string, unknown> {
  const only = names(q, "attributes").map(root);
  const excluded = names(q, "excludedAttributes").map(root);
  if (!only.length && !excluded.length) return r;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(r)) {
    const key = k.toLowerCase();
    const always = key === "id" || key === "schemas";
    if (always || ((!only.length || only.includes(key)) && !excluded.includes(key))) out[k] = v;
  }
  return out;
}

function root(name: string): string {
  if (name.startsWith("urn:")) {
    const core = /^urn:ietf:params:scim:schemas:core:2\.0:(user|group):(.*)$/.exec(name);
    if (core) return core[2].split(".")[0];
    const ext = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:user";
    return name.startsWith(ext) ? ext : name;
  }
  return name.split(".")[0];
}

const wantsMembers = (q: URLSearchParams) => {
  const only = names(q, "attributes").map(root);
  return !names(q, "excludedAttributes").map(root).includes("members") && (!only.length || only.includes("members"));
};

async function users(ctx: RequestContext, body: unknown, method: string, id: string | undefined, q: URLSearchParams, base: string): Promise<Reply> {
  if (!id) {
    if (method === "GET") {
      const { total, users } = await listDirectoryUsers(ctx, { filter: parseFilter(q.get("filter"), "User"), ...paging(q) });
      return { status: 200, body: list(users.map((u) => project(toScimUser(u, base), q)), total, paging(q).startIndex) };
    }
    if (method === "POST") {
      const u = await createDirectoryUser(ctx, parseUser(body));
      return { status: 201, body: toScimUser(u, base), headers: { location: `${base}/Users/${u.id}` } };
    }
  } else {
    if (method === "GET") {
      const u = await getDirectoryUser(ctx, id);
      if (!u) throw new ScimError(404, undefined, `User ${id} not found.`);
      return { status: 200, body: project(toScimUser(u, base), q) };
    }
    if (method === "PUT") {
      return { status: 200, body: toScimUser(await replaceDirectoryUser(ctx, id, parseUser(body)), base) };
    }
    if (method === "PATCH") {
      return { status: 200, body: toScimUser(await patchUserResource(ctx, id, parsePatch(body), base), base) };
    }
    if (method === "DELETE") {
      await deleteDirectoryUser(ctx, id);
      return { status: 204 };
    }
  }
  throw methodNotAllowed(method, id ? RESOURCE_METHODS : COLLECTION_METHODS);
}

/**
 * D6: the operations are applied to the user as read and the outcome parsed here, before any transaction, so a
 * refused PATCH (400) never opens one. The service writes only if the user is still what was read; a concurrent
 * change meanwhile means reading and applying once more, and a second one answers 412 (RFC 7644 §3.12: the
 * resource changed on the server).
 */
async function patchUserResource(ctx: RequestContext, id: string, ops: Op[], base: string): Promise<User> {
  for (let attempt = 1; ; attempt++) {
    const current = await getDirectoryUser(ctx, id);
    if (!current) throw new ScimError(404, undefined, `User ${id} not found.`);
    const written = await patchDirectoryUser(ctx, id, parseUser(patchUser(toScimUser(current, base, true), ops)), current);
    if (written) return written;
    if (attempt === 2) throw new ScimError(412, undefined, `User ${id} changed while the PATCH was applied; send it again.`);
  }
}

async function groups(ctx: RequestContext, body: unknown, method: string, id: string | undefined, q: URLSearchParams, base: string): Promise<Reply> {
  if (!id) {
    if (method === "GET") {
      const { total, groups } = await listDirectoryGroups(ctx, { filter: parseFilter(q.get("filter"), "Group"), ...paging(q) });
      const members = wantsMembers(q) ? await membersOf(ctx, groups.map((g) => g.id)) : null;
      return { status: 200, body: list(groups.map((g) => project(toScimGroup(g, base, members?.get(g.id) ?? null), q)), total, paging(q).startIndex) };
    }
    if (method === "POST") {
      const { fields, members } = parseGroup(body);
      const g = await createDirectoryGroup(ctx, fields, members);
      const now = members.length ? (await membersOf(ctx, [g.id])).get(g.id)! : { userIds: [], groupIds: [] };
      return { status: 201, body: toScimGroup(g, base, now), headers: { location: `${base}/Groups/${g.id}` } };
    }
  } else {
    if (method === "GET") {
      const g = await getDirectoryGroup(ctx, id);
      if (!g) throw new ScimError(404, undefined, `Group ${id} not found.`);
      const members = wantsMembers(q) ? (await membersOf(ctx, [id])).get(id)! : null;
      return { status: 200, body: project(toScimGroup(g, base, members), q) };
    }
    if (method === "PUT") {
      const g = await putGroupResource(ctx, id, body);
      return { status: 200, body: toScimGroup(g, base, (await membersOf(ctx, [id])).get(id)!) };
    }
    if (method === "PATCH") {
      await patchGroupResource(ctx, id, parsePatch(body));
      return { status: 204 };
    }
    if (method === "DELETE") {
      await deleteDirectoryGroup(ctx, id);
      return { status: 204 };
    }
  }
  throw methodNotAllowed(method, id ? RESOURCE_METHODS : COLLECTION_METHODS);
}

const COLLECTION_METHODS = ["GET", "POST"] as const;
const RESOURCE_METHODS = ["GET", "PUT", "PATCH", "DELETE"] as const;

/** The methods a SCIM path accepts (RFC 7644 §3.2), or null when there is no such endpoint. */
function methodsAt(path: string[]): readonly string[] | null {
  const [resource, id, ...rest] = path;
  if (rest.length) return null;
  switch ((resource ?? "").toLowerCase()) {
    case "users":
    case "groups":
      return id ? RESOURCE_METHODS : COLLECTION_METHODS;
    case "serviceproviderconfig":
      return id ? null : ["GET"];
    case "resourcetypes":
    case "schemas":
      return ["GET"];
  }
  return null;
}

async function route(ctx: RequestContext, method: string, body: unknown, path: string[], q: URLSearchParams): Promise<Reply> {
  const base = scimBaseUrl(ctx.app);
  const allowed = methodsAt(path);
  if (!allowed) throw new ScimError(404, undefined, "No such endpoint.");
  if (!allowed.includes(method)) throw methodNotAllowed(method, allowed);
  const [resource, id] = path;
  switch ((resource ?? "").toLowerCase()) {
    case "users":
      return users(ctx, body, method, id, q, base);
    case "groups":
      return groups(ctx, body, method, id, q, base);
  }
  // RFC 7644 §4: the discovery endpoints take no filter.
  if (q.has("filter")) throw new ScimError(403, undefined, "The discovery endpoints do not take a filter.");
  switch ((resource ?? "").toLowerCase()) {
    case "serviceproviderconfig":
      if (id) break;
      return { status: 200, body: serviceProviderConfig(base, ctx.app.config.maxBodyBytes) };
    case "resourcetypes": {
      const all = resourceTypes(base);
      if (!id) return { status: 200, body: list(all, all.length, 1) };
      const one = all.find((r) => r.id.toLowerCase() === id.toLowerCase());
      if (one) return { status: 200, body: one };
      break;
    }
    case "schemas": {
      const all = schemas(base);
      if (!id) return { status: 200, body: list(all, all.length, 1) };
      const one = all.find((s) => s.id.toLowerCase() === id.toLowerCase());
      if (one) return { status: 200, body: one };
      break;
    }
  }
  throw new ScimError(404, undefined, "No such endpoint.");
}

/** H1: a malformed percent-encoding in the path is the client's error (400), found before authentication. */
function decodePathSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw badRequest("invalidValue", "The request path has a malformed percent-encoding.");
  }
}

/** H1: every string of the request (path, query and body) is text storage can hold; checked before anything runs. */
function refuseBadText(path: string[], q: URLSearchParams, body: unknown): void {
  const bad = findBadText({ path, query: [...q].map(([k, v]) => ({ [k]: v })), body });
  if (bad) throw badRequest("invalidValue", badTextMessage(bad));
}

function tooManyRequests(retryAfterSeconds: number): Reply {
  return { status: 429, body: errorBody(new ScimError(429, undefined, "Too many requests; retry later.")), headers: { "retry-after": String(retryAfterSeconds) } };
}

/**
 * D1–D9: the SCIM service provider beside /graphql. It authenticates the provisioning token, then runs the
 * request holding the operation lock on SQLite (as GraphQL operations do) and maps every error to RFC 7644's
 * shape; anything unexpected is a 500 with a request ID, logged, never a stack trace.
 */
export async function handleScim(app: App, req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
  const requestId = randomUUID();
  try {
    const method = (req.method ?? "GET").toUpperCase();
    const started = process.hrtime.bigint();
    // O1 and the request log: one count and one line per answered SCIM request (never a header or a body).
    res.once("finish", () => {
      app.metrics.scimRequest(method, res.statusCode);
      const durationMs = Math.round(Number(process.hrtime.bigint() - started) / 1e5) / 10;
      app.log.info("request", { requestId, transport: "scim", method, path: url.pathname, status: res.statusCode, durationMs });
    });
    // The body is read before the operation lock is taken: a slow upload holds up nobody else.
    const body = method === "POST" || method === "PUT" || method === "PATCH" ? await readJson(req, app.config.maxBodyBytes) : undefined;
    const path = url.pathname.slice(SCIM_PREFIX.length).split("/").filter(Boolean).map(decodePathSegment);
    refuseBadText(path, url.searchParams, body);
    // One hold of the operation lock (SQLite) for the token check and the request itself.
    const lock = app.database.lock();
    send(res, await lock.run(async (): Promise<Reply> => {
      const door = await admit(app, {
        authorization: req.headers.authorization, clientAddress: req.socket.remoteAddress, requestId, transport: "scim", scheme: "provisioning", lock,
        withoutToken: { refuse: "A valid provisioning token is required (Authorization: Bearer <token>)." },
      });
      if (door.refused) {
        if (door.retryAfterSeconds !== null) return tooManyRequests(door.retryAfterSeconds);
        return { status: 401, body: errorBody(new ScimError(401, undefined, "A valid provisioning token is required (Authorization: Bearer <token>).")), headers: { "www-authenticate": 'Bearer realm="scim"' } };
      }
      // T1, T2: a SCIM read costs 1, a write 10, from its token's bucket and its tenant's.
      const paid = await door.pay(methodPrice(method));
      if (paid && !paid.allowed) return tooManyRequests(paid.retryAfterSeconds);
      return route(await door.context(), method, body, path, url.searchParams);
    }));
  } catch (e) {
    const se = e instanceof UnsupportedFilter ? badRequest("invalidFilter", e.message) : fromAppError(e);
    if (se) return send(res, { status: se.status, body: errorBody(se), headers: se.headers });
    app.log.error("scim request failed", { requestId, error: String((e as Error)?.stack ?? e) });
    if (!res.headersSent) send(res, { status: 500, body: { ...errorBody(new ScimError(500, undefined, `Internal server error (request ${requestId}).`)) } });
    else res.end();
  }
}
