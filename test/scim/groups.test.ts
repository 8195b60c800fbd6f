import { engines, scimWorld, startScim, ScimWorld } from "./scim-client";
import { TestApi } from "../helpers/harness";
import { Q } from "../helpers/fixtures";
import { graphql } from "../gql";

/** DESIGN §10 for Groups: D4, D6, D7, D8, with the seat engine (S4, S5) in the same transaction. */
const GROUP = "urn:ietf:params:scim:schemas:core:2.0:Group";
const USER = "urn:ietf:params:scim:schemas:core:2.0:User";
const patch = (...Operations: unknown[]) => ({ schemas: ["urn:ietf:params:scim:api:messages:2.0:PatchOp"], Operations });
const members = (...ids: string[]) => ids.map((value) => ({ value }));

describe.each(engines())("SCIM Groups (%s)", (_engine, url) => {
  let api: TestApi;
  let http: string;
  beforeAll(async () => ({ api, http } = await startScim(url)));
  afterAll(() => api.stop());

  const user = async (w: ScimWorld, name: string) => (await w.scim("POST", "/Users", { schemas: [USER], userName: `${name}@${w.t.tenantId.slice(-6)}.example` })).body.id as string;
  const group = async (w: ScimWorld, displayName: string, ids: string[] = []) => {
    const r = await w.scim("POST", "/Groups", { schemas: [GROUP], displayName, members: members(...ids) });
    expect(r.status).toBe(201);
    return r.body.id as string;
  };
  const memberIds = async (w: ScimWorld, id: string) => ((await w.scim("GET", `/Groups/${id}`)).body.members as any[]).map((m) => m.value).sort();
  const seat = async (w: ScimWorld, userId: string) => {
    const l = (await w.t.effective(userId)).effectiveLicenses[0];
    return l ? `${l.state}/${l.error}` : "none";
  };

  it("D4 members are users or groups (groups nest, G1); excludedAttributes=members and attributes are honoured", async () => {
    const w = await scimWorld(api, http, "Members");
    const a = await user(w, "a");
    const inner = await group(w, "Inner", [a]);
    const outer = await group(w, "Outer", [inner]);
    const r = await w.scim("GET", `/Groups/${outer}`);
    expect(r.body.members).toEqual([expect.objectContaining({ value: inner, type: "Group" })]);
    const slim = await w.scim("GET", `/Groups/${outer}?excludedAttributes=members`);
    expect(slim.body.members).toBeUndefined();
    expect(slim.body.displayName).toBe("Outer");
    const only = await w.scim("GET", `/Groups?attributes=displayName&filter=${encodeURIComponent('displayName eq "inner"')}`);
    expect(only.body.Resources).toEqual([{ schemas: [GROUP], id: inner, displayName: "Inner" }]);
    const tm = await api.ok(w.t.admin, graphql(`query GroupsDoc1($id: ID!) { securityGroup(id: $id) { source transitiveMembers(first: 10) { nodes { id } } } }`), { id: outer });
    expect(tm.securityGroup).toEqual({ source: "DIRECTORY", transitiveMembers: { nodes: [{ id: a }] } });
  });

  it("D4 a cycle or an unknown member is 400 invalidValue and changes nothing", async () => {
    const w = await scimWorld(api, http, "Cycles");
    const a = await user(w, "a");
    const inner = await group(w, "Inner", [a]);
    const outer = await group(w, "Outer", [inner]);
    const before = await api.snapshot();
    const bad = [
      [`/Groups/${inner}`, patch({ op: "add", path: "members", value: members(outer) })],
      [`/Groups/${inner}`, patch({ op: "add", path: "members", value: members(inner) })],
      [`/Groups/${inner}`, patch({ op: "add", path: "members", value: members("usr_00000000-0000-7000-8000-000000000000") })],
      [`/Groups/${inner}`, patch({ op: "replace", value: { displayName: "Renamed" } }, { op: "add", path: "members", value: members("nonsense") })],
    ] as const;
    for (const [path, body] of bad) {
      const r = await w.scim("PATCH", path, body);
      expect([r.status, r.body.scimType]).toEqual([400, "invalidValue"]);
    }
    const post = await w.scim("POST", "/Groups", { schemas: [GROUP], displayName: "New", members: members("grp_00000000-0000-7000-8000-000000000000") });
    expect([post.status, post.body.scimType]).toEqual([400, "invalidValue"]);
    expect((await api.snapshot()) === before).toBe(true);
  });

  it("D6 group PATCH: add, remove by filter or value list, replace, remove all, rename; one transaction with the seat engine; 204", async () => {
    const w = await scimWorld(api, http, "GroupPatch");
    const { t } = w;
    await t.buy(2);
    const [a, b, c] = [await user(w, "a"), await user(w, "b"), await user(w, "c")];
    const g = await group(w, "Licensed");
    await t.assignGroup(g);
    const r = await w.scim("PATCH", `/Groups/${g}`, patch(
      { op: "Add", path: "members", value: members(a, b, c) },
      { op: "remove", path: `members[value eq "${c}"]` },
      { op: "Replace", path: "displayName", value: "Licensed Makers" },
    ));
    expect([r.status, r.body]).toEqual([204, undefined]);
    expect(await memberIds(w, g)).toEqual([a, b].sort());
    expect([await seat(w, a), await seat(w, b), await seat(w, c)]).toEqual(["ACTIVE/NONE", "ACTIVE/NONE", "none"]);
    await w.scim("PATCH", `/Groups/${g}`, patch({ op: "add", path: "members", value: members(c) }));
    expect(await seat(w, c)).toBe("ERROR/COUNT_VIOLATION");
    // S5: the seat a leaver frees goes to the next in line in the same request.
    await w.scim("PATCH", `/Groups/${g}`, patch({ op: "Remove", path: "members", value: members(a) }));
    expect([await seat(w, a), await seat(w, c)]).toEqual(["none", "ACTIVE/NONE"]);
    await w.scim("PATCH", `/Groups/${g}`, patch({ op: "replace", path: "members", value: members(a) }));
    expect(await memberIds(w, g)).toEqual([a]);
    await w.scim("PATCH", `/Groups/${g}`, patch({ op: "remove", path: "members" }));
    expect(await memberIds(w, g)).toEqual([]);
    expect((await w.scim("GET", `/Groups/${g}`)).body.displayName).toBe("Licensed Makers");
    const ev = (await api.ok(t.admin, Q.audit, { action: "UPDATE_GROUP", targetId: g })).auditEvents.nodes;
    expect(ev).toHaveLength(5);
    expect(JSON.parse(ev[ev.length - 1].details)).toMatchObject({ via: "SCIM", addedUserIds: [a, b], seatChanges: expect.any(Object) });
  });

  it("D6 PUT replaces the group: its name and its whole member list", async () => {
    const w = await scimWorld(api, http, "GroupPut");
    const [a, b] = [await user(w, "a"), await user(w, "b")];
    const g = await group(w, "Before", [a]);
    const r = await w.scim("PUT", `/Groups/${g}`, { schemas: [GROUP], id: g, displayName: "After", members: members(b) });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ id: g, displayName: "After", members: [{ value: b }] });
    expect((await w.scim("PUT", `/Groups/${g}`, { schemas: [GROUP], displayName: "After" })).body.members).toEqual([]);
  });

  it("D7 deleting a group that carries licenses succeeds: members at any depth lose what it gave, the audit event lists it", async () => {
    const w = await scimWorld(api, http, "GroupDelete");
    const { t } = w;
    await t.buy(5);
    const [a, b] = [await user(w, "a"), await user(w, "b")];
    const inner = await group(w, "Inner", [b]);
    const top = await group(w, "Top", [a, inner]);
    await t.assignGroup(top);
    expect([await seat(w, a), await seat(w, b)]).toEqual(["ACTIVE/NONE", "ACTIVE/NONE"]);
    expect(await api.failsUnchanged(t.admin, Q.deleteGroup, { id: top })).toBe("DIRECTORY_MANAGED");
    expect((await w.scim("DELETE", `/Groups/${top}`)).status).toBe(204);
    expect([await seat(w, a), await seat(w, b)]).toEqual(["none", "none"]);
    expect((await w.scim("GET", `/Groups/${top}`)).status).toBe(404);
    expect((await w.scim("DELETE", `/Groups/${top}`)).status).toBe(404);
    expect(await memberIds(w, inner)).toEqual([b]);
    const ev = (await api.ok(t.admin, Q.audit, { action: "DELETE_GROUP", targetId: top })).auditEvents.nodes;
    expect(JSON.parse(ev[0].details)).toMatchObject({ via: "SCIM", removedLicenses: ["POWER_VIRTUAL_AGENTS_USER"], seatChanges: { POWER_VIRTUAL_AGENTS_USER: { revoked: { count: 2 } } } });
  });

  it("D8 a directory group's displayName and membership are DIRECTORY_MANAGED in GraphQL; licenses, description and nesting it in a cloud group stay open", async () => {
    const w = await scimWorld(api, http, "GroupManaged");
    const { t } = w;
    await t.buy(1);
    const a = await user(w, "a");
    const g = await group(w, "Dir", [a]);
    const cloudUser = await t.user("cloudy");
    const UPDATE = graphql(`mutation GroupsDoc2($input: UpdateSecurityGroupInput!) { updateSecurityGroup(input: $input) { id displayName description } }`);
    expect(await api.failsUnchanged(t.admin, UPDATE, { input: { id: g, displayName: "X" } })).toBe("DIRECTORY_MANAGED");
    expect(await api.failsUnchanged(t.admin, Q.addMembers, { input: { groupId: g, userIds: [cloudUser.id] } })).toBe("DIRECTORY_MANAGED");
    expect(await api.failsUnchanged(t.admin, Q.removeMembers, { input: { groupId: g, userIds: [a] } })).toBe("DIRECTORY_MANAGED");
    expect((await api.ok(t.admin, UPDATE, { input: { id: g, description: "Synced from Entra" } })).updateSecurityGroup.description).toBe("Synced from Entra");
    await t.assignGroup(g);
    const cloud = await t.group("Cloud");
    await t.add(cloud, [], [g]);
    expect(await seat(w, a)).toBe("ACTIVE/NONE");
  });
  it("H7 a group's meta.lastModified moves with its members (SCIM PATCH and PUT, GraphQL add and remove, a member leaving), and a filter on it finds them", async () => {
    const w = await scimWorld(api, http, "GroupModified");
    const { t } = w;
    const [a, b] = [await user(w, "a"), await user(w, "b")];
    const g = await group(w, "Synced", [a]);
    const lastModified = async (id: string) => (await w.scim("GET", `/Groups/${id}`)).body.meta.lastModified as string;
    const changedSince = async (at: string) =>
      ((await w.scim("GET", `/Groups?filter=${encodeURIComponent(`meta.lastModified gt "${at}"`)}`)).body.Resources as any[]).map((r) => r.id);
    const tick = () => {
      api.clock.advanceMs(60_000);
      return api.clock.now().toISOString();
    };
    const created = await lastModified(g);
    // Each member change alone, by the test's clock; the name stays as it was.
    const steps: [string, () => Promise<unknown>][] = [
      ["PATCH add", () => w.scim("PATCH", `/Groups/${g}`, patch({ op: "add", path: "members", value: members(b) }))],
      ["PATCH remove", () => w.scim("PATCH", `/Groups/${g}`, patch({ op: "remove", path: `members[value eq "${b}"]` }))],
      ["PUT members", () => w.scim("PUT", `/Groups/${g}`, { schemas: [GROUP], displayName: "Synced", members: members(b) })],
    ];
    let previous = created;
    for (const [step, run] of steps) {
      const at = tick();
      await run();
      expect([step, await lastModified(g)]).toEqual([step, at]);
      expect([step, await changedSince(previous)]).toEqual([step, [g]]);
      previous = at;
    }
    // A PUT that changes nothing modifies nothing, and says so.
    tick();
    const same = await w.scim("PUT", `/Groups/${g}`, { schemas: [GROUP], displayName: "Synced", members: members(b) });
    expect([same.body.meta.lastModified, await lastModified(g)]).toEqual([previous, previous]);
    // A member leaving the tenant leaves the group.
    let at = tick();
    expect((await w.scim("DELETE", `/Users/${b}`)).status).toBe(204);
    expect(await lastModified(g)).toBe(at);
    // A nested group deleted: the group it was in lost a member.
    const inner = await group(w, "Inner");
    const outer = await group(w, "Outer", [inner]);
    at = tick();
    expect((await w.scim("DELETE", `/Groups/${inner}`)).status).toBe(204);
    expect(await lastModified(outer)).toBe(at);
    // A cloud group's members change through GraphQL: the same rule, seen over SCIM.
    const cloud = await t.group("Cloud");
    const person = await t.user("person");
    const since = tick();
    at = tick();
    await api.ok(t.admin, Q.addMembers, { input: { groupId: cloud, userIds: [person.id] } });
    expect([await lastModified(cloud), await changedSince(since)]).toEqual([at, [cloud]]);
    at = tick();
    await api.ok(t.admin, Q.removeMembers, { input: { groupId: cloud, userIds: [person.id] } });
    expect(await lastModified(cloud)).toBe(at);
    // Naming only members already there (or already gone) changes nothing.
    tick();
    await api.ok(t.admin, Q.removeMembers, { input: { groupId: cloud, userIds: [person.id] } });
    expect(await lastModified(cloud)).toBe(at);
    // A rename in GraphQL is a modification a directory sees too.
    at = tick();
    await api.ok(t.admin, graphql(`mutation GroupsDoc3($input: UpdateSecurityGroupInput!) { updateSecurityGroup(input: $input) { id } }`), { input: { id: cloud, displayName: "Cloud renamed" } });
    expect(await lastModified(cloud)).toBe(at);
  });
});
