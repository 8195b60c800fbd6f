import { Clock } from "../clock";
import { GroupUserMember, LicenseWant, SeatPool, Subscription, UserLicenseAssignment } from "../entities";
import { TenantDb } from "../db/tenant-db";
import { Catalog } from "../modules/catalog/catalog";
import { seatDelta } from "./allocation";
import { TenantGraph } from "./graph";
import { prepaidUnits } from "./status";
import { push } from "../util";

export interface SkuSeatChanges {
  granted: string[];
  /** Seats taken from users who still want the SKU (the pool shrank): they are now COUNT_VIOLATION. */
  revoked: string[];
  /** Seats given back because the user no longer wants the SKU (last source gone, user deleted). */
  released: string[];
  /** Users whose want started in this change but who got no seat (COUNT_VIOLATION). */
  waiting: string[];
}

/**
 * The one place that persists seat allocation (S1–S5). Services change
 * assignments, memberships or subscriptions inside a transaction, then ask the
 * engine to recompute the wants of the users they touched and to rebalance;
 * it all commits or rolls back with the mutation.
 */
export class SeatEngine {
  private graphCache?: TenantGraph;
  private subsCache?: Subscription[];
  readonly changes = new Map<string, SkuSeatChanges>();

  constructor(private readonly tx: TenantDb, private readonly catalog: Catalog, private readonly clock: Clock) {}

  /** Call after changing nesting or group assignments in this transaction. */
  invalidate(): void {
    this.graphCache = undefined;
    this.subsCache = undefined;
  }

  async graph(): Promise<TenantGraph> {
    return (this.graphCache ??= await TenantGraph.load(this.tx));
  }

  async subscriptions(): Promise<Subscription[]> {
    return (this.subsCache ??= await this.tx.find(Subscription, { isTrial: false }));
  }

  async pool(skuId: string): Promise<number> {
    const u = prepaidUnits((await this.subscriptions()).filter((s) => s.skuId === skuId), this.clock.now());
    return u.enabled + u.warning;
  }

  async held(skuId: string): Promise<number> {
    return this.tx.count(LicenseWant, { skuId, holdsSeat: true });
  }

  async freeSeats(skuId: string): Promise<number> {
    await this.rebalance([skuId]);
    return Math.max(0, (await this.pool(skuId)) - (await this.held(skuId)));
  }

  /** Users directly in `groupId` or in any group nested in it. */
  async transitiveUsers(groupId: string): Promise<string[]> {
    const groups = [...(await this.graph()).descendants(groupId)];
    const rows = await this.tx.findIn(GroupUserMember, "groupId", groups);
    return [...new Set(rows.map((r) => r.userId))];
  }

  /** The SKUs each of `userIds` should want now (S1), from direct and (nested) group assignments. */
  async desiredWants(userIds: string[]): Promise<Map<string, Set<string>>> {
    const graph = await this.graph();
    const want = new Map<string, Set<string>>(userIds.map((u) => [u, new Set<string>()]));
    for (const a of await this.tx.findIn(UserLicenseAssignment, "userId", userIds)) want.get(a.userId)?.add(a.skuId);
    if (graph.hasAnyAssignment()) {
      const skusVia = new Map<string, string[]>();
      const skusOfGroup = (g: string) => {
        let s = skusVia.get(g);
        if (!s) {
          const all = new Set<string>();
          for (const ancestor of graph.chainsFrom(g).keys()) for (const a of graph.assignmentsOf(ancestor)) all.add(a.skuId);
          skusVia.set(g, (s = [...all]));
        }
        return s;
      };
      for (const m of await this.tx.findIn(GroupUserMember, "userId", userIds)) {
        const set = want.get(m.userId);
        if (set) for (const sku of skusOfGroup(m.groupId)) set.add(sku);
      }
    }
    return want;
  }

  /** Bring the wants of `userIds` in line with their sources; new wants queue last (S4). */
  async recomputeWants(userIds: string[]): Promise<void> {
    if (userIds.length === 0) return;
    const desired = await this.desiredWants(userIds);
    const existing = await this.tx.findIn(LicenseWant, "userId", userIds);
    const have = new Set(existing.map((w) => `${w.userId}|${w.skuId}`));
    const endedBySku = new Map<string, string[]>();
    for (const w of existing) {
      if (desired.get(w.userId)?.has(w.skuId)) continue;
      push(endedBySku, w.skuId, w.userId);
      if (w.holdsSeat) this.changesOf(w.skuId).released.push(w.userId);
    }
    const startedBySku = new Map<string, string[]>();
    for (const [userId, skus] of desired) for (const sku of skus) if (!have.has(`${userId}|${sku}`)) push(startedBySku, sku, userId);
    for (const [skuId, users] of endedBySku) await this.tx.deleteIn(LicenseWant, "userId", users, { skuId });
    const now = this.clock.now();
    for (const [skuId, users] of startedBySku) {
      const seq = await this.nextSeq(skuId);
      users.sort();
      await this.tx.insert(LicenseWant, users.map((userId) => ({ userId, skuId, wantSeq: seq, wantedSince: now, holdsSeat: false, updatedAt: now })));
      this.changesOf(skuId).waiting.push(...users);
    }
  }

