import { Client, PageIterator } from "@microsoft/microsoft-graph-client";
import { newTenant, TenantFx } from "../helpers/fixtures";
import { TestApi } from "../helpers/harness";
import { engines, graphClient, graphErrorOf, guid, innerCode, PUBLIC_URL, startGraph } from "./graph-client";

const upnOf = (u: { userPrincipalName: string }) => u.userPrincipalName;

describe.each(engines())("Microsoft Graph: users (MG1–MG3) (%s)", (_engine, url) => {
  let api: TestApi;
  let origin: string;
  let t: TenantFx;
  let graph: Client;
  const ids: Record<string, string> = {};
  let makers: string;
  let inner: string;

  beforeAll(async () => {
    ({ api, origin } = await startGraph(url));
    t = await newTenant(api, "Contoso");
    await t.buy(2);
    for (const n of ["ada", "bob", "cy", "dee"]) ids[n] = (await t.user(n)).id;
    // ada holds a seat directly; bob and cy want it through a nested group and only bob gets the last seat (S4).
    await t.license(ids.ada);
    makers = await t.group("Makers");
    inner = await t.group("Inner makers");
    await t.add(makers, [], [inner]);
    await t.add(inner, [ids.bob]);
    await t.assignGroup(makers);
    await t.add(inner, [ids.cy]);
    graph = graphClient(origin, t.admin);
  });
  afterAll(() => api.stop());

  it("MG1, MG2: a user by GUID, by this API's ID and by userPrincipalName, with bare GUIDs and Graph's field names", async () => {
    const byGuid = await graph.api(`/users/${guid(ids.ada)}`).get();
    expect(byGuid).toMatchObject({
      "@odata.context": `${PUBLIC_URL}/v1.0/$metadata#users/$entity`,
      id: guid(ids.ada),
      displayName: "ada",
      accountEnabled: true,
      usageLocation: null,
      assignedLicenses: [{ skuId: guid(t.sku.user), disabledPlans: [] }],
      licenseAssignmentStates: [{ skuId: guid(t.sku.user), assignedByGroup: null, disabledPlans: [], state: "Active", error: "None", lastUpdatedDateTime: expect.any(String) }],
    });
    expect(await graph.api(`/users/${ids.ada}`).get()).toEqual(byGuid);
    expect(await graph.api(`/users/${encodeURIComponent(byGuid.userPrincipalName.toUpperCase())}`).get()).toEqual(byGuid);
  });

  it("MG2: /me is the caller; a user without roles reads themself but not the list (403)", async () => {
    const plain = await t.user("plain");
    const me = graphClient(origin, plain.token);
    expect((await me.api("/me").select("id,displayName").get())).toEqual({ "@odata.context": `${PUBLIC_URL}/v1.0/$metadata#users(id,displayName)/$entity`, id: guid(plain.id), displayName: "plain" });
    expect((await me.api(`/users/${guid(plain.id)}`).get()).id).toBe(guid(plain.id));
    const e = await graphErrorOf(me.api("/users").get());
    expect([e.statusCode, e.code, innerCode(e)]).toEqual([403, "Authorization_RequestDenied", "FORBIDDEN"]);
  });

  it("MG2: a waiting group member shows licenseAssignmentStates Error/CountViolation from the group, and no assignedLicenses", async () => {
    const cy = await graph.api(`/users/${guid(ids.cy)}`).select(["assignedLicenses", "licenseAssignmentStates"]).get();
    expect(cy.assignedLicenses).toEqual([]);
    expect(cy.licenseAssignmentStates).toEqual([
      { skuId: guid(t.sku.user), assignedByGroup: guid(makers), disabledPlans: [], state: "Error", error: "CountViolation", lastUpdatedDateTime: expect.any(String) },
    ]);
    const bob = await graph.api(`/users/${guid(ids.bob)}`).get();
    expect(bob.assignedLicenses).toEqual([{ skuId: guid(t.sku.user), disabledPlans: [] }]);
    expect(bob.licenseAssignmentStates[0]).toMatchObject({ assignedByGroup: guid(makers), state: "Active", error: "None" });
  });

  it("MG3: users without the user license are those that assignedLicenses/any(x:x/skuId eq {guid}) leaves out", async () => {
    const all = await graph.api("/users").select(["id", "userPrincipalName"]).get();
    const licensed = await graph.api("/users").filter(`assignedLicenses/any(x:x/skuId eq ${guid(t.sku.user)})`).select(["id", "userPrincipalName"]).get();
    expect(licensed["@odata.context"]).toBe(`${PUBLIC_URL}/v1.0/$metadata#users(id,userPrincipalName)`);
    expect(licensed.value.map(upnOf).map((u: string) => u.split("@")[0]).sort()).toEqual(["ada", "bob"]);
    const without = all.value.filter((u: any) => !licensed.value.some((l: any) => l.id === u.id)).map((u: any) => u.id).sort();
    // The same people GraphQL says hold no seat of the user license.
    const seatless: string[] = [];
    for (const u of all.value) {
      const e = await t.effective(`usr_${u.id}`);
      if (!e.effectiveLicenses.some((l) => l.sku.partNumber === "POWER_VIRTUAL_AGENTS_USER" && l.holdsSeat)) seatless.push(u.id);
    }
    expect(without).toEqual(seatless.sort());
    expect(without).toEqual(expect.arrayContaining([guid(ids.cy), guid(ids.dee), guid(t.adminId)]));
  });

  it("MG3: userPrincipalName eq (any letter case), accountEnabled eq, startswith(displayName,…) and 'and' of them", async () => {
    const upn = (await graph.api(`/users/${guid(ids.dee)}`).get()).userPrincipalName as string;
    const one = await graph.api("/users").filter(`userPrincipalName eq '${upn.toUpperCase()}'`).get();
    expect(one.value.map((u: any) => u.id)).toEqual([guid(ids.dee)]);
    expect((await graph.api("/users").filter("accountEnabled eq false").get()).value).toEqual([]);
    const b = await graph.api("/users").filter("startswith(displayName,'B') and accountEnabled eq true").get();
    expect(b.value.map((u: any) => u.displayName)).toEqual(["bob"]);
    const none = await graph.api("/users").filter(`startswith(displayName,'b') and assignedLicenses/any(s:s/skuId eq ${guid(t.sku.user)}) and userPrincipalName eq '${upn}'`).get();
    expect(none.value).toEqual([]);
  });

  it("MG3: $count=true and $search=\"displayName:…\" with ConsistencyLevel: eventual; without it they are 400", async () => {
    const r = await graph.api("/users").header("ConsistencyLevel", "eventual").search('"displayName:ma"').count(true).get();
    expect(r["@odata.count"]).toBe(0);
    const d = await graph.api("/users").header("ConsistencyLevel", "eventual").search('"displayName:de"').count(true).get();
    expect([d["@odata.count"], d.value.map((u: any) => u.displayName)]).toEqual([1, ["dee"]]);
    const e = await graphErrorOf(graph.api("/users").search('"displayName:de"').get());
    expect([e.statusCode, e.code, innerCode(e)]).toEqual([400, "Request_UnsupportedQuery", "BAD_USER_INPUT"]);
    const c = await graphErrorOf(graph.api("/users").count(true).get());
    expect(c.statusCode).toBe(400);
  });

  it("MG2: memberOf and transitiveMemberOf list the groups as directory objects", async () => {
    const direct = await graph.api(`/users/${guid(ids.bob)}/memberOf`).get();
    expect(direct["@odata.context"]).toBe(`${PUBLIC_URL}/v1.0/$metadata#directoryObjects`);
    expect(direct.value).toEqual([expect.objectContaining({ "@odata.type": "#microsoft.graph.group", id: guid(inner), displayName: "Inner makers", securityEnabled: true })]);
    const all = await graph.api(`/users/${guid(ids.bob)}/transitiveMemberOf`).select(["displayName"]).get();
    expect(all.value.map((g: any) => g.displayName).sort()).toEqual(["Inner makers", "Makers"]);
    expect(all.value[0]["@odata.type"]).toBe("#microsoft.graph.group");
  });

  it("MG2: licenseDetails are the effective licenses with each plan's provisioningStatus", async () => {
    const r = await graph.api(`/users/${guid(ids.bob)}/licenseDetails`).get();
    expect(r["@odata.context"]).toBe(`${PUBLIC_URL}/v1.0/$metadata#users('${guid(ids.bob)}')/licenseDetails`);
    expect(r.value).toHaveLength(1);
    expect(r.value[0]).toMatchObject({ skuId: guid(t.sku.user), skuPartNumber: "POWER_VIRTUAL_AGENTS_USER" });
    expect(r.value[0].servicePlans.map((p: any) => [p.servicePlanName, p.provisioningStatus]).sort()).toEqual([
      ["BOT_AUTHORING", "Success"], ["DATAVERSE_FOR_BOTS", "Success"], ["FLOW_FOR_BOTS", "Success"],
    ]);
    expect((await graph.api(`/users/${guid(ids.cy)}/licenseDetails`).get()).value).toEqual([]);
  });

  it("tenant isolation: another tenant's user is 404 by GUID, by ID and by userPrincipalName", async () => {
    const other = await newTenant(api, "Fabrikam");
    const stranger = await other.user("eve");
    const upn = (await graphClient(origin, other.admin).api(`/users/${guid(stranger.id)}`).get()).userPrincipalName;
    for (const path of [`/users/${guid(stranger.id)}`, `/users/${stranger.id}`, `/users/${encodeURIComponent(upn)}`, `/users/${guid(stranger.id)}/licenseDetails`]) {
      const e = await graphErrorOf(graph.api(path).get());
      expect([path, e.statusCode, e.code, innerCode(e)]).toEqual([path, 404, "Request_ResourceNotFound", "NOT_FOUND"]);
    }
  });

  it("MG1: 1,000 users page by page with the SDK's PageIterator ($top 100), each once, following @odata.nextLink", async () => {
    const big = await newTenant(api, "Northwind");
    const made = await big.bulkUsers(1000, "bulk");
    const client = graphClient(origin, big.admin);
    const first = await client.api("/users").top(100).select(["id"]).get();
    expect(first.value).toHaveLength(100);
    expect(first["@odata.nextLink"]).toMatch(new RegExp(`^${PUBLIC_URL}/v1\\.0/users\\?\\$top=100&\\$select=id&\\$skiptoken=`));
    const seen: string[] = [];
    let pages = 1;
    const iterator = new PageIterator(client, first, (u: { id: string }) => {
      seen.push(u.id);
      return true;
    });
    const original = client.api.bind(client);
    client.api = (path: string) => {
      pages++;
      return original(path);
    };
    await iterator.iterate();
    expect(iterator.isComplete()).toBe(true);
    expect(pages).toBe(11);
    expect(seen).toHaveLength(1001);
    expect(new Set(seen).size).toBe(1001);
    expect(seen).toEqual(expect.arrayContaining(made.map(guid)));
  });
});
