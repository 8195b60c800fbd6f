import { Client } from "pg";
import { Q, newTenant } from "../helpers/fixtures";
import { TestApi } from "../helpers/harness";
import { buildServer, createDatabase, ServerProcess, tokenFor } from "../helpers/instances";
import { LIVE, LiveClient } from "../helpers/live";
import { liveHub } from "../../src/app/live/hub";
import { liveChannel } from "../../src/data/live-listener";
import { NOTIFY_LIMIT } from "../../src/app/live/events";

const PG = process.env.TEST_DATABASE_URL;
const suite = PG ? describe : describe.skip;
const note = PG ? "" : " (skipped: set TEST_DATABASE_URL=postgres://… to run)";

suite(`E3 across instances: two server processes on one PostgreSQL database${note}`, () => {
  let drop: () => Promise<void> = async () => {};
  let a: ServerProcess | undefined;
  let b: ServerProcess | undefined;

  beforeAll(async () => {
    await buildServer();
    const db = await createDatabase(PG!, "lg_live");
    drop = db.drop;
    a = await ServerProcess.start(db.url);
    b = await ServerProcess.start(db.url);
  }, 120_000);

  afterAll(async () => {
    await a?.stop();
    await b?.stop();
    await drop();
  });

  test("E3: a write on one instance reaches a subscriber on the other (LISTEN/NOTIFY); shutdown closes the sockets", async () => {
    const op = await tokenFor({ roles: ["PlatformOperator"] });
    const created = await a!.ok(op, Q.createTenant, { input: { displayName: "Live", adminUserPrincipalName: "admin@live.example", adminDisplayName: "Admin" } });
    const tenantId = created.createTenant.tenant.id;
    const adminId = created.createTenant.admin.id;
    const admin = await tokenFor({ tid: tenantId, oid: adminId });
    const c = await LiveClient.open(b!.base, admin);
    const me = c.subscribe(LIVE.me);
    const audit = c.subscribe(LIVE.audit);
    // The protocol does not acknowledge a subscribe: write on A until B's subscriber has seen one (bounded).
    let seen: any;
    for (let i = 0; i < 5 && !seen; i++) {
      await a!.ok(admin, Q.updateUser, { input: { id: adminId, displayName: `warm-up ${i}` } });
      seen = await me.results.next(3000).catch(() => undefined);
    }
    expect(seen?.data.myLicenseChanged.displayName).toMatch(/^warm-up/);
    while (me.results.items.length) me.results.items.shift();
    while (audit.results.items.length) audit.results.items.shift();
    await audit.results.next(3000).catch(() => undefined);

    await a!.ok(admin, Q.updateUser, { input: { id: adminId, displayName: "written on A" } });
    expect((await me.results.next()).data.myLicenseChanged).toMatchObject({ id: adminId, displayName: "written on A" });
    const ev = (await audit.results.next()).data.auditEventAdded;
    expect(ev).toMatchObject({ action: "UPDATE_USER", targetId: adminId });

    await b!.stop();
    expect((await c.closed).code).toBe(1001);
  });
});

