/**
 * W2's references: the same page of the license graph that
 *
 *   tenant { users(first: N, after: $after) { pageInfo { hasNextPage endCursor }
 *     nodes { id memberOf { id } effectiveLicenses { sku { id } state sources { group { id } via { id } } } } } }
 *
 * answers, built in-process on the raw driver:
 *  - lowerBoundPage: one hand-written SQL statement (page, memberships, direct and group sources with
 *    the S13 chain from a recursive CTE, wants, trials, subscriptions) plus JS nesting;
 *  - naivePage: the cliff, a resolver that queries per user and per group it walks through.
 * The rules (S6 state, source order, subscription status) are the project's pure functions, so the
 * answers are comparable byte for byte with the API's.
 */
import "reflect-metadata";
import { LicenseSourceKind, LicenseState } from "../../src/domain/enums";
import { chainsForUser, chainsUpFrom } from "../../src/domain/licensing/chains";
import { licenseState, orderSources, SkuFacts } from "../../src/domain/licensing/effective";
import { grants, subscriptionStatus } from "../../src/domain/licensing/status";
import { Sql, truthy } from "./lib/sql";

export interface RefCatalog {
  /** Sorted by part number, as the API lists a user's licenses. */
  skus: { id: string; partNumber: string; isTrial: boolean }[];
  requires: Map<string, string[]>;
}

export async function loadRefCatalog(sql: Sql): Promise<RefCatalog> {
  const skus = (await sql.all<{ id: string; part_number: string; is_trial: unknown }>("SELECT id, part_number, is_trial FROM sku"))
    .map((s) => ({ id: s.id, partNumber: s.part_number, isTrial: truthy(s.is_trial) }))
    .sort((a, b) => a.partNumber.localeCompare(b.partNumber));
  const requires = new Map<string, string[]>();
  for (const r of await sql.all<{ sku_id: string; required_sku_id: string }>("SELECT sku_id, required_sku_id FROM sku_requirement")) {
    requires.set(r.sku_id, [...(requires.get(r.sku_id) ?? []), r.required_sku_id]);
  }
  return { skus, requires };
}

export interface SourceOut {
  group: { id: string } | null;
  via: { id: string }[];
}
export interface LicenseOut {
  sku: { id: string };
  state: string;
  sources: SourceOut[];
}
export interface UserOut {
  id: string;
  memberOf: { id: string }[];
  effectiveLicenses: LicenseOut[];
}
export interface PageOut {
  data: { tenant: { users: { pageInfo: { hasNextPage: boolean; endCursor: string | null }; nodes: UserOut[] } } };
}

export const W2_QUERY = `query Page($first: Int!, $after: String) { tenant { users(first: $first, after: $after) {
  pageInfo { hasNextPage endCursor }
  nodes { id memberOf { id } effectiveLicenses { sku { id } state sources { group { id } via { id } } } }
} } }`;

interface Sub {
  skuId: string;
  endsAt: Date | null;
  canceledAt: Date | null;
  isTrial: boolean;
}
interface Src {
  kind: LicenseSourceKind;
  groupId: string | null;
  via: string[];
}

/** As src/graphql/pagination.ts encodes a cursor. */
export const encodeCursor = (id: string) => Buffer.from(`c1:${id}`, "utf8").toString("base64url");

const ms = (v: unknown) => (v == null ? null : new Date(Number(v)));

function facts(cat: RefCatalog, subs: Sub[], now: Date): Map<string, SkuFacts> {
  const granting = new Set(subs.filter((s) => grants(subscriptionStatus(s, now))).map((s) => s.skuId));
  return new Map(cat.skus.map((s) => [s.id, { granting: granting.has(s.id), dependenciesGrant: (cat.requires.get(s.id) ?? []).every((r) => granting.has(r)) }]));
}

/** The JS nesting both references share: per user, per SKU in catalog order, trial first, then the sources' license. */
function nest(
  cat: RefCatalog, f: Map<string, SkuFacts>, now: Date, userIds: string[], first: number,
  memberOf: Map<string, string[]>, sources: Map<string, Map<string, Src[]>>, wants: Map<string, Map<string, boolean>>, trials: Map<string, Map<string, number>>,
): PageOut {
  const page = userIds.slice(0, first);
  const nodes: UserOut[] = page.map((id) => {
    const out: LicenseOut[] = [];
    const src = sources.get(id);
    for (const sku of cat.skus) {
      const trial = trials.get(id)?.get(sku.id);
      if (trial !== undefined) {
        out.push({ sku: { id: sku.id }, state: now.getTime() < trial ? LicenseState.ACTIVE : LicenseState.DISABLED, sources: [{ group: null, via: [] }] });
      }
      const list = src?.get(sku.id);
      if (!list) continue;
      const holds = wants.get(id)?.get(sku.id) ?? false;
      out.push({
        sku: { id: sku.id },
        state: licenseState(f.get(sku.id) ?? { granting: false, dependenciesGrant: false }, holds).state,
        sources: orderSources(list).map((s) => ({ group: s.groupId ? { id: s.groupId } : null, via: s.via.map((g) => ({ id: g })) })),
      });
    }
    return { id, memberOf: (memberOf.get(id) ?? []).sort().map((g) => ({ id: g })), effectiveLicenses: out };
  });
  return {
    data: { tenant: { users: { pageInfo: { hasNextPage: userIds.length > first, endCursor: page.length ? encodeCursor(page[page.length - 1]) : null }, nodes } } },
  };
}

