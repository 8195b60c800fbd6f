import { createPubSub } from "@graphql-yoga/subscription";
import { AuditEvent, LicenseRequest, Tenant, User } from "../../data/entities";
import { LicenseRequestStatus } from "../../domain/enums";
import type { PgListener } from "../../data/live-listener";
import type { OperationLock } from "../../data/database";
import { forbidden } from "../../domain/errors";
import { hasPermission, Permission, requirePermission, requireUser } from "../auth/permissions";
import type { Principal } from "../auth/principal";
import { App, RequestContext } from "../request/context";
import { systemContext } from "../request/admission";
import { decodeEvent, eventOf, LiveEvent } from "./events";
import { poolFigures } from "../subscriptions/subscriptions";
import { digests, poolsDigest } from "./digest";

export type LiveKind = "myLicenseChanged" | "tenantLicensesChanged" | "auditEventAdded" | "licenseRequestChanged";

/** One open WebSocket of a signed-in user, as the hub sees it. */
export interface LiveConnection {
  readonly tenantId: string;
  readonly userId: string;
  close(code: number, reason: string): void;
}

/** What one subscription receives for one event: the value, and the context its selection runs in (fresh roles, shared reads). */
export interface Delivery<T = unknown> {
  value: T;
  ctx: RequestContext;
}

/** E1: the close code for a missing, bad or expired token, and for a disabled or deleted user. */
export const CLOSE_FORBIDDEN = 4403;

interface Registration {
  id: string;
  kind: LiveKind;
  conn: LiveConnection;
}

/** What this instance knows of one tenant's live subscribers, and what it last sent them. */
class TenantLive {
  readonly conns = new Set<LiveConnection>();
  /** Open connections per user (H4's cap per principal). */
  readonly perUser = new Map<string, number>();
  readonly regs = new Map<string, Registration>();
  /** Events are handled one after the other, in commit order (E3). */
  queue: Promise<void> = Promise.resolve();
  /** Per subscribed user: what myLicenseChanged last reflected (the before of the next comparison). */
  readonly seen = new Map<string, string>();
  pools?: string;
  lastAuditId?: string;
  constructor(readonly tenantId: string) {}
}

const hubs = new WeakMap<App, LiveHub>();

/** type-graphql's PubSub (buildSchema's `pubSub`): one per process; every subscription has a topic of its own. */
export const livePubSub = createPubSub<Record<string, [Delivery]>>();
let registrations = 0;

/** The app's live hub (one per app: per instance). */
export function liveHub(app: App): LiveHub {
  let h = hubs.get(app);
  if (!h) hubs.set(app, (h = new LiveHub(app)));
  return h;
}

/**
 * Live updates (DESIGN §11). Committed writes come in as events (SQLite: the commit listeners; PostgreSQL: one LISTEN
 * connection, so writes of every instance arrive, in commit order). Per event and tenant, the hub reads once, in
 * batches, what every local subscriber needs — their user rows (permissions, account), their effective licenses,
 * the pools, the audit events — compares with what each subscriber last reflected, and delivers only what changed.
 */
export class LiveHub {
  private readonly pubSub = livePubSub;
  private readonly tenants = new Map<string, TenantLive>();
  private readonly bound = new WeakMap<RequestContext, LiveConnection>();
  private listener?: PgListener;
  private started = false;
  private readonly watchers = new Set<() => void>();
  /** For the benchmark and tests: events handled and deliveries made. */
  readonly stats = { events: 0, deliveries: 0, refreshes: 0 };

  constructor(private readonly app: App) {}

  /** Starts receiving committed writes. */
  async start(): Promise<void> {
    if (this.started) return;
    this.started = true;
    if (this.app.database.engine === "sqlite") {
      this.app.commitListeners.push((r) => this.publish(eventOf(r)));
      return;
    }
    const rows = this.app.database.rowCache;
    this.listener = this.app.database.listen({
      message: (payload) => {
        const e = decodeEvent(payload);
        if (!e) return;
        // I1: another instance's commit (or this one's, again): the tenant's cached rows go before anything else.
        rows.dropTenant(e.tenantId);
        this.publish(e);
      },
      listening: () => void this.catchUpRows(),
      lost: () => {
        if (rows.trust === "off" || rows.trust === "bypassed") return;
        rows.bypass();
        this.app.log.error("row cache: bypassed while the LISTEN connection is down (each request reads the caller's row)");
      },
      reconnected: () => this.refreshAll(),
      log: (msg, fields) => this.app.log.error(msg, fields),
    });
    await this.listener.start();
  }

