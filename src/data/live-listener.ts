import { Client, ClientConfig } from "pg";
import { DataSource } from "typeorm";

export interface ListenerHandlers {
  /** A NOTIFY payload on the channel. */
  message(payload: string): void;
  /** The connection came back after a loss: notifications may have been missed meanwhile. */
  reconnected(): void;
  /** LISTEN is in place (first or again): commits from now on will be heard. */
  listening?(): void;
  /** The connection is gone: commits may go unheard until `listening`. */
  lost?(): void;
  log(msg: string, fields?: Record<string, unknown>): void;
}

/** The channel of this database schema: tests put several schemas in one database, and NOTIFY is database-wide. */
export function liveChannel(ds: DataSource): string {
  const opts = (ds.options as { extra?: { options?: string } }).extra?.options ?? "";
  const schema = /search_path=(\w+)/.exec(opts)?.[1];
  return schema ? `license_graph_live_${schema}`.slice(0, 63) : "license_graph_live";
}

function clientConfig(ds: DataSource): ClientConfig {
  const o = ds.options as { url?: string; ssl?: ClientConfig["ssl"]; extra?: { options?: string } };
  return { connectionString: o.url, ssl: o.ssl, options: o.extra?.options, application_name: `license-graph-live-${process.pid}`,
    // I1: a peer that vanished without closing (a half-open socket) is noticed, and the row cache bypassed.
    keepAlive: true, keepAliveInitialDelayMillis: 5000 };
}

/**
 * One LISTEN connection per instance, outside the pool. When it drops it reconnects with a growing
 * delay (100 ms doubling to 5 s) and reports it, so the caller can refresh what it may have missed.
 */
export class PgListener {
  private client?: Client;
  private stopped = false;
  private failures = 0;
  private timer?: NodeJS.Timeout;
  /** The listening backend's process ID (tests terminate it to prove the reconnect). */
  backendPid?: number;

  constructor(private readonly ds: DataSource, readonly channel: string, private readonly on: ListenerHandlers) {}

  start(): Promise<void> {
    return this.connect(false);
  }

  private async connect(isReconnect: boolean): Promise<void> {
    if (this.stopped) return;
    const c = new Client(clientConfig(this.ds));
    let lost = false;
    const onLost = (why: unknown) => {
      if (lost) return;
      lost = true;
      if (this.client === c) this.client = undefined;
      c.end().catch(() => undefined);
      if (!this.stopped) {
        this.on.lost?.();
        this.on.log("live: LISTEN connection lost", { error: String((why as Error)?.message ?? why) });
        this.schedule();
      }
    };
    c.on("error", onLost);
    c.on("end", () => onLost("ended"));
    c.on("notification", (m) => {
      if (m.channel === this.channel && m.payload) this.on.message(m.payload);
    });
    try {
      await c.connect();
      const [{ pid }] = (await c.query("SELECT pg_backend_pid() AS pid")).rows as { pid: number }[];
      await c.query(`LISTEN "${this.channel}"`);
      if (this.stopped || lost) return void c.end().catch(() => undefined);
      this.client = c;
      this.backendPid = pid;
      this.failures = 0;
      this.on.listening?.();
      if (isReconnect) this.on.reconnected();
    } catch (e) {
      onLost(e);
    }
  }

  private schedule(): void {
    if (this.stopped || this.timer) return;
    const delay = Math.min(5000, 100 * 2 ** this.failures++);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.connect(true);
    }, delay);
  }

  get connected(): boolean {
    return Boolean(this.client);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    const c = this.client;
    this.client = undefined;
    await c?.end().catch(() => undefined);
  }
}
