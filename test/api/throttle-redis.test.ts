import { randomUUID } from "node:crypto";
import { engines, TestApi } from "../helpers/harness";
import { newTenant } from "../helpers/fixtures";
import { TcpProxy } from "../helpers/tcp-proxy";
import { Throttle } from "../../src/infra/throttle";
import { throttleKeys } from "../../src/app/request/admission";
import { ManualClock } from "../../src/domain/clock";

/** The machine's Redis (TEST_REDIS_URL, set by .ci/run); these tests reach it only through a proxy they can stop. */
const REDIS = process.env.TEST_REDIS_URL;
const ME = "{ me { canCreateBots } }";
/** The machine's Redis is shared: each run's keys have their own prefix. */
const SMALL = { principalPoints: 400, tenantPoints: 100_000, windowSeconds: 60, keyPrefix: `lg:test:${randomUUID()}:` };

interface LogLine {
  level: string;
  msg: string;
}
const recorder = () => {
  const lines: LogLine[] = [];
  return { lines, log: { info: (msg: string) => lines.push({ level: "info", msg }), error: (msg: string) => lines.push({ level: "error", msg }) } };
};

async function passes(api: TestApi, token: string, n: number): Promise<number> {
  let ok = 0;
  for (let i = 0; i < n; i++) if (!(await api.exec(token, ME)).errors) ok++;
  return ok;
}

async function until(what: string, check: () => Promise<boolean> | boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

const describeRedis = REDIS ? describe.each(engines()) : describe.skip.each(engines());

describeRedis("throttling through Redis (%s)", (_engine, url) => {
  let proxy: TcpProxy;
  let api: TestApi;
  const logA = recorder();
  beforeAll(async () => {
    proxy = await TcpProxy.start(REDIS!);
    api = await TestApi.start(url, { config: { throttle: { ...SMALL, redisUrl: proxy.url } }, log: logA.log });
    await until("redis ready", () => api.app.throttle.store.store === "redis");
  });
  afterAll(async () => {
    await api.stop();
    await proxy.stop();
  });

  it("T2 one instance keeps its buckets in Redis, one round trip (one script call) a request for both buckets", async () => {
    const t = await newTenant(api, "OneInstance");
    const u = await t.user("solo");
    const before = proxy.clientWrites;
    expect(await passes(api, u.token, 50)).toBe(50);
    expect(proxy.clientWrites - before).toBe(50);
    const r = (await api.exec(u.token, ME)) as any;
    expect(r.extensions.cost.throttleStatus).toEqual({ maximumAvailable: 400, currentlyAvailable: 400 - 51, restoreRate: 6 });
  });

  it("T2 two instances sharing Redis share each bucket: a principal cannot get twice its points by spreading requests", async () => {
    const b = await api.sibling();
    try {
      // Until its own connection is ready the sibling counts in its memory (the fallback): wait, as a deploy's readiness would.
      await until("the sibling's redis ready", () => b.app.throttle.store.store === "redis");
      const t = await newTenant(api, "TwoInstances");
      const u = await t.user("spread");
      let passed = 0;
      for (let i = 0; i < 600; i++) if (!(await (i % 2 ? b : api).exec(u.token, ME)).errors) passed++;
      expect(passed).toBe(400); // 400 points at 1, across both instances (the test's clock stands still)
      expect(((await b.exec(u.token, ME)) as any).errors[0].extensions.code).toBe("RATE_LIMITED");
      expect(((await api.exec(u.token, ME)) as any).errors[0].extensions.code).toBe("RATE_LIMITED");
    } finally {
      await b.stop();
    }
  });

  it("T2 Redis going away mid-run: no 5xx, each instance throttles on its own, logged once, shown in /ready; shared again when it is back", async () => {
    const base = await api.listen();
    const t = await newTenant(api, "Outage");
    const u = await t.user("steady");
    expect(await passes(api, u.token, 20)).toBe(20);
    await proxy.stop();
    await until("the outage noticed", () => api.app.throttle.store.redis === "down");
    const statuses = new Set<number>();
    for (let i = 0; i < 30; i++) {
      const r = await fetch(`${base}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${u.token}` },
        body: JSON.stringify({ query: ME }),
      });
      statuses.add(r.status);
      expect(((await r.json()) as any).extensions.cost.throttleStatus.maximumAvailable).toBe(400);
    }
    expect([...statuses]).toEqual([200]);
    const ready = (await (await fetch(`${base}/ready`)).json()) as any;
    expect(ready.throttle).toEqual({ store: "memory", redis: "down" });
    // The per-instance bucket still throttles.
    let refused = false;
    for (let i = 0; i < 600 && !refused; i++) refused = (await api.exec(u.token, ME)).errors?.[0].extensions?.code === "RATE_LIMITED";
    expect(refused).toBe(true);
    expect(logA.lines.filter((l) => l.level === "error" && /redis unreachable/.test(l.msg))).toHaveLength(1);

    await proxy.listen(); // the same port again
    await until("redis back", () => api.app.throttle.store.store === "redis");
    expect(logA.lines.filter((l) => /redis reachable again/.test(l.msg))).toHaveLength(1);
    expect(((await (await fetch(`${base}/ready`)).json()) as any).throttle).toEqual({ store: "redis", redis: "up" });
  }, 30_000);
});

const describeRedisStore = REDIS ? describe : describe.skip;

describeRedisStore("the Redis script and the memory store compute one formula (T2)", () => {
  it("T2 a random run of payments, refusals and refills gets the same answers from Redis as from memory", async () => {
    const settings = { principalPoints: 70, servicePoints: 300, tenantPoints: 450, windowSeconds: 7, keyPrefix: `lg:test:${randomUUID()}:` };
    const quiet = { info: () => undefined, error: () => undefined };
    const clock = new ManualClock("2026-03-10T09:00:00.000Z");
    const memory = new Throttle({ ...settings, redisUrl: undefined }, quiet, clock);
    const shared = new Throttle({ ...settings, redisUrl: REDIS }, quiet, clock);
    try {
      await until("redis ready", () => shared.store.store === "redis");
      // mulberry32, seeded: the same run every time.
      let seed = 20;
      const next = (n: number) => {
        seed = (seed + 0x6d2b79f5) | 0;
        let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
        t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
        return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * n);
      };
      const keys = [
        throttleKeys({ tid: "ta", oid: "u1", roles: [] }, undefined),
        throttleKeys({ tid: "ta", oid: "u2", roles: [] }, undefined),
        throttleKeys({ tid: "ta", roles: ["BotRuntime"] }, undefined),
        throttleKeys({ tid: "tb", oid: "u3", roles: [] }, undefined),
        throttleKeys(null, "10.1.2.3"),
      ];
      let refused = 0;
      for (let i = 0; i < 3_000; i++) {
        if (next(4) === 0) clock.advanceMs(next(400));
        const k = keys[next(keys.length)];
        const cost = [0, 1, 1, 2, 10, 60][next(6)];
        const [a, b] = await Promise.all([memory.take(k, cost), shared.take(k, cost)]);
        expect(b).toEqual(a);
        if (!a.allowed) refused++;
      }
      expect(refused).toBeGreaterThan(300); // the run reached the buckets' edges, not only their middles
    } finally {
      await memory.close();
      await shared.close();
    }
  });
});
