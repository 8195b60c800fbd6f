import { Client } from "@microsoft/microsoft-graph-client";
import { newTenant, Q, TenantFx } from "../helpers/fixtures";
import { TestApi } from "../helpers/harness";
import { engines, graphClient, guid, PUBLIC_URL, startGraph } from "./graph-client";

const GQL = `query SameFigures {
  tenant {
    licenses { sku { id partNumber } consumedUnits prepaidUnits { enabled warning suspended } }
    users(first: 100) { nodes {
      id userPrincipalName displayName accountEnabled usageLocation memberOf { id } transitiveMemberOf { id }
      licenseAssignmentStates { sku { id } assignedByGroup { id } disabledPlans { id } state error lastUpdatedAt }
      effectiveLicenses { sku { id partNumber } state error holdsSeat enabledPlans { id } }
    } }
    securityGroups(first: 100) { nodes { id displayName assignedLicenses { sku { id } disabledPlans { id } } membersWithLicenseErrors(first: 100) { nodes { id } } } }
  }
}`;

/** MG2's names for §8's states and errors, as DESIGN writes them. */
const STATE: Record<string, (error: string) => string> = { ACTIVE: () => "Active", DISABLED: () => "Disabled", ERROR: (e) => (e === "DEPENDENCY_VIOLATION" ? "ActiveWithError" : "Error") };
const ERROR: Record<string, string> = {
  NONE: "None", COUNT_VIOLATION: "CountViolation", DEPENDENCY_VIOLATION: "DependencyViolation", PROHIBITED_IN_USAGE_LOCATION: "ProhibitedInUsageLocationViolation",
  SUBSCRIPTION_INACTIVE: "Other", TRIAL_EXPIRED: "Other",
};
const sorted = <T>(xs: T[]) => [...xs].sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));

/**
 * MG2 against the GraphQL API: a tenant set up through Graph (direct and group licenses with disabled plans, nested
 * groups, a member waiting for a seat), then every figure read both ways and compared: pools, users, their license
 * states, licenseDetails, memberships, groups and members with license errors.
 */
