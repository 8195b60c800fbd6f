/**
 * W1's ceiling: a bare Apollo Server 5 behind node:http (the way src/server.ts wires it), answering a
 * constant `me` with the same shape and body as ours. No auth, no database, default plugins.
 * Run as a child: PORT, BARE_ME (the JSON of `me`).
 */
import { ApolloServer, HeaderMap } from "@apollo/server";
import { createServer, IncomingMessage } from "node:http";

const typeDefs = `#graphql
  enum LicenseState { ACTIVE DISABLED ERROR }
  type Sku { id: ID! }
  type EffectiveLicense { sku: Sku! state: LicenseState! }
  type User { id: ID! canCreateBots: Boolean! effectiveLicenses: [EffectiveLicense!]! }
  type Query { me: User }
`;

const me = JSON.parse(process.env.BARE_ME ?? '{"canCreateBots":true,"effectiveLicenses":[]}');

/**
 * With BARE_DB_ENGINE set, `me` first reads the caller's row by primary key (BARE_USER_ID), as
 * DESIGN §6 requires of ours on every request: the ceiling of Apollo plus one round trip.
 */
async function rowReader(): Promise<(() => Promise<unknown>) | null> {
  const engine = process.env.BARE_DB_ENGINE;
  const id = process.env.BARE_USER_ID ?? "";
  if (engine === "sqlite") {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const Database = require("better-sqlite3");
    const db = new Database(process.env.BARE_DB_FILE, { readonly: true });
    const stmt = db.prepare("SELECT * FROM app_user WHERE id = ?");
    return async () => stmt.get(id);
  }
  if (engine === "postgres") {
    const { Pool } = await import("pg");
    const pool = new Pool({ connectionString: process.env.BARE_DB_URL, max: 10, ...(process.env.BARE_DB_SEARCH_PATH ? { options: `-c search_path=${process.env.BARE_DB_SEARCH_PATH}` } : {}) });
    return async () => (await pool.query({ name: "me", text: "SELECT * FROM app_user WHERE id = $1", values: [id] })).rows[0];
  }
  return null;
}

async function body(req: IncomingMessage): Promise<string> {
  const parts: Buffer[] = [];
  for await (const c of req) parts.push(c as Buffer);
  return Buffer.concat(parts).toString("utf8");
}

async function main(): Promise<void> {
  const read = await rowReader();
  const server = new ApolloServer({
    typeDefs,
    resolvers: { Query: { me: read ? async () => ((await read()) ? me : null) : () => me } },
  });
  await server.start();
  const http = createServer(async (req, res) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    if (url.pathname === "/health") return void res.writeHead(200, { "content-type": "application/json" }).end('{"status":"ok"}');
    const raw = await body(req);
    const headers = new HeaderMap();
    for (const [k, v] of Object.entries(req.headers)) if (v !== undefined) headers.set(k, Array.isArray(v) ? v.join(", ") : v);
    const result = await server.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: (req.method ?? "GET").toUpperCase(), headers, search: url.search, body: raw ? JSON.parse(raw) : raw },
      context: async () => ({}),
    });
    const out: Record<string, string> = {};
    for (const [k, v] of result.headers) out[k] = v;
    res.writeHead(result.status ?? 200, out);
    if (result.body.kind === "complete") res.end(result.body.string);
    else {
      for await (const chunk of result.body.asyncIterator) res.write(chunk);
      res.end();
    }
  });
  http.listen(Number(process.env.PORT ?? 4100), "127.0.0.1");
  process.on("SIGTERM", async () => {
    http.close();
    await server.stop();
    process.exit(0);
  });
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
