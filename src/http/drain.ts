import type { Server } from "node:http";
import type { App } from "../app/request/context";

/**
 * O2: on SIGTERM /ready answers 503, the listener closes (no new connections), requests in flight finish
 * (up to SHUTDOWN_TIMEOUT_MS), the shutdown hooks run (WebSockets close with 1001), then the caller exits.
 */
export class Drain {
  draining = false;
  private inFlight = 0;
  private idle?: () => void;
  /** Run after the last request, before the database closes: the live-updates server closes its sockets (1001) here. */
  readonly hooks: (() => Promise<void> | void)[] = [];

  get requestsInFlight(): number {
    return this.inFlight;
  }

  /** Counts one request until its response is done (or its connection gone). */
  track(res: { once(event: "close", fn: () => void): unknown; setHeader(name: string, value: string): unknown }): void {
    this.inFlight++;
    // Keep-alive connections end after their current response once draining.
    if (this.draining) res.setHeader("connection", "close");
    res.once("close", () => {
      this.inFlight--;
      if (this.inFlight === 0) this.idle?.();
    });
  }

  /** Drains `http`; resolves true when everything finished in time, false when the timeout cut it short. */
  async run(app: App, http: Server, timeoutMs: number): Promise<boolean> {
    this.draining = true;
    app.log.info("draining", { requestsInFlight: this.inFlight, timeoutMs });
    const closed = new Promise<void>((r) => http.close(() => r()));
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<boolean>((r) => (timer = setTimeout(() => r(false), timeoutMs)));
    const finished = (async () => {
      if (this.inFlight > 0) await new Promise<void>((r) => (this.idle = r));
      for (const hook of this.hooks) await hook();
      return true;
    })();
    const inTime = await Promise.race([finished, timedOut]);
    clearTimeout(timer);
    http.closeAllConnections();
    await Promise.race([closed, new Promise((r) => setTimeout(r, 1_000).unref())]);
    if (!inTime) app.log.error("shutdown timeout: requests still in flight were cut off", { requestsInFlight: this.inFlight, timeoutMs });
    return inTime;
  }
}
