import { decodeCursor } from "../../domain/paging";
import { unsupportedQuery } from "./errors";
import { parseFilter, Term } from "./filter";

/** What one endpoint offers (MG3); every other option, or a form of one it does not take, is 400. */
export interface QueryAllow {
  /** Property names `$select` may name; empty: no `$select`. */
  select: readonly string[];
  /** A collection: `$top` and the `$skiptoken` of its nextLink. */
  page?: boolean;
  count?: boolean;
  search?: boolean;
  filter?: readonly Term["kind"][];
}

export interface QueryOptions {
  select?: string[];
  top: number;
  skipToken?: string;
  count: boolean;
  /** `$search="displayName:…"`: what a word of displayName starts with. */
  search?: string;
  filter: Term[];
}

export const DEFAULT_TOP = 100;
export const MAX_TOP = 999;

const KNOWN = ["$select", "$top", "$skiptoken", "$count", "$search", "$filter"];
const NOT_OFFERED = ["$expand", "$orderby", "$skip", "$format", "$apply", "$compute", "$levels", "$id", "$index", "$schemaversion", "$deltatoken"];

/** Header names in lower case, as Node gives them (a batch's own headers are normalised to that too). */
export type Headers = Record<string, string | undefined>;

/** Graph's advanced queries ($count, $search on directory objects) need `ConsistencyLevel: eventual`. */
function needsEventual(option: string, headers: Headers): void {
  if ((headers.consistencylevel ?? "").trim().toLowerCase() !== "eventual") {
    throw unsupportedQuery(`${option} is an advanced query: send the header 'ConsistencyLevel: eventual' with it.`);
  }
}

/** MG3: the query options of one request, checked against what its endpoint offers. */
export function parseQuery(q: URLSearchParams, allow: QueryAllow, headers: Headers): QueryOptions {
  const seen = new Map<string, string>();
  for (const [rawName, value] of q) {
    const name = rawName.toLowerCase();
    if (seen.has(name)) throw unsupportedQuery(`The query option '${rawName}' is given more than once.`);
    seen.set(name, value);
    if (NOT_OFFERED.includes(name)) throw unsupportedQuery(`The query option '${rawName}' is not supported by this server.`);
    if (!KNOWN.includes(name)) throw unsupportedQuery(`Unrecognized query argument specified: '${rawName}'.`);
  }
  const refuse = (name: string) => {
    throw unsupportedQuery(`The query option '${name}' is not supported on this resource.`);
  };
  const out: QueryOptions = { top: DEFAULT_TOP, count: false, filter: [] };

  const select = seen.get("$select");
  if (select !== undefined) {
    if (!allow.select.length) refuse("$select");
    const byLower = new Map(allow.select.map((p) => [p.toLowerCase(), p]));
    const names = select.split(",").map((s) => s.trim());
    if (names.some((n) => !n)) throw unsupportedQuery("$select names properties, separated by commas.");
    out.select = [...new Set(names.map((n) => {
      const p = byLower.get(n.toLowerCase());
      if (!p) throw unsupportedQuery(`Could not find a property named '${n}' on this resource.`);
      return p;
    }))];
  }

  const top = seen.get("$top");
  if (top !== undefined) {
    if (!allow.page) refuse("$top");
    if (!/^\d{1,4}$/.test(top) || Number(top) < 1 || Number(top) > MAX_TOP) throw unsupportedQuery(`$top must be a whole number from 1 to ${MAX_TOP}.`);
    out.top = Number(top);
  }

  const token = seen.get("$skiptoken");
  if (token !== undefined) {
    if (!allow.page) refuse("$skiptoken");
    try {
      decodeCursor(token);
    } catch {
      throw unsupportedQuery("$skiptoken is not valid; use the nextLink as it was given.");
    }
    out.skipToken = token;
  }

  const count = seen.get("$count");
  if (count !== undefined) {
    if (!allow.count) refuse("$count");
    const v = count.toLowerCase();
    if (v !== "true" && v !== "false") throw unsupportedQuery("$count is true or false.");
    out.count = v === "true";
    if (out.count) needsEventual("$count", headers);
  }

  const search = seen.get("$search");
  if (search !== undefined) {
    if (!allow.search) refuse("$search");
    needsEventual("$search", headers);
    const m = /^"displayName:([^"]*)"$/i.exec(search.trim());
    if (!m || !m[1].trim()) throw unsupportedQuery(`$search takes one clause, "displayName:<text>" in double quotes.`);
    out.search = m[1].trim();
  }

  const filter = seen.get("$filter");
  if (filter !== undefined) {
    if (!allow.filter?.length) refuse("$filter");
    out.filter = parseFilter(filter, allow.filter!);
  }
  return out;
}

/** A query value in a nextLink: percent-encoded where it must be, readable where it may be. */
const encodeValue = (v: string) => encodeURIComponent(v).replace(/%2F/g, "/").replace(/%3A/g, ":").replace(/%40/g, "@").replace(/%2C/g, ",").replace(/%24/g, "$");

/** MG1: the nextLink of a page: the same request with the next `$skiptoken`. */
export function nextLink(base: string, path: string[], q: URLSearchParams, token: string): string {
  const parts = [...q].filter(([k]) => k.toLowerCase() !== "$skiptoken").map(([k, v]) => `${k}=${encodeValue(v)}`);
  parts.push(`$skiptoken=${encodeValue(token)}`);
  return `${base}/${path.map(encodeURIComponent).join("/")}?${parts.join("&")}`;
}
