import { engines, TestApi } from "../helpers/harness";
import { newTenant, Q, TenantFx } from "../helpers/fixtures";

/**
 * Users, security groups and memberships through the GraphQL API (DESIGN §5 G1, G2, U1–U3;
 * §6 role matrix, tenant isolation and token checks; §7 error codes and "a failed mutation changes nothing").
 */

const GROUP = `query($id: ID!) { securityGroup(id: $id) {
  id displayName description
  members(first: 1000) { totalCount nodes { id } }
  memberGroups { id } memberOf { id }
  transitiveMembers(first: 1000) { totalCount nodes { id } }
} }`;
const USER = `query($id: ID!) { user(id: $id) { id displayName accountEnabled roles memberOf { id } transitiveMemberOf { id } } }`;
const USERS = `query($first: Int, $after: String, $filter: UserFilter) { tenant { users(first: $first, after: $after, filter: $filter) {
  totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id } } nodes { id userPrincipalName displayName }
} } }`;
const NODE = `query($id: ID!) { node(id: $id) { id } }`;
const ME = `{ me { id roles accountEnabled } }`;
const UPDATE_GROUP = `mutation($input: UpdateSecurityGroupInput!) { updateSecurityGroup(input: $input) { id displayName description } }`;
const CREATE_USER_FULL = `mutation($input: CreateUserInput!) { createUser(input: $input) { id userPrincipalName displayName roles accountEnabled } }`;

const ROLES = ["GLOBAL_ADMIN", "BILLING_ADMIN", "LICENSE_ADMIN", "GROUPS_ADMIN", "GLOBAL_READER"] as const;
const NON_USER_ADMINS: (string | null)[] = ["BILLING_ADMIN", "LICENSE_ADMIN", "GROUPS_ADMIN", "GLOBAL_READER", null];
const NON_GROUP_ADMINS: (string | null)[] = ["BILLING_ADMIN", "LICENSE_ADMIN", "GLOBAL_READER", null];
const roleName = (r: string | null) => r ?? "no-role user";
const rolesOf = (r: string | null) => (r ? [r] : []);

const ids = (xs: { id: string }[]) => xs.map((x) => x.id).sort();
const sorted = (xs: string[]) => [...xs].sort();

