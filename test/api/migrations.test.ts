import { engines, TestApi } from "../helpers/harness";

describe.each(engines())("migrations (%s)", (_engine, url) => {
  let api: TestApi;
  beforeAll(async () => (api = await TestApi.start(url)));
  afterAll(() => api.stop());

  it("create from zero exactly the schema the entities describe (no pending schema diff)", async () => {
    const pending = await api.ds.driver.createSchemaBuilder().log();
    expect(pending.upQueries.map((q) => q.query)).toEqual([]);
  });

  it("index every reference column (alone, or after tenant_id) and the hot filters", () => {
    // Catalog link tables are a handful of seeded rows; the audit actor is shown, never searched by.
    const exempt = new Set(["sku_service_plan.plan_id", "sku_requirement.required_sku_id", "audit_event.actor_id"]);
    const missing: string[] = [];
    for (const m of api.ds.entityMetadatas) {
      const leads = [
        m.primaryColumns.map((c) => c.databaseName),
        ...m.indices.map((i) => i.columns.map((c) => c.databaseName)),
      ];
      for (const c of m.columns) {
        const col = c.databaseName;
        if (col === "id" || !col.endsWith("_id") || exempt.has(`${m.tableName}.${col}`)) continue;
        const covered = leads.some((cols) => cols[0] === col || (cols[0] === "tenant_id" && cols[1] === col));
        if (!covered) missing.push(`${m.tableName}.${col}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it("seed the catalog of DESIGN §2 as data", async () => {
    const skus = api.app.catalog.skus.map((s) => [s.partNumber, s.kind, s.billedSessionsPerUnit, s.isTrial, s.trialDays]);
    expect(skus).toEqual([
      ["POWER_VIRTUAL_AGENTS", "TENANT", 2000, false, null],
      ["POWER_VIRTUAL_AGENTS_TRIAL", "USER", 0, true, 30],
      ["POWER_VIRTUAL_AGENTS_USER", "USER", 0, false, null],
    ]);
    const user = api.app.catalog.skuByPartNumber("POWER_VIRTUAL_AGENTS_USER")!;
    expect(api.app.catalog.plans(user.id).map((p) => p.name).sort()).toEqual(["BOT_AUTHORING", "DATAVERSE_FOR_BOTS", "FLOW_FOR_BOTS"]);
    expect(api.app.catalog.requires(user.id)).toEqual([api.app.catalog.skuByPartNumber("POWER_VIRTUAL_AGENTS")!.id]);
  });
});
