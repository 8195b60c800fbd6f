import { DataSource } from "typeorm";
import { createDataSource } from "../../../src/data/datasource";
import { Q } from "../../helpers/fixtures";
import { buildServer, ServerProcess, tokenFor } from "../../helpers/instances";
import { processEngines, ProcessDatabase } from "../../helpers/process-db";
import { graphql } from "../../gql";

const ME = graphql(`query OptimizationDrainMe { me { id lastActivityAt } }`);

/** V3 O2: the activity a server process gathered in memory is written at drain, after the last request. */
describe.each(processEngines())("V3 activity is flushed at drain (%s)", (engine, base) => {
  let db: ProcessDatabase;
  let ds: DataSource | undefined;
  let server: ServerProcess | undefined;

  beforeAll(async () => {
    await buildServer();
    db = await ProcessDatabase.create(engine, base, "activity");
  }, 120_000);

  afterAll(async () => {
    await server?.kill();
    if (ds?.isInitialized) await ds.destroy();
    await db?.cleanup();
  });

  it("V3 a request's activity, held in memory, is in the database after SIGTERM's drain (exit 0)", async () => {
    server = await ServerProcess.start(db.url);
    const op = await tokenFor({ roles: ["PlatformOperator"] });
    const created = await server.ok(op, Q.createTenant, { input: { displayName: "Activity", adminUserPrincipalName: "admin@activity.example", adminDisplayName: "Admin" } });
    const adminId: string = created.createTenant.admin.id;
    const admin = await tokenFor({ tid: created.createTenant.tenant.id, oid: adminId });
    const seen = (await server.ok(admin, ME)).me.lastActivityAt;
    expect(seen).not.toBeNull();
    expect(await server.kill("SIGTERM")).toEqual({ code: 0, signal: null });
    ds = createDataSource({ url: db.url });
    await ds.initialize();
    const rows: { at: string | number | null }[] = await ds.query(`SELECT last_activity_at AS at FROM app_user WHERE id = '${adminId}'`);
    expect(rows[0].at).not.toBeNull();
    // Kept to the minute.
    expect(new Date(Number(rows[0].at)).toISOString()).toBe(new Date(Math.floor(Date.parse(seen!) / 60_000) * 60_000).toISOString());
  }, 120_000);
});
