import { createServer, IncomingMessage, Server, ServerResponse } from "node:http";
import { AddressInfo, Socket } from "node:net";

/** How the receiver answers notifications (validation requests are always answered as Graph expects, unless `badValidation`). */
export type Mode = "ok" | "error" | "hang";

/**
 * A webhook receiver on 127.0.0.1, as an integration runs one: it answers Graph's validation request by echoing
 * the token as text/plain, and records every notification POST (`{ value: [...] }`). Tests wait on it by count,
 * never by time. `down()` stops listening (connections are refused) and `up()` listens again on the same port.
 */
export class Receiver {
  mode: Mode = "ok";
  badValidation = false;
  /** Runs before the validation request is answered (say, a call to the API meanwhile). */
  beforeValidation?: () => Promise<void>;
  validations: string[] = [];
  /** Every notification in the order the POSTs arrived. */
  notifications: any[] = [];
  /** Each acknowledged POST's `value`, in arrival order (to see how notifications were batched). */
  bodies: any[][] = [];
  posts = 0;
  /** Notification POSTs not answered yet. */
  inFlight = 0;
  /** Simulated receiver latency for each notification (the answer comes this much later). */
  delayMs = 0;
  private postWaiters: { n: number; resolve: () => void }[] = [];
  private server?: Server;
  private port = 0;
  private readonly sockets = new Set<Socket>();
  private waiters: { n: number; resolve: () => void }[] = [];

  static async start(): Promise<Receiver> {
    const r = new Receiver();
    await r.up();
    return r;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}/hook`;
  }

  async up(): Promise<void> {
    const server = createServer((req, res) => this.handle(req, res));
    server.on("connection", (s) => {
      this.sockets.add(s);
      s.on("close", () => this.sockets.delete(s));
    });
    await new Promise<void>((r) => server.listen(this.port, "127.0.0.1", r));
    this.port = (server.address() as AddressInfo).port;
    this.server = server;
  }

  async down(): Promise<void> {
    const s = this.server;
    this.server = undefined;
    if (!s) return;
    for (const socket of this.sockets) socket.destroy();
    await new Promise((r) => s.close(r));
  }

  /** Resolves once `n` notifications have arrived in all. */
  received(n: number): Promise<void> {
    if (this.notifications.length >= n) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push({ n, resolve }));
  }

  /** Resolves once `n` notification POSTs have arrived (answered or not). */
  postsArrived(n: number): Promise<void> {
    if (this.posts >= n) return Promise.resolve();
    return new Promise((resolve) => this.postWaiters.push({ n, resolve }));
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    const url = new URL(req.url ?? "/", "http://x");
    const parts: Buffer[] = [];
    req.on("data", (c: Buffer) => parts.push(c));
    req.on("end", () => {
      const token = url.searchParams.get("validationToken");
      if (token !== null) {
        this.validations.push(token);
        void (this.beforeValidation?.() ?? Promise.resolve()).then(() => {
          res.writeHead(200, { "content-type": "text/plain" });
          res.end(this.badValidation ? "not the token" : token);
        });
        return;
      }
      this.posts++;
      this.postWaiters = this.postWaiters.filter((w) => (this.posts >= w.n ? (w.resolve(), false) : true));
      if (this.mode === "hang") return;
      this.inFlight++;
      setTimeout(() => this.answer(parts, res), this.delayMs);
    });
  }

  private answer(parts: Buffer[], res: ServerResponse): void {
    this.inFlight--;
    if (this.mode === "error") {
      res.writeHead(503);
      res.end();
      return;
    }
    const body = JSON.parse(Buffer.concat(parts).toString("utf8"));
    this.notifications.push(...body.value);
    this.bodies.push(body.value);
    res.writeHead(202);
    res.end();
    const n = this.notifications.length;
    this.waiters = this.waiters.filter((w) => (n >= w.n ? (w.resolve(), false) : true));
  }
}
