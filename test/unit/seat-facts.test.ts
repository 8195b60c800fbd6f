import fc from "fast-check";
import { MembershipFact, planSeatChange, SeatFacts, SeatPlan, SourceFact } from "../../src/domain/licensing/seat-facts";

/**
 * Issue 21: steps report facts, planSeatChange derives what the seat engine recomputes. The examples name the rule
 * each derivation rests on; the property checks that applying the derived passes to the wants before any change
 * gives exactly the wants S1 defines after it, so a derivation that misses a user, a SKU or a direction fails.
 */

// A small tenant: g0 ⊃ g1 ⊃ g2 (nested), g3 alone.
const CHILDREN: Record<string, string[]> = { g0: ["g1"], g1: ["g2"], g2: [], g3: [] };
const reach = (g: string): Set<string> => {
  const out = new Set([g]);
  for (const c of CHILDREN[g] ?? []) for (const d of reach(c)) out.add(d);
  return out;
};
const plan = (facts: SeatFacts) => planSeatChange(facts, reach);

describe("planSeatChange: facts → what the engine recomputes (issue 21)", () => {
  it("S1, S4 a direct source added starts its user's want of that SKU, queued last, without checking sources", () => {
    expect(plan({ sourcesAdded: [{ skuId: "A", userIds: ["u1"] }] }).recompute).toEqual([
      { rules: ["S1", "S4"], userIds: ["u1"], groupIds: [], skuIds: ["A"], only: "start", reachesAll: true },
    ]);
  });

  it("S13 a group's source reaches everyone in it and in the groups nested in it", () => {
    const [pass] = plan({ sourcesAdded: [{ skuId: "A", groupIds: ["g1"] }] }).recompute;
    expect(pass).toMatchObject({ groupIds: ["g1", "g2"], userIds: [], skuIds: ["A"], only: "start", reachesAll: true });
    expect(pass.rules).toEqual(expect.arrayContaining(["S1", "S13"]));
  });

  it("S1, S5 a source removed can only end wants, and a candidate may keep the SKU through another source (sources checked)", () => {
    const { recompute } = plan({ sourcesRemoved: [{ skuId: "A", userIds: ["u1"] }, { skuId: "A", groupIds: ["g0"] }] });
    expect(recompute).toEqual([
      { rules: ["S1", "S5", "S13"], userIds: ["u1"], groupIds: ["g0", "g1", "g2"], skuIds: ["A"], only: "end", reachesAll: false },
    ]);
  });

  it("S1 a membership or nesting reaches whatever its groups grant: every SKU, sources checked", () => {
    const { recompute } = plan({ membersAdded: [{ groupId: "g3", userIds: ["u1"], groupIds: ["g1"] }], membersRemoved: [{ groupId: "g0", userIds: ["u2"] }] });
    expect(recompute).toEqual([
      { rules: ["S1", "S4", "S13"], userIds: ["u1"], groupIds: ["g1", "g2"], skuIds: null, only: "start", reachesAll: false },
      { rules: ["S1", "S5"], userIds: ["u2"], groupIds: [], skuIds: null, only: "end", reachesAll: false },
    ]);
  });

  it("U2, D7 a deleted user's wants are dropped and they are nobody's candidate", () => {
    const p = plan({ usersDeleted: ["u1"], membersRemoved: [{ groupId: "g0", userIds: ["u1"] }], sourcesRemoved: [{ skuId: "A", userIds: ["u1"] }] });
    expect(p.dropWantsOf).toEqual(["u1"]);
    expect(p.recompute).toEqual([]);
  });

  it("G2, D7 a deleted group is no candidate; the groups that were nested in it are", () => {
    const p = plan({ groupsDeleted: ["g3"], membersRemoved: [{ groupId: "g3", userIds: ["u1"], groupIds: ["g1"] }, { groupId: "g0", groupIds: ["g3"] }] });
    expect(p.recompute).toEqual([{ rules: ["S1", "S5", "S13"], userIds: ["u1"], groupIds: ["g1", "g2"], skuIds: null, only: "end", reachesAll: false }]);
  });

  it("L3, S7, P7 a location, a source's plans or a pool move no want: a recheck, touched reads, a pool to rebalance", () => {
    const p = plan({ locationsChanged: { userIds: ["u1"] }, sourcesChanged: [{ skuId: "A", groupIds: ["g1"] }], poolsChanged: ["A", "A"] });
    expect(p).toEqual({ recompute: [], dropWantsOf: [], recheckLocations: true, touchedUserIds: ["u1"], touchedGroupIds: ["g1", "g2"], poolsChanged: ["A"] });
    expect(plan({ locationsChanged: { tenantDefault: true } }).recheckLocations).toBe(true);
    expect(plan({}).recheckLocations).toBe(false);
  });
});

