import { engines, TestApi } from "../../helpers/harness";
import { newTenant, Q } from "../../helpers/fixtures";
import { userSubscriptionOf } from "../../helpers/engine";
import { graphql } from "../../gql";

const EVENTS = graphql(`query AuditTargetNames($targetId: ID) {
  auditEvents(first: 100, targetId: $targetId) { nodes { id action targetId targetDisplayName } }
}`);
const IN_RANGE = graphql(`query AuditDateRange($from: DateTime, $to: DateTime, $action: String) {
  auditEvents(first: 100, from: $from, to: $to, action: $action) { totalCount nodes { action targetDisplayName at } }
}`);
const RENAME_GROUP = graphql(`mutation AuditTargetNameRenameGroup($input: UpdateSecurityGroupInput!) { updateSecurityGroup(input: $input) { id } }`);

/** K8: audit targets by name, the name they had when the event was written. */
describe.each(engines())("audit: K8 targetDisplayName (%s)", (_engine, url) => {
  let api: TestApi;
  beforeAll(async () => (api = await TestApi.start(url)));
  afterAll(() => api.stop());

  it("K8 a group's events keep the name it had then: after a rename the older events still show the old name", async () => {
    const t = await newTenant(api);
    const g = await t.group("Old name");
    await api.ok(t.admin, RENAME_GROUP, { input: { id: g, displayName: "New name" } });
    await t.buy(1);
    await t.assignGroup(g);
    const events = (await api.ok(t.admin, EVENTS, { targetId: g })).auditEvents.nodes;
    expect(events.map((e) => [e.action, e.targetDisplayName])).toEqual([
      ["ASSIGN_GROUP_LICENSE", "New name"],
      ["UPDATE_GROUP", "New name"],
      ["CREATE_GROUP", "Old name"],
    ]);
  });

  it("K8 a user's events show the UPN, a subscription's its SKU's display name, an order the SKUs it bought", async () => {
    const t = await newTenant(api);
    const u = await t.user("named@fabrikam-audit.example");
    const order = await t.buy(2);
    await t.license(u.id);
    const forUser = (await api.ok(t.admin, EVENTS, { targetId: u.id })).auditEvents.nodes;
    expect(forUser.map((e) => [e.action, e.targetDisplayName])).toEqual([
      ["ASSIGN_USER_LICENSE", "named@fabrikam-audit.example"],
      ["CREATE_USER", "named@fabrikam-audit.example"],
    ]);
    const sub = userSubscriptionOf(order);
    await api.ok(t.admin, Q.updateQuantity, { input: { subscriptionId: sub, quantity: 3 } });
    expect((await api.ok(t.admin, EVENTS, { targetId: sub })).auditEvents.nodes[0].targetDisplayName).toBe("Power Virtual Agent User License");
    expect((await api.ok(t.admin, EVENTS, { targetId: order.orderId })).auditEvents.nodes[0].targetDisplayName).toBe(
      "Power Virtual Agent, Power Virtual Agent User License",
    );
  });

  it("K8 events written before the column's migration have no name (null); the migration keeps them", async () => {
    const t = await newTenant(api);
    const g = await t.group("Before the migration");
    const migrated = async () => ((await api.ds.query(`SELECT name FROM migrations`)) as { name: string }[]).map((r) => r.name);
    while ((await migrated()).includes("AuditTargetName1764374400300")) await api.ds.undoLastMigration();
    await api.ds.query(
      `INSERT INTO audit_event (id, tenant_id, action, actor_id, target_id, details, at) VALUES ('evt_00000000-0000-7000-8000-000000000000', '${t.tenantId}', 'UPDATE_GROUP', NULL, '${g}', '{}', 1)`,
    );
    await api.ds.runMigrations();
    await api.ok(t.admin, RENAME_GROUP, { input: { id: g, displayName: "After the migration" } });
    const events = (await api.ok(t.admin, EVENTS, { targetId: g })).auditEvents.nodes;
    // The rollback took the column and its names with it: every event from before has none.
    expect(events.map((e) => [e.action, e.targetDisplayName])).toEqual([
      ["UPDATE_GROUP", "After the migration"],
      ["CREATE_GROUP", null],
      ["UPDATE_GROUP", null],
    ]);
  });

  it("K8 auditEvents(from, to) keeps events at or after from and before to, with the other filters; from after to is BAD_USER_INPUT", async () => {
    const t = await newTenant(api);
    api.clock.set("2026-04-01T10:00:00.000Z");
    await t.group("April");
    api.clock.set("2026-04-02T00:00:00.000Z");
    await t.group("Second of April");
    api.clock.set("2026-04-03T08:00:00.000Z");
    await t.group("Third of April");
    const names = async (from: string | null, to: string | null) =>
      (await api.ok(t.admin, IN_RANGE, { from, to, action: "CREATE_GROUP" })).auditEvents.nodes.map((e) => e.targetDisplayName);
    expect(await names("2026-04-02T00:00:00.000Z", "2026-04-03T00:00:00.000Z")).toEqual(["Second of April"]);
    expect(await names("2026-04-01T00:00:00.000Z", "2026-04-02T00:00:00.000Z")).toEqual(["April"]);
    expect(await names("2026-04-02T00:00:00.000Z", null)).toEqual(["Third of April", "Second of April"]);
    expect(await names(null, "2026-04-02T00:00:00.001Z")).toEqual(["Second of April", "April"]);
    expect((await api.ok(t.admin, IN_RANGE, { from: "2026-04-01T00:00:00.000Z", to: "2026-04-04T00:00:00.000Z" })).auditEvents.totalCount).toBe(3);
    expect(await api.code(t.admin, IN_RANGE, { from: "2026-04-03T00:00:00.000Z", to: "2026-04-02T00:00:00.000Z" })).toBe("BAD_USER_INPUT");
    expect(await api.code(t.admin, IN_RANGE, { from: "yesterday" })).toBe("BAD_USER_INPUT");
  });
});
