import { connect, Socket } from "node:net";
import { DataSource } from "typeorm";
import { createDataSource } from "../../src/data/datasource";
import { GroupUserMember } from "../../src/data/entities";
import { Q } from "../helpers/fixtures";
import { buildServer, insertUsers, ServerProcess, tokenFor } from "../helpers/instances";
import { processEngines, ProcessDatabase } from "../helpers/process-db";
import { graphql } from "../gql";

/**
 * O2: SIGTERM a real server process in the middle of a 5,000-member addGroupMembers. The call finishes and
 * commits, /ready answers 503 meanwhile, no new connection is taken, the process exits 0, and a restart finds
 * everything that was acknowledged.
 */
const N = 5000;


/**
 * An HTTP/1.1 request of which `first` is sent now and `rest` later: a connection (and, once its head is complete,
 * a request in flight) opened before the listener closes. Resolves with the raw response once the server closes it.
 */
function halfSent(port: number, first: string, rest: string): Promise<{ finish(): Promise<string> }> {
  return new Promise((resolve, reject) => {
    let text = "";
    const socket: Socket = connect(port, "127.0.0.1");
    const done = new Promise<string>((res) => socket.on("close", () => res(text)));
    socket.on("data", (b) => (text += b.toString()));
    socket.once("error", reject);
    socket.on("connect", () => {
      socket.write(first);
      resolve({ finish: () => (socket.write(rest), done) });
    });
  });
}

describe.each(processEngines())("graceful drain: SIGTERM during a 5,000-member addGroupMembers (%s)", (engine, base) => {
  let db: ProcessDatabase;
  let ds: DataSource | undefined;
  let server: ServerProcess | undefined;

  beforeAll(async () => {
    await buildServer();
    db = await ProcessDatabase.create(engine, base, "drain");
  }, 120_000);

  afterAll(async () => {
    await server?.kill();
    if (ds?.isInitialized) await ds.destroy();
    await db?.cleanup();
  });

  it("O2 the call in flight finishes and commits, /ready is 503 meanwhile, no new connections, exit 0, a restart finds it", async () => {
    server = await ServerProcess.start(db.url);
    const op = await tokenFor({ roles: ["PlatformOperator"] });
    const created = await server.ok(op, Q.createTenant, { input: { displayName: "Drain", adminUserPrincipalName: "admin@drain.example", adminDisplayName: "Admin" } });
    const tenantId: string = created.createTenant.tenant.id;
    const admin = await tokenFor({ tid: tenantId, oid: created.createTenant.admin.id });
    const skus = (await server.ok(admin, graphql(`query DrainSkus { skus { id partNumber } }`))).skus;
    const sku = (p: string) => skus.find((s) => s.partNumber === p)!.id;
    await server.ok(admin, Q.purchase, { input: { channel: "ADMIN_CENTER", items: [{ skuId: sku("POWER_VIRTUAL_AGENTS"), quantity: 1 }, { skuId: sku("POWER_VIRTUAL_AGENTS_USER"), quantity: 100 }] } });
    const big = (await server.ok(admin, Q.createGroup, { input: { displayName: "Everyone" } })).createSecurityGroup.id as string;
    await server.ok(admin, Q.assignGroup, { input: { groupId: big, addLicenses: [{ skuId: sku("POWER_VIRTUAL_AGENTS_USER") }] } });
    ds = createDataSource({ url: db.url });
    await ds.initialize();
    const users = await insertUsers(ds, tenantId, N, "drain");

    // Opened before SIGTERM: a /ready whose head is not finished, and a GraphQL request whose body is half sent.
    const ready = await halfSent(server.port, "GET /ready HTTP/1.1\r\nHost: 127.0.0.1\r\n", "Connection: close\r\n\r\n");
    const body = JSON.stringify({ query: "{ me { id } }" });
    const slow = await halfSent(
      server.port,
      `POST /graphql HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nContent-Type: application/json\r\nAuthorization: Bearer ${admin}\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body.slice(0, 10)}`,
      body.slice(10),
    );
    let answered: { data?: any; errors?: unknown } | undefined;
    const call = server.gql(admin, Q.addMembers, { input: { groupId: big, userIds: users } }).then((r) => (answered = r));
    let inFlight = false;
    const deadline = Date.now() + 60_000;
    while (!inFlight && !answered && Date.now() < deadline) {
      inFlight = await db.writerInFlight();
      if (!inFlight) await new Promise((r) => setImmediate(r));
    }
    await db.endProbe();
    expect(inFlight).toBe(true); // SIGTERM lands while the call is writing
    server.child.kill("SIGTERM");
    const deadline2 = Date.now() + 10_000;
    while (!/"msg":"draining"/.test(server.log) && Date.now() < deadline2) await new Promise((r) => setTimeout(r, 5));
    // PostgreSQL: the signal is handled while the call waits on the database (2 in flight with the slow upload).
    // SQLite's driver is synchronous and the transaction's steps chain as microtasks: the process handles the
    // signal (sent mid-write) right after the call's answer, with the slow upload still in flight.
    expect(server.log).toMatch(engine === "postgres" ? /"requestsInFlight":2,[^}]*"msg":"draining"/ : /"requestsInFlight":[12],[^}]*"msg":"draining"/);
    const readyText = await ready.finish();
    expect(readyText).toMatch(/^HTTP\/1\.1 503/);
    expect(readyText).toMatch(/"draining":true/);
    const fresh = await fetch(`http://127.0.0.1:${server.port}/health`).then(() => "accepted", () => "refused");
    expect(fresh).toBe("refused");

    await call;
    expect(answered?.errors).toBeUndefined();
    expect(answered?.data.addGroupMembers.id).toBe(big);
    // The request that was half sent at SIGTERM is answered in full too.
    const slowText = await slow.finish();
    expect(slowText).toMatch(/^HTTP\/1\.1 200/);
    expect(slowText).toContain(`"me":{"id":"${created.createTenant.admin.id}"}`);
    const exit = await server.kill("SIGTERM");
    expect(exit).toEqual({ code: 0, signal: null });
    expect(server.log).toMatch(/"drained":true/);

    server = await ServerProcess.start(db.url);
    expect(await ds.manager.count(GroupUserMember, { where: { tenantId, groupId: big } })).toBe(N);
    expect((await server.ok(admin, Q.audit, { action: "ADD_GROUP_MEMBERS", targetId: big })).auditEvents.totalCount).toBe(1);
  }, 120_000);
});
