import { randomUUID } from "node:crypto";
import { Principal } from "../auth/principal";
import { TokenVerifier } from "../auth/jwt";
import { Clock } from "../../domain/clock";
import { Database, OperationLock } from "../../data/database";
import type { WriteReport } from "../../data/write-report";
import { TenantDb } from "../../data/tenant-db";
import { Tenant } from "../../data/entities";
import { forbidden } from "../../domain/errors";
import { Catalog } from "../../data/catalog";
import { createLoaders, Loaders } from "../reads/loaders";
import type { Config } from "../../config";
import type { TenantStateCache } from "../../data/licensing/tenant-state";
import type { Throttle } from "../../infra/throttle";
import type { Metrics } from "../../infra/metrics";
import type { Logger } from "../../infra/log";
import type { ActivityRecorder } from "./activity";
import type { AnswerCache } from "./answer-cache";

export type { Logger } from "../../infra/log";

export { WriteReport } from "../../data/write-report";
export type { ObjectChange } from "../../data/write-report";

export type CommitListener = (report: WriteReport) => void;
/** Runs inside the write's transaction, last, just before commit (PostgreSQL NOTIFY, delivered at commit). */
export type BeforeCommitHook = (report: WriteReport, tx: TenantDb) => Promise<void>;

export interface App {
  database: Database;
  catalog: Catalog;
  clock: Clock;
  config: Config;
  verifier: TokenVerifier;
  log: Logger;
  tenantStates: TenantStateCache;
  /** Called after each committed tenant write, in commit order; never for a rolled-back one. */
  commitListeners: CommitListener[];
  beforeCommit?: BeforeCommitHook[];
  /** Cost-based throttling (T1, T2). */
  throttle: Throttle;
  /** Prometheus series (O1). */
  metrics: Metrics;
  /** V3: who was active, gathered in memory and written in batches. */
  activity: ActivityRecorder;
  /** I1: repeated hot checks answered from memory (src/app/request/answer-cache.ts). */
  answers: AnswerCache;
}

/** How a context is made: its request ID, the caller's address, the hold of the operation lock it shares. */
export interface ContextOptions {
  requestId?: string;
  /** The caller's network address: the throttling key of callers without a token. */
  clientAddress?: string;
  /** The operation lock (SQLite) this context's work holds or takes: a Graph batch's parts share the batch's. */
  lock?: OperationLock;
  /** Live updates: one event's deliveries share the batched reads (src/app/live/hub.ts). */
  loaders?: Loaders;
}

/**
 * Per request: who asks, for which tenant, and the request's loaders. Services take it first. Made once the caller
 * is admitted (src/app/request/admission.ts) or for the service's own work (systemContext); who it is, its
 * tenant, request ID, address and clock never change afterwards.
 */
export class RequestContext {
  readonly requestId: string;
  readonly clientAddress?: string;
  readonly lock: OperationLock;
  readonly clock: Clock;
  private loaderCache?: Loaders;
  private scopedTenantId?: string;
  private wrote = false;

  constructor(readonly app: App, readonly principal: Principal, opts: ContextOptions = {}) {
    this.requestId = opts.requestId ?? randomUUID();
    this.clientAddress = opts.clientAddress;
    this.lock = opts.lock ?? app.database.lock();
    this.clock = app.clock;
    this.loaderCache = opts.loaders;
  }

  get catalog(): Catalog {
    return this.app.catalog;
  }

  get tenantId(): string {
    const p = this.principal;
    if (p.kind === "user" || p.kind === "runtime" || p.kind === "system" || p.kind === "provisioning") return p.tenantId;
    if (this.scopedTenantId) return this.scopedTenantId;
    throw forbidden("This operation needs a tenant.");
  }

  /**
   * A platform operator's request reads the tenant it has just created (the createTenant payload). This is what the
   * operator may read, not who it is: an operator has no tenant of its own.
   */
  scopeTo(tenantId: string): void {
    if (this.principal.kind === "operator") this.scopedTenantId = tenantId;
  }

  /** Whether this request may read `tenantId`'s data as an operator (only the tenant it created). */
  isScopedTo(tenantId: string): boolean {
    return this.principal.kind === "operator" && this.scopedTenantId === tenantId;
  }

  get actorId(): string | null {
    const p = this.principal;
    return p.kind === "user" ? p.userId : p.kind === "provisioning" ? p.tokenId : null;
  }

  /** Tenant-scoped reads. */
  get db(): TenantDb {
    return this.app.database.reader(this.tenantId);
  }

  get loaders(): Loaders {
    if (this.loaderCache) return this.loaderCache;
    const p = this.principal;
    const tenantId = this.tenantId;
    return (this.loaderCache = createLoaders({
      db: this.db, catalog: this.catalog, clock: this.clock, tenantStates: this.app.tenantStates,
      signedInUser: p.kind === "user" && p.tenantId === tenantId ? p.user : undefined,
      signedInTenant: () => this.signedInTenant,
    }));
  }

  /**
   * One transaction for this tenant; what the request read before is forgotten afterwards. What the write changed
   * is noted on its transaction (`tx.report`) and handed to the commit listeners once it has committed.
   */
  async write<T>(fn: (tx: TenantDb) => Promise<T>): Promise<T> {
    const tenantId = this.tenantId;
    let report: WriteReport | undefined;
    try {
      const out = await this.app.database.write(this.lock, tenantId, async (tx) => {
        const out = await fn(tx);
        for (const hook of this.app.beforeCommit ?? []) await hook(tx.report, tx);
        // A retried transaction reports afresh: the attempt that commits is the last one here.
        report = tx.report;
        return out;
      }, this.requestId);
      if (report) {
        for (const listener of this.app.commitListeners) {
          // Committed is committed: a listener's failure is logged, never turned into the caller's error.
          try {
            listener(report);
          } catch (e) {
            this.app.log.error("commit listener failed", { requestId: this.requestId, error: String((e as Error)?.stack ?? e) });
          }
        }
      }
      return out;
    } finally {
      this.loaderCache = undefined;
      this.wrote = true;
    }
  }

  /** The tenant row as signed in, until this request writes; then it must be read again. */
  get signedInTenant(): Tenant | undefined {
    const p = this.principal;
    return !this.wrote && (p.kind === "user" || p.kind === "runtime" || p.kind === "system") ? p.tenant : undefined;
  }
}
