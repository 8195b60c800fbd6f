import { Client } from "@microsoft/microsoft-graph-client";
import { newTenant, Q, TenantFx } from "../helpers/fixtures";
import { TestApi } from "../helpers/harness";
import { engines, graphClient, graphErrorOf, graphFetch, guid, innerCode, PUBLIC_URL, startGraph } from "./graph-client";

/** MG2: POST /users/{id}/assignLicense and /groups/{id}/assignLicense through the services GraphQL's mutations use. */
describe.each(engines())("Microsoft Graph: assignLicense (MG2, MG4) (%s)", (_engine, url) => {
  let api: TestApi;
  let origin: string;
  let t: TenantFx;
  let graph: Client;
  let flow: string;
  const plans: Record<string, string> = {};

  beforeAll(async () => {
    ({ api, origin } = await startGraph(url));
    t = await newTenant(api, "Contoso");
    await t.buy(3);
    graph = graphClient(origin, t.admin);
    for (const p of api.app.catalog.plans(t.sku.user)) plans[p.name] = p.id;
    flow = guid(plans.FLOW_FOR_BOTS);
  });
  afterAll(() => api.stop());

  const skuGuid = () => guid(t.sku.user);

  it("MG2: a script assigns with disabledPlans and gets the user back; GraphQL sees the same license and the same audit as its mutation", async () => {
    const ada = await t.user("ada");
    const r = await graph.api(`/users/${guid(ada.id)}/assignLicense`).post({ addLicenses: [{ skuId: skuGuid(), disabledPlans: [flow] }], removeLicenses: [] });
    expect(r).toMatchObject({
      "@odata.context": `${PUBLIC_URL}/v1.0/$metadata#users/$entity`,
      id: guid(ada.id),
      assignedLicenses: [{ skuId: skuGuid(), disabledPlans: [flow] }],
      licenseAssignmentStates: [{ skuId: skuGuid(), disabledPlans: [flow], assignedByGroup: null, state: "Active", error: "None" }],
    });
    const e = await t.effective(ada.id);
    expect(e.effectiveLicenses.map((l) => [l.sku.partNumber, l.holdsSeat, l.enabledPlans.map((p) => p.name).sort()])).toEqual([
      ["POWER_VIRTUAL_AGENTS_USER", true, ["BOT_AUTHORING", "DATAVERSE_FOR_BOTS"]],
    ]);
    // The same audit event as assignUserLicenses writes, by the same actor.
    const bob = await t.user("bob");
    await api.ok(t.admin, Q.assignUser, { input: { userId: bob.id, addLicenses: [{ skuId: t.sku.user, disabledPlanIds: [plans.FLOW_FOR_BOTS] }] } });
    const viaGraph = (await api.ok(t.admin, Q.audit, { action: "ASSIGN_USER_LICENSE", targetId: ada.id })).auditEvents.nodes;
    const viaGql = (await api.ok(t.admin, Q.audit, { action: "ASSIGN_USER_LICENSE", targetId: bob.id })).auditEvents.nodes;
    expect(viaGraph).toHaveLength(1);
    const strip = (e: (typeof viaGql)[number], id: string) => JSON.parse(JSON.stringify(e).split(id).join("<target>"));
    expect(strip(viaGraph[0], ada.id)).toEqual(strip(viaGql[0], bob.id));
    expect(viaGraph[0].actor?.id).toBe(t.adminId);

    const removed = await graph.api(`/users/${guid(ada.id)}/assignLicense`).post({ addLicenses: [], removeLicenses: [skuGuid()] });
    expect([removed.assignedLicenses, removed.licenseAssignmentStates]).toEqual([[], []]);
    expect((await t.effective(ada.id)).effectiveLicenses).toEqual([]);
  });

  it("MG4: no free seat is 400 Request_BadRequest with SEATS_EXHAUSTED inside, and the database is unchanged", async () => {
    const full = await newTenant(api, "Full");
    await full.buy(1);
    const [a, b] = [await full.user("a"), await full.user("b")];
    const client = graphClient(origin, full.admin);
    await client.api(`/users/${guid(a.id)}/assignLicense`).post({ addLicenses: [{ skuId: skuGuid(), disabledPlans: [] }], removeLicenses: [] });
    const before = await api.snapshot();
    const e = await graphErrorOf(client.api(`/users/${guid(b.id)}/assignLicense`).post({ addLicenses: [{ skuId: skuGuid(), disabledPlans: [] }], removeLicenses: [] }));
    expect([e.statusCode, e.code, innerCode(e)]).toEqual([400, "Request_BadRequest", "SEATS_EXHAUSTED"]);
    await api.expectUnchanged(before);
  });

  it("MG4: bad bodies are 400 in Graph's shape, each with its reason, and change nothing", async () => {
    const u = await t.user("cy");
    const path = `/users/${guid(u.id)}/assignLicense`;
    const cases: [unknown, string][] = [
      [{ addLicenses: [{ skuId: "00000000-0000-4000-8000-000000000000", disabledPlans: [] }], removeLicenses: [] }, "NOT_FOUND"],
      [{ addLicenses: [{ skuId: guid(t.sku.tenant), disabledPlans: [] }], removeLicenses: [] }, "LICENSE_NOT_ASSIGNABLE"],
      [{ addLicenses: [{ skuId: skuGuid(), disabledPlans: ["00000000-0000-4000-8000-000000000000"] }], removeLicenses: [] }, "BAD_USER_INPUT"],
      [{ addLicenses: [{ skuId: skuGuid(), disabledPlans: [] }], removeLicenses: [skuGuid()] }, "BAD_USER_INPUT"],
      [{ addLicenses: [], removeLicenses: [] }, "BAD_USER_INPUT"],
      [{ addLicenses: [{ skuId: skuGuid() }] }, "BAD_USER_INPUT"],
      [{ addLicenses: [{ skuId: skuGuid(), planted: 1 }], removeLicenses: [] }, "BAD_USER_INPUT"],
      [{ addLicenses: [{ skuId: "not-a-guid" }], removeLicenses: [] }, "BAD_USER_INPUT"],
      [[], "BAD_USER_INPUT"],
    ];
    const before = await api.snapshot();
    for (const [body, code] of cases) {
      const r = await graphFetch(origin, "POST", path, { token: t.admin, body });
      expect([JSON.stringify(body), r.status, r.body.error.code, r.body.error.innerError.code]).toEqual([JSON.stringify(body), 400, "Request_BadRequest", code]);
    }
    await api.expectUnchanged(before);
    const get = await graphFetch(origin, "GET", path, { token: t.admin });
    expect([get.status, get.headers.get("allow")]).toEqual([405, "POST"]);
  });

  it("role matrix: a License Administrator may assign; a Groups Administrator or Global Reader is 403 Authorization_RequestDenied", async () => {
    const u = await t.user("dee");
    const body = { addLicenses: [{ skuId: skuGuid(), disabledPlans: [] }], removeLicenses: [] };
    for (const role of ["GROUPS_ADMIN", "GLOBAL_READER"] as const) {
      const who = await t.user(`${role.toLowerCase()}-x`, [role]);
      const e = await graphErrorOf(graphClient(origin, who.token).api(`/users/${guid(u.id)}/assignLicense`).post(body));
      expect([role, e.statusCode, e.code, innerCode(e)]).toEqual([role, 403, "Authorization_RequestDenied", "FORBIDDEN"]);
    }
    const lic = await t.user("licenser", ["LICENSE_ADMIN"]);
    const r = await graphClient(origin, lic.token).api(`/users/${guid(u.id)}/assignLicense`).post(body);
    expect(r.assignedLicenses).toEqual([{ skuId: skuGuid(), disabledPlans: [] }]);
    await graph.api(`/users/${guid(u.id)}/assignLicense`).post({ addLicenses: [], removeLicenses: [skuGuid()] });
  });

  it("tenant isolation: another tenant's user or group is 404 Request_ResourceNotFound", async () => {
    const other = await newTenant(api, "Fabrikam");
    const eve = await other.user("eve");
    const g = await other.group("Theirs");
    const body = { addLicenses: [{ skuId: skuGuid(), disabledPlans: [] }], removeLicenses: [] };
    for (const path of [`/users/${guid(eve.id)}/assignLicense`, `/groups/${guid(g)}/assignLicense`]) {
      const e = await graphErrorOf(graph.api(path).post(body));
      expect([path, e.statusCode, e.code, innerCode(e)]).toEqual([path, 404, "Request_ResourceNotFound", "NOT_FOUND"]);
    }
  });

  it("MG2: a group's assignLicense answers 202 with the group already processed (ProcessingComplete); a waiting member shows in membersWithLicenseErrors", async () => {
    const small = await newTenant(api, "Small");
    await small.buy(1);
    const client = graphClient(origin, small.admin);
    const [x, y] = [await small.user("x"), await small.user("y")];
    const g = await small.group("Makers");
    await small.add(g, [x.id, y.id]);
    const raw = await graphFetch(origin, "POST", `/groups/${guid(g)}/assignLicense`, { token: small.admin, body: { addLicenses: [{ skuId: skuGuid(), disabledPlans: [flow] }], removeLicenses: [] } });
    expect(raw.status).toBe(202);
    expect(raw.body).toMatchObject({
      "@odata.context": `${PUBLIC_URL}/v1.0/$metadata#groups/$entity`,
      id: guid(g),
      assignedLicenses: [{ skuId: skuGuid(), disabledPlans: [flow] }],
      licenseProcessingState: { state: "ProcessingComplete" },
    });
    const errors = await client.api(`/groups/${guid(g)}/membersWithLicenseErrors`).get();
    expect(errors.value).toHaveLength(1);
    const waiting = errors.value[0];
    expect(waiting["@odata.type"]).toBe("#microsoft.graph.user");
    expect(waiting.licenseAssignmentStates).toEqual([expect.objectContaining({ assignedByGroup: guid(g), state: "Error", error: "CountViolation" })]);
    // Through the SDK: the 202's body is the group, and removing the license empties the errors.
    const back = await client.api(`/groups/${guid(g)}/assignLicense`).post({ addLicenses: [], removeLicenses: [skuGuid()] });
    expect(back.assignedLicenses).toEqual([]);
    expect((await client.api(`/groups/${guid(g)}/membersWithLicenseErrors`).get()).value).toEqual([]);
    const audit = (await api.ok(small.admin, Q.audit, { action: "ASSIGN_GROUP_LICENSE", targetId: g })).auditEvents;
    expect(audit.totalCount).toBe(2);
  });
});