// ---- The property: derived passes on the wants before = S1's wants after, for any step of changes.

const USERS = ["u0", "u1", "u2", "u3"];
const GROUPS = ["g0", "g1", "g2", "g3"];
const SKUS = ["A", "B"];

interface World {
  direct: Set<string>; // user|sku
  groupSrc: Set<string>; // group|sku
  members: Set<string>; // group|user
  nest: Set<string>; // parent|child, parent before child in GROUPS (no cycle)
  users: Set<string>;
  groups: Set<string>;
}

const clone = (w: World): World => ({
  direct: new Set(w.direct), groupSrc: new Set(w.groupSrc), members: new Set(w.members), nest: new Set(w.nest), users: new Set(w.users), groups: new Set(w.groups),
});

function below(w: World, g: string): Set<string> {
  const out = new Set([g]);
  const stack = [g];
  while (stack.length) {
    const p = stack.pop()!;
    for (const e of w.nest) {
      const [parent, child] = e.split("|");
      if (parent === p && !out.has(child)) (out.add(child), stack.push(child));
    }
  }
  return out;
}

/** S1, read straight off the world. */
function hasSource(w: World, u: string, sku: string): boolean {
  if (w.direct.has(`${u}|${sku}`)) return true;
  for (const e of w.groupSrc) {
    const [g, s] = e.split("|");
    if (s === sku && [...below(w, g)].some((d) => w.members.has(`${d}|${u}`))) return true;
  }
  return false;
}

const wantsOf = (w: World) => new Set(USERS.filter((u) => w.users.has(u)).flatMap((u) => SKUS.filter((s) => hasSource(w, u, s)).map((s) => `${u}|${s}`)));

/** The engine's recomputeWants, in memory: end wants without a source, start them (unchecked when reachesAll). */
function apply(p: SeatPlan, before: Set<string>, after: World): Set<string> {
  const wants = new Set([...before].filter((k) => !p.dropWantsOf.includes(k.split("|")[0])));
  for (const pass of p.recompute) {
    const candidates = new Set([...pass.userIds, ...USERS.filter((u) => pass.groupIds.some((g) => after.members.has(`${g}|${u}`)))]);
    for (const sku of pass.skuIds ?? SKUS) {
      for (const u of candidates) {
        const k = `${u}|${sku}`;
        if (pass.only === "end" && !hasSource(after, u, sku)) wants.delete(k);
        if (pass.only === "start" && (pass.reachesAll || hasSource(after, u, sku))) wants.add(k);
      }
    }
  }
  return wants;
}

type Change =
  | { kind: "direct"; who: number; sku: number; on: boolean }
  | { kind: "groupSrc"; who: number; sku: number; on: boolean }
  | { kind: "member"; g: number; u: number; on: boolean }
  | { kind: "nest"; p: number; c: number; on: boolean }
  | { kind: "deleteUser"; u: number }
  | { kind: "deleteGroup"; g: number };

const change: fc.Arbitrary<Change> = fc.oneof(
  fc.record({ kind: fc.constant("direct" as const), who: fc.nat(3), sku: fc.nat(1), on: fc.boolean() }),
  fc.record({ kind: fc.constant("groupSrc" as const), who: fc.nat(3), sku: fc.nat(1), on: fc.boolean() }),
  fc.record({ kind: fc.constant("member" as const), g: fc.nat(3), u: fc.nat(3), on: fc.boolean() }),
  fc.record({ kind: fc.constant("nest" as const), p: fc.nat(3), c: fc.nat(3), on: fc.boolean() }),
  fc.record({ kind: fc.constant("deleteUser" as const), u: fc.nat(3) }),
  fc.record({ kind: fc.constant("deleteGroup" as const), g: fc.nat(3) }),
);

/** Applies one change to the world and notes its facts, as a step would: only what really changed. */
interface Facts {
  sourcesAdded: SourceFact[];
  sourcesRemoved: SourceFact[];
  membersAdded: MembershipFact[];
  membersRemoved: MembershipFact[];
  usersDeleted: string[];
  groupsDeleted: string[];
}

