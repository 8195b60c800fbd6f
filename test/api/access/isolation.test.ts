import { engines, TestApi, AnyDoc, Vars } from "../../helpers/harness";
import { Q } from "../../helpers/fixtures";
import { codes, normalized, randomId, short, topLevel } from "../../helpers/results";
import { seedSide, Side } from "../../helpers/two-tenants";
import { NODE } from "./operations";
import { graphql } from "../../gql";

/** DESIGN §6 tenant isolation: another tenant's IDs behave exactly like unknown ones, in reads and in every ID-taking mutation. */
describe.each(engines())("access: tenant isolation (%s)", (_engine, url) => {
  let api: TestApi;
  let A: Side;
  let B: Side;
  beforeAll(async () => {
    api = await TestApi.start(url);
    A = await seedSide(api, "Alpha");
    B = await seedSide(api, "Beta");
  });
  afterAll(() => api.stop());

  describe("tenant isolation (DESIGN §6)", () => {
    it("B's IDs exist for B (control)", async () => {
      const r = await api.ok(B.t.admin, graphql(`query AccessIsolationUserSecurityGroupBot($u: ID!, $g: ID!, $b: ID!) { user(id: $u) { id } securityGroup(id: $g) { id } bot(id: $b) { id } }`), {
        u: B.member,
        g: B.group,
        b: B.bot,
      });
      expect(r).toEqual({ user: { id: B.member }, securityGroup: { id: B.group }, bot: { id: B.bot } });
      expect((await api.ok(B.t.admin, Q.audit, { targetId: B.member })).auditEvents.totalCount).toBeGreaterThan(0);
    });

    it("lookups of B's IDs answer null, exactly like unknown IDs of the same prefix", async () => {
      const lookups: [string, AnyDoc, () => string][] = [
        ["user", graphql(`query AccessIsolationUser($id: ID!) { user(id: $id) { id displayName } }`), () => B.member],
        ["securityGroup", graphql(`query AccessIsolationSecurityGroup($id: ID!) { securityGroup(id: $id) { id displayName } }`), () => B.group],
        ["bot", graphql(`query AccessIsolationBot($id: ID!) { bot(id: $id) { id name } }`), () => B.bot],
        ["node(user)", NODE, () => B.member],
        ["node(admin user)", NODE, () => B.t.adminId],
        ["node(group)", NODE, () => B.group],
        ["node(bot)", NODE, () => B.bot],
        ["node(subscription)", NODE, () => B.userSub],
        ["node(audit event)", NODE, () => B.audit],
        ["node(tenant)", NODE, () => B.t.tenantId],
      ];
      const problems: string[] = [];
      for (const [name, query, id] of lookups) {
        const bId = id();
        const other = randomId(bId.split("_")[0]);
        const foreign = await api.exec(A.t.admin, query, { id: bId });
        const unknown = await api.exec(A.t.admin, query, { id: other });
        const field = topLevel(query).fields[0];
        if (foreign.errors?.length || foreign.data?.[field] !== null) problems.push(`${name}: expected null, got ${short(foreign)}`);
        if (normalized(foreign, [bId]) !== normalized(unknown, [other])) {
          problems.push(`${name}: B's ID ${normalized(foreign, [bId])} differs from an unknown ID ${normalized(unknown, [other])}`);
        }
      }
      expect(problems).toEqual([]);
    });

    it("lists and filters never show B's rows", async () => {
      const r = await api.ok(
        A.t.admin,
        graphql(`query AccessIsolationTenantAuditEvents { tenant { users(first: 1000) { nodes { id } } securityGroups(first: 1000) { nodes { id } } bots(first: 1000) { nodes { id } }
           subscriptions(includeInactive: true) { id } capacity { consumed byBot { bot { id } } } }
           auditEvents(first: 1000) { nodes { id targetId } } }`),
      );
      const seen = JSON.stringify(r);
      for (const id of [B.maker.id, B.member, B.t.adminId, B.group, B.bot, B.userSub, B.tenantSub, B.audit, B.t.tenantId]) {
        expect(seen).not.toContain(id);
      }
      expect(r.tenant.capacity.consumed).toBe(10);
      const byGroup = graphql(`query AccessIsolationByGroup($g: ID!) { tenant { users(filter: { memberOfGroupId: $g }) { totalCount } } }`);
      expect((await api.ok(A.t.admin, byGroup, { g: B.group })).tenant.users.totalCount).toBe(0);
      expect((await api.ok(A.t.admin, byGroup, { g: A.group })).tenant.users.totalCount).toBe(2);
    });

    it("auditEvents(targetId: B's ID) is empty, like an unknown ID", async () => {
      for (const bId of [B.member, B.group, B.bot, B.userSub, B.t.tenantId]) {
        const foreign = await api.ok(A.t.admin, Q.audit, { targetId: bId });
        const unknown = await api.ok(A.t.admin, Q.audit, { targetId: randomId(bId.split("_")[0]) });
        expect(foreign.auditEvents).toEqual({ totalCount: 0, nodes: [] });
        expect(unknown.auditEvents).toEqual({ totalCount: 0, nodes: [] });
      }
    });

    it("every ID-taking mutation with B's IDs is NOT_FOUND exactly like an unknown ID, and writes nothing", async () => {
      /** [name, token, document, variables for a foreign ID, the foreign ID]. */
      type M = { name: string; token: () => string; query: AnyDoc; vars: (id: string) => Vars; foreign: () => string };
      const admin = () => A.t.admin;
      const mutations: M[] = [
        { name: "updateUser", token: admin, query: Q.updateUser, vars: (id) => ({ input: { id, displayName: "Hijacked" } }), foreign: () => B.member },
        { name: "updateUser (disable B's admin)", token: admin, query: Q.updateUser, vars: (id) => ({ input: { id, accountEnabled: false } }), foreign: () => B.t.adminId },
        { name: "deleteUser", token: admin, query: Q.deleteUser, vars: (id) => ({ id }), foreign: () => B.member },
        {
          name: "updateSecurityGroup",
          token: admin,
          query: graphql(`mutation AccessIsolationUpdateSecurityGroup($input: UpdateSecurityGroupInput!) { updateSecurityGroup(input: $input) { id displayName } }`),
          vars: (id) => ({ input: { id, displayName: "Hijacked" } }),
          foreign: () => B.group,
        },
        { name: "deleteSecurityGroup", token: admin, query: Q.deleteGroup, vars: (id) => ({ id }), foreign: () => B.group },
        {
          name: "addGroupMembers (B's group)",
          token: admin,
          query: Q.addMembers,
          vars: (id) => ({ input: { groupId: id, userIds: [A.member] } }),
          foreign: () => B.group,
        },
        {
          name: "addGroupMembers (A's group, A's and B's users)",
          token: admin,
          query: Q.addMembers,
          vars: (id) => ({ input: { groupId: A.group, userIds: [A.t.adminId, id] } }),
          foreign: () => B.member,
        },
        {
          name: "addGroupMembers (A's group, B's group nested)",
          token: admin,
          query: Q.addMembers,
          vars: (id) => ({ input: { groupId: A.group, groupIds: [id] } }),
          foreign: () => B.group,
        },
        {
          name: "removeGroupMembers (B's group)",
          token: admin,
          query: Q.removeMembers,
          vars: (id) => ({ input: { groupId: id, userIds: [] } }),
          foreign: () => B.group,
        },
        {
          name: "removeGroupMembers (A's group, A's and B's users)",
          token: admin,
          query: Q.removeMembers,
          vars: (id) => ({ input: { groupId: A.group, userIds: [A.member, id] } }),
          foreign: () => B.member,
        },
        {
          name: "assignUserLicenses",
          token: admin,
          query: Q.assignUser,
          vars: (id) => ({ input: { userId: id, addLicenses: [{ skuId: A.t.sku.user }] } }),
          foreign: () => B.member,
        },
        {
          name: "assignUserLicenses (remove)",
          token: admin,
          query: Q.assignUser,
          vars: (id) => ({ input: { userId: id, removeSkuIds: [A.t.sku.user] } }),
          foreign: () => B.maker.id,
        },
        {
          name: "assignGroupLicenses",
          token: admin,
          query: Q.assignGroup,
          vars: (id) => ({ input: { groupId: id, removeSkuIds: [A.t.sku.user] } }),
          foreign: () => B.group,
        },
        {
          name: "updateSubscriptionQuantity",
          token: admin,
          query: Q.updateQuantity,
          vars: (id) => ({ input: { subscriptionId: id, quantity: 50 } }),
          foreign: () => B.userSub,
        },
        { name: "cancelSubscription", token: admin, query: Q.cancel, vars: (id) => ({ id }), foreign: () => B.tenantSub },
        { name: "updateBot", token: admin, query: Q.updateBot, vars: (id) => ({ input: { id, name: "Hijacked" } }), foreign: () => B.bot },
        {
          name: "updateBot (A's bot to B's owner)",
          token: admin,
          query: Q.updateBot,
          vars: (id) => ({ input: { id: A.bot, ownerId: id } }),
          foreign: () => B.maker.id,
        },
        { name: "deleteBot", token: admin, query: Q.deleteBot, vars: (id) => ({ id }), foreign: () => B.bot },
        {
          name: "recordBotSessions (A's BotRuntime)",
          token: () => A.runtime,
          query: Q.record,
          vars: (id) => ({ input: { botId: id, count: 5 } }),
          foreign: () => B.bot,
        },
        {
          name: "recordBotSessions (A's GLOBAL_ADMIN)",
          token: admin,
          query: Q.record,
          vars: (id) => ({ input: { botId: id, count: 5 } }),
          foreign: () => B.bot,
        },
        {
          name: "previewGroupLicenseAssignment",
          token: admin,
          query: graphql(`query AccessIsolationPreviewGroupLicenseAssignment($g: ID!, $s: ID!) { previewGroupLicenseAssignment(groupId: $g, skuId: $s) { newSeatsNeeded } }`),
          vars: (id) => ({ g: id, s: A.t.sku.user }),
          foreign: () => B.group,
        },
      ];
      const before = await api.snapshot();
      const problems: string[] = [];
      for (const m of mutations) {
        const bId = m.foreign();
        const other = randomId(bId.split("_")[0]);
        const foreign = await api.exec(m.token(), m.query, m.vars(bId));
        const unknown = await api.exec(m.token(), m.query, m.vars(other));
        if (codes(foreign).join() !== "NOT_FOUND") problems.push(`${m.name}: expected NOT_FOUND, got ${short(foreign)}`);
        if (normalized(foreign, [bId]) !== normalized(unknown, [other])) {
          problems.push(`${m.name}: B's ID answers ${normalized(foreign, [bId])}, an unknown ID ${normalized(unknown, [other])}`);
        }
      }
      expect(problems).toEqual([]);
      // Every call failed, so nothing anywhere (B's rows included) changed.
      expect(await api.snapshot()).toBe(before);
    });

    it("B's runtime cannot record sessions on A's bot, and A's data is unchanged", async () => {
      const before = await api.snapshot();
      expect(await api.code(B.runtime, Q.record, { input: { botId: A.bot, count: 1 } })).toBe("NOT_FOUND");
      expect(await api.snapshot()).toBe(before);
    });
  });
});
