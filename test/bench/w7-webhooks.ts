/**
 * W7, MG6 part (issue 23): change notifications as an integration sees them. A receiver in this process on
 * 127.0.0.1 answers Graph's validation handshake and takes the notifications; subscriptions are made with
 * `POST /v1.0/subscriptions`, the changes through the API. A notification's latency is the time it arrived minus
 * the time the client had the answer of the write that caused it (after its COMMIT), on this process's clock.
 * - Latency: one subscription on `users`, changes one at a time (Graph assignLicense, add then remove), each
 *   waited for before the next: an idle server. Target p99 < 1 s.
 * - Throughput: ten subscriptions on `users`, 10,000 users changed once each (GraphQL updateUser, 4 writers),
 *   every change to every subscription: 100,000 notifications; the time from the first write to the last one.
 */
import { createServer, IncomingMessage, Server, ServerResponse } from "node:http";
import { AddressInfo } from "node:net";
import { fmt, median, p95, percentile, Row } from "./lib/stats";

export interface WebhookDeps {
  base: string;
  adminToken: string;
  skuId: string;
  /** The user whose license the latency run adds and removes (holds no direct assignment of the SKU). */
  userId: string;
  /** Users that updateUser may rename (cloud users: the directory's are refused). */
  throughputUserIds: string[];
  latencyChanges: number;
  log(msg: string): void;
  rows: Row[];
  notes: string[];
}

const guid = (id: string) => id.slice(id.indexOf("_") + 1);
/** Milliseconds below 10 s, seconds above (a backlog's latency is seconds). */
const time = (ms: number) => (Math.abs(ms) < 10_000 ? `${fmt(ms)} ms` : `${fmt(ms / 1000, 1)} s`);

interface Arrival {
  subscriptionId: string;
  /** resourceData.id: the user's bare GUID. */
  id: string;
  at: number;
}

/** The receiver an integration runs: echoes the validation token as text/plain, records each notification's arrival. */
class Receiver {
  arrivals: Arrival[] = [];
  validations = 0;
  private server?: Server;
  private waiters: { n: number; resolve: () => void }[] = [];