describe.each(engines())("users and groups (%s)", (_engine, url) => {
  let api: TestApi;
  beforeAll(async () => (api = await TestApi.start(url)));
  afterAll(() => api.stop());

  const group = async (token: string, id: string, a = api) => (await a.ok(token, GROUP, { id })).securityGroup;
  const user = async (token: string, id: string, a = api) => (await a.ok(token, USER, { id })).user;
  const users = async (token: string, vars: Record<string, unknown> = {}, a = api) => (await a.ok(token, USERS, vars)).tenant.users;
  const createUser = (t: TenantFx, input: Record<string, unknown>, token = t.admin) => api.exec(token, CREATE_USER_FULL, { input });

  /**
   * "A failed mutation changes nothing" (§7): the whole database equals the snapshot taken before.
   * On a mismatch the failure shows only the rows that were added or removed, table by table.
   */
  async function unchanged(before: string, a = api): Promise<void> {
    const after = await a.snapshot();
    if (after === before) return;
    const was = JSON.parse(before) as Record<string, string[]>;
    const now = JSON.parse(after) as Record<string, string[]>;
    const diff: Record<string, { added: string[]; removed: string[] }> = {};
    for (const table of new Set([...Object.keys(was), ...Object.keys(now)])) {
      const w = new Set(was[table] ?? []);
      const n = new Set(now[table] ?? []);
      const added = (now[table] ?? []).filter((r) => !w.has(r));
      const removed = (was[table] ?? []).filter((r) => !n.has(r));
      if (added.length || removed.length) diff[table] = { added, removed };
    }
    expect(diff).toEqual({});
    expect(after).toBe(before);
  }

  /** Creates `n` users in bulk (straight into the database: the API's alias limit keeps one request small). */
  async function bulkUsers(_a: TestApi, t: TenantFx, n: number, prefix: string): Promise<string[]> {
    return t.bulkUsers(n, prefix);
  }

  // ---------------------------------------------------------------------------
  // U1

  describe("U1 userPrincipalName", () => {
    it.each(["nope", "a@", "@b.com", "a b@c.com"])("U1 a malformed userPrincipalName %p is BAD_USER_INPUT and creates nothing", async (upn) => {
      const t = await newTenant(api);
      const before = await api.snapshot();
      const r = await createUser(t, { userPrincipalName: upn, displayName: "Malformed" });
      expect(r.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
      expect(r.data?.createUser ?? null).toBeNull();
      await unchanged(before);
    });

    it("U1 a well-formed userPrincipalName is accepted and returned as given", async () => {
      const t = await newTenant(api);
      const r = await createUser(t, { userPrincipalName: "Jo.Smith+bots@sub.contoso.example", displayName: "Jo" });
      expect(r.errors).toBeUndefined();
      expect(r.data.createUser).toMatchObject({ userPrincipalName: "Jo.Smith+bots@sub.contoso.example", roles: [], accountEnabled: true });
    });

    it("U1 userPrincipalName is unique per tenant, case-insensitively (CONFLICT, nothing created)", async () => {
      const t = await newTenant(api);
      const first = await createUser(t, { userPrincipalName: "ann@x.example", displayName: "Ann" });
      expect(first.errors).toBeUndefined();
      for (const dup of ["Ann@x.example", "ann@X.EXAMPLE", "ANN@X.EXAMPLE", "ann@x.example"]) {
        const before = await api.snapshot();
        const r = await createUser(t, { userPrincipalName: dup, displayName: "Ann again" });
        expect(r.errors?.[0].extensions?.code).toBe("CONFLICT");
        await unchanged(before);
      }
      const page = await users(t.admin, { filter: { search: "ann@x.example" } });
      expect(page.totalCount).toBe(1);
      expect(page.nodes[0].id).toBe(first.data.createUser.id);
    });

    it("U1 the same userPrincipalName in two different tenants is fine", async () => {
      const a = await newTenant(api, "Contoso");
      const b = await newTenant(api, "Northwind");
      const ra = await createUser(a, { userPrincipalName: "shared@x.example", displayName: "In A" });
      const rb = await createUser(b, { userPrincipalName: "Shared@X.example", displayName: "In B" });
      expect(ra.errors).toBeUndefined();
      expect(rb.errors).toBeUndefined();
      expect(ra.data.createUser.id).not.toBe(rb.data.createUser.id);
      expect((await users(a.admin, { filter: { search: "shared@" } })).nodes.map((n: any) => n.displayName)).toEqual(["In A"]);
      expect((await users(b.admin, { filter: { search: "shared@" } })).nodes.map((n: any) => n.displayName)).toEqual(["In B"]);
    });
  });

  // ---------------------------------------------------------------------------
  // U3

  describe("U3 last enabled GLOBAL_ADMIN", () => {
    it("U3 the only GLOBAL_ADMIN cannot be demoted, disabled or deleted (LAST_GLOBAL_ADMIN, nothing changes)", async () => {
      const t = await newTenant(api);
      const attempts: [string, string, Record<string, unknown>][] = [
        ["demote to no roles", Q.updateUser, { input: { id: t.adminId, roles: [] } }],
        ["demote to another role", Q.updateUser, { input: { id: t.adminId, roles: ["GLOBAL_READER", "BILLING_ADMIN"] } }],
        ["disable", Q.updateUser, { input: { id: t.adminId, accountEnabled: false } }],
        ["delete", Q.deleteUser, { id: t.adminId }],
      ];
      for (const [what, query, vars] of attempts) {
        const before = await api.snapshot();
        const r = await api.exec(t.admin, query, vars);
        expect({ what, code: r.errors?.[0].extensions?.code }).toEqual({ what, code: "LAST_GLOBAL_ADMIN" });
        await unchanged(before);
      }
      expect((await api.ok(t.admin, ME)).me).toMatchObject({ id: t.adminId, roles: ["GLOBAL_ADMIN"], accountEnabled: true });
      // Changes that keep them an enabled GLOBAL_ADMIN are fine.
      const ok = await api.ok(t.admin, Q.updateUser, { input: { id: t.adminId, displayName: "Still Admin", roles: ["GLOBAL_ADMIN", "BILLING_ADMIN"] } });
      expect(ok.updateUser).toMatchObject({ displayName: "Still Admin", accountEnabled: true });
      expect(sorted(ok.updateUser.roles)).toEqual(["BILLING_ADMIN", "GLOBAL_ADMIN"]);
    });

    it("U3 a disabled GLOBAL_ADMIN does not count: the only enabled one is still protected", async () => {
      const t = await newTenant(api);
      const r = await createUser(t, { userPrincipalName: `off@${t.tenantId.slice(-6)}.example`, displayName: "Off", roles: ["GLOBAL_ADMIN"], accountEnabled: false });
      expect(r.errors).toBeUndefined();
      const before = await api.snapshot();
      expect(await api.code(t.admin, Q.updateUser, { input: { id: t.adminId, roles: [] } })).toBe("LAST_GLOBAL_ADMIN");
      expect(await api.code(t.admin, Q.updateUser, { input: { id: t.adminId, accountEnabled: false } })).toBe("LAST_GLOBAL_ADMIN");
      expect(await api.code(t.admin, Q.deleteUser, { id: t.adminId })).toBe("LAST_GLOBAL_ADMIN");
      await unchanged(before);
    });

    it("U3 with a second enabled GLOBAL_ADMIN one can be demoted; then the other is the last one", async () => {
      const t = await newTenant(api);
      const second = await t.user("second", ["GLOBAL_ADMIN"]);
      const demoted = await api.ok(second.token, Q.updateUser, { input: { id: t.adminId, roles: ["GLOBAL_READER"] } });
      expect(demoted.updateUser.roles).toEqual(["GLOBAL_READER"]);
      // The demotion takes effect at once for the demoted admin's existing token.
      expect(await api.code(t.admin, Q.createUser, { input: { userPrincipalName: "late@x.example", displayName: "Late" } })).toBe("FORBIDDEN");
      // Now `second` is the last enabled GLOBAL_ADMIN.
      const before = await api.snapshot();
      expect(await api.code(second.token, Q.updateUser, { input: { id: second.id, roles: [] } })).toBe("LAST_GLOBAL_ADMIN");
      expect(await api.code(second.token, Q.updateUser, { input: { id: second.id, accountEnabled: false } })).toBe("LAST_GLOBAL_ADMIN");
      expect(await api.code(second.token, Q.deleteUser, { id: second.id })).toBe("LAST_GLOBAL_ADMIN");
      await unchanged(before);
    });

    it("U3 with a second enabled GLOBAL_ADMIN one can be disabled, and one can be deleted", async () => {
      const t = await newTenant(api);
      const second = await t.user("second", ["GLOBAL_ADMIN"]);
      const third = await t.user("third", ["GLOBAL_ADMIN"]);
      const off = await api.ok(t.admin, Q.updateUser, { input: { id: second.id, accountEnabled: false } });
      expect(off.updateUser.accountEnabled).toBe(false);
      expect(await api.ok(t.admin, Q.deleteUser, { id: third.id })).toEqual({ deleteUser: third.id });
      expect((await api.ok(t.admin, USER, { id: third.id })).user).toBeNull();
      // Only t.admin is left enabled; disabled `second` does not count.
      expect(await api.code(t.admin, Q.deleteUser, { id: t.adminId })).toBe("LAST_GLOBAL_ADMIN");
      // Re-enabling `second` makes deleting the first admin possible (by `second`).
      await api.ok(t.admin, Q.updateUser, { input: { id: second.id, accountEnabled: true } });
      expect(await api.ok(second.token, Q.deleteUser, { id: t.adminId })).toEqual({ deleteUser: t.adminId });
      expect(await api.code(t.admin, ME)).toBe("UNAUTHENTICATED");
    });
  });

  // ---------------------------------------------------------------------------
  // U2

  describe("U2 deleting users", () => {
    async function botOwner(t: TenantFx) {
      await t.buy(5);
      const maker = await t.user("maker");
      const heir = await t.user("heir");
      await t.license(maker.id);
      await t.license(heir.id);
      const bot = (await api.ok(maker.token, Q.createBot, { input: { name: "Helpdesk" } })).createBot;
      expect(bot.owner.id).toBe(maker.id);
      return { maker, heir, bot };
    }

    it("U2 a user who owns bots cannot be deleted (USER_OWNS_BOTS); after reassigning the bot it works", async () => {
      const t = await newTenant(api);
      const { maker, heir, bot } = await botOwner(t);
      const before = await api.snapshot();
      expect(await api.code(t.admin, Q.deleteUser, { id: maker.id })).toBe("USER_OWNS_BOTS");
      await unchanged(before);
      expect((await user(t.admin, maker.id)).id).toBe(maker.id);

      const moved = await api.ok(t.admin, Q.updateBot, { input: { id: bot.id, ownerId: heir.id } });
      expect(moved.updateBot.owner.id).toBe(heir.id);
      expect(await api.ok(t.admin, Q.deleteUser, { id: maker.id })).toEqual({ deleteUser: maker.id });
      expect(await user(t.admin, maker.id)).toBeNull();
      expect(await api.code(maker.token, ME)).toBe("UNAUTHENTICATED");
      // The heir now owns the bot and is protected in turn.
      expect(await api.code(t.admin, Q.deleteUser, { id: heir.id })).toBe("USER_OWNS_BOTS");
    });

    it("U2 a user who owns bots can be deleted once their bots are deleted", async () => {
      const t = await newTenant(api);
      const { maker, bot } = await botOwner(t);
      const second = (await api.ok(maker.token, Q.createBot, { input: { name: "Second" } })).createBot;
      expect(await api.code(t.admin, Q.deleteUser, { id: maker.id })).toBe("USER_OWNS_BOTS");
      await api.ok(maker.token, Q.deleteBot, { id: bot.id });
      expect(await api.code(t.admin, Q.deleteUser, { id: maker.id })).toBe("USER_OWNS_BOTS");
      await api.ok(t.admin, Q.deleteBot, { id: second.id });
      expect(await api.ok(t.admin, Q.deleteUser, { id: maker.id })).toEqual({ deleteUser: maker.id });
      expect(await user(t.admin, maker.id)).toBeNull();
    });

    it("U2 deleting a user frees their seat for the next wanting user (S5)", async () => {
      const t = await newTenant(api);
      await t.buy(1);
      const holder = await t.user("holder");
      const waiting = await t.user("waiting");
      await t.license(holder.id);
      const g = await t.group("Licensed");
      await t.add(g, [waiting.id]);
      await t.assignGroup(g);
      const lic = (u: any) => u.effectiveLicenses.find((l: any) => l.sku.partNumber === "POWER_VIRTUAL_AGENTS_USER");
      expect(lic(await t.effective(waiting.id))).toMatchObject({ holdsSeat: false, error: "COUNT_VIOLATION" });
      await api.ok(t.admin, Q.deleteUser, { id: holder.id });
      expect(lic(await t.effective(waiting.id))).toMatchObject({ holdsSeat: true, state: "ACTIVE", error: "NONE" });
    });

    it("U2 deleting a user removes their group memberships", async () => {
      const t = await newTenant(api);
      const parent = await t.group("Parent");
      const g = await t.group("Team");
      const gone = await t.user("gone");
      const stays = await t.user("stays");
      await t.add(g, [gone.id, stays.id]);
      await t.add(parent, [gone.id], [g]);
      expect(ids((await group(t.admin, g)).members.nodes)).toEqual(sorted([gone.id, stays.id]));

      expect(await api.ok(t.admin, Q.deleteUser, { id: gone.id })).toEqual({ deleteUser: gone.id });
      const team = await group(t.admin, g);
      expect(team.members.totalCount).toBe(1);
      expect(ids(team.members.nodes)).toEqual([stays.id]);
      expect(ids(team.transitiveMembers.nodes)).toEqual([stays.id]);
      const top = await group(t.admin, parent);
      expect(top.members.totalCount).toBe(0);
      expect(top.members.nodes).toEqual([]);
      expect(ids(top.transitiveMembers.nodes)).toEqual([stays.id]);
      expect((await users(t.admin, { filter: { memberOfGroupId: g } })).nodes.map((n: any) => n.id)).toEqual([stays.id]);
      expect((await users(t.admin, { filter: { memberOfGroupId: parent } })).totalCount).toBe(0);
      // The group and its nesting are untouched.
      expect(ids(top.memberGroups)).toEqual([g]);
      expect(await api.exec(t.admin, NODE, { id: gone.id })).toEqual({ data: { node: null } });
    });
  });

  // ---------------------------------------------------------------------------
  // tenant.users

  describe("tenant.users", () => {
    it("pages with first/after: pageInfo, endCursor and totalCount; every user exactly once", async () => {
      const t = await newTenant(api);
      const made = [t.adminId];
      for (let i = 0; i < 6; i++) made.push((await t.user(`page${i}`)).id);
      const seen: string[] = [];
      let after: string | null = null;
      let pages = 0;
      for (;;) {
        const page: any = await users(t.admin, { first: 3, after });
        pages++;
        expect(page.totalCount).toBe(7);
        expect(page.nodes.length).toBeLessThanOrEqual(3);
        expect(page.edges.map((e: any) => e.node.id)).toEqual(page.nodes.map((n: any) => n.id));
        expect(page.pageInfo.endCursor).toBe(page.edges[page.edges.length - 1].cursor);
        seen.push(...page.nodes.map((n: any) => n.id));
        if (!page.pageInfo.hasNextPage) break;
        expect(page.nodes.length).toBe(3);
        after = page.pageInfo.endCursor;
        expect(pages).toBeLessThan(10);
      }
      expect(pages).toBe(3);
      expect(seen.length).toBe(7);
      expect(sorted(seen)).toEqual(sorted(made));

      const all = await users(t.admin, { first: 7 });
      expect(all.pageInfo.hasNextPage).toBe(false);
      expect(all.nodes.map((n: any) => n.id)).toEqual(seen);
      // Paging from the middle with an edge's cursor continues right after that edge.
      const fromSecond = await users(t.admin, { first: 2, after: all.edges[1].cursor });
      expect(fromSecond.nodes.map((n: any) => n.id)).toEqual(seen.slice(2, 4));
      expect(fromSecond.pageInfo.hasNextPage).toBe(true);
      const last = await users(t.admin, { first: 2, after: all.edges[6].cursor });
      expect(last.nodes).toEqual([]);
      expect(last.pageInfo).toEqual({ hasNextPage: false, endCursor: null });
      expect(last.totalCount).toBe(7);
    });

    it("lists only the caller's tenant", async () => {
      const a = await newTenant(api);
      const b = await newTenant(api);
      const bu = await b.user("other");
      const page = await users(a.admin, { first: 1000 });
      expect(page.totalCount).toBe(1);
      expect(page.nodes.map((n: any) => n.id)).toEqual([a.adminId]);
      expect(page.nodes.map((n: any) => n.id)).not.toContain(bu.id);
    });

    it("filter.search matches displayName or userPrincipalName, case-insensitively", async () => {
      const t = await newTenant(api);
      const mk = async (upn: string, displayName: string) => (await api.ok(t.admin, Q.createUser, { input: { userPrincipalName: upn, displayName } })).createUser.id;
      const ann = await mk("ann.lee@search.example", "Ann Lee");
      const bob = await mk("bob@search.example", "Robert Marsh");
      const carol = await mk("marsha@search.example", "Carol Diaz");
      const dan = await mk("dan@search.example", "Dan_100%");

      const search = async (s: string) => sorted((await users(t.admin, { filter: { search: s } })).nodes.map((n: any) => n.id));
      expect(await search("MARSH")).toEqual(sorted([bob, carol])); // bob by displayName, carol by UPN
      expect(await search("lee")).toEqual([ann]);
      expect(await search("ANN.LEE@SEARCH")).toEqual([ann]);
      expect(await search("carol d")).toEqual([carol]);
      expect(await search("search.example")).toEqual(sorted([ann, bob, carol, dan]));
      expect(await search("nobody-matches")).toEqual([]);
      // Wildcard characters are taken literally.
      expect(await search("%")).toEqual([dan]);
      expect(await search("n_1")).toEqual([dan]);
      expect((await users(t.admin, { filter: { search: "marsh" } })).totalCount).toBe(2);
    });

    it("filter.memberOfGroupId lists the group's members (and combines with search and paging)", async () => {
      const t = await newTenant(api);
      const g = await t.group("Makers");
      const other = await t.group("Other");
      const u1 = await t.user("alpha1");
      const u2 = await t.user("alpha2");
      const u3 = await t.user("beta3");
      const u4 = await t.user("alpha4");
      await t.add(g, [u1.id, u2.id, u3.id]);
      await t.add(other, [u4.id]);
      const inG = await users(t.admin, { filter: { memberOfGroupId: g } });
      expect(inG.totalCount).toBe(3);
      expect(ids(inG.nodes)).toEqual(sorted([u1.id, u2.id, u3.id]));
      const alphasInG = await users(t.admin, { filter: { memberOfGroupId: g, search: "ALPHA" } });
      expect(ids(alphasInG.nodes)).toEqual(sorted([u1.id, u2.id]));
      expect(alphasInG.totalCount).toBe(2);
      const firstPage = await users(t.admin, { first: 2, filter: { memberOfGroupId: g } });
      expect(firstPage.totalCount).toBe(3);
      expect(firstPage.pageInfo.hasNextPage).toBe(true);
      const second = await users(t.admin, { first: 2, after: firstPage.pageInfo.endCursor, filter: { memberOfGroupId: g } });
      expect(second.pageInfo.hasNextPage).toBe(false);
      expect(sorted([...ids(firstPage.nodes), ...ids(second.nodes)])).toEqual(sorted([u1.id, u2.id, u3.id]));
      const empty = await t.group("Empty");
      expect((await users(t.admin, { filter: { memberOfGroupId: empty } })).totalCount).toBe(0);
    });

    it("filter.memberOfGroupId with another tenant's group matches nobody", async () => {
      const a = await newTenant(api);
      const b = await newTenant(api);
      const bg = await b.group("B group");
      const bu = await b.user("b-member");
      await b.add(bg, [bu.id]);
      const page = await users(a.admin, { filter: { memberOfGroupId: bg } });
      expect(page.totalCount).toBe(0);
      expect(page.nodes).toEqual([]);
    });

    it("first above 1,000 or negative is BAD_USER_INPUT (tenant.users, group members); 1,000 is fine", async () => {
      const t = await newTenant(api);
      expect(await api.code(t.admin, USERS, { first: 1001 })).toBe("BAD_USER_INPUT");
      expect(await api.code(t.admin, USERS, { first: 100000 })).toBe("BAD_USER_INPUT");
      expect(await api.code(t.admin, USERS, { first: -1 })).toBe("BAD_USER_INPUT");
      expect((await users(t.admin, { first: 1000 })).totalCount).toBe(1);
      const g = await t.group("G");
      expect(await api.code(t.admin, `query($id: ID!) { securityGroup(id: $id) { members(first: 1001) { totalCount } } }`, { id: g })).toBe("BAD_USER_INPUT");
      expect(await api.code(t.admin, `query($id: ID!) { securityGroup(id: $id) { transitiveMembers(first: 1001) { totalCount } } }`, { id: g })).toBe("BAD_USER_INPUT");
    });

    it.each(["not-a-cursor", "Zm9v", "%%%", Buffer.from("c1:").toString("base64url")])("a bad cursor %p is BAD_USER_INPUT", async (after) => {
      const t = await newTenant(api);
      await t.user("someone");
      const r = await api.exec(t.admin, USERS, { first: 10, after });
      expect(r.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
      expect(r.data?.tenant ?? null).toBeNull();
    });

    it("an empty `after` is either read as the start or refused as BAD_USER_INPUT, never an internal error", async () => {
      const t = await newTenant(api);
      await t.user("someone");
      const r = await api.exec(t.admin, USERS, { first: 10, after: "" });
      if (r.errors) expect(r.errors[0].extensions?.code).toBe("BAD_USER_INPUT");
      else expect(r.data.tenant.users.totalCount).toBe(2);
    });
  });

  // ---------------------------------------------------------------------------
  // G1

  describe("G1 addGroupMembers", () => {
    it("G1 adds users and nests groups; views show members, memberGroups, memberOf and transitive members", async () => {
      const t = await newTenant(api);
      const a = await t.group("A");
      const b = await t.group("B");
      const [u1, u2, u3] = [await t.user("u1"), await t.user("u2"), await t.user("u3")];
      const r = await api.ok(t.admin, Q.addMembers, { input: { groupId: a, userIds: [u1.id, u2.id], groupIds: [b] } });
      expect(r.addGroupMembers.id).toBe(a);
      await t.add(b, [u3.id]);

      const ga = await group(t.admin, a);
      expect(ids(ga.members.nodes)).toEqual(sorted([u1.id, u2.id]));
      expect(ga.members.totalCount).toBe(2);
      expect(ids(ga.memberGroups)).toEqual([b]);
      expect(ga.memberOf).toEqual([]);
      expect(ids(ga.transitiveMembers.nodes)).toEqual(sorted([u1.id, u2.id, u3.id]));
      expect(ga.transitiveMembers.totalCount).toBe(3);

      const gb = await group(t.admin, b);
      expect(ids(gb.members.nodes)).toEqual([u3.id]);
      expect(gb.memberGroups).toEqual([]);
      expect(ids(gb.memberOf)).toEqual([a]);
      expect(ids(gb.transitiveMembers.nodes)).toEqual([u3.id]);

      const v1 = await user(t.admin, u1.id);
      expect(ids(v1.memberOf)).toEqual([a]);
      expect(ids(v1.transitiveMemberOf)).toEqual([a]);
      const v3 = await user(t.admin, u3.id);
      expect(ids(v3.memberOf)).toEqual([b]);
      expect(ids(v3.transitiveMemberOf)).toEqual(sorted([a, b]));
    });

    it("G1 transitive views reach any depth and count a user reached by two paths once", async () => {
      const t = await newTenant(api);
      const [a, b, c, d] = [await t.group("A"), await t.group("B"), await t.group("C"), await t.group("D")];
      const deep = await t.user("deep");
      const mid = await t.user("mid");
      await t.add(a, [], [b]);
      await t.add(b, [], [c]);
      await t.add(c, [mid.id], [d]);
      await t.add(d, [deep.id]);
      await t.add(a, [deep.id]); // second, shorter path to `deep`

      const ga = await group(t.admin, a);
      expect(ids(ga.transitiveMembers.nodes)).toEqual(sorted([deep.id, mid.id]));
      expect(ga.transitiveMembers.totalCount).toBe(2);
      expect(ids(ga.members.nodes)).toEqual([deep.id]);
      expect(ids((await group(t.admin, b)).transitiveMembers.nodes)).toEqual(sorted([deep.id, mid.id]));
      expect(ids((await group(t.admin, d)).memberOf)).toEqual([c]);
      expect(ids((await group(t.admin, c)).memberGroups)).toEqual([d]);

      const vd = await user(t.admin, deep.id);
      expect(ids(vd.memberOf)).toEqual(sorted([a, d]));
      expect(ids(vd.transitiveMemberOf)).toEqual(sorted([a, b, c, d]));
      const vm = await user(t.admin, mid.id);
      expect(ids(vm.memberOf)).toEqual([c]);
      expect(ids(vm.transitiveMemberOf)).toEqual(sorted([a, b, c]));
      // A user in no group.
      expect(await user(t.admin, t.adminId)).toMatchObject({ memberOf: [], transitiveMemberOf: [] });
    });

    it("G1 adding an existing member (user or group) is a no-op: no error, no duplicate", async () => {
      const t = await newTenant(api);
      const a = await t.group("A");
      const b = await t.group("B");
      const u = await t.user("u");
      const v = await t.user("v");
      await t.add(a, [u.id], [b]);
      const again = await api.exec(t.admin, Q.addMembers, { input: { groupId: a, userIds: [u.id, u.id, v.id], groupIds: [b, b] } });
      expect(again.errors).toBeUndefined();
      expect(again.data.addGroupMembers.id).toBe(a);
      await t.add(a, [u.id], [b]);
      const ga = await group(t.admin, a);
      expect(ga.members.totalCount).toBe(2);
      expect(ga.members.nodes.map((n: any) => n.id).sort()).toEqual(sorted([u.id, v.id]));
      expect(ga.memberGroups.map((g: any) => g.id)).toEqual([b]);
      expect((await user(t.admin, u.id)).memberOf.map((g: any) => g.id)).toEqual([a]);
      expect((await group(t.admin, b)).memberOf.map((g: any) => g.id)).toEqual([a]);
      expect((await users(t.admin, { filter: { memberOfGroupId: a } })).totalCount).toBe(2);
    });

    it("G1 a group inside itself is GROUP_CYCLE and nothing changes", async () => {
      const t = await newTenant(api);
      const a = await t.group("A");
      const u = await t.user("u");
      const before = await api.snapshot();
      expect(await api.code(t.admin, Q.addMembers, { input: { groupId: a, userIds: [u.id], groupIds: [a] } })).toBe("GROUP_CYCLE");
      await unchanged(before);
      const ga = await group(t.admin, a);
      expect(ga.members.totalCount).toBe(0);
      expect(ga.memberGroups).toEqual([]);
    });

    it("G1 A inside B, then B inside A is GROUP_CYCLE and nothing changes", async () => {
      const t = await newTenant(api);
      const a = await t.group("A");
      const b = await t.group("B");
      const u = await t.user("u");
      await t.add(b, [], [a]); // A ⊂ B
      const before = await api.snapshot();
      expect(await api.code(t.admin, Q.addMembers, { input: { groupId: a, userIds: [u.id], groupIds: [b] } })).toBe("GROUP_CYCLE");
      await unchanged(before);
      expect(ids((await group(t.admin, a)).memberGroups)).toEqual([]);
      expect(ids((await group(t.admin, a)).memberOf)).toEqual([b]);
      expect((await user(t.admin, u.id)).memberOf).toEqual([]);
    });

    it("G1 a 4-level cycle (A⊃B⊃C⊃D, then D⊃A) is GROUP_CYCLE and nothing changes", async () => {
      const t = await newTenant(api);
      const [a, b, c, d] = [await t.group("A"), await t.group("B"), await t.group("C"), await t.group("D")];
      const e = await t.group("E");
      await t.add(a, [], [b]);
      await t.add(b, [], [c]);
      await t.add(c, [], [d]);
      const before = await api.snapshot();
      // The cycle comes with a harmless nesting in the same call: the whole call is refused.
      expect(await api.code(t.admin, Q.addMembers, { input: { groupId: d, groupIds: [e, a] } })).toBe("GROUP_CYCLE");
      expect(await api.code(t.admin, Q.addMembers, { input: { groupId: c, groupIds: [a] } })).toBe("GROUP_CYCLE");
      expect(await api.code(t.admin, Q.addMembers, { input: { groupId: b, groupIds: [a] } })).toBe("GROUP_CYCLE");
      await unchanged(before);
      expect((await group(t.admin, d)).memberGroups).toEqual([]);
      expect((await group(t.admin, a)).memberOf).toEqual([]);
      // Not a cycle: a second path down the same chain (A⊃D) is fine.
      await t.add(a, [], [d]);
      expect(ids((await group(t.admin, d)).memberOf)).toEqual(sorted([a, c]));
    });

    it("G1 IDs from another tenant (user or group) reject the whole call with NOT_FOUND and nothing changes", async () => {
      const t = await newTenant(api);
      const other = await newTenant(api, "Other");
      const g = await t.group("Mine");
      const child = await t.group("Child");
      const own1 = await t.user("own1");
      const own2 = await t.user("own2");
      const foreignUser = await other.user("foreign");
      const foreignGroup = await other.group("Foreign");
      const before = await api.snapshot();
      const calls = [
        { groupId: g, userIds: [own1.id, foreignUser.id, own2.id], groupIds: [child] },
        { groupId: g, userIds: [own1.id, own2.id], groupIds: [child, foreignGroup] },
        { groupId: g, userIds: [own1.id], groupIds: [] as string[], extraUsers: [other.adminId] },
        { groupId: foreignGroup, userIds: [own1.id], groupIds: [child] },
        { groupId: foreignGroup, userIds: [foreignUser.id], groupIds: [] as string[] },
      ];
      for (const { extraUsers, ...input } of calls) {
        const r = await api.exec(t.admin, Q.addMembers, { input: { ...input, userIds: [...input.userIds, ...(extraUsers ?? [])] } });
        expect({ input, code: r.errors?.[0].extensions?.code }).toEqual({ input, code: "NOT_FOUND" });
        await unchanged(before);
      }
      expect(await api.code(t.admin, Q.removeMembers, { input: { groupId: foreignGroup, userIds: [foreignUser.id] } })).toBe("NOT_FOUND");
      await t.add(g, [own1.id]);
      const withMember = await api.snapshot();
      expect(await api.code(t.admin, Q.removeMembers, { input: { groupId: g, userIds: [own1.id, foreignUser.id] } })).toBe("NOT_FOUND");
      expect(await api.code(t.admin, Q.removeMembers, { input: { groupId: g, userIds: [own1.id], groupIds: [foreignGroup] } })).toBe("NOT_FOUND");
      await unchanged(withMember);
      // A well-formed but non-existent ID behaves the same.
      expect(await api.code(t.admin, Q.addMembers, { input: { groupId: g, userIds: [own2.id, "usr_00000000-0000-7000-8000-000000000000"] } })).toBe("NOT_FOUND");
      await unchanged(withMember);
      const mine = await group(t.admin, g);
      expect(ids(mine.members.nodes)).toEqual([own1.id]);
      expect(mine.memberGroups).toEqual([]);
    });

  });

  // G1 at full size, on a database of its own so the other tests' snapshots stay small.
  describe("G1 5,000 IDs per call", () => {
    let b: TestApi;
    beforeAll(async () => (b = await TestApi.start(url)));
    afterAll(() => b.stop());

    it("G1 up to 5,000 IDs per call in one transaction; 5,001 is BAD_USER_INPUT; one bad ID rejects all 5,000", async () => {
      const t = await newTenant(b);
      const other = await newTenant(b, "Other");
      const foreign = await other.user("foreign");
      const g = await t.group("Everyone");
      const sub = await t.group("Sub");
      const many = await bulkUsers(b, t, 5001, "bulk");
      expect(new Set(many).size).toBe(5001);

      let before = await b.snapshot();
      // 5,001 user IDs, and 5,000 users plus one group: too many.
      expect(await b.code(t.admin, Q.addMembers, { input: { groupId: g, userIds: many } })).toBe("BAD_USER_INPUT");
      expect(await b.code(t.admin, Q.addMembers, { input: { groupId: g, userIds: many.slice(0, 5000), groupIds: [sub] } })).toBe("BAD_USER_INPUT");
      // One foreign ID at the very end (past any internal chunk boundary) rejects the whole call.
      expect(await b.code(t.admin, Q.addMembers, { input: { groupId: g, userIds: [...many.slice(0, 4999), foreign.id] } })).toBe("NOT_FOUND");
      // So does a cycle next to 4,999 valid users.
      expect(await b.code(t.admin, Q.addMembers, { input: { groupId: g, userIds: many.slice(0, 4999), groupIds: [g] } })).toBe("GROUP_CYCLE");
      await unchanged(before, b);
      expect((await group(t.admin, g, b)).members.totalCount).toBe(0);

      // Exactly 5,000 (4,999 users + 1 group) is accepted in one call.
      const r = await b.exec(t.admin, Q.addMembers, { input: { groupId: g, userIds: many.slice(0, 4999), groupIds: [sub] } });
      expect(r.errors).toBeUndefined();
      const view = await group(t.admin, g, b);
      expect(view.members.totalCount).toBe(4999);
      expect(ids(view.memberGroups)).toEqual([sub]);
      expect((await users(t.admin, { first: 1, filter: { memberOfGroupId: g } }, b)).totalCount).toBe(4999);
      expect(ids((await user(t.admin, many[4998], b)).memberOf)).toEqual([g]);
      expect((await user(t.admin, many[4999], b)).memberOf).toEqual([]);

      // 5,000 user IDs of which 4,998 are already members: those are a no-op, two are added, nothing is duplicated.
      const r2 = await b.exec(t.admin, Q.addMembers, { input: { groupId: g, userIds: many.slice(1, 5001) } });
      expect(r2.errors).toBeUndefined();
      expect((await group(t.admin, g, b)).members.totalCount).toBe(5001);
      expect((await group(t.admin, g, b)).transitiveMembers.totalCount).toBe(5001);

      // The same 5,000 users in the nested group too: reached twice, counted once.
      expect((await b.exec(t.admin, Q.addMembers, { input: { groupId: sub, userIds: many.slice(0, 5000) } })).errors).toBeUndefined();
      expect((await group(t.admin, sub, b)).members.totalCount).toBe(5000);
      expect((await group(t.admin, g, b)).transitiveMembers.totalCount).toBe(5001);
      expect(ids((await user(t.admin, many[0], b)).memberOf)).toEqual(sorted([g, sub]));

      // removeGroupMembers takes 5,000 IDs too; the users stay reachable through the nested group.
      expect((await b.exec(t.admin, Q.removeMembers, { input: { groupId: g, userIds: many.slice(0, 5000) } })).errors).toBeUndefined();
      const afterRemove = await group(t.admin, g, b);
      expect(afterRemove.members.totalCount).toBe(1);
      expect(ids(afterRemove.members.nodes)).toEqual([many[5000]]);
      expect(afterRemove.transitiveMembers.totalCount).toBe(5001);
      await b.ok(t.admin, Q.removeMembers, { input: { groupId: g, groupIds: [sub] } });
      expect((await group(t.admin, g, b)).transitiveMembers.totalCount).toBe(1);
    }, 180_000);
  });

  // ---------------------------------------------------------------------------
  // removeGroupMembers

  describe("removeGroupMembers", () => {
    it("removes users and un-nests groups; views follow", async () => {
      const t = await newTenant(api);
      const a = await t.group("A");
      const b = await t.group("B");
      const [u1, u2, u3] = [await t.user("u1"), await t.user("u2"), await t.user("u3")];
      await t.add(a, [u1.id, u2.id], [b]);
      await t.add(b, [u3.id]);

      const r = await api.ok(t.admin, Q.removeMembers, { input: { groupId: a, userIds: [u1.id], groupIds: [b] } });
      expect(r.removeGroupMembers.id).toBe(a);
      const ga = await group(t.admin, a);
      expect(ids(ga.members.nodes)).toEqual([u2.id]);
      expect(ga.memberGroups).toEqual([]);
      expect(ids(ga.transitiveMembers.nodes)).toEqual([u2.id]);
      const gb = await group(t.admin, b);
      expect(gb.memberOf).toEqual([]);
      expect(ids(gb.members.nodes)).toEqual([u3.id]);
      expect(await user(t.admin, u1.id)).toMatchObject({ memberOf: [], transitiveMemberOf: [] });
      expect(ids((await user(t.admin, u3.id)).transitiveMemberOf)).toEqual([b]);
      // Both still exist and can be nested the other way round now.
      await t.add(b, [], [a]);
      expect(ids((await group(t.admin, a)).memberOf)).toEqual([b]);
    });
  });

  // ---------------------------------------------------------------------------
  // G2 and group CRUD

  describe("G2 deleting groups", () => {
    it("G2 a group with licenses assigned cannot be deleted (GROUP_HAS_LICENSES); after removing them it can", async () => {
      const t = await newTenant(api);
      await t.buy(5);
      const parent = await t.group("Parent");
      const g = await t.group("Licensed");
      const u = await t.user("member");
      await t.add(g, [u.id]);
      await t.add(parent, [], [g]);
      await t.assignGroup(g);

      const before = await api.snapshot();
      expect(await api.code(t.admin, Q.deleteGroup, { id: g })).toBe("GROUP_HAS_LICENSES");
      await unchanged(before);
      expect((await group(t.admin, g)).id).toBe(g);

      await api.ok(t.admin, Q.assignGroup, { input: { groupId: g, removeSkuIds: [t.sku.user] } });
      expect(await api.ok(t.admin, Q.deleteGroup, { id: g })).toEqual({ deleteSecurityGroup: g });
      expect(await api.ok(t.admin, GROUP, { id: g })).toEqual({ securityGroup: null });
      expect((await group(t.admin, parent)).memberGroups).toEqual([]);
      expect(await user(t.admin, u.id)).toMatchObject({ memberOf: [], transitiveMemberOf: [] });
      expect(await api.code(t.admin, Q.deleteGroup, { id: g })).toBe("NOT_FOUND");
    });

    it("a group without licenses can be created, updated and deleted", async () => {
      const t = await newTenant(api);
      const created = await api.ok(t.admin, Q.createGroup, { input: { displayName: "  Sales  ", description: "EMEA" } });
      const id = created.createSecurityGroup.id;
      expect(created.createSecurityGroup.displayName.trim()).toBe("Sales");
      const upd = await api.ok(t.admin, UPDATE_GROUP, { input: { id, displayName: "Sales EMEA", description: "Europe" } });
      expect(upd.updateSecurityGroup).toEqual({ id, displayName: "Sales EMEA", description: "Europe" });
      expect(await group(t.admin, id)).toMatchObject({ displayName: "Sales EMEA", description: "Europe" });
      expect(await api.ok(t.admin, Q.deleteGroup, { id })).toEqual({ deleteSecurityGroup: id });
      expect(await api.ok(t.admin, GROUP, { id })).toEqual({ securityGroup: null });
    });
  });

  // ---------------------------------------------------------------------------
  // Tenant isolation

  describe("cross-tenant IDs", () => {
    it("securityGroup, user and node with another tenant's ID return null, like a missing ID", async () => {
      const a = await newTenant(api);
      const b = await newTenant(api, "Other");
      const bg = await b.group("B group");
      const bu = await b.user("b-user");
      for (const [q, id, field] of [
        [GROUP, bg, "securityGroup"], [USER, bu.id, "user"], [USER, b.adminId, "user"],
        [NODE, bg, "node"], [NODE, bu.id, "node"], [NODE, b.tenantId, "node"],
        [GROUP, "grp_00000000-0000-7000-8000-000000000000", "securityGroup"],
        [USER, "usr_00000000-0000-7000-8000-000000000000", "user"],
      ] as const) {
        const r = await api.exec(a.admin, q, { id });
        expect({ id, r }).toEqual({ id, r: { data: { [field]: null } } });
      }
      // The owner sees them.
      expect((await group(b.admin, bg)).id).toBe(bg);
      expect((await api.ok(b.admin, NODE, { id: bu.id })).node.id).toBe(bu.id);
    });

    it("mutations with another tenant's IDs are NOT_FOUND and the other tenant's rows are unchanged", async () => {
      const a = await newTenant(api);
      const b = await newTenant(api, "Other");
      const ag = await a.group("A group");
      const au = await a.user("a-user");
      const bg = await b.group("B group");
      const bchild = await b.group("B child");
      const bu = await b.user("b-user", ["GROUPS_ADMIN"]);
      await b.add(bg, [bu.id], [bchild]);
      const bGroupBefore = await group(b.admin, bg);
      const bUserBefore = await user(b.admin, bu.id);
      const before = await api.snapshot();

      const attempts: [string, string, Record<string, unknown>][] = [
        ["updateSecurityGroup", UPDATE_GROUP, { input: { id: bg, displayName: "Hijacked" } }],
        ["deleteSecurityGroup", Q.deleteGroup, { id: bg }],
        ["updateUser", Q.updateUser, { input: { id: bu.id, displayName: "Hijacked", roles: ["GLOBAL_ADMIN"] } }],
        ["updateUser (disable)", Q.updateUser, { input: { id: b.adminId, accountEnabled: false } }],
        ["deleteUser", Q.deleteUser, { id: bu.id }],
        ["addGroupMembers (their group)", Q.addMembers, { input: { groupId: bg, userIds: [au.id] } }],
        ["addGroupMembers (their user)", Q.addMembers, { input: { groupId: ag, userIds: [au.id, bu.id] } }],
        ["addGroupMembers (their group nested)", Q.addMembers, { input: { groupId: ag, groupIds: [bg] } }],
        ["removeGroupMembers (their group)", Q.removeMembers, { input: { groupId: bg, userIds: [bu.id], groupIds: [bchild] } }],
      ];
      for (const [what, q, vars] of attempts) {
        const r = await api.exec(a.admin, q, vars);
        expect({ what, code: r.errors?.[0].extensions?.code }).toEqual({ what, code: "NOT_FOUND" });
        await unchanged(before);
      }
      expect(await group(b.admin, bg)).toEqual(bGroupBefore);
      expect(await user(b.admin, bu.id)).toEqual(bUserBefore);
      // The other tenant's admin still works normally.
      expect((await api.ok(b.admin, ME)).me.roles).toEqual(["GLOBAL_ADMIN"]);
    });

    it("a token whose oid belongs to another tenant is UNAUTHENTICATED", async () => {
      const a = await newTenant(api);
      const b = await newTenant(api, "Other");
      const mixed = await api.token({ tid: a.tenantId, oid: b.adminId });
      expect(await api.code(mixed, ME)).toBe("UNAUTHENTICATED");
      expect(await api.code(mixed, USERS)).toBe("UNAUTHENTICATED");
    });
  });

  // ---------------------------------------------------------------------------
  // The rules hold when two admins act at the same moment

  describe("concurrent requests", () => {
    it("U3 two GLOBAL_ADMINs disabling each other at once: exactly one succeeds, one enabled GLOBAL_ADMIN remains", async () => {
      const t = await newTenant(api);
      const second = await t.user("second", ["GLOBAL_ADMIN"]);
      const [r1, r2] = await Promise.all([
        api.exec(t.admin, Q.updateUser, { input: { id: second.id, accountEnabled: false } }),
        api.exec(second.token, Q.updateUser, { input: { id: t.adminId, accountEnabled: false } }),
      ]);
      const codes = [r1, r2].map((r) => r.errors?.[0].extensions?.code ?? "OK");
      // The loser is refused: by U3, or, when it signs in after the winner's commit, as a disabled user (§6).
      expect(codes.filter((c) => c === "OK").length).toBe(1);
      expect(["LAST_GLOBAL_ADMIN", "UNAUTHENTICATED"]).toContain(codes.find((c) => c !== "OK"));
      const admins = (await api.ok(r1.errors ? second.token : t.admin, `{ tenant { users(first: 10) { nodes { roles accountEnabled } } } }`)).tenant.users.nodes;
      expect(admins.filter((u: any) => u.accountEnabled && u.roles.includes("GLOBAL_ADMIN")).length).toBe(1);
    });

    it("G1 A into B and B into A at once: exactly one succeeds, the other is GROUP_CYCLE", async () => {
      const t = await newTenant(api);
      const a = await t.group("A");
      const b = await t.group("B");
      const results = await Promise.all([
        api.exec(t.admin, Q.addMembers, { input: { groupId: a, groupIds: [b] } }),
        api.exec(t.admin, Q.addMembers, { input: { groupId: b, groupIds: [a] } }),
      ]);
      expect(results.map((r) => r.errors?.[0].extensions?.code ?? "OK").sort()).toEqual(["GROUP_CYCLE", "OK"]);
      const ga = await group(t.admin, a);
      const gb = await group(t.admin, b);
      expect(ga.memberGroups.length + gb.memberGroups.length).toBe(1);
    });

    it("U1 the same userPrincipalName created twice at once: one user, the other is CONFLICT", async () => {
      const t = await newTenant(api);
      const results = await Promise.all([
        createUser(t, { userPrincipalName: "race@x.example", displayName: "One" }),
        createUser(t, { userPrincipalName: "RACE@x.example", displayName: "Two" }),
      ]);
      expect(results.map((r) => r.errors?.[0].extensions?.code ?? "OK").sort()).toEqual(["CONFLICT", "OK"]);
      expect((await users(t.admin, { filter: { search: "race@x" } })).totalCount).toBe(1);
    });
  });

  // ---------------------------------------------------------------------------
  // Bad input, as a new user would try it

  describe("bad input is refused with its documented code and changes nothing", () => {
    it("missing required fields are GraphQL validation errors with an extensions.code", async () => {
      const t = await newTenant(api);
      const g = await t.group("G");
      const before = await api.snapshot();
      for (const q of [
        `mutation { createUser(input: { displayName: "No UPN" }) { id } }`,
        `mutation { createUser(input: { userPrincipalName: "x@y.example" }) { id } }`,
        `mutation { createSecurityGroup(input: { description: "no name" }) { id } }`,
        `mutation { addGroupMembers(input: { userIds: [] }) { id } }`,
        `mutation { updateUser(input: { displayName: "no id" }) { id } }`,
        `mutation { deleteUser }`,
        `mutation { deleteSecurityGroup }`,
        `mutation { createSecurityGroup { id } }`,
      ]) {
        const r = await api.exec(t.admin, q);
        expect({ q, code: r.errors?.[0].extensions?.code }).toEqual({ q, code: "GRAPHQL_VALIDATION_FAILED" });
        expect(r.data).toBeUndefined();
      }
      // The same through variables: rejected before any resolver runs.
      for (const [q, vars] of [
        [Q.createUser, { input: { displayName: "No UPN" } }],
        [Q.createGroup, { input: {} }],
        [Q.addMembers, { input: { groupId: null, userIds: [t.adminId] } }],
        [Q.addMembers, { input: { groupId: g, userIds: [null] } }],
        [Q.deleteUser, {}],
      ] as const) {
        const r = await api.exec(t.admin, q, vars as Record<string, unknown>);
        const code = r.errors?.[0].extensions?.code;
        expect({ vars, ok: code === "BAD_USER_INPUT" || code === "GRAPHQL_VALIDATION_FAILED" }).toEqual({ vars, ok: true });
      }
      await unchanged(before);
    });

    it("an empty or blank displayName is BAD_USER_INPUT", async () => {
      const t = await newTenant(api);
      const g = await t.group("G");
      const u = await t.user("u");
      const before = await api.snapshot();
      const attempts: [string, Record<string, unknown>][] = [
        [Q.createUser, { input: { userPrincipalName: "empty@x.example", displayName: "" } }],
        [Q.createUser, { input: { userPrincipalName: "blank@x.example", displayName: "   " } }],
        [Q.createGroup, { input: { displayName: "" } }],
        [Q.createGroup, { input: { displayName: " \t " } }],
        [Q.updateUser, { input: { id: u.id, displayName: "" } }],
        [UPDATE_GROUP, { input: { id: g, displayName: "  " } }],
      ];
      for (const [q, vars] of attempts) {
        const r = await api.exec(t.admin, q, vars);
        expect({ vars, code: r.errors?.[0].extensions?.code }).toEqual({ vars, code: "BAD_USER_INPUT" });
        await unchanged(before);
      }
      expect((await group(t.admin, g)).displayName).toBe("G");
      expect((await user(t.admin, u.id)).displayName).toBe("u");
    });

    it("a malformed UPN, another tenant's group, a cycle and a duplicate UPN each get their code and change nothing", async () => {
      const t = await newTenant(api);
      const other = await newTenant(api, "Other");
      const og = await other.group("Theirs");
      const a = await t.group("A");
      const b = await t.group("B");
      const u = await t.user("u");
      await t.add(a, [], [b]);
      const cases: [string, string, Record<string, unknown>, string][] = [
        ["malformed UPN", Q.createUser, { input: { userPrincipalName: "jane.doe", displayName: "Jane" } }, "BAD_USER_INPUT"],
        ["UPN with two @", Q.createUser, { input: { userPrincipalName: "jane@doe@x.example", displayName: "Jane" } }, "BAD_USER_INPUT"],
        ["another tenant's group as target", Q.addMembers, { input: { groupId: og, userIds: [u.id] } }, "NOT_FOUND"],
        ["another tenant's group nested", Q.addMembers, { input: { groupId: a, userIds: [u.id], groupIds: [og] } }, "NOT_FOUND"],
        ["another tenant's group deleted", Q.deleteGroup, { id: og }, "NOT_FOUND"],
        ["a cycle", Q.addMembers, { input: { groupId: b, userIds: [u.id], groupIds: [a] } }, "GROUP_CYCLE"],
      ];
      for (const [what, q, vars, code] of cases) {
        const before = await api.snapshot();
        const r = await api.exec(t.admin, q, vars);
        expect({ what, code: r.errors?.[0].extensions?.code }).toEqual({ what, code });
        await unchanged(before);
      }
      // Duplicate UPN (differently cased) of an existing user.
      const upn: string = (await api.ok(t.admin, `{ me { userPrincipalName } }`)).me.userPrincipalName;
      const before = await api.snapshot();
      expect(await api.code(t.admin, Q.createUser, { input: { userPrincipalName: upn.toUpperCase(), displayName: "Copy" } })).toBe("CONFLICT");
      await unchanged(before);
    });
  });

  // ---------------------------------------------------------------------------
  // §6 role matrix

  describe("role matrix (DESIGN §6)", () => {
    for (const role of NON_USER_ADMINS) {
      it(`createUser, updateUser and deleteUser are FORBIDDEN for ${roleName(role)}`, async () => {
        const t = await newTenant(api);
        const caller = await t.user("caller", rolesOf(role));
        const target = await t.user("target");
        const before = await api.snapshot();
        for (const [q, vars] of [
          [Q.createUser, { input: { userPrincipalName: "new@x.example", displayName: "New" } }],
          [Q.updateUser, { input: { id: target.id, displayName: "Renamed" } }],
          [Q.updateUser, { input: { id: caller.id, roles: ["GLOBAL_ADMIN"] } }],
          [Q.updateUser, { input: { id: target.id, accountEnabled: false } }],
          [Q.deleteUser, { id: target.id }],
        ] as const) {
          const r = await api.exec(caller.token, q, vars as Record<string, unknown>);
          expect({ vars, code: r.errors?.[0].extensions?.code }).toEqual({ vars, code: "FORBIDDEN" });
        }
        await unchanged(before);
      });
    }

    it("createUser, updateUser and deleteUser work for a GLOBAL_ADMIN", async () => {
      const t = await newTenant(api);
      const ga = await t.user("ga2", ["GLOBAL_ADMIN"]);
      const made = await api.ok(ga.token, CREATE_USER_FULL, { input: { userPrincipalName: "new@x.example", displayName: "New", roles: ["GROUPS_ADMIN", "GLOBAL_READER"] } });
      const id = made.createUser.id;
      expect(sorted(made.createUser.roles)).toEqual(["GLOBAL_READER", "GROUPS_ADMIN"]);
      const upd = await api.ok(ga.token, Q.updateUser, { input: { id, displayName: "Renamed", roles: ["LICENSE_ADMIN"], accountEnabled: false } });
      expect(upd.updateUser).toEqual({ id, displayName: "Renamed", roles: ["LICENSE_ADMIN"], accountEnabled: false });
      expect(await user(ga.token, id)).toMatchObject({ displayName: "Renamed", roles: ["LICENSE_ADMIN"], accountEnabled: false });
      expect(await api.ok(ga.token, Q.deleteUser, { id })).toEqual({ deleteUser: id });
      expect(await user(ga.token, id)).toBeNull();
    });

    for (const role of ["GLOBAL_ADMIN", "GROUPS_ADMIN"]) {
      it(`group create/update/delete and add/removeGroupMembers work for ${role}`, async () => {
        const t = await newTenant(api);
        const caller = await t.user("caller", [role]);
        const u = await t.user("member");
        const child = await t.group("Child");
        const made = await api.ok(caller.token, Q.createGroup, { input: { displayName: "By " + role } });
        const g = made.createSecurityGroup.id;
        expect((await api.ok(caller.token, UPDATE_GROUP, { input: { id: g, description: "d" } })).updateSecurityGroup.description).toBe("d");
        await api.ok(caller.token, Q.addMembers, { input: { groupId: g, userIds: [u.id], groupIds: [child] } });
        const view = await group(caller.token, g);
        expect(ids(view.members.nodes)).toEqual([u.id]);
        expect(ids(view.memberGroups)).toEqual([child]);
        await api.ok(caller.token, Q.removeMembers, { input: { groupId: g, userIds: [u.id], groupIds: [child] } });
        const after = await group(caller.token, g);
        expect(after.members.totalCount).toBe(0);
        expect(after.memberGroups).toEqual([]);
        expect(await api.ok(caller.token, Q.deleteGroup, { id: g })).toEqual({ deleteSecurityGroup: g });
        expect(await api.ok(caller.token, GROUP, { id: g })).toEqual({ securityGroup: null });
      });
    }

    for (const role of NON_GROUP_ADMINS) {
      it(`group create/update/delete and add/removeGroupMembers are FORBIDDEN for ${roleName(role)}`, async () => {
        const t = await newTenant(api);
        const caller = await t.user("caller", rolesOf(role));
        const u = await t.user("member");
        const g = await t.group("G");
        const child = await t.group("Child");
        await t.add(g, [u.id]);
        const before = await api.snapshot();
        for (const [q, vars] of [
          [Q.createGroup, { input: { displayName: "Nope" } }],
          [UPDATE_GROUP, { input: { id: g, displayName: "Renamed" } }],
          [Q.deleteGroup, { id: g }],
          [Q.addMembers, { input: { groupId: g, userIds: [caller.id], groupIds: [child] } }],
          [Q.removeMembers, { input: { groupId: g, userIds: [u.id] } }],
        ] as const) {
          const r = await api.exec(caller.token, q, vars as Record<string, unknown>);
          expect({ vars, code: r.errors?.[0].extensions?.code }).toEqual({ vars, code: "FORBIDDEN" });
        }
        await unchanged(before);
      });
    }

    for (const role of ROLES) {
      it(`tenant.users, securityGroup and user(id) of someone else are readable by ${role}`, async () => {
        const t = await newTenant(api);
        const caller = await t.user("caller", [role]);
        const other = await t.user("other");
        const g = await t.group("G");
        await t.add(g, [other.id]);
        const page = await users(caller.token, { first: 10 });
        expect(page.totalCount).toBe(3);
        expect(ids((await group(caller.token, g)).members.nodes)).toEqual([other.id]);
        expect((await user(caller.token, other.id)).id).toBe(other.id);
        expect((await api.ok(caller.token, NODE, { id: g })).node.id).toBe(g);
      });
    }

    it("a user without roles reads `me` but not tenant.users, securityGroup or another user (FORBIDDEN)", async () => {
      const t = await newTenant(api);
      const plain = await t.user("plain");
      const g = await t.group("G");
      await t.add(g, [plain.id]);
      expect((await api.ok(plain.token, ME)).me).toEqual({ id: plain.id, roles: [], accountEnabled: true });
      expect(await api.code(plain.token, USERS)).toBe("FORBIDDEN");
      expect(await api.code(plain.token, GROUP, { id: g })).toBe("FORBIDDEN");
      expect(await api.code(plain.token, USER, { id: t.adminId })).toBe("FORBIDDEN");
      expect(await api.code(plain.token, NODE, { id: g })).toBe("FORBIDDEN");
      expect(await api.code(plain.token, NODE, { id: t.adminId })).toBe("FORBIDDEN");
    });

    it("no token is UNAUTHENTICATED", async () => {
      const t = await newTenant(api);
      const g = await t.group("G");
      const before = await api.snapshot();
      for (const [q, vars] of [
        [ME, {}],
        [USERS, {}],
        [GROUP, { id: g }],
        [USER, { id: t.adminId }],
        [Q.createUser, { input: { userPrincipalName: "anon@x.example", displayName: "Anon" } }],
        [Q.createGroup, { input: { displayName: "Anon" } }],
        [Q.addMembers, { input: { groupId: g, userIds: [t.adminId] } }],
        [Q.deleteUser, { id: t.adminId }],
      ] as const) {
        const r = await api.exec(undefined, q, vars as Record<string, unknown>);
        expect({ q, code: r.errors?.[0].extensions?.code }).toEqual({ q, code: "UNAUTHENTICATED" });
      }
      await unchanged(before);
    });

    it("a disabled user's token is UNAUTHENTICATED until the account is enabled again", async () => {
      const t = await newTenant(api);
      const ga = await t.user("ops", ["GROUPS_ADMIN"]);
      expect((await api.ok(ga.token, ME)).me.id).toBe(ga.id);
      await api.ok(t.admin, Q.updateUser, { input: { id: ga.id, accountEnabled: false } });
      expect(await api.code(ga.token, ME)).toBe("UNAUTHENTICATED");
      const before = await api.snapshot();
      expect(await api.code(ga.token, Q.createGroup, { input: { displayName: "While disabled" } })).toBe("UNAUTHENTICATED");
      await unchanged(before);
      // A freshly signed token does not help either.
      expect(await api.code(await api.token({ tid: t.tenantId, oid: ga.id }), ME)).toBe("UNAUTHENTICATED");
      await api.ok(t.admin, Q.updateUser, { input: { id: ga.id, accountEnabled: true } });
      expect((await api.ok(ga.token, ME)).me.id).toBe(ga.id);
    });

    it("a disabled user created with accountEnabled false cannot sign in", async () => {
      const t = await newTenant(api);
      const r = await api.ok(t.admin, CREATE_USER_FULL, { input: { userPrincipalName: "off@x.example", displayName: "Off", accountEnabled: false } });
      expect(r.createUser.accountEnabled).toBe(false);
      expect(await api.code(await api.token({ tid: t.tenantId, oid: r.createUser.id }), ME)).toBe("UNAUTHENTICATED");
    });

    it("a deleted user's token is UNAUTHENTICATED", async () => {
      const t = await newTenant(api);
      const ga = await t.user("ops", ["GROUPS_ADMIN"]);
      await api.ok(t.admin, Q.deleteUser, { id: ga.id });
      expect(await api.code(ga.token, ME)).toBe("UNAUTHENTICATED");
      expect(await api.code(ga.token, Q.createGroup, { input: { displayName: "Ghost" } })).toBe("UNAUTHENTICATED");
    });

    it("roles come from the database on every request: a demotion or promotion takes effect at once", async () => {
      const t = await newTenant(api);
      const ga = await t.user("ops", ["GROUPS_ADMIN"]);
      await api.ok(ga.token, Q.createGroup, { input: { displayName: "Before demotion" } });
      await api.ok(t.admin, Q.updateUser, { input: { id: ga.id, roles: [] } });
      const before = await api.snapshot();
      expect(await api.code(ga.token, Q.createGroup, { input: { displayName: "After demotion" } })).toBe("FORBIDDEN");
      expect(await api.code(ga.token, USERS)).toBe("FORBIDDEN");
      // Roles claimed in the token do not count.
      const claims = await api.token({ tid: t.tenantId, oid: ga.id, roles: ["GLOBAL_ADMIN", "GROUPS_ADMIN"] });
      expect(await api.code(claims, Q.createGroup, { input: { displayName: "Claimed" } })).toBe("FORBIDDEN");
      expect(await api.code(claims, Q.createUser, { input: { userPrincipalName: "c@x.example", displayName: "C" } })).toBe("FORBIDDEN");
      await unchanged(before);
      expect((await api.ok(ga.token, ME)).me.roles).toEqual([]);
      // Promotion is immediate too.
      await api.ok(t.admin, Q.updateUser, { input: { id: ga.id, roles: ["GLOBAL_ADMIN"] } });
      expect((await api.ok(ga.token, Q.createUser, { input: { userPrincipalName: "p@x.example", displayName: "P" } })).createUser.id).toBeTruthy();
    });
  });
});