  async stop(): Promise<void> {
    await this.listener?.stop();
  }

  /** I1: LISTEN is in place; the row cache keeps the tenants whose state version has not moved, then is trusted. */
  private async catchUpRows(): Promise<void> {
    const rows = this.app.database.rowCache;
    if (rows.trust === "off") return;
    const { kept, dropped } = await rows.catchUp((ids) => this.app.database.stateVersions(ids));
    if (kept || dropped) this.app.log.info("row cache: caught up after the LISTEN connection came back", { keptTenants: kept, droppedTenants: dropped });
  }

  /** The LISTEN connection's backend (PostgreSQL), for tests that cut it. */
  get listenerPid(): number | undefined {
    return this.listener?.connected ? this.listener.backendPid : undefined;
  }

  /**
   * E4, H4: null when the connection is admitted; else who is already at their maximum on this instance: the user
   * (so that one principal cannot hold the tenant's whole allowance) or the tenant.
   */
  connect(conn: LiveConnection): "principal" | "tenant" | null {
    const t = this.tenant(conn.tenantId);
    const { maxConnectionsPerPrincipal, maxConnectionsPerTenant } = this.app.config.live;
    const mine = t.perUser.get(conn.userId) ?? 0;
    if (mine >= maxConnectionsPerPrincipal) return "principal";
    if (t.conns.size >= maxConnectionsPerTenant) return "tenant";
    t.conns.add(conn);
    t.perUser.set(conn.userId, mine + 1);
    this.app.metrics.wsConnections.inc();
    this.changed();
    return null;
  }

  disconnect(conn: LiveConnection): void {
    const t = this.tenants.get(conn.tenantId);
    if (!t) return;
    // The hub closes a disabled user's socket and forgets it at once; the socket's own close comes after.
    if (t.conns.delete(conn)) {
      const left = (t.perUser.get(conn.userId) ?? 1) - 1;
      if (left > 0) t.perUser.set(conn.userId, left);
      else t.perUser.delete(conn.userId);
      this.app.metrics.wsConnections.dec();
    }
    for (const r of [...t.regs.values()]) if (r.conn === conn) this.unregister(t, r);
    if (!t.conns.size && !t.regs.size) this.tenants.delete(t.tenantId);
    this.changed();
  }

  /** The subscribe-time context belongs to this connection. */
  bind(ctx: RequestContext, conn: LiveConnection): void {
    this.bound.set(ctx, conn);
  }

  /** Subscriptions on this instance (of one tenant). */
  count(tenantId?: string, kind?: LiveKind): number {
    const ts = tenantId ? [this.tenants.get(tenantId)].filter((t): t is TenantLive => !!t) : [...this.tenants.values()];
    return ts.reduce((n, t) => n + [...t.regs.values()].filter((r) => !kind || r.kind === kind).length, 0);
  }

  connections(tenantId: string): number {
    return this.tenants.get(tenantId)?.conns.size ?? 0;
  }

  /** Resolves once `ready()` holds (checked after every change of subscribers and every handled event). */
  when(ready: () => boolean): Promise<void> {
    if (ready()) return Promise.resolve();
    return new Promise((res) => {
      const check = () => {
        if (ready()) {
          this.watchers.delete(check);
          res();
        }
      };
      this.watchers.add(check);
    });
  }

  /** E2: permissions at subscribe; the first event this subscription can get is the next committed write. */
  async subscribe(ctx: RequestContext, kind: LiveKind): Promise<AsyncIterableIterator<Delivery>> {
    const conn = this.bound.get(ctx);
    if (!conn) throw forbidden("Subscriptions are served over WebSocket (graphql-transport-ws) at /graphql.");
    const p = requireUser(ctx.principal);
    if (kind !== "myLicenseChanged") requirePermission(p, Permission.READ_TENANT);
    const t = this.tenant(conn.tenantId);
    const reg: Registration = { id: String(++registrations), kind, conn };
    const it = this.pubSub.subscribe(`live:${reg.id}`)[Symbol.asyncIterator]();
    // A repeater listens from its first next(): asked now, so nothing published after registration is lost.
    let first: Promise<IteratorResult<Delivery>> | undefined = it.next();
    try {
      await this.enqueue(t, () => this.register(t, reg));
    } catch (e) {
      await it.return?.();
      throw e;
    }
    const end = () => this.unregister(t, reg);
    const iterator: AsyncIterableIterator<Delivery> = {
      next: () => {
        const n = first ?? it.next();
        first = undefined;
        return n;
      },
      return: async () => {
        end();
        await it.return?.();
        return { done: true, value: undefined };
      },
      throw: async (e: unknown) => {
        end();
        await it.return?.();
        throw e;
      },
      [Symbol.asyncIterator]: () => iterator,
    };
    return iterator;
  }

