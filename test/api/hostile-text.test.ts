import { engines, TestApi } from "../helpers/harness";
import { newTenant, TenantFx } from "../helpers/fixtures";

/** H1 (issue 19 defect 2): U+0000 and lone surrogates never reach storage over GraphQL; BAD_USER_INPUT, nothing written. */
describe.each(engines())("H1 text over GraphQL (%s)", (_engine, url) => {
  let api: TestApi;
  let t: TenantFx;
  beforeAll(async () => {
    api = await TestApi.start(url);
    t = await newTenant(api);
  });
  afterAll(() => api.stop());
  // One HTTP listener for the file (the harness closes only the last one it opened).
  let listening: Promise<string> | undefined;
  const http = () => (listening ??= api.listen());

  const NUL = "a\u0000b";
  const cases: [string, string, Record<string, unknown>][] = [
    ["createUser displayName", `mutation($n: String!) { createUser(input: { userPrincipalName: "n@fabrikam.example", displayName: $n }) { id } }`, { n: NUL }],
    ["createUser userPrincipalName", `mutation($u: String!) { createUser(input: { userPrincipalName: $u, displayName: "N" }) { id } }`, { u: "n\u0000@fabrikam.example" }],
    ["createSecurityGroup displayName", `mutation($n: String!) { createSecurityGroup(input: { displayName: $n }) { id } }`, { n: NUL }],
    ["createSecurityGroup description (lone surrogate)", `mutation($d: String) { createSecurityGroup(input: { displayName: "G", description: $d }) { id } }`, { d: "x\ud800" }],
    ["createProvisioningToken description", `mutation($d: String!) { createProvisioningToken(input: { description: $d }) { token } }`, { d: NUL }],
    ["user(id)", `query($id: ID!) { user(id: $id) { id } }`, { id: "usr_\u0000" }],
    ["node(id)", `query($id: ID!) { node(id: $id) { id } }`, { id: "\u0000" }],
    ["search", `query($s: String) { tenant { users(filter: { search: $s }) { totalCount } } }`, { s: NUL }],
    ["auditEvents(action)", `query($a: String) { auditEvents(action: $a) { totalCount } }`, { a: NUL }],
    ["a NUL inside a list of IDs", `mutation($g: ID!, $u: [ID!]) { addGroupMembers(input: { groupId: $g, userIds: $u }) { id } }`, { g: "grp_x", u: ["usr_a", "usr_\u0000"] }],
    ["a literal in the document", `mutation { createSecurityGroup(input: { displayName: "G\\u0000" }) { id } }`, {}],
  ];

  it.each(cases)("%s", async (_name, query, variables) => {
    expect(await api.failsUnchanged(t.admin, query, variables)).toBe("BAD_USER_INPUT");
  });

  it("over HTTP the refusal is a 400 with the field's path, before the operation runs", async () => {
    const base = await http();
    const res = await fetch(`${base}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${t.admin}` },
      body: JSON.stringify({ query: `mutation($i: CreateSecurityGroupInput!) { createSecurityGroup(input: $i) { id } }`, variables: { i: { displayName: "\ud800" } } }),
    });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { errors: { message: string; extensions: { code: string } }[] };
    expect(body.errors[0].extensions.code).toBe("BAD_USER_INPUT");
    expect(body.errors[0].message).toContain("$i.displayName");
  });

  it("I1: a bad literal is refused every time the same document comes again (the check is kept per parsed document)", async () => {
    const base = await http();
    const send = () =>
      fetch(`${base}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${t.admin}` },
        body: JSON.stringify({ query: `mutation { createSecurityGroup(input: { displayName: "Again\\u0000" }) { id } }` }),
      });
    for (let i = 0; i < 3; i++) expect((await send()).status).toBe(400);
    const clean = await fetch(`${base}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${t.admin}` },
      body: JSON.stringify({ query: `{ me { id } }` }),
    });
    expect(clean.status).toBe(200);
  });

  it("good text with RTL marks, combining marks and emoji is stored as sent", async () => {
    const name = "\u202eevil\u202c e\u0301 😀 名前";
    const r = await api.ok(t.admin, `mutation($n: String!) { createSecurityGroup(input: { displayName: $n }) { displayName } }` as never, { n: name } as never);
    expect((r as { createSecurityGroup: { displayName: string } }).createSecurityGroup.displayName).toBe(name);
  });
});
