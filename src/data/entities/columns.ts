import { Column, ColumnOptions } from "typeorm";

/** Instants are stored as epoch milliseconds: one column type that sorts and compares the same on SQLite and PostgreSQL. */
/** An instant as a raw row carries it (epoch ms; a string from pg's bigint), or null. */
export const instantOf = (v: string | number | null) => (v == null ? null : new Date(Number(v)));

const msTransformer = {
  to: (d: Date | null | undefined) => (d == null ? d : d.getTime()),
  from: instantOf,
};

export function TimestampColumn(opts: { name: string; nullable?: boolean }) {
  return Column({ type: "bigint", name: opts.name, nullable: opts.nullable ?? false, transformer: msTransformer });
}

/** bigint counters come back as strings from pg; callers want numbers. */
export function CountColumn(opts: ColumnOptions & { name: string }) {
  return Column({
    type: "bigint",
    ...opts,
    transformer: { to: (n: number) => n, from: (v: string | number) => Number(v) },
  });
}
