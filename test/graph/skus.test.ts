import { Client } from "@microsoft/microsoft-graph-client";
import { newTenant, Q, TenantFx } from "../helpers/fixtures";
import { TestApi } from "../helpers/harness";
import { engines, graphClient, graphErrorOf, guid, innerCode, PUBLIC_URL, startGraph } from "./graph-client";

describe.each(engines())("Microsoft Graph: subscribedSkus (MG1, MG2) (%s)", (_engine, url) => {
  let api: TestApi;
  let origin: string;
  let t: TenantFx;
  let graph: Client;

  beforeAll(async () => {
    ({ api, origin } = await startGraph(url));
    t = await newTenant(api, "Contoso");
    await t.buy(5, 2);
    // A second user subscription that ends in 10 days: in its 30-day grace period it counts as warning (P6, P7).
    await api.ok(t.admin, Q.purchase, { input: { channel: "ADMIN_CENTER", items: [{ skuId: t.sku.user, quantity: 3 }], endsAt: new Date(api.clock.now().getTime() + 10 * 86_400_000).toISOString() } });
    const a = await t.user("ada");
    const b = await t.user("bob");
    await t.license(a.id);
    const g = await t.group("Makers");
    await t.add(g, [b.id]);
    await t.assignGroup(g);
    api.clock.advanceDays(11);
    graph = graphClient(origin, t.admin);
  });
  afterAll(() => api.stop());

  it("MG2: lists the tenant's pools with the same figures as GraphQL's tenant.licenses", async () => {
    const [r, licenses] = await Promise.all([graph.api("/subscribedSkus").get(), t.licenses()]);
    expect(r["@odata.context"]).toBe(`${PUBLIC_URL}/v1.0/$metadata#subscribedSkus`);
    expect(r.value.map((s: any) => s.skuPartNumber).sort()).toEqual(licenses.map((l) => l.sku.partNumber).sort());
    for (const l of licenses) {
      const s = r.value.find((x: any) => x.skuPartNumber === l.sku.partNumber);
      expect({ consumedUnits: s.consumedUnits, enabled: s.prepaidUnits.enabled, warning: s.prepaidUnits.warning, suspended: s.prepaidUnits.suspended }).toEqual({
        consumedUnits: l.consumedUnits, enabled: l.prepaidUnits.enabled, warning: l.prepaidUnits.warning, suspended: l.prepaidUnits.suspended,
      });
    }
    const user = r.value.find((x: any) => x.skuPartNumber === "POWER_VIRTUAL_AGENTS_USER");
    expect(user).toMatchObject({
      id: `${guid(t.tenantId)}_${guid(t.sku.user)}`,
      skuId: guid(t.sku.user),
      accountId: guid(t.tenantId),
      accountName: "Contoso",
      appliesTo: "User",
      capabilityStatus: "Enabled",
      consumedUnits: 2,
      prepaidUnits: { enabled: 5, warning: 3, suspended: 0, lockedOut: 0 },
    });
    expect(user.subscriptionIds).toHaveLength(2);
    expect(user.servicePlans.map((p: any) => p.servicePlanName).sort()).toEqual(["BOT_AUTHORING", "DATAVERSE_FOR_BOTS", "FLOW_FOR_BOTS"]);
    for (const p of user.servicePlans) expect(p).toMatchObject({ servicePlanId: expect.stringMatching(/^[0-9a-f-]{36}$/), provisioningStatus: "Success", appliesTo: "User" });
    expect(r.value.find((x: any) => x.skuPartNumber === "POWER_VIRTUAL_AGENTS")).toMatchObject({ appliesTo: "Company", prepaidUnits: { enabled: 2 } });
  });

  it("MG1: one subscribedSku by {tenantGuid}_{skuGuid}, also in this API's own ID form; $select keeps what it names", async () => {
    const id = `${guid(t.tenantId)}_${guid(t.sku.user)}`;
    const one = await graph.api(`/subscribedSkus/${id}`).select(["skuPartNumber", "consumedUnits"]).get();
    expect(one).toEqual({ "@odata.context": `${PUBLIC_URL}/v1.0/$metadata#subscribedSkus(skuPartNumber,consumedUnits)/$entity`, skuPartNumber: "POWER_VIRTUAL_AGENTS_USER", consumedUnits: 2 });
    const own = await graph.api(`/subscribedSkus/${t.tenantId}_${t.sku.user}`).get();
    expect(own.id).toBe(id);
  });

  it("MG1: another tenant's subscribedSku is 404, like one that does not exist", async () => {
    const other = await newTenant(api, "Fabrikam");
    await other.buy(1);
    const e = await graphErrorOf(graph.api(`/subscribedSkus/${guid(other.tenantId)}_${guid(t.sku.user)}`).get());
    expect(e.statusCode).toBe(404);
    expect(e.code).toBe("Request_ResourceNotFound");
  });

  it("role matrix: a user without roles may not read the pools (403), as in GraphQL", async () => {
    const plain = await t.user("plain");
    const e = await graphErrorOf(graphClient(origin, plain.token).api("/subscribedSkus").get());
    expect(e.statusCode).toBe(403);
    expect(e.code).toBe("Authorization_RequestDenied");
    expect(innerCode(e)).toBe("FORBIDDEN");
  });
});