  /** Forget every want of users being deleted. */
  async dropWants(userIds: string[]): Promise<void> {
    for (const w of await this.tx.findIn(LicenseWant, "userId", userIds, { holdsSeat: true })) this.changesOf(w.skuId).released.push(w.userId);
    await this.tx.deleteIn(LicenseWant, "userId", userIds);
  }

  /**
   * S4/S5: restore "holders = the first `pool` wanters in queue order" after
   * wants or the pool changed: grant from the head of the waiting queue, or
   * revoke from the most recent holders.
   */
  async rebalance(skuIds: string[] = this.catalog.assignable().map((s) => s.id)): Promise<void> {
    const now = this.clock.now();
    for (const skuId of skuIds) {
      const pool = await this.pool(skuId);
      const { grant, revoke } = seatDelta(pool, await this.held(skuId));
      const c = this.changesOf(skuId);
      if (revoke) {
        const ids = await this.queue(skuId, true, "DESC", revoke);
        await this.tx.updateIn(LicenseWant, "userId", ids, { skuId }, { holdsSeat: false, updatedAt: now });
        c.revoked.push(...ids);
      }
      if (grant) {
        const ids = await this.queue(skuId, false, "ASC", grant);
        if (ids.length) await this.tx.updateIn(LicenseWant, "userId", ids, { skuId }, { holdsSeat: true, updatedAt: now });
        c.granted.push(...ids);
        const got = new Set(ids);
        c.waiting = c.waiting.filter((u) => !got.has(u));
      }
      await this.savePool(skuId, { allocatedPool: pool });
    }
  }

  /** Seat changes for the audit log: IDs (at most 100 each) and counts, by part number. */
  auditSummary(): Record<string, unknown> | undefined {
    const out: Record<string, unknown> = {};
    for (const [skuId, c] of this.changes) {
      // A seat taken and given back to the same user within one change is no change for them.
      const granted = new Set(c.granted);
      const taken = new Set([...c.revoked, ...c.released]);
      const both = new Set([...granted].filter((u) => taken.has(u)));
      for (const u of both) (granted.delete(u), taken.delete(u));
      const stillWaiting = new Set([...c.waiting, ...c.revoked].filter((u) => !granted.has(u) && !both.has(u)));
      if (!granted.size && !taken.size && !stillWaiting.size) continue;
      const list = (ids: Set<string>) => ({ count: ids.size, userIds: [...ids].slice(0, 100) });
      out[this.catalog.sku(skuId)?.partNumber ?? skuId] = {
        granted: list(granted),
        revoked: list(taken),
        countViolation: list(stillWaiting),
      };
    }
    return Object.keys(out).length ? out : undefined;
  }

  private changesOf(skuId: string): SkuSeatChanges {
    let c = this.changes.get(skuId);
    if (!c) this.changes.set(skuId, (c = { granted: [], revoked: [], released: [], waiting: [] }));
    return c;
  }

  private async queue(skuId: string, holdsSeat: boolean, dir: "ASC" | "DESC", limit: number): Promise<string[]> {
    const rows = await this.tx
      .qb(LicenseWant, "w")
      .select("w.userId", "userId")
      .andWhere("w.skuId = :skuId", { skuId })
      .andWhere("w.holdsSeat = :holdsSeat", { holdsSeat })
      .orderBy("w.wantSeq", dir)
      .addOrderBy("w.userId", dir)
      .limit(limit)
      .getRawMany<{ userId: string }>();
    return rows.map((r) => r.userId);
  }

  private async nextSeq(skuId: string): Promise<number> {
    const row = await this.tx.findOne(SeatPool, { skuId });
    const seq = (row?.wantSeq ?? 0) + 1;
    await this.savePool(skuId, { wantSeq: seq }, row);
    return seq;
  }

  private async savePool(skuId: string, patch: Partial<SeatPool>, known?: SeatPool | null): Promise<void> {
    const row = known === undefined ? await this.tx.findOne(SeatPool, { skuId }) : known;
    if (row) await this.tx.update(SeatPool, { skuId }, patch);
    else await this.tx.insert(SeatPool, [{ skuId, allocatedPool: 0, wantSeq: 0, ...patch }]);
  }
}

