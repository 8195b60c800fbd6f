import { ObjectLiteral, SelectQueryBuilder } from "typeorm";
import { checkFirst, decodeCursor, Page, PageArgs, pageOf } from "../domain/paging";

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

