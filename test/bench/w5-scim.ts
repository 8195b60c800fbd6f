/**
 * W5 (issue 11 item 9): a directory's initial sync over SCIM against the same users and memberships made
 * through GraphQL, on a fresh database, with the server as a child process (its RSS read from /proc).
 *
 *   10,000 users POSTed by 8 workers; 200 groups nested 3 deep (8 → 32 → 160), the user SKU assigned to the
 *   8 top groups with fewer seats than demand; memberships as PATCHes of 100 members; then a re-sync: a GET
 *   by filter and a no-op PATCH per user. Reference: createUser and addGroupMembers through GraphQL, same
 *   shapes, same concurrency, another tenant of the same server. SQL per request is counted on an in-process
 *   app over the same database, a few requests of each kind after the run.
 */
import { createServer, Server } from "node:http";
import { AddressInfo } from "node:net";
import { DataSource, DataSourceOptions, Logger } from "typeorm";
import { createApp } from "../../src/boot";
import { signToken } from "../../src/app/auth/sign";
import { dataSourceOptions } from "../../src/data/datasource";
import { createHttpHandler } from "../../src/http/server";
import { createApolloServer } from "../../src/api/graphql/apollo";
import { Child, memory, resetPeak, startChild, stopChild } from "./lib/proc";
import { fmt, median, p95, Row, timed } from "./lib/stats";

export interface W5Options {
  engine: "sqlite" | "postgres";
  /** For the child server and for the in-process sampler. */
  url: string;
  searchPath?: string;
  childUrl: string;
  users: number;
  groups: number;
  workers: number;
  secret: string;
  serverScript: string;
  port: number;
  log: (m: string) => void;
}

const CORE = "urn:ietf:params:scim:schemas:core:2.0:User";
const GROUP = "urn:ietf:params:scim:schemas:core:2.0:Group";
const PATCH = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

interface Phase {
  name: string;
  ms: number;
  latencies: number[];
}

async function pool<T>(items: T[], workers: number, fn: (item: T) => Promise<number>): Promise<{ ms: number; latencies: number[] }> {
  const latencies: number[] = [];
  let next = 0;
  const t = await timed(() =>
    Promise.all(Array.from({ length: Math.min(workers, items.length) }, async () => {
      while (next < items.length) latencies.push(await fn(items[next++]));
    })),
  );
  return { ms: t.ms, latencies };
}

class Counter implements Logger {
  count = 0;
  logQuery(): void {
    this.count++;
  }
  logQueryError(): void {}
  logQuerySlow(): void {}
  logSchemaBuild(): void {}
  logMigration(): void {}
  log(): void {}
}

/** Group tree: 8 top groups, 4 children each, 5 grandchildren each (200 with the defaults). */
function tree(n: number): { level: number; parent: number | null }[] {
  const top = Math.max(1, Math.round(n / 25));
  const mid = top * 4;
  const out: { level: number; parent: number | null }[] = [];
  for (let i = 0; i < top; i++) out.push({ level: 1, parent: null });
  for (let i = 0; i < mid; i++) out.push({ level: 2, parent: i % top });
  for (let i = 0; out.length < n; i++) out.push({ level: 3, parent: top + (i % mid) });
  return out;
}

