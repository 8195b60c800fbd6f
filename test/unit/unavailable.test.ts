import { createServer } from "node:net";
import { Client } from "pg";
import { QueryFailedError } from "typeorm";
import { isConnectionFailure, OutcomeUnknown, UnavailableWait } from "../../src/data/unavailable";
import { AppError, ErrorCode, badInput } from "../../src/domain/errors";
import { fromAppError } from "../../src/api/scim/errors";
import { httpFor } from "../../src/api/graphql/http-status";

const pgError = (code: string, message: string) => Object.assign(new Error(message), { code, severity: "FATAL" });
const wrapped = (e: Error) => new QueryFailedError("SELECT 1", [], e);

describe("H5 which failures mean the database is unreachable", () => {
  test.each([
    ["57P01 admin_shutdown", pgError("57P01", "terminating connection due to administrator command")],
    ["57P02 crash_shutdown", pgError("57P02", "terminating connection because of crash of another server process")],
    ["57P03 cannot_connect_now", pgError("57P03", "the database system is starting up")],
    ["08000 connection_exception", pgError("08000", "connection exception")],
    ["08001 unable to establish", pgError("08001", "could not connect to server")],
    ["08003 connection_does_not_exist", pgError("08003", "connection does not exist")],
    ["08006 connection_failure", pgError("08006", "connection failure")],
    ["ECONNREFUSED", Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED", errno: -111 })],
    ["ECONNRESET", Object.assign(new Error("read ECONNRESET"), { code: "ECONNRESET" })],
    ["each address refused (AggregateError)", new AggregateError([Object.assign(new Error("connect ECONNREFUSED ::1:5432"), { code: "ECONNREFUSED" })])],
    ["a connection that ended", new Error("Connection terminated unexpectedly")],
    ["a connection that never came", new Error("Connection terminated due to connection timeout")],
    ["the pool timed out", new Error("timeout exceeded when trying to connect")],
    ["a client that already failed", new Error("Client has encountered a connection error and is not queryable")],
    ["57P01 inside TypeORM's QueryFailedError", wrapped(pgError("57P01", "terminating connection due to administrator command"))],
    ["a lost connection inside QueryFailedError", wrapped(new Error("Connection terminated unexpectedly"))],
  ])("H5 %s: unreachable", (_name, e) => {
    expect(isConnectionFailure(e)).toBe(true);
  });

  test.each([
    ["SQLITE_BUSY (lock contention, waited out by the busy timeout)", Object.assign(new Error("database is locked"), { code: "SQLITE_BUSY" })],
    ["SQLITE_BUSY inside QueryFailedError", wrapped(Object.assign(new Error("database is locked"), { code: "SQLITE_BUSY" }))],
    ["40001 serialization failure", pgError("40001", "could not serialize access due to concurrent update")],
    ["40P01 deadlock", pgError("40P01", "deadlock detected")],
    ["23505 unique violation", wrapped(pgError("23505", "duplicate key value violates unique constraint"))],
    ["57014 statement timeout", pgError("57014", "canceling statement due to statement timeout")],
    ["a rule's answer", badInput("displayName is required.")],
    ["a plain error", new Error("boom")],
    ["not an error", "Connection terminated unexpectedly"],
    ["nothing", undefined],
  ])("H5 %s: not an outage", (_name, e) => {
    expect(isConnectionFailure(e)).toBe(false);
  });

  it("H5 a real refused connection (a port nobody listens on) is unreachable", async () => {
    const server = createServer();
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    const port = (server.address() as { port: number }).port;
    await new Promise((r) => server.close(r));
    const e = await new Client({ host: "127.0.0.1", port, user: "nobody" }).connect().catch((x: unknown) => x);
    expect(isConnectionFailure(e)).toBe(true);
  });

  const pg = process.env.TEST_DATABASE_URL;
  (pg ? it : it.skip)("H5 a real 57P01 (the server terminated the backend) is unreachable", async () => {
    const victim = new Client({ connectionString: pg });
    const admin = new Client({ connectionString: pg });
    await Promise.all([victim.connect(), admin.connect()]);
    victim.on("error", () => undefined);
    const pid = (await victim.query("SELECT pg_backend_pid() AS pid")).rows[0].pid;
    const asleep = victim.query("SELECT pg_sleep(30)").catch((x: unknown) => x);
    await admin.query("SELECT pg_terminate_backend($1)", [pid]);
    const e = await asleep;
    await admin.end();
    await victim.end().catch(() => undefined);
    expect(e).toMatchObject({ code: "57P01" });
    expect(isConnectionFailure(e)).toBe(true);
  });
});

/** A wait whose time moves only when it sleeps: no real time passes in these tests. */
function fakeWait(waitMs: number) {
  let now = 0;
  const slept: number[] = [];
  const changes: boolean[] = [];
  const wait = new UnavailableWait({
    waitMs,
    now: () => now,
    sleep: async (ms) => {
      slept.push(ms);
      now += ms;
    },
    onChange: (reachable) => changes.push(reachable),
  });
  return { wait, slept, changes, elapsed: () => now };
}

const refused = () => Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" });

describe("H5 the wait for an unreachable database", () => {
  it("H5 tries again with growing pauses until the database answers, and tells of the outage once each way", async () => {
    const { wait, slept, changes } = fakeWait(2000);
    let attempts = 0;
    const out = await wait.run(async () => {
      if (++attempts < 4) throw refused();
      return "rows";
    });
    expect(out).toBe("rows");
    expect(attempts).toBe(4);
    expect(slept).toEqual([25, 50, 100]);
    expect(changes).toEqual([false, true]);
  });

  it("H5 gives up when DB_UNAVAILABLE_WAIT_MS has passed: SERVICE_UNAVAILABLE, HTTP 503, Retry-After", async () => {
    const { wait, slept, elapsed } = fakeWait(1000);
    const e = (await wait.run(() => Promise.reject(refused())).catch((x: unknown) => x)) as AppError;
    expect(elapsed()).toBe(1000);
    expect(slept).toEqual([25, 50, 100, 200, 400, 225]);
    expect(e).toBeInstanceOf(AppError);
    expect(e.message).toMatch(/database is unreachable/);
    expect(e.extensions).toEqual({ code: ErrorCode.SERVICE_UNAVAILABLE, retryAfterSeconds: 1 });
    // GraphQL's wire for it (the table of api/graphql/http-status.ts): 503 with Retry-After.
    const head = httpFor(e.code, e.extensions.retryAfterSeconds)!;
    expect(head.status).toBe(503);
    expect([...head.headers!]).toEqual([["retry-after", "1"]]);
  });

  it("H5 pauses stop growing at 400 ms, and Retry-After is the wait in whole seconds (at least 1)", async () => {
    const { wait, slept } = fakeWait(2500);
    const e = (await wait.run(() => Promise.reject(refused())).catch((x: unknown) => x)) as AppError;
    expect(slept).toEqual([25, 50, 100, 200, 400, 400, 400, 400, 400, 125]);
    expect(e.extensions.retryAfterSeconds).toBe(3);
    expect(fakeWait(0).wait.retryAfterSeconds).toBe(1);
  });

  it("H5 with DB_UNAVAILABLE_WAIT_MS=0 the first refusal is the answer", async () => {
    const { wait, slept } = fakeWait(0);
    let attempts = 0;
    const e = await wait.run(() => (attempts++, Promise.reject(refused()))).catch((x: unknown) => x);
    expect(attempts).toBe(1);
    expect(slept).toEqual([]);
    expect((e as AppError).code).toBe(ErrorCode.SERVICE_UNAVAILABLE);
  });

  it("H5 any other failure is not waited on: it is the answer as it was", async () => {
    const { wait, slept } = fakeWait(2000);
    const rule = badInput("displayName is required.");
    let attempts = 0;
    await expect(wait.run(() => (attempts++, Promise.reject(rule)))).rejects.toBe(rule);
    const busy = Object.assign(new Error("database is locked"), { code: "SQLITE_BUSY" });
    await expect(wait.run(() => (attempts++, Promise.reject(busy)))).rejects.toBe(busy);
    expect(attempts).toBe(2);
    expect(slept).toEqual([]);
  });

  it("H5 a connection lost at COMMIT is never tried again: 503 saying the outcome is unknown", async () => {
    const { wait, slept } = fakeWait(2000);
    let attempts = 0;
    const e = (await wait.run(() => (attempts++, Promise.reject(new OutcomeUnknown("commit", new Error("Connection terminated unexpectedly"))))).catch((x: unknown) => x)) as AppError;
    expect(attempts).toBe(1);
    expect(slept).toEqual([]);
    expect(e.code).toBe(ErrorCode.SERVICE_UNAVAILABLE);
    expect(e.message).toMatch(/while this change was being committed: it may or may not have been saved, and it was not repeated/);
  });

  it("H5 SCIM answers SERVICE_UNAVAILABLE as its 503 error with Retry-After", async () => {
    const e = (await fakeWait(2000).wait.run(() => Promise.reject(refused())).catch((x: unknown) => x)) as AppError;
    const s = fromAppError(e)!;
    expect({ status: s.status, scimType: s.scimType, headers: s.headers }).toEqual({ status: 503, scimType: undefined, headers: { "retry-after": "2" } });
  });
});
