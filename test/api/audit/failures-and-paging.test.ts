import { engines, GqlResult, TestApi, AnyDoc, Vars, Present } from "../../helpers/harness";
import { newTenant, Q, TenantFx } from "../../helpers/fixtures";
import { Audited, auditedTenant, auditKit, EVENTS, Event } from "../../helpers/audit";
import { ResultOf } from "@graphql-typed-document-node/core";
import type { VariablesOf } from "@graphql-typed-document-node/core";

/** DESIGN A1: a failed mutation appends no event and changes nothing; auditEvents filters by action and targetId and pages newest first. */
describe.each(engines())("audit: A1 failures, filters and paging (%s)", (_engine, url) => {
  let api: TestApi;
  let audited: Audited;
  let t: Audited["t"];
  let maker: Audited["maker"];
  let billing: Audited["billing"];
  let licenses: Audited["licenses"];
  let groups: Audited["groups"];
  beforeAll(async () => {
    api = await TestApi.start(url);
    audited = await auditedTenant(api);
    ({ t, maker, billing, licenses, groups } = audited);
  });
  afterAll(() => api.stop());
  const { next, count, freshUser, freshGroup, freshBot } = auditKit(() => api, () => audited);

  describe("a failed mutation appends none and changes nothing", () => {
    const expectNoEvent = async (fx: TenantFx, token: string | undefined, query: AnyDoc, vars: Vars, code: string) => {
      const events = await count(fx);
      const before = await api.snapshot();
      const r: GqlResult = await api.exec(token, query, vars);
      expect(r.errors?.[0]?.extensions?.code).toBe(code);
      expect(await count(fx)).toBe(events);
      expect(await api.snapshot()).toBe(before);
    };

    it("NOT_FOUND, CONFLICT, BAD_USER_INPUT, LICENSE_NOT_ASSIGNABLE, FORBIDDEN", async () => {
      await expectNoEvent(t, t.admin, Q.updateUser, { input: { id: "usr_00000000-0000-7000-8000-000000000000", displayName: "X" } }, "NOT_FOUND");
      const dup = `dup${next()}@audited.example`;
      await api.ok(t.admin, Q.createUser, { input: { userPrincipalName: dup, displayName: "Dup" } });
      await expectNoEvent(t, t.admin, Q.createUser, { input: { userPrincipalName: dup.toUpperCase(), displayName: "Dup" } }, "CONFLICT");
      await expectNoEvent(t, billing.token, Q.purchase, { input: { channel: "ADMIN_CENTER", items: [{ skuId: t.sku.user, quantity: 0 }] } }, "BAD_USER_INPUT");
      await expectNoEvent(t, licenses.token, Q.assignUser, { input: { userId: await freshUser(), addLicenses: [{ skuId: t.sku.tenant }] } }, "LICENSE_NOT_ASSIGNABLE");
      await expectNoEvent(t, groups.token, Q.createUser, { input: { userPrincipalName: `nope${next()}@audited.example`, displayName: "Nope" } }, "FORBIDDEN");
      await expectNoEvent(t, t.admin, Q.record, { input: { botId: await freshBot(), count: 0 } }, "BAD_USER_INPUT");
    });

    it("GROUP_HAS_LICENSES, GROUP_CYCLE, USER_OWNS_BOTS, LAST_GLOBAL_ADMIN, LICENSE_REQUIRED", async () => {
      const licensed = await freshGroup();
      await t.assignGroup(licensed);
      await expectNoEvent(t, t.admin, Q.deleteGroup, { id: licensed }, "GROUP_HAS_LICENSES");
      const outer = await freshGroup();
      const inner = await freshGroup();
      await t.add(outer, [], [inner]);
      await expectNoEvent(t, t.admin, Q.addMembers, { input: { groupId: inner, groupIds: [outer] } }, "GROUP_CYCLE");
      await freshBot();
      await expectNoEvent(t, t.admin, Q.deleteUser, { id: maker.id }, "USER_OWNS_BOTS");
      await expectNoEvent(t, t.admin, Q.updateUser, { input: { id: t.adminId, roles: [] } }, "LAST_GLOBAL_ADMIN");
      const unlicensed = await t.user(`unlicensed${next()}`);
      await expectNoEvent(t, unlicensed.token, Q.createBot, { input: { name: "Nope" } }, "LICENSE_REQUIRED");
    });

    it("SEATS_EXHAUSTED and SEATS_IN_USE", async () => {
      const small = await newTenant(api, "Small");
      const order = await small.buy(2, 1);
      const a = await small.user("a");
      const b = await small.user("b");
      const c = await small.user("c");
      await small.license(a.id);
      await small.license(b.id);
      await expectNoEvent(small, small.admin, Q.assignUser, { input: { userId: c.id, addLicenses: [{ skuId: small.sku.user }] } }, "SEATS_EXHAUSTED");
      const userSub = order.subscriptions.find((s) => s.sku.partNumber === "POWER_VIRTUAL_AGENTS_USER")!.id;
      await expectNoEvent(small, small.admin, Q.updateQuantity, { input: { subscriptionId: userSub, quantity: 1 } }, "SEATS_IN_USE");
    });
  });

  describe("auditEvents: filters and paging, newest first", () => {
    let fx: TenantFx;
    const created: string[] = [];
    let target: string;

    beforeAll(async () => {
      fx = await newTenant(api, "Paged");
      for (let i = 0; i < 5; i++) {
        api.clock.advanceMs(1000);
        const u = await api.ok(fx.admin, Q.createUser, { input: { userPrincipalName: `paged${i}@paged.example`, displayName: `Paged ${i}` } });
        created.push(u.createUser.id);
      }
      target = created[2];
      for (const name of ["Renamed once", "Renamed twice"]) {
        api.clock.advanceMs(1000);
        await api.ok(fx.admin, Q.updateUser, { input: { id: target, displayName: name } });
      }
      api.clock.advanceMs(1000);
      await fx.group("Paged group");
    });

    const all = async (vars: VariablesOf<typeof EVENTS> = {}) => (await api.ok(fx.admin, EVENTS, { first: 1000, ...vars })).auditEvents;
    const actionOf = async (targetId: string, index = 0) => (await all({ targetId })).edges.at(-1 - index)!.node.action as string;

    it("lists newest first", async () => {
      const list = await all();
      const nodes: Event[] = list.edges.map((e: { node: Event }) => e.node);
      expect(list.totalCount).toBe(nodes.length);
      for (let i = 1; i < nodes.length; i++) expect(Date.parse(nodes[i - 1].at)).toBeGreaterThanOrEqual(Date.parse(nodes[i].at));
      // The users were created one second apart: their events appear in reverse creation order.
      const userCreations = nodes.filter((e) => created.includes(e.targetId!) && e.action === nodes.find((x) => x.targetId === created[0])!.action);
      expect(userCreations.map((e) => e.targetId)).toEqual([...created].reverse());
      expect(Date.parse(nodes[0].at)).toBeGreaterThan(Date.parse(nodes.at(-1)!.at));
    });

    it("filters by action", async () => {
      const createAction = await actionOf(created[0]);
      const r = await all({ action: createAction });
      expect(r.totalCount).toBe(r.edges.length);
      expect(r.edges.every((e: { node: Event }) => e.node.action === createAction)).toBe(true);
      // The tenant's first admin is created with the tenant (CREATE_TENANT), so the five users are all of this action.
      expect(r.edges.map((e: { node: Event }) => e.node.targetId)).toEqual(expect.arrayContaining(created));
      expect(r.edges.map((e: { node: Event }) => e.node.targetId).slice(0, 5)).toEqual([...created].reverse());
      expect((await all({ action: "NO_SUCH_ACTION" })).totalCount).toBe(0);
    });

    it("filters by targetId, and by both", async () => {
      const r = await all({ targetId: target });
      expect(r.totalCount).toBe(3);
      const nodes: Event[] = r.edges.map((e: { node: Event }) => e.node);
      expect(nodes.every((e) => e.targetId === target)).toBe(true);
      expect(JSON.stringify(JSON.parse(nodes[0].details).after)).toContain("Renamed twice");
      expect(JSON.stringify(JSON.parse(nodes[1].details).after)).toContain("Renamed once");
      const createAction = nodes[2].action;
      const updateAction = nodes[0].action;
      expect(updateAction).not.toBe(createAction);
      const both = await all({ targetId: target, action: updateAction });
      expect(both.totalCount).toBe(2);
      expect(both.edges.map((e: { node: Event }) => e.node.id)).toEqual([nodes[0].id, nodes[1].id]);
      expect((await all({ targetId: created[0], action: updateAction })).totalCount).toBe(0);
    });

    it("pages with first/after, keeping the order and the totalCount", async () => {
      const full = await all();
      const ids: string[] = [];
      let after: string | null = null;
      for (let guard = 0; guard < 100; guard++) {
        const p: Present<ResultOf<typeof EVENTS>> = await api.ok(fx.admin, EVENTS, { first: 2, after });
        expect(p.auditEvents.totalCount).toBe(full.totalCount);
        expect(p.auditEvents.edges.length).toBeLessThanOrEqual(2);
        ids.push(...p.auditEvents.edges.map((e: { node: Event }) => e.node.id));
        if (p.auditEvents.edges.length) expect(p.auditEvents.pageInfo.endCursor).toBe(p.auditEvents.edges.at(-1)!.cursor);
        if (!p.auditEvents.pageInfo.hasNextPage) break;
        after = p.auditEvents.pageInfo.endCursor;
      }
      expect(ids).toEqual(full.edges.map((e: { node: Event }) => e.node.id));
      expect(new Set(ids).size).toBe(ids.length);
    });

    it("pages within a filter", async () => {
      const createAction = await actionOf(created[0]);
      const first = (await api.ok(fx.admin, EVENTS, { first: 2, action: createAction })).auditEvents;
      expect(first.pageInfo.hasNextPage).toBe(true);
      const second = (await api.ok(fx.admin, EVENTS, { first: 2, action: createAction, after: first.pageInfo.endCursor })).auditEvents;
      const got = [...first.edges, ...second.edges].map((e: { node: Event }) => e.node.targetId);
      expect(got).toEqual([...created].reverse().slice(0, 4));
      expect(second.totalCount).toBe(first.totalCount);
    });
  });
});
