import { DataSource } from "typeorm";
import { createDataSource } from "../../src/data/datasource";
import { Q } from "../helpers/fixtures";
import { buildServer, createDatabase, freePort, ServerProcess, tokenFor } from "../helpers/instances";
import { Receiver } from "./receiver";

/**
 * MG6 across real server processes (`node dist/src/main.js`) on one PostgreSQL database: every instance runs the
 * delivery worker, and `FOR UPDATE SKIP LOCKED` on the subscription keeps them from delivering the same changes
 * twice or out of order; an instance killed mid-delivery loses nothing (its lock goes with its connection).
 */
const PG = process.env.TEST_DATABASE_URL;
const suite = PG ? describe : describe.skip;
const title = PG ? "MG6: change notifications from two server processes (postgres)" : "MG6: two server processes (skipped: set TEST_DATABASE_URL=postgres://… to run)";

/** Fast polling, so the other instance looks for work at once; a long timeout, so a held POST outlives the kill. */
const ENV = { WEBHOOK_POLL_MS: "20", WEBHOOK_TIMEOUT_MS: "20000" };

suite(title, () => {
  let drop: () => Promise<void> = async () => {};
  let url: string;
  const procs: ServerProcess[] = [];
  let ds: DataSource;
  let admin: string;
  const receivers: Receiver[] = [];
  const metricsPorts = new Map<ServerProcess, number>();
  /** A server process with its own metrics port (O1), to see which instance delivered what. */
  const start = async () => {
    const port = await freePort();
    const p = await ServerProcess.start(url, { ...ENV, METRICS_PORT: String(port) });
    metricsPorts.set(p, port);
    return p;
  };
  const delivered = async (p: ServerProcess) => {
    const text = await (await fetch(`http://127.0.0.1:${metricsPorts.get(p)}/metrics`)).text();
    return Number(/license_graph_webhook_deliveries_total\{outcome="delivered"\} (\d+)/.exec(text)?.[1] ?? 0);
  };

  beforeAll(async () => {
    await buildServer();
    const db = await createDatabase(PG!, "lg_mg6");
    url = db.url;
    drop = db.drop;
    ds = createDataSource({ url });
    procs.push(await start());
    await ds.initialize();
    const op = await tokenFor({ roles: ["PlatformOperator"] });
    const created = await procs[0].ok(op, Q.createTenant, { input: { displayName: "Webhooks", adminUserPrincipalName: "admin@hooks.example", adminDisplayName: "Admin" } });
    admin = await tokenFor({ tid: created.createTenant.tenant.id, oid: created.createTenant.admin.id });
  }, 180_000);

  afterAll(async () => {
    for (const p of procs) await p.kill();
    for (const r of receivers) await r.down();
    await ds?.destroy();
    await drop();
  });

  const subscribe = async (p: ServerProcess, r: Receiver) => {
    const res = await fetch(`${p.base}/v1.0/subscriptions`, {
      method: "POST",
      headers: { authorization: `Bearer ${admin}`, "content-type": "application/json" },
      body: JSON.stringify({ changeType: "created", notificationUrl: r.url, resource: "users", expirationDateTime: new Date(Date.now() + 86_400_000).toISOString() }),
    });
    expect(res.status).toBe(201);
    return ((await res.json()) as { id: string }).id;
  };
  const createUser = (p: ServerProcess, upn: string) => p.ok(admin, Q.createUser, { input: { userPrincipalName: upn, displayName: upn } }).then((u) => u.createUser.id);
  const outboxEmpty = async () => {
    for (let i = 0; i < 1000; i++) {
      if (Number((await ds.query("SELECT COUNT(*) AS n FROM change_outbox"))[0].n) === 0) return;
      await new Promise((r) => setImmediate(r));
    }
    throw new Error("the outbox never emptied");
  };

  it("MG6: an instance killed mid-delivery loses nothing: the other takes the subscription over once the lock goes with the connection", async () => {
    const r = await Receiver.start();
    receivers.push(r);
    const sub = await subscribe(procs[0], r);
    r.mode = "hang";
    const id = await createUser(procs[0], "held@hooks.example");
    // The only instance holds the POST open; a second instance starts, then the first is killed mid-delivery.
    await r.postsArrived(1);
    procs.push(await start());
    r.mode = "ok";
    await procs.shift()!.kill("SIGKILL");
    await r.received(1);
    expect(r.notifications.map((n) => n.resourceData.id)).toEqual([id.slice(4)]);
    await outboxEmpty();
    const gone = await fetch(`${procs[0].base}/v1.0/subscriptions/${sub}`, { method: "DELETE", headers: { authorization: `Bearer ${admin}` } });
    expect(gone.status).toBe(204);
    // The replacement instance, so that two deliver in the next test.
    procs.unshift(await start());
  }, 120_000);

  it("MG6: two instances deliver 40 changes to 3 subscriptions without doubling any, each subscription in commit order; both deliver", async () => {
    const before = await Promise.all(procs.map(delivered));
    const rs = [await Receiver.start(), await Receiver.start(), await Receiver.start()];
    receivers.push(...rs);
    for (const [i, r] of rs.entries()) {
      r.delayMs = 5;
      await subscribe(procs[i % 2], r);
    }
    const made: string[] = [];
    for (let i = 0; i < 40; i++) made.push(await createUser(procs[i % 2], `u${i}@hooks.example`));
    for (const r of rs) await r.received(40);
    await outboxEmpty();
    for (const r of rs) {
      while (r.inFlight) await new Promise((res) => setImmediate(res));
      expect(r.notifications.map((n) => n.resourceData.id)).toEqual(made.map((id) => id.slice(4)));
    }
    // Each write's changes to each subscription were delivered once in all (a doubled delivery would count twice).
    const after = await Promise.all(procs.map(delivered));
    const byInstance = after.map((n, i) => n - before[i]);
    expect(byInstance[0] + byInstance[1]).toBe(120);
    expect(byInstance.every((n) => n > 0)).toBe(true);
  }, 120_000);
});
