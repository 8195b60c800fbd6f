import type { RequestContext } from "../../app/request/context";
import { encodeCursor, decodeCursor } from "../../domain/paging";
import { methodNotAllowed } from "./errors";
import { Headers, nextLink, QueryOptions } from "./query";
import { Json } from "./shapes";

/** Graph's JSON media type, on every answer with a body (and inside a batch's answers). */
export const CONTENT_TYPE = "application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8";

/** One Graph request, from HTTP or from a `$batch`: the same routes answer both. */
export interface Call {
  ctx: RequestContext;
  method: string;
  /** Decoded path segments after `/v1.0`. */
  path: string[];
  query: URLSearchParams;
  headers: Headers;
  body: unknown;
  /** `https://host/v1.0`, for `@odata.context` and nextLinks. */
  base: string;
}

export interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

/** 405 with `Allow` unless the call's method is one of these. */
export function only(call: Call, ...methods: string[]): void {
  if (!methods.includes(call.method)) throw methodNotAllowed(methods);
}

/** `@odata.context`: `$metadata#users`, `$metadata#users(id,displayName)/$entity`, … */
export function contextUrl(call: Call, set: string, select: readonly string[] | undefined, entity = false): string {
  return `${call.base}/$metadata#${set}${select ? `(${select.join(",")})` : ""}${entity ? "/$entity" : ""}`;
}

export function entityReply(call: Call, set: string, q: Pick<QueryOptions, "select">, body: Json, status = 200): Reply {
  return { status, body: { "@odata.context": contextUrl(call, set, q.select, true), ...body } };
}

/** MG1: `{ @odata.context, @odata.count?, value, @odata.nextLink? }`. */
export function listReply(call: Call, set: string, q: Pick<QueryOptions, "select">, value: Json[], more: { next?: string | null; count?: number } = {}): Reply {
  const body: Json = { "@odata.context": contextUrl(call, set, q.select) };
  if (more.count !== undefined) body["@odata.count"] = more.count;
  body.value = value;
  if (more.next) body["@odata.nextLink"] = nextLink(call.base, call.path, call.query, more.next);
  return { status: 200, body };
}

/** A page of a list already in memory (a user's groups), in ID order, with the same cursors as the database's pages. */
export function pageInMemory<T extends { id: string }>(items: T[], q: QueryOptions): { items: T[]; next?: string } {
  const sorted = [...items].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const after = q.skipToken ? decodeCursor(q.skipToken) : undefined;
  const rest = after ? sorted.filter((i) => i.id > after) : sorted;
  const page = rest.slice(0, q.top);
  return { items: page, next: rest.length > page.length ? encodeCursor(page.at(-1)!.id) : undefined };
}