  /** A committed write (or a reference to one). */
  publish(e: LiveEvent): void {
    const t = this.tenants.get(e.tenantId);
    if (!t || !t.conns.size) return;
    void this.enqueue(t, () => this.handle(t, e)).catch((err) =>
      this.app.log.error("live: event failed", { tenantId: e.tenantId, error: String((err as Error)?.stack ?? err) }),
    );
  }

  /** After the LISTEN connection was lost: every local subscriber gets its current state once. */
  refreshAll(): void {
    this.stats.refreshes++;
    for (const t of this.tenants.values()) {
      this.publish({ tenantId: t.tenantId, userIds: [], groupIds: [], skuIds: [], auditEventIds: [], everything: true, refresh: true });
    }
    this.changed();
  }

  private tenant(id: string): TenantLive {
    let t = this.tenants.get(id);
    if (!t) this.tenants.set(id, (t = new TenantLive(id)));
    return t;
  }

  private enqueue(t: TenantLive, task: () => Promise<void>): Promise<void> {
    const run = t.queue.then(task);
    t.queue = run.catch(() => undefined).then(() => this.changed());
    return run;
  }

  private changed(): void {
    for (const w of [...this.watchers]) w();
  }

  /** The before of the first comparison, read in the tenant's queue so that no event falls between. */
  private async register(t: TenantLive, reg: Registration): Promise<void> {
    const lock = this.app.database.lock();
    await lock.run(async () => {
      const kinds = new Set([...t.regs.values()].map((r) => `${r.kind}:${r.kind === "myLicenseChanged" ? r.conn.userId : ""}`));
      if (kinds.has(`${reg.kind}:${reg.kind === "myLicenseChanged" ? reg.conn.userId : ""}`)) return;
      const sys = this.systemCtx(t.tenantId, await this.app.database.reader(t.tenantId).tenant(), lock);
      if (reg.kind === "myLicenseChanged") {
        const user = await sys.loaders.user.load(reg.conn.userId);
        if (user) t.seen.set(user.id, (await digests(sys, [user])).get(user.id)!);
      } else if (reg.kind === "tenantLicensesChanged") {
        t.pools = poolsDigest(await poolFigures(sys));
      } else if (reg.kind === "auditEventAdded") {
        const [last] = await sys.db.qb(AuditEvent, "e").select(["e.id"]).orderBy("e.id", "DESC").limit(1).getMany();
        t.lastAuditId = last?.id ?? "";
      }
    });
    t.regs.set(reg.id, reg);
    this.app.metrics.wsSubscriptions.inc();
  }

  private unregister(t: TenantLive, reg: Registration): void {
    if (!t.regs.delete(reg.id)) return;
    this.app.metrics.wsSubscriptions.dec();
    const left = [...t.regs.values()];
    if (reg.kind === "myLicenseChanged" && !left.some((r) => r.kind === reg.kind && r.conn.userId === reg.conn.userId)) t.seen.delete(reg.conn.userId);
    if (!left.some((r) => r.kind === "tenantLicensesChanged")) t.pools = undefined;
    if (!left.some((r) => r.kind === "auditEventAdded")) t.lastAuditId = undefined;
    this.changed();
  }

  /** A context that reads the tenant for the hub itself (the system principal: no user's permissions). */
  private systemCtx(tenantId: string, tenant: Tenant | null, lock: OperationLock): RequestContext {
    return systemContext(this.app, tenantId, tenant ?? undefined, lock);
  }

