import { Clock } from "../../domain/clock";
import { GroupUserMember, LicenseWant, SeatPool, Subscription } from "../entities";
import { TenantDb } from "../tenant-db";
import { Catalog } from "../catalog";
import { poolsMoved, seatDelta } from "../../domain/licensing/allocation";
import { TenantGraph } from "./graph";
import { prepaidUnits } from "../../domain/licensing/status";
import { DEFAULT_USAGE_LOCATION } from "../../domain/limits";
import { planSeatChange, SeatFacts, SeatPlan, WantRecompute } from "../../domain/licensing/seat-facts";

const namesGroups = (f: SeatFacts): boolean =>
  Boolean(f.membersAdded?.length || f.membersRemoved?.length) ||
  [f.sourcesAdded, f.sourcesRemoved, f.sourcesChanged].some((list) => list?.some((s) => s.groupIds?.length));

/** S5: the seats a SKU's prepaid subscriptions give now (enabled and in grace). */
function poolOf(subscriptions: Subscription[], skuId: string, now: Date): number {
  const u = prepaidUnits(subscriptions.filter((s) => s.skuId === skuId), now);
  return u.enabled + u.warning;
}

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
 * assignments, memberships or subscriptions inside a transaction and report the
 * facts of what they changed; `settle` derives whose wants to recompute from them
 * (planSeatChange) and rebalances; it all commits or rolls back with the mutation.
 */
export class SeatEngine {
  private graphCache?: TenantGraph;
  private subsCache?: Subscription[];
  readonly changes = new Map<string, SkuSeatChanges>();
  /** The queue position given to wants started by the last settle, per SKU: one per SKU and settle (S4 ties by user ID). */
  private readonly newSeq = new Map<string, number>();
  private defaultLocation?: string;
  /** Set when usage locations changed in this transaction: seat holders are checked against L3 again. */
  private recheck = false;

  constructor(private readonly tx: TenantDb, private readonly catalog: Catalog, private readonly clock: Clock) {}

  /**
   * After a step changed things in this transaction: brings wants in line with sources where the facts say they
   * may have moved (S1), drops those of deleted users, and rebalances every SKU (S4, S5, L3). The only way seats
   * move besides catchUp; what it moved is in `changes`.
   */
  async settle(facts: SeatFacts): Promise<SeatPlan> {
    // What the step changed is read again, and only that: nesting and group assignments when a fact names them,
    // subscriptions when a pool changed (a group assignment at 20,000 members read both twice).
    if (changesGraph(facts)) this.graphCache = undefined;
    if (facts.poolsChanged?.length) this.subsCache = undefined;
    this.newSeq.clear();
    // Nesting is read only when a fact names a group (a purchase or a deletion of a user needs none).
    const graph = namesGroups(facts) ? await this.graph() : undefined;
    const plan = planSeatChange(facts, (g) => graph?.descendants(g) ?? [g]);
    if (plan.recheckLocations) {
      // L3: the next rebalance takes seats from users now prohibited.
      this.recheck = true;
      this.defaultLocation = undefined;
    }
    if (plan.dropWantsOf.length) await this.dropWants(plan.dropWantsOf);
    for (const pass of plan.recompute) await this.recomputeWants(pass);
    await this.rebalance();
    return plan;
  }

  async graph(): Promise<TenantGraph> {
    return (this.graphCache ??= await TenantGraph.load(this.tx));
  }

  async subscriptions(): Promise<Subscription[]> {
    return (this.subsCache ??= await this.tx.find(Subscription, { isTrial: false }));
  }

  async pool(skuId: string): Promise<number> {
    return poolOf(await this.subscriptions(), skuId, this.clock.now());
  }

  async holds(userId: string, skuId: string): Promise<boolean> {
    return Boolean((await this.tx.findOne(LicenseWant, { userId, skuId }))?.holdsSeat);
  }

  async held(skuId: string): Promise<number> {
    return this.tx.count(LicenseWant, { skuId, holdsSeat: true });
  }

  /** S3: seats nobody holds. A read: after catchUp the pools are in order, so they are pool − held. */
  async freeSeats(skuId: string): Promise<number> {
    return Math.max(0, (await this.pool(skuId)) - (await this.held(skuId)));
  }

  /** Users directly in `groupId` or in any group nested in it. */
  async transitiveUsers(groupId: string): Promise<string[]> {
    const groups = [...(await this.graph()).descendants(groupId)];
    const rows = await this.tx.findIn(GroupUserMember, "groupId", groups);
    return [...new Set(rows.map((r) => r.userId))];
  }

