import "reflect-metadata";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import { dirname } from "node:path";
import { createApp, jsonLogger } from "./boot";
import { App } from "./app/request/context";
import { signToken } from "./app/auth/sign";
import { Config, engineOf, loadConfig } from "./config";
import { DataSource } from "typeorm";
import { seedDemo } from "./app/demo-seed";
import { createHttpHandler } from "./http/server";
import { createApolloServer } from "./api/graphql/apollo";
import { signInLink } from "./http/console";
import { attachLiveUpdates } from "./api/graphql/ws";
import { Drain } from "./http/drain";
import { closeMetrics, serveMetrics } from "./http/metrics-server";
import { runReclaimPasses } from "./app/licensing/reclamation";
import { DailyPasses } from "./app/usage/history";
import { DeliveryWorker } from "./app/webhooks/delivery";

export const DEV_SECRET_FILE = "./data/dev-jwt-secret";
/** H6: of SHUTDOWN_TIMEOUT_MS, the last part is kept for closing, so that even a busy instance is gone by then. */
const CLOSE_RESERVE_MS = 250;
/** V4: how often an instance looks for tenants whose daily reclamation pass is due. */
const RECLAIM_CHECK_EVERY_MS = 10 * 60_000;

/** With no auth settings on the embedded database, a local secret is made once and kept beside the database. */
export function devSecret(): string {
  if (existsSync(DEV_SECRET_FILE)) return readFileSync(DEV_SECRET_FILE, "utf8").trim();
  mkdirSync(dirname(DEV_SECRET_FILE), { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  writeFileSync(DEV_SECRET_FILE, secret + "\n", { mode: 0o600 });
  return secret;
}

/** DESIGN §8: no auth settings are allowed only for local development on the embedded database. */
export function startupProblem(config: Pick<Config, "databaseUrl" | "production" | "jwtSecret" | "jwksUrl">): string | undefined {
  if (config.jwtSecret || config.jwksUrl) return undefined;
  if (config.production) return "Refusing to start in production without JWT_SECRET or JWT_JWKS_URL.";
  if (engineOf(config.databaseUrl) === "postgres") return "Refusing to start on PostgreSQL without JWT_SECRET or JWT_JWKS_URL.";
  return undefined;
}

const DEMO_UPNS = { admin: "admin@contoso.example", maker: "maker@contoso.example", reader: "reader@contoso.example" };

/** The demo's tokens and the console's sign-in link, last of all that `npm start` prints (K8's quiet start). */
async function printDemo(app: App, config: Config): Promise<void> {
  const admin = await app.database.demoUser(DEMO_UPNS.admin);
  if (!admin || !config.jwtSecret) return;
  const tok = (oid: string) => signToken(config.jwtSecret!, { tid: admin.tenantId, oid, ttlSeconds: 30 * 86400 });
  const lines = [`\nDemo tenant "Contoso" (${admin.tenantId}). Tokens, valid 30 days:\n`];
  const roles = { admin: "(GLOBAL_ADMIN)  ", maker: "(licensed)      ", reader: "(GLOBAL_READER) " };
  for (const who of ["admin", "maker", "reader"] as const) {
    const user = who === "admin" ? admin : await app.database.demoUser(DEMO_UPNS[who], admin.tenantId);
    if (user) lines.push(`  ${who.padEnd(6)} ${roles[who]} ${await tok(user.userId)}\n`);
  }
  lines.push(`More: npm run token -- --help\n`);
  lines.push(`Admin console, signed in as the demo admin:\n\n  ${signInLink(`http://localhost:${config.port}`, await tok(admin.userId))}\n`);
  jsonLogger.flush();
  console.log(lines.join("\n"));
}

async function main(): Promise<void> {
  const config = loadConfig();
  const engine = engineOf(config.databaseUrl);
  const problem = startupProblem(config);
  if (problem) throw new Error(problem);
  if (!config.jwtSecret && !config.jwksUrl) config.jwtSecret = devSecret();
  // Imported here, not at the top: building it creates the SQLite file's folder, which tools that only import main must not do.
  const ds: DataSource = (await import("../ormconfig")).default;
  const app = await createApp({ dataSource: ds, config });
  const empty = !(await app.database.hasTenants());
  const seed = engine === "sqlite" ? config.seedDemo !== false : config.seedDemo === true;
  if (empty && seed) await seedDemo(app);
  const apollo = await createApolloServer(app);
  const drain = new Drain();
  const http = createServer(createHttpHandler(app, apollo, { drain }));
  // O2: the live-updates sockets close with 1001 after the last request, before the database closes.
  drain.hooks.push(await attachLiveUpdates(app, http));
  // V3: activity gathered in memory is written every minute and, after the last request, at drain.
  app.activity.start();
  drain.hooks.push(() => app.activity.stop());
  // V4: every instance offers to run the day's reclamation pass; the claimed row per tenant and day lets one run it.
  // Without gathered activity (ACTIVITY=off) nobody would look active: the automatic pass must not reclaim on that.
  if (config.activity) {
    const reclaim = () => void runReclaimPasses(app).catch((e) => jsonLogger.error("reclaim passes failed", { error: String(e) }));
    setInterval(reclaim, RECLAIM_CHECK_EVERY_MS).unref();
    setTimeout(reclaim, 5_000).unref();
  } else jsonLogger.info("activity off: no automatic reclamation pass on this instance");
  const listening = new Promise<void>((ready) => http.listen(config.port, () => {
    jsonLogger.info("listening", { url: `http://localhost:${config.port}/graphql`, console: `http://localhost:${config.port}/`, engine });
    ready();
  }));
  // MG6: every instance delivers change notifications (PostgreSQL: FOR UPDATE SKIP LOCKED shares the work).
  const webhooks = new DeliveryWorker(app);
  app.metrics.webhookSubscriptionStates = () => app.database.deliveries.countsByState(app.clock.now());
  webhooks.start();
  // V5: the daily usage snapshots, written by whichever instance comes first each UTC day.
  const daily = new DailyPasses(app);
  if (config.dailyPassIntervalMs > 0) daily.start(config.dailyPassIntervalMs);
  if (config.metricsPort !== undefined) app.metrics.withProcessMetrics();
  const metrics = config.metricsPort !== undefined ? await serveMetrics(app, config.metricsPort, config.metricsHost) : undefined;
  if (metrics) jsonLogger.info("metrics", { url: `http://${config.metricsHost}:${(metrics.address() as { port: number }).port}/metrics` });
  let stopping = false;
  // O2, H6: the one shutdown path (Apollo's own signal handler is off): drain, then close what the requests used,
  // each once; exit 0 when everything in flight finished in time.
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    // Closing takes milliseconds; should a step hang (a peer that never answers), the process goes at the deadline
    // anyway (at 1 s at the earliest: an idle instance has that long).
    const deadlineMs = Math.max(config.shutdownTimeoutMs, 1_000);
    setTimeout(() => {
      jsonLogger.error("shutdown: closing took too long", { afterMs: deadlineMs });
      jsonLogger.flush();
      process.exit(1);
    }, deadlineMs).unref();
    const inTime = await drain.run(app, http, Math.max(0, config.shutdownTimeoutMs - CLOSE_RESERVE_MS));
    // After the drain: stopping Apollo earlier would fail the requests still being served.
    await apollo.stop().catch((e) => jsonLogger.error("shutdown: apollo stop failed", { error: String(e) }));
    await Promise.all([
      daily.stop(),
      webhooks.stop(),
      app.throttle.close(),
      metrics ? closeMetrics(metrics) : undefined,
    ]);
    await ds.destroy().catch(() => undefined);
    jsonLogger.info("stopped", { drained: inTime });
    jsonLogger.flush();
    process.exit(inTime ? 0 : 1);
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  // The sign-in link is the last thing printed, on a fresh database and on one that already has the demo tenant.
  await listening;
  if (seed) await printDemo(app, config).catch((e) => jsonLogger.error("demo tokens", { error: String(e) }));
}

if (require.main === module) {
  main().catch((e) => {
    jsonLogger.error("startup failed", { error: String(e?.message ?? e) });
    jsonLogger.flush();
    process.exit(1);
  });
}
