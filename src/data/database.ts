import { DataSource, EntityManager, IsNull } from "typeorm";
import { Tenant, User } from "./entities";
import { Engine } from "./datasource";
import { Mutex } from "./lock";
import { TenantDb } from "./tenant-db";
import { readProvisioningToken, TokenRow, touchProvisioningToken } from "./provisioning-tokens";
import { ListenerHandlers, liveChannel, PgListener } from "./live-listener";
import { signInReader, SignInRow } from "./sign-in";
import { RowCache } from "./row-cache";
import { AppError } from "../domain/errors";
import { ConnectionLost, isConnectionFailure, OutcomeUnknown, UnavailableWait, UnavailableWaitOptions } from "./unavailable";
import { retryingReads } from "./read-source";
import { DeliveryStore } from "./change-delivery";
import { OperationLock } from "./operation-lock";
import { newWriteReport } from "./write-report";

export { OperationLock } from "./operation-lock";

const RETRYABLE_PG = new Set(["40001", "40P01"]);
/** Thrown to end a rehearsal's transaction with a rollback. */
const ROLLBACK = Symbol("rollback");

/** SQLite: apps of one process on one DataSource share their row cache, so each one's commits drop the others' rows. */
const sqliteRowCaches = new WeakMap<DataSource, RowCache>();

function rowCacheFor(ds: DataSource, enabled: boolean, engine: Engine): RowCache {
  if (!enabled || engine === "postgres") return new RowCache(enabled, engine === "postgres");
  let c = sqliteRowCaches.get(ds);
  if (!c) sqliteRowCaches.set(ds, (c = new RowCache(true, false)));
  return c;
}

/** H5: DB_UNAVAILABLE_WAIT_MS's default. */
const DEFAULT_UNAVAILABLE_WAIT_MS = 2000;

/**
 * The one gateway to the database. Writes run in a transaction that first takes
 * the tenant's lock (PostgreSQL: an UPDATE of the tenant row, held to commit;
 * SQLite: the operation mutex), so two admins can never both take the last seat.
 * H5: on PostgreSQL a read, or a transaction that has not sent COMMIT, is tried again while the connection is
 * refused or lost, for up to the configured wait; then SERVICE_UNAVAILABLE.
 */
export class Database {
  readonly engine: Engine;
  /** SQLite's operation lock; taken only through an OperationLock (lock()). Public for the pool metrics. */
  readonly mutex = new Mutex();
  retriesSeen = 0;
  readonly unavailable: UnavailableWait;
  private readonly readSignIn: ReturnType<typeof signInReader>;
  /** Reads outside a transaction: on PostgreSQL through a view of `ds` whose statements wait out an outage. */
  private readonly reads: DataSource;
  /**
   * I1: the sign-in rows of this instance. SQLite trusts it from the start (this process makes every commit);
   * PostgreSQL once the LISTEN connection is up (src/app/live/hub.ts tells it).
   */
  readonly rowCache: RowCache;
  /** MG6: where the delivery worker claims and settles its work. */
  readonly deliveries: DeliveryStore;

  constructor(readonly ds: DataSource, wait: Partial<UnavailableWaitOptions> = {}, opts: { rowCache?: boolean } = {}) {
    this.engine = ds.options.type === "postgres" ? "postgres" : "sqlite";
    this.rowCache = rowCacheFor(ds, opts.rowCache ?? true, this.engine);
    this.readSignIn = signInReader(ds);
    this.unavailable = new UnavailableWait({ ...wait, waitMs: wait.waitMs ?? DEFAULT_UNAVAILABLE_WAIT_MS });
    this.reads = this.engine === "postgres" ? retryingReads(ds, this.unavailable) : ds;
    this.deliveries = new DeliveryStore(ds, this.engine, () => this.lock());
  }

  /** A caller's hold on the operation lock (SQLite), not taken yet: one per request, pass or other unit of work. */
  lock(): OperationLock {
    return new OperationLock(this.engine === "sqlite" ? this.mutex : null);
  }

  /** Tenant-scoped reads outside any transaction. */
  reader(tenantId: string): TenantDb {
    return new TenantDb(tenantId, this.reads.manager, this.engine);
  }

  /** PostgreSQL: the instance's one LISTEN connection on this schema's live channel (started by the caller). */
  listen(on: ListenerHandlers): PgListener {
    return new PgListener(this.ds, liveChannel(this.ds), on);
  }

  /** D1: the provisioning token with this ID, any tenant's (the token names the tenant). */
  provisioningToken(id: string): Promise<TokenRow | undefined> {
    return readProvisioningToken(this.reads, id);
  }

