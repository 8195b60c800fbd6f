/**
 * W9 (issue 24, V4): reclamation on the main tenant with `holders` (20,000) inactive holders of the user license.
 * Set up through the API (seats bought, assignLicensesToUsers 5,000 at a time to the users with no other source),
 * then in SQL every user's creation and want made 200 days old (the generator makes them today) and every user
 * active today except the `holders` chosen by inactiveSet, and the wants' idle_since to match.
 * Measured over HTTP: the inactive report's first page (20 runs) and one reclaimLicenses of 5,000 users;
 * in-process: the daily pass with autoReclaim on (it warns every remaining inactive holder). Targets: report page < 50 ms, reclaim 5,000 < 2 s.
 */
import { App } from "../../src/app/request/context";
import { runReclaimPasses } from "../../src/app/licensing/reclamation";
import { Child } from "./lib/proc";
import { Sql } from "./lib/sql";
import { fmt, median, p95, Row } from "./lib/stats";

export interface W9Deps {
  app: App;
  sql: Sql;
  tenantId: string;
  adminToken: string;
  adminId: string;
  skuId: string;
  holders: number;
  startServer(): Promise<Child>;
  gql(port: number, token: string, query: string, variables?: Record<string, unknown>): Promise<{ ms: number; body: { data?: any; errors?: unknown[] } }>;
  log(msg: string): void;
  rows: Row[];
  notes: string[];
}

/**
 * The `holders` inactive holders: every new direct holder (the reclaimable ones), then other seat holders of the
 * SKU (direct or through groups), evenly spread over the user ID order, until there are `holders` of them.
 */
async function inactiveSet(d: W9Deps, direct: string[]): Promise<string[]> {
  const mine = new Set(direct);
  const others = (await d.sql.all<{ user_id: string }>(
    "SELECT user_id FROM license_want WHERE tenant_id = ? AND sku_id = ? AND holds_seat = ? ORDER BY user_id",
    [d.tenantId, d.skuId, d.sql.bool(true)],
  )).map((r) => r.user_id).filter((id) => !mine.has(id));
  const want = Math.max(0, Math.min(others.length, d.holders - direct.length));
  const step = want ? others.length / want : 0;
  return [...direct, ...Array.from({ length: want }, (_, i) => others[Math.floor(i * step)])];
}

const REPORT = `query($sku: ID!) { tenant { inactiveLicenseHolders(skuId: $sku, first: 50) { totalCount nodes { user { id userPrincipalName } lastActivityAt reclaimable reclaimWarningAt } } } }`;
const DAY = 86_400_000;

