import { randomUUID } from "node:crypto";
import { Principal } from "../auth/principal";
import { TokenClaims, TokenVerifier } from "../auth/jwt";
import { Clock } from "../../domain/clock";
import { Database, LockState } from "../../data/database";
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

export type { Logger } from "../../infra/log";

/** What one committed write changed: handed to the commit listeners (live updates) only after commit (E3). */
export interface WriteReport {
  tenantId: string;
  requestId: string;
  /** Users whose effective licenses, roles or account may have changed. */
  userIds: Set<string>;
  /** Users directly in these groups may have changed too. */
  groupIds: Set<string>;
  /** SKUs whose pool figures may have changed. */
  skuIds: Set<string>;
  auditEventIds: string[];
  /** V1: license requests the write opened or decided. */
  requestIds: Set<string>;
  /** MG6: users and groups the write created, deleted or changed itself (not only their licenses), by ID. */
  objectChanges: Map<string, ObjectChange>;
}

export type ObjectChange = "created" | "updated" | "deleted";

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
}

/** Per request: who asks, for which tenant, and the request's loaders. Services take it first. */
export class RequestContext implements LockState {
  lockHeld = false;
  /** Verified token claims waiting to become `principal` once the operation is validated. */
  pendingClaims: TokenClaims | null = null;
  /** The caller's network address: the throttling key of callers without a token. */
  clientAddress?: string;
  private loaderCache?: Loaders;
  private scopedTenantId?: string;
  private wrote = false;
  private report?: WriteReport;

  constructor(readonly app: App, public principal: Principal, readonly requestId: string = randomUUID()) {}

  get clock(): Clock {
    return this.app.clock;
  }

  get catalog(): Catalog {
    return this.app.catalog;
  }

  get tenantId(): string {
    const p = this.principal;
    if (p.kind === "user" || p.kind === "runtime" || p.kind === "provisioning") return p.tenantId;
    if (this.scopedTenantId) return this.scopedTenantId;
    throw forbidden("This operation needs a tenant.");
  }

  /** A platform operator's request reads the tenant it has just created (the createTenant payload). */
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

  /** One transaction for this tenant; what the request read before is forgotten afterwards. */
  async write<T>(fn: (tx: TenantDb) => Promise<T>): Promise<T> {
    const tenantId = this.tenantId;
    let report: WriteReport | undefined;
    try {
      const out = await this.app.database.write(this, tenantId, async (tx) => {
        // A retried transaction starts its report afresh.
        const r = (report = this.report = { tenantId, requestId: this.requestId, userIds: new Set(), groupIds: new Set(), skuIds: new Set(), auditEventIds: [], requestIds: new Set(), objectChanges: new Map() });
        const out = await fn(tx);
        for (const hook of this.app.beforeCommit ?? []) await hook(r, tx);
        return out;
      });
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
      this.report = undefined;
      this.loaderCache = undefined;
      this.wrote = true;
    }
  }

  /** Live updates: one event's deliveries share the batched reads (src/app/live/hub.ts). */
  useLoaders(loaders: Loaders): void {
    this.loaderCache = loaders;
  }

  /** The report of the tenant write in progress: what it changed, for after commit. */
  writeReport(): WriteReport {
    if (!this.report) throw new Error("writeReport() outside ctx.write()");
    return this.report;
  }

  /** MG6: a user or group the write created, updated or deleted (a creation stays one even if later updated). */
  noteChange(id: string, change: ObjectChange): void {
    const m = this.writeReport().objectChanges;
    if (change === "updated" && m.has(id)) return;
    m.set(id, change);
  }

  /** An audit event written in this request's write (none outside a tenant write: createTenant). */
  noteAudit(id: string): void {
    this.report?.auditEventIds.push(id);
  }

  /** The tenant row as signed in, until this request writes; then it must be read again. */
  get signedInTenant(): Tenant | undefined {
    const p = this.principal;
    return !this.wrote && (p.kind === "user" || p.kind === "runtime") ? p.tenant : undefined;
  }
}
