import {
  AuthenticationHandler, Client, Context, CustomAuthenticationProvider, GraphError, HTTPMessageHandler, Middleware, TelemetryHandler,
} from "@microsoft/microsoft-graph-client";
import { Config } from "../../src/config";
import { engines, TestApi } from "../helpers/harness";

export { engines, GraphError };

/** The public address the test server is told it has (PUBLIC_URL): its links point there, as behind a TLS proxy. */
export const PUBLIC_HOST = "graph.licenses.test";
export const PUBLIC_URL = `https://${PUBLIC_HOST}`;

export async function startGraph(url: string, config: Partial<Config> = {}): Promise<{ api: TestApi; origin: string }> {
  const api = await TestApi.start(url, { config: { publicUrl: PUBLIC_URL, ...config } });
  return { api, origin: await api.listen() };
}

/**
 * The last hop of the SDK's chain: what it sends to the public https address goes to the test server's loopback
 * port instead, as a TLS-terminating proxy in front of this API would pass it on.
 */
class ToLoopback implements Middleware {
  private next?: Middleware;

  constructor(private readonly origin: string) {}

  async execute(context: Context): Promise<void> {
    const local = (u: string) => (u.startsWith(PUBLIC_URL) ? this.origin + u.slice(PUBLIC_URL.length) : u);
    context.request = typeof context.request === "string" ? local(context.request) : new Request(local(context.request.url), context.request);
    await this.next!.execute(context);
  }

  setNext(next: Middleware): void {
    this.next = next;
  }
}

/**
 * A Graph SDK client as a script would make one: an authProvider handing out the token, baseUrl the server's
 * public address with a trailing slash, version v1.0, and that host in customHosts (the SDK attaches the token only
 * to https URLs of Graph's own hosts or of customHosts). Its own authentication and telemetry handlers run; the
 * retry handler is left out so a test sees a 429 rather than waiting out its Retry-After.
 */
export function graphClient(origin: string, token: string | null): Client {
  const auth = new CustomAuthenticationProvider((done) => done(null, token));
  return Client.initWithMiddleware({
    baseUrl: `${PUBLIC_URL}/`,
    defaultVersion: "v1.0",
    customHosts: new Set([PUBLIC_HOST]),
    middleware: [new AuthenticationHandler(auth), new TelemetryHandler(), new ToLoopback(origin), new HTTPMessageHandler()],
  });
}

export interface RawReply {
  status: number;
  headers: globalThis.Headers;
  body: any;
}

/** Plain HTTP for what no SDK would send (a bad token, an unknown option, a malformed body). */
export async function graphFetch(origin: string, method: string, path: string, opts: { token?: string | null; body?: unknown; raw?: string; headers?: Record<string, string> } = {}): Promise<RawReply> {
  const headers: Record<string, string> = { ...(opts.headers ?? {}) };
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  let payload = opts.raw;
  if (opts.body !== undefined) payload = JSON.stringify(opts.body);
  if (payload !== undefined && !headers["content-type"]) headers["content-type"] = "application/json";
  const res = await fetch(`${origin}/v1.0${path}`, { method, headers, body: payload });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : undefined };
}

/** The bare GUID of an ID of this API (`usr_<guid>` → `<guid>`), as Graph shows it. */
export const guid = (id: string) => id.slice(id.indexOf("_") + 1);

/** What the SDK rejects with: its GraphError, for status, code and body. */
export async function graphErrorOf(p: Promise<unknown>): Promise<GraphError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof GraphError) return e;
    throw e;
  }
  throw new Error("expected the request to fail");
}

/** innerError.code of a Graph error: this API's ErrorCode (MG4). */
export const innerCode = (e: GraphError): string => JSON.parse(e.body as string).innerError.code;
