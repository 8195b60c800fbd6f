/**
 * W6 (issue 12): 1,000 connected subscribers of myLicenseChanged in one tenant; one group assignment changes all of
 * them. Measured: the time from the mutation's response to the last event (5 runs), the SQL statements of the fan-out
 * (in-process, TypeORM's logger), the server's RSS with 1,000 sockets open; reference: the same 1,000 users each
 * polling `me` once.
 */
import { createServer, Server } from "node:http";
import { AddressInfo } from "node:net";
import { Client, createClient } from "graphql-ws";
import WebSocket from "ws";
import { signToken } from "../../src/app/auth/sign";
import { App } from "../../src/app/request/context";
import { liveHub } from "../../src/app/live/hub";
import { User } from "../../src/data/entities";
import { newId } from "../../src/domain/ids";
import { createHttpHandler } from "../../src/http/server";
import { attachLiveUpdates } from "../../src/api/graphql/ws";
import { contextFor, createApolloServer } from "../../src/api/graphql/apollo";
import { Child, memory } from "./lib/proc";
import { fmt, median, Row } from "./lib/stats";

export const W6_SUBSCRIPTION = "subscription { myLicenseChanged { id canCreateBots effectiveLicenses { sku { id } state } } }";
const ME_QUERY = "{ me { canCreateBots effectiveLicenses { sku { id } state } } }";
const N = 1000;
const RUNS = 5;

export interface W6Deps {
  app: App;
  secret: string;
  engine: string;
  counter: { count: number; record: boolean; queries: string[] };
  startServer(): Promise<Child>;
  gqlOk<T = any>(port: number, token: string, query: string, variables?: Record<string, unknown>): Promise<T>;
  inProcessServer(): Promise<Awaited<ReturnType<typeof createApolloServer>>>;
  log(msg: string): void;
  rows: Row[];
  notes: string[];
}

interface Sub {
  client: Client;
  events: { at: number; canCreateBots: boolean }[];
  waiter?: () => void;
}

