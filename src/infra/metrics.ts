import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client";

const PREFIX = "license_graph_";
/** Operation names are the client's choice: after this many distinct ones, new names share the label "other". */
const MAX_OPERATION_NAMES = 100;
const LATENCY_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/** What the metrics read of the row cache (src/data/row-cache.ts). */
export interface RowCacheFigures {
  trust: string;
  rows: number;
  stats: { hits: number; misses: number; bypassed: number };
}

/** What the metrics read of the answer cache (src/app/request/answer-cache.ts). */
export interface AnswerCacheFigures {
  stats: { hits: number; misses: number; stale: number };
}

export interface PoolUse {
  total: number;
  idle: number;
  waiting: number;
  max: number;
}

/** O1: the series of one server (README "Operating" says what each one means). One registry per app. */
export class Metrics {
  readonly registry = new Registry();
  private readonly names = new Set<string>();

  private readonly requests = new Counter({
    name: `${PREFIX}graphql_requests_total`,
    help: "GraphQL requests by operation name and outcome code (OK or the first error's extensions.code).",
    labelNames: ["operation", "code"] as const,
    registers: [this.registry],
  });
  private readonly latency = new Histogram({
    name: `${PREFIX}graphql_request_duration_seconds`,
    help: "GraphQL request time from the first byte read to the last byte written, by operation name and outcome code.",
    labelNames: ["operation", "code"] as const,
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });
  readonly inFlight = new Gauge({
    name: `${PREFIX}http_requests_in_flight`,
    help: "HTTP requests being answered now.",
    registers: [this.registry],
  });
  private readonly scim = new Counter({
    name: `${PREFIX}scim_requests_total`,
    help: "SCIM requests by HTTP method and response status.",
    labelNames: ["method", "status"] as const,
    registers: [this.registry],
  });
  private readonly graphApi = new Counter({
    name: `${PREFIX}graph_api_requests_total`,
    help: "Microsoft Graph API (/v1.0) requests by HTTP method and response status; a $batch counts once.",
    labelNames: ["method", "status"] as const,
    registers: [this.registry],
  });
  private readonly seatRuns = new Counter({
    name: `${PREFIX}seat_engine_runs_total`,
    help: "Seat-change units run (one per seat-changing write step), by outcome (ok or error).",
    labelNames: ["outcome"] as const,
    registers: [this.registry],
  });
  private readonly seatDuration = new Histogram({
    name: `${PREFIX}seat_engine_run_duration_seconds`,
    help: "Time of one seat-change unit (rebalance, the step, wants, rebalance, audit), inside its transaction.",
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });
  private readonly throttled = new Counter({
    name: `${PREFIX}throttled_requests_total`,
    help: "Requests refused with 429 RATE_LIMITED, by the bucket that refused (principal or tenant) and transport.",
    labelNames: ["bucket", "transport"] as const,
    registers: [this.registry],
  });
  readonly wsConnections = new Gauge({
    name: `${PREFIX}websocket_connections`,
    help: "Open GraphQL WebSocket connections.",
    registers: [this.registry],
  });
  readonly wsSubscriptions = new Gauge({
    name: `${PREFIX}websocket_subscriptions`,
    help: "Active GraphQL subscriptions over WebSocket.",
    registers: [this.registry],
  });

  private readonly webhookDeliveries = new Counter({
    name: `${PREFIX}webhook_deliveries_total`,
    help: "MG6 change notifications by outcome: delivered (one write's changes to one subscription), failed (a POST not answered 2xx in time), dropped (given up after 4 hours), missed_sent / missed_failed (the missed lifecycle notification).",
    labelNames: ["outcome"] as const,
    registers: [this.registry],
  });
  /** MG6: subscriptions by state, read from the database when scraped (set by whoever starts the delivery worker). */
  webhookSubscriptionStates?: () => Promise<Map<string, number>>;