function addTo<K, V>(m: Map<string, Map<K, V>>, u: string, k: K, v: V): void {
  let x = m.get(u);
  if (!x) m.set(u, (x = new Map()));
  x.set(k, v);
}
function addSrc(m: Map<string, Map<string, Src[]>>, u: string, sku: string, s: Src): void {
  let x = m.get(u);
  if (!x) m.set(u, (x = new Map()));
  const l = x.get(sku);
  if (l) l.push(s);
  else x.set(sku, [s]);
}

/**
 * One statement: the page (keyset by ID), its memberships, the S13 chain to every ancestor
 * (shortest, then smallest by group IDs: paths of equal depth have equal length, so comparing the
 * joined strings compares the chains), joined with group assignments, plus direct assignments,
 * wants, trials and the tenant's subscriptions (for the S6 state).
 *
 * On SQLite (no ANALYZE statistics) a unary `+` keeps the planner off the tenant-only indexes where a
 * primary key is the better path: the page walks the ID key instead of sorting the tenant's users,
 * and wants/trials are looked up by (user_id, sku_id). PostgreSQL plans from statistics.
 */
function lowerBoundSql(engine: Sql["engine"]): string {
  const h = (col: string) => (engine === "sqlite" ? `+${col}` : col);
  // CROSS JOIN fixes SQLite's join order (the page drives every lookup); PostgreSQL reads it as a plain join.
  return `WITH RECURSIVE
page AS (SELECT id FROM app_user WHERE ${h("tenant_id")} = ? AND id > ? ORDER BY id LIMIT ?),
m AS (SELECT gm.user_id, gm.group_id FROM page p CROSS JOIN group_user_member gm WHERE gm.tenant_id = ? AND gm.user_id = p.id),
up(user_id, group_id, depth, path) AS (
  SELECT user_id, CAST(group_id AS TEXT), 1, CAST(group_id AS TEXT) FROM m
  UNION ALL
  SELECT up.user_id, CAST(n.parent_id AS TEXT), up.depth + 1, up.path || ',' || n.parent_id
  FROM up CROSS JOIN group_nesting n WHERE n.tenant_id = ? AND n.child_id = up.group_id AND up.depth < 64
),
best AS (SELECT user_id, group_id, path, ROW_NUMBER() OVER (PARTITION BY user_id, group_id ORDER BY depth, path) AS rk FROM up)
SELECT 'U' AS k, id AS u, NULL AS a, NULL AS b, NULL AS c, NULL AS d FROM page
UNION ALL SELECT 'M', user_id, group_id, NULL, NULL, NULL FROM m
UNION ALL SELECT 'D', x.user_id, x.sku_id, NULL, NULL, NULL FROM page p CROSS JOIN sku k CROSS JOIN user_license_assignment x
  WHERE x.sku_id = k.id AND x.user_id = p.id AND ${h("x.tenant_id")} = ?
UNION ALL SELECT 'G', b.user_id, a.sku_id, a.group_id, b.path, NULL FROM best b
  JOIN group_license_assignment a ON a.tenant_id = ? AND a.group_id = b.group_id WHERE b.rk = 1
UNION ALL SELECT 'W', w.user_id, w.sku_id, CASE WHEN w.holds_seat THEN '1' ELSE '0' END, NULL, NULL FROM page p
  CROSS JOIN license_want w WHERE w.user_id = p.id AND ${h("w.tenant_id")} = ?
UNION ALL SELECT 'T', t.user_id, t.sku_id, CAST(t.expires_at AS TEXT), NULL, NULL FROM page p
  CROSS JOIN user_trial t WHERE t.user_id = p.id AND ${h("t.tenant_id")} = ?
UNION ALL SELECT 'S', NULL, s.sku_id, CAST(s.ends_at AS TEXT), CAST(s.canceled_at AS TEXT), CASE WHEN s.is_trial THEN '1' ELSE '0' END
  FROM subscription s WHERE s.tenant_id = ?`;
}

interface LbRow {
  k: string;
  u: string | null;
  a: string | null;
  b: string | null;
  c: string | null;
  d: string | null;
}

