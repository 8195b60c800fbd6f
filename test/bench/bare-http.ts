/** W1's floor: bare node:http answering the same canned JSON body as ours. Run as a child: PORT, BARE_BODY. */
import { createServer } from "node:http";

const canned = Buffer.from(process.env.BARE_BODY ?? '{"data":{"me":null}}');

const http = createServer((req, res) => {
  if (req.url === "/health") return void res.writeHead(200, { "content-type": "application/json" }).end('{"status":"ok"}');
  req.resume();
  req.on("end", () => {
    res.writeHead(200, { "content-type": "application/json; charset=utf-8", "content-length": canned.length });
    res.end(canned);
  });
});
http.listen(Number(process.env.PORT ?? 4101), "127.0.0.1");
process.on("SIGTERM", () => {
  http.close();
  process.exit(0);
});
