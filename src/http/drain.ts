import { Server as NetServer } from "node:net";
import type { Server } from "node:http";
import type { App } from "../app/request/context";

/** What the drain needs of a response: enough to count it and to say `Connection: close` before its head goes out. */
export interface TrackedResponse {
  readonly headersSent: boolean;
  once(event: "close", fn: () => void): unknown;
  setHeader(name: string, value: string): unknown;
}

/**
 * O2, H6: on SIGTERM /ready answers 503, the listener closes (no new connections), requests in flight finish
 * (up to SHUTDOWN_TIMEOUT_MS) and so do requests that arrive meanwhile on connections already accepted, every
 * response says `Connection: close`, the shutdown hooks run (WebSockets close with 1001), then the caller exits.
 */
export class Drain {
  draining = false;
  private inFlight = 0;
  private idle?: () => void;
  /** Per connection, its newest response not yet finished: the one that says `Connection: close` while draining. */
  private readonly newest = new Map<object, TrackedResponse>();
  /** Run after the last request, before the database closes: the live-updates server closes its sockets (1001) here. */
  readonly hooks: (() => Promise<void> | void)[] = [];

  get requestsInFlight(): number {
    return this.inFlight;
  }

  /** Counts one request until its response is done (or its connection gone). */
  track(req: { socket: object }, res: TrackedResponse): void {
    this.inFlight++;
    const socket = req.socket;
    const before = this.newest.get(socket);
    this.newest.set(socket, res);
    if (this.draining) {
      // A pipelined request behind `before`: Node drops it if `before` ends the connection, so the close moves to it.
      if (before && !before.headersSent) before.setHeader("connection", "keep-alive");
      res.setHeader("connection", "close");
    }
    res.once("close", () => {
      if (this.newest.get(socket) === res) this.newest.delete(socket);
      this.inFlight--;
      if (this.inFlight === 0) this.idle?.();
    });
  }

  /** Drains `http`; resolves true when everything finished in time, false when the timeout cut it short. */
  async run(app: App, http: Server, timeoutMs: number): Promise<boolean> {
    this.draining = true;
    // Decided when the head is written, not when the request came: a request begun before SIGTERM (its body still
    // arriving, or its answer still being worked out) tells its client to reconnect elsewhere too.
    for (const res of this.newest.values()) if (!res.headersSent) res.setHeader("connection", "close");
    app.log.info("draining", { requestsInFlight: this.inFlight, timeoutMs });
    // net's close, not http's: http.Server#close also drops idle keep-alive connections at once, and a request a
    // client sends on one of them meanwhile would meet a reset instead of an answer that says `Connection: close`.
    const closed = new Promise<void>((r) => NetServer.prototype.close.call(http, () => r()));
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<boolean>((r) => (timer = setTimeout(() => r(false), timeoutMs)));
    const finished = (async () => {
      if (this.inFlight > 0) await new Promise<void>((r) => (this.idle = r));
      http.closeIdleConnections();
      for (const hook of this.hooks) await hook();
      return true;
    })();
    const inTime = await Promise.race([finished, timedOut]);
    clearTimeout(timer);
    http.closeAllConnections();
    // Only upgraded sockets can be left; a moment for them, since the process exits next anyway.
    await Promise.race([closed, new Promise((r) => setTimeout(r, 100).unref())]);
    if (!inTime) app.log.error("shutdown timeout: requests still in flight were cut off", { requestsInFlight: this.inFlight, timeoutMs });
    return inTime;
  }
}
