import { BatchRequestContent, BatchRequestStep, BatchResponseContent, Client } from "@microsoft/microsoft-graph-client";
import { newTenant, TenantFx } from "../helpers/fixtures";
import { TestApi } from "../helpers/harness";
import { engines, graphClient, graphFetch, guid, PUBLIC_URL, startGraph } from "./graph-client";

const at = (path: string) => `${PUBLIC_URL}/v1.0${path}`;
const get = (id: string, path: string, headers: Record<string, string> = {}): BatchRequestStep => ({ id, request: new Request(at(path), { method: "GET", headers }) });
const post = (id: string, path: string, body: unknown, dependsOn?: string[]): BatchRequestStep => ({
  id, dependsOn, request: new Request(at(path), { method: "POST", body: JSON.stringify(body), headers: { "Content-Type": "application/json" } }),
});
const del = (id: string, path: string, dependsOn?: string[]): BatchRequestStep => ({ id, dependsOn, request: new Request(at(path), { method: "DELETE" }) });

async function sendBatch(graph: Client, steps: BatchRequestStep[]): Promise<{ raw: any; res: BatchResponseContent }> {
  const raw = await graph.api("/$batch").post(await new BatchRequestContent(steps).getContent());
  return { raw, res: new BatchResponseContent(raw) };
}

