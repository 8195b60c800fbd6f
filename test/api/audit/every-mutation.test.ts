import { engines, TestApi } from "../../helpers/harness";
import { Q } from "../../helpers/fixtures";
import { Audited, auditedTenant, auditKit } from "../../helpers/audit";
import { graphql } from "../../gql";

/**
 * DESIGN A1: every successful mutation appends exactly one audit event (actor, action, target,
 * details with before/after), in the same transaction. The walk covers every kind of mutation.
 */

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

describe.each(engines())("audit: A1 every successful mutation (%s)", (_engine, url) => {
  let api: TestApi;
  let audited: Audited;
  let t: Audited["t"];
  let maker: Audited["maker"];
  let billing: Audited["billing"];
  let licenses: Audited["licenses"];
  let groups: Audited["groups"];
  let runtime: Audited["runtime"];
  beforeAll(async () => {
    api = await TestApi.start(url);
    audited = await auditedTenant(api);
    ({ t, maker, billing, licenses, groups, runtime } = audited);
  });
  afterAll(() => api.stop());
  const { next, page, count, latest, freshUser, freshGroup, freshSubscription, freshBot } = auditKit(() => api, () => audited);

  /** A fresh object for each kind; its own events are written before the count is taken. */
  const KINDS: Kind[] = [
    {
      mutation: "createUser",
      shape: "after",
      setup: async () => `created${next()}@audited.example`,
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
      setup: async () => `Created group ${next()}`,
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
        await api.ok(groups.token, graphql(`mutation AuditEveryMutationUpdateSecurityGroup($input: UpdateSecurityGroupInput!) { updateSecurityGroup(input: $input) { id } }`), {
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
      setup: async () => (await api.ok(t.admin, graphql(`query AuditEveryMutationTenant { tenant { allowAdHocSubscriptions } }`))).tenant.allowAdHocSubscriptions,
      act: async (current) => {
        await api.ok(t.admin, graphql(`mutation AuditEveryMutationUpdateTenantSettings($input: TenantSettingsInput!) { updateTenantSettings(input: $input) { id } }`), {
          input: { allowAdHocSubscriptions: !current },
        });
        return { target: t.tenantId, actor: t.adminId, before: String(current), after: String(!current) };
      },
    },
    {
      mutation: "createBot",
      shape: "after",
      setup: async () => `Created bot ${next()}`,
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
});
