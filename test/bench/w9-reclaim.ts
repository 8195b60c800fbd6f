/**
 * W9 (issue 24, V4): reclamation on the main tenant with `holders` inactive direct holders of the user license.
 * Set up through the API (seats bought, assignLicensesToUsers 5,000 at a time), then every user's creation and
 * want made 200 days old in SQL (the generator makes them today). Measured over HTTP: the inactive report's first
 * page (20 runs) and one reclaimLicenses of 5,000 users; in-process: the daily pass with autoReclaim on (it warns
 * every remaining inactive holder). Targets: report page < 50 ms, reclaim 5,000 < 2 s.
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
  skuId: string;
  holders: number;
  startServer(): Promise<Child>;
  gql(port: number, token: string, query: string, variables?: Record<string, unknown>): Promise<{ ms: number; body: { data?: any; errors?: unknown[] } }>;
  log(msg: string): void;
  rows: Row[];
  notes: string[];
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
    `SELECT id FROM app_user WHERE tenant_id = ? AND id NOT IN (SELECT user_id FROM user_license_assignment WHERE tenant_id = ?)
       AND id NOT IN (SELECT user_id FROM group_user_member WHERE tenant_id = ?) ORDER BY id`,
    [d.tenantId, d.tenantId, d.tenantId],
  )).map((r) => r.id).slice(0, d.holders);
  d.log(`W9: ${ids.length.toLocaleString("en-US")} direct holders through assignLicensesToUsers`);
  // New seats go to the queue first (S5): enough for every waiter and then the new holders.
  const pool = (await ok("{ tenant { licenses { sku { id } unassignedDemand } } }")).body.data.tenant.licenses.find((l: { sku: { id: string } }) => l.sku.id === d.skuId);
  await ok("mutation($i: PurchaseLicensesInput!) { purchaseLicenses(input: $i) { orderId } }", { i: { channel: "ADMIN_CENTER", items: [{ skuId: d.skuId, quantity: ids.length + (pool?.unassignedDemand ?? 0) }] } });
  for (let i = 0; i < ids.length; i += 5000) {
    await ok("mutation($i: AssignLicensesToUsersInput!) { assignLicensesToUsers(input: $i) { id } }", { i: { userIds: ids.slice(i, i + 5000), addLicenses: [{ skuId: d.skuId }] } });
  }
  const old = Date.now() - 200 * DAY;
  await d.sql.run("UPDATE app_user SET created_at = ? WHERE tenant_id = ?", [old, d.tenantId]);
  await d.sql.run("UPDATE license_want SET wanted_since = ? WHERE tenant_id = ?", [old, d.tenantId]);

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
  d.notes.push(`W9: ${ids.length.toLocaleString("en-US")} direct holders made through the API, then every user's creation and want backdated 200 days in SQL; the pass warns every remaining inactive holder in one run.`);
}