/** MG5: JSON batching with the SDK's BatchRequestContent, as a script sends it. */
describe.each(engines())("Microsoft Graph: $batch (MG5) (%s)", (_engine, url) => {
  let api: TestApi;
  let origin: string;
  let t: TenantFx;
  let graph: Client;
  const ids: Record<string, string> = {};
  let makers: string;
  const assign = () => ({ addLicenses: [{ skuId: guid(t.sku.user), disabledPlans: [] }], removeLicenses: [] });

  beforeAll(async () => {
    ({ api, origin } = await startGraph(url));
    t = await newTenant(api, "Contoso");
    await t.buy(5);
    for (const n of ["u1", "u2", "u3", "u4", "u5", "u6", "u7"]) ids[n] = (await t.user(n)).id;
    makers = await t.group("Makers");
    graph = graphClient(origin, t.admin);
  });
  afterAll(() => api.stop());

  it("MG5: a batch of 20 — reads, assignLicense, members/$ref, a group's license — each answered with its own status, as alone", async () => {
    const steps: BatchRequestStep[] = [
      get("skus", "/subscribedSkus"),
      get("me", "/me?$select=id"),
      get("licensed", `/users?$filter=assignedLicenses/any(x:x/skuId eq ${guid(t.sku.user)})&$select=id`),
      get("count", "/users?$count=true&$top=1", { ConsistencyLevel: "eventual" }),
      get("search", '/users?$search="displayName:u7"', { ConsistencyLevel: "eventual" }),
      get("groups", "/groups"),
      get("group", `/groups/${guid(makers)}`),
      get("transitive", `/groups/${guid(makers)}/transitiveMembers`),
      get("u7", `/users/${guid(ids.u7)}?$select=assignedLicenses`),
      get("details", `/users/${guid(ids.u7)}/licenseDetails`),
      get("memberOf", `/users/${guid(ids.u7)}/memberOf`),
      get("missing", "/users/00000000-0000-4000-8000-000000000000"),
      get("bad-option", "/users?$orderby=displayName"),
      ...["u1", "u2", "u3"].map((n) => post(`assign-${n}`, `/users/${guid(ids[n])}/assignLicense`, assign())),
      ...["u4", "u5", "u6"].map((n) => post(`add-${n}`, `/groups/${guid(makers)}/members/$ref`, { "@odata.id": at(`/directoryObjects/${guid(ids[n])}`) })),
      post("group-license", `/groups/${guid(makers)}/assignLicense`, assign()),
    ];
    expect(steps).toHaveLength(20);
    const READS = ["skus", "me", "count", "search", "groups", "group", "transitive", "u7", "details", "memberOf"];
    const alone: Record<string, unknown> = {};
    for (const id of READS) {
      const step = steps.find((s) => s.id === id)!;
      alone[id] = await graph.api(step.request.url.slice(`${PUBLIC_URL}/v1.0`.length)).headers(Object.fromEntries(step.request.headers)).get();
    }
    const { raw, res } = await sendBatch(graph, steps);
    expect(raw.responses.map((r: any) => r.id)).toEqual(steps.map((s) => s.id));
    const status = (id: string) => res.getResponseById(id).status;
    const bodies = new Map<string, any>();
    const body = async (id: string): Promise<any> => {
      if (!bodies.has(id)) bodies.set(id, await res.getResponseById(id).json());
      return bodies.get(id);
    };
    expect(Object.fromEntries(steps.map((s) => [s.id, status(s.id)]))).toEqual({
      skus: 200, me: 200, licensed: 200, count: 200, search: 200, groups: 200, group: 200, transitive: 200, u7: 200, details: 200, memberOf: 200,
      missing: 404, "bad-option": 400, "assign-u1": 200, "assign-u2": 200, "assign-u3": 200, "add-u4": 204, "add-u5": 204, "add-u6": 204, "group-license": 202,
    });
    // Each read answers as the same request alone did just before (this server runs the parts in their order).
    for (const id of READS) expect([id, await body(id)]).toEqual([id, alone[id]]);
    expect((await body("me")).id).toBe(guid(t.adminId));
    expect((await body("count"))["@odata.count"]).toBe(8);
    expect((await body("assign-u1")).assignedLicenses).toEqual([{ skuId: guid(t.sku.user), disabledPlans: [] }]);
    expect((await body("group-license")).licenseProcessingState).toEqual({ state: "ProcessingComplete" });
    expect((await body("missing")).error).toMatchObject({ code: "Request_ResourceNotFound", innerError: { code: "NOT_FOUND" } });
    expect((await body("bad-option")).error.code).toBe("Request_UnsupportedQuery");
    // The writes all happened: five seats, three direct and two of the group's three members; one waits (S4) — as GraphQL says.
    expect((await graph.api(`/groups/${guid(makers)}/members`).get()).value).toHaveLength(3);
    expect((await graph.api(`/groups/${guid(makers)}/membersWithLicenseErrors`).get()).value).toHaveLength(1);
    const pools = await graph.api("/subscribedSkus").get();
    const user = (await t.licenses()).find((l) => l.sku.partNumber === "POWER_VIRTUAL_AGENTS_USER")!;
    expect(pools.value.find((s: any) => s.skuId === guid(t.sku.user)).consumedUnits).toBe(user.consumedUnits);
    expect([user.consumedUnits, user.unassignedDemand]).toEqual([5, 1]);
  });

  it("MG5: a part whose dependency did not succeed answers 424 without running; the others run; a failed part changes nothing", async () => {
    const full = await newTenant(api, "Full");
    await full.buy(1);
    const [a, b, c] = [await full.user("a"), await full.user("b"), await full.user("c")];
    const client = graphClient(origin, full.admin);
    const body = { addLicenses: [{ skuId: guid(full.sku.user), disabledPlans: [] }], removeLicenses: [] };
    const { res } = await sendBatch(client, [
      post("1", `/users/${guid(a.id)}/assignLicense`, body),
      post("2", `/users/${guid(b.id)}/assignLicense`, body, ["1"]),
      del("3", `/groups/00000000-0000-4000-8000-000000000000/members/${guid(c.id)}/$ref`, ["2"]),
    ]);
    expect([1, 2, 3].map((i) => res.getResponseById(String(i)).status)).toEqual([200, 400, 424]);
    expect(((await res.getResponseById("2").json()) as any).error.innerError.code).toBe("SEATS_EXHAUSTED");
    expect(((await res.getResponseById("3").json()) as any).error.code).toBe("FailedDependency");
    expect((await full.effective(b.id)).effectiveLicenses).toEqual([]);
    expect((await full.effective(a.id)).effectiveLicenses).toHaveLength(1);
  });

  it("MG5: a broken envelope is the batch's 400; a broken part is that part's 400; never a 5xx", async () => {
    const one = { id: "1", method: "GET", url: "/me" };
    const envelopes: unknown[] = [
      {}, { requests: [] }, { requests: Array.from({ length: 21 }, (_, i) => ({ ...one, id: String(i) })) }, { requests: [one, one] },
      { requests: [{ ...one, dependsOn: ["2"] }, { ...one, id: "2" }] }, { requests: [{ id: "1", url: "/me" }] }, { requests: ["x"] },
      { requests: [{ ...one, headers: { a: 1 } }] }, [],
    ];
    for (const e of envelopes) {
      const r = await graphFetch(origin, "POST", "/$batch", { token: t.admin, body: e });
      expect([JSON.stringify(e).slice(0, 60), r.status, r.body.error.code]).toEqual([JSON.stringify(e).slice(0, 60), 400, "Request_BadRequest"]);
    }
    expect((await graphFetch(origin, "GET", "/$batch", { token: t.admin })).status).toBe(405);
    const parts = [
      { id: "abs", method: "GET", url: "https://elsewhere.example/v1.0/me" },
      { id: "verb", method: "TRACE", url: "/me" },
      { id: "no-type", method: "POST", url: `/users/${guid(ids.u7)}/assignLicense`, body: assign() },
      { id: "unknown", method: "GET", url: "/planets" },
      { id: "nested", method: "POST", url: "/$batch", body: { requests: [one] }, headers: { "content-type": "application/json" } },
      { id: "ok", method: "GET", url: "v1.0/me?$select=displayName" },
    ];
    const r = await graphFetch(origin, "POST", "/$batch", { token: t.admin, body: { requests: parts } });
    expect(r.status).toBe(200);
    expect(r.body.responses.map((p: any) => [p.id, p.status])).toEqual([["abs", 400], ["verb", 400], ["no-type", 400], ["unknown", 400], ["nested", 400], ["ok", 200]]);
    for (const p of r.body.responses.slice(0, 5)) expect(p.body.error).toMatchObject({ code: expect.any(String), message: expect.any(String), innerError: { code: expect.any(String) } });
    expect((await t.effective(ids.u7)).effectiveLicenses).toEqual([]);
  });

  it("MG5, T1: the batch pays the sum of its parts (a read 1, a write 10) before any runs; over the bucket is 429 with Retry-After", async () => {
    const { api: priced, origin: o } = await startGraph(url, { throttle: { principalPoints: 100, tenantPoints: 0, windowSeconds: 600 } });
    try {
      const p = await newTenant(priced, "Priced");
      await p.buy(2);
      const boss = await p.user("boss", ["GLOBAL_ADMIN"]);
      const u = await p.user("u");
      const write = { id: "w", method: "POST", url: `/users/${guid(u.id)}/assignLicense`, body: { addLicenses: [], removeLicenses: [guid(p.sku.user)] }, headers: { "content-type": "application/json" } };
      const parts = [...Array.from({ length: 9 }, (_, i) => ({ ...write, id: `w${i}` })), { id: "r", method: "GET", url: "/me" }];
      // 9 writes and a read: 91 of 100.
      expect((await graphFetch(o, "POST", "/$batch", { token: boss.token, body: { requests: parts } })).status).toBe(200);
      expect((await graphFetch(o, "GET", "/me", { token: boss.token })).status).toBe(200);
      const refused = await graphFetch(o, "POST", "/$batch", { token: boss.token, body: { requests: [write] } });
      expect([refused.status, refused.body.error.code, refused.body.error.innerError.code]).toEqual([429, "TooManyRequests", "RATE_LIMITED"]);
      expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
      // A batch that no bucket could ever pay (11 writes = 110) is the caller's 400, not a wait.
      const fresh = await p.user("fresh", ["GLOBAL_ADMIN"]);
      const huge = await graphFetch(o, "POST", "/$batch", { token: fresh.token, body: { requests: Array.from({ length: 11 }, (_, i) => ({ ...write, id: `h${i}` })) } });
      expect([huge.status, huge.body.error.code]).toEqual([400, "Request_BadRequest"]);
    } finally {
      await priced.stop();
    }
  });
});
