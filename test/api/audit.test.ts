/**
 * DESIGN A1: every successful mutation appends exactly one audit event (actor,
 * action, target, details with before/after), in the same transaction; a failed
 * mutation appends none. auditEvents filters by action and targetId and pages
 * newest first.
 */
import { engines, GqlResult, TestApi } from "../helpers/harness";
import { newTenant, Q, TenantFx } from "../helpers/fixtures";

const EVENTS = `query($first: Int, $after: String, $action: String, $targetId: ID) {
  auditEvents(first: $first, after: $after, action: $action, targetId: $targetId) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { cursor node { id action targetId details at actor { id } } }
    nodes { id }
  }
}`;

interface Event {
  id: string;
  action: string;
  targetId: string | null;
  details: string;
  at: string;
  actor: { id: string } | null;
}

/** What a mutation's event must carry in `details`. */
type Shape = "after" | "before" | "before+after" | "any";

interface Kind {
  mutation: string;
  shape: Shape;
  /** Creates fresh target objects (their own events come before the count is taken). */
  setup(): Promise<any>;
  /** Runs the mutation once; says what its event must show. */
  act(prepared: any): Promise<{ target: string | string[]; actor: string | null; before?: string; after?: string; mentions?: string }>;
}

describe.each(engines())("audit (%s)", (_engine, url) => {
  let api: TestApi;
  let t: TenantFx;
  let maker: { id: string; token: string };
  let billing: { id: string; token: string };
  let licenses: { id: string; token: string };
  let groups: { id: string; token: string };
  let runtime: string;
  let n = 0;

  beforeAll(async () => {
    api = await TestApi.start(url);
    t = await newTenant(api, "Audited");
    await t.buy(50, 1);
    maker = await t.user("maker");
    await t.license(maker.id);
    billing = await t.user("billing", ["BILLING_ADMIN"]);
    licenses = await t.user("licenses", ["LICENSE_ADMIN"]);
    groups = await t.user("groups", ["GROUPS_ADMIN"]);
    runtime = await api.token({ tid: t.tenantId, roles: ["BotRuntime"] });
  });
  afterAll(() => api.stop());

  const page = async (token: string, vars: Record<string, unknown> = {}) => (await api.ok(token, EVENTS, vars)).auditEvents;
  const count = async (fx: TenantFx = t) => (await page(fx.admin, { first: 0 })).totalCount as number;
  const latest = async (fx: TenantFx = t): Promise<Event> => (await page(fx.admin, { first: 1 })).edges[0].node;

  const freshUser = async (displayName?: string) => {
    const u = await api.ok(t.admin, Q.createUser, { input: { userPrincipalName: `target${++n}@audited.example`, displayName: displayName ?? `Target ${n}` } });
    return u.createUser.id as string;
  };
  const freshGroup = (name = `Group ${++n}`) => t.group(name);
  const freshSubscription = async () =>
    (await api.ok(t.admin, Q.purchase, { input: { channel: "ADMIN_CENTER", items: [{ skuId: t.sku.tenant, quantity: 1 }] } })).purchaseLicenses
      .subscriptions[0].id as string;
  const freshBot = async (name = `Bot ${++n}`) => (await api.ok(maker.token, Q.createBot, { input: { name } })).createBot.id as string;

  /** A fresh object for each kind; its own events are written before the count is taken. */
  const KINDS: Kind[] = [
    {
      mutation: "createUser",
      shape: "after",
      setup: async () => `created${++n}@audited.example`,
      act: async (upn) => {
        const id = (await api.ok(t.admin, Q.createUser, { input: { userPrincipalName: upn, displayName: "Created" } })).createUser.id;
        return { target: id, actor: t.adminId, after: upn };
      },
    },
    {
      mutation: "updateUser",
      shape: "before+after",
      setup: () => freshUser("Name before"),
      act: async (id) => {
        await api.ok(t.admin, Q.updateUser, { input: { id, displayName: "Name after" } });
        return { target: id, actor: t.adminId, before: "Name before", after: "Name after" };
      },
    },
    {
      mutation: "deleteUser",
      shape: "before",
      setup: () => freshUser("Doomed user"),
      act: async (id) => {
        await api.ok(t.admin, Q.deleteUser, { id });
        return { target: id, actor: t.adminId, before: "Doomed user" };
      },
    },
    {
      mutation: "createSecurityGroup",
      shape: "after",
      setup: async () => `Created group ${++n}`,
      act: async (name) => {
        const id = (await api.ok(groups.token, Q.createGroup, { input: { displayName: name } })).createSecurityGroup.id;
        return { target: id, actor: groups.id, after: name };
      },
    },
    {
      mutation: "updateSecurityGroup",
      shape: "before+after",
      setup: () => freshGroup("Group name before"),
      act: async (id) => {
        await api.ok(groups.token, `mutation($input: UpdateSecurityGroupInput!) { updateSecurityGroup(input: $input) { id } }`, {
          input: { id, displayName: "Group name after" },
        });
        return { target: id, actor: groups.id, before: "Group name before", after: "Group name after" };
      },
    },
    {
      mutation: "deleteSecurityGroup",
      shape: "before",
      setup: () => freshGroup("Doomed group"),
      act: async (id) => {
        await api.ok(groups.token, Q.deleteGroup, { id });
        return { target: id, actor: groups.id, before: "Doomed group" };
      },
    },
    {
      mutation: "addGroupMembers",
      shape: "any",
      setup: async () => [await freshGroup(), await freshUser()],
      act: async ([g, u]) => {
        await api.ok(groups.token, Q.addMembers, { input: { groupId: g, userIds: [u] } });
        return { target: g, actor: groups.id, mentions: u };
      },
    },
    {
      mutation: "removeGroupMembers",
      shape: "any",
      setup: async () => {
        const g = await freshGroup();
        const u = await freshUser();
        await t.add(g, [u]);
        return [g, u];
      },
      act: async ([g, u]) => {
        await api.ok(groups.token, Q.removeMembers, { input: { groupId: g, userIds: [u] } });
        return { target: g, actor: groups.id, mentions: u };
      },
    },
    {
      mutation: "purchaseLicenses",
      shape: "any",
      setup: async () => null,
      act: async () => {
        const r = (await api.ok(billing.token, Q.purchase, { input: { channel: "ADMIN_CENTER", items: [{ skuId: t.sku.user, quantity: 2 }] } }))
          .purchaseLicenses;
        // The order, or the subscription it made, is the target.
        return { target: [r.orderId, ...r.subscriptions.map((s: { id: string }) => s.id)], actor: billing.id };
      },
    },
    {
      mutation: "updateSubscriptionQuantity",
      shape: "before+after",
      setup: () => freshSubscription(),
      act: async (id) => {
        await api.ok(billing.token, Q.updateQuantity, { input: { subscriptionId: id, quantity: 7 } });
        return { target: id, actor: billing.id, before: "1", after: "7" };
      },
    },
    {
      mutation: "cancelSubscription",
      shape: "before+after",
      setup: () => freshSubscription(),
      act: async (id) => {
        await api.ok(billing.token, Q.cancel, { id });
        return { target: id, actor: billing.id };
      },
    },
    {
      mutation: "assignUserLicenses",
      shape: "any",
      setup: () => freshUser(),
      act: async (u) => {
        await api.ok(licenses.token, Q.assignUser, { input: { userId: u, addLicenses: [{ skuId: t.sku.user }] } });
        return { target: u, actor: licenses.id };
      },
    },
    {
      mutation: "assignGroupLicenses",
      shape: "any",
      setup: async () => {
        const g = await freshGroup();
        await t.add(g, [await freshUser()]);
        return g;
      },
      act: async (g) => {
        await api.ok(licenses.token, Q.assignGroup, { input: { groupId: g, addLicenses: [{ skuId: t.sku.user }] } });
        return { target: g, actor: licenses.id };
      },
    },
    {
      mutation: "updateTenantSettings",
      shape: "before+after",
      setup: async () => (await api.ok(t.admin, `{ tenant { allowAdHocSubscriptions } }`)).tenant.allowAdHocSubscriptions,
      act: async (current) => {
        await api.ok(t.admin, `mutation($input: TenantSettingsInput!) { updateTenantSettings(input: $input) { id } }`, {
          input: { allowAdHocSubscriptions: !current },
        });
        return { target: t.tenantId, actor: t.adminId, before: String(current), after: String(!current) };
      },
    },
    {
      mutation: "createBot",
      shape: "after",
      setup: async () => `Created bot ${++n}`,
      act: async (name) => {
        const id = (await api.ok(maker.token, Q.createBot, { input: { name } })).createBot.id;
        return { target: id, actor: maker.id, after: name };
      },
    },
    {
      mutation: "updateBot",
      shape: "before+after",
      setup: () => freshBot("Bot name before"),
      act: async (id) => {
        await api.ok(maker.token, Q.updateBot, { input: { id, name: "Bot name after" } });
        return { target: id, actor: maker.id, before: "Bot name before", after: "Bot name after" };
      },
    },
    {
      mutation: "deleteBot",
      shape: "before",
      setup: () => freshBot("Doomed bot"),
      act: async (id) => {
        await api.ok(t.admin, Q.deleteBot, { id });
        return { target: id, actor: t.adminId, before: "Doomed bot" };
      },
    },
    {
      mutation: "recordBotSessions",
      shape: "any",
      setup: () => freshBot(),
      act: async (id) => {
        await api.ok(t.admin, Q.record, { input: { botId: id, count: 12 } });
        return { target: id, actor: t.adminId };
      },
    },
  ];

  const actions = new Map<string, string>();

  describe("every successful mutation appends exactly one event", () => {
    it.each(KINDS.map((k) => [k.mutation, k] as const))("%s", async (_name, kind) => {
      const prepared = await kind.setup();
      const before = await count();
      const res = await kind.act(prepared);
      expect(await count()).toBe(before + 1);
      const event = await latest();
      expect(event.action).toMatch(/^[A-Z][A-Z0-9_]*$/);
      actions.set(kind.mutation, event.action);
      const targets = Array.isArray(res.target) ? res.target : [res.target];
      expect(targets).toContain(event.targetId);
      expect(event.actor?.id ?? null).toBe(res.actor);
      let details: any;
      expect(() => (details = JSON.parse(event.details))).not.toThrow();
      expect(details).toEqual(expect.any(Object));
      if (kind.shape === "after" || kind.shape === "before+after") expect(details).toHaveProperty("after");
      if (kind.shape === "before" || kind.shape === "before+after") expect(details).toHaveProperty("before");
      if (res.before) expect(JSON.stringify(details.before)).toContain(res.before);
      if (res.after) expect(JSON.stringify(details.after)).toContain(res.after);
      if (res.mentions) expect(event.details).toContain(res.mentions);
      if (kind.shape === "before+after") expect(JSON.stringify(details.before)).not.toEqual(JSON.stringify(details.after));
      // The event is also found through its target.
      expect((await page(t.admin, { targetId: event.targetId, first: 1 })).edges[0].node.id).toBe(event.id);
    });

    it("each kind of mutation has its own action name", () => {
      expect(actions.size).toBe(KINDS.length);
      expect(new Set(actions.values()).size).toBe(KINDS.length);
    });

    it("recordBotSessions by the BotRuntime appends one event with no user actor", async () => {
      const id = await freshBot();
      const before = await count();
      await api.ok(runtime, Q.record, { input: { botId: id, count: 4 } });
      expect(await count()).toBe(before + 1);
      const event = await latest();
      expect(event.targetId).toBe(id);
      expect(event.actor).toBeNull();
      expect(() => JSON.parse(event.details)).not.toThrow();
    });
  });

  describe("a failed mutation appends none and changes nothing", () => {
    const expectNoEvent = async (fx: TenantFx, token: string | undefined, query: string, vars: Record<string, unknown>, code: string) => {
      const events = await count(fx);
      const before = await api.snapshot();
      const r: GqlResult = await api.exec(token, query, vars);
      expect(r.errors?.[0]?.extensions?.code).toBe(code);
      expect(await count(fx)).toBe(events);
      expect(await api.snapshot()).toBe(before);
    };

    it("NOT_FOUND, CONFLICT, BAD_USER_INPUT, LICENSE_NOT_ASSIGNABLE, FORBIDDEN", async () => {
      await expectNoEvent(t, t.admin, Q.updateUser, { input: { id: "usr_00000000-0000-7000-8000-000000000000", displayName: "X" } }, "NOT_FOUND");
      const dup = `dup${++n}@audited.example`;
      await api.ok(t.admin, Q.createUser, { input: { userPrincipalName: dup, displayName: "Dup" } });
      await expectNoEvent(t, t.admin, Q.createUser, { input: { userPrincipalName: dup.toUpperCase(), displayName: "Dup" } }, "CONFLICT");
      await expectNoEvent(t, billing.token, Q.purchase, { input: { channel: "ADMIN_CENTER", items: [{ skuId: t.sku.user, quantity: 0 }] } }, "BAD_USER_INPUT");
      await expectNoEvent(t, licenses.token, Q.assignUser, { input: { userId: await freshUser(), addLicenses: [{ skuId: t.sku.tenant }] } }, "LICENSE_NOT_ASSIGNABLE");
      await expectNoEvent(t, groups.token, Q.createUser, { input: { userPrincipalName: `nope${++n}@audited.example`, displayName: "Nope" } }, "FORBIDDEN");
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
      const unlicensed = await t.user(`unlicensed${++n}`);
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

    const all = async (vars: Record<string, unknown> = {}) => (await api.ok(fx.admin, EVENTS, { first: 1000, ...vars })).auditEvents;
    const actionOf = async (targetId: string, index = 0) => (await all({ targetId })).edges.at(-1 - index).node.action as string;

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
        const p: any = await api.ok(fx.admin, EVENTS, { first: 2, after });
        expect(p.auditEvents.totalCount).toBe(full.totalCount);
        expect(p.auditEvents.edges.length).toBeLessThanOrEqual(2);
        ids.push(...p.auditEvents.edges.map((e: { node: Event }) => e.node.id));
        if (p.auditEvents.edges.length) expect(p.auditEvents.pageInfo.endCursor).toBe(p.auditEvents.edges.at(-1).cursor);
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
