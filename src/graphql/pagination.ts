import { ClassType, Field, Int, ObjectType } from "type-graphql";
import { ObjectLiteral, SelectQueryBuilder } from "typeorm";
import { badInput } from "../errors";

export const MAX_PAGE = 1000;

@ObjectType()
export class PageInfo {
  @Field(() => Boolean)
  hasNextPage: boolean;

  @Field(() => String, { nullable: true })
  endCursor: string | null;
}

export interface Page<T> {
  edges: { cursor: string; node: T }[];
  nodes: T[];
  pageInfo: PageInfo;
  /** A number, or a promise that is only started when the client reads the field (a getter). */
  totalCount: number | Promise<number>;
}

/** A Relay-style connection type named `<name>Connection` with `<name>Edge`. */
export function Connection<T extends object>(node: ClassType<T>, name: string) {
  @ObjectType(`${name}Edge`)
  class Edge {
    @Field(() => String)
    cursor: string;

    @Field(() => node)
    node: T;
  }

  @ObjectType(`${name}Connection`)
  class Conn implements Page<T> {
    @Field(() => [Edge])
    edges: Edge[];

    @Field(() => [node])
    nodes: T[];

    @Field(() => PageInfo)
    pageInfo: PageInfo;

    @Field(() => Int)
    totalCount: number | Promise<number>;
  }
  return Conn;
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
  const n = first ?? 50;
  if (!Number.isInteger(n) || n < 0 || n > MAX_PAGE) throw badInput(`first must be a whole number from 0 to ${MAX_PAGE}.`, "first");
  return n;
}

/** Keyset paging by ID (IDs are time-ordered, so this is creation order). */
export async function pageByIds<T extends ObjectLiteral & { id: string }>(
  qb: SelectQueryBuilder<T>,
  args: PageArgs,
  order: "ASC" | "DESC" = "ASC",
): Promise<Page<T>> {
  const first = checkFirst(args.first);
  const alias = qb.alias;
  const count = qb.clone();
  const q = qb.clone();
  if (args.after) q.andWhere(`${alias}.id ${order === "ASC" ? ">" : "<"} :afterId`, { afterId: decodeCursor(args.after) });
  const rows = first === 0 ? [] : await q.orderBy(`${alias}.id`, order).take(first + 1).getMany();
  // Counting is a statement of its own: run it only when the client asks for totalCount.
  return Object.defineProperty(pageOf(rows, first, 0), "totalCount", { get: () => count.getCount(), enumerable: true });
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