  /** D1: lastUsedAt, written outside the request's transaction. */
  touchProvisioningToken(id: string, tenantId: string, at: Date): Promise<void> {
    return touchProvisioningToken(this.reads, id, tenantId, at);
  }

  /**
   * V3: lastActivityAt = `at` for these users, outside any tenant transaction (activity takes no tenant lock and
   * leaves the state version alone); a user written less than `minGapMs` before `at` is left as they are.
   */
  async writeActivity(tenantId: string, userIds: string[], at: Date, minGapMs: number): Promise<void> {
    const db = this.reader(tenantId);
    await this.lock().run(async () => {
      const written = await db.sql<{ id: string }>(
        `UPDATE app_user SET last_activity_at = :at WHERE tenant_id = :tid AND ${db.inList("id", "ids")}
         AND (last_activity_at IS NULL OR last_activity_at <= :before) RETURNING id`,
        { at: at.getTime(), before: at.getTime() - minGapMs, ids: db.list(userIds) },
      );
      // V4: the wants' idle_since (the later of this and wanted_since), for the inactive report's count. After the
      // users' row, so a failure in between leaves it older (the count errs towards idle until the next write).
      if (written.length) {
        await db.sql(`UPDATE license_want SET idle_since = :at WHERE tenant_id = :tid AND ${db.inList("user_id", "ids")} AND idle_since < :at`, {
          at: at.getTime(), ids: db.list(written.map((r) => r.id)),
        });
      }
    });
  }

  /** V4: the tenants with the automatic pass on that have not run today's (`day`, YYYY-MM-DD) yet. */
  async tenantsDueForReclaim(day: string): Promise<string[]> {
    const rows: { id: string }[] = await this.lock().run(() => this.reads.query(
      this.engine === "postgres"
        ? `SELECT t.id FROM tenant t WHERE t.auto_reclaim = true AND NOT EXISTS (SELECT 1 FROM reclaim_pass p WHERE p.tenant_id = t.id AND p.day = $1) ORDER BY t.id`
        : `SELECT t.id FROM tenant t WHERE t.auto_reclaim = 1 AND NOT EXISTS (SELECT 1 FROM reclaim_pass p WHERE p.tenant_id = t.id AND p.day = ?) ORDER BY t.id`,
      [day],
    ));
    return rows.map((r) => r.id);
  }

  /** For /ready: the database answers now (no waiting: the load balancer asks again). */
  async ping(): Promise<boolean> {
    const up = await this.ds.query("SELECT 1").then(() => true, () => false);
    if (up) this.unavailable.answered();
    return up;
  }

  /** For /ready: a migration this build knows of has not run (true when that cannot be told). */
  migrationsPending(): Promise<boolean> {
    return this.ds.showMigrations().catch(() => true);
  }

  /**
   * The demo tenant's people, found again on a database that already has them (`npm start` prints their tokens every
   * time): the oldest enabled user with this UPN key, across tenants unless one is named — only the local start asks.
   */
  async demoUser(upnKey: string, tenantId?: string): Promise<{ tenantId: string; userId: string } | undefined> {
    const where = { upnKey, accountEnabled: true, deletedAt: IsNull(), ...(tenantId ? { tenantId } : {}) };
    const u = await this.reads.manager.findOne(User, { where, order: { createdAt: "ASC" } });
    return u ? { tenantId: u.tenantId, userId: u.id } : undefined;
  }

  /** Whether any tenant exists (the demo seed runs only on an empty database). */
  async hasTenants(): Promise<boolean> {
    return (await this.reads.manager.count(Tenant)) > 0;
  }

  /** I1: the signed-in user and tenant from this instance's cache, while it may be believed (no SQL). */
  cachedSignIn(oid: string, tid: string): SignInRow | undefined {
    return this.rowCache.get(oid, tid);
  }

  /** The signed-in user and tenant (src/app/request/sign-in.ts): one statement; the row is cached (I1). */
  async signIn(oid: string, tid: string): Promise<SignInRow | undefined> {
    const epoch = this.rowCache.epoch;
    const row = this.engine === "sqlite" ? await this.readSignIn(oid, tid) : await this.unavailable.run(() => this.readSignIn(oid, tid));
    if (row) this.rowCache.put(oid, tid, row, epoch);
    return row;
  }

  /** I1's catch-up after the LISTEN connection was lost: the state version of these tenants now. */
  async stateVersions(tenantIds: string[]): Promise<Map<string, number>> {
    const rows = await this.reads.manager.createQueryBuilder(Tenant, "t").select(["t.id", "t.stateVersion"]).where("t.id IN (:...ids)", { ids: tenantIds }).getMany();
    return new Map(rows.map((t) => [t.id, Number(t.stateVersion)]));
  }