function step(w: World, c: Change, f: Facts): void {
  const toggle = (set: Set<string>, key: string, on: boolean) => (on ? !set.has(key) && !!set.add(key) : set.delete(key));
  if (c.kind === "direct" || c.kind === "groupSrc") {
    const who = c.kind === "direct" ? USERS[c.who] : GROUPS[c.who];
    if (!(c.kind === "direct" ? w.users : w.groups).has(who)) return;
    if (!toggle(c.kind === "direct" ? w.direct : w.groupSrc, `${who}|${SKUS[c.sku]}`, c.on)) return;
    (c.on ? f.sourcesAdded : f.sourcesRemoved).push({ skuId: SKUS[c.sku], ...(c.kind === "direct" ? { userIds: [who] } : { groupIds: [who] }) });
  } else if (c.kind === "member") {
    if (!w.groups.has(GROUPS[c.g]) || !w.users.has(USERS[c.u])) return;
    if (toggle(w.members, `${GROUPS[c.g]}|${USERS[c.u]}`, c.on)) (c.on ? f.membersAdded : f.membersRemoved).push({ groupId: GROUPS[c.g], userIds: [USERS[c.u]] });
  } else if (c.kind === "nest") {
    if (c.p >= c.c || !w.groups.has(GROUPS[c.p]) || !w.groups.has(GROUPS[c.c])) return;
    if (toggle(w.nest, `${GROUPS[c.p]}|${GROUPS[c.c]}`, c.on)) (c.on ? f.membersAdded : f.membersRemoved).push({ groupId: GROUPS[c.p], groupIds: [GROUPS[c.c]] });
  } else if (c.kind === "deleteUser") {
    const u = USERS[c.u];
    if (!w.users.delete(u)) return;
    for (const k of [...w.members]) if (k.endsWith(`|${u}`)) w.members.delete(k);
    for (const k of [...w.direct]) if (k.startsWith(`${u}|`)) w.direct.delete(k);
    f.usersDeleted.push(u);
  } else {
    // As detachGroup and deleteDirectoryGroup report it.
    const g = GROUPS[c.g];
    if (!w.groups.delete(g)) return;
    const users = [...w.members].filter((k) => k.startsWith(`${g}|`)).map((k) => k.split("|")[1]);
    const children = [...w.nest].filter((k) => k.startsWith(`${g}|`)).map((k) => k.split("|")[1]);
    const parents = [...w.nest].filter((k) => k.endsWith(`|${g}`)).map((k) => k.split("|")[0]);
    const skus = [...w.groupSrc].filter((k) => k.startsWith(`${g}|`)).map((k) => k.split("|")[1]);
    for (const set of [w.members, w.nest, w.groupSrc]) for (const k of [...set]) if (k.startsWith(`${g}|`) || k.endsWith(`|${g}`)) set.delete(k);
    f.groupsDeleted.push(g);
    f.membersRemoved.push({ groupId: g, userIds: users, groupIds: children }, ...parents.map((p) => ({ groupId: p, groupIds: [g] })));
    f.sourcesRemoved.push(...skus.map((skuId) => ({ skuId, groupIds: [g] })));
  }
}

const world: fc.Arbitrary<World> = fc
  .record({
    direct: fc.subarray(USERS.flatMap((u) => SKUS.map((s) => `${u}|${s}`))),
    groupSrc: fc.subarray(GROUPS.flatMap((g) => SKUS.map((s) => `${g}|${s}`))),
    members: fc.subarray(GROUPS.flatMap((g) => USERS.map((u) => `${g}|${u}`))),
    nest: fc.subarray(GROUPS.flatMap((p, i) => GROUPS.slice(i + 1).map((c) => `${p}|${c}`))),
  })
  .map((r) => ({ direct: new Set(r.direct), groupSrc: new Set(r.groupSrc), members: new Set(r.members), nest: new Set(r.nest), users: new Set(USERS), groups: new Set(GROUPS) }));

describe("planSeatChange against S1 (issue 21)", () => {
  it("S1, S13, U2, D7 the derived passes bring every want in line, whatever one step changed", () => {
    fc.assert(
      fc.property(world, fc.array(change, { minLength: 1, maxLength: 6 }), (before, changes) => {
        const after = clone(before);
        const facts: Facts = { sourcesAdded: [], sourcesRemoved: [], membersAdded: [], membersRemoved: [], usersDeleted: [], groupsDeleted: [] };
        for (const c of changes) step(after, c, facts);
        // Facts of the same step can undo each other (added, then removed): the derivation must cope.
        const p = planSeatChange(facts, (g) => below(after, g));
        expect([...apply(p, wantsOf(before), after)].sort()).toEqual([...wantsOf(after)].sort());
      }),
      { numRuns: 2000 },
    );
  });
});