export async function w9(d: W9Deps): Promise<void> {
  const server = await d.startServer();
  const ok = async (query: string, variables?: Record<string, unknown>) => {
    const r = await d.gql(server.port, d.adminToken, query, variables);
    if (r.body.errors?.length) throw new Error(`W9: ${JSON.stringify(r.body.errors).slice(0, 300)}`);
    return r;
  };
  const ids = (await d.sql.all<{ id: string }>(
    // Outside every group and without a direct assignment: the new direct one is their only source, so reclaimable.
    // Not the admin, who signs in (active). NOT EXISTS: PostgreSQL runs NOT IN over 100,000 rows as a nested loop.
    `SELECT u.id FROM app_user u WHERE u.tenant_id = ? AND u.id <> ?
       AND NOT EXISTS (SELECT 1 FROM user_license_assignment a WHERE a.tenant_id = u.tenant_id AND a.user_id = u.id)
       AND NOT EXISTS (SELECT 1 FROM group_user_member m WHERE m.tenant_id = u.tenant_id AND m.user_id = u.id) ORDER BY u.id`,
    [d.tenantId, d.adminId],
  )).map((r) => r.id).slice(0, d.holders);
  d.log(`W9: ${ids.length.toLocaleString("en-US")} new direct holders through assignLicensesToUsers`);
  // New seats go to the queue first (S5): enough for every waiter and then the new holders.
  const pool = (await ok("{ tenant { licenses { sku { id } unassignedDemand } } }")).body.data.tenant.licenses.find((l: { sku: { id: string } }) => l.sku.id === d.skuId);
  await ok("mutation($i: PurchaseLicensesInput!) { purchaseLicenses(input: $i) { orderId } }", { i: { channel: "ADMIN_CENTER", items: [{ skuId: d.skuId, quantity: ids.length + (pool?.unassignedDemand ?? 0) }] } });
  for (let i = 0; i < ids.length; i += 5000) {
    await ok("mutation($i: AssignLicensesToUsersInput!) { assignLicensesToUsers(input: $i) { id } }", { i: { userIds: ids.slice(i, i + 5000), addLicenses: [{ skuId: d.skuId }] } });
  }
  const now = Date.now();
  const old = now - 200 * DAY;
  // Everyone is active today but `inactive`: half of them never were (counted from creation), half last 120 days ago.
  // One pass over the users (each pass leaves a dead row per user on PostgreSQL until vacuumed).
  await d.sql.run("UPDATE app_user SET created_at = ?, last_activity_at = ? WHERE tenant_id = ?", [old, now, d.tenantId]);
  const inactive = await inactiveSet(d, ids);
  for (let i = 0; i < inactive.length; i += 2 * 5000) {
    const never = inactive.slice(i, i + 5000), once = inactive.slice(i + 5000, i + 10_000);
    if (never.length) await d.sql.run(`UPDATE app_user SET last_activity_at = NULL WHERE tenant_id = ? AND id IN (${never.map(() => "?").join(",")})`, [d.tenantId, ...never]);
    if (once.length) await d.sql.run(`UPDATE app_user SET last_activity_at = ? WHERE tenant_id = ? AND id IN (${once.map(() => "?").join(",")})`, [now - 120 * DAY, d.tenantId, ...once]);
  }
  // The wants: made 200 days old, and their idle_since (V4, the count: the later of the user's last activity or
  // creation and wanted_since) set as the app's writes keep it. One pass, after the users' (it reads them).
  await d.sql.run(
    `UPDATE license_want SET wanted_since = ?, idle_since = ${d.sql.engine === "postgres" ? "GREATEST" : "MAX"}(?,
       (SELECT COALESCE(u.last_activity_at, u.created_at) FROM app_user u WHERE u.id = license_want.user_id)) WHERE tenant_id = ?`,
    [old, old, d.tenantId],
  );
  // As after generating (run.ts): statistics, and the dead rows of these bulk updates gone as autovacuum would within a minute.
  if (d.sql.engine === "postgres") await d.sql.run("VACUUM ANALYZE app_user, license_want");

  const reportMs: number[] = [];
  let total = 0;
  for (let i = 0; i < 21; i++) {
    const r = await ok(REPORT, { sku: d.skuId });
    total = r.body.data.tenant.inactiveLicenseHolders.totalCount;
    if (i > 0) reportMs.push(r.ms);
  }
  d.log(`W9: reclaimLicenses of 5,000 of ${total.toLocaleString("en-US")} inactive holders`);
  const reclaim = await ok("mutation($i: ReclaimLicensesInput!) { reclaimLicenses(input: $i) { reclaimed { id } } }", { i: { skuId: d.skuId, userIds: ids.slice(0, 5000) } });
  const reclaimed = reclaim.body.data.reclaimLicenses.reclaimed.length;

  await ok("mutation { updateTenantSettings(input: { autoReclaim: true }) { id } }");
  d.log("W9: the daily pass (in-process), autoReclaim on");
  const t0 = performance.now();
  const passes = await runReclaimPasses(d.app);
  const passMs = performance.now() - t0;

  const row = (workload: string, subject: string, ms: number[], extra: string, target: string): Row =>
    ({ workload, subject, median: `${fmt(median(ms))} ms`, p95: ms.length > 1 ? `${fmt(p95(ms))} ms` : "", extra, ratio: "", target });
  d.rows.push(
    row("W9 inactive report, first page (50)", `${total.toLocaleString("en-US")} inactive holders`, reportMs, `${reportMs.length} runs`, `< 50 ms → ${median(reportMs) < 50 ? "met" : "MISSED"}`),
    row("W9 reclaimLicenses (5,000 users)", "one call over HTTP", [reclaim.ms], `${reclaimed.toLocaleString("en-US")} reclaimed`, `< 2 s → ${reclaim.ms < 2000 ? "met" : "MISSED"}`),
    row("W9 daily pass, autoReclaim on", "in-process", [passMs], passes.map((p) => Object.entries(p).map(([k, v]) => `${k} ${Array.isArray(v) ? v.length : v}`).filter((x) => !x.startsWith("tenantId")).join(", ")).join("; "), ""),
  );
  d.notes.push(`W9: ${ids.length.toLocaleString("en-US")} new direct holders made through the API (every user with no other source of the SKU), then every user's creation and want backdated 200 days in SQL and every user active today but ${inactive.length.toLocaleString("en-US")} seat holders (the new direct ones and others spread over the ID order)${d.sql.engine === "postgres" ? ", then VACUUM ANALYZE of app_user and license_want" : ""}; the pass warns every remaining reclaimable inactive holder in one run.`);
}
