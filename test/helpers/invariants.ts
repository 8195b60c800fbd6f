import { DataSource } from "typeorm";
import { graphql } from "../gql";
import {
  GroupLicenseAssignment, GroupNesting, GroupUserMember, LicenseWant, Sku, Subscription, User, UserLicenseAssignment,
} from "../../src/data/entities";
import { Doc, Present } from "./harness";
import { ResultOf } from "@graphql-typed-document-node/core";

/**
 * The seat invariants of DESIGN §4, checked from the outside: the rows in the
 * database and what the API answers must agree, for one tenant.
 *
 * Deliberately independent of src/licensing: the pool, the wants (S1) and the
 * queue order are recomputed here from the raw tables, so a bug in the engine
 * cannot hide behind the same bug in the check.
 */
export interface InvariantDeps {
  /** A connection to the database the API writes to (tables read directly). */
  ds: DataSource;
  /** Runs a GraphQL operation as a reader of the tenant (e.g. its GLOBAL_ADMIN); returns data, throws on errors. */
  gql: <R, V>(query: Doc<R, V>, variables?: NoInfer<V>) => Promise<Present<R>>;
  /** The API's clock (subscription status is computed from it). */
  now: Date;
  /** Users per API page (default 200). */
  pageSize?: number;
}

export interface SkuSeats {
  skuId: string;
  partNumber: string;
  pool: number;
  held: number;
  wanters: number;
}

export interface InvariantReport {
  skus: SkuSeats[];
  users: number;
  violations: string[];
}

const DAY_MS = 86_400_000;
const GRACE_DAYS = 30;

/** P6/P7, written out again: ACTIVE or WARNING grants seats. */
function grants(s: Subscription, now: Date): boolean {
  if (s.canceledAt) return false;
  if (!s.endsAt) return true;
  return now.getTime() < s.endsAt.getTime() + (s.isTrial ? 0 : GRACE_DAYS * DAY_MS);
}

const USERS_PAGE = graphql(`query InvariantsUsersPage($first: Int!, $after: String) { tenant { users(first: $first, after: $after) {
  pageInfo { hasNextPage endCursor }
  nodes { id effectiveLicenses { sku { id } state error holdsSeat } } } } }`);
const LICENSES = graphql(`query InvariantsLicenses { tenant { licenses { sku { id } prepaidUnits { enabled warning } consumedUnits availableUnits unassignedDemand } } }`);

interface ApiLicense { sku: { id: string }; state: string; error: string; holdsSeat: boolean }

