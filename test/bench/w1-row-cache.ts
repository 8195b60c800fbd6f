/**
 * Issue 22 (I1), in-process: W1's `me` check through contextFor and Apollo's executeOperation, 10 concurrent
 * callers, with the row cache and with ROW_CACHE=off, in alternating rounds; CPU per check and checks a second.
 * `node dist/test/bench/w1-row-cache.js [rounds] [checks per round]` (DATABASE_URL=postgres://… for PostgreSQL,
 * else SQLite in memory). On a shared machine only the ratio of neighbouring rounds means much.
 */
import { TestApi } from "../helpers/harness";
import { newTenant } from "../helpers/fixtures";
import { graphql } from "../gql";

const W1 = graphql(`query BenchRowCacheW1 { me { canCreateBots effectiveLicenses { sku { id } state } } }`);

async function round(api: TestApi, token: string, checks: number): Promise<{ cpuUs: number; perSecond: number; statements: number }> {
  let left = checks;
  const s0 = api.logger.count;
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: 10 }, async () => {
      while (left-- > 0) {
        const r = await api.exec(token, W1);
        if (r.errors?.length || !r.data?.me?.canCreateBots) throw new Error(JSON.stringify(r));
      }
    }),
  );
  const ms = performance.now() - t0;
  const c = process.cpuUsage(c0);
  return { cpuUs: (c.user + c.system) / checks, perSecond: (checks * 1000) / ms, statements: (api.logger.count - s0) / checks };
}

async function main(): Promise<void> {
  const rounds = Number(process.argv[2] ?? 3);
  const checks = Number(process.argv[3] ?? 5000);
  const url = process.env.DATABASE_URL?.startsWith("postgres") ? process.env.DATABASE_URL : "sqlite::memory:";
  const on = await TestApi.start(url);
  await on.listen(); // PostgreSQL: the cache is believed once the LISTEN connection is up
  const deadline = Date.now() + 10_000;
  while (on.app.database.rowCache.trust !== "trusted" && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
  const off = await on.sibling({ config: { rowCache: false } });
  const t = await newTenant(on, "Bench");
  await t.buy(5);
  const maker = await t.user("maker");
  await t.license(maker.id);
  for (const api of [on, off]) await round(api, maker.token, 500); // warm-up: JIT, tenant state, the row
  const lines: string[] = [];
  for (let i = 0; i < rounds; i++) {
    for (const [name, api] of [["row cache", on], ["ROW_CACHE=off", off]] as const) {
      const r = await round(api, maker.token, checks);
      lines.push(`| ${i + 1} | ${name} | ${r.cpuUs.toFixed(0)} µs | ${r.perSecond.toFixed(0)} | ${r.statements.toFixed(2)} |`);
    }
  }
  console.log(`engine ${url.startsWith("postgres") ? "PostgreSQL" : "SQLite"}, ${checks} checks a round, 10 concurrent callers\n`);
  console.log("| round | subject | CPU per check | checks/s | SQL per check |\n|---|---|---|---|---|\n" + lines.join("\n"));
  await off.stop();
  await on.stop();
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
