/**
 * Debian's Chromium driven by playwright-core (no browser download), for the console's end-to-end
 * tests and its benchmark. Without the background-networking flags Chromium keeps calling Google
 * services, which on a closed network floods the machine with failing connections.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { gzipSync } from "node:zlib";
import { BrowserContext, chromium, Page } from "playwright-core";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const ROOT = resolve(__dirname, "../..").replace(/[\\/]dist$/, "");
export const CONSOLE_SRC = join(ROOT, "src/console");
export const CONSOLE_DIST = join(ROOT, "dist/console");

export const CHROMIUM_FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

function newest(dir: string, skip: RegExp): number {
  let t = 0;
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (skip.test(p)) continue;
    const st = statSync(p);
    t = Math.max(t, st.isDirectory() ? newest(p, skip) : st.mtimeMs);
  }
  return t;
}

/**
 * Builds the console (vite build) when dist/console is missing or older than its sources. Several e2e files start
 * at once in jest's workers: a lock directory (mkdir is atomic) lets one build while the others wait for it, so two
 * builds never empty and write dist/console at the same time.
 */
export function ensureConsoleBuilt(): void {
  const index = join(CONSOLE_DIST, "index.html");
  const fresh = () => existsSync(index) && statSync(index).mtimeMs >= newest(CONSOLE_SRC, /[\\/]screenshots([\\/]|$)/);
  if (fresh()) return;
  const lock = join(ROOT, "dist/.console-build.lock");
  mkdirSync(join(ROOT, "dist"), { recursive: true });
  const pause = new Int32Array(new SharedArrayBuffer(4));
  for (let waited = 0; ; waited += 200) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      // A lock left by a killed run is taken over after two minutes.
      if (waited > 120_000) rmSync(lock, { recursive: true, force: true });
      Atomics.wait(pause, 0, 0, 200);
    }
  }
  try {
    if (fresh()) return;
    execFileSync(process.execPath, [join(ROOT, "node_modules/vite/bin/vite.js"), "build", "src/console", "--logLevel", "warn"], { cwd: ROOT, stdio: "inherit" });
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

export interface Browser {
  context: BrowserContext;
  close(): Promise<void>;
}

/** A fresh Chromium profile (its own --user-data-dir) for each launch. */
export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: apt-get install -y chromium`);
  const profile = mkdtempSync(join(tmpdir(), "console-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_FLAGS,
    viewport: { width: 1280, height: 860 },
    locale: "en-US",
    timezoneId: "UTC",
  });
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

let axeSource: string | undefined;

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[] }[];
}

/**
 * Runs axe-core in the page. It is evaluated through the DevTools protocol, which the page's
 * Content-Security-Policy does not apply to, so the console's CSP stays on during the tests.
 */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  axeSource ??= readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
  await page.evaluate(axeSource);
  // As text: the repository's Node tsconfig has no DOM types.
  return page.evaluate<AxeViolation[]>(`axe.run(document).then((r) => r.violations.map((v) => ({
    id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target })),
  })))`);
}

export interface MainBundle {
  /** The entry script and the chunks index.html preloads with it: everything the first page runs before a lazy chunk. */
  scripts: string[];
  raw: number;
  gzip: number;
  cssGzip: number;
}

/** The console's main bundle as the server sends it (gzipped), from dist/console/index.html. */
export function mainBundle(): MainBundle {
  const html = readFileSync(join(CONSOLE_DIST, "index.html"), "utf8");
  const scripts = [...html.matchAll(/<(?:script[^>]+src|link[^>]+rel="modulepreload"[^>]+href)="\/assets\/([^"]+\.js)"/g)].map((m) => m[1]);
  const css = [...html.matchAll(/<link[^>]+rel="stylesheet"[^>]+href="\/assets\/([^"]+\.css)"/g)].map((m) => m[1]);
  if (!scripts.length) throw new Error("no script in dist/console/index.html: run npm run build");
  const read = (f: string) => readFileSync(join(CONSOLE_DIST, "assets", f));
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  return {
    scripts,
    raw: sum(scripts.map((f) => read(f).length)),
    gzip: sum(scripts.map((f) => gzipSync(read(f)).length)),
    cssGzip: sum(css.map((f) => gzipSync(read(f)).length)),
  };
}