export async function runW5(o: W5Options): Promise<{ rows: Row[]; notes: string[] }> {
  const server: Child = await startChild("w5-server", o.serverScript, o.port, {
    DATABASE_URL: o.childUrl, JWT_SECRET: o.secret, SEED_DEMO: "false", NODE_ENV: "production", RATE_LIMIT_PRINCIPAL_POINTS: "0", RATE_LIMIT_SERVICE_POINTS: "0", RATE_LIMIT_TENANT_POINTS: "0",
  });
  const base = `http://127.0.0.1:${o.port}`;
  const call = async (method: string, path: string, bearer: string, body?: unknown, type = "application/scim+json"): Promise<{ status: number; body: any; ms: number }> => {
    const t = await timed(async () => {
      const r = await fetch(`${base}${path}`, { method, headers: { authorization: `Bearer ${bearer}`, ...(body ? { "content-type": type } : {}) }, body: body ? JSON.stringify(body) : undefined });
      const text = await r.text();
      return { status: r.status, body: text ? JSON.parse(text) : undefined };
    });
    return { ...t.value, ms: t.ms };
  };
  const gql = async (bearer: string, query: string, variables?: Record<string, unknown>) => {
    const r = await call("POST", "/graphql", bearer, { query, variables }, "application/json");
    if (r.body?.errors?.length) throw new Error(JSON.stringify(r.body.errors).slice(0, 400));
    return { data: r.body.data, ms: r.ms };
  };
  const scimOk = async (method: string, path: string, bearer: string, body?: unknown) => {
    const r = await call(method, `/scim/v2${path}`, bearer, body);
    if (r.status >= 300) throw new Error(`SCIM ${method} ${path}: ${r.status} ${JSON.stringify(r.body).slice(0, 300)}`);
    return r;
  };

  const op = await signToken(o.secret, { roles: ["PlatformOperator"], ttlSeconds: 4 * 3600 });
  const tenant = async (name: string) => {
    const r = await gql(op, `mutation($i: CreateTenantInput!) { createTenant(input: $i) { tenant { id } admin { id } } }`, {
      i: { displayName: name, adminUserPrincipalName: `admin@${name.toLowerCase()}.example`, adminDisplayName: "Admin" },
    });
    const admin = await signToken(o.secret, { tid: r.data.createTenant.tenant.id, oid: r.data.createTenant.admin.id, ttlSeconds: 4 * 3600 });
    const skus = (await gql(admin, `{ skus { id partNumber } }`)).data.skus as { id: string; partNumber: string }[];
    const sku = (p: string) => skus.find((s) => s.partNumber === p)!.id;
    const seats = Math.round(o.users * 0.6);
    await gql(admin, `mutation($i: PurchaseLicensesInput!) { purchaseLicenses(input: $i) { orderId } }`, {
      i: { channel: "ADMIN_CENTER", items: [{ skuId: sku("POWER_VIRTUAL_AGENTS"), quantity: 1 }, { skuId: sku("POWER_VIRTUAL_AGENTS_USER"), quantity: seats }] },
    });
    return { admin, userSku: sku("POWER_VIRTUAL_AGENTS_USER"), seats };
  };
  const assignTop = (admin: string, userSku: string, groupId: string) =>
    gql(admin, `mutation($i: AssignGroupLicensesInput!) { assignGroupLicenses(input: $i) { id } }`, { i: { groupId, addLicenses: [{ skuId: userSku }] } });

  const shape = tree(o.groups);
  const names = Array.from({ length: o.users }, (_, i) => `user${i}`);
  const chunksOf = <T>(xs: T[], n: number) => Array.from({ length: Math.ceil(xs.length / n) }, (_, i) => xs.slice(i * n, i * n + n));
  const leaves = shape.map((s, i) => (s.level === 3 ? i : -1)).filter((i) => i >= 0);
  const phases: Phase[] = [];
  const phase = (name: string, r: { ms: number; latencies: number[] }) => phases.push({ name, ...r });
  resetPeak(server);

  // ---- SCIM
  o.log("W5: SCIM initial sync");
  const s = await tenant("W5Scim");
  const tok = (await gql(s.admin, `mutation { createProvisioningToken(input: { description: "bench" }) { token } }`)).data.createProvisioningToken.token as string;
  const syncStart = process.hrtime.bigint();
  const sGroups: string[] = [];
  phase("SCIM POST /Groups", await pool(shape.map((_, i) => i), 1, async (i) => {
    const r = await scimOk("POST", "/Groups", tok, { schemas: [GROUP], displayName: `Group ${i}`, externalId: `g-${i}` });
    sGroups[i] = r.body.id;
    return r.ms;
  }));
  const parents = [...new Set(shape.filter((x) => x.parent !== null).map((x) => x.parent!))];
  phase("SCIM PATCH nesting", await pool(parents, o.workers, async (p) => {
    const kids = shape.map((x, i) => (x.parent === p ? sGroups[i] : null)).filter(Boolean) as string[];
    return (await scimOk("PATCH", `/Groups/${sGroups[p]}`, tok, { schemas: [PATCH], Operations: [{ op: "add", path: "members", value: kids.map((value) => ({ value })) }] })).ms;
  }));
  for (let i = 0; i < shape.length; i++) if (shape[i].level === 1) await assignTop(s.admin, s.userSku, sGroups[i]);
  const sUsers: string[] = [];
  phase("SCIM POST /Users", await pool(names.map((_, i) => i), o.workers, async (i) => {
    const r = await scimOk("POST", "/Users", tok, {
      schemas: [CORE], userName: `${names[i]}@w5scim.example`, externalId: `ext-${i}`, active: true,
      name: { givenName: "User", familyName: String(i) }, emails: [{ type: "work", primary: true, value: `${names[i]}@w5scim.example` }],
      addresses: [{ type: "work", country: "US" }],
    });
    sUsers[i] = r.body.id;
    return r.ms;
  }));
  const sBatches = chunksOf(sUsers, 100).map((ids, i) => ({ group: sGroups[leaves[i % leaves.length]], ids }));
  phase("SCIM PATCH members (100 each)", await pool(sBatches, o.workers, async (b) =>
    (await scimOk("PATCH", `/Groups/${b.group}`, tok, { schemas: [PATCH], Operations: [{ op: "add", path: "members", value: b.ids.map((value) => ({ value })) }] })).ms));
  const syncMs = Number(process.hrtime.bigint() - syncStart) / 1e6;
  const afterSync = memory(server);
  o.log(`W5: initial sync ${fmt(syncMs / 1000, 1)} s; re-sync`);
  const resyncStart = process.hrtime.bigint();
  phase("SCIM re-sync: GET by filter", await pool(names, o.workers, async (n) =>
    (await scimOk("GET", `/Users?filter=${encodeURIComponent(`userName eq "${n}@w5scim.example"`)}`, tok)).ms));
  phase("SCIM re-sync: no-op PATCH", await pool(sUsers, o.workers, async (id) =>
    (await scimOk("PATCH", `/Users/${id}`, tok, { schemas: [PATCH], Operations: [{ op: "replace", path: "active", value: true }] })).ms));
  const resyncMs = Number(process.hrtime.bigint() - resyncStart) / 1e6;

  // ---- GraphQL reference
  o.log("W5: GraphQL reference");
  const g = await tenant("W5Gql");
  const gStart = process.hrtime.bigint();
  const gGroups: string[] = [];
  phase("GraphQL createSecurityGroup", await pool(shape.map((_, i) => i), 1, async (i) => {
    const r = await gql(g.admin, `mutation($i: CreateSecurityGroupInput!) { createSecurityGroup(input: $i) { id } }`, { i: { displayName: `Group ${i}` } });
    gGroups[i] = r.data.createSecurityGroup.id;
    return r.ms;
  }));
  phase("GraphQL addGroupMembers nesting", await pool(parents, o.workers, async (p) => {
    const kids = shape.map((x, i) => (x.parent === p ? gGroups[i] : null)).filter(Boolean) as string[];
    return (await gql(g.admin, `mutation($i: GroupMembersInput!) { addGroupMembers(input: $i) { id } }`, { i: { groupId: gGroups[p], groupIds: kids } })).ms;
  }));
  for (let i = 0; i < shape.length; i++) if (shape[i].level === 1) await assignTop(g.admin, g.userSku, gGroups[i]);
  const gUsers: string[] = [];
  phase("GraphQL createUser", await pool(names.map((_, i) => i), o.workers, async (i) => {
    const r = await gql(g.admin, `mutation($i: CreateUserInput!) { createUser(input: $i) { id } }`, { i: { userPrincipalName: `${names[i]}@w5gql.example`, displayName: `User ${i}`, usageLocation: "US" } });
    gUsers[i] = r.data.createUser.id;
    return r.ms;
  }));
  const gBatches = chunksOf(gUsers, 100).map((ids, i) => ({ group: gGroups[leaves[i % leaves.length]], ids }));
  phase("GraphQL addGroupMembers (100 each)", await pool(gBatches, o.workers, async (b) =>
    (await gql(g.admin, `mutation($i: GroupMembersInput!) { addGroupMembers(input: $i) { id } }`, { i: { groupId: b.group, userIds: b.ids } })).ms));
  const gMs = Number(process.hrtime.bigint() - gStart) / 1e6;
  const peak = memory(server).peak;

  // Both tenants end with the same seat counts: the same demand met by the same pool.
  const consumed = async (admin: string) => (await gql(admin, `{ tenant { licenses { sku { partNumber } consumedUnits unassignedDemand } } }`)).data.tenant.licenses.find((l: any) => l.sku.partNumber === "POWER_VIRTUAL_AGENTS_USER");
  const [cs, cg] = [await consumed(s.admin), await consumed(g.admin)];
  await stopChild(server);

  // ---- SQL per request, in process, on the same database
  const counter = new Counter();
  const ds = new DataSource({ ...dataSourceOptions({ url: o.url, searchPath: o.searchPath, logger: counter }) } as DataSourceOptions);
  const app = await createApp({ dataSource: ds, config: { jwtSecret: o.secret, production: true, throttle: { principalPoints: 0, tenantPoints: 0, windowSeconds: 60 } }, log: { info: () => undefined, error: () => undefined } });
  const apollo = await createApolloServer(app);
  const http: Server = createServer(createHttpHandler(app, apollo));
  await new Promise<void>((r) => http.listen(0, "127.0.0.1", r));
  const port = (http.address() as AddressInfo).port;
  const local = async (method: string, path: string, bearer: string, body?: unknown, type = "application/scim+json") => {
    const before = counter.count;
    const r = await fetch(`http://127.0.0.1:${port}${path}`, { method, headers: { authorization: `Bearer ${bearer}`, ...(body ? { "content-type": type } : {}) }, body: body ? JSON.stringify(body) : undefined });
    const text = await r.text();
    if (r.status >= 300) throw new Error(`${path}: ${r.status} ${text.slice(0, 200)}`);
    return { n: counter.count - before, body: text ? JSON.parse(text) : undefined };
  };
  const sql: Record<string, number[]> = { post: [], patchMembers: [], get: [], noop: [], createUser: [], addMembers: [] };
  for (let i = 0; i < 5; i++) {
    const u = await local("POST", "/scim/v2/Users", tok, { schemas: [CORE], userName: `extra${i}@w5scim.example`, emails: [{ type: "work", value: `extra${i}@w5scim.example` }] });
    sql.post.push(u.n);
    sql.patchMembers.push((await local("PATCH", `/scim/v2/Groups/${sGroups[leaves[i]]}`, tok, { schemas: [PATCH], Operations: [{ op: "add", path: "members", value: [{ value: u.body.id }] }] })).n);
    sql.get.push((await local("GET", `/scim/v2/Users?filter=${encodeURIComponent(`userName eq "user${i}@w5scim.example"`)}`, tok)).n);
    sql.noop.push((await local("PATCH", `/scim/v2/Users/${sUsers[i]}`, tok, { schemas: [PATCH], Operations: [{ op: "replace", path: "active", value: true }] })).n);
    const c = await local("POST", "/graphql", g.admin, { query: `mutation($i: CreateUserInput!) { createUser(input: $i) { id } }`, variables: { i: { userPrincipalName: `extra${i}@w5gql.example`, displayName: "X" } } }, "application/json");
    sql.createUser.push(c.n);
    sql.addMembers.push((await local("POST", "/graphql", g.admin, { query: `mutation($i: GroupMembersInput!) { addGroupMembers(input: $i) { id } }`, variables: { i: { groupId: gGroups[leaves[i]], userIds: [c.body.data.createUser.id] } } }, "application/json")).n);
  }
  await new Promise((r) => http.close(r));
  await apollo.stop();
  await ds.destroy();

  const byName = new Map(phases.map((p) => [p.name, p]));
  const rps = (p: Phase) => (p.latencies.length / p.ms) * 1000;
  const row = (name: string, subject: string, extra: string, ratioText = "", target = ""): Row => {
    const p = byName.get(name)!;
    return { workload: `W5 ${name}`, subject, median: `${fmt(median(p.latencies))} ms`, p95: `${fmt(p95(p.latencies))} ms`, extra: `${p.latencies.length.toLocaleString("en-US")} requests, ${fmt(rps(p), 0)} req/s${extra}`, ratio: ratioText, target };
  };
  const med = (xs: number[]) => fmt(median(xs), 0);
  const ratioUsers = rps(byName.get("SCIM POST /Users")!) / rps(byName.get("GraphQL createUser")!);
  const rows: Row[] = [
    row("SCIM POST /Users", "ours (SCIM)", `; ${med(sql.post)} SQL/request`, `${fmt(ratioUsers, 2)}× GraphQL createUser`, `≥ 0.80× → ${ratioUsers >= 0.8 ? "met" : "MISSED"}`),
    row("GraphQL createUser", "reference (GraphQL)", `; ${med(sql.createUser)} SQL/request`, "1.00×"),
    row("SCIM PATCH members (100 each)", "ours (SCIM)", `; ${med(sql.patchMembers)} SQL/request (1 member, in-process sample)`,
      `${fmt(rps(byName.get("SCIM PATCH members (100 each)")!) / rps(byName.get("GraphQL addGroupMembers (100 each)")!), 2)}× GraphQL`),
    row("GraphQL addGroupMembers (100 each)", "reference (GraphQL)", `; ${med(sql.addMembers)} SQL/request (1 member, in-process sample)`, "1.00×"),
    row("SCIM POST /Groups", "ours (SCIM)", "", `${fmt(rps(byName.get("SCIM POST /Groups")!) / rps(byName.get("GraphQL createSecurityGroup")!), 2)}× GraphQL`),
    row("SCIM PATCH nesting", "ours (SCIM)", ""),
    row("SCIM re-sync: GET by filter", "ours (SCIM)", `; ${med(sql.get)} SQL/request`),
    row("SCIM re-sync: no-op PATCH", "ours (SCIM)", `; ${med(sql.noop)} SQL/request`),
    {
      workload: "W5 initial sync, total", subject: "ours (SCIM)", median: `${fmt(syncMs / 1000, 1)} s`, p95: "",
      extra: `${o.groups} groups, ${o.users.toLocaleString("en-US")} users, ${sBatches.length} member PATCHes; re-sync ${fmt(resyncMs / 1000, 1)} s; GraphQL reference ${fmt(gMs / 1000, 1)} s`,
      ratio: `${fmt(syncMs / gMs, 2)}× GraphQL`, target: o.engine === "sqlite" ? `< 60 s → ${syncMs < 60_000 ? "met" : "MISSED"}` : "(target is for SQLite)",
    },
    {
      workload: "W5 server peak RSS (VmHWM)", subject: "ours", median: `${fmt(peak / 2 ** 20, 0)} MB`, p95: "", extra: `after the SCIM sync ${fmt(afterSync.rss / 2 ** 20, 0)} MB`, ratio: "",
      target: `≤ 300 MB → ${peak <= 300 * 2 ** 20 ? "met" : "MISSED"}`,
    },
  ];
  const notes = [
    `W5 data: ${o.users.toLocaleString("en-US")} users, ${o.groups} groups nested 3 deep (${shape.filter((x) => x.level === 1).length} → ${shape.filter((x) => x.level === 2).length} → ${shape.filter((x) => x.level === 3).length}), the user SKU on the top groups with ${s.seats.toLocaleString("en-US")} seats for ${o.users.toLocaleString("en-US")} wanting users; ${o.workers} concurrent clients. End state, SCIM vs GraphQL tenant: consumed ${cs.consumedUnits} vs ${cg.consumedUnits}, unassigned demand ${cs.unassignedDemand} vs ${cg.unassignedDemand}.`,
    "W5 SQL/request: medians of 5 requests of each kind on an in-process app over the same database after the run (the transaction's BEGIN/COMMIT and the tenant lock included).",
  ];
  return { rows, notes };
}
