import { createServer, Server } from "node:http";
import type { App } from "../app/request/context";

/** O1: Prometheus text on its own port (127.0.0.1 unless METRICS_HOST), apart from the API's listener. */
export async function serveMetrics(app: App, port: number, host: string): Promise<Server> {
  const server = createServer(async (req, res) => {
    if (req.url !== "/metrics") {
      res.writeHead(404, { "content-type": "text/plain" }).end("metrics are at /metrics\n");
      return;
    }
    try {
      const body = await app.metrics.text();
      res.writeHead(200, { "content-type": app.metrics.contentType }).end(body);
    } catch (e) {
      app.log.error("metrics failed", { error: String(e) });
      res.writeHead(500).end();
    }
  });
  await new Promise<void>((r) => server.listen(port, host, r));
  return server;
}

/** H6: on shutdown the metrics port closes with its connections (a scraper's keep-alive one too); a scrape cut short is retried. */
export function closeMetrics(server: Server): Promise<void> {
  const closed = new Promise<void>((r) => server.close(() => r()));
  server.closeAllConnections();
  return closed;
}
