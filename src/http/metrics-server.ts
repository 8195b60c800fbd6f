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
