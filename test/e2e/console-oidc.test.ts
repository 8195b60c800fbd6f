/**
 * K1: OpenID Connect sign-in in Chromium. A real, certified OpenID Provider (`oidc-provider`) runs on 127.0.0.1 as the
 * issuer; the server runs with OIDC_ISSUER / OIDC_CLIENT_ID for the console and JWT_JWKS_URL / JWT_ISSUER /
 * JWT_AUDIENCE for the API, so the API verifies the very access token the console got (RS256, the issuer's keys).
 * The provider's account "ada" carries the tid/oid claims of the demo tenant's Global admin.
 */
import { ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Page } from "playwright-core";
import { seedDemo } from "../../src/app/demo-seed";
import { consoleCsp } from "../../src/http/console";
import { Browser, ensureConsoleBuilt, launchBrowser, ROOT } from "../helpers/browser";
import { TestApi } from "../helpers/harness";
import { story } from "../helpers/story";

jest.setTimeout(120_000);

const AUDIENCE = "api://license-graph";
let api: TestApi;
let base: string;
let issuer: string;
let provider: ChildProcess;
let browser: Browser;
let page: Page;
let dir: string;
let adminId: string;
const cspViolations: string[] = [];
const { step, picture, expectAccessible } = story(() => page);
const storedToken = () => page.evaluate<string | null>(`sessionStorage.getItem("license-graph.token")`);

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.listen(0, "127.0.0.1", () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
    s.on("error", reject);
  });
}

/** Starts test/helpers/oidc-issuer.mjs and waits for its "ready" line. */
function startIssuer(settings: Record<string, unknown>): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(ROOT, "test/helpers/oidc-issuer.mjs"), JSON.stringify(settings)], { stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    child.stdout!.on("data", (d: Buffer) => {
      out += d.toString();
      if (out.includes("ready ")) resolve(child);
    });
    child.stderr!.on("data", (d: Buffer) => (out += d.toString()));
    child.on("exit", (code) => reject(new Error(`the OpenID provider exited (${code}): ${out}`)));
  });
}

beforeAll(async () => {
  ensureConsoleBuilt();
  dir = mkdtempSync(join(tmpdir(), "console-oidc-e2e-"));
  const db = `sqlite:${join(dir, "e2e.sqlite")}`;
  // The demo tenant first, on the same file the OIDC-configured server then opens.
  const seeding = await TestApi.start(db);
  const demo = await seedDemo(seeding.app);
  adminId = demo.admin.id;
  await seeding.stop();

  const port = await freePort();
  issuer = `http://127.0.0.1:${port}`;
  api = await TestApi.start(db, {
    config: {
      jwtSecret: undefined, jwksUrl: `${issuer}/jwks`, jwtIssuer: issuer, jwtAudience: AUDIENCE,
      oidc: { issuer, clientId: "console", scope: "openid" },
    },
  });
  base = await api.listen();
  provider = await startIssuer({ port, consoleOrigin: base, audience: AUDIENCE, accounts: { ada: { tid: demo.tenantId, oid: demo.admin.id } } });
  browser = await launchBrowser();
  page = await browser.context.newPage();
  page.setDefaultTimeout(15_000);
  page.on("console", (m) => {
    if (/Content.Security.Policy|Refused to/i.test(m.text())) cspViolations.push(m.text());
  });
});

