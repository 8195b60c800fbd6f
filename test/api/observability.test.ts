import { Server } from "node:http";
import { AddressInfo } from "node:net";
import { Writable } from "node:stream";
import { createLog } from "../../src/boot";
import { serveMetrics } from "../../src/http/metrics-server";
import { engines, TestApi } from "../helpers/harness";
import type { AnyDoc } from "../helpers/harness";
import { newTenant, Q } from "../helpers/fixtures";
import { print } from "graphql";

interface Line {
  msg: string;
  fields: Record<string, unknown>;
}

/** The value of one series (labels in any order), or undefined when it is absent. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  for (const line of text.split("\n")) {
    if (line.startsWith("#")) continue;
    const m = /^([a-z_:]+)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!m || m[1] !== name) continue;
    const have = Object.fromEntries([...(m[2] ?? "").matchAll(/(\w+)="([^"]*)"/g)].map((x) => [x[1], x[2]]));
    if (Object.entries(labels).every(([k, v]) => have[k] === v) && Object.keys(have).length === Object.keys(labels).length) return Number(m[3]);
  }
  return undefined;
}

describe.each(engines())("metrics and request logs (%s)", (_engine, url) => {
  let api: TestApi;
  let base: string;
  let metricsServer: Server;
  let metricsUrl: string;
  const lines: Line[] = [];
  beforeAll(async () => {
    api = await TestApi.start(url, {
      config: { throttle: { principalPoints: 300, tenantPoints: 100_000, windowSeconds: 60 } },
      log: { info: (msg, fields = {}) => lines.push({ msg, fields }), error: (msg, fields = {}) => lines.push({ msg, fields }) },
    });
    base = await api.listen();
    metricsServer = await serveMetrics(api.app, 0, "127.0.0.1");
    metricsUrl = `http://127.0.0.1:${(metricsServer.address() as AddressInfo).port}/metrics`;
  });
  afterAll(async () => {
    await new Promise((r) => metricsServer.close(r));
    await api.stop();
  });

  const post = (token: string, query: string | AnyDoc, variables?: Record<string, unknown>) =>
    fetch(`${base}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: typeof query === "string" ? query : print(query), variables }),
    });

  it("O1 Prometheus series: requests and latency by operation and code, seat-engine runs, pool, WebSockets, throttling, SCIM", async () => {
    const t = await newTenant(api, "Metered");
    const u = await t.user("metered");
    await t.buy(5);
    expect((await post(u.token, "query CheckMe { me { canCreateBots } }")).status).toBe(200);
    expect((await post(u.token, "query CheckMe { me { canCreateBots } }")).status).toBe(200);
    expect((await post(u.token, "query Forbidden { tenant { users { totalCount } } }")).status).toBe(200);
    // Client-chosen names are bounded: past the first 100 distinct ones they share "other".
    for (let i = 0; i < 105; i++) await post(u.token, `query Name${i} { me { id } }`);
    const assign = await post(t.admin, Q.assignUser, { input: { userId: u.id, addLicenses: [{ skuId: t.sku.user }] } });
    expect(((await assign.json()) as any).errors).toBeUndefined();
    let throttled = 0;
    for (let i = 0; i < 200 && !throttled; i++) if ((await post(u.token, "query CheckMe { me { canCreateBots } }")).status === 429) throttled++;
    expect(throttled).toBe(1);
    api.app.metrics.scimRequest("get", 200);
    api.app.metrics.wsConnections.set(3);

    const res = await fetch(metricsUrl);
    expect(res.headers.get("content-type")).toMatch(/^text\/plain/);
    const text = await res.text();
    const P = "license_graph_";
    expect(sample(text, `${P}graphql_requests_total`, { operation: "CheckMe", code: "OK" })).toBeGreaterThanOrEqual(2);
    expect(sample(text, `${P}graphql_requests_total`, { operation: "Forbidden", code: "FORBIDDEN" })).toBe(1);
    expect(sample(text, `${P}graphql_requests_total`, { operation: "CheckMe", code: "RATE_LIMITED" })).toBe(1);
    expect(sample(text, `${P}graphql_requests_total`, { operation: "other", code: "OK" })).toBeGreaterThanOrEqual(5);
    expect(sample(text, `${P}graphql_request_duration_seconds_count`, { operation: "CheckMe", code: "OK" })).toBeGreaterThanOrEqual(2);
    expect(sample(text, `${P}graphql_request_duration_seconds_bucket`, { operation: "CheckMe", code: "OK", le: "+Inf" })).toBeGreaterThanOrEqual(2);
    expect(sample(text, `${P}seat_engine_runs_total`, { outcome: "ok" })).toBeGreaterThanOrEqual(2);
    expect(sample(text, `${P}seat_engine_run_duration_seconds_count`)).toBeGreaterThanOrEqual(2);
    expect(sample(text, `${P}throttled_requests_total`, { bucket: "principal", transport: "graphql" })).toBe(1);
    expect(sample(text, `${P}scim_requests_total`, { method: "GET", status: "200" })).toBe(1);
    expect(sample(text, `${P}websocket_connections`)).toBe(3);
    expect(sample(text, `${P}websocket_subscriptions`)).toBe(0);
    expect(sample(text, `${P}db_pool_connections`)).toBeGreaterThanOrEqual(1);
    expect(sample(text, `${P}db_pool_connections_max`)).toBeGreaterThanOrEqual(1);
    expect(sample(text, `${P}http_requests_in_flight`)).toBe(0);
    expect((await fetch(metricsUrl.replace("/metrics", "/other"))).status).toBe(404);
  });

  it("request logs: one line per request with request ID, tenant, principal kind, operation, duration, code and cost; never the token", async () => {
    const t = await newTenant(api, "Logged");
    const u = await t.user("logged");
    lines.length = 0;
    const r = await post(u.token, "query LogMe { me { canCreateBots } }");
    const bad = await post("not-a-token", "{ me { id } }");
    expect(bad.status).toBe(401);
    const [one, two] = lines.filter((l) => l.msg === "request");
    expect(lines.filter((l) => l.msg === "request")).toHaveLength(2);
    expect(one.fields).toMatchObject({ tenant: t.tenantId, principal: "user", operation: "LogMe", status: 200, code: "OK", cost: 1 });
    expect(one.fields.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(typeof one.fields.durationMs).toBe("number");
    expect(((await r.json()) as any).data.me.canCreateBots).toBe(false);
    expect(two.fields).toMatchObject({ principal: "anonymous", status: 401, code: "UNAUTHENTICATED" });
    expect(JSON.stringify(lines)).not.toContain(u.token);
    expect(JSON.stringify(lines)).not.toContain("not-a-token");
  });

  it("request logs are JSON lines through pino, and fields that carry secrets are censored", () => {
    let out = "";
    const sink = new Writable({ write: (c, _e, cb) => ((out += c.toString()), cb()) });
    const log = createLog("info", sink as never);
    log.info({ requestId: "r1", authorization: "Bearer abc.def.ghi", token: "t0k3n" }, "request");
    const line = JSON.parse(out.trim());
    expect(line).toMatchObject({ level: "info", msg: "request", requestId: "r1", authorization: "[redacted]", token: "[redacted]" });
    expect(out).not.toContain("abc.def.ghi");
    expect(out).not.toContain("t0k3n");
  });
});
