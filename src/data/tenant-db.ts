import { EntityManager, EntityTarget, FindOptionsWhere, In, ObjectLiteral, QueryRunner, SelectQueryBuilder } from "typeorm";
import { Tenant } from "./entities";
import type { Engine } from "./datasource";
import type { WriteReport } from "./write-report";

type Scoped = ObjectLiteral & { tenantId: string };

/**
 * IDs per bulk statement (and per loader batch): well under SQLite's (32,766) and PostgreSQL's (65,535)
 * bound-parameter limits, also when one statement carries four such lists (user facts).
 */
export const CHUNK = 5000;

export function chunks<T>(items: T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * Tenant isolation lives here and nowhere else: every read and write a service
 * makes goes through a TenantDb bound to one tenant, which adds the tenant to
 * every filter and stamps it on every row. An ID of another tenant simply
 * matches nothing.
 */
export class TenantDb {
  /** MG6: groups whose members this transaction changed (H7's membersChanged notes them), for the outbox. */
  readonly membersChangedOf = new Set<string>();

  constructor(readonly tenantId: string, private readonly manager: EntityManager, readonly engine: Engine, private readonly written?: WriteReport) {}

  /** What this write's transaction changed so far (a write's TenantDb only; reads have none). */
  get report(): WriteReport {
    if (!this.written) throw new Error("tx.report outside a write's transaction");
    return this.written;
  }

  /** For the bulk generator (src/cli/seed-large.ts) only: the transaction's runner, for multi-row INSERTs it builds itself. */
  queryRunnerForBulkLoad(): QueryRunner {
    return this.manager.queryRunner!;
  }

  /** PostgreSQL NOTIFY in this transaction: delivered to listeners at commit, never for a rollback (E3). */
  async notify(channel: string, payload: string): Promise<void> {
    if (this.engine === "postgres") await this.manager.query("SELECT pg_notify($1, $2)", [channel, payload]);
  }

  /** This tenant's own row (the tenant table is keyed by `id`, not `tenantId`). */
  tenant(): Promise<Tenant | null> {
    return this.manager.findOne(Tenant, { where: { id: this.tenantId } });
  }

  /** The tenant's state version alone: the cache key of its licensing state. */
  async stateVersion(): Promise<number> {
    const t = await this.manager.findOne(Tenant, { where: { id: this.tenantId }, select: { id: true, stateVersion: true } });
    return t?.stateVersion ?? 0;
  }

  async updateTenant(patch: Partial<Tenant>): Promise<void> {
    await this.manager.update(Tenant, { id: this.tenantId }, patch as never);
  }

  /** Adds `by` to a numeric column of the matching rows in one statement (no read-modify-write). */
  async increment<T extends Scoped>(entity: EntityTarget<T>, where: FindOptionsWhere<T>, column: keyof T & string, by: number): Promise<void> {
    await this.manager.increment(entity, { ...where, tenantId: this.tenantId } as never, column, by);
  }

  /**
   * Raw, set-based SQL for the seat engine. Named parameters (`:name`, `:...list`)
   * work on both engines; `:tid` is this tenant and must appear in the statement.
   */
  async sql<R = Record<string, unknown>>(text: string, params: Record<string, unknown> = {}): Promise<R[]> {
    if (!text.includes(":tid")) throw new Error("tenant-scoped SQL must filter on :tid");
    const [q, p] = this.manager.connection.driver.escapeQueryWithParameters(text, { ...params, tid: this.tenantId });
    const out = await this.manager.query(q, p);
    // SELECTs (and RETURNING) give rows; better-sqlite3 answers other writes with a run result, PostgreSQL's
    // UPDATE and DELETE answer [rows, count], whose rows are what RETURNING asked for.
    if (!Array.isArray(out)) return [];
    if (out.length === 2 && Array.isArray(out[0]) && typeof out[1] === "number") return out[0] as R[];
    return out.length === 0 || !Array.isArray(out[0]) ? out : [];
  }

  /**
   * `column IN <list>` with the whole list as one bound parameter (pass it through `list`):
   * `= ANY(:name)` on PostgreSQL, `json_each` on SQLite. No parameter limit, one plan whatever the length.
   */
  inList(column: string, name: string): string {
    return this.engine === "postgres" ? `${column} = ANY(:${name})` : `${column} IN (SELECT value FROM json_each(:${name}))`;
  }

  list(values: readonly string[]): unknown {
    return this.engine === "postgres" ? [...values] : JSON.stringify(values);
  }

  qb<T extends Scoped>(entity: EntityTarget<T>, alias: string): SelectQueryBuilder<T> {
    return this.manager.createQueryBuilder(entity, alias).where(`${alias}.tenantId = :tenantId`, { tenantId: this.tenantId });
  }

  find<T extends Scoped>(entity: EntityTarget<T>, where: FindOptionsWhere<T> = {}, order?: Record<string, "ASC" | "DESC">): Promise<T[]> {
    return this.manager.find(entity, { where: { ...where, tenantId: this.tenantId } as FindOptionsWhere<T>, order: order as never });
  }

  findOne<T extends Scoped>(entity: EntityTarget<T>, where: FindOptionsWhere<T>): Promise<T | null> {
    return this.manager.findOne(entity, { where: { ...where, tenantId: this.tenantId } as FindOptionsWhere<T> });
  }

  count<T extends Scoped>(entity: EntityTarget<T>, where: FindOptionsWhere<T> = {}): Promise<number> {
    return this.manager.count(entity, { where: { ...where, tenantId: this.tenantId } as FindOptionsWhere<T> });
  }

  /** Rows whose `key` is one of `values`, in chunks. */
  async findIn<T extends Scoped>(entity: EntityTarget<T>, key: keyof T & string, values: string[], where: FindOptionsWhere<T> = {}): Promise<T[]> {
    const out: T[] = [];
    for (const part of chunks([...new Set(values)])) {
      if (part.length === 0) continue;
      out.push(...(await this.find(entity, { ...where, [key]: In(part) } as FindOptionsWhere<T>)));
    }
    return out;
  }

  async insert<T extends Scoped>(entity: EntityTarget<T>, rows: Omit<T, "tenantId">[]): Promise<void> {
    const cols = rows.length ? Object.keys(rows[0]).length + 1 : 1;
    for (const part of chunks(rows, Math.max(1, Math.floor(CHUNK / cols)))) {
      if (part.length === 0) continue;
      // updateEntity(false): callers build complete rows, so reading back defaults would be a wasted statement.
      await this.manager.createQueryBuilder().insert().into(entity).values(part.map((r) => ({ ...r, tenantId: this.tenantId })) as never).updateEntity(false).execute();
    }
  }

  async update<T extends Scoped>(entity: EntityTarget<T>, where: FindOptionsWhere<T>, patch: Partial<T>): Promise<void> {
    await this.manager.update(entity, { ...where, tenantId: this.tenantId } as never, patch as never);
  }

  async delete<T extends Scoped>(entity: EntityTarget<T>, where: FindOptionsWhere<T>): Promise<void> {
    await this.manager.delete(entity, { ...where, tenantId: this.tenantId } as never);
  }

  /** Delete rows whose `key` is one of `values`, in chunks. */
  async deleteIn<T extends Scoped>(entity: EntityTarget<T>, key: keyof T & string, values: string[], where: FindOptionsWhere<T> = {}): Promise<void> {
    for (const part of chunks([...new Set(values)])) {
      if (part.length) await this.delete(entity, { ...where, [key]: In(part) } as FindOptionsWhere<T>);
    }
  }

  async updateIn<T extends Scoped>(entity: EntityTarget<T>, key: keyof T & string, values: string[], where: FindOptionsWhere<T>, patch: Partial<T>): Promise<void> {
    for (const part of chunks([...new Set(values)])) {
      if (part.length) await this.update(entity, { ...where, [key]: In(part) } as FindOptionsWhere<T>, patch);
    }
  }
}