export async function lowerBoundPage(sql: Sql, cat: RefCatalog, tenantId: string, afterId: string | null, first: number, now: Date): Promise<PageOut> {
  const t = tenantId;
  const rows = await sql.all<LbRow>(lowerBoundSql(sql.engine), [t, afterId ?? "", first + 1, t, t, t, t, t, t, t]);
  const userIds: string[] = [];
  const memberOf = new Map<string, string[]>();
  const sources = new Map<string, Map<string, Src[]>>();
  const wants = new Map<string, Map<string, boolean>>();
  const trials = new Map<string, Map<string, number>>();
  const subs: Sub[] = [];
  for (const r of rows) {
    switch (r.k) {
      case "U": userIds.push(r.u!); break;
      case "M": (memberOf.get(r.u!) ?? memberOf.set(r.u!, []).get(r.u!)!).push(r.a!); break;
      case "D": addSrc(sources, r.u!, r.a!, { kind: LicenseSourceKind.DIRECT, groupId: null, via: [] }); break;
      case "G": addSrc(sources, r.u!, r.a!, { kind: LicenseSourceKind.GROUP, groupId: r.b!, via: r.c!.split(",") }); break;
      case "W": addTo(wants, r.u!, r.a!, r.b === "1"); break;
      case "T": addTo(trials, r.u!, r.a!, Number(r.b)); break;
      case "S": subs.push({ skuId: r.a!, endsAt: ms(r.b), canceledAt: ms(r.c), isTrial: r.d === "1" }); break;
    }
  }
  userIds.sort();
  const ids = userIds.slice(0, first + 1);
  return nest(cat, facts(cat, subs, now), now, ids, first, memberOf, sources, wants, trials);
}

/** The cliff: what a resolver without batching does, one query per user per field and per group walked. */
export async function naivePage(sql: Sql, cat: RefCatalog, tenantId: string, afterId: string | null, first: number, now: Date): Promise<PageOut> {
  const t = tenantId;
  // Each statement is written well (the same index hints as the lower bound): the cliff is their number.
  const h = (col: string) => (sql.engine === "sqlite" ? `+${col}` : col);
  const ids = (await sql.all<{ id: string }>(`SELECT id FROM app_user WHERE ${h("tenant_id")} = ? AND id > ? ORDER BY id LIMIT ?`, [t, afterId ?? "", first + 1])).map((r) => r.id);
  const subs = (await sql.all<{ sku_id: string; ends_at: unknown; canceled_at: unknown; is_trial: unknown }>(
    "SELECT sku_id, ends_at, canceled_at, is_trial FROM subscription WHERE tenant_id = ?", [t],
  )).map((s) => ({ skuId: s.sku_id, endsAt: ms(s.ends_at), canceledAt: ms(s.canceled_at), isTrial: truthy(s.is_trial) }));
  const memberOf = new Map<string, string[]>();
  const sources = new Map<string, Map<string, Src[]>>();
  const wants = new Map<string, Map<string, boolean>>();
  const trials = new Map<string, Map<string, number>>();
  for (const u of ids.slice(0, first)) {
    const groups = (await sql.all<{ group_id: string }>("SELECT group_id FROM group_user_member WHERE tenant_id = ? AND user_id = ?", [t, u])).map((r) => r.group_id);
    memberOf.set(u, groups);
    for (const r of await sql.all<{ sku_id: string }>(`SELECT sku_id FROM user_license_assignment WHERE sku_id IN (SELECT id FROM sku) AND user_id = ? AND ${h("tenant_id")} = ?`, [u, t])) {
      addSrc(sources, u, r.sku_id, { kind: LicenseSourceKind.DIRECT, groupId: null, via: [] });
    }
    for (const r of await sql.all<{ sku_id: string; holds_seat: unknown }>(`SELECT sku_id, holds_seat FROM license_want WHERE user_id = ? AND ${h("tenant_id")} = ?`, [u, t])) {
      addTo(wants, u, r.sku_id, truthy(r.holds_seat));
    }
    for (const r of await sql.all<{ sku_id: string; expires_at: unknown }>(`SELECT sku_id, expires_at FROM user_trial WHERE user_id = ? AND ${h("tenant_id")} = ?`, [u, t])) {
      addTo(trials, u, r.sku_id, Number(r.expires_at));
    }
    // Walk up from each direct group, one query for each group's parents and one for its assignments.
    const parents = new Map<string, string[]>();
    const assigned = new Map<string, string[]>();
    const stack = [...groups];
    while (stack.length) {
      const g = stack.pop()!;
      if (parents.has(g)) continue;
      const ps = (await sql.all<{ parent_id: string }>("SELECT parent_id FROM group_nesting WHERE tenant_id = ? AND child_id = ?", [t, g])).map((r) => r.parent_id);
      parents.set(g, ps);
      assigned.set(g, (await sql.all<{ sku_id: string }>("SELECT sku_id FROM group_license_assignment WHERE tenant_id = ? AND group_id = ?", [t, g])).map((r) => r.sku_id));
      stack.push(...ps);
    }
    const chains = chainsForUser([...groups].sort(), (g) => chainsUpFrom(g, (x) => parents.get(x) ?? []));
    for (const [g, chain] of chains) for (const sku of assigned.get(g) ?? []) addSrc(sources, u, sku, { kind: LicenseSourceKind.GROUP, groupId: g, via: chain });
  }
  const cat2 = cat;
  return nest(cat2, facts(cat2, subs, now), now, ids, first, memberOf, sources, wants, trials);
}