  /**
   * Bring the wants of the candidate users in line with their sources (S1):
   * a want ends when its last source goes, and new wants queue last (S4).
   * Set-based: a handful of statements per SKU whatever the number of users.
   */
  private async recomputeWants(c: WantRecompute): Promise<void> {
    const tx = this.tx;
    // Named users and groups' members are two passes: each is one semi-join the planner handles well.
    // `within` restricts a column to the candidates; `members` lists them.
    const parts: { within: (col: string) => string; members: string }[] = [];
    if (c.userIds?.length) {
      parts.push({ within: (col) => tx.inList(col, "cu"), members: `SELECT au.id AS u FROM app_user au WHERE au.tenant_id = :tid AND ${tx.inList("au.id", "cu")}` });
    }
    if (c.groupIds?.length) {
      const inGroups = tx.inList("cm.group_id", "cg");
      parts.push({
        within: (col) => `${col} IN (SELECT cm.user_id FROM group_user_member cm WHERE cm.tenant_id = :tid AND ${inGroups})`,
        members: `SELECT DISTINCT cm.user_id AS u FROM group_user_member cm WHERE cm.tenant_id = :tid AND ${inGroups}`,
      });
    }
    if (!parts.length) return;
    const graph = await this.graph();
    const now = this.clock.now().getTime();
    const everyone = c.only === "start" && c.reachesAll === true;
    for (const sku of this.catalog.assignable().filter((s) => c.skuIds === null || c.skuIds.includes(s.id))) {
      // Groups whose members want the SKU: those it is assigned to, and every group nested in them.
      const licensed = new Set<string>();
      if (!everyone) for (const g of graph.groupsAssigned(sku.id)) for (const d of graph.descendants(g)) licensed.add(d);
      const params = { sku: sku.id, cu: tx.list(c.userIds), cg: tx.list(c.groupIds), lg: tx.list([...licensed]) };
      const seq = this.newSeq.get(sku.id) ?? (await this.nextSeq(sku.id));
      for (const part of parts) {
        const inCandidates = part.within;
        // Driven by the sources (memberships of licensed groups, direct assignments), not by every user of the tenant;
        // when the new source reaches every candidate, the candidates themselves.
        const bySource = everyone
          ? part.members
          : [
              `SELECT da.user_id AS u FROM user_license_assignment da WHERE da.tenant_id = :tid AND da.sku_id = :sku AND ${inCandidates("da.user_id")}`,
              ...(licensed.size ? [`SELECT gm.user_id AS u FROM group_user_member gm WHERE gm.tenant_id = :tid AND ${tx.inList("gm.group_id", "lg")} AND ${inCandidates("gm.user_id")}`] : []),
            ].join(" UNION ");
        if (c.only !== "start") {
          // One statement: RETURNING names the ended wants, and whether they held a seat, for the audit event.
          const ended = await tx.sql<{ user_id: string; holds_seat: boolean | number }>(
            `DELETE FROM license_want
             WHERE tenant_id = :tid AND sku_id = :sku AND ${inCandidates("user_id")} AND user_id NOT IN (${bySource})
             RETURNING user_id, holds_seat`,
            params,
          );
          this.changesOf(sku.id).released.push(...ended.filter((r) => Boolean(r.holds_seat)).map((r) => r.user_id));
        }
        if (c.only === "end") continue;
        await tx.sql(
          // V4: idle_since starts as wanted_since (the later of it and the user's last activity, which is not after now).
          `INSERT INTO license_want (user_id, sku_id, tenant_id, want_seq, wanted_since, holds_seat, updated_at, idle_since)
           SELECT s.u, CAST(:sku AS VARCHAR(64)), CAST(:tid AS VARCHAR(64)), CAST(:seq AS INTEGER), CAST(:now AS BIGINT), CAST(:free AS BOOLEAN), CAST(:now AS BIGINT), CAST(:now AS BIGINT)
           FROM (${bySource}) s
           WHERE NOT EXISTS (SELECT 1 FROM license_want x WHERE x.tenant_id = :tid AND x.sku_id = :sku AND x.user_id = s.u)`,
          { ...params, seq, now, free: false },
        );
      }
      this.newSeq.set(sku.id, seq);
    }
  }

  /** U2, D7: forget every want of users being deleted. */
  private async dropWants(userIds: string[]): Promise<void> {
    for (const w of await this.tx.findIn(LicenseWant, "userId", userIds, { holdsSeat: true })) this.changesOf(w.skuId).released.push(w.userId);
    await this.tx.deleteIn(LicenseWant, "userId", userIds);
  }