suite(`E3 the LISTEN connection and large writes (PostgreSQL)${note}`, () => {
  let api: TestApi;
  let base: string;
  const clients: LiveClient[] = [];
  beforeAll(async () => {
    api = await TestApi.start(PG!);
    base = await api.listen();
  });
  afterAll(async () => {
    for (const c of clients) await c.close().catch(() => undefined);
    await api.stop();
  });
  const hub = () => liveHub(api.app);

  async function terminateListener(): Promise<number> {
    const pid = hub().listenerPid!;
    expect(pid).toBeGreaterThan(0);
    const admin = new Client({ connectionString: PG });
    await admin.connect();
    const r = await admin.query("SELECT pg_terminate_backend($1) AS ok", [pid]);
    await admin.end();
    expect(r.rows[0].ok).toBe(true);
    return pid;
  }

  test("E3: after the LISTEN connection is cut (pg_terminate_backend) it reconnects, every subscriber gets one current-state event, and delivery resumes", async () => {
    const t = await newTenant(api);
    await t.buy(2);
    const u = await t.user("watcher");
    const c = await LiveClient.open(base, u.token);
    clients.push(c);
    const me = c.subscribe(LIVE.me);
    const pools = c.subscribe(LIVE.pools);
    await hub().when(() => hub().count(t.tenantId) === 1);
    const refreshes = hub().stats.refreshes;

    const first = await terminateListener();
    const refresh = await me.results.next();
    expect(refresh.data.myLicenseChanged).toMatchObject({ id: u.id, canCreateBots: false });
    expect(hub().stats.refreshes).toBe(refreshes + 1);
    expect(hub().listenerPid).not.toBe(first);
    // The user has no reader role: the pools subscription was refused, and nothing else came.
    const denied = (await pools.ended).errors ?? (await pools.results.next()).errors;
    expect(denied?.[0]?.extensions?.code).toBe("FORBIDDEN");

    await t.license(u.id);
    expect((await me.results.next()).data.myLicenseChanged.canCreateBots).toBe(true);

    // A write while the connection is down: its NOTIFY may be lost, the refresh still brings the state,
    // and the audit events missed meanwhile, each once.
    const ac = await LiveClient.open(base, t.admin);
    clients.push(ac);
    const audit = ac.subscribe(LIVE.audit);
    await hub().when(() => hub().count(t.tenantId, "auditEventAdded") === 1);
    await terminateListener();
    await api.ok(t.admin, Q.updateUser, { input: { id: u.id, displayName: "during the outage" } });
    let ev = await me.results.next();
    while (ev.data.myLicenseChanged.displayName !== "during the outage") ev = await me.results.next();
    expect((await audit.results.next()).data.auditEventAdded).toMatchObject({ action: "UPDATE_USER", targetId: u.id });
    await hub().when(() => hub().stats.refreshes === refreshes + 2);
    await api.ok(t.admin, Q.updateUser, { input: { id: t.adminId, displayName: "after" } });
    expect((await audit.results.next()).data.auditEventAdded).toMatchObject({ action: "UPDATE_USER", targetId: t.adminId });
    expect(audit.results.items).toEqual([]);
  });

  test("E3: a write whose IDs pass NOTIFY's 8,000 bytes travels as a reference and reaches exactly the users it changed", async () => {
    const t = await newTenant(api);
    await t.buy(400);
    const ids = await t.bulkUsers(300, "big-");
    const outsider = await t.user("outsider");
    const g = await t.group("three hundred");
    await t.add(g, ids);
    const inside = await LiveClient.open(base, await api.token({ tid: t.tenantId, oid: ids[7] }));
    const outside = await LiveClient.open(base, outsider.token);
    clients.push(inside, outside);
    const mi = inside.subscribe(LIVE.me);
    const mo = outside.subscribe(LIVE.me);
    await hub().when(() => hub().count(t.tenantId) === 2);

    const listen = new Client({ connectionString: PG });
    await listen.connect();
    const payloads: string[] = [];
    listen.on("notification", (m) => payloads.push(m.payload ?? ""));
    await listen.query(`LISTEN "${liveChannel(api.ds)}"`);
    await t.assignGroup(g);
    expect((await mi.results.next()).data.myLicenseChanged).toMatchObject({ id: ids[7], canCreateBots: true });
    await api.ok(t.admin, Q.updateUser, { input: { id: outsider.id, displayName: "marker" } });
    expect((await mo.results.next()).data.myLicenseChanged.displayName).toBe("marker");
    await listen.end();
    const mine = payloads.map((p) => JSON.parse(p)).filter((p) => p.t === t.tenantId);
    expect(mine[0]).toMatchObject({ x: 1 });
    expect(mine[0].u).toBeUndefined();
    expect(payloads.every((p) => Buffer.byteLength(p) <= NOTIFY_LIMIT)).toBe(true);
  });
});
