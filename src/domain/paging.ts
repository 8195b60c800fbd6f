import { badInput } from "./errors";

export const MAX_PAGE = 1000;
/** A connection's page when `first` is not given. */
export const DEFAULT_PAGE = 50;

export interface PageInfo {
  hasNextPage: boolean;
  endCursor: string | null;
}

export interface Page<T> {
  edges: { cursor: string; node: T }[];
  nodes: T[];
  pageInfo: PageInfo;
  /** A number, or a promise that is only started when the client reads the field (a getter). */
  totalCount: number | Promise<number>;
}

const PREFIX = "c1:";

export function encodeCursor(id: string): string {
  return Buffer.from(PREFIX + id, "utf8").toString("base64url");
}

export function decodeCursor(cursor: string): string {
  const raw = Buffer.from(cursor, "base64url").toString("utf8");
  if (!raw.startsWith(PREFIX) || raw.length <= PREFIX.length) throw badInput("The cursor `after` is not valid.", "after");
  return raw.slice(PREFIX.length);
}

export interface PageArgs {
  first?: number | null;
  after?: string | null;
}

export function checkFirst(first: number | null | undefined): number {
  const n = first ?? DEFAULT_PAGE;
  if (!Number.isInteger(n) || n < 0 || n > MAX_PAGE) throw badInput(`first must be a whole number from 0 to ${MAX_PAGE}.`, "first");
  return n;
}

/** A page from rows fetched with one extra row to tell whether more follow. */
export function pageOf<T extends { id: string }>(rows: T[], first: number, totalCount: number): Page<T> {
  const nodes = rows.slice(0, first);
  const edges = nodes.map((node) => ({ cursor: encodeCursor(node.id), node }));
  return {
    edges,
    nodes,
    pageInfo: { hasNextPage: rows.length > first, endCursor: edges.length ? edges[edges.length - 1].cursor : null },
    totalCount,
  };
}

/** Pages over IDs already known in memory (small derived sets). */
export function pageOfIds(ids: string[], args: PageArgs): { ids: string[]; first: number; hasNext: boolean; total: number } {
  const first = checkFirst(args.first);
  const sorted = [...ids].sort();
  const start = args.after ? sorted.findIndex((id) => id > decodeCursor(args.after!)) : 0;
  const from = start < 0 ? sorted.length : start;
  const slice = sorted.slice(from, from + first);
  return { ids: slice, first, hasNext: from + first < sorted.length, total: sorted.length };
}
