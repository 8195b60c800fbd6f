import { engines, scimWorld, startScim } from "./scim-client";
import { TestApi } from "../helpers/harness";
import { Q } from "../helpers/fixtures";
import { LIVE, liveClients } from "../helpers/live";
import * as directoryUsers from "../../src/app/users/directory-users";
import { graphql } from "../gql";
import { AdminRole } from "../../src/domain/enums";

/** The user rules GraphQL and SCIM share (U3, E2 after a directory write) and D6's PATCH against a concurrent change. */
const PATCH = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
const patch = (...Operations: unknown[]) => ({ schemas: [PATCH], Operations });
const ACCOUNT = graphql(`query UserRulesAccount($id: ID!) { user(id: $id) { accountEnabled source } }`);

describe.each(engines())("SCIM users: the shared user rules (%s)", (_engine, url) => {
  let api: TestApi;
  let http: string;
  beforeAll(async () => ({ api, http } = await startScim(url)));
  afterAll(() => api.stop());
  afterEach(() => jest.restoreAllMocks());

  const { open, sub } = liveClients(() => api, () => http);

  it("U3 the directory cannot disable the last enabled GLOBAL_ADMIN either (400 invalidValue, nothing changes); with a second one it can", async () => {
    const w = await scimWorld(api, http, "LastAdmin");
    const off = patch({ op: "replace", path: "active", value: false });
    const r = await w.scim("PATCH", `/Users/${w.t.adminId}`, off);
    expect([r.status, r.body.scimType]).toEqual([400, "invalidValue"]);
    expect(r.body.detail).toMatch(/last enabled GLOBAL_ADMIN/);
    expect((await api.ok(w.t.admin, ACCOUNT, { id: w.t.adminId })).user).toMatchObject({ accountEnabled: true, source: "CLOUD" });
    const other = await w.t.user("second-admin", [AdminRole.GLOBAL_ADMIN]);
    expect((await w.scim("PATCH", `/Users/${w.t.adminId}`, off)).body.active).toBe(false);
    expect((await api.ok(other.token, ACCOUNT, { id: w.t.adminId })).user).toMatchObject({ accountEnabled: false, source: "DIRECTORY" });
  });

  it("E2 a user the directory changes hears of it on myLicenseChanged, as after GraphQL's updateUser; disabled, their socket is closed", async () => {
    const w = await scimWorld(api, http, "LiveDirectory");
    const a = await w.t.user("renamed");
    const c = await open(a.token);
    const me = await sub(c, w.t, "myLicenseChanged", LIVE.me);
    expect((await w.scim("PATCH", `/Users/${a.id}`, patch({ op: "replace", path: "displayName", value: "Renamed by the directory" }))).status).toBe(200);
    expect((await me.results.next()).data.myLicenseChanged).toMatchObject({ id: a.id, displayName: "Renamed by the directory" });
    expect((await w.scim("PATCH", `/Users/${a.id}`, patch({ op: "replace", value: { active: false } }))).status).toBe(200);
    expect((await c.closed).code).toBe(4403);
  });

  it("D6 a PATCH computed from a user changed meanwhile is applied again to the user as stored, once; changed again, 412 and nothing written", async () => {
    const w = await scimWorld(api, http, "Race");
    const created = await w.scim("POST", "/Users", { userName: "race@race.example", displayName: "Before", title: "Engineer" });
    const id = created.body.id as string;
    const real = directoryUsers.getDirectoryUser;
    // What a concurrent write would leave between the PATCH's read and its write: the read sees an older title.
    const stale = async (...args: Parameters<typeof real>) => {
      const u = await real(...args);
      return u && Object.assign(Object.create(Object.getPrototypeOf(u)), u, { scimAttributes: JSON.stringify({ title: "Intern" }) });
    };
    const read = jest.spyOn(directoryUsers, "getDirectoryUser").mockImplementationOnce(stale);
    const once = await w.scim("PATCH", `/Users/${id}`, patch({ op: "replace", path: "nickName", value: "Racer" }));
    expect(once.status).toBe(200);
    // Applied to what is stored (title Engineer), not to the stale read (Intern).
    expect(once.body).toMatchObject({ nickName: "Racer", title: "Engineer", displayName: "Before" });
    expect(read).toHaveBeenCalledTimes(2);

    read.mockImplementation(stale);
    const twice = await w.scim("PATCH", `/Users/${id}`, patch({ op: "replace", path: "nickName", value: "Lost" }));
    expect(twice.status).toBe(412);
    read.mockRestore();
    expect((await w.scim("GET", `/Users/${id}`)).body).toMatchObject({ nickName: "Racer", title: "Engineer" });
    const events = (await api.ok(w.t.admin, Q.audit, { targetId: id })).auditEvents.nodes;
    expect(events.map((e: { action: string }) => e.action)).toEqual(["UPDATE_USER", "CREATE_USER"]);
  });
});