describe.each(engines())("Microsoft Graph and GraphQL show the same figures (MG2) (%s)", (_engine, url) => {
  let api: TestApi;
  let origin: string;
  let t: TenantFx;
  let graph: Client;

  beforeAll(async () => {
    ({ api, origin } = await startGraph(url));
    t = await newTenant(api, "Contoso");
    await t.buy(3, 1);
    graph = graphClient(origin, t.admin);
    const flow = guid(api.app.catalog.plans(t.sku.user).find((p) => p.name === "FLOW_FOR_BOTS")!.id);
    const dataverse = guid(api.app.catalog.plans(t.sku.user).find((p) => p.name === "DATAVERSE_FOR_BOTS")!.id);
    const ids: string[] = [];
    for (const n of ["ada", "bob", "cy", "dee", "eli"]) ids.push(guid((await t.user(n)).id));
    const [ada, bob, cy, dee] = ids;
    const makers = guid(await t.group("Makers"));
    const inner = guid(await t.group("Inner"));
    const ref = (id: string) => ({ "@odata.id": `${PUBLIC_URL}/v1.0/directoryObjects/${id}` });
    await graph.api(`/users/${ada}/assignLicense`).post({ addLicenses: [{ skuId: guid(t.sku.user), disabledPlans: [flow] }], removeLicenses: [] });
    await graph.api(`/groups/${makers}/members/$ref`).post(ref(inner));
    await graph.api(`/groups/${makers}/members/$ref`).post(ref(ada));
    for (const m of [bob, cy, dee]) await graph.api(`/groups/${inner}/members/$ref`).post(ref(m));
    await graph.api(`/groups/${makers}/assignLicense`).post({ addLicenses: [{ skuId: guid(t.sku.user), disabledPlans: [dataverse] }], removeLicenses: [] });
  });
  afterAll(() => api.stop());

  it("MG2: pools, users, license states, licenseDetails, memberships and groups agree, field by field", async () => {
    const r = await api.exec(t.admin, GQL);
    if (r.errors) throw new Error(JSON.stringify(r.errors));
    const tenant = (r.data as any).tenant;

    const skus = await graph.api("/subscribedSkus").get();
    expect(sorted(skus.value.map((s: any) => [s.skuId, s.skuPartNumber, s.consumedUnits, s.prepaidUnits.enabled, s.prepaidUnits.warning, s.prepaidUnits.suspended]))).toEqual(
      sorted(tenant.licenses.map((l: any) => [guid(l.sku.id), l.sku.partNumber, l.consumedUnits, l.prepaidUnits.enabled, l.prepaidUnits.warning, l.prepaidUnits.suspended])),
    );
    expect(skus.value.find((s: any) => s.skuPartNumber === "POWER_VIRTUAL_AGENTS_USER").consumedUnits).toBe(3);

    const users = await graph.api("/users").get();
    expect(users.value.map((u: any) => u.id).sort()).toEqual(tenant.users.nodes.map((u: any) => guid(u.id)).sort());
    let waiting = 0;
    for (const q of tenant.users.nodes) {
      const u = users.value.find((x: any) => x.id === guid(q.id));
      const at = q.userPrincipalName;
      expect([at, u.userPrincipalName, u.displayName, u.accountEnabled, u.usageLocation]).toEqual([at, q.userPrincipalName, q.displayName, q.accountEnabled, q.usageLocation]);
      expect([at, sorted(u.licenseAssignmentStates)]).toEqual([at, sorted(q.licenseAssignmentStates.map((s: any) => ({
        assignedByGroup: s.assignedByGroup ? guid(s.assignedByGroup.id) : null,
        disabledPlans: s.disabledPlans.map((p: any) => guid(p.id)),
        error: ERROR[s.error],
        lastUpdatedDateTime: s.lastUpdatedAt,
        skuId: guid(s.sku.id),
        state: STATE[s.state](s.error),
      })))]);
      // assignedLicenses and licenseDetails: every effective license but one waiting for a seat, with the plans no source enables.
      const counted = q.effectiveLicenses.filter((e: any) => !(e.state === "ERROR" && !e.holdsSeat));
      waiting += q.effectiveLicenses.length - counted.length;
      const plansOf = (skuId: string) => api.app.catalog.planIds(skuId);
      expect([at, sorted(u.assignedLicenses)]).toEqual([at, sorted(counted.map((e: any) => ({
        disabledPlans: plansOf(e.sku.id).filter((p) => !e.enabledPlans.some((x: any) => x.id === p)).map(guid),
        skuId: guid(e.sku.id),
      })))]);
      const details = await graph.api(`/users/${u.id}/licenseDetails`).get();
      expect([at, sorted(details.value.map((d: any) => [d.skuPartNumber, d.servicePlans.filter((p: any) => p.provisioningStatus === "Success").map((p: any) => p.servicePlanId).sort()]))]).toEqual([
        at, sorted(counted.map((e: any) => [e.sku.partNumber, e.state === "ACTIVE" ? e.enabledPlans.map((p: any) => guid(p.id)).sort() : []])),
      ]);
      const memberOf = await graph.api(`/users/${u.id}/memberOf`).get();
      const transitive = await graph.api(`/users/${u.id}/transitiveMemberOf`).get();
      expect([at, memberOf.value.map((g: any) => g.id).sort(), transitive.value.map((g: any) => g.id).sort()]).toEqual([
        at, q.memberOf.map((g: any) => guid(g.id)).sort(), q.transitiveMemberOf.map((g: any) => guid(g.id)).sort(),
      ]);
    }
    // Three seats for ada (direct and through Makers), bob, cy and dee: one of the group's members waits.
    expect(waiting).toBe(1);

    const groups = await graph.api("/groups").get();
    expect(groups.value.map((g: any) => g.id).sort()).toEqual(tenant.securityGroups.nodes.map((g: any) => guid(g.id)).sort());
    for (const q of tenant.securityGroups.nodes) {
      const g = groups.value.find((x: any) => x.id === guid(q.id));
      expect([g.displayName, sorted(g.assignedLicenses)]).toEqual([q.displayName, sorted(q.assignedLicenses.map((a: any) => ({ disabledPlans: a.disabledPlans.map((p: any) => guid(p.id)), skuId: guid(a.sku.id) })))]);
      const errors = await graph.api(`/groups/${g.id}/membersWithLicenseErrors`).get();
      expect([g.displayName, errors.value.map((u: any) => u.id).sort()]).toEqual([q.displayName, q.membersWithLicenseErrors.nodes.map((u: any) => guid(u.id)).sort()]);
    }
    // And the audit trail of the Graph writes is GraphQL's: one event per write, by the admin.
    const audit = (await api.ok(t.admin, Q.audit, {})).auditEvents.nodes.filter((e) => e.actor?.id === t.adminId);
    expect(audit.filter((e) => e.action === "ADD_GROUP_MEMBERS")).toHaveLength(5);
    expect(audit.filter((e) => e.action === "ASSIGN_USER_LICENSE" || e.action === "ASSIGN_GROUP_LICENSE")).toHaveLength(2);
  });
});
