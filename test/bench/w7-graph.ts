/**
 * W7 (issue 23, §15): the Graph way in against the GraphQL equivalent, in the same run on the same server.
 * - Pages: `GET /v1.0/users?$filter=assignedLicenses/any(x:x/skuId eq …)&$top=100` following `@odata.nextLink`,
 *   against `tenant.users(first: 100, filter: { skuId })` (its nearest GraphQL filter) with the fields Graph's user carries;
 *   then the first page of each under autocannon (requests a second).
 * - Writes: `POST /v1.0/users/{id}/assignLicense` against `assignUserLicenses`, a user for each way, add then
 *   remove, sequentially (a write's latency is what a script sees); statements per call from the in-process app.
 * - MG6 webhooks (w7-webhooks.ts): delivery latency after commit and throughput.
 * Target: Graph ≥ 0.8× GraphQL's throughput.
 */
import { Child } from "./lib/proc";
import { fmt, median, p95, Row } from "./lib/stats";
import { w7Webhooks } from "./w7-webhooks";

const autocannon = require("autocannon") as (o: Record<string, unknown>) => Promise<{ requests: { average: number }; non2xx: number; errors: number }>;

export interface W7Deps {
  startServer(): Promise<Child>;
  adminToken: string;
  skuId: string;
  /** Users of the tenant who hold no direct assignment of the SKU (assign and remove leave them so): one per way. */
  graphUserId: string;
  gqlUserId: string;
  /** A third such user, for the webhook latency run. */
  webhookUserId: string;
  /** Cloud users for the webhook throughput run (renamed once each). */
  throughputUserIds: string[];
  /** The in-process app's HTTP handler on the same database, and the statements it sends during `fn`. */
  inProcess: { base: string; count(fn: () => Promise<unknown>): Promise<number> };
  pages: number;
  log(msg: string): void;
  rows: Row[];
  notes: string[];
}

const GRAPHQL_PAGE = `query($first: Int!, $after: String, $sku: ID!) { tenant { users(first: $first, after: $after, filter: { skuId: $sku }) {
  nodes { id userPrincipalName displayName accountEnabled usageLocation effectiveLicenses { sku { id } state error sources { kind } } }
  pageInfo { hasNextPage endCursor } } } }`;
const GRAPHQL_ASSIGN = "mutation($i: AssignUserLicensesInput!) { assignUserLicenses(input: $i) { id effectiveLicenses { sku { id } state } } }";

const guid = (id: string) => id.slice(id.indexOf("_") + 1);

async function timedJson(url: string, init: RequestInit): Promise<{ ms: number; status: number; body: any }> {
  const t0 = performance.now();
  const r = await fetch(url, init);
  const body = await r.json();
  return { ms: performance.now() - t0, status: r.status, body };
}

async function rps(url: string, init: { method: string; headers: Record<string, string>; body?: string }): Promise<number> {
  const out = await autocannon({ url, method: init.method, headers: init.headers, body: init.body, connections: 4, duration: 8 });
  if (out.non2xx || out.errors) throw new Error(`W7: ${out.non2xx} non-2xx and ${out.errors} errors under load at ${url}`);
  return out.requests.average;
}

