import type { TestApi } from "../helpers/harness";
import { newTenant, TenantFx } from "../helpers/fixtures";
import type { TcpProxy } from "../helpers/tcp-proxy";
import { COMMIT, startOutageRig, stopOutageRig } from "../helpers/outage";
import { CREATE_TOKEN } from "../scim/scim-client";

/**
 * H5 (issue 19 defect 10): PostgreSQL refused, cut mid-statement, cut at COMMIT. The app reaches the test database
 * only through a TCP proxy that the test stops, starts and arms to cut a connection when a given statement goes
 * out; the database itself is never touched. PostgreSQL only: SQLite is a file in the process (no connection to lose).
 */
const PG = process.env.TEST_DATABASE_URL;
const describePg = PG ? describe : describe.skip;

const ERROR_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:Error";
const COUNT_GROUPS = "{ tenant { securityGroups { totalCount nodes { displayName } } } }";
const CREATE_GROUP = "mutation($n: String!) { createSecurityGroup(input: { displayName: $n }) { id displayName } }";

interface Reply {
  status: number;
  retryAfter: string | null;
  type: string;
  body: any;
}

async function reply(r: Response): Promise<Reply> {
  const text = await r.text();
  return { status: r.status, retryAfter: r.headers.get("retry-after"), type: r.headers.get("content-type") ?? "", body: text ? JSON.parse(text) : undefined };
}

