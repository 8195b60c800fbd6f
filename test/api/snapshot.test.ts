import { engines, TestApi } from "../helpers/harness";
import { newTenant } from "../helpers/fixtures";
import { graphql } from "../gql";

/**
 * The unchanged-state snapshot behind every "a failed mutation changes nothing" check (DESIGN §7)
 * must see every table: a table it missed would let a half-done write pass those tests.
 */
describe.each(engines())("the unchanged-state snapshot (%s)", (_engine, url) => {
  let api: TestApi;
  beforeAll(async () => (api = await TestApi.start(url)));
  afterAll(() => api.stop());

  it("§7 covers the table of every entity", async () => {
    const tables = await api.snapshotTables();
    const entityTables = api.ds.entityMetadatas.map((m) => m.tableName);
    expect(entityTables.length).toBeGreaterThan(0);
    expect(entityTables.filter((t) => !tables.includes(t))).toEqual([]);
    expect(Object.keys(JSON.parse(await api.snapshot())).sort()).toEqual(tables);
  });

  it("§7 leaves out only TypeORM's migration bookkeeping", async () => {
    const entityTables = api.ds.entityMetadatas.map((m) => m.tableName);
    const extra = (await api.snapshotTables()).filter((t) => !entityTables.includes(t));
    expect(extra).toEqual([]);
  });

  it("§7 S9 a started trial (table user_trial) changes the snapshot, which used to miss it", async () => {
    const t = await newTenant(api);
    const u = await t.user("trialist");
    const before = await api.snapshot();
    await api.ok(u.token, graphql(`mutation SnapshotStartTrial($skuId: ID!) { startTrial(input: { skuId: $skuId }) { state } }`), { skuId: t.sku.trial });
    const was = JSON.parse(before) as Record<string, string[]>;
    const now = JSON.parse(await api.snapshot()) as Record<string, string[]>;
    expect(now.user_trial.length).toBe(was.user_trial.length + 1);
  });
});
