/**
 * The admin console in a real browser (issue 14, DESIGN §13): Debian's Chromium against a real server
 * on a fresh SQLite file. SQLite only: the console speaks the public API, which is engine-agnostic.
 *
 * First how the server delivers it (headers, routes, the API untouched); then the browser steps. They run in order on one tenant (the demo seed plus a few people and nested groups), as an admin
 * would work through them. A failing step leaves a screenshot in test/e2e/artifacts/;
 * SAVE_SCREENSHOTS=1 (npm run screenshots:console) also refreshes the pictures in src/console/screenshots/.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Page } from "playwright-core";
import { CONSOLE_CSP, signInLink } from "../../src/http/console";
import { seedDemo } from "../../src/app/demo-seed";
import { axeViolations, Browser, CONSOLE_DIST, CONSOLE_SRC, ensureConsoleBuilt, launchBrowser, ROOT } from "../helpers/browser";
import { newTenant, Q } from "../helpers/fixtures";
import { TEST_SECRET, TestApi } from "../helpers/harness";
import { signToken } from "../../src/app/auth/sign";
import { graphql } from "../gql";

const CONSOLE_SUBSCRIPTIONS = graphql(`query ConsoleE2eSubscriptions { tenant { subscriptions { id sku { partNumber } } } }`);
const CONSOLE_USER_COUNT = graphql(`query ConsoleE2eUserCount { tenant { users(first: 1) { totalCount } } }`);

jest.setTimeout(120_000);

const ARTIFACTS = join(ROOT, "test/e2e/artifacts");
const SHOTS = join(CONSOLE_SRC, "screenshots");

let api: TestApi;
let base: string;
let browser: Browser;
let page: Page;
let dir: string;
const ids: Record<string, string> = {};
const tokens: Record<string, string> = {};
const cspViolations: string[] = [];
let failed: string | null = null;

/** Each step of the story; a failure leaves a picture of the page as it was. */
function step(name: string, fn: () => Promise<void>): void {
  it(name, async () => {
    // The steps build on each other: after a failure the rest would only fail for the same reason.
    if (failed) throw new Error(`Not run: the earlier step "${failed}" failed.`);
    try {
      await fn();
    } catch (e) {
      failed = name;
      mkdirSync(ARTIFACTS, { recursive: true });
      await page?.screenshot({ path: join(ARTIFACTS, `${name.replace(/[^\w]+/g, "-").slice(0, 80)}.png`), fullPage: true }).catch(() => undefined);
      throw e;
    }
  });
}

async function picture(name: string): Promise<void> {
  if (process.env.SAVE_SCREENSHOTS !== "1") return;
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, `${name}.png`) });
}

/** K6: axe finds no serious or critical violation on the page as it is now. */
async function expectAccessible(where: string): Promise<void> {
  const bad = (await axeViolations(page)).filter((v) => v.impact === "serious" || v.impact === "critical");
  expect({ where, violations: bad }).toEqual({ where, violations: [] });
}

async function searchUsers(term: string): Promise<void> {
  await nav("Active users").click();
  await page.getByLabel("Search users").fill(term);
  await page.getByLabel("Search users").press("Enter");
  await page.getByRole("heading", { name: "Active users" }).waitFor();
  await page.locator("table caption", { hasText: `matching “${term}”` }).waitFor({ state: "attached" });
}

const nav = (name: string) => page.getByRole("navigation", { name: "Admin center" }).getByRole("link", { name, exact: true });
const row = (upn: string) => page.locator(`tr[data-user="${upn}"]`);
const dialog = () => page.getByRole("dialog");

async function openGroup(name: string): Promise<void> {
  await nav("Groups").click();
  await page.getByLabel("Search groups").fill(name);
  await page.getByLabel("Search groups").press("Enter");
  await page.getByRole("link", { name, exact: true }).click();
  await page.getByRole("heading", { level: 1, name }).waitFor();
}

/** Tab (and only Tab) until the focused element's text matches; fails after `max` presses. */
async function tabTo(text: RegExp, max = 80): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press("Tab");
    if (text.test(await focusedText())) return;
  }
  throw new Error(`Tab never reached ${text}`);
}

