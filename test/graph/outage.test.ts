import type { TestApi } from "../helpers/harness";
import { newTenant, TenantFx } from "../helpers/fixtures";
import type { TcpProxy } from "../helpers/tcp-proxy";
import { COMMIT, startOutageRig, stopOutageRig } from "../helpers/outage";
import { graphFetch, guid, RawReply } from "./graph-client";

/**
 * H5 on the Graph way in (MG4): with PostgreSQL unreachable for longer than DB_UNAVAILABLE_WAIT_MS, /v1.0 answers
 * 503 with Retry-After in Graph's error shape (serviceNotAvailable, this API's SERVICE_UNAVAILABLE inside), as
 * GraphQL and SCIM do (test/api/db-outage.test.ts), and recovers without a restart. The database is reached through
 * a TCP proxy the test stops and arms. PostgreSQL only: SQLite is a file in the process (no connection to lose).
 */
const PG = process.env.TEST_DATABASE_URL;
const describePg = PG ? describe : describe.skip;

/** Graph's error body (MG4) for H5, with the request's IDs as its headers say. */
function expectUnavailable(r: RawReply, message: RegExp, retryAfter = "1"): void {
  expect(r.status).toBe(503);
  expect(r.headers.get("retry-after")).toBe(retryAfter);
  expect(r.headers.get("content-type")).toMatch(/^application\/json;odata\.metadata=minimal/);
  expect(r.body).toEqual({
    error: {
      code: "serviceNotAvailable",
      message: expect.stringMatching(message),
      innerError: {
        code: "SERVICE_UNAVAILABLE",
        date: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$/),
        "request-id": r.headers.get("request-id"),
        "client-request-id": r.headers.get("client-request-id"),
      },
    },
  });
}

describePg("H5 Microsoft Graph with PostgreSQL unreachable (through a TCP proxy)", () => {
  let proxy: TcpProxy;
  /** Waits up to 20 s: the commit cut below is shorter. */
  let patient: TestApi;
  let patientUrl: string;
  /** A second instance on the same pool that waits 300 ms: the outage below is longer. */
  let brief: TestApi;
  let briefUrl: string;
  let t: TenantFx;
  let ada: string;

  beforeAll(async () => {
    ({ proxy, patient, patientUrl, brief, briefUrl } = await startOutageRig(PG!));
    t = await newTenant(patient, "GraphOutage");
    await t.buy(2);
    ada = guid((await t.user("ada")).id);
  }, 30_000);

  afterAll(() => stopOutageRig({ proxy, patient, brief }));

  afterEach(async () => {
    if (!proxy.listening) await proxy.listen();
  });

  const assign = (base: string) =>
    graphFetch(base, "POST", `/users/${ada}/assignLicense`, { token: t.admin, body: { addLicenses: [{ skuId: guid(t.sku.user), disabledPlans: [] }], removeLicenses: [] } });
  const licensesOfAda = async () => (await graphFetch(patientUrl, "GET", `/users/${ada}?$select=assignedLicenses`, { token: t.admin })).body.assignedLicenses;

  it("H5 a cut longer than the wait: a read, a write and a $batch answer 503 + Retry-After in Graph's shape, nothing is written; 200 again without a restart", async () => {
    const before = await patient.snapshot();
    await proxy.stop();

    expectUnavailable(await graphFetch(briefUrl, "GET", "/users?$top=5", { token: t.admin }), /database is unreachable/);
    expectUnavailable(await graphFetch(briefUrl, "GET", "/subscribedSkus", { token: t.admin, headers: { "client-request-id": "0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0" } }), /database is unreachable/);
    expectUnavailable(await assign(briefUrl), /database is unreachable; nothing was changed/);
    const batch = await graphFetch(briefUrl, "POST", "/$batch", { token: t.admin, body: { requests: [{ id: "1", method: "GET", url: "/users?$top=1" }] } });
    expectUnavailable(batch, /database is unreachable/);

    await proxy.listen();
    await patient.expectUnchanged(before);
    const users = await graphFetch(briefUrl, "GET", "/users?$top=5", { token: t.admin });
    expect(users.status).toBe(200);
    expect(users.body.value.length).toBeGreaterThan(0);
    const again = await assign(briefUrl);
    expect(again.status).toBe(200);
    expect(again.body.assignedLicenses).toEqual([{ skuId: guid(t.sku.user), disabledPlans: [] }]);
    // Back as it was for the next test.
    const removed = await graphFetch(briefUrl, "POST", `/users/${ada}/assignLicense`, { token: t.admin, body: { addLicenses: [], removeLicenses: [guid(t.sku.user)] } });
    expect(removed.status).toBe(200);
  });

  it("H5 assignLicense whose COMMIT was lost is not replayed: 503 saying the outcome is unknown, in Graph's shape", async () => {
    const cut = proxy.cutOn(COMMIT);
    const w = await assign(patientUrl);
    await cut;
    expectUnavailable(w, /may or may not have been saved, and it was not repeated/, "20");
    // The COMMIT never reached the server, so it rolled back; a replay (the wait allowed 20 s) would have saved it.
    expect(await licensesOfAda()).toEqual([]);
  });
});