const gql = (base: string, token: string, query: string, variables?: Record<string, unknown>) =>
  fetch(`${base}/graphql`, { method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${token}` }, body: JSON.stringify({ query, variables }) }).then(reply);

const scim = (base: string, token: string, path: string) => fetch(`${base}/scim/v2${path}`, { headers: { authorization: `Bearer ${token}` } }).then(reply);

const ready = (base: string) => fetch(`${base}/ready`).then(reply);

async function until(what: string, check: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

/** A chunk of the PostgreSQL protocol that carries this SQL text (a simple query or a Parse message). */
const sends = (sql: string) => (chunk: Buffer) => chunk.includes(sql);
describePg("H5 PostgreSQL unreachable (through a TCP proxy)", () => {
  let proxy: TcpProxy;
  /** Waits up to 20 s: every cut here is shorter. */
  let patient: TestApi;
  let patientUrl: string;
  /** A second instance on the same pool that waits 300 ms: every cut here is longer. */
  let brief: TestApi;
  let briefUrl: string;
  let t: TenantFx;
  let provisioning: string;

  beforeAll(async () => {
    ({ proxy, patient, patientUrl, brief, briefUrl } = await startOutageRig(PG!));
    t = await newTenant(patient, "Outage");
    provisioning = (await patient.ok(t.admin, CREATE_TOKEN, { input: { description: "directory" } })).createProvisioningToken.token;
  }, 30_000);

  afterAll(() => stopOutageRig({ proxy, patient, brief }));

  afterEach(async () => {
    // Every test leaves the database reachable again.
    if (!proxy.listening) await proxy.listen();
  });

  const groups = async () => (await gql(patientUrl, t.admin, COUNT_GROUPS)).body.data.tenant.securityGroups.nodes.map((g: { displayName: string }) => g.displayName) as string[];

  it("H5 a cut shorter than the wait: a read and a mutation sent while connections are refused are answered 200 once the database is back", async () => {
    await proxy.stop();
    let answered = 0;
    const read = gql(patientUrl, t.admin, COUNT_GROUPS).finally(() => answered++);
    const write = gql(patientUrl, t.admin, CREATE_GROUP, { n: "Made during the cut" }).finally(() => answered++);
    try {
      // Both are waiting for the database (pausing between refused attempts) before it comes back, unless answered already.
      await until("both requests waiting", () => answered === 2 || patient.app.database.unavailable?.waiting >= 2);
    } finally {
      await proxy.listen();
      // Answered before the next test arms its cut, whatever happened here.
      await Promise.allSettled([read, write]);
    }
    const [r, w] = await Promise.all([read, write]);
    expect(r.status).toBe(200);
    expect(r.body.errors).toBeUndefined();
    expect(w.status).toBe(200);
    expect(w.body.data.createSecurityGroup.displayName).toBe("Made during the cut");
    expect((await groups()).filter((g) => g === "Made during the cut")).toHaveLength(1);
  });

  it("H5 a transaction cut before COMMIT is run again on a new connection: done once", async () => {
    const cut = proxy.cutOn(sends('INSERT INTO "security_group"'));
    const w = await gql(patientUrl, t.admin, CREATE_GROUP, { n: "Cut mid-transaction" });
    await cut;
    expect(w.status).toBe(200);
    expect(w.body.data.createSecurityGroup.displayName).toBe("Cut mid-transaction");
    expect((await groups()).filter((g) => g === "Cut mid-transaction")).toHaveLength(1);
    const audit = await gql(patientUrl, t.admin, `{ auditEvents(first: 10, targetId: "${w.body.data.createSecurityGroup.id}") { totalCount } }`);
    expect(audit.body.data.auditEvents.totalCount).toBe(1);
  });

  it("H5 a read cut mid-statement is read again", async () => {
    const expected = (await groups()).length;
    const cut = proxy.cutOn(sends('FROM "security_group"'));
    const r = await gql(patientUrl, t.admin, COUNT_GROUPS);
    await cut;
    expect(r.status).toBe(200);
    expect(r.body.data.tenant.securityGroups.totalCount).toBe(expected);
  });

  it("H5 a connection lost at COMMIT is never replayed: 503 saying the outcome is unknown", async () => {
    const cut = proxy.cutOn(COMMIT);
    const w = await gql(patientUrl, t.admin, CREATE_GROUP, { n: "Lost at commit" });
    await cut;
    expect(w.status).toBe(503);
    expect(w.retryAfter).toBe("20");
    expect(w.body.errors[0].extensions.code).toBe("SERVICE_UNAVAILABLE");
    expect(w.body.errors[0].message).toMatch(/may or may not have been saved, and it was not repeated/);
    // The COMMIT never reached the server, so it rolled back; a replay (the wait allowed 20 s) would have saved it.
    expect(await groups()).not.toContain("Lost at commit");
  });

  it("H5 a cut longer than the wait: GraphQL 503 + Retry-After + SERVICE_UNAVAILABLE, SCIM's 503, /ready 503; all 200 again without a restart", async () => {
    const before = await patient.snapshot();
    await proxy.stop();

    const read = await gql(briefUrl, t.admin, COUNT_GROUPS);
    expect(read.status).toBe(503);
    expect(read.retryAfter).toBe("1");
    expect(read.body.errors[0].extensions).toMatchObject({ code: "SERVICE_UNAVAILABLE", retryAfterSeconds: 1 });
    const write = await gql(briefUrl, t.admin, CREATE_GROUP, { n: "Refused" });
    expect(write.status).toBe(503);
    expect(write.retryAfter).toBe("1");
    expect(write.body.errors[0].extensions.code).toBe("SERVICE_UNAVAILABLE");
    const users = await scim(briefUrl, provisioning, "/Users");
    expect(users.status).toBe(503);
    expect(users.retryAfter).toBe("1");
    expect(users.type).toMatch(/^application\/scim\+json/);
    expect(users.body).toEqual({ schemas: [ERROR_SCHEMA], status: "503", detail: expect.stringMatching(/database is unreachable/) });
    const r = await ready(briefUrl);
    expect(r.status).toBe(503);
    expect(r.body).toMatchObject({ ready: false, database: false });

    await proxy.listen();
    await patient.expectUnchanged(before);
    expect((await ready(briefUrl)).status).toBe(200);
    expect((await gql(briefUrl, t.admin, COUNT_GROUPS)).status).toBe(200);
    const again = await gql(briefUrl, t.admin, CREATE_GROUP, { n: "After the outage" });
    expect(again.status).toBe(200);
    expect(again.body.data.createSecurityGroup.displayName).toBe("After the outage");
    expect((await scim(briefUrl, provisioning, "/Users")).status).toBe(200);
  });

  it("H5 a mutation cut mid-transaction while the database stays away answers 503 and leaves nothing in the database", async () => {
    const before = await patient.snapshot();
    const cut = proxy.cutOn(sends('INSERT INTO "security_group"'), { stop: true });
    const w = await gql(briefUrl, t.admin, CREATE_GROUP, { n: "Half written" });
    await cut;
    expect(w.status).toBe(503);
    expect(w.retryAfter).toBe("1");
    expect(w.body.errors[0].extensions.code).toBe("SERVICE_UNAVAILABLE");
    await proxy.listen();
    await patient.expectUnchanged(before);
  });
});
