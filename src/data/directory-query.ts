import { ObjectLiteral, SelectQueryBuilder } from "typeorm";

/** The attributes a directory may filter on (D5), independent of SCIM's spelling. */
export type DirField = "id" | "userName" | "externalId" | "displayName" | "active" | "lastModified" | "email" | "workEmail";
export type DirOp = "eq" | "ne" | "co" | "sw" | "ew" | "pr" | "gt" | "ge" | "lt" | "le";

export type DirFilter =
  | { and: DirFilter[] }
  | { or: DirFilter[] }
  | { not: DirFilter }
  | { field: DirField; op: DirOp; value?: string | boolean | number | null };

export interface DirectoryQuery {
  filter: DirFilter | null;
  startIndex: number;
  count: number;
}

type Kind = "text" | "ci" | "bool" | "time" | "emails";
export type Columns = Partial<Record<DirField, { sql: string; kind: Kind }>>;

/** ci: compared lower-cased (the column already holds lower case, or is wrapped in LOWER). */
export const userColumns = (a: string): Columns => ({
  id: { sql: `${a}.id`, kind: "text" },
  userName: { sql: `${a}.upn_key`, kind: "ci" },
  externalId: { sql: `${a}.external_id`, kind: "text" },
  displayName: { sql: `LOWER(${a}.display_name)`, kind: "ci" },
  active: { sql: `${a}.account_enabled`, kind: "bool" },
  lastModified: { sql: `COALESCE(${a}.updated_at, ${a}.created_at)`, kind: "time" },
  email: { sql: `${a}.email_key`, kind: "emails" },
  workEmail: { sql: `${a}.work_email_key`, kind: "ci" },
});

export const groupColumns = (a: string): Columns => ({
  id: { sql: `${a}.id`, kind: "text" },
  externalId: { sql: `${a}.external_id`, kind: "text" },
  displayName: { sql: `LOWER(${a}.display_name)`, kind: "ci" },
  lastModified: { sql: `COALESCE(${a}.updated_at, ${a}.created_at)`, kind: "time" },
});

const like = (s: string) => s.replace(/[\\%_]/g, (c) => "\\" + c);

/** A filter the service cannot apply: the SCIM layer answers 400 invalidFilter. */
export class UnsupportedFilter extends Error {}

/** Adds the filter to `qb` as one WHERE clause with bound parameters only. */
export function whereFilter<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, f: DirFilter | null, cols: Columns): void {
  if (!f) return;
  const params: Record<string, unknown> = {};
  let n = 0;
  const bind = (v: unknown) => {
    const name = `f${n++}`;
    params[name] = v;
    return `:${name}`;
  };
  const walk = (x: DirFilter): string => {
    if ("and" in x) return `(${x.and.map(walk).join(" AND ")})`;
    if ("or" in x) return `(${x.or.map(walk).join(" OR ")})`;
    if ("not" in x) return `(NOT ${walk(x.not)})`;
    const col = cols[x.field];
    if (!col) throw new UnsupportedFilter(`Filtering on ${x.field} is not supported here.`);
    if (x.op === "pr") return col.kind === "emails" ? `(${col.sql} IS NOT NULL AND ${col.sql} <> '')` : `(${col.sql} IS NOT NULL)`;
    const v = x.value;
    if (col.kind === "bool") {
      if (typeof v !== "boolean" || (x.op !== "eq" && x.op !== "ne")) throw new UnsupportedFilter(`${x.field} compares with eq or ne to true or false.`);
      return `(${col.sql} ${x.op === "eq" ? "=" : "<>"} ${bind(v)})`;
    }
    if (typeof v !== "string") throw new UnsupportedFilter(`${x.field} compares with a string.`);
    if (col.kind === "time") {
      const t = Date.parse(v);
      const op = { eq: "=", ne: "<>", gt: ">", ge: ">=", lt: "<", le: "<=" }[x.op as string];
      if (Number.isNaN(t) || !op) throw new UnsupportedFilter(`${x.field} compares with eq, ne, gt, ge, lt or le to a date-time.`);
      return `(${col.sql} ${op} ${bind(t)})`;
    }
    if (["gt", "ge", "lt", "le"].includes(x.op)) throw new UnsupportedFilter(`${x.op} applies to dates only.`);
    const s = col.kind === "text" ? v : v.toLowerCase();
    if (col.kind === "emails") {
      // The column is "|a|b|": each value between bars.
      const pattern = { eq: `%|${like(s)}|%`, ne: `%|${like(s)}|%`, co: `%${like(s)}%`, sw: `%|${like(s)}%`, ew: `%${like(s)}|%` }[x.op as "eq"];
      return x.op === "ne" ? `(${col.sql} IS NULL OR ${col.sql} NOT LIKE ${bind(pattern)} ESCAPE '\\')` : `(${col.sql} LIKE ${bind(pattern)} ESCAPE '\\')`;
    }
    if (x.op === "eq") return `(${col.sql} = ${bind(s)})`;
    if (x.op === "ne") return `(${col.sql} IS NULL OR ${col.sql} <> ${bind(s)})`;
    const pattern = { co: `%${like(s)}%`, sw: `${like(s)}%`, ew: `%${like(s)}` }[x.op as "co"];
    return `(${col.sql} LIKE ${bind(pattern)} ESCAPE '\\')`;
  };
  qb.andWhere(walk(f), params);
}
