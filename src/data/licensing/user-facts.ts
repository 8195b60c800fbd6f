import { LicenseWant, UserLicenseAssignment, UserTrial } from "../entities";
import { CHUNK, chunks, TenantDb } from "../tenant-db";

/** Everything about a user that their effective licenses depend on, besides the tenant's state. */
export interface UserFacts {
  groupIds: string[];
  direct: UserLicenseAssignment[];
  wants: LicenseWant[];
  trials: UserTrial[];
}

// One statement for four tables: the rows share a column layout (kind, user, two texts, three numbers, a flag).
const factsSql = (users: string) => `
SELECT 'm' AS k, user_id AS u, group_id AS a, CAST(NULL AS TEXT) AS b, CAST(NULL AS BIGINT) AS n1, CAST(NULL AS BIGINT) AS n2, CAST(NULL AS BIGINT) AS n3, CAST(NULL AS INTEGER) AS f
  FROM group_user_member WHERE tenant_id = :tid AND ${users}
UNION ALL
SELECT 'd', user_id, sku_id, disabled_plan_ids, assigned_at, updated_at, NULL, NULL
  FROM user_license_assignment WHERE tenant_id = :tid AND ${users}
UNION ALL
SELECT 'w', user_id, sku_id, NULL, want_seq, wanted_since, updated_at, CASE WHEN holds_seat THEN 1 ELSE 0 END
  FROM license_want WHERE tenant_id = :tid AND ${users}
UNION ALL
SELECT 't', user_id, sku_id, NULL, started_at, expires_at, NULL, CASE WHEN extended THEN 1 ELSE 0 END
  FROM user_trial WHERE tenant_id = :tid AND ${users}`;
const FACTS_SQL = factsSql("user_id IN (:...ids)");
/** Users of an ID range (a keyset page): four index range scans, no list of IDs to bind. */
const RANGE_FACTS_SQL = factsSql("user_id > :after AND user_id <= :last");

interface Row {
  k: "m" | "d" | "w" | "t";
  u: string;
  a: string;
  b: string | null;
  n1: string | number | null;
  n2: string | number | null;
  n3: string | number | null;
  f: number | string | null;
}

const at = (v: string | number | null) => new Date(Number(v));

export async function loadUserFacts(db: TenantDb, userIds: readonly string[]): Promise<Map<string, UserFacts>> {
  const out = emptyFacts(userIds);
  // Four IN lists a statement: 5,000 IDs stay under SQLite's 32,766 parameters.
  for (const ids of chunks([...new Set(userIds)], CHUNK)) addRows(db, out, await db.sql<Row>(FACTS_SQL, { ids }));
  return sorted(out);
}

/**
 * The facts of `userIds`, which are every user with an ID after `after` up to the last of them (a page in ID
 * order, V6's export): one statement whatever the page's size.
 */
export async function loadUserFactsOfPage(db: TenantDb, after: string, userIds: readonly string[]): Promise<Map<string, UserFacts>> {
  const out = emptyFacts(userIds);
  if (userIds.length) addRows(db, out, await db.sql<Row>(RANGE_FACTS_SQL, { after, last: userIds[userIds.length - 1] }));
  return sorted(out);
}

const emptyFacts = (userIds: readonly string[]) =>
  new Map<string, UserFacts>(userIds.map((u) => [u, { groupIds: [], direct: [], wants: [], trials: [] }]));

function sorted(out: Map<string, UserFacts>): Map<string, UserFacts> {
  for (const f of out.values()) f.groupIds.sort();
  return out;
}

function addRows(db: TenantDb, out: Map<string, UserFacts>, rows: Row[]): void {
  for (const r of rows) {
    const f = out.get(r.u);
    if (!f) continue;
    const common = { userId: r.u, skuId: r.a, tenantId: db.tenantId };
    if (r.k === "m") f.groupIds.push(r.a);
    else if (r.k === "d") {
      f.direct.push(Object.assign(new UserLicenseAssignment(), common, { disabledPlanIds: JSON.parse(r.b ?? "[]"), assignedAt: at(r.n1), updatedAt: at(r.n2) }));
    } else if (r.k === "w") {
      f.wants.push(Object.assign(new LicenseWant(), common, { wantSeq: Number(r.n1), wantedSince: at(r.n2), updatedAt: at(r.n3), holdsSeat: Number(r.f) === 1 }));
    } else {
      f.trials.push(Object.assign(new UserTrial(), common, { startedAt: at(r.n1), expiresAt: at(r.n2), extended: Number(r.f) === 1 }));
    }
  }
}
