import { Client, PageIterator } from "@microsoft/microsoft-graph-client";
import { newTenant, TenantFx } from "../helpers/fixtures";
import { scimWorld } from "../scim/scim-client";
import { TestApi } from "../helpers/harness";
import { engines, graphClient, graphErrorOf, graphFetch, guid, innerCode, PUBLIC_URL, startGraph } from "./graph-client";

const GQL_GROUP = `query G($id: ID!) { securityGroup(id: $id) {
  members(first: 100) { totalCount nodes { id } } transitiveMembers(first: 100) { totalCount nodes { id } } memberGroups { id }
  membersWithLicenseErrors(first: 100) { totalCount nodes { id } } } }`;

/** MG2: the groups of a script: list, one, members (direct and transitive), members with license errors, $ref. */
describe.each(engines())("Microsoft Graph: groups (MG1–MG4) (%s)", (_engine, url) => {
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
    makers = await t.group("Makers");
    inner = await t.group("Inner makers");
    await t.add(makers, [ids.ada], [inner]);
    await t.add(inner, [ids.bob, ids.cy]);
    // Two seats for three members: cy, the last to come, waits (S4).
    await t.assignGroup(makers);
    graph = graphClient(origin, t.admin);
  });
  afterAll(() => api.stop());

  const gql = async (id: string) => {
    const r = await api.exec(t.admin, GQL_GROUP, { id });
    if (r.errors) throw new Error(JSON.stringify(r.errors));
    return (r.data as any).securityGroup;
  };
  const idsOf = (value: any[]) => value.map((o) => o.id).sort();
  const bare = (list: { id: string }[]) => list.map((o) => guid(o.id)).sort();

  it("MG1, MG2: GET /groups and /groups/{id} in Graph's shape: securityEnabled, assignedLicenses, licenseProcessingState ProcessingComplete", async () => {
    const list = await graph.api("/groups").get();
    expect(list["@odata.context"]).toBe(`${PUBLIC_URL}/v1.0/$metadata#groups`);
    expect(list.value.map((g: any) => g.displayName).sort()).toEqual(["Inner makers", "Makers"]);
    const one = await graph.api(`/groups/${guid(makers)}`).get();
    expect(one).toEqual({
      "@odata.context": `${PUBLIC_URL}/v1.0/$metadata#groups/$entity`,
      id: guid(makers), displayName: "Makers", description: null, securityEnabled: true, mailEnabled: false, groupTypes: [],
      assignedLicenses: [{ skuId: guid(t.sku.user), disabledPlans: [] }],
      licenseProcessingState: { state: "ProcessingComplete" },
    });
    expect(await graph.api(`/groups/${makers}`).get()).toEqual(one);
    expect(await graph.api(`/groups/${guid(inner)}`).select(["displayName", "assignedLicenses"]).get()).toEqual({
      "@odata.context": `${PUBLIC_URL}/v1.0/$metadata#groups(displayName,assignedLicenses)/$entity`, displayName: "Inner makers", assignedLicenses: [],
    });
  });

  it("MG3: startswith(displayName,…), $search and $count with ConsistencyLevel: eventual, $top with nextLink (PageIterator)", async () => {
    expect(idsOf((await graph.api("/groups").filter("startswith(displayName,'inner')").get()).value)).toEqual([guid(inner)]);
    const s = await graph.api("/groups").header("ConsistencyLevel", "eventual").search('"displayName:makers"').count(true).get();
    expect([s["@odata.count"], idsOf(s.value)]).toEqual([2, [guid(makers), guid(inner)].sort()]);
    const first = await graph.api("/groups").top(1).get();
    expect(first["@odata.nextLink"]).toMatch(new RegExp(`^${PUBLIC_URL}/v1\\.0/groups\\?\\$top=1&\\$skiptoken=`));
    const seen: string[] = [];
    await new PageIterator(graph, first, (g: { id: string }) => (seen.push(g.id), true)).iterate();
    expect(seen.sort()).toEqual([guid(makers), guid(inner)].sort());
    for (const q of ["$filter=accountEnabled eq true", "$orderby=displayName", "$expand=members", "$filter=displayName eq 'Makers'"]) {
      const r = await graphFetch(origin, "GET", `/groups?${q}`, { token: t.admin });
      expect([q, r.status, r.body.error.code]).toEqual([q, 400, "Request_UnsupportedQuery"]);
    }
  });

  it("MG2: members holds the nested group and the users as directory objects; transitiveMembers every level; the same people as GraphQL", async () => {
    const members = await graph.api(`/groups/${guid(makers)}/members`).get();
    expect(members["@odata.context"]).toBe(`${PUBLIC_URL}/v1.0/$metadata#directoryObjects`);
    expect(members.value.map((o: any) => [o["@odata.type"], o.displayName])).toEqual([["#microsoft.graph.group", "Inner makers"], ["#microsoft.graph.user", "ada"]]);
    const all = await graph.api(`/groups/${guid(makers)}/transitiveMembers`).header("ConsistencyLevel", "eventual").count(true).get();
    expect(all["@odata.count"]).toBe(4);
    expect(all.value.map((o: any) => o.displayName).sort()).toEqual(["Inner makers", "ada", "bob", "cy"]);
    const g = await gql(makers);
    const users = (value: any[]) => value.filter((o) => o["@odata.type"] === "#microsoft.graph.user").map((o) => o.id).sort();
    expect(users(members.value)).toEqual(bare(g.members.nodes));
    expect(users(all.value)).toEqual(bare(g.transitiveMembers.nodes));
    expect(members.value.filter((o: any) => o["@odata.type"] === "#microsoft.graph.group").map((o: any) => o.id)).toEqual(bare(g.memberGroups));
    // One at a time across the groups and then the users, each once.
    const seen: string[] = [];
    const first = await graph.api(`/groups/${guid(makers)}/transitiveMembers`).top(1).select(["id"]).get();
    await new PageIterator(graph, first, (o: { id: string }) => (seen.push(o.id), true)).iterate();
    expect(seen.sort()).toEqual(idsOf(all.value));
  });

  it("MG2: membersWithLicenseErrors is the member left waiting, as GraphQL says", async () => {
    const errors = await graph.api(`/groups/${guid(makers)}/membersWithLicenseErrors`).get();
    const g = await gql(makers);
    expect(g.membersWithLicenseErrors.totalCount).toBe(1);
    expect(idsOf(errors.value)).toEqual(bare(g.membersWithLicenseErrors.nodes));
    expect(errors.value[0]).toMatchObject({ "@odata.type": "#microsoft.graph.user", displayName: "cy", licenseAssignmentStates: [expect.objectContaining({ state: "Error", error: "CountViolation", assignedByGroup: guid(makers) })] });
  });

  it("MG2: POST members/$ref adds, DELETE members/{id}/$ref removes (204); a member already there is 400, one not there is 404", async () => {
    const path = `/groups/${guid(inner)}/members/$ref`;
    await graph.api(path).post({ "@odata.id": `${PUBLIC_URL}/v1.0/directoryObjects/${guid(ids.dee)}` });
    expect(bare((await gql(inner)).members.nodes)).toContain(guid(ids.dee));
    const again = await graphErrorOf(graph.api(path).post({ "@odata.id": `${PUBLIC_URL}/v1.0/users/${guid(ids.dee)}` }));
    expect([again.statusCode, again.code, innerCode(again)]).toEqual([400, "Request_BadRequest", "CONFLICT"]);
    // The third member of Inner: with two seats dee waits too (S4).
    expect(idsOf((await graph.api(`/groups/${guid(makers)}/membersWithLicenseErrors`).get()).value)).toEqual([guid(ids.cy), guid(ids.dee)].sort());
    await graph.api(`/groups/${guid(inner)}/members/${guid(ids.dee)}/$ref`).delete();
    expect(bare((await gql(inner)).members.nodes)).not.toContain(guid(ids.dee));
    const gone = await graphErrorOf(graph.api(`/groups/${guid(inner)}/members/${guid(ids.dee)}/$ref`).delete());
    expect([gone.statusCode, gone.code]).toEqual([404, "Request_ResourceNotFound"]);
    // A nested group by its own URL, and removed again.
    const extra = await t.group("Extra");
    await graph.api(path).post({ "@odata.id": `${PUBLIC_URL}/v1.0/groups/${guid(extra)}` });
    expect(bare((await gql(inner)).memberGroups)).toEqual([guid(extra)]);
    await graph.api(`/groups/${guid(inner)}/members/${extra}/$ref`).delete();
    expect((await gql(inner)).memberGroups).toEqual([]);
  });

  it("MG4: GROUP_CYCLE, bad references and unknown IDs are Graph errors and change nothing", async () => {
    const before = await api.snapshot();
    const cycle = await graphErrorOf(graph.api(`/groups/${guid(inner)}/members/$ref`).post({ "@odata.id": `${PUBLIC_URL}/v1.0/directoryObjects/${guid(makers)}` }));
    expect([cycle.statusCode, cycle.code, innerCode(cycle)]).toEqual([400, "Request_BadRequest", "GROUP_CYCLE"]);
    const self = await graphErrorOf(graph.api(`/groups/${guid(inner)}/members/$ref`).post({ "@odata.id": `${PUBLIC_URL}/v1.0/groups/${guid(inner)}` }));
    expect([self.statusCode, innerCode(self)]).toEqual([400, "GROUP_CYCLE"]);
    const other = await newTenant(api, "Fabrikam");
    const eve = await other.user("eve");
    const theirs = await other.group("Theirs");
    const afterOther = await api.snapshot();
    const cases: [string, string, unknown, number, string][] = [
      ["POST", `/groups/${guid(inner)}/members/$ref`, { "@odata.id": `${PUBLIC_URL}/v1.0/directoryObjects/${guid(eve.id)}` }, 404, "Request_ResourceNotFound"],
      ["POST", `/groups/${guid(inner)}/members/$ref`, { "@odata.id": `${PUBLIC_URL}/v1.0/users/${guid(theirs)}` }, 404, "Request_ResourceNotFound"],
      ["POST", `/groups/${guid(theirs)}/members/$ref`, { "@odata.id": `${PUBLIC_URL}/v1.0/directoryObjects/${guid(ids.ada)}` }, 404, "Request_ResourceNotFound"],
      ["POST", `/groups/${guid(inner)}/members/$ref`, { "@odata.id": `${PUBLIC_URL}/v1.0/bots/${guid(ids.ada)}` }, 400, "Request_BadRequest"],
      ["POST", `/groups/${guid(inner)}/members/$ref`, { "@odata.id": `${PUBLIC_URL}/v1.0/directoryObjects/not-a-guid` }, 400, "Request_BadRequest"],
      ["POST", `/groups/${guid(inner)}/members/$ref`, { "@odata.id": 5 }, 400, "Request_BadRequest"],
      ["POST", `/groups/${guid(inner)}/members/$ref`, { "@odata.id": `${PUBLIC_URL}/v1.0/users/${guid(ids.ada)}`, extra: 1 }, 400, "Request_BadRequest"],
      ["DELETE", `/groups/${guid(inner)}/members/${guid(eve.id)}/$ref`, undefined, 404, "Request_ResourceNotFound"],
      ["GET", `/groups/${guid(theirs)}`, undefined, 404, "Request_ResourceNotFound"],
      ["GET", `/groups/00000000-0000-4000-8000-000000000000/members`, undefined, 404, "Request_ResourceNotFound"],
      ["GET", `/groups/nope`, undefined, 400, "Request_BadRequest"],
      ["GET", `/groups/${guid(inner)}/owners`, undefined, 400, "Request_BadRequest"],
      ["PATCH", `/groups/${guid(inner)}`, { displayName: "x" }, 405, "Request_BadRequest"],
    ];
    for (const [method, path, body, status, code] of cases) {
      const r = await graphFetch(origin, method, path, { token: t.admin, body });
      expect([method, path, r.status, r.body?.error?.code]).toEqual([method, path, status, code]);
    }
    await api.expectUnchanged(afterOther);
    expect(JSON.parse(afterOther).security_group.length).toBe(JSON.parse(before).security_group.length + 1);
  });

  it("role matrix: a Groups Administrator changes members; a License Administrator reads but may not (403)", async () => {
    const groupsAdmin = await t.user("ga", ["GROUPS_ADMIN"]);
    const licenseAdmin = await t.user("la", ["LICENSE_ADMIN"]);
    const ref = { "@odata.id": `${PUBLIC_URL}/v1.0/directoryObjects/${guid(ids.dee)}` };
    const la = graphClient(origin, licenseAdmin.token);
    expect((await la.api(`/groups/${guid(inner)}/members`).get()).value.length).toBeGreaterThan(0);
    const e = await graphErrorOf(la.api(`/groups/${guid(inner)}/members/$ref`).post(ref));
    expect([e.statusCode, e.code, innerCode(e)]).toEqual([403, "Authorization_RequestDenied", "FORBIDDEN"]);
    const d = await graphErrorOf(la.api(`/groups/${guid(inner)}/members/${guid(ids.bob)}/$ref`).delete());
    expect(d.statusCode).toBe(403);
    const ga = graphClient(origin, groupsAdmin.token);
    await ga.api(`/groups/${guid(inner)}/members/$ref`).post(ref);
    await ga.api(`/groups/${guid(inner)}/members/${guid(ids.dee)}/$ref`).delete();
    const plain = await t.user("plain");
    const p = await graphErrorOf(graphClient(origin, plain.token).api("/groups").get());
    expect(p.statusCode).toBe(403);
  });
  it("D8 over Graph: a group the directory manages keeps its members (400 DIRECTORY_MANAGED, unchanged) and may still be licensed", async () => {
    const w = await scimWorld(api, origin, "Synced");
    const user = (await w.scim("POST", "/Users", { schemas: ["urn:ietf:params:scim:schemas:core:2.0:User"], userName: "kim@synced.example" })).body.id as string;
    const synced = (await w.scim("POST", "/Groups", { schemas: ["urn:ietf:params:scim:schemas:core:2.0:Group"], displayName: "Synced", members: [{ value: user }] })).body.id as string;
    const client = graphClient(origin, w.t.admin);
    const before = await api.snapshot();
    const other = await graphClient(origin, w.t.admin).api("/users").filter("startswith(displayName,'Admin')").get();
    for (const call of [
      () => client.api(`/groups/${guid(synced)}/members/$ref`).post({ "@odata.id": `${PUBLIC_URL}/v1.0/directoryObjects/${other.value[0].id}` }),
      () => client.api(`/groups/${guid(synced)}/members/${guid(user)}/$ref`).delete(),
    ]) {
      const e = await graphErrorOf(call());
      expect([e.statusCode, e.code, innerCode(e)]).toEqual([400, "Request_BadRequest", "DIRECTORY_MANAGED"]);
    }
    await api.expectUnchanged(before);
    expect((await client.api(`/groups/${guid(synced)}/members`).get()).value.map((m: any) => m.id)).toEqual([guid(user)]);
    await w.t.buy(1);
    const licensed = await graphFetch(origin, "POST", `/groups/${guid(synced)}/assignLicense`, { token: w.t.admin, body: { addLicenses: [{ skuId: guid(w.t.sku.user), disabledPlans: [] }], removeLicenses: [] } });
    expect([licensed.status, licensed.body.assignedLicenses]).toEqual([202, [{ skuId: guid(w.t.sku.user), disabledPlans: [] }]]);
  });
});