  /**
   * One transaction for one tenant, serialized with every other write of that tenant. Each attempt's `tx.report`
   * starts empty (a retried transaction reports afresh); `requestId` names the request in it.
   */
  async write<T>(lock: OperationLock, tenantId: string, fn: (tx: TenantDb) => Promise<T>, requestId = ""): Promise<T> {
    try {
      return await lock.run(() =>
        this.withRetry(() =>
          this.transaction(async (m) => {
            await this.lockTenant(m, tenantId);
            return fn(new TenantDb(tenantId, m, this.engine, newWriteReport(tenantId, requestId)));
          }),
        ),
      );
    } finally {
      // I1: before the caller hears of the outcome, the tenant's cached rows go (whether it committed, rolled back
      // or cannot tell: a re-read is cheap, a stale row is not). Other instances drop them on the commit's NOTIFY.
      this.rowCache.dropTenant(tenantId);
    }
  }

  /**
   * S11: runs `fn` as a write of this tenant would run (same lock, same transaction, same SQL) and rolls it back:
   * what a change would do, computed by the code that does it, with nothing written.
   */
  async rehearse<T>(lock: OperationLock, tenantId: string, fn: (tx: TenantDb) => Promise<T>): Promise<T> {
    const outcome: { value?: T } = {};
    try {
      await this.write(lock, tenantId, async (tx) => {
        outcome.value = await fn(tx);
        throw ROLLBACK;
      });
    } catch (e) {
      if (e !== ROLLBACK) throw e;
    }
    return outcome.value as T;
  }

  /** Creates a tenant row and works in the new tenant, in one transaction (createTenant). */
  async writeNewTenant<T>(lock: OperationLock, tenant: Tenant, fn: (tx: TenantDb) => Promise<T>): Promise<T> {
    return lock.run(() =>
      this.withRetry(() =>
        this.transaction(async (m) => {
          await m.insert(Tenant, tenant);
          return fn(new TenantDb(tenant.id, m, this.engine, newWriteReport(tenant.id, "")));
        }),
      ),
    );
  }

  /**
   * Taking the tenant's write lock and announcing a new state are one statement:
   * the UPDATE locks the tenant row on PostgreSQL until commit, and the new
   * version tells every instance that its cached licensing state is stale.
   */
  private async lockTenant(m: EntityManager, tenantId: string): Promise<void> {
    await m.createQueryBuilder().update(Tenant).set({ stateVersion: () => "state_version + 1" }).where("id = :id", { id: tenantId }).execute();
  }

  /**
   * TypeORM's transaction, knowing whether COMMIT went out: a connection lost before it rolled the work back on the
   * server and may be tried again; lost during it, the outcome is unknown and the work is never replayed (H5).
   */
  private async transaction<T>(work: (m: EntityManager) => Promise<T>): Promise<T> {
    const qr = this.ds.createQueryRunner();
    let commitSent = false;
    try {
      await qr.startTransaction();
      const out = await work(qr.manager);
      commitSent = true;
      await qr.commitTransaction();
      return out;
    } catch (e) {
      try {
        await qr.rollbackTransaction();
      } catch {
        // The original error is the answer; a connection that is gone has rolled back on the server.
      }
      // TypeORM releases a runner whose connection failed; its next statement says only "already released".
      const lost = this.engine === "postgres" && (isConnectionFailure(e) || (qr.isReleased && !(e instanceof AppError)));
      if (lost && commitSent) throw new OutcomeUnknown("commit", e);
      if (lost && !isConnectionFailure(e)) throw new ConnectionLost(e);
      throw e;
    } finally {
      await qr.release();
    }
  }

  /** Serialization failures and deadlocks: at once, up to 5 attempts. A lost connection: while H5's wait lasts. */
  private withRetry<T>(fn: () => Promise<T>): Promise<T> {
    return this.engine === "postgres" ? this.unavailable.run(() => this.withConflictRetry(fn)) : fn();
  }

  private async withConflictRetry<T>(fn: () => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await fn();
      } catch (e) {
        const code = (e as { driverError?: { code?: string }; code?: string }).driverError?.code ?? (e as { code?: string }).code;
        if (this.engine === "postgres" && code && RETRYABLE_PG.has(code) && attempt < 5) {
          this.retriesSeen++;
          continue;
        }
        throw e;
      }
    }
  }
}
