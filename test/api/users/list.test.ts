import { engines, TestApi } from "../../helpers/harness";
import { newTenant, Q } from "../../helpers/fixtures";
import { directory, USERS } from "../../helpers/directory";
import { ids, sorted } from "../../helpers/ids";
import { graphql } from "../../gql";

/** tenant.users: paging, search and the memberOfGroupId filter; page-size and cursor errors (DESIGN §5, §7). */
describe.each(engines())("users: tenant.users (%s)", (_engine, url) => {
  let api: TestApi;
  beforeAll(async () => (api = await TestApi.start(url)));
  afterAll(() => api.stop());
  const { users } = directory(() => api);

  describe("tenant.users", () => {
    it("pages with first/after: pageInfo, endCursor and totalCount; every user exactly once", async () => {
      const t = await newTenant(api);
      const made = [t.adminId];
      for (let i = 0; i < 6; i++) made.push((await t.user(`page${i}`)).id);
      const seen: string[] = [];
      let after: string | null = null;
      let pages = 0;
      for (;;) {
        const page: Awaited<ReturnType<typeof users>> = await users(t.admin, { first: 3, after });
        pages++;
        expect(page.totalCount).toBe(7);
        expect(page.nodes.length).toBeLessThanOrEqual(3);
        expect(page.edges.map((e) => e.node.id)).toEqual(page.nodes.map((n) => n.id));
        expect(page.pageInfo.endCursor).toBe(page.edges[page.edges.length - 1].cursor);
        seen.push(...page.nodes.map((n) => n.id));
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
      expect(all.nodes.map((n) => n.id)).toEqual(seen);
      // Paging from the middle with an edge's cursor continues right after that edge.
      const fromSecond = await users(t.admin, { first: 2, after: all.edges[1].cursor });
      expect(fromSecond.nodes.map((n) => n.id)).toEqual(seen.slice(2, 4));
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
      expect(page.nodes.map((n) => n.id)).toEqual([a.adminId]);
      expect(page.nodes.map((n) => n.id)).not.toContain(bu.id);
    });

    it("filter.search matches displayName or userPrincipalName, case-insensitively", async () => {
      const t = await newTenant(api);
      const mk = async (upn: string, displayName: string) => (await api.ok(t.admin, Q.createUser, { input: { userPrincipalName: upn, displayName } })).createUser.id;
      const ann = await mk("ann.lee@search.example", "Ann Lee");
      const bob = await mk("bob@search.example", "Robert Marsh");
      const carol = await mk("marsha@search.example", "Carol Diaz");
      const dan = await mk("dan@search.example", "Dan_100%");

      const search = async (s: string) => sorted((await users(t.admin, { filter: { search: s } })).nodes.map((n) => n.id));
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
      expect(await api.code(t.admin, graphql(`query UsersListSecurityGroup($id: ID!) { securityGroup(id: $id) { members(first: 1001) { totalCount } } }`), { id: g })).toBe("BAD_USER_INPUT");
      expect(await api.code(t.admin, graphql(`query UsersListSecurityGroup2($id: ID!) { securityGroup(id: $id) { transitiveMembers(first: 1001) { totalCount } } }`), { id: g })).toBe("BAD_USER_INPUT");
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
      else expect(r.data!.tenant!.users.totalCount).toBe(2);
    });
  });

  // ---------------------------------------------------------------------------
});
