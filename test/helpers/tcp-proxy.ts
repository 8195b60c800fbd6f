import { createConnection, createServer, Server, Socket } from "node:net";

interface Cut {
  match: (chunk: Buffer) => boolean;
  stop: boolean;
  fired: () => void;
}

/**
 * A loopback TCP proxy in front of a real server (Redis in the throttling tests, PostgreSQL in the outage tests):
 * stopping it makes the server unreachable for the app without touching the server; it counts the client's writes
 * (round trips), and can cut a connection at the moment the client sends a given message.
 */
export class TcpProxy {
  private server?: Server;
  private readonly sockets = new Set<Socket>();
  private cut?: Cut;
  /** Data chunks sent by clients towards the server. */
  clientWrites = 0;

  private constructor(private readonly targetHost: string, private readonly targetPort: number, public port: number) {}

  static async start(target: string, port = 0): Promise<TcpProxy> {
    const u = new URL(target);
    const p = new TcpProxy(u.hostname, Number(u.port || 6379), port);
    await p.listen();
    return p;
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  get listening(): boolean {
    return this.server !== undefined;
  }

  /** `target` (same user, database and options) reached through this proxy. */
  proxied(target: string): string {
    const u = new URL(target);
    u.hostname = "127.0.0.1";
    u.port = String(this.port);
    return u.toString();
  }

  /**
   * The next client chunk that `match`es is dropped, never reaching the server, and its connection is cut (both
   * sides); with `stop`, the proxy then refuses every connection until `listen()`. Resolves when that happened.
   */
  cutOn(match: (chunk: Buffer) => boolean, opts: { stop?: boolean } = {}): Promise<void> {
    return new Promise((fired) => (this.cut = { match, stop: opts.stop ?? false, fired }));
  }

  async listen(): Promise<void> {
    this.server = createServer((client) => {
      const upstream = createConnection(this.targetPort, this.targetHost);
      this.sockets.add(client).add(upstream);
      client.on("data", (chunk: Buffer) => {
        this.clientWrites++;
        const cut = this.cut;
        if (cut?.match(chunk)) {
          this.cut = undefined;
          end();
          void (cut.stop ? this.stop() : Promise.resolve()).then(cut.fired);
          return;
        }
        if (!upstream.write(chunk)) {
          client.pause();
          upstream.once("drain", () => client.resume());
        }
      });
      upstream.pipe(client);
      const end = () => {
        client.destroy();
        upstream.destroy();
        this.sockets.delete(client);
        this.sockets.delete(upstream);
      };
      client.on("error", end).on("close", end);
      upstream.on("error", end).on("close", end);
    });
    await new Promise<void>((r) => this.server!.listen(this.port, "127.0.0.1", r));
    this.port = (this.server.address() as { port: number }).port;
  }

  /** Refuses new connections and cuts the open ones: the server is gone, as far as clients can tell. */
  async stop(): Promise<void> {
    const server = this.server;
    const closed = new Promise<void>((r) => (server ? server.close(() => r()) : r()));
    for (const s of this.sockets) s.destroy();
    this.sockets.clear();
    await closed;
    this.server = undefined;
  }
}
