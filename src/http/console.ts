/**
 * Serves the admin console (DESIGN §13) built by `vite build src/console` into dist/console:
 * hashed assets cached for a year, index.html revalidated on every load, the console's routes
 * answered with index.html (the browser router takes it from there), and a Content-Security-Policy
 * that allows nothing but this origin. Node built-ins only; the API at /graphql is not touched.
 */
import { createHash } from "node:crypto";
import { existsSync, statSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { IncomingMessage, ServerResponse } from "node:http";
import { extname, join, resolve, sep } from "node:path";
import { gzipSync } from "node:zlib";

/**
 * No outside host: scripts, styles, requests and frames come from this origin only. The one exception is the
 * OpenID Connect issuer the operator configured (K1), which the console must call for its discovery document,
 * keys and tokens; it is added to connect-src alone.
 */
export function consoleCsp(connectTo: string[] = []): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    // GraphiQL's stylesheet carries its fonts inline as data: URLs (still nothing from outside this origin).
    "font-src 'self' data:",
    `connect-src ${["'self'", ...connectTo].join(" ")}`,
    "manifest-src 'self'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

export const CONSOLE_CSP = consoleCsp();

const securityHeaders = (csp: string): Record<string, string> => ({
  "content-security-policy": csp,
  "x-content-type-options": "nosniff",
  "referrer-policy": "no-referrer",
  "x-frame-options": "DENY",
  "cross-origin-opener-policy": "same-origin",
});

/** What the server tells the console at /console-config.json (no secret in it: the client ID of a public client is not one). */
export interface ConsoleSettings {
  explorer: boolean;
  oidc: { issuer: string; clientId: string; scope: string } | null;
  /** The paste-a-token sign-in of development (K1); off in production when OpenID Connect is set. */
  tokenSignIn: boolean;
}

export interface ConsoleOptions {
  csp: string;
  settings: ConsoleSettings;
}

export function consoleOptions(config: { production: boolean; explorer: boolean; oidc?: { issuer: string; clientId: string; scope: string } }): ConsoleOptions {
  const oidc = config.oidc ? { issuer: config.oidc.issuer, clientId: config.oidc.clientId, scope: config.oidc.scope } : null;
  return {
    csp: consoleCsp(oidc ? [new URL(oidc.issuer).origin] : []),
    settings: { explorer: config.explorer, oidc, tokenSignIn: !(config.production && oidc) },
  };
}

const DEFAULT_OPTIONS: ConsoleOptions = consoleOptions({ production: false, explorer: true });

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
  ".json": "application/json; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
};

/** Paths the browser router owns: a reload or a shared link there gets index.html. */
const CONSOLE_ROUTE = /^\/(?:(?:users|groups|requests|reports|billing|settings|capacity|audit|auth)(?:\/[^.]*)?)?$/;

/** The link `npm start` prints: the token travels in the fragment, which browsers never send to a server. */
export function signInLink(origin: string, token: string): string {
  return `${origin.replace(/\/$/, "")}/#token=${encodeURIComponent(token)}`;
}

/** dist/console from the compiled server (dist/src/http) or from the sources (src/http, under ts-jest); CONSOLE_DIR overrides. */
export function consoleDir(): string | null {
  const candidates = [process.env.CONSOLE_DIR, resolve(__dirname, "../../console"), resolve(__dirname, "../../dist/console")];
  for (const dir of candidates) if (dir && existsSync(join(dir, "index.html"))) return resolve(dir);
  return null;
}

interface Cached {
  mtimeMs: number;
  raw: Buffer;
  gzip: Buffer | null;
  etag: string;
}
const files = new Map<string, Cached>();

