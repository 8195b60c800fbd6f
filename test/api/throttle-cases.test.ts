import { randomUUID } from "node:crypto";
import { join } from "node:path";
import { DocumentNode, getIntrospectionQuery, OperationDefinitionNode, TypeNode } from "graphql";
import { loadConfig, ThrottleSettings } from "../../src/config";
import { Throttle, ThrottleKeys } from "../../src/infra/throttle";
import { scimThrottleKeys, throttleKeys } from "../../src/app/request/admission";
import { engines, TestApi } from "../helpers/harness";
import { newTenant, Q } from "../helpers/fixtures";
import { scimWorld } from "../scim/scim-client";

/**
 * DESIGN §12 T2's four cases, played at the default buckets with the test's clock (one second of the clock per
 * second of the case), on each engine, with the buckets in memory and in Redis.
 */
const REDIS = process.env.TEST_REDIS_URL;
const STORES: [string, string | undefined][] = [["memory", undefined], ...(REDIS ? [["redis", REDIS] as [string, string]] : [])];
const DEFAULTS = loadConfig({}).throttle;
const CHECK = "query ThrottleCase { me { canCreateBots } }";

const codeOf = (r: { errors?: { extensions?: Record<string, unknown> }[] }) => r.errors?.[0]?.extensions?.code;

/**
 * Empties a bucket, as a burst just before would have: each case then starts with no saved-up points, so passing
 * shows that the buckets' refill alone carries the case, however long it goes on.
 */
async function drain(throttle: Throttle, keys: (i: number) => ThrottleKeys): Promise<void> {
  for (let i = 0; i < 100; i++) {
    const left = (await throttle.peek(keys(i))).currentlyAvailable;
    if (left === 0) return;
    if (!(await throttle.take(keys(i), left)).allowed) throw new Error("could not drain");
  }
  throw new Error("still not empty");
}

/** The console's own operations, as its build sends them (src/console/src/gql: generated from its `graphql()` documents). */
function consoleQueries(): Map<string, DocumentNode> {
  // Read at run time: the console is compiled apart from the server (tsconfig excludes it).
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const mod = require(join(__dirname, "../../src/console/src/gql/graphql.ts")) as Record<string, unknown>;
  const out = new Map<string, DocumentNode>();
  for (const [name, doc] of Object.entries(mod)) {
    if (!name.endsWith("Document")) continue;
    const op = (doc as DocumentNode).definitions.find((d): d is OperationDefinitionNode => d.kind === "OperationDefinition");
    if (op?.operation === "query" && op.name) out.set(op.name.value, doc as DocumentNode);
  }
  return out;
}

/**
 * The console's pages and what each sends when opened (a full reload: the shell's Me and live pools too). Pages
 * name their documents; a query of the console's that no page names gets a view of its own, so every one is walked.
 */
const PAGES: string[][] = [
  ["ActiveUsers"],
  ["ActiveUsers", "UserLicenses", "AssignableSkus"],
  ["ActiveUsers", "WhyUser"],
  ["Groups"],
  ["Group", "GroupMembers", "GroupLicenseErrors", "AssignableSkus"],
  ["Group", "PreviewGroupLicense"],
  ["Subscriptions"],
  ["Catalog"],
  ["Capacity", "CapacityHistory"],
  ["AuditEvents"],
  ["Settings", "ProvisioningTokens"],
];
const SHELL = ["Me", "LivePools"];

