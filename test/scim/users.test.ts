import { engines, scimWorld, startScim, ScimWorld } from "./scim-client";
import { TestApi } from "../helpers/harness";
import { Q } from "../helpers/fixtures";
import { graphql } from "../gql";

/** DESIGN §10 for Users: D2, D3, D5, D6, D7, D8, D9. */
const CORE = "urn:ietf:params:scim:schemas:core:2.0:User";
const ENT = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
const PATCH = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
const patch = (...Operations: unknown[]) => ({ schemas: [PATCH], Operations });
const q = (filter: string, extra = "") => `/Users?filter=${encodeURIComponent(filter)}${extra}`;

describe.each(engines())("SCIM Users (%s)", (_engine, url) => {
  let api: TestApi;
  let http: string;
  beforeAll(async () => ({ api, http } = await startScim(url)));
  afterAll(() => api.stop());

  const create = async (w: ScimWorld, userName: string, extra: Record<string, unknown> = {}) => {
    const r = await w.scim("POST", "/Users", { schemas: [CORE], userName, ...extra });
    expect(r.status).toBe(201);
    return r.body;
  };

  it("D2 responses are application/scim+json; requests as application/json are accepted too; lists carry integer paging", async () => {
    const w = await scimWorld(api, http, "Wire");
    const r = await w.scim("POST", "/Users", { schemas: [CORE], userName: "json@wire.example" }, { contentType: "application/json" });
    expect([r.status, r.type]).toEqual([201, "application/scim+json; charset=utf-8"]);
    const l = await w.scim("GET", "/Users?startIndex=0&count=5000");
    expect(l.body).toMatchObject({ schemas: ["urn:ietf:params:scim:api:messages:2.0:ListResponse"], totalResults: 2, startIndex: 1, itemsPerPage: 2 });
    const empty = await w.scim("GET", q('userName eq "nobody@wire.example"'));
    expect(empty.body).toMatchObject({ totalResults: 0, Resources: [] });
    const c0 = await w.scim("GET", "/Users?count=0");
    expect(c0.body).toMatchObject({ totalResults: 2, itemsPerPage: 0, Resources: [] });
  });

  it("D3 the user is returned as sent, active as a JSON boolean, roles ignored, password never stored; displayName falls back", async () => {
    const w = await scimWorld(api, http, "Shape");
    const sent = {
      schemas: [CORE, ENT], userName: "Ada@Shape.example", externalId: "ext-1", active: "False", roles: [{ value: "GLOBAL_ADMIN" }], password: "s3cret!",
      name: { givenName: "Ada", familyName: "Lovelace" }, title: "Engineer",
      emails: [{ value: "ada@shape.example", type: "work", primary: "True" }], addresses: [{ type: "work", country: "gb" }],
      [ENT]: { department: "R&D", employeeNumber: "42", manager: { value: "m-1" } },
    };
    const u = (await w.scim("POST", "/Users", sent)).body;
    expect(u).toMatchObject({
      userName: "Ada@Shape.example", externalId: "ext-1", active: false, displayName: "Ada Lovelace", title: "Engineer",
      emails: [{ value: "ada@shape.example", type: "work", primary: true }], addresses: [{ type: "work", country: "gb" }],
      [ENT]: { department: "R&D", employeeNumber: "42", manager: { value: "m-1" } }, meta: { resourceType: "User" },
    });
    expect(u.roles).toBeUndefined();
    expect(JSON.stringify(await api.ds.query(`SELECT * FROM app_user`))).not.toContain("s3cret!");
    const g = await api.ok(w.t.admin, graphql(`query UsersDoc1($id: ID!) { user(id: $id) { userPrincipalName displayName accountEnabled roles usageLocation source externalId } }`), { id: u.id });
    expect(g.user).toEqual({ userPrincipalName: "Ada@Shape.example", displayName: "Ada Lovelace", accountEnabled: false, roles: [], usageLocation: "GB", source: "DIRECTORY", externalId: "ext-1" });
    expect((await create(w, "f@shape.example", { name: { formatted: "Formatted Name", givenName: "X" } })).displayName).toBe("Formatted Name");
    expect((await create(w, "plain@shape.example")).displayName).toBe("plain@shape.example");
  });

  it("D3 userName is userPrincipalName: a duplicate in any case is 409 uniqueness and nothing changes", async () => {
    const w = await scimWorld(api, http, "Dup");
    await create(w, "dup@dup.example");
    const before = await api.snapshot();
    const r = await w.scim("POST", "/Users", { schemas: [CORE], userName: "DUP@dup.example" });
    expect([r.status, r.body.scimType, r.body.status]).toEqual([409, "uniqueness", "409"]);
    expect((await api.snapshot()) === before).toBe(true);
    const other = await create(w, "other@dup.example");
    const clash = await w.scim("PATCH", `/Users/${other.id}`, patch({ op: "replace", path: "userName", value: "Dup@dup.example" }));
    expect([clash.status, clash.body.scimType]).toEqual([409, "uniqueness"]);
    expect((await w.scim("GET", `/Users/${other.id}`)).body.userName).toBe("other@dup.example");
  });

  it("D5 filters: eq, ne, co, sw, ew, pr, and/or/not, value paths, dates; userName case-insensitive; another attribute is 400 invalidFilter", async () => {
    const w = await scimWorld(api, http, "Filters");
    const a = await create(w, "alice@filters.example", { externalId: "A-1", displayName: "Alice Doe", emails: [{ value: "alice@work.example", type: "work" }, { value: "alice@home.example", type: "home" }] });
    api.clock.advanceMs(60_000);
    const b = await create(w, "bob@filters.example", { externalId: "B-2", active: false, displayName: "Bob Roe", emails: [{ value: "bob@home.example", type: "home" }] });
    const ids = async (filter: string) => ((await w.scim("GET", q(filter))).body.Resources ?? []).map((r: any) => r.id).filter((id: string) => id !== w.t.adminId);
    expect(await ids('userName eq "ALICE@filters.example"')).toEqual([a.id]);
    expect(await ids('externalId eq "B-2"')).toEqual([b.id]);
    expect(await ids('externalId eq "b-2"')).toEqual([]);
    expect(await ids(`id eq "${a.id}"`)).toEqual([a.id]);
    expect(await ids('displayName co "roe"')).toEqual([b.id]);
    expect(await ids('userName sw "bob"')).toEqual([b.id]);
    expect(await ids('userName ew "filters.example" and active eq false')).toEqual([b.id]);
    expect(await ids("active eq true and externalId pr")).toEqual([a.id]);
    expect(await ids('not (userName eq "alice@filters.example") and externalId pr')).toEqual([b.id]);
    expect(await ids('userName eq "alice@filters.example" or userName eq "bob@filters.example"')).toEqual([a.id, b.id]);
    expect(await ids('emails.value eq "bob@home.example"')).toEqual([b.id]);
    expect(await ids('emails[type eq "work"].value eq "alice@work.example"')).toEqual([a.id]);
    expect(await ids('emails[type eq "work"].value eq "alice@home.example"')).toEqual([]);
    expect(await ids('emails[value co "home"]')).toEqual([a.id, b.id]);
    expect(await ids('externalId ne "A-1" and externalId pr')).toEqual([b.id]);
    expect(await ids(`meta.lastModified gt "${new Date(api.clock.now().getTime() - 30_000).toISOString()}"`)).toEqual([b.id]);
    for (const bad of ['title eq "x"', 'userName eq', "userName xx \"a\"", 'meta.lastModified gt "yesterday"', "active eq \"maybe\""]) {
      const r = await w.scim("GET", q(bad));
      expect([bad, r.status, r.body.scimType]).toEqual([bad, 400, "invalidFilter"]);
    }
  });

  it("D6 PATCH shapes: ops in any case, with or without path, dotted and URN keys, value filters; 200 with the resource", async () => {
    const w = await scimWorld(api, http, "Patch");
    const u = await create(w, "pat@patch.example", { name: { givenName: "Pat", familyName: "Old" }, emails: [{ value: "pat@old.example", type: "work" }] });
    const r = await w.scim("PATCH", `/Users/${u.id}`, patch(
      { op: "Replace", path: 'emails[type eq "work"].value', value: "pat@new.example" },
      { op: "ADD", path: `${ENT}:department`, value: "Ops" },
      { op: "replace", value: { "name.familyName": "New", displayName: "Pat New", [`${ENT}:employeeNumber`]: "7" } },
      { op: "remove", path: "name.givenName" },
      { op: "add", path: 'addresses[type eq "work"].country', value: "DE" },
    ));
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ displayName: "Pat New", name: { familyName: "New" }, emails: [{ value: "pat@new.example", type: "work" }], [ENT]: { department: "Ops", employeeNumber: "7" } });
    expect(r.body.name.givenName).toBeUndefined();
    expect((await api.ok(w.t.admin, graphql(`query UsersDoc2($id: ID!) { user(id: $id) { usageLocation } }`), { id: u.id })).user.usageLocation).toBe("DE");
    // Filter on the new work email finds the user (the indexed keys follow the patch).
    expect((await w.scim("GET", q('emails[type eq "work"].value eq "pat@new.example"'))).body.totalResults).toBe(1);
  });

  it("D6 PUT replaces the resource: attributes left out are cleared, id never changes", async () => {
    const w = await scimWorld(api, http, "Put");
    const u = await create(w, "put@put.example", { title: "Boss", externalId: "p-1", emails: [{ value: "put@put.example", type: "work" }] });
    const r = await w.scim("PUT", `/Users/${u.id}`, { schemas: [CORE], id: "usr_something-else", userName: "put@put.example", displayName: "Put" });
    expect(r.status).toBe(200);
    expect(r.body.id).toBe(u.id);
    expect([r.body.title, r.body.externalId, r.body.emails, r.body.displayName]).toEqual([undefined, undefined, undefined, "Put"]);
    expect((await w.scim("GET", q('externalId eq "p-1"'))).body.totalResults).toBe(0);
  });

  it("D7 a directory DELETE frees the user's seats for the next in line; an owner of bots stays as a deleted user until the bots are reassigned", async () => {
    const w = await scimWorld(api, http, "Delete");
    const { t } = w;
    await t.buy(1);
    const g = await t.group("Makers");
    await t.assignGroup(g);
    const owner = await create(w, "owner@delete.example");
    const next = await create(w, "next@delete.example");
    await t.add(g, [owner.id]);
    await t.add(g, [next.id]);
    const ownerToken = await api.token({ tid: t.tenantId, oid: owner.id });
    const bot = (await api.ok(ownerToken, Q.createBot, { input: { name: "Helper" } })).createBot.id;
    expect((await w.scim("DELETE", `/Users/${owner.id}`)).status).toBe(204);
    expect((await w.scim("GET", `/Users/${owner.id}`)).status).toBe(404);
    expect((await w.scim("DELETE", `/Users/${owner.id}`)).status).toBe(404);
    expect((await t.effective(next.id)).effectiveLicenses[0]).toMatchObject({ state: "ACTIVE", holdsSeat: true });
    const view = graphql(`query UsersDeletedOwner($id: ID!, $bot: ID!) { user(id: $id) { id deletedAt accountEnabled memberOf { id } effectiveLicenses { state } } bot(id: $bot) { needsNewOwner owner { id } } }`);
    const v = await api.ok(t.admin, view, { id: owner.id, bot });
    expect(v.user).toMatchObject({ id: owner.id, accountEnabled: false, memberOf: [], effectiveLicenses: [] });
    expect(v.user.deletedAt).toBe(api.clock.now().toISOString());
    expect(v.bot).toEqual({ needsNewOwner: true, owner: { id: owner.id } });
    const list = graphql(`query UsersDoc3($d: Boolean) { tenant { users(first: 100, filter: { includeDeleted: $d }) { nodes { id } } } }`);
    expect((await api.ok(t.admin, list, { d: false })).tenant.users.nodes.map((n) => n.id)).not.toContain(owner.id);
    expect((await api.ok(t.admin, list, { d: true })).tenant.users.nodes.map((n) => n.id)).toContain(owner.id);
    expect((await api.exec(ownerToken, graphql(`query UsersDoc4 { me { id } }`))).errors?.[0].extensions?.code).toBe("UNAUTHENTICATED");
    const cloudGroup = await t.group("Cloud");
    expect(await api.failsUnchanged(t.admin, Q.addMembers, { input: { groupId: cloudGroup, userIds: [owner.id] } })).toBe("NOT_FOUND");
    expect(await api.failsUnchanged(t.admin, Q.assignUser, { input: { userId: owner.id, addLicenses: [{ skuId: t.sku.user }] } })).toBe("NOT_FOUND");
    // The userName is free again for a new user.
    await create(w, "owner@delete.example");
    // The admin reassigns the bot to someone who can create bots; the deleted user is then removed.
    await api.ok(t.admin, Q.updateBot, { input: { id: bot, ownerId: next.id } });
    expect((await api.ok(t.admin, view, { id: owner.id, bot })).user).toBeNull();
    const audit = (await api.ok(t.admin, Q.audit, { action: "DELETE_USER", targetId: owner.id })).auditEvents.nodes;
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0].details)).toMatchObject({ via: "SCIM", keptForBots: 1 });
  });

  it("D8 users written through SCIM are DIRECTORY: GraphQL edits of displayName, accountEnabled and deletion are DIRECTORY_MANAGED; licenses, roles and usageLocation stay open", async () => {
    const w = await scimWorld(api, http, "Managed");
    const { t } = w;
    await t.buy(2);
    const u = await create(w, "dir@managed.example");
    const UPDATE = graphql(`mutation UsersDoc5($input: UpdateUserInput!) { updateUser(input: $input) { id roles usageLocation } }`);
    expect(await api.failsUnchanged(t.admin, UPDATE, { input: { id: u.id, displayName: "New" } })).toBe("DIRECTORY_MANAGED");
    expect(await api.failsUnchanged(t.admin, UPDATE, { input: { id: u.id, accountEnabled: false } })).toBe("DIRECTORY_MANAGED");
    expect(await api.failsUnchanged(t.admin, Q.deleteUser, { id: u.id })).toBe("DIRECTORY_MANAGED");
    expect((await api.ok(t.admin, UPDATE, { input: { id: u.id, roles: ["GLOBAL_READER"], usageLocation: "FR" } })).updateUser).toMatchObject({ roles: ["GLOBAL_READER"], usageLocation: "FR" });
    await t.license(u.id);
    // A CLOUD user that SCIM matches and writes becomes DIRECTORY.
    const cloud = await t.user("cloud");
    const src = graphql(`query UsersDoc6($id: ID!) { user(id: $id) { source } }`);
    expect((await api.ok(t.admin, src, { id: cloud.id })).user.source).toBe("CLOUD");
    expect((await w.scim("PATCH", `/Users/${cloud.id}`, patch({ op: "replace", path: "externalId", value: "x-9" }))).status).toBe(200);
    expect((await api.ok(t.admin, src, { id: cloud.id })).user.source).toBe("DIRECTORY");
  });

  it("D9 every SCIM write appends one audit event by the token with via SCIM; a failed one appends none; active false keeps the seat (S12)", async () => {
    const w = await scimWorld(api, http, "Audit");
    const { t } = w;
    await t.buy(1);
    const u = await create(w, "aud@audit.example");
    await t.license(u.id);
    const events = async () => (await api.ok(t.admin, Q.audit, { targetId: u.id })).auditEvents.nodes;
    const n = (await events()).length;
    expect((await w.scim("PATCH", `/Users/${u.id}`, patch({ op: "replace", value: { active: false } }))).body.active).toBe(false);
    expect((await w.scim("PATCH", `/Users/${u.id}`, patch({ op: "replace", path: "nickName", value: 5 }))).status).toBe(400);
    const after = await events();
    expect(after).toHaveLength(n + 1);
    expect(after[0]).toMatchObject({ action: "UPDATE_USER" });
    expect(JSON.parse(after[0].details)).toMatchObject({ via: "SCIM", after: { accountEnabled: false } });
    const actor = await api.ds.query(`SELECT actor_id FROM audit_event WHERE target_id = '${u.id}' ORDER BY id DESC`);
    expect(actor[0].actor_id).toBe(w.tokenId);
    expect((await t.effective(u.id)).effectiveLicenses[0]).toMatchObject({ holdsSeat: true });
    // A PATCH that changes nothing writes nothing: no audit event, not even a new state version of the tenant.
    const strip = (x: string) => JSON.stringify({ ...JSON.parse(x), provisioning_token: null });
    const before = strip(await api.snapshot());
    expect((await w.scim("PATCH", `/Users/${u.id}`, patch({ op: "replace", value: { active: false } }))).status).toBe(200);
    expect(strip(await api.snapshot()) === before).toBe(true);
    expect(await events()).toHaveLength(n + 1);
  });
});