/** Files are read once and kept with their gzip form; a rebuild (new mtime) is picked up. */
async function load(path: string): Promise<Cached | null> {
  let mtimeMs: number;
  try {
    const st = statSync(path);
    if (!st.isFile()) return null;
    mtimeMs = st.mtimeMs;
  } catch {
    return null;
  }
  const known = files.get(path);
  if (known && known.mtimeMs === mtimeMs) return known;
  const raw = await readFile(path);
  const compressible = /\.(html|js|css|svg|json|txt)$/.test(path) && raw.length > 1024;
  const entry = { mtimeMs, raw, gzip: compressible ? gzipSync(raw) : null, etag: `"${createHash("sha1").update(raw).digest("base64url")}"` };
  files.set(path, entry);
  return entry;
}

function send(req: IncomingMessage, res: ServerResponse, file: Cached, type: string, cacheControl: string, csp: string, vary: string[] = []): void {
  const headers: Record<string, string> = { ...securityHeaders(csp), "content-type": type, "cache-control": cacheControl, etag: file.etag };
  if (vary.length) headers.vary = vary.join(", ");
  if (req.headers["if-none-match"] === file.etag) {
    res.writeHead(304, headers);
    res.end();
    return;
  }
  let body = file.raw;
  if (file.gzip) {
    headers.vary = ["Accept-Encoding", ...vary].join(", ");
    if (/\bgzip\b/.test(String(req.headers["accept-encoding"] ?? ""))) {
      body = file.gzip;
      headers["content-encoding"] = "gzip";
    }
  }
  headers["content-length"] = String(body.length);
  res.writeHead(200, headers);
  res.end(req.method === "HEAD" ? undefined : body);
}

function sendText(res: ServerResponse, status: number, text: string, csp: string): void {
  res.writeHead(status, { ...securityHeaders(csp), "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" });
  res.end(text);
}

/** A browser navigating to /graphql (K7): it asks for HTML; API clients ask for JSON or send a query. */
export function wantsExplorer(req: IncomingMessage, url: URL): boolean {
  if (req.method !== "GET" && req.method !== "HEAD") return false;
  if (url.searchParams.has("query")) return false;
  const accept = String(req.headers.accept ?? "");
  return /\btext\/html\b/.test(accept);
}

/**
 * Answers GET and HEAD for the console's files and routes (and its settings at /console-config.json); returns
 * false for anything else, which the caller handles as before (the API, health checks, its 404).
 * `page` serves the console's index.html at another path (the explorer at /graphql).
 */
export async function serveConsole(
  req: IncomingMessage, res: ServerResponse, pathname: string, options: ConsoleOptions = DEFAULT_OPTIONS, page = false,
): Promise<boolean> {
  if (req.method !== "GET" && req.method !== "HEAD") return false;
  if (pathname === "/console-config.json") {
    res.writeHead(200, { "content-type": TYPES[".json"], "cache-control": "no-store", "x-content-type-options": "nosniff" });
    res.end(req.method === "HEAD" ? undefined : JSON.stringify(options.settings));
    return true;
  }
  const isAsset = pathname.startsWith("/assets/");
  if (!page && !isAsset && !CONSOLE_ROUTE.test(pathname)) return false;
  const csp = options.csp;
  const dir = consoleDir();
  if (!dir) {
    sendText(res, 503, "The admin console is not built. Run `npm run build` (or `npm start`), then reload.", csp);
    return true;
  }
  if (isAsset) {
    let name: string;
    try {
      name = decodeURIComponent(pathname.slice("/assets/".length));
    } catch {
      return false;
    }
    const assets = join(dir, "assets");
    const path = resolve(assets, name);
    if (name.includes("\0") || !path.startsWith(assets + sep)) return false;
    const file = await load(path);
    if (!file) return false;
    // Vite names every asset after its content hash, so a file at a given URL never changes.
    send(req, res, file, TYPES[extname(path)] ?? "application/octet-stream", "public, max-age=31536000, immutable", csp);
    return true;
  }
  const index = await load(join(dir, "index.html"));
  if (!index) return false;
  // The explorer's page answers at /graphql, which also speaks JSON: caches must keep the two apart.
  send(req, res, index, TYPES[".html"], "no-cache", csp, page ? ["Accept"] : []);
  return true;
}