describe.each(engines())("T2's four cases at the default buckets (%s)", (_engine, url) => {
  describe.each(STORES)("buckets in %s", (_store, redisUrl) => {
    let api: TestApi;
    let http: string;
    beforeAll(async () => {
      // The machine's Redis is shared: this run's keys have their own prefix.
      const throttle: ThrottleSettings = { ...DEFAULTS, redisUrl, keyPrefix: `lg:test:${randomUUID()}:` };
      api = await TestApi.start(url, { config: { throttle } });
      http = await api.listen();
      if (redisUrl) {
        const deadline = Date.now() + 10_000;
        while (api.app.throttle.store.store !== "redis") {
          if (Date.now() > deadline) throw new Error("redis not ready");
          await new Promise((r) => setTimeout(r, 20));
        }
      }
    });
    afterAll(() => api.stop());

    it("T2 1,000 distinct users of one tenant, each asking me { canCreateBots } once a second, are never throttled", async () => {
      const t = await newTenant(api, "Thousand");
      const ids = await t.bulkUsers(1_000, "reader");
      const tokens = await Promise.all(ids.map((oid) => api.token({ tid: t.tenantId, oid })));
      // The tenant's bucket starts empty (its other principals just spent 300,000 points), then refills for a second.
      await drain(api.app.throttle, (i) => ({ principal: `burst:${i}`, tenant: t.tenantId, service: true }));
      api.clock.advanceMs(1_000);
      // Two seconds through the API: each check costs 1 and pays into its user's bucket and the tenant's.
      for (let second = 0; second < 2; second++) {
        for (let i = 0; i < tokens.length; i += 50) {
          const answers = (await Promise.all(tokens.slice(i, i + 50).map((token) => api.exec(token, CHECK)))) as any[];
          for (const a of answers) expect({ code: codeOf(a), cost: a.extensions.cost.requestedQueryCost }).toEqual({ code: undefined, cost: 1 });
        }
        api.clock.advanceMs(1_000);
      }
      // Then a minute more by the same buckets, keys and price, without the HTTP work.
      const keys = ids.map((oid) => throttleKeys({ tid: t.tenantId, oid, roles: [] }, undefined));
      let refused = 0;
      for (let second = 2; second < 60; second++) {
        const paid = await Promise.all(keys.map((k) => api.app.throttle.take(k, 1)));
        refused += paid.filter((d) => !d.allowed).length;
        api.clock.advanceMs(1_000);
      }
      expect(refused).toBe(0);
    }, 120_000);

    it("T2 an admin clicking through the console a page a second, with the explorer's schema load, is never throttled", async () => {
      const t = await newTenant(api, "Clicker");
      await t.buy(20);
      const users = await t.bulkUsers(120, "staff");
      const group = await t.group("Sales");
      await t.add(group, users.slice(0, 60));
      await t.assignGroup(group);
      const months = Array.from({ length: 12 }, (_, i) => `2026-${String(i + 1).padStart(2, "0")}`);
      const valueFor = (op: string, name: string, type: TypeNode): unknown => {
        const required = type.kind === "NonNullType";
        const known: Record<string, unknown> = {
          first: 50, after: null, search: null, action: null, targetId: null, period: null, transitive: false,
          id: /Group/.test(op) ? group : users[0], groupId: group, userId: users[0], skuId: t.sku.user,
          from: op === "UsageHistory" ? "2026-01-01" : null, to: op === "UsageHistory" ? "2026-03-31" : null,
        };
        if (name in known) return known[name];
        if (/^p\d+$/.test(name)) return months[Number(name.slice(1)) % 12];
        return required ? (/Int/.test(JSON.stringify(type)) ? 1 : users[0]) : null;
      };
      const docs = consoleQueries();
      expect(docs.size).toBeGreaterThanOrEqual(15);
      const named = new Set([...SHELL, ...PAGES.flat()]);
      const pages = [...PAGES.map((p) => p.filter((n) => docs.has(n))), ...[...docs.keys()].filter((n) => !named.has(n)).map((n) => [n])];
      const send = async (name: string) => {
        const doc = docs.get(name)!;
        const op = doc.definitions.find((d): d is OperationDefinitionNode => d.kind === "OperationDefinition")!;
        const variables = Object.fromEntries((op.variableDefinitions ?? []).map((v) => [v.variable.name.value, valueFor(name, v.variable.name.value, v.type)]));
        return (await api.exec(t.admin, doc, variables)) as any;
      };

      // The admin's bucket starts empty (a burst just before), then refills for a second.
      await drain(api.app.throttle, () => throttleKeys({ tid: t.tenantId, oid: t.adminId, roles: [] }, undefined));
      api.clock.advanceMs(1_000);
      const visited = new Set<string>();
      const throttled: string[] = [];
      let spent = 0;
      let lowest = Infinity;
      const VIEWS = 120; // two minutes, every page several times
      for (let view = 0; view < VIEWS; view++) {
        const names = [...SHELL.filter((n) => docs.has(n)), ...pages[view % pages.length]];
        const answers = await Promise.all(names.map(send));
        if (view % 10 === 0) answers.push((await api.exec(t.admin, getIntrospectionQuery({ descriptions: true, inputValueDeprecation: true }))) as any);
        if (view % 30 === 29) answers.push((await api.exec(t.admin, Q.updateUser, { input: { id: users[view % users.length], displayName: `Staff ${view}` } })) as any);
        answers.forEach((a, i) => {
          if (codeOf(a) === "RATE_LIMITED") throttled.push(`${view}: ${names[i] ?? "explorer/save"}`);
          spent += a.extensions.cost.requestedQueryCost;
          lowest = Math.min(lowest, a.extensions.cost.throttleStatus.currentlyAvailable);
        });
        names.forEach((n, i) => {
          if (!answers[i].errors) visited.add(n);
        });
        api.clock.advanceMs(1_000);
      }
      expect(throttled).toEqual([]);
      expect([...docs.keys()].filter((n) => !visited.has(n))).toEqual([]); // every query of the console answered
      // About 5 points a view against the principal's 20 a second: the walk never uses up a second's refill.
      expect(spent / VIEWS).toBeLessThan(DEFAULTS.principalPoints / DEFAULTS.windowSeconds / 2);
      expect(lowest).toBeGreaterThan(0); // never empty, though it started so
    }, 120_000);

    it("T2 H7 a provisioning token sustains 25 SCIM writes a second", async () => {
      const w = await scimWorld(api, http, "Directory");
      const ids: string[] = [];
      const created = await Promise.all(
        Array.from({ length: 25 }, (_, i) =>
          w.scim("POST", "/Users", { schemas: ["urn:ietf:params:scim:schemas:core:2.0:User"], userName: `synced${i}@directory.example`, displayName: `Synced ${i}`, active: true }),
        ),
      );
      for (const c of created) {
        expect(c.status).toBe(201);
        ids.push(c.body.id);
      }
      // The token's bucket starts empty (the directory's initial burst), then refills for a second.
      await drain(api.app.throttle, () => scimThrottleKeys(w.tokenId, w.t.tenantId));
      api.clock.advanceMs(1_000);
      // 20 seconds of 25 writes each, by the refill alone.
      const statuses = new Map<number, number>();
      for (let second = 1; second <= 20; second++) {
        const replies = await Promise.all(
          ids.map((id, i) =>
            w.scim("PATCH", `/Users/${id}`, { schemas: ["urn:ietf:params:scim:api:messages:2.0:PatchOp"], Operations: [{ op: "replace", path: "displayName", value: `Synced ${i} (${second})` }] }),
          ),
        );
        for (const r of replies) statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1);
        api.clock.advanceMs(1_000);
      }
      expect([...statuses]).toEqual([[200, 500]]);
      // 300 points a second against 250: a second's 50 to spare, kept.
      const left = await api.app.throttle.peek(scimThrottleKeys(w.tokenId, w.t.tenantId));
      expect(left).toMatchObject({ maximumAvailable: DEFAULTS.servicePoints, restoreRate: 300 });
      expect(left.currentlyAvailable).toBeGreaterThanOrEqual(20 * 50);
    }, 180_000);

    it("T2 H7 a provisioning token far over 25 SCIM writes a second is throttled: SCIM's 429 with Retry-After, then the restore rate", async () => {
      const w = await scimWorld(api, http, "Flood");
      const created = await w.scim("POST", "/Users", { schemas: ["urn:ietf:params:scim:schemas:core:2.0:User"], userName: "flooded@directory.example" });
      expect(created.status).toBe(201);
      const write = (i: number) =>
        w.scim("PATCH", `/Users/${created.body.id}`, { schemas: ["urn:ietf:params:scim:api:messages:2.0:PatchOp"], Operations: [{ op: "replace", path: "title", value: `t${i}` }] });
      // An emptied bucket and one second of refill: 300 points, 30 writes. A burst of 100 in that second gets 30 through.
      await drain(api.app.throttle, () => scimThrottleKeys(w.tokenId, w.t.tenantId));
      api.clock.advanceMs(1_000);
      const replies = [];
      for (let i = 0; i < 100; i++) replies.push(await write(i));
      expect(replies.filter((r) => r.status === 200)).toHaveLength(DEFAULTS.servicePoints! / DEFAULTS.windowSeconds / 10);
      const refused = replies.find((r) => r.status === 429)!;
      expect(refused.body).toMatchObject({ schemas: ["urn:ietf:params:scim:api:messages:2.0:Error"], status: "429" });
      const raw = await fetch(`${http}/scim/v2/Users/${created.body.id}`, {
        method: "PATCH", headers: { authorization: `Bearer ${w.token}`, "content-type": "application/scim+json" },
        body: JSON.stringify({ schemas: ["urn:ietf:params:scim:api:messages:2.0:PatchOp"], Operations: [{ op: "replace", path: "title", value: "again" }] }),
      });
      expect([raw.status, raw.headers.get("retry-after")]).toEqual([429, "1"]);
      // A second later the refill carries the next 30.
      api.clock.advanceMs(1_000);
      const next = [];
      for (let i = 0; i < 31; i++) next.push((await write(100 + i)).status);
      expect(next.filter((s) => s === 200)).toHaveLength(30);
    }, 120_000);

    it("T2 one user sending 100 me a second is throttled within 30 s, then gets the restore rate", async () => {
      const t = await newTenant(api, "Loop");
      const u = await t.user("looper");
      let first: number | undefined;
      let refusal: any;
      for (let i = 0; i < 3_000 && first === undefined; i++) {
        const r = (await api.exec(u.token, CHECK)) as any;
        if (codeOf(r) === "RATE_LIMITED") {
          first = i;
          refusal = r;
        }
        api.clock.advanceMs(10);
      }
      expect(first).toBeDefined();
      // 1,200 points and 20 a second against 100 a second: empty after 1,200 / 80 = 15 s.
      expect(first! / 100).toBeCloseTo(15, 0);
      expect(refusal.errors[0].extensions.retryAfterSeconds).toBe(1);
      let passed = 0;
      for (let i = 0; i < 500; i++) {
        if (!(await api.exec(u.token, CHECK)).errors) passed++;
        api.clock.advanceMs(10);
      }
      expect(passed).toBe(100); // 5 s at the restore rate of 20 a second
    }, 120_000);
  });
});