async function connectAll(port: number, tokens: string[]): Promise<Sub[]> {
  const subs: Sub[] = [];
  for (let i = 0; i < tokens.length; i += 100) {
    subs.push(...(await Promise.all(tokens.slice(i, i + 100).map(async (t) => {
      const s: Sub = { client: undefined as unknown as Client, events: [] };
      await new Promise<void>((res, rej) => {
        s.client = createClient({
          url: `ws://127.0.0.1:${port}/graphql`, webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${t}` },
          lazy: false, retryAttempts: 0, onNonLazyError: rej, on: { connected: () => res() },
        });
      });
      s.client.subscribe<{ myLicenseChanged: { canCreateBots: boolean } }>({ query: W6_SUBSCRIPTION }, {
        next: (v) => {
          if (v.errors?.length || !v.data) throw new Error(`W6: event with errors ${JSON.stringify(v.errors)}`);
          s.events.push({ at: performance.now(), canCreateBots: v.data.myLicenseChanged.canCreateBots });
          s.waiter?.();
        },
        error: (e) => console.error("W6 subscription error", e),
        complete: () => undefined,
      });
      return s;
    }))));
  }
  return subs;
}

/** Resolves when every subscriber has more events than `have` says (or rejects after `ms`). */
function waitNew(subs: Sub[], have: number[], ms: number): Promise<void> {
  return new Promise((res, rej) => {
    const timer = setTimeout(() => {
      for (const s of subs) s.waiter = undefined;
      rej(new Error(`W6: ${subs.filter((s, i) => s.events.length <= have[i]).length} subscribers without a new event after ${ms} ms`));
    }, ms);
    const check = () => {
      if (subs.every((s, i) => s.events.length > have[i])) {
        clearTimeout(timer);
        for (const s of subs) s.waiter = undefined;
        res();
      }
    };
    for (const s of subs) s.waiter = check;
    check();
  });
}

const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)];
};

export async function w6(d: W6Deps): Promise<void> {
  const server = await d.startServer();
  const op = await signToken(d.secret, { roles: ["PlatformOperator"], ttlSeconds: 4 * 3600 });
  const created = await d.gqlOk(server.port, op, "mutation($i: CreateTenantInput!) { createTenant(input: $i) { tenant { id } admin { id } } }", {
    i: { displayName: "W6 live", adminUserPrincipalName: "admin@w6.example", adminDisplayName: "Admin" },
  });
  const tenantId: string = created.createTenant.tenant.id;
  const admin = await signToken(d.secret, { tid: tenantId, oid: created.createTenant.admin.id, ttlSeconds: 4 * 3600 });
  const cat = d.app.catalog;
  const skuUser = cat.skuByPartNumber("POWER_VIRTUAL_AGENTS_USER")!.id;
  await d.gqlOk(server.port, admin, "mutation($i: PurchaseLicensesInput!) { purchaseLicenses(input: $i) { orderId } }", {
    i: { channel: "ADMIN_CENTER", items: [{ skuId: cat.skuByPartNumber("POWER_VIRTUAL_AGENTS")!.id, quantity: 1 }, { skuId: skuUser, quantity: N }] },
  });
  const now = new Date();
  const users = Array.from({ length: N }, (_, i) => Object.assign(new User(), {
    id: newId("user"), userPrincipalName: `w6-${i}@w6.example`, upnKey: `w6-${i}@w6.example`, displayName: `W6 ${i}`,
    accountEnabled: true, roles: [], createdAt: now,
  }));
  await d.app.database.write(d.app.database.lock(), tenantId, (tx) => tx.insert(User, users));
  const group = (await d.gqlOk(server.port, admin, "mutation { createSecurityGroup(input: { displayName: \"W6 everyone\" }) { id } }")).createSecurityGroup.id;
  await d.gqlOk(server.port, admin, "mutation($i: GroupMembersInput!) { addGroupMembers(input: $i) { id } }", { i: { groupId: group, userIds: users.map((u) => u.id) } });
  const tokens = await Promise.all(users.map((u) => signToken(d.secret, { tid: tenantId, oid: u.id, ttlSeconds: 4 * 3600 })));
  let assigned = false;
  const toggle = (port: number) =>
    d.gqlOk(port, admin, "mutation($i: AssignGroupLicensesInput!) { assignGroupLicenses(input: $i) { id } }", {
      i: assigned ? { groupId: group, removeSkuIds: [skuUser] } : { groupId: group, addLicenses: [{ skuId: skuUser }] },
    }).then(() => (assigned = !assigned));

  // 1. Timing and memory against the server under test (a child process).
  d.log(`W6: connecting ${N} graphql-ws clients to the server under test`);
  const rssBefore = memory(server).rss;
  const subs = await connectAll(server.port, tokens);
  // The protocol does not acknowledge a subscribe: a warm-up write shows every subscription is registered.
  for (let w = 1; ; w++) {
    const have = subs.map((s) => s.events.length);
    await toggle(server.port);
    try {
      await waitNew(subs, have, 20_000);
      break;
    } catch (e) {
      if (w >= 5) throw e;
    }
  }
  const rss = memory(server).rss;
  const toLast: number[] = [];
  const responseMs: number[] = [];
  for (let r = 0; r < RUNS; r++) {
    const have = subs.map((s) => s.events.length);
    const t0 = performance.now();
    await toggle(server.port);
    const tResp = performance.now();
    await waitNew(subs, have, 30_000);
    const fresh = subs.map((s, i) => s.events.slice(have[i]));
    if (fresh.some((f) => f.length !== 1 || f[0].canCreateBots !== assigned)) throw new Error(`W6 run ${r}: an event missing, doubled or stale`);
    const last = Math.max(...fresh.map((f) => f[0].at));
    toLast.push(Math.max(0, last - tResp));
    responseMs.push(tResp - t0);
  }
  for (const s of subs) await s.client.dispose();

  // 2. The fan-out's statements, in-process (TypeORM's logger): everything after the mutation's COMMIT.
  d.log(`W6: counting the fan-out's statements in-process with ${N} subscribers`);
  const apollo = await d.inProcessServer();
  const http: Server = createServer(createHttpHandler(d.app, apollo));
  const closeLive = await attachLiveUpdates(d.app, http);
  await new Promise<void>((r) => http.listen(0, "127.0.0.1", r));
  const port = (http.address() as AddressInfo).port;
  const hub = liveHub(d.app);
  const local = await connectAll(port, tokens);
  await hub.when(() => hub.count(tenantId) === N);
  const have = local.map((s) => s.events.length);
  d.counter.record = true;
  d.counter.queries = [];
  await toggle(port);
  await waitNew(local, have, 30_000);
  d.counter.record = false;
  const qs = d.counter.queries;
  const commit = qs.map((q) => /^\s*COMMIT/i.test(q)).lastIndexOf(true);
  const fanout = qs.slice(commit + 1);
  for (const s of local) await s.client.dispose();
  await closeLive();
  await new Promise((r) => http.close(r));

  // 3. Reference: the same users each polling `me` once, 50 at a time, against the server under test.
  const pollT0 = performance.now();
  for (let i = 0; i < N; i += 50) await Promise.all(tokens.slice(i, i + 50).map((t) => d.gqlOk(server.port, t, ME_QUERY)));
  const pollMs = performance.now() - pollT0;
  d.counter.record = true;
  d.counter.queries = [];
  const ctx = await contextFor(d.app, `Bearer ${tokens[0]}`);
  await apollo.executeOperation({ query: ME_QUERY }, { contextValue: ctx }).catch(() => undefined);
  d.counter.record = false;
  const perPoll = Math.max(1, d.counter.queries.length);

  const med = median(toLast);
  const p99 = quantile(toLast, 0.99);
  d.rows.push({
    workload: `W6 live fan-out, ${N} subscribers`, subject: "ours: myLicenseChanged after one group assignment",
    median: `${fmt(med, 0)} ms`, p95: `p99 ${fmt(p99, 0)} ms`,
    extra: `${RUNS} runs, response to last event; mutation ${fmt(median(responseMs), 0)} ms; fan-out ${fanout.length} SQL; RSS ${fmt(rss / 2 ** 20, 0)} MB with ${N} sockets (${fmt(rssBefore / 2 ** 20, 0)} MB before)`,
    ratio: `${fmt(med / pollMs, 2)}× polling time`,
    target: `≤ 2 s → ${p99 <= 2000 ? "met" : "MISSED"}; ≤ 10 SQL → ${fanout.length <= 10 ? "met" : "MISSED"}; ≤ 400 MB → ${rss <= 400 * 2 ** 20 ? "met" : "MISSED"}`,
  });
  d.rows.push({
    workload: `W6 live fan-out, ${N} subscribers`, subject: "reference: each user polls `me` once (50 in flight)",
    median: `${fmt(pollMs, 0)} ms`, p95: "", extra: `${N} requests, ${N * perPoll} SQL (${perPoll} each)`, ratio: "1.00×", target: "",
  });
  d.notes.push(`W6 (${d.engine}): fan-out statements after the mutation's COMMIT: ${fanout.map((q) => `\`${q.replace(/\s+/g, " ").slice(0, 70)}…\``).join("; ")}.`);
}