  constructor(pool?: () => PoolUse | undefined, rowCache?: () => RowCacheFigures | undefined, answers?: () => AnswerCacheFigures | undefined) {
    const states = () => this.webhookSubscriptionStates;
    new Gauge({
      name: `${PREFIX}webhook_subscriptions`, help: "MG6 change-notification subscriptions of every tenant by state: active, retrying (deliveries failing, backing off), missed (changes were dropped), expired.",
      labelNames: ["state"] as const, registers: [this.registry],
      async collect() {
        const read = states();
        if (!read) return;
        const counts = await read().catch(() => undefined);
        if (!counts) return;
        this.reset();
        for (const state of ["active", "retrying", "missed", "expired"]) this.set({ state }, counts.get(state) ?? 0);
      },
    });
    const use = (pick: (p: PoolUse) => number) =>
      function (this: Gauge) {
        const p = pool?.();
        if (p) this.set(pick(p));
      };
    new Gauge({ name: `${PREFIX}db_pool_connections`, help: "Database connections open (in use or idle).", registers: [this.registry], collect: use((p) => p.total) });
    new Gauge({ name: `${PREFIX}db_pool_connections_idle`, help: "Database connections open and idle.", registers: [this.registry], collect: use((p) => p.idle) });
    new Gauge({ name: `${PREFIX}db_pool_waiting_requests`, help: "Callers waiting for a database connection.", registers: [this.registry], collect: use((p) => p.waiting) });
    new Gauge({ name: `${PREFIX}db_pool_connections_max`, help: "The pool's size limit.", registers: [this.registry], collect: use((p) => p.max) });
    // I1: read when scraped, so the hot path counts in plain numbers.
    new Gauge({
      name: `${PREFIX}row_cache_trusted`, help: "1 while the caller's row may come from this instance's cache (I1); 0 while the LISTEN connection is down or catching up, or the cache is off.",
      registers: [this.registry], collect() { const r = rowCache?.(); if (r) this.set(r.trust === "trusted" ? 1 : 0); },
    });
    new Gauge({ name: `${PREFIX}row_cache_rows`, help: "Callers' rows held by the row cache (I1).", registers: [this.registry], collect() { const r = rowCache?.(); if (r) this.set(r.rows); } });
    const outcomes = (name: string, help: string, read: () => Record<string, number> | undefined) =>
      new Counter({
        name: `${PREFIX}${name}`, help, labelNames: ["outcome"] as const, registers: [this.registry],
        collect() {
          const counts = read();
          if (!counts) return;
          this.reset();
          for (const [outcome, n] of Object.entries(counts)) this.inc({ outcome }, n);
        },
      });
    outcomes("row_cache_lookups_total", "Admissions by where the caller's row came from: hit (memory), miss (read and cached), bypassed (read: the cache was not trusted).", () => {
      const r = rowCache?.();
      return r && { hit: r.stats.hits, miss: r.stats.misses, bypassed: r.stats.bypassed };
    });
    outcomes("answer_cache_lookups_total", "I1's answer cache: hit (a repeated hot check answered from memory), stale (dropped: the tenant changed or time moved a status), miss (executed).", () => {
      const a = answers?.();
      return a && { hit: a.stats.hits, stale: a.stats.stale, miss: a.stats.misses };
    });
  }

  /** Process figures (CPU, memory, event loop lag); only for a server that serves metrics. */
  withProcessMetrics(): this {
    collectDefaultMetrics({ register: this.registry, prefix: PREFIX });
    return this;
  }

  operationLabel(name: string | null | undefined): string {
    if (!name) return "anonymous";
    if (this.names.has(name)) return name;
    if (this.names.size >= MAX_OPERATION_NAMES || name.length > 100 || !/^[_A-Za-z][_0-9A-Za-z]*$/.test(name)) return "other";
    this.names.add(name);
    return name;
  }

  graphqlRequest(operation: string | null | undefined, code: string, seconds: number): void {
    const labels = { operation: this.operationLabel(operation), code };
    this.requests.inc(labels);
    this.latency.observe(labels, seconds);
  }

  /** For the SCIM transport: one call per answered request. */
  scimRequest(method: string, status: number): void {
    this.scim.inc({ method: method.toUpperCase(), status: String(status) });
  }

  /** For the Microsoft Graph transport (§15): one call per answered request. */
  graphApiRequest(method: string, status: number): void {
    this.graphApi.inc({ method: method.toUpperCase(), status: String(status) });
  }

  seatEngineRun(seconds: number, ok: boolean): void {
    this.seatRuns.inc({ outcome: ok ? "ok" : "error" });
    this.seatDuration.observe(seconds);
  }

  webhookDelivery(outcome: "delivered" | "failed" | "dropped" | "missed_sent" | "missed_failed"): void {
    this.webhookDeliveries.inc({ outcome });
  }

  throttledRequest(bucket: "principal" | "tenant", transport: string): void {
    this.throttled.inc({ bucket, transport });
  }

  text(): Promise<string> {
    return this.registry.metrics();
  }

  get contentType(): string {
    return this.registry.contentType;
  }
}
