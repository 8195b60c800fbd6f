import { engines, TestApi } from "../../helpers/harness";
import { newTenant, Q, TenantFx } from "../../helpers/fixtures";
import { engineKit } from "../../helpers/engine";
import { asc } from "../../helpers/ids";
import { graphql } from "../../gql";
import type { AssignLicensesToUsersInput } from "../../gql/graphql";

const BULK = graphql(`mutation UsersBulkLicenses($input: AssignLicensesToUsersInput!) {
  assignLicensesToUsers(input: $input) { id effectiveLicenses { sku { partNumber } state sources { kind } } }
}`);
const EVENTS = graphql(`query UsersBulkLicensesEvents { auditEvents(first: 100, action: "ASSIGN_USER_LICENSE") { totalCount nodes { targetId targetDisplayName details } } }`);

/** K8 assignLicensesToUsers: one license change for all selected users, one transaction (S3: all or nothing). */
describe.each(engines())("users: K8 S3 assignLicensesToUsers (%s)", (_engine, url) => {
  let api: TestApi;
  beforeAll(async () => (api = await TestApi.start(url)));
  afterAll(() => api.stop());
  const { people, statesOf, userPool } = engineKit(() => api);

  const bulk = (t: TenantFx, input: AssignLicensesToUsersInput) => api.ok(t.admin, BULK, { input });
  const events = async (t: TenantFx) => (await api.ok(t.admin, EVENTS)).auditEvents;
  /** Every table but the tenant row, whose state version every write (even one that changes nothing) moves. */
  const data = (snapshot: string) => ({ ...JSON.parse(snapshot), tenant: undefined });

  it("K8 S3 gives every selected user the license; a user holding a seat through a group needs no new one; one event per user whose licenses changed", async () => {
    const t = await newTenant(api);
    await t.buy(4);
    const [a, b, viaGroup, already] = await people(t, "bulk", 4);
    const g = await t.group("G");
    await t.add(g, [viaGroup]);
    await t.assignGroup(g);
    await t.license(already);
    const before = (await events(t)).totalCount;
    // Two free seats for a and b; viaGroup holds one already; `already` has this very assignment: no change for them.
    const r = await bulk(t, { userIds: [b, already, viaGroup, a], addLicenses: [{ skuId: t.sku.user }] });
    expect(r.assignLicensesToUsers.map((u) => u.id)).toEqual([b, already, viaGroup, a]);
    expect(r.assignLicensesToUsers.find((u) => u.id === viaGroup)!.effectiveLicenses[0].sources.map((s) => s.kind)).toEqual(["DIRECT", "GROUP"]);
    expect(await statesOf(t, [a, b, viaGroup, already])).toEqual(["ACTIVE/NONE", "ACTIVE/NONE", "ACTIVE/NONE", "ACTIVE/NONE"]);
    expect(await userPool(t)).toMatchObject({ consumedUnits: 4, availableUnits: 0 });
    const e = await events(t);
    expect(e.totalCount).toBe(before + 3);
    expect(asc(e.nodes.slice(0, 3).map((n) => n.targetId!))).toEqual(asc([a, b, viaGroup]));
    for (const n of e.nodes.slice(0, 3)) {
      expect(n.targetDisplayName).toMatch(/^bulk\d@/);
      expect(JSON.parse(n.details).changes).toEqual([{ sku: "POWER_VIRTUAL_AGENTS_USER", op: "add", after: { disabledPlanIds: [] } }]);
    }
    // The same call again changes nobody and writes no event.
    const snapshot = await api.snapshot();
    await bulk(t, { userIds: [a, b, viaGroup, already], addLicenses: [{ skuId: t.sku.user }] });
    expect((await events(t)).totalCount).toBe(before + 3);
    expect(data(await api.snapshot())).toEqual(data(snapshot));
  });

  it("S3 all or nothing: when the free seats do not cover every user who needs one, SEATS_EXHAUSTED and nobody changes", async () => {
    const t = await newTenant(api);
    await t.buy(2);
    const [holder, a, b] = await people(t, "full", 3);
    await t.license(holder);
    const code = await api.failsUnchanged(t.admin, BULK, { input: { userIds: [a, b], addLicenses: [{ skuId: t.sku.user }] } });
    expect(code).toBe("SEATS_EXHAUSTED");
    // A plan change for the user already licensed is refused along with them.
    const plans = await engineKit(() => api).planIds(t);
    expect(
      await api.failsUnchanged(t.admin, BULK, { input: { userIds: [holder, a, b], addLicenses: [{ skuId: t.sku.user, disabledPlanIds: [plans.FLOW_FOR_BOTS] }] } }),
    ).toBe("SEATS_EXHAUSTED");
    expect(await statesOf(t, [holder, a, b])).toEqual(["ACTIVE/NONE", "NONE", "NONE"]);
    // With one more seat bought it goes through for both.
    await t.buy(1, 0);
    await bulk(t, { userIds: [a, b], addLicenses: [{ skuId: t.sku.user }] });
    expect(await statesOf(t, [holder, a, b])).toEqual(["ACTIVE/NONE", "ACTIVE/NONE", "ACTIVE/NONE"]);
  });

  it("S8 S5 removeSkuIds takes only the direct source; the freed seats go to the next in line at once; users without it write no event", async () => {
    const t = await newTenant(api);
    await t.buy(2);
    const [a, b, inherited, waiting, untouched] = await people(t, "rm", 5);
    await bulk(t, { userIds: [a, b], addLicenses: [{ skuId: t.sku.user }] });
    const g = await t.group("G");
    await t.add(g, [inherited, waiting]);
    await t.assignGroup(g); // no seat left: both wait, inherited first by ID
    expect(await statesOf(t, [inherited, waiting])).toEqual(["ERROR/COUNT_VIOLATION", "ERROR/COUNT_VIOLATION"]);
    const before = (await events(t)).totalCount;
    await bulk(t, { userIds: [a, untouched, b], removeSkuIds: [t.sku.user] });
    expect(await statesOf(t, [a, b, inherited, waiting, untouched])).toEqual(["NONE", "NONE", "ACTIVE/NONE", "ACTIVE/NONE", "NONE"]);
    const e = await events(t);
    expect(e.totalCount).toBe(before + 2);
    const [second, first] = e.nodes;
    expect(asc([first.targetId!, second.targetId!])).toEqual(asc([a, b]));
    // Each event carries its own user's seat; the seats S5 gave to others are told once, on the first event.
    const seats = (n: { details: string }) => JSON.parse(n.details).seatChanges.POWER_VIRTUAL_AGENTS_USER;
    expect(seats(first).revoked.userIds).toEqual([first.targetId]);
    expect(asc(seats(first).granted.userIds)).toEqual(asc([inherited, waiting]));
    expect(seats(second)).toMatchObject({ granted: { count: 0 }, revoked: { count: 1, userIds: [second.targetId] } });

    // S8: a license inherited from a group stays; removing what nobody has directly changes nobody.
    const snapshot = await api.snapshot();
    await bulk(t, { userIds: [inherited, waiting], removeSkuIds: [t.sku.user] });
    expect(data(await api.snapshot())).toEqual(data(snapshot));
  });

  it("S7 re-adding with other disabled plans updates each user's source; with the same plans it is no change", async () => {
    const t = await newTenant(api);
    await t.buy(2);
    const plans = await engineKit(() => api).planIds(t);
    const [a, b] = await people(t, "plans", 2);
    await t.license(a, [plans.FLOW_FOR_BOTS]);
    await t.license(b);
    const before = (await events(t)).totalCount;
    await bulk(t, { userIds: [a, b], addLicenses: [{ skuId: t.sku.user, disabledPlanIds: [plans.FLOW_FOR_BOTS] }] });
    const e = await events(t);
    expect(e.totalCount).toBe(before + 1);
    expect(e.nodes[0].targetId).toBe(b);
    expect(JSON.parse(e.nodes[0].details).changes).toEqual([
      { sku: "POWER_VIRTUAL_AGENTS_USER", op: "update", before: { disabledPlanIds: [] }, after: { disabledPlanIds: [plans.FLOW_FOR_BOTS] } },
    ]);
    const names = async (id: string) => (await t.effective(id)).effectiveLicenses[0].enabledPlans.map((p) => p.name).sort();
    expect(await names(b)).toEqual(["BOT_AUTHORING", "DATAVERSE_FOR_BOTS"]);
  });

  it("K8 S3 bad selections change nothing: none, duplicates, more than 5,000 (BAD_USER_INPUT), unknown or another tenant's users (NOT_FOUND)", async () => {
    const t = await newTenant(api);
    await t.buy(5);
    const other = await newTenant(api, "Other");
    const foreign = (await other.user("foreign")).id;
    const [a, b] = await people(t, "bad", 2);
    const add = [{ skuId: t.sku.user }];
    const fails = (input: AssignLicensesToUsersInput) => api.failsUnchanged(t.admin, BULK, { input });
    expect(await fails({ userIds: [], addLicenses: add })).toBe("BAD_USER_INPUT");
    expect(await fails({ userIds: [a, b, a], addLicenses: add })).toBe("BAD_USER_INPUT");
    expect(await fails({ userIds: [a, ...Array.from({ length: 5000 }, (_, i) => `usr_${i}`)], addLicenses: add })).toBe("BAD_USER_INPUT");
    expect(await fails({ userIds: [a, b], addLicenses: [] })).toBe("BAD_USER_INPUT");
    expect(await fails({ userIds: [a, "usr_missing"], addLicenses: add })).toBe("NOT_FOUND");
    expect(await fails({ userIds: [a, foreign], addLicenses: add })).toBe("NOT_FOUND");
    expect(await fails({ userIds: [a], addLicenses: [{ skuId: t.sku.tenant }] })).toBe("LICENSE_NOT_ASSIGNABLE");
    expect(await fails({ userIds: [a], addLicenses: add, removeSkuIds: [t.sku.user] })).toBe("BAD_USER_INPUT");
    const reader = await t.user("reader", ["GLOBAL_READER"]);
    expect(await api.failsUnchanged(reader.token, BULK, { input: { userIds: [a], addLicenses: add } })).toBe("FORBIDDEN");
  });

  it("K8 S3 5,000 users in one call: the statements grow only with the chunks of rows written, not with the users", async () => {
    const statements = async (n: number) => {
      const t = await newTenant(api);
      await t.buy(n);
      const ids = await t.bulkUsers(n, "many");
      const before = api.logger.queries.length;
      const r = await api.ok(t.admin, graphql(`mutation UsersBulkLicensesIds($input: AssignLicensesToUsersInput!) { assignLicensesToUsers(input: $input) { id } }`), {
        input: { userIds: ids, addLicenses: [{ skuId: t.sku.user }] },
      });
      const sent = api.logger.queries.slice(before);
      // PostgreSQL: live updates name every new audit event in NOTIFY payloads of at most 7,900 bytes (src/app/live/events.ts).
      const notifies = sent.filter((q) => /pg_notify/.test(q)).length;
      expect(notifies).toBeLessThanOrEqual(Math.ceil((n * 50) / 7900) + 1);
      const count = sent.length - notifies;
      expect(r.assignLicensesToUsers).toHaveLength(n);
      expect(await userPool(t)).toMatchObject({ consumedUnits: n, availableUnits: 0 });
      expect((await events(t)).totalCount).toBe(n);
      return count;
    };
    const small = await statements(10);
    const large = await statements(5000);
    // The new assignments (6 columns) and audit events (8 columns) go in multi-row INSERTs of up to 5,000 values.
    expect(large - small).toBeLessThanOrEqual(Math.ceil(5000 / 833) + Math.ceil(5000 / 625) - 2);
  });
});
