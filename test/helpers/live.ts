import { Client, createClient } from "graphql-ws";
import WebSocket from "ws";
import type { TestApi } from "./harness";
import { liveHub, LiveKind } from "../../src/app/live/hub";

/** A queue of what one subscription received; `next()` waits for the next item (bounded: a failing test ends, it never sleeps). */
export class Received<T = any> {
  readonly items: T[] = [];
  private waiting: ((v: T) => void)[] = [];
  errors: unknown;
  completed = false;

  push(v: T): void {
    const w = this.waiting.shift();
    if (w) w(v);
    else this.items.push(v);
  }

  next(timeoutMs = 10_000): Promise<T> {
    const v = this.items.shift();
    if (v !== undefined) return Promise.resolve(v);
    return new Promise((res, rej) => {
      const t = setTimeout(() => {
        this.waiting = this.waiting.filter((w) => w !== done);
        rej(new Error(`no event within ${timeoutMs} ms`));
      }, timeoutMs);
      const done = (x: T) => {
        clearTimeout(t);
        res(x);
      };
      this.waiting.push(done);
    });
  }
}

export interface LiveSub<T = any> {
  /** Every `next` message, as { data, errors }. */
  results: Received<{ data?: T; errors?: any[] }>;
  /** Resolves when the server completes or errors the subscription. */
  ended: Promise<{ errors?: any[] }>;
  stop(): void;
}

/** A real graphql-ws client (the graphql-transport-ws protocol over `ws`), as a portal would use it. */
export class LiveClient {
  readonly client: Client;
  readonly closed: Promise<{ code: number; reason: string }>;
  readonly connected: Promise<void>;

  constructor(base: string, authorization: string | undefined | null, opts: { keepAlive?: number } = {}) {
    let onClosed!: (e: { code: number; reason: string }) => void;
    let onConnected!: () => void;
    this.closed = new Promise((r) => (onClosed = r));
    this.connected = new Promise((r) => (onConnected = r));
    this.client = createClient({
      url: `${base.replace(/^http/, "ws")}/graphql`,
      webSocketImpl: WebSocket,
      connectionParams: authorization === null ? undefined : authorization === undefined ? {} : { authorization },
      lazy: false,
      retryAttempts: 0,
      keepAlive: opts.keepAlive ?? 0,
      onNonLazyError: () => undefined,
      on: {
        connected: () => onConnected(),
        closed: (e) => {
          const ev = e as { code: number; reason: string };
          onClosed({ code: ev.code, reason: String(ev.reason) });
        },
      },
    });
  }

  static async open(base: string, token: string): Promise<LiveClient> {
    const c = new LiveClient(base, `Bearer ${token}`);
    await Promise.race([c.connected, c.closed.then((e) => Promise.reject(new Error(`closed ${e.code} ${e.reason}`)))]);
    return c;
  }

  subscribe<T = any>(query: string, variables?: Record<string, unknown>): LiveSub<T> {
    const results = new Received<{ data?: T; errors?: any[] }>();
    let end!: (v: { errors?: any[] }) => void;
    const ended = new Promise<{ errors?: any[] }>((r) => (end = r));
    const stop = this.client.subscribe<T>({ query, variables }, {
      next: (v) => results.push(v as { data?: T; errors?: any[] }),
      error: (e) => {
        results.errors = e;
        end({ errors: Array.isArray(e) ? e : [e] });
      },
      complete: () => {
        results.completed = true;
        end({});
      },
    });
    return { results, ended, stop };
  }

  async close(): Promise<void> {
    await this.client.dispose();
  }
}

export const LIVE = {
  me: `subscription { myLicenseChanged { id displayName roles accountEnabled canCreateBots effectiveLicenses { sku { partNumber } state error holdsSeat } } }`,
  pools: `subscription { tenantLicensesChanged { sku { partNumber } consumedUnits availableUnits unassignedDemand lowOnSeats } }`,
  audit: `subscription { auditEventAdded { id action targetId actor { id } } }`,
};

/**
 * Live clients of one describe block: `open` connects (closed after each test), `sub` subscribes and waits until the
 * hub has registered it (the protocol has no acknowledgement of a subscribe).
 */
export function liveClients(api: () => TestApi, base: () => string) {
  const hub = () => liveHub(api().app);
  const clients: LiveClient[] = [];
  afterEach(async () => {
    for (const c of clients.splice(0)) await c.close().catch(() => undefined);
  });
  async function open(token: string): Promise<LiveClient> {
    const c = await LiveClient.open(base(), token);
    clients.push(c);
    return c;
  }
  async function sub(c: LiveClient, t: { tenantId: string }, kind: LiveKind, query: string): Promise<LiveSub> {
    const before = hub().count(t.tenantId, kind);
    const s = c.subscribe(query);
    await Promise.race([hub().when(() => hub().count(t.tenantId, kind) > before), s.ended]);
    return s;
  }
  /** Closes every client opened so far, now (a test that opens many in rounds). */
  async function closeAll(): Promise<void> {
    for (const c of clients.splice(0)) await c.close();
  }
  return { hub, open, sub, closeAll };
}
