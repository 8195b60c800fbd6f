import { engines, scimWorld, startScim } from "./scim-client";
import { TestApi } from "../helpers/harness";
import { Q } from "../helpers/fixtures";
import * as directoryGroups from "../../src/app/groups/directory-groups";

/** The group rules GraphQL and SCIM share (G1's cap on what a call sends) and D6's group PATCH against a concurrent change. */
const GROUP = "urn:ietf:params:scim:schemas:core:2.0:Group";
const PATCH = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
const patch = (...Operations: unknown[]) => ({ schemas: [PATCH], Operations });
const members = (ids: string[]) => ids.map((value) => ({ value }));

describe.each(engines())("SCIM groups: the shared group rules (%s)", (_engine, url) => {
  let api: TestApi;
  let http: string;
  beforeAll(async () => ({ api, http } = await startScim(url)));
  afterAll(() => api.stop());
  afterEach(() => jest.restoreAllMocks());

  it("G1 the 5,000 counts the member IDs a request sends: a group of 5,001 is emptied by remove-all and replaced by a PUT naming one", async () => {
    const w = await scimWorld(api, http, "BigGroup");
    const many = await w.t.bulkUsers(5001, "big");
    const fill = async (id: string) => {
      expect((await w.scim("PATCH", `/Groups/${id}`, patch({ op: "add", path: "members", value: members(many.slice(0, 5000)) }))).status).toBe(204);
      expect((await w.scim("PATCH", `/Groups/${id}`, patch({ op: "add", path: "members", value: members(many.slice(5000)) }))).status).toBe(204);
    };
    const count = async (id: string) => ((await w.scim("GET", `/Groups/${id}`)).body.members as unknown[]).length;
    const id = (await w.scim("POST", "/Groups", { schemas: [GROUP], displayName: "Everyone" })).body.id as string;
    await fill(id);
    expect(await count(id)).toBe(5001);

    // Sends no ID: takes out 5,001 members.
    const emptied = await w.scim("PATCH", `/Groups/${id}`, patch({ op: "remove", path: "members" }));
    expect([emptied.status, emptied.body?.scimType]).toEqual([204, undefined]);
    expect(await count(id)).toBe(0);

    await fill(id);
    // Sends one ID: 5,000 go, one stays.
    const put = await w.scim("PUT", `/Groups/${id}`, { schemas: [GROUP], displayName: "Everyone", members: members([many[7]]) });
    expect([put.status, put.body.members]).toEqual([200, [expect.objectContaining({ value: many[7] })]]);
    // Still refused: 5,001 IDs sent, whatever the group holds.
    const tooMany = await w.scim("PATCH", `/Groups/${id}`, patch({ op: "replace", path: "members", value: members(many) }));
    expect([tooMany.status, tooMany.body.scimType]).toEqual([400, "tooMany"]);
    expect(await count(id)).toBe(1);
  });

  it("D6 a group PATCH computed from a group renamed meanwhile is applied again to the group as stored, once; renamed again, 412 and nothing written", async () => {
    const w = await scimWorld(api, http, "GroupRace");
    const [a, b] = await w.t.bulkUsers(2, "race");
    const id = (await w.scim("POST", "/Groups", { schemas: [GROUP], displayName: "Current" })).body.id as string;
    const real = directoryGroups.getDirectoryGroup;
    // What a concurrent rename would leave between the PATCH's read and its write: the read sees the old name.
    const stale = async (...args: Parameters<typeof real>) => {
      const g = await real(...args);
      return g && Object.assign(Object.create(Object.getPrototypeOf(g)), g, { displayName: "Old", scimAttributes: JSON.stringify({ displayName: "Old" }) });
    };
    const read = jest.spyOn(directoryGroups, "getDirectoryGroup").mockImplementationOnce(stale);
    expect((await w.scim("PATCH", `/Groups/${id}`, patch({ op: "add", path: "members", value: members([a]) }))).status).toBe(204);
    expect(read).toHaveBeenCalledTimes(2);
    // The member is in and the rename is not undone by the stale read.
    expect((await w.scim("GET", `/Groups/${id}`)).body).toMatchObject({ displayName: "Current", members: [expect.objectContaining({ value: a })] });

    read.mockImplementation(stale);
    expect((await w.scim("PATCH", `/Groups/${id}`, patch({ op: "add", path: "members", value: members([b]) }))).status).toBe(412);
    read.mockRestore();
    const after = (await w.scim("GET", `/Groups/${id}`)).body;
    expect([after.displayName, after.members.map((m: { value: string }) => m.value)]).toEqual(["Current", [a]]);
    const events = (await api.ok(w.t.admin, Q.audit, { targetId: id })).auditEvents.nodes;
    expect(events.map((e: { action: string }) => e.action)).toEqual(["UPDATE_GROUP", "CREATE_GROUP"]);
  });
});