/** Every violation found, as readable sentences (empty: all invariants hold). */
export async function checkSeatInvariants(deps: InvariantDeps, tenantId: string): Promise<InvariantReport> {
  const violations: string[] = [];
  const bad = (msg: string) => violations.push(msg);

  // The API first: a read may reallocate after time moved a pool (S5), and the tables are read after it.
  const apiUsers = new Map<string, ApiLicense[]>();
  let after: string | null = null;
  for (let page = 0; ; page++) {
    if (page > 10_000) throw new Error("users paging does not end");
    const d: Present<ResultOf<typeof USERS_PAGE>> = await deps.gql(USERS_PAGE, { first: deps.pageSize ?? 200, after });
    for (const n of d.tenant.users.nodes) {
      if (apiUsers.has(n.id)) bad(`API lists user ${n.id} twice while paging`);
      apiUsers.set(n.id, n.effectiveLicenses);
    }
    if (!d.tenant.users.pageInfo.hasNextPage) break;
    after = d.tenant.users.pageInfo.endCursor;
  }
  const apiLicenses = (await deps.gql(LICENSES)).tenant.licenses;

  const m = deps.ds.manager;
  const where = { tenantId };
  const [skus, subs, wants, users, direct, groupAssignments, members, nestings] = await Promise.all([
    m.find(Sku),
    m.find(Subscription, { where }),
    m.find(LicenseWant, { where }),
    m.find(User, { where, select: { id: true, tenantId: true } }),
    m.find(UserLicenseAssignment, { where }),
    m.find(GroupLicenseAssignment, { where }),
    m.find(GroupUserMember, { where }),
    m.find(GroupNesting, { where }),
  ]);
  const userIds = new Set(users.map((u) => u.id));
  for (const id of apiUsers.keys()) if (!userIds.has(id)) bad(`API lists user ${id}, who is not in the tenant's table`);
  for (const id of userIds) if (!apiUsers.has(id)) bad(`API does not list user ${id}`);

  // S1 from the raw tables: the groups each group is (transitively) inside, the SKUs reaching each user.
  const parents = new Map<string, string[]>();
  for (const n of nestings) parents.set(n.childId, [...(parents.get(n.childId) ?? []), n.parentId]);
  const ancestorsOf = (g: string): Set<string> => {
    const seen = new Set([g]);
    const stack = [g];
    while (stack.length) for (const p of parents.get(stack.pop()!) ?? []) if (!seen.has(p)) (seen.add(p), stack.push(p));
    return seen;
  };
  const skusOfGroup = new Map<string, Set<string>>();
  for (const a of groupAssignments) skusOfGroup.set(a.groupId, (skusOfGroup.get(a.groupId) ?? new Set()).add(a.skuId));
  const desired = new Set<string>();
  for (const a of direct) desired.add(`${a.userId}|${a.skuId}`);
  const ancestorCache = new Map<string, Set<string>>();
  for (const mem of members) {
    let anc = ancestorCache.get(mem.groupId);
    if (!anc) ancestorCache.set(mem.groupId, (anc = ancestorsOf(mem.groupId)));
    for (const g of anc) for (const sku of skusOfGroup.get(g) ?? []) desired.add(`${mem.userId}|${sku}`);
  }

  const report: SkuSeats[] = [];
  const seen = new Set<string>();
  for (const w of wants) {
    const key = `${w.userId}|${w.skuId}`;
    if (seen.has(key)) bad(`user ${w.userId} has two wants of SKU ${w.skuId}`);
    seen.add(key);
    if (!userIds.has(w.userId)) bad(`want of SKU ${w.skuId} by ${w.userId}, who is not a user of the tenant`);
  }

  for (const sku of skus.filter((s) => s.kind === "USER" && !s.isTrial)) {
    const granting = subs.filter((s) => s.skuId === sku.id && !s.isTrial && grants(s, deps.now));
    const pool = granting.reduce((n, s) => n + s.quantity, 0);
    const queue = wants
      .filter((w) => w.skuId === sku.id)
      .sort((a, b) => a.wantSeq - b.wantSeq || (a.userId < b.userId ? -1 : a.userId > b.userId ? 1 : 0));
    const holders = new Set(queue.filter((w) => w.holdsSeat).map((w) => w.userId));
    const name = sku.partNumber;
    report.push({ skuId: sku.id, partNumber: name, pool, held: holders.size, wanters: queue.length });

    // Seats held ≤ pool.
    if (holders.size > pool) bad(`${name}: ${holders.size} seats held, pool is ${pool}`);
    // S1: the wanters are exactly the users a source reaches.
    const wanting = new Set(queue.map((w) => w.userId));
    for (const key of desired) {
      const [u, s] = key.split("|");
      if (s === sku.id && !wanting.has(u)) bad(`${name}: user ${u} has a source but no want`);
    }
    for (const u of wanting) if (!desired.has(`${u}|${sku.id}`)) bad(`${name}: user ${u} wants it without any source`);
    // S4/S5: the holders are exactly the first `pool` wanters in queue order (want_seq, then user_id).
    const expected = queue.slice(0, pool).map((w) => w.userId);
    const missing = expected.filter((u) => !holders.has(u));
    const extra = [...holders].filter((u) => !expected.includes(u));
    if (missing.length || extra.length) {
      bad(`${name}: holders are not the first ${pool} wanters in queue order (waiting though first in line: ${missing.slice(0, 5).join(", ")}${missing.length > 5 ? ", …" : ""}; holding though later: ${extra.slice(0, 5).join(", ")}${extra.length > 5 ? ", …" : ""})`);
    }

    // What the API says of every user.
    for (const [userId, licenses] of apiUsers) {
      const mine = licenses.filter((l) => l.sku.id === sku.id);
      if (mine.length > 1) bad(`${name}: the API lists ${mine.length} effective licenses for user ${userId}`);
      if (mine.filter((l) => l.holdsSeat).length > 1) bad(`${name}: user ${userId} holds more than one seat`);
      const l = mine[0];
      if (!wanting.has(userId)) {
        if (l) bad(`${name}: the API gives user ${userId} an effective license (${l.state}/${l.error}) without a want`);
        continue;
      }
      if (!l) {
        bad(`${name}: user ${userId} wants it but the API lists no effective license`);
        continue;
      }
      if (l.holdsSeat !== holders.has(userId)) bad(`${name}: API holdsSeat=${l.holdsSeat} for ${userId}, database says ${holders.has(userId)}`);
      if (!holders.has(userId)) {
        const want = granting.length ? ["ERROR", "COUNT_VIOLATION"] : ["DISABLED", "SUBSCRIPTION_INACTIVE"];
        if (l.state !== want[0] || l.error !== want[1]) bad(`${name}: user ${userId} wants it without a seat but is ${l.state}/${l.error}, not ${want.join("/")}`);
      } else if (l.error === "COUNT_VIOLATION") {
        bad(`${name}: seat holder ${userId} is COUNT_VIOLATION`);
      }
    }

    const lic = apiLicenses.find((x) => x.sku.id === sku.id);
    if (lic) {
      if (lic.prepaidUnits.enabled + lic.prepaidUnits.warning !== pool) bad(`${name}: API pool ${lic.prepaidUnits.enabled + lic.prepaidUnits.warning}, subscriptions say ${pool}`);
      if (lic.consumedUnits !== holders.size) bad(`${name}: API consumedUnits ${lic.consumedUnits}, ${holders.size} seats held`);
      if (lic.unassignedDemand !== queue.length - holders.size) bad(`${name}: API unassignedDemand ${lic.unassignedDemand}, ${queue.length - holders.size} wanters wait`);
      if (lic.availableUnits !== Math.max(0, pool - holders.size)) bad(`${name}: API availableUnits ${lic.availableUnits}, expected ${Math.max(0, pool - holders.size)}`);
    } else if (subs.some((s) => s.skuId === sku.id && !s.isTrial)) {
      bad(`${name}: the tenant has subscriptions of it but tenant.licenses does not list it`);
    }
  }
  return { skus: report, users: apiUsers.size, violations };
}

/** Fails the test with every violation listed; returns the per-SKU figures. */
export async function expectSeatInvariants(deps: InvariantDeps, tenantId: string): Promise<InvariantReport> {
  const r = await checkSeatInvariants(deps, tenantId);
  if (r.violations.length) {
    const shown = r.violations.slice(0, 30).join("\n  ");
    throw new Error(`seat invariants broken for tenant ${tenantId} (${r.violations.length}):\n  ${shown}${r.violations.length > 30 ? "\n  …" : ""}`);
  }
  return r;
}