  /**
   * P6 before a change: rebalance only the SKUs whose pool time has moved since their last allocation. Every
   * write ends with a full rebalance, so a SKU whose pool is still the one it was allocated for is in order.
   */
  async catchUp(): Promise<void> {
    const [allocated, subscriptions] = await Promise.all([this.tx.find(SeatPool), this.subscriptions()]);
    const moved = poolsMoved(this.catalog.assignable().map((s) => s.id), allocated, (skuId) => poolOf(subscriptions, skuId, this.clock.now()));
    if (moved.length) await this.rebalance(moved);
  }

  /**
   * S4/S5: restore "holders = the first `pool` wanters in queue order" after
   * wants or the pool changed: grant from the head of the waiting queue, or
   * revoke from the most recent holders.
   */
  async rebalance(skuIds: string[] = this.catalog.assignable().map((s) => s.id)): Promise<void> {
    const now = this.clock.now().getTime();
    for (const skuId of skuIds) {
      const pool = await this.pool(skuId);
      const c = this.changesOf(skuId);
      // L3: a holder whose location became prohibited gives the seat to the next in line; their want stays queued.
      if (this.recheck) c.revoked.push(...(await this.revokeProhibited(skuId, now)));
      const { grant, revoke } = seatDelta(pool, await this.held(skuId));
      if (revoke) c.revoked.push(...(await this.move(skuId, true, "DESC", revoke, now)));
      if (grant) c.granted.push(...(await this.move(skuId, false, "ASC", grant, now)));
      const seq = this.newSeq.get(skuId);
      if (seq !== undefined) {
        // Wants started by this change that the pool could not serve: COUNT_VIOLATION.
        const waiting = await this.tx.sql<{ user_id: string }>(
          `SELECT user_id FROM license_want WHERE tenant_id = :tid AND sku_id = :sku AND want_seq = :seq AND holds_seat = :free`,
          { sku: skuId, seq, free: false },
        );
        c.waiting = waiting.map((r) => r.user_id);
      }
      await this.savePool(skuId, { allocatedPool: pool });
    }
  }

