import { DataSource, EntityManager } from "typeorm";
import { Tenant } from "./entities";
import { Engine } from "./datasource";
import { Mutex } from "./lock";
import { TenantDb } from "./tenant-db";
import { readProvisioningToken, TokenRow, touchProvisioningToken } from "./provisioning-tokens";
import { ListenerHandlers, liveChannel, PgListener } from "./live-listener";
import { signInReader, SignInRow } from "./sign-in";

/** What a caller holds while it works: on SQLite, whether it already owns the operation lock. */
export interface LockState {
  lockHeld: boolean;
}

const RETRYABLE_PG = new Set(["40001", "40P01"]);
/** Thrown to end a rehearsal's transaction with a rollback. */
const ROLLBACK = Symbol("rollback");

/**
 * The one gateway to the database. Writes run in a transaction that first takes
 * the tenant's lock (PostgreSQL: an UPDATE of the tenant row, held to commit;
 * SQLite: the operation mutex), so two admins can never both take the last seat.
 */
export class Database {
  readonly engine: Engine;
  readonly mutex = new Mutex();
  retriesSeen = 0;
  private readonly readSignIn: ReturnType<typeof signInReader>;

  constructor(readonly ds: DataSource) {
    this.engine = ds.options.type === "postgres" ? "postgres" : "sqlite";
    this.readSignIn = signInReader(ds);
  }

  /** Tenant-scoped reads outside any transaction. */
  reader(tenantId: string): TenantDb {
    return new TenantDb(tenantId, this.ds.manager, this.engine);
  }

  /** PostgreSQL: the instance's one LISTEN connection on this schema's live channel (started by the caller). */
  listen(on: ListenerHandlers): PgListener {
    return new PgListener(this.ds, liveChannel(this.ds), on);
  }

  /** D1: the provisioning token with this ID, any tenant's (the token names the tenant). */
  provisioningToken(id: string): Promise<TokenRow | undefined> {
    return readProvisioningToken(this.ds, id);
  }

  /** D1: lastUsedAt, written outside the request's transaction. */
  touchProvisioningToken(id: string, tenantId: string, at: Date): Promise<void> {
    return touchProvisioningToken(this.ds, id, tenantId, at);
  }

  /** For /ready: the database answers. */
  async ping(): Promise<boolean> {
    return this.ds.query("SELECT 1").then(() => true, () => false);
  }

  /** For /ready: a migration this build knows of has not run (true when that cannot be told). */
  migrationsPending(): Promise<boolean> {
    return this.ds.showMigrations().catch(() => true);
  }

  /** Whether any tenant exists (the demo seed runs only on an empty database). */
  async hasTenants(): Promise<boolean> {
    return (await this.ds.manager.count(Tenant)) > 0;
  }

  /** The signed-in user and tenant (src/app/request/sign-in.ts): one statement. */
  signIn(oid: string, tid: string): Promise<SignInRow | undefined> {
    return this.readSignIn(oid, tid);
  }

  /** On SQLite, run `fn` holding the operation lock unless the caller already does. */
  async exclusive<T>(state: LockState, fn: () => Promise<T>): Promise<T> {
    if (this.engine !== "sqlite" || state.lockHeld) return fn();
    const release = await this.mutex.acquire();
    state.lockHeld = true;
    try {
      return await fn();
    } finally {
      state.lockHeld = false;
      release();
    }
  }

  /** One transaction for one tenant, serialized with every other write of that tenant. */
  async write<T>(state: LockState, tenantId: string, fn: (tx: TenantDb) => Promise<T>): Promise<T> {
    return this.exclusive(state, () =>
      this.withRetry(() =>
        this.ds.transaction(async (m) => {
          await this.lockTenant(m, tenantId);
          return fn(new TenantDb(tenantId, m, this.engine));
        }),
      ),
    );
  }

  /**
   * S11: runs `fn` as a write of this tenant would run (same lock, same transaction, same SQL) and rolls it back:
   * what a change would do, computed by the code that does it, with nothing written.
   */
  async rehearse<T>(state: LockState, tenantId: string, fn: (tx: TenantDb) => Promise<T>): Promise<T> {
    const outcome: { value?: T } = {};
    try {
      await this.write(state, tenantId, async (tx) => {
        outcome.value = await fn(tx);
        throw ROLLBACK;
      });
    } catch (e) {
      if (e !== ROLLBACK) throw e;
    }
    return outcome.value as T;
  }

  /** Creates a tenant row and works in the new tenant, in one transaction (createTenant). */
  async writeNewTenant<T>(state: LockState, tenant: Tenant, fn: (tx: TenantDb) => Promise<T>): Promise<T> {
    return this.exclusive(state, () =>
      this.withRetry(() =>
        this.ds.transaction(async (m) => {
          await m.insert(Tenant, tenant);
          return fn(new TenantDb(tenant.id, m, this.engine));
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

  private async withRetry<T>(fn: () => Promise<T>): Promise<T> {
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