// Page-side code is passed as text: the repository's Node tsconfig has no DOM types.
const focusedText = () => page.evaluate<string>(`(document.activeElement?.textContent ?? "").replace(/\\s+/g, " ").trim()`);
const focusedLabel = () => page.evaluate<string>(`(document.activeElement?.labels?.[0]?.textContent ?? "").replace(/\\s+/g, " ").trim()`);
const focusInDialog = () => page.evaluate<boolean>(`Boolean(document.activeElement?.closest("dialog"))`);
const storedToken = () => page.evaluate<string | null>(`sessionStorage.getItem("license-graph.token")`);

beforeAll(async () => {
  ensureConsoleBuilt();
  dir = mkdtempSync(join(tmpdir(), "console-e2e-"));
  api = await TestApi.start(`sqlite:${join(dir, "e2e.sqlite")}`);
  base = await api.listen();
  const demo = await seedDemo(api.app);
  ids.tenant = demo.tenantId;
  ids.admin = demo.admin.id;
  tokens.admin = await api.token({ tid: demo.tenantId, oid: demo.admin.id });
  tokens.reader = await api.token({ tid: demo.tenantId, oid: demo.reader.id });
  const admin = tokens.admin;
  for (const [key, name] of [["nora", "Nora New"], ["omar", "Omar Overflow"], ["pat", "Pat Pending"], ["quinn", "Quinn Quick"], ["temp", "Tess Temporary"]]) {
    const r = await api.ok(admin, Q.createUser, { input: { userPrincipalName: `${key}@contoso.example`, displayName: name, roles: key === "temp" ? ["LICENSE_ADMIN"] : [] } });
    ids[key] = r.createUser.id;
  }
  tokens.temp = await api.token({ tid: demo.tenantId, oid: ids.temp });
  for (const [key, name] of [["care", "Customer Care"], ["desk", "Escalation Desk"], ["night", "Night Shift"]]) {
    ids[key] = (await api.ok(admin, Q.createGroup, { input: { displayName: name } })).createSecurityGroup.id;
  }
  await api.ok(admin, Q.addMembers, { input: { groupId: ids.care, groupIds: [ids.desk] } });
  await api.ok(admin, Q.addMembers, { input: { groupId: ids.desk, groupIds: [ids.night] } });
  await api.ok(admin, Q.addMembers, { input: { groupId: ids.night, userIds: [ids.omar, ids.pat] } });
  browser = await launchBrowser();
  page = await browser.context.newPage();
  page.setDefaultTimeout(10_000);
  page.on("console", (m) => {
    if (/Content.Security.Policy|Refused to/i.test(m.text())) cspViolations.push(m.text());
  });
});

