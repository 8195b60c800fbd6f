/**
 * Issue 21: a seat-changing step says what it changed (facts); what the seat engine recomputes is derived here,
 * so no caller can get it wrong. A want depends on the user's sources only (S1), so a fact reaches exactly the
 * users whose sources it changed, and whether it can start or end wants follows from its kind.
 */

/** Sources of one SKU: users' direct assignments and groups' assignments. */
export interface SourceFact {
  skuId: string;
  userIds?: readonly string[];
  groupIds?: readonly string[];
}

/** Direct members of one group: users, and groups nested in it. */
export interface MembershipFact {
  groupId: string;
  userIds?: readonly string[];
  groupIds?: readonly string[];
}

export interface SeatFacts {
  sourcesAdded?: readonly SourceFact[];
  sourcesRemoved?: readonly SourceFact[];
  /** Sources that stay but whose disabled plans changed (S7): no want changes, the reads of whom they reach do. */
  sourcesChanged?: readonly SourceFact[];
  membersAdded?: readonly MembershipFact[];
  membersRemoved?: readonly MembershipFact[];
  /** Users gone from the tenant (deleted, or a directory's tombstone): their wants go. */
  usersDeleted?: readonly string[];
  /** Groups gone from the tenant; their memberships, nestings and sources are reported as facts of their own. */
  groupsDeleted?: readonly string[];
  /** SKUs whose pool changed (subscriptions bought, resized, cancelled). */
  poolsChanged?: readonly string[];
  /** Users whose usage location changed, or the tenant's default (which moves everyone without one of their own). */
  locationsChanged?: { userIds?: readonly string[]; tenantDefault?: boolean };
}

export type SeatRule = "S1" | "S4" | "S5" | "S7" | "S13" | "L3" | "U2" | "D7" | "G2" | "P7";

/** One recompute pass of the engine: the candidates' wants of some SKUs brought in line with their sources. */
export interface WantRecompute {
  /** Why: the rules the derivation relied on. */
  rules: SeatRule[];
  userIds: string[];
  /** Everyone directly in these groups (already expanded through nesting). */
  groupIds: string[];
  /** null: every assignable SKU (a membership reaches whatever its groups grant). */
  skuIds: string[] | null;
  /** What the facts can do to these wants: only start them (a source came), only end them (one went). */
  only: "start" | "end";
  /** With only "start": the new source reaches every candidate, so each one without a want gets one unchecked. */
  reachesAll: boolean;
}

export interface SeatPlan {
  recompute: WantRecompute[];
  /** U2, D7: users whose wants are dropped outright. */
  dropWantsOf: string[];
  /** L3: seat holders are checked against their location again. */
  recheckLocations: boolean;
  /** Whose reads changed without a want changing (S7 plans, L3 locations): for the write's report. */
  touchedUserIds: string[];
  touchedGroupIds: string[];
  poolsChanged: string[];
}

/**
 * Facts → what to recompute. `reach(g)` is the group and every group nested in it, read AFTER the change: a user
 * whose path to a licensed group changed is under the last edge of that path the step added or removed (or is a
 * member it added or removed), and that edge's lower end keeps its subtree after the change.
 */
export function planSeatChange(facts: SeatFacts, reach: (groupId: string) => Iterable<string>): SeatPlan {
  const deletedUsers = new Set(facts.usersDeleted ?? []);
  const deletedGroups = new Set(facts.groupsDeleted ?? []);
  const users = (ids: readonly string[] | undefined) => (ids ?? []).filter((u) => !deletedUsers.has(u));
  const below = (ids: readonly string[] | undefined) => {
    const out = new Set<string>();
    for (const g of ids ?? []) for (const d of reach(g)) if (!deletedGroups.has(d)) out.add(d);
    return [...out];
  };
  const passes = new Map<string, WantRecompute>();
  const add = (p: WantRecompute) => {
    if (!p.userIds.length && !p.groupIds.length) return;
    const key = `${p.only}|${p.reachesAll}|${p.skuIds?.join(",") ?? "*"}`;
    const same = passes.get(key);
    if (!same) return void passes.set(key, { ...p, rules: [...p.rules] });
    same.userIds = [...new Set([...same.userIds, ...p.userIds])];
    same.groupIds = [...new Set([...same.groupIds, ...p.groupIds])];
    same.rules = [...new Set([...same.rules, ...p.rules])];
  };
  for (const s of facts.sourcesAdded ?? []) {
    // S1: a want starts with its first source, queued last (S4); a direct source reaches its user, a group's
    // everyone in it and in the groups nested in it (S13): no source needs checking.
    add({ rules: ["S1", "S4"], userIds: users(s.userIds), groupIds: [], skuIds: [s.skuId], only: "start", reachesAll: true });
    add({ rules: ["S1", "S4", "S13"], userIds: [], groupIds: below(s.groupIds), skuIds: [s.skuId], only: "start", reachesAll: true });
  }
  for (const s of facts.sourcesRemoved ?? []) {
    // S1, S5: a want ends with its last source; the candidates may keep it through another one, so sources are checked.
    add({ rules: ["S1", "S5"], userIds: users(s.userIds), groupIds: [], skuIds: [s.skuId], only: "end", reachesAll: false });
    add({ rules: ["S1", "S5", "S13"], userIds: [], groupIds: below(s.groupIds), skuIds: [s.skuId], only: "end", reachesAll: false });
  }
  // A membership reaches whatever the group and the groups it is nested in grant: every SKU, sources checked.
  for (const m of facts.membersAdded ?? []) {
    add({ rules: ["S1", "S4"], userIds: users(m.userIds), groupIds: [], skuIds: null, only: "start", reachesAll: false });
    add({ rules: ["S1", "S4", "S13"], userIds: [], groupIds: below(m.groupIds), skuIds: null, only: "start", reachesAll: false });
  }
  for (const m of facts.membersRemoved ?? []) {
    add({ rules: ["S1", "S5"], userIds: users(m.userIds), groupIds: [], skuIds: null, only: "end", reachesAll: false });
    add({ rules: ["S1", "S5", "S13"], userIds: [], groupIds: below(m.groupIds), skuIds: null, only: "end", reachesAll: false });
  }
  const touchedUsers = new Set<string>();
  const touchedGroups = new Set<string>();
  for (const s of facts.sourcesChanged ?? []) {
    // S7: the enabled plans of whom the source reaches changed; their wants did not.
    for (const u of users(s.userIds)) touchedUsers.add(u);
    for (const g of below(s.groupIds)) touchedGroups.add(g);
  }
  for (const u of users(facts.locationsChanged?.userIds)) touchedUsers.add(u);
  return {
    // Unchecked passes first: a source added and removed again within the step is then ended by the checked pass after.
    recompute: [...passes.values()].sort((a, b) => Number(b.reachesAll) - Number(a.reachesAll)),
    dropWantsOf: [...deletedUsers],
    recheckLocations: Boolean(facts.locationsChanged?.userIds?.length || facts.locationsChanged?.tenantDefault),
    touchedUserIds: [...touchedUsers],
    touchedGroupIds: [...touchedGroups],
    poolsChanged: [...new Set(facts.poolsChanged ?? [])],
  };
}