  async start(): Promise<string> {
    this.server = createServer((req, res) => this.handle(req, res));
    this.server.keepAliveTimeout = 60_000;
    await new Promise<void>((r) => this.server!.listen(0, "127.0.0.1", r));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/hook`;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise((r) => this.server?.close(r));
  }

  /** Resolves once `n` notifications have arrived in all; fails after `ms`. */
  received(n: number, ms: number): Promise<void> {
    if (this.arrivals.length >= n) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`W7 webhooks: ${this.arrivals.length} of ${n} notifications after ${ms} ms`)), ms);
      this.waiters.push({ n, resolve: () => (clearTimeout(timer), resolve()) });
    });
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    const token = new URL(req.url ?? "/", "http://x").searchParams.get("validationToken");
    const parts: Buffer[] = [];
    req.on("data", (c: Buffer) => parts.push(c));
    req.on("end", () => {
      if (token !== null) {
        this.validations++;
        res.writeHead(200, { "content-type": "text/plain" });
        res.end(token);
        return;
      }
      const at = performance.now();
      const body = JSON.parse(Buffer.concat(parts).toString("utf8")) as { value: { subscriptionId: string; resourceData: { id: string } }[] };
      for (const n of body.value) this.arrivals.push({ subscriptionId: n.subscriptionId, id: n.resourceData.id, at });
      res.writeHead(202);
      res.end();
      const count = this.arrivals.length;
      this.waiters = this.waiters.filter((w) => (count >= w.n ? (w.resolve(), false) : true));
    });
  }
}

/** Sends a request and returns when its answer's head arrived (the write has committed), and the answer. */
async function send(url: string, init: RequestInit): Promise<{ at: number; status: number; body: any }> {
  const r = await fetch(url, init);
  const at = performance.now();
  const text = await r.text();
  return { at, status: r.status, body: text ? JSON.parse(text) : undefined };
}

export async function w7Webhooks(d: WebhookDeps): Promise<void> {
  const receiver = new Receiver();
  const hook = await receiver.start();
  const json = { authorization: `Bearer ${d.adminToken}`, "content-type": "application/json" };
  const subscriptionIds: string[] = [];
  const subscribe = async (i: number) => {
    const r = await send(`${d.base}/v1.0/subscriptions`, {
      method: "POST", headers: json,
      body: JSON.stringify({ changeType: "updated", notificationUrl: hook, resource: "users", expirationDateTime: new Date(Date.now() + 86_400_000).toISOString(), clientState: `w7-${i}` }),
    });
    if (r.status !== 201) throw new Error(`W7 webhooks: subscribing answered ${r.status} ${JSON.stringify(r.body).slice(0, 300)}`);
    subscriptionIds.push(r.body.id);
  };
  try {
    d.log(`W7 webhooks: latency, 1 subscription, ${d.latencyChanges} changes one at a time`);
    await subscribe(0);
    const latency: number[] = [];
    for (let i = 0; i < d.latencyChanges; i++) {
      const add = i % 2 === 0;
      const before = receiver.arrivals.length;
      const w = await send(`${d.base}/v1.0/users/${guid(d.userId)}/assignLicense`, {
        method: "POST", headers: json,
        body: JSON.stringify(add ? { addLicenses: [{ skuId: guid(d.skuId), disabledPlans: [] }], removeLicenses: [] } : { addLicenses: [], removeLicenses: [guid(d.skuId)] }),
      });
      if (w.status !== 200) throw new Error(`W7 webhooks: assignLicense answered ${w.status} ${JSON.stringify(w.body).slice(0, 300)}`);
      await receiver.received(before + 1, 10_000);
      latency.push(receiver.arrivals[before].at - w.at);
    }

    const changes = d.throughputUserIds.length;
    const subs = 10;
    d.log(`W7 webhooks: throughput, ${subs} subscriptions, ${changes.toLocaleString("en-US")} users changed by 4 writers`);
    for (let i = 1; i < subs; i++) await subscribe(i);
    receiver.arrivals = [];
    const answered = new Map<string, number>();
    const writers = 4;
    const t0 = performance.now();
    await Promise.all(Array.from({ length: writers }, async (_, w) => {
      for (let i = w; i < changes; i += writers) {
        const id = d.throughputUserIds[i];
        const r = await send(`${d.base}/graphql`, {
          method: "POST", headers: json,
          body: JSON.stringify({ query: "mutation($i: UpdateUserInput!) { updateUser(input: $i) { id } }", variables: { i: { id, displayName: `W7 renamed ${i}` } } }),
        });
        if (r.status !== 200 || r.body.errors?.length) throw new Error(`W7 webhooks: updateUser answered ${r.status} ${JSON.stringify(r.body).slice(0, 300)}`);
        answered.set(guid(id), r.at);
      }
    }));
    const writesDone = performance.now();
    await receiver.received(changes * subs, 600_000);
    const allIn = performance.now();
    const seen = new Set<string>();
    const underLoad: number[] = [];
    for (const a of receiver.arrivals) {
      if (!answered.has(a.id)) continue;
      const key = `${a.subscriptionId}|${a.id}`;
      if (seen.has(key)) continue; // at least once: a repeat is not a second latency
      seen.add(key);
      underLoad.push(a.at - answered.get(a.id)!);
    }
    if (seen.size !== changes * subs) throw new Error(`W7 webhooks: ${seen.size} distinct (subscription, user) notifications, ${changes * subs} expected`);
    const seconds = (allIn - t0) / 1000;
    const p99 = percentile(latency, 99);
    d.rows.push(
      {
        workload: "W7 webhook latency after commit (1 subscription, idle)", subject: "Graph assignLicense → receiver",
        median: time(median(latency)), p95: time(p95(latency)), extra: `${latency.length} changes; p99 ${time(p99)}; max ${time(Math.max(...latency))}`,
        ratio: "", target: `p99 < 1 s → ${p99 < 1000 ? "met" : "MISSED"}`,
      },
      {
        workload: `W7 webhook throughput (${changes.toLocaleString("en-US")} changes × ${subs} subscriptions)`, subject: "GraphQL updateUser → receiver",
        median: time(median(underLoad)), p95: time(p95(underLoad)),
        extra: `${fmt((changes * subs) / seconds, 0)} notifications/s (${fmt(changes / seconds, 0)} changes/s); all ${(changes * subs).toLocaleString("en-US")} in ${fmt(seconds, 1)} s, ${fmt((allIn - writesDone) / 1000, 1)} s after the last write; writes ${fmt(changes / ((writesDone - t0) / 1000), 0)}/s; p99 ${time(percentile(underLoad, 99))}; ${receiver.arrivals.length - seen.size} repeats`,
        ratio: "", target: "",
      },
    );
    d.notes.push(
      `W7 webhooks (MG6): a receiver in the bench process on 127.0.0.1 (the server under test runs with WEBHOOK_ALLOW_PRIVATE=true for it); subscriptions made through POST /v1.0/subscriptions with the validation handshake (${receiver.validations} answered). Latency = arrival at the receiver − the moment the write's answer reached the client (after COMMIT); negative when the notification overtook the answer. The throughput row's median/p95 are the same latency for each of the ${(changes * subs).toLocaleString("en-US")} notifications while writes and deliveries run together; one instance delivers.`,
    );
  } finally {
    for (const id of subscriptionIds) await fetch(`${d.base}/v1.0/subscriptions/${id}`, { method: "DELETE", headers: json }).catch(() => undefined);
    await receiver.stop();
  }
}