afterAll(async () => {
  await browser?.close();
  provider?.kill("SIGTERM");
  await api?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function signInAtIssuer(): Promise<void> {
  await page.getByRole("button", { name: "Sign in with your organization" }).click();
  await page.waitForURL((u) => u.origin === issuer);
  await page.locator('input[name="login"]').fill("ada");
  await page.locator('input[name="password"]').fill("any password");
  await page.getByRole("button", { name: "Sign-in" }).click();
  // oidc-provider's development consent page.
  await page.getByRole("button", { name: "Continue" }).click();
}

describe("OpenID Connect sign-in in Chromium (issue 15, K1)", () => {
  it("K1 the server tells the console its issuer, and the CSP lets the console reach that issuer only", async () => {
    const cfg = await (await fetch(`${base}/console-config.json`)).json();
    expect(cfg).toEqual({ explorer: true, oidc: { issuer, clientId: "console", scope: "openid" }, tokenSignIn: true });
    const r = await fetch(`${base}/users`);
    expect(r.headers.get("content-security-policy")).toBe(consoleCsp([issuer]));
    expect(r.headers.get("content-security-policy")).toContain(`connect-src 'self' ${issuer};`);
  });

  step("K1 sign-in through the OpenID provider (authorization code + PKCE) lands a tenant admin in the console", async () => {
    const authorize: string[] = [];
    page.on("request", (r) => {
      if (r.url().startsWith(`${issuer}/auth?`)) authorize.push(r.url());
    });
    await page.goto(`${base}/groups`);
    await page.getByRole("button", { name: "Sign in with your organization" }).waitFor();
    await picture("sign-in-oidc");
    await expectAccessible("Sign-in page with OpenID Connect");
    await signInAtIssuer();
    // Back where the admin started, signed in.
    await page.getByRole("heading", { name: "Groups", level: 1 }).waitFor();
    expect(new URL(page.url()).pathname).toBe("/groups");
    await page.locator("header", { hasText: "Ada Admin (Global admin)" }).waitFor();
    const q = new URL(authorize[0]).searchParams;
    expect({ response_type: q.get("response_type"), method: q.get("code_challenge_method"), challenge: Boolean(q.get("code_challenge")) })
      .toEqual({ response_type: "code", method: "S256", challenge: true });

    // The API verified the provider's RS256 access token (JWT_JWKS_URL), with its tid/oid claims.
    const token = (await storedToken())!;
    const claims = JSON.parse(Buffer.from(token.split(".")[1], "base64url").toString()) as Record<string, unknown>;
    expect(claims).toMatchObject({ iss: issuer, aud: AUDIENCE, oid: adminId });
    const me = await fetch(`${base}/graphql`, { method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${token}` }, body: JSON.stringify({ query: "{ me { id roles } }" }) });
    expect(await me.json()).toMatchObject({ data: { me: { id: adminId, roles: ["GLOBAL_ADMIN"] } } });
  });

  step("K1 before the token expires the page offers to sign in again, and doing so renews the session", async () => {
    const first = await storedToken();
    // The browser's clock is taken over and moved on; the kept session is picked up again after a reload.
    await page.clock.install();
    await page.reload();
    await page.getByRole("heading", { name: "Groups", level: 1 }).waitFor();
    await page.clock.fastForward("56:00");
    const banner = page.getByRole("alert").filter({ hasText: /Your session ends at/ });
    await banner.waitFor();
    await picture("session-ending");
    await expectAccessible("Session ending banner");
    const back = page.waitForURL((u) => u.pathname === "/auth/callback", { waitUntil: "commit" });
    await banner.getByRole("button", { name: "Sign in again" }).click();
    // The issuer still knows the browser: straight back, with a new token.
    await back;
    await page.getByRole("heading", { name: "Groups", level: 1 }).waitFor();
    expect(await storedToken()).not.toBe(first);
    // A new token from the issuer (its clock, unlike the page's, was not moved: hence no check of the banner here).
    const exp = (t: string | null) => (JSON.parse(Buffer.from(t!.split(".")[1], "base64url").toString()) as { exp: number }).exp;
    expect(exp(await storedToken())).toBeGreaterThanOrEqual(exp(first));
    await page.locator("header", { hasText: "Ada Admin (Global admin)" }).waitFor();
  });

  step("K1 sign-out ends the session here and at the issuer", async () => {
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.waitForURL((u) => u.origin === issuer);
    await page.getByRole("button", { name: /Yes, sign me out/i }).click();
    await page.getByRole("button", { name: "Sign in with your organization" }).waitFor();
    expect(new URL(page.url()).origin).toBe(base);
    expect(await storedToken()).toBeNull();
    // Signed out at the issuer too: signing in asks for the login again.
    await page.getByRole("button", { name: "Sign in with your organization" }).click();
    await page.locator('input[name="login"]').waitFor();
  });

  step("K6 the OpenID Connect pages load under the Content-Security-Policy without a violation", async () => {
    expect(cspViolations).toEqual([]);
  });
});