export async function w7(d: W7Deps): Promise<void> {
  const server = await d.startServer();
  const base = `http://127.0.0.1:${server.port}`;
  const auth = { authorization: `Bearer ${d.adminToken}` };
  const json = { ...auth, "content-type": "application/json" };
  const first = `${base}/v1.0/users?$filter=${encodeURIComponent(`assignedLicenses/any(x:x/skuId eq ${guid(d.skuId)})`)}&$top=100`;
  const gqlBody = (after: string | null) => JSON.stringify({ query: GRAPHQL_PAGE, variables: { first: 100, after, sku: d.skuId } });

  d.log(`W7: ${d.pages} pages of 100 users through Graph and through GraphQL`);
  const graphMs: number[] = [];
  const gqlMs: number[] = [];
  let next: string | undefined = first;
  let after: string | null = null;
  for (let i = 0; i < d.pages && next; i++) {
    const g = await timedJson(next, { headers: auth });
    if (g.status !== 200) throw new Error(`W7 Graph page ${i}: HTTP ${g.status} ${JSON.stringify(g.body).slice(0, 300)}`);
    graphMs.push(g.ms);
    next = g.body["@odata.nextLink"];
    const q = await timedJson(`${base}/graphql`, { method: "POST", headers: json, body: gqlBody(after) });
    if (q.body.errors?.length) throw new Error(`W7 GraphQL page ${i}: ${JSON.stringify(q.body.errors).slice(0, 300)}`);
    gqlMs.push(q.ms);
    after = q.body.data.tenant.users.pageInfo.endCursor;
    if (!g.body.value.length || !q.body.data.tenant.users.nodes.length) throw new Error(`W7 page ${i}: an empty page`);
  }
  d.log("W7: first page under load (autocannon, 4 connections, 8 s each)");
  const graphRps = await rps(first, { method: "GET", headers: auth });
  const gqlRps = await rps(`${base}/graphql`, { method: "POST", headers: json, body: gqlBody(null) });

  d.log("W7: assign and remove, 20 pairs each way");
  // Each way has a user of its own, so that every call adds or removes for real: with one shared user the second
  // way's add found the license already there (no change, nothing written) and its remove found it gone.
  const assignBody = (add: boolean) => JSON.stringify(add ? { addLicenses: [{ skuId: guid(d.skuId), disabledPlans: [] }], removeLicenses: [] } : { addLicenses: [], removeLicenses: [guid(d.skuId)] });
  const gqlAssignBody = (userId: string, add: boolean) =>
    JSON.stringify({ query: GRAPHQL_ASSIGN, variables: { i: add ? { userId, addLicenses: [{ skuId: d.skuId }] } : { userId, removeSkuIds: [d.skuId] } } });
  const graphAssign = (at: string, userId: string, add: boolean) =>
    timedJson(`${at}/v1.0/users/${guid(userId)}/assignLicense`, { method: "POST", headers: json, body: assignBody(add) }).then((g) => {
      if (g.status !== 200) throw new Error(`W7 Graph assignLicense: HTTP ${g.status} ${JSON.stringify(g.body).slice(0, 300)}`);
      return g;
    });
  const gqlAssign = (at: string, userId: string, add: boolean) =>
    timedJson(`${at}/graphql`, { method: "POST", headers: json, body: gqlAssignBody(userId, add) }).then((q) => {
      if (q.body.errors?.length) throw new Error(`W7 GraphQL assign: ${JSON.stringify(q.body.errors).slice(0, 300)}`);
      return q;
    });
  const graphW: number[] = [];
  const gqlW: number[] = [];
  for (let i = 0; i < 20; i++) {
    for (const add of [true, false]) {
      // Who goes first alternates: neither way always follows the other's write.
      const graphFirst = (i + (add ? 0 : 1)) % 2 === 0;
      if (graphFirst) graphW.push((await graphAssign(base, d.graphUserId, add)).ms);
      gqlW.push((await gqlAssign(base, d.gqlUserId, add)).ms);
      if (!graphFirst) graphW.push((await graphAssign(base, d.graphUserId, add)).ms);
    }
  }
  // Statements per call, each way, from the in-process app on the same database (its own users, real changes).
  const ip = d.inProcess;
  const stmts = {
    graph: [await ip.count(() => graphAssign(ip.base, d.graphUserId, true)), await ip.count(() => graphAssign(ip.base, d.graphUserId, false))],
    gql: [await ip.count(() => gqlAssign(ip.base, d.gqlUserId, true)), await ip.count(() => gqlAssign(ip.base, d.gqlUserId, false))],
  };

  const row = (workload: string, subject: string, ms: number[], extra: string, ratio = "", target = ""): Row =>
    ({ workload, subject, median: `${fmt(median(ms))} ms`, p95: `${fmt(p95(ms))} ms`, extra, ratio, target });
  const pageRatio = graphRps / gqlRps;
  const writeRatio = median(gqlW) / median(graphW);
  d.rows.push(
    row("W7 users page, assignedLicenses filter (100)", "Graph /v1.0/users", graphMs, `${graphMs.length} pages; first page ${fmt(graphRps, 0)} req/s`, `${fmt(pageRatio)}× GraphQL`, `≥ 0.8× → ${pageRatio >= 0.8 ? "met" : "MISSED"}`),
    row("W7 users page, assignedLicenses filter (100)", "GraphQL tenant.users", gqlMs, `${gqlMs.length} pages; first page ${fmt(gqlRps, 0)} req/s`, "1.00×"),
    row("W7 assign + remove one user's license", "Graph assignLicense", graphW, `${graphW.length} writes; statements ${stmts.graph.join(" / ")} (add / remove)`, `${fmt(writeRatio)}× GraphQL`, `≥ 0.8× → ${writeRatio >= 0.8 ? "met" : "MISSED"}`),
    row("W7 assign + remove one user's license", "GraphQL assignUserLicenses", gqlW, `${gqlW.length} writes; statements ${stmts.gql.join(" / ")} (add / remove)`, "1.00×"),
  );
  d.notes.push("W7: pages alternate Graph and GraphQL on the same server; the write ratio is of sequential latencies (GraphQL's median ÷ Graph's), the page ratio of autocannon's req/s on the first page. Each way writes to a user of its own (every call adds or removes for real), alternating which goes first; statements are counted on the in-process app for one add and one remove (Graph's one more is its read of the user named in the path).");
  await w7Webhooks({
    base, adminToken: d.adminToken, skuId: d.skuId, userId: d.webhookUserId, throughputUserIds: d.throughputUserIds, latencyChanges: 200,
    log: d.log, rows: d.rows, notes: d.notes,
  });
}
