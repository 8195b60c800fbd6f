import type { SignInRow } from "./sign-in";

/** How far the cache may be believed (DESIGN §6 I1). */
export type RowCacheTrust = "off" | "bypassed" | "catching-up" | "trusted";

/** The cache's default size: rows of signed-in users, across tenants (about 1 KB each). */
export const MAX_CACHED_ROWS = 50_000;

/**
 * I1: per instance, the caller's sign-in row (the user with their tenant and its state version), so that a
 * warm request is admitted without SQL. An entry is answered only while the instance is sure to hear of every
 * change: on SQLite (one process) always, as the committing write drops it; on PostgreSQL while the LISTEN
 * connection is up and has caught up after its last loss. Every commit of a tenant bumps its state_version,
 * so a commit drops the whole tenant's entries (whatever it touched: roles, account, deletion, the tenant row).
 *
 * A read that started before a drop (or before a change of trust) must not put what it read: `epoch` counts
 * drops and changes, a read captures it first, and `put` refuses a row read under an older epoch.
 */
export class RowCache {
  private readonly tenants = new Map<string, { version: number; users: Map<string, SignInRow> }>();
  private size = 0;
  private epochValue = 0;
  private trustValue: RowCacheTrust;
  /** Each loss and each catch-up is a round: only the latest catch-up may turn the cache trusted. */
  private round = 0;
  /** For the benchmark, the tests and the metrics. */
  readonly stats = { hits: 0, misses: 0, bypassed: 0, drops: 0 };

  constructor(enabled: boolean, needsListener: boolean, private readonly maxRows = MAX_CACHED_ROWS) {
    this.trustValue = !enabled ? "off" : needsListener ? "bypassed" : "trusted";
  }

  get trust(): RowCacheTrust {
    return this.trustValue;
  }

  get epoch(): number {
    return this.epochValue;
  }

  get rows(): number {
    return this.size;
  }

  /** The cached row, only while trusted. */
  get(oid: string, tid: string): SignInRow | undefined {
    if (this.trustValue !== "trusted") {
      if (this.trustValue !== "off") this.stats.bypassed++;
      return undefined;
    }
    const row = this.tenants.get(tid)?.users.get(oid);
    if (row) this.stats.hits++;
    else this.stats.misses++;
    return row;
  }

  /** A row read from the database after `epoch` was captured; kept only if nothing was dropped meanwhile. */
  put(oid: string, tid: string, row: SignInRow, epoch: number): void {
    if (this.trustValue !== "trusted" || epoch !== this.epochValue) return;
    const version = Number(row.t_version);
    let t = this.tenants.get(tid);
    if (t && t.version !== version) {
      // Rows of one entry are of one tenant state; a newer one replaces them, an older one is not kept.
      if (version < t.version) return;
      this.dropTenant(tid);
      t = undefined;
    }
    if (!t) this.tenants.set(tid, (t = { version, users: new Map() }));
    if (!t.users.has(oid)) this.size++;
    t.users.set(oid, row);
    while (this.size > this.maxRows) this.evictOne();
  }

  /** A commit of this tenant (on this instance, or heard from another): its entries go, and reads under way are not kept. */
  dropTenant(tid: string): void {
    this.epochValue++;
    const t = this.tenants.get(tid);
    if (!t) return;
    this.stats.drops++;
    this.size -= t.users.size;
    this.tenants.delete(tid);
  }

  clear(): void {
    this.epochValue++;
    this.tenants.clear();
    this.size = 0;
  }

  /** The LISTEN connection is down: nothing cached is answered, nothing read is kept. */
  bypass(): void {
    if (this.trustValue === "off") return;
    this.epochValue++;
    this.round++;
    this.trustValue = "bypassed";
  }

  /**
   * The LISTEN connection is up (again): commits from now on will be heard. Commits made while it was down were
   * not: `currentVersions` reads the state version of the cached tenants, and only a tenant whose version has not
   * moved keeps its entries. Until that answers the cache stays bypassed; if it fails, everything goes.
   */
  async catchUp(currentVersions: (tenantIds: string[]) => Promise<Map<string, number>>): Promise<{ kept: number; dropped: number }> {
    if (this.trustValue === "off") return { kept: 0, dropped: 0 };
    this.epochValue++;
    const round = ++this.round;
    this.trustValue = "catching-up";
    const ids = [...this.tenants.keys()];
    let kept = 0;
    let dropped = 0;
    try {
      const current = ids.length ? await currentVersions(ids) : new Map<string, number>();
      for (const id of ids) {
        const t = this.tenants.get(id);
        if (!t) continue;
        if (current.get(id) === t.version) kept++;
        else {
          this.dropTenant(id);
          dropped++;
        }
      }
    } catch {
      dropped = this.tenants.size;
      this.clear();
    }
    // Lost again meanwhile: stay bypassed; the next reconnection catches up.
    if (this.trustValue === "catching-up" && round === this.round) {
      this.epochValue++;
      this.trustValue = "trusted";
    }
    return { kept, dropped };
  }

  private evictOne(): void {
    const first = this.tenants.entries().next().value;
    if (!first) return;
    const [tid, t] = first;
    const oid = t.users.keys().next().value;
    if (oid === undefined) {
      this.tenants.delete(tid);
      return;
    }
    t.users.delete(oid);
    this.size--;
    if (!t.users.size) this.tenants.delete(tid);
  }
}