  /** One event of one tenant: a bounded number of statements whatever the number of subscribers (batched reads). */
  private async handle(t: TenantLive, e: LiveEvent): Promise<void> {
    this.stats.events++;
    if (!t.conns.size) return;
    const lock = this.app.database.lock();
    await lock.run(async () => {
      const db = this.app.database.reader(t.tenantId);
      const userIds = [...new Set([...t.conns].map((c) => c.userId))];
      // E2: permissions and accounts read again at every delivery: one statement for every subscriber of the tenant.
      const [tenant, users] = await Promise.all([db.tenant(), db.findIn(User, "id", userIds)]);
      const byId = new Map(users.filter((u) => u.accountEnabled && tenant).map((u) => [u.id, u]));
      for (const c of [...t.conns]) {
        if (byId.has(c.userId)) continue;
        c.close(CLOSE_FORBIDDEN, "The user is disabled or deleted.");
        this.disconnect(c);
      }
      if (!tenant || !t.regs.size) return;
      const sys = this.systemCtx(t.tenantId, tenant, lock);
      for (const u of byId.values()) sys.loaders.user.prime(u.id, u);
      const regs = [...t.regs.values()].filter((r) => byId.has(r.conn.userId));
      const principal = (u: User): Principal => ({ kind: "user", tenantId: t.tenantId, userId: u.id, user: u, roles: u.roles, tenant });
      const deliver = (r: Registration, value: unknown) => {
        const ctx = new RequestContext(this.app, principal(byId.get(r.conn.userId)!), { loaders: sys.loaders });
        this.stats.deliveries++;
        this.pubSub.publish(`live:${r.id}`, { value, ctx });
      };
      const readers = (kind: LiveKind) => regs.filter((r) => r.kind === kind && hasPermission(principal(byId.get(r.conn.userId)!), Permission.READ_TENANT));

      const mine = regs.filter((r) => r.kind === "myLicenseChanged");
      const requestReaders = readers("licenseRequestChanged");
      // V1: the requests the write opened or decided, read once for both kinds that need them.
      const requests = e.requestIds?.length && (requestReaders.length || mine.length)
        ? (await db.findIn(LicenseRequest, "id", e.requestIds)).sort((a, b) => (a.id < b.id ? -1 : 1))
        : [];
      // V1: a requester hears of the decision on their own request (myLicenseChanged), whatever else changed.
      const decidedFor = new Set(requests.filter((r) => r.status !== LicenseRequestStatus.PENDING).map((r) => r.requesterId));
      if (mine.length) {
        const wide = e.everything || e.groupIds.length > 0 || e.skuIds.length > 0;
        const touched = new Set(e.userIds);
        const candidates = [...new Set(mine.map((r) => r.conn.userId))].filter((u) => wide || touched.has(u) || decidedFor.has(u));
        const prints = await digests(sys, candidates.map((u) => byId.get(u)!));
        const changed = new Set(candidates.filter((u) => e.refresh || decidedFor.has(u) || prints.get(u) !== t.seen.get(u)));
        for (const [u, p] of prints) t.seen.set(u, p);
        for (const r of mine) if (changed.has(r.conn.userId)) deliver(r, byId.get(r.conn.userId));
      }

      const poolReaders = readers("tenantLicensesChanged");
      // Any write that moved users may have moved a pool's demand: one grouped count, and the comparison decides.
      if (poolReaders.length && (e.everything || e.skuIds.length || e.userIds.length || e.groupIds.length)) {
        const figures = await poolFigures(sys);
        const print = poolsDigest(figures);
        const changed = e.refresh || print !== t.pools;
        t.pools = print;
        if (changed) for (const r of poolReaders) deliver(r, figures);
      }

      // V1: each request as it is opened or decided, to the tenant's readers (a request whose requester was deleted is gone).
      for (const req of requests) for (const r of requestReaders) deliver(r, req);

      const auditReaders = readers("auditEventAdded");
      if (auditReaders.length && (e.refresh || e.auditEventIds.length)) {
        const events = e.refresh
          ? await db.qb(AuditEvent, "e").andWhere("e.id > :last", { last: t.lastAuditId ?? "" }).orderBy("e.id", "ASC").limit(100).getMany()
          : (await db.findIn(AuditEvent, "id", e.auditEventIds)).sort((a, b) => (a.id < b.id ? -1 : 1));
        for (const ev of events) {
          if (t.lastAuditId && ev.id <= t.lastAuditId) continue;
          for (const r of auditReaders) deliver(r, ev);
          t.lastAuditId = ev.id;
        }
      }
    });
  }
}