  /** Seat changes for the audit log: IDs (at most 100 each) and counts, by part number; only the users `keep` accepts. */
  auditSummary(keep: (userId: string) => boolean = () => true): Record<string, unknown> | undefined {
    const out: Record<string, unknown> = {};
    for (const [skuId, moves] of this.netMoves()) {
      const only = (ids: Set<string>) => new Set([...ids].filter(keep));
      const granted = only(moves.granted);
      const taken = only(moves.taken);
      const stillWaiting = only(moves.stillWaiting);
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

  /** K8: for a bulk change's per-user events, each of `userIds`' own seat changes in auditSummary's shape, in one pass. */
  auditSummaryByUser(userIds: readonly string[]): Map<string, Record<string, unknown>> {
    const targets = new Set(userIds);
    const own = new Map<string, Record<string, unknown>>();
    const one = (has: boolean, u: string) => ({ count: has ? 1 : 0, userIds: has ? [u] : [] });
    for (const [skuId, moves] of this.netMoves()) {
      const part = this.catalog.sku(skuId)?.partNumber ?? skuId;
      const touched = new Set([...moves.granted, ...moves.taken, ...moves.stillWaiting].filter((u) => targets.has(u)));
      for (const u of touched) {
        const summary = own.get(u) ?? {};
        summary[part] = { granted: one(moves.granted.has(u), u), revoked: one(moves.taken.has(u), u), countViolation: one(moves.stillWaiting.has(u), u) };
        own.set(u, summary);
      }
    }
    return own;
  }

  /** Per SKU, what the change did to each user's seat, net: a seat taken and given back to the same user within one change is no change for them. */
  private netMoves(): Map<string, { granted: Set<string>; taken: Set<string>; stillWaiting: Set<string> }> {
    const out = new Map<string, { granted: Set<string>; taken: Set<string>; stillWaiting: Set<string> }>();
    for (const [skuId, c] of this.changes) {
      const granted = new Set(c.granted);
      const taken = new Set([...c.revoked, ...c.released]);
      const both = new Set([...granted].filter((u) => taken.has(u)));
      for (const u of both) (granted.delete(u), taken.delete(u));
      const stillWaiting = new Set([...c.waiting, ...c.revoked].filter((u) => !granted.has(u) && !both.has(u)));
      out.set(skuId, { granted, taken, stillWaiting });
    }
    return out;
  }

  private changesOf(skuId: string): SkuSeatChanges {
    let c = this.changes.get(skuId);
    if (!c) this.changes.set(skuId, (c = { granted: [], revoked: [], released: [], waiting: [] }));
    return c;
  }

  /** L1: the tenant's default usage location, read once per transaction (until recheckLocations). */
  async defaultUsageLocation(): Promise<string> {
    return (this.defaultLocation ??=
      (await this.tx.sql<{ l: string }>(`SELECT default_usage_location AS l FROM tenant WHERE id = :tid`))[0]?.l ?? DEFAULT_USAGE_LOCATION);
  }

  /** L3: `AND <users of the queue row not prohibited>` for a SKU with unavailable countries, with its parameters. */
  private async allowedOnly(skuId: string, want: "q.user_id"): Promise<[string, Record<string, unknown>]> {
    const blocked = this.catalog.sku(skuId)?.unavailableInCountries ?? [];
    if (!blocked.length) return ["", {}];
    const defaultLocation = await this.defaultUsageLocation();
    return [
      ` AND NOT EXISTS (SELECT 1 FROM app_user pu WHERE pu.tenant_id = :tid AND pu.id = ${want} AND ${this.tx.inList("COALESCE(pu.usage_location, :defloc)", "blocked")})`,
      { defloc: defaultLocation, blocked: this.tx.list(blocked) },
    ];
  }

  private async revokeProhibited(skuId: string, now: number): Promise<string[]> {
    const [allowed, params] = await this.allowedOnly(skuId, "q.user_id");
    if (!allowed) return [];
    const ids = (
      await this.tx.sql<{ user_id: string }>(
        `SELECT q.user_id FROM license_want q WHERE q.tenant_id = :tid AND q.sku_id = :sku AND q.holds_seat = :on AND NOT (1 = 1${allowed})`,
        { sku: skuId, on: true, ...params },
      )
    ).map((r) => r.user_id);
    if (ids.length) {
      await this.tx.sql(`UPDATE license_want SET holds_seat = :to, updated_at = :now WHERE tenant_id = :tid AND sku_id = :sku AND ${this.tx.inList("user_id", "ids")}`, {
        sku: skuId, to: false, now, ids: this.tx.list(ids),
      });
    }
    return ids;
  }

  /** Flips `n` seats at one end of the queue: the head of the waiting (never users whose location is prohibited, L3), or the tail of the holders. */
  private async move(skuId: string, fromHolding: boolean, dir: "ASC" | "DESC", n: number, now: number): Promise<string[]> {
    // Free seats with nobody waiting are common; the L3 check below would still read the tenant's users to find nobody.
    if (!fromHolding && !(await this.anyWaiting(skuId))) return [];
    const [allowed, params] = fromHolding ? ["", {}] : await this.allowedOnly(skuId, "q.user_id");
    const ids = (
      await this.tx.sql<{ user_id: string }>(
        `SELECT q.user_id FROM license_want q WHERE q.tenant_id = :tid AND q.sku_id = :sku AND q.holds_seat = :from${allowed}
         ORDER BY q.want_seq ${dir}, q.user_id ${dir} LIMIT :n`,
        { sku: skuId, from: fromHolding, n, ...params },
      )
    ).map((r) => r.user_id);
    // By primary key, the IDs as one list parameter: a plan that does not depend on the tables' statistics
    // (an UPDATE … WHERE user_id IN (SELECT … LIMIT n) ran for minutes on an unanalyzed PostgreSQL table).
    if (ids.length) {
      await this.tx.sql(`UPDATE license_want SET holds_seat = :to, updated_at = :now WHERE tenant_id = :tid AND sku_id = :sku AND ${this.tx.inList("user_id", "ids")}`, {
        sku: skuId, to: !fromHolding, now, ids: this.tx.list(ids),
      });
    }
    return ids;
  }

  private async anyWaiting(skuId: string): Promise<boolean> {
    const rows = await this.tx.sql(`SELECT 1 AS w FROM license_want WHERE tenant_id = :tid AND sku_id = :sku AND holds_seat = :free LIMIT 1`, { sku: skuId, free: false });
    return rows.length > 0;
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

/** Whether the facts change the tenant's graph as TenantGraph reads it: group assignments, nestings, groups. */
function changesGraph(f: SeatFacts): boolean {
  const groupSources = [...(f.sourcesAdded ?? []), ...(f.sourcesRemoved ?? []), ...(f.sourcesChanged ?? [])].some((x) => x.groupIds?.length);
  const nestings = [...(f.membersAdded ?? []), ...(f.membersRemoved ?? [])].some((m) => m.groupIds?.length);
  return groupSources || nestings || Boolean(f.groupsDeleted?.length);
}
