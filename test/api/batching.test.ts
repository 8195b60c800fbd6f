import { engines, TestApi } from "../helpers/harness";
import { newTenant, Q, TenantFx } from "../helpers/fixtures";
import { graphql } from "../gql";
import type { VariablesOf } from "@graphql-typed-document-node/core";

const PAGE = graphql(`query BatchingPage($first: Int!) { tenant { users(first: $first) { totalCount nodes {
  id canCreateBots
  effectiveLicenses { sku { id } state sources { kind group { id } via { id } } }
  licenseAssignmentStates { state assignedByGroup { id } via { id } }
  memberOf { id } transitiveMemberOf { id } bots { id }
} } } }`);

/** A tenant with `n` users spread over nested licensed groups, some direct licenses and bots. */
async function populate(api: TestApi, t: TenantFx, n: number): Promise<void> {
  await t.buy(Math.floor(n * 0.4)); // fewer seats than wanters: some users are unseated, so L3 needs their usage location
  const top = await t.group("top");
  const mid = await t.group("mid");
  const leaf = await t.group("leaf");
  await t.add(top, [], [mid]);
  await t.add(mid, [], [leaf]);
  await t.assignGroup(top);
  const ids: string[] = [];
  for (let i = 0; i < n; i++) ids.push((await t.user(`u${String(i).padStart(4, "0")}`)).id);
  await t.add(leaf, ids.filter((_, i) => i % 2 === 0));
  await t.add(mid, ids.filter((_, i) => i % 3 === 0));
  for (const id of ids.filter((_, i) => i % 7 === 0)) {
    await api.ok(t.admin, Q.assignUser, { input: { userId: id, addLicenses: [{ skuId: t.sku.user }] } }).catch(() => undefined);
  }
  const maker = ids.find((_, i) => i % 14 === 0)!;
  const makerToken = await api.token({ tid: t.tenantId, oid: maker });
  await api.ok(makerToken, Q.createBot, { input: { name: "b1" } });
}

describe.each(engines())("batching: no N+1 (%s)", (_engine, url) => {
  let api: TestApi;
  beforeAll(async () => (api = await TestApi.start(url)));
  afterAll(() => api.stop());

  it("a page of 10 and a page of 200 users with effective licenses, memberships and bots cost the same statements, users read once (L3)", async () => {
    const t = await newTenant(api);
    await populate(api, t, 200);
    const statements = async (first: number) => {
      // A first read may bring the seat allocation up to date; it reads no user's facts, so the page below reads them cold.
      await api.ok(t.admin, graphql(`query BatchingTenant { tenant { licenses { consumedUnits } } }`));
      const before = api.logger.count;
      const data = await api.ok(t.admin, PAGE, { first });
      if (process.env.DEBUG_SQL) console.log(api.logger.queries.slice(before).map((q) => q.slice(0, 150)).join("\n"));
      expect(data.tenant.users.nodes).toHaveLength(first);
      // L3 reads the usage location of users without a seat: the page's own rows answer it, users are read once.
      const userReads = api.logger.queries.slice(before).filter((q) => /FROM "app_user"/.test(q) && !/COUNT\(/.test(q));
      expect(userReads).toHaveLength(1);
      return api.logger.count - before;
    };
    const small = await statements(10);
    await api.ok(t.admin, graphql(`mutation BatchingUpdateTenantSettings { updateTenantSettings(input: { allowAdHocSubscriptions: true }) { id } }`)); // a write: every cache is stale
    const large = await statements(200);
    expect(large).toBe(small);
    expect(large).toBeLessThanOrEqual(6);
    // Until the tenant's next write, group rows are kept with its state: the next page names the same groups.
    const before = api.logger.count;
    await api.ok(t.admin, PAGE, { first: 200 });
    expect(api.logger.queries.slice(before).filter((q) => /FROM "security_group"/.test(q))).toHaveLength(0);
    // eslint-disable-next-line no-console
    console.log(`statements for a page of 200 users: ${large}`);
  });
});

describe.each(engines())("batching: a group license change costs the same statements at any size (%s)", (_engine, url) => {
  let api: TestApi;
  beforeAll(async () => (api = await TestApi.start(url)));
  afterAll(() => api.stop());

  const CHANGE = graphql(`mutation BatchingChangeGroupLicense($input: AssignGroupLicensesInput!) { assignGroupLicenses(input: $input) { id } }`);

  /** Statements of assigning, then removing, the user SKU on a new group of `n` members in a balanced tenant. */
  async function statements(n: number): Promise<{ assign: string[]; remove: string[] }> {
    const t = await newTenant(api);
    await t.buy(n + 10); // free seats nobody waits for: the common steady state
    const g = await t.group("division");
    await t.add(g, await t.bulkUsers(n, "m"));
    const run = async (input: VariablesOf<typeof CHANGE>["input"]) => {
      const before = api.logger.count;
      await api.ok(t.admin, CHANGE, { input });
      return api.logger.queries.slice(before);
    };
    const assign = await run({ groupId: g, addLicenses: [{ skuId: t.sku.user }] });
    const remove = await run({ groupId: g, removeSkuIds: [t.sku.user] });
    return { assign, remove };
  }

  it("S1, S4, P6: no pool moved, so the change rebalances once and never reads the queue to find nobody waiting", async () => {
    const small = await statements(5);
    const large = await statements(300);
    expect(large.assign.length).toBe(small.assign.length);
    expect(large.remove.length).toBe(small.remove.length);
    for (const qs of [large.assign, large.remove]) {
      // One count of the holders, after the change: the pool did not move since the last write, so nothing to catch up.
      expect(qs.filter((q) => /COUNT\(/.test(q) && /license_want/.test(q))).toHaveLength(1);
    }
    // S1: a license added to a group reaches everyone in it; the new wants need no look at other sources.
    const insert = large.assign.find((q) => /INSERT INTO license_want/.test(q))!;
    expect(insert).not.toMatch(/user_license_assignment/);
    // After the removal seats are free and nobody waits: the queue's head is not searched.
    expect(large.remove.filter((q) => /SELECT q\.user_id/.test(q))).toHaveLength(0);
    // The ended wants are deleted in the statement that finds them.
    expect(large.remove.filter((q) => /license_want/.test(q) && /^\s*DELETE/.test(q))).toHaveLength(1);
    expect(large.remove.filter((q) => /SELECT w\.user_id/.test(q))).toHaveLength(0);
  });
});