afterAll(async () => {
  await browser?.close();
  await api?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const mainScript = () => readdirSync(join(CONSOLE_DIST, "assets")).find((f) => /^index-.*\.js$/.test(f))!;

describe("the console over HTTP (issue 14)", () => {
  it("K1 serves index.html at / and at the console's routes, revalidated on every load, under a same-origin CSP", async () => {
    for (const path of ["/", "/users", "/groups", "/groups/grp_123?search=x"]) {
      const r = await fetch(base + path);
      expect({ path, status: r.status, type: r.headers.get("content-type"), cache: r.headers.get("cache-control") })
        .toEqual({ path, status: 200, type: "text/html; charset=utf-8", cache: "no-cache" });
      expect(await r.text()).toContain('<div id="root"></div>');
      expect(r.headers.get("content-security-policy")).toBe(CONSOLE_CSP);
    }
    // The policy names no host at all: only 'self', 'none' and data: for the empty favicon.
    for (const source of CONSOLE_CSP.split(/[;\s]+/).filter((t) => !/-src$|^base-uri$|^form-action$|^frame-ancestors$/.test(t))) {
      expect(["'self'", "'none'", "data:"]).toContain(source);
    }
    const again = await fetch(base + "/", { headers: { "if-none-match": (await fetch(base + "/")).headers.get("etag")! } });
    expect(again.status).toBe(304);
  });

  it("K1 hashed assets are immutable for a year and sent gzipped", async () => {
    const name = mainScript();
    expect(name).toMatch(/^index-[\w-]{8,}\.js$/);
    const r = await fetch(`${base}/assets/${name}`, { headers: { "accept-encoding": "gzip" } });
    expect(r.status).toBe(200);
    expect(r.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect(r.headers.get("content-type")).toBe("text/javascript; charset=utf-8");
    expect(r.headers.get("content-encoding")).toBe("gzip");
    expect(await r.text()).toBe(readFileSync(join(CONSOLE_DIST, "assets", name), "utf8"));
    // The built page loads nothing from outside this origin.
    expect(readFileSync(join(CONSOLE_DIST, "index.html"), "utf8")).not.toMatch(/(src|href)="(https?:)?\/\//);
  });

  it("K1 unknown files, other paths and path tricks are the API's 404, and /graphql is unchanged", async () => {
    for (const path of ["/assets/nope.js", "/assets/..%2F..%2Fpackage.json", "/favicon.ico", "/scim/v3/Users", "/users.json"]) {
      const r = await fetch(base + path);
      expect({ path, status: r.status, body: await r.json() }).toEqual({ path, status: 404, body: { errors: [{ message: "Not found. The API is at /graphql.", extensions: { code: "NOT_FOUND" } }] } });
    }
    const post = await fetch(`${base}/`, { method: "POST", body: "{}" });
    expect(post.status).toBe(404);
    const { admin } = await newTenant(api);
    const gql = await fetch(`${base}/graphql`, { method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${admin}` }, body: JSON.stringify({ query: "{ skus { partNumber } }" }) });
    expect(gql.status).toBe(200);
    expect(gql.headers.get("content-security-policy")).toBeNull();
    expect(((await gql.json()) as { data: { skus: unknown[] } }).data.skus).toHaveLength(3);
  });
});

describe("admin console in Chromium (issue 14)", () => {
  step("K1 the printed sign-in link signs the demo admin in and the token leaves the address bar", async () => {
    await page.goto(signInLink(base, tokens.admin));
    await page.getByRole("heading", { name: "Active users" }).waitFor();
    await page.locator("header", { hasText: "Ada Admin (Global admin)" }).waitFor();
    expect(page.url()).toBe(`${base}/users`);
    expect(await storedToken()).toBe(tokens.admin);
    await row("maker@contoso.example").waitFor();
    await picture("active-users");
    await expectAccessible("Active users");
  });

  step("K3 a user is found by a server-side search", async () => {
    await searchUsers("nora");
    expect(await page.locator("tbody tr").count()).toBe(1);
    await row("nora@contoso.example").getByText("Unlicensed").waitFor();
    expect(await page.getByText("1–1 of 1").count()).toBe(1);
  });

  step("K3 S10 the user license given in the flyout makes the user ACTIVE and able to create bots", async () => {
    await row("nora@contoso.example").getByRole("button", { name: /Manage product licenses/ }).click();
    await dialog().getByRole("heading", { name: "Manage product licenses: Nora New" }).waitFor();
    await dialog().getByText("1 of 5 licenses available").waitFor();
    await dialog().getByRole("checkbox", { name: "Power Virtual Agent User License" }).check();
    // S7: the service plans of the direct assignment appear as switches once the license is ticked.
    expect(await dialog().getByRole("switch").count()).toBe(3);
    await picture("manage-licenses");
    await expectAccessible("Manage product licenses flyout");
    await dialog().getByRole("button", { name: "Save changes" }).click();
    await dialog().waitFor({ state: "detached" });
    await page.getByRole("status").getByText("Licenses of Nora New saved.").waitFor();
    await row("nora@contoso.example").getByText("Active").waitFor();
    expect(await row("nora@contoso.example").locator("td").nth(3).innerText()).toBe("Yes");
    await row("nora@contoso.example").getByRole("button", { name: /Why can this user build bots/ }).click();
    await dialog().getByText("Nora New can create bots.").waitFor();
    await dialog().getByText("Assigned directly to the user").waitFor();
    await expectAccessible("Why panel, can create bots");
    await page.keyboard.press("Escape");
    await dialog().waitFor({ state: "detached" });
  });

  step("K6 keyboard only: the flyout opens with Enter, traps Tab, closes with Escape and saves a service plan switch (S7)", async () => {
    await page.getByLabel("Search users").focus();
    await tabTo(/^Manage product licenses of Nora New$/);
    await page.keyboard.press("Enter");
    await dialog().getByRole("heading", { name: /Nora New/ }).waitFor();
    await page.getByRole("checkbox", { name: "Power Virtual Agent User License" }).waitFor();
    expect(await focusInDialog()).toBe(true);
    await page.keyboard.press("Escape");
    await dialog().waitFor({ state: "detached" });
    expect(await focusedText()).toBe("Manage product licenses of Nora New");

    await page.keyboard.press("Enter");
    await page.getByRole("checkbox", { name: "Power Virtual Agent User License" }).waitFor();
    // Tab stays inside the modal flyout: a full round never reaches the page behind it.
    for (let i = 0; i < 12; i++) {
      await page.keyboard.press("Tab");
      expect(await focusInDialog()).toBe(true);
    }
    for (let i = 0; i < 12 && (await focusedLabel()) !== "Create and manage bots"; i++) await page.keyboard.press("Tab");
    expect(await focusedLabel()).toBe("Create and manage bots");
    await page.keyboard.press("Space");
    expect(await dialog().getByRole("switch", { name: "Create and manage bots" }).isChecked()).toBe(false);
    for (let i = 0; i < 12 && (await focusedText()) !== "Save changes"; i++) await page.keyboard.press("Tab");
    expect(await focusedText()).toBe("Save changes");
    await page.keyboard.press("Enter");
    await dialog().waitFor({ state: "detached" });
    await page.getByRole("status").getByText("Licenses of Nora New saved.").waitFor();
    expect(await row("nora@contoso.example").locator("td").nth(3).innerText()).toBe("No");
    const effective = await api.ok(tokens.admin, Q.effective, { id: ids.nora });
    expect(effective.user.canCreateBots).toBe(false);
    expect(effective.user.effectiveLicenses[0].enabledPlans.map((p: { name: string }) => p.name).sort()).toEqual(["DATAVERSE_FOR_BOTS", "FLOW_FOR_BOTS"]);
    await row("nora@contoso.example").getByRole("button", { name: /Why can't this user build bots/ }).click();
    await dialog().getByText(/its plan “Create and manage bots” is turned off in every source/).waitFor();
    await page.keyboard.press("Escape");
    // And back on, by keyboard again.
    await tabTo(/^Manage product licenses of Nora New$/);
    await page.keyboard.press("Enter");
    await dialog().getByRole("switch", { name: "Create and manage bots" }).focus();
    await page.keyboard.press("Space");
    await dialog().getByRole("button", { name: "Save changes" }).focus();
    await page.keyboard.press("Enter");
    await dialog().waitFor({ state: "detached" });
    await row("nora@contoso.example").locator("td", { hasText: "Yes" }).waitFor();
  });

  step("K4 S11 a license is assigned to a nested group only after the impact preview", async () => {
    await openGroup("Escalation Desk");
    await page.getByRole("region", { name: "Nesting" }).getByRole("link", { name: "Customer Care" }).waitFor();
    await page.getByRole("region", { name: "Nesting" }).getByRole("link", { name: "Night Shift" }).waitFor();
    await page.getByLabel("All members, through nested groups too").check();
    await page.getByRole("region", { name: "Members" }).locator('tr[data-user="omar@contoso.example"]').waitFor();
    await picture("group");
    await expectAccessible("Group page");
    await page.getByRole("button", { name: "Assign license" }).click();
    await dialog().getByRole("heading", { name: "Assign a license to Escalation Desk" }).waitFor();
    // The change is not offered before the impact has been shown.
    expect(await dialog().getByRole("button", { name: "Assign license" }).count()).toBe(0);
    await dialog().getByRole("button", { name: "Preview impact" }).click();
    const impact = dialog().getByRole("region", { name: /Impact on 2 members/ });
    await impact.waitFor();
    const figure = async (label: string) => impact.locator("div", { has: page.locator("dt", { hasText: label }) }).locator("dd").innerText();
    expect(await figure("New seats needed")).toBe("2");
    expect(await figure("Already licensed")).toBe("0");
    expect(await figure("Seats available")).toBe("0");
    expect(await figure("Would be in error")).toBe("2");
    await dialog().getByText(/2 members would get no seat/).waitFor();
    await picture("group-preview");
    await expectAccessible("Group license preview");
    await dialog().getByRole("button", { name: "Assign license" }).click();
    await dialog().waitFor({ state: "detached" });
    await page.getByText("Power Virtual Agent User License assigned to Escalation Desk.").waitFor();
    const errors = page.getByRole("region", { name: "Members with license errors" });
    await errors.locator('tr[data-user="omar@contoso.example"]').waitFor();
    await errors.locator('tr[data-user="pat@contoso.example"]').getByText("Error: no free seat").waitFor();
  });

  step("S4 K3 a user left without a seat reads why: COUNT_VIOLATION, the pool is full, with the group chain drawn", async () => {
    await searchUsers("omar");
    await row("omar@contoso.example").getByText("Error: no free seat").waitFor();
    await row("omar@contoso.example").getByRole("button", { name: /Why can't this user build bots/ }).click();
    const why = dialog();
    await why.getByText("Omar Overflow cannot create bots yet.").waitFor();
    await why.getByText(/The pool of Power Virtual Agent User License is full: Omar Overflow wants a license but holds no seat \(COUNT_VIOLATION\)\. All 5 seats are taken, and 2 people are waiting/).waitFor();
    await why.getByText(/Buy more seats, or free one by removing the license from someone/).waitFor();
    const chain = why.getByRole("list", { name: /Group chain/ });
    expect((await chain.getByRole("listitem").allInnerTexts()).map((t) => t.trim())).toEqual(["User", "Night Shift", "Escalation Desk (license assigned here)"]);
    await picture("why-count-violation");
    await expectAccessible("Why panel, COUNT_VIOLATION");
    await page.keyboard.press("Escape");
  });

  step("S8 K6 an inherited license cannot be unticked, and a direct one with no seat left says so in words with its code", async () => {
    await row("omar@contoso.example").getByRole("button", { name: /Manage product licenses/ }).click();
    const box = dialog().getByRole("checkbox", { name: "Power Virtual Agent User License" });
    await box.waitFor();
    expect(await box.isChecked()).toBe(true);
    expect(await box.isDisabled()).toBe(true);
    await dialog().getByText("Inherited from a group; change it on the group:").waitFor();
    await page.keyboard.press("Escape");

    await searchUsers("quinn");
    await row("quinn@contoso.example").getByRole("button", { name: /Manage product licenses/ }).click();
    await dialog().getByRole("checkbox", { name: "Power Virtual Agent User License" }).check();
    await dialog().getByRole("button", { name: "Save changes" }).click();
    const alert = dialog().getByRole("alert");
    await alert.getByText("No licenses left: every seat of this license is taken. Buy more seats or remove the license from someone who no longer needs it, then try again.").waitFor();
    expect(await alert.getByText("SEATS_EXHAUSTED").count()).toBe(1);
    await picture("error-seats-exhausted");
    await expectAccessible("Flyout with an API error");
    await page.keyboard.press("Escape");
    const quinn = await api.ok(tokens.admin, Q.effective, { id: ids.quinn });
    expect(quinn.user.effectiveLicenses).toEqual([]);
  });

  step("K1 K6 sign-out, then a GLOBAL_READER signed in with a pasted token sees no edit controls", async () => {
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.getByText("You have signed out.").waitFor();
    expect(await storedToken()).toBeNull();
    await picture("sign-in");
    await expectAccessible("Sign-in page");
    await page.getByLabel("Access token").fill(tokens.reader);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.locator("header", { hasText: "Global reader" }).waitFor();
    await searchUsers("contoso");
    await row("nora@contoso.example").waitFor();
    expect(await page.getByRole("button", { name: /Manage product licenses/ }).count()).toBe(0);
    await row("nora@contoso.example").getByRole("button", { name: /View licenses/ }).click();
    await dialog().getByRole("heading", { name: "Product licenses: Nora New" }).waitFor();
    await dialog().getByText("Power Virtual Agent User License: assigned").waitFor();
    expect(await dialog().locator("input, select, textarea").count()).toBe(0);
    expect(await dialog().getByRole("button", { name: "Save changes" }).count()).toBe(0);
    await expectAccessible("Reader's license view");
    await page.keyboard.press("Escape");
    await openGroup("Escalation Desk");
    await page.getByRole("region", { name: "Licenses" }).getByRole("row", { name: /Power Virtual Agent User License/ }).waitFor();
    expect(await page.getByRole("button", { name: /Assign license|Remove license/ }).count()).toBe(0);
    await expectAccessible("Reader's group page");
  });

  step("K1 an expired token brings the sign-in page back with a message", async () => {
    // A token the API refuses now (the user was disabled): the next request ends the session.
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.getByLabel("Access token").fill(tokens.temp);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.locator("header", { hasText: "License admin" }).waitFor();
    await api.ok(tokens.admin, Q.updateUser, { input: { id: ids.temp, accountEnabled: false } });
    // The next request ends the session: a page change, or the refresh the live pools (§11) may already have made.
    const ended = page.getByText("Your session has expired or your token is no longer accepted. Sign in again to continue.");
    if (!(await ended.isVisible())) await nav("Groups").click({ timeout: 3_000 }).catch(() => undefined);
    await ended.waitFor();
    await page.getByLabel("Access token").waitFor();

    // A token already past its exp is refused at once, without a request.
    const stale = await signToken(TEST_SECRET, { tid: ids.tenant, oid: ids.admin, ttlSeconds: -60 });
    await page.getByLabel("Access token").fill(stale);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByText(/That token expired on/).waitFor();

    // A session whose token runs out while the page is open: the browser's clock is moved past exp.
    const fresh = await browser.context.newPage();
    fresh.setDefaultTimeout(10_000);
    const old = page;
    page = fresh;
    try {
      await page.clock.install();
      const shortLived = await signToken(TEST_SECRET, { tid: ids.tenant, oid: ids.admin, ttlSeconds: 120 });
      await page.goto(signInLink(base, shortLived));
      await page.getByRole("heading", { name: "Active users" }).waitFor();
      await page.clock.fastForward("05:00");
      await page.getByText("Your session has expired. Sign in again to continue.").waitFor();
      expect(await storedToken()).toBeNull();
    } finally {
      page = old;
      await fresh.close();
    }
  });

  step("S6 K3 a cancelled tenant license is explained as DEPENDENCY_VIOLATION, with what to buy", async () => {
    const subs = await api.ok(tokens.admin, CONSOLE_SUBSCRIPTIONS);
    const tenantSub = subs.tenant.subscriptions.find((s) => s.sku.partNumber === "POWER_VIRTUAL_AGENTS")!;
    await api.ok(tokens.admin, Q.cancel, { id: tenantSub.id });
    await page.goto(signInLink(base, tokens.admin));
    await searchUsers("nora");
    await row("nora@contoso.example").getByText("Error: tenant license missing").waitFor();
    await row("nora@contoso.example").getByRole("button", { name: /Why can't this user build bots/ }).click();
    await dialog().getByText(/Power Virtual Agent User License needs Power Virtual Agent, and the organization has no active subscription of it \(DEPENDENCY_VIOLATION\)\. Nora New keeps the seat meanwhile\./).waitFor();
    await dialog().getByText("Buy or renew Power Virtual Agent.").waitFor();
    await expectAccessible("Why panel, DEPENDENCY_VIOLATION");
    await page.keyboard.press("Escape");
  });

  step("K3 the users list pages on the server with cursors: next and previous page", async () => {
    for (let i = 0; i < 45; i++) {
      await api.ok(tokens.admin, Q.createUser, { input: { userPrincipalName: `bulk${String(i).padStart(2, "0")}@contoso.example`, displayName: `Bulk ${i}` } });
    }
    const total = (await api.ok(tokens.admin, CONSOLE_USER_COUNT)).tenant.users.totalCount;
    expect(total).toBeGreaterThan(50);
    await nav("Active users").click();
    await page.getByLabel("Search users").fill("");
    await page.getByLabel("Search users").press("Enter");
    await page.getByText(`1–50 of ${total}`).waitFor();
    expect(await page.locator("tbody tr").count()).toBe(50);
    const firstPage = await page.locator("tbody tr").first().getAttribute("data-user");
    await page.getByRole("button", { name: "Next page" }).click();
    await page.getByText(`51–${total} of ${total}`).waitFor();
    expect(await page.locator("tbody tr").count()).toBe(total - 50);
    expect(await page.getByRole("button", { name: "Next page" }).isDisabled()).toBe(true);
    await page.getByRole("button", { name: "Previous page" }).click();
    await page.getByText(`1–50 of ${total}`).waitFor();
    expect(await page.locator("tbody tr").first().getAttribute("data-user")).toBe(firstPage);
  });

  step("K6 the pages load under the Content-Security-Policy without a single violation", async () => {
    expect(cspViolations).toEqual([]);
  });
});
