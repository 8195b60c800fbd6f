import { createConnection, createServer, Server, Socket } from "node:net";

/**
 * A loopback TCP proxy in front of a real server (Redis in the throttling tests): stopping it makes the server
 * unreachable for the app without touching the server; it counts the client's writes (round trips).
 */
export class TcpProxy {
  private server?: Server;
  private readonly sockets = new Set<Socket>();
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

  async listen(): Promise<void> {
    this.server = createServer((client) => {
      const upstream = createConnection(this.targetPort, this.targetHost);
      this.sockets.add(client).add(upstream);
      client.on("data", () => this.clientWrites++);
      client.pipe(upstream).pipe(client);
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
    const closed = new Promise<void>((r) => this.server?.close(() => r()));
    for (const s of this.sockets) s.destroy();
    this.sockets.clear();
    await closed;
    this.server = undefined;
  }
}
