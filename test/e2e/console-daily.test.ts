/**
 * The console for daily use (issue 20, DESIGN §13 K8, §12 T1 T2) in Debian's Chromium against a real server on a
 * fresh SQLite file, at the DEFAULT throttling (RATE_LIMIT_* unset): an admin clicking a page a second is never
 * throttled; paging, search and filters live in the URL; Active users filters, multi-select and one change for all
 * selected; a 429 waits its Retry-After and retries on its own with the page kept on screen; and a change that was
 * committed is shown as saved even when the refresh after it is throttled.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Page, Request, Route } from "playwright-core";
import { signInLink } from "../../src/http/console";
import { throttleSettingsFrom } from "../../src/config";
import { Browser, ensureConsoleBuilt, launchBrowser } from "../helpers/browser";
import { newTenant, Q, TenantFx } from "../helpers/fixtures";
import { TestApi } from "../helpers/harness";
import { navLink, story } from "../helpers/story";
import { graphql } from "../gql";

const ME = graphql(`query ConsoleDailyMe { me { userPrincipalName } }`);

jest.setTimeout(180_000);

let api: TestApi;
let base: string;
let browser: Browser;
let page: Page;
let dir: string;
let fx: TenantFx;
let people: string[];
const groups: Record<string, string> = {};
const cspViolations: string[] = [];
const pageErrors: string[] = [];
const statuses: number[] = [];
type Cost = { requestedQueryCost: number; throttleStatus: { maximumAvailable: number; currentlyAvailable: number; restoreRate: number } };
const costs: Cost[] = [];
const { step, picture, expectAccessible } = story(() => page);
const nav = (name: string) => navLink(page, name);
const dialog = () => page.getByRole("dialog");
const row = (upn: string) => page.locator(`tr[data-user="${upn}"]`);
const upn = (i: number) => `walk${i}@${domain}`;
let domain = "";

const isGraphql = (r: Request) => new URL(r.url()).pathname === "/graphql" && r.method() === "POST";
let started = 0;
let inFlight = 0;
let waiters: (() => void)[] = [];

/** Resolves once the page has sent a GraphQL request after `since` and none is in flight any more. */
function settled(since: number): Promise<void> {
  return new Promise((resolve) => {
    const check = () => {
      if (started > since && inFlight === 0) return resolve();
      waiters.push(check);
    };
    check();
  });
}

/** The 429 the server sends (T2): RATE_LIMITED with Retry-After, in the GraphQL-over-HTTP response type. */
function throttled(route: Route, seconds = 1): Promise<void> {
  return route.fulfill({
    status: 429,
    headers: { "retry-after": String(seconds), "content-type": "application/graphql-response+json; charset=utf-8" },
    body: JSON.stringify({ errors: [{ message: `Too many requests: retry in ${seconds} s.`, extensions: { code: "RATE_LIMITED", retryAfterSeconds: seconds } }] }),
  });
}
const operationOf = (r: Request) => (JSON.parse(r.postData() ?? "{}") as { operationName?: string }).operationName ?? "";

beforeAll(async () => {
  ensureConsoleBuilt();
  dir = mkdtempSync(join(tmpdir(), "console-daily-e2e-"));
  // The defaults of a deployment that sets nothing (README "Throttling"); the buckets run on the test's clock.
  api = await TestApi.start(`sqlite:${join(dir, "e2e.sqlite")}`, { config: { throttle: throttleSettingsFrom({}) } });
  base = await api.listen();
  fx = await newTenant(api, "Contoso");
  domain = (await api.ok(fx.admin, ME)).me.userPrincipalName.split("@")[1];
  await fx.buy(5);
  people = await fx.bulkUsers(60, "walk");
  await fx.license(people[0]);
  await fx.license(people[1]);
  // Night Shift (in Support) has the license for 4 people and 3 seats are left: walk5 waits, in error.
  groups.night = await fx.group("Night Shift");
  groups.support = await fx.group("Support");
  await fx.add(groups.support, [], [groups.night]);
  await fx.add(groups.night, people.slice(2, 6));
  await fx.assignGroup(groups.night);
  browser = await launchBrowser();
  page = await browser.context.newPage();
  page.setDefaultTimeout(10_000);
  page.on("console", (m) => {
    if (/Content.Security.Policy|Refused to/i.test(m.text())) cspViolations.push(m.text());
  });
  page.on("pageerror", (e) => pageErrors.push(e.message));
  page.on("request", (r) => {
    if (!isGraphql(r)) return;
    started++;
    inFlight++;
  });
  const done = (r: Request) => {
    if (!isGraphql(r)) return;
    inFlight--;
    const w = waiters;
    waiters = [];
    for (const f of w) f();
  };
  page.on("requestfinished", done);
  page.on("requestfailed", done);
  page.on("response", (r) => {
    if (!isGraphql(r.request())) return;
    statuses.push(r.status());
    r.json().then((b: { extensions?: { cost?: Cost } }) => b.extensions?.cost && costs.push(b.extensions.cost), () => undefined);
  });
});

afterAll(async () => {
  await browser?.close();
  await api?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("the console for daily use at the default throttling (issue 20, K8)", () => {
  step("K8 T1 T2 an admin walks 60 page views in a minute, the API explorer's schema load among them: not one 429", async () => {
    await page.goto(signInLink(base, fx.admin));
    await page.getByRole("heading", { name: "Active users" }).waitFor();
    await settled(0);
    const views: { name: string; go: () => Promise<unknown>; heading: string | RegExp }[] = [
      { name: "Active users", go: () => nav("Active users").click(), heading: "Active users" },
      { name: "users page 2", go: () => page.getByRole("button", { name: "Next page" }).click(), heading: "Active users" },
      { name: "Groups", go: () => nav("Groups").click(), heading: "Groups" },
      { name: "a group", go: () => page.getByRole("link", { name: "Night Shift", exact: true }).click(), heading: "Night Shift" },
      { name: "Purchase services", go: () => nav("Purchase services").click(), heading: "Purchase services" },
      { name: "Subscriptions", go: () => nav("Subscriptions").click(), heading: "Subscriptions" },
      { name: "Capacity", go: () => nav("Capacity").click(), heading: "Capacity" },
      { name: "Audit log", go: () => nav("Audit log").click(), heading: "Audit log" },
      { name: "Settings", go: () => nav("Settings").click(), heading: "Settings" },
      { name: "unlicensed users", go: () => nav("Active users").click().then(() => page.getByLabel("Show").selectOption({ label: "Unlicensed users" })), heading: "Active users" },
    ];
    // The sign-in's Active users is the first view.
    let seen = 1;
    api.clock.advanceMs(1_000);
    for (let i = 1; seen < 60; i++) {
      const since = started;
      if (i === 30) {
        // The explorer loads the whole schema once (introspection); then back to the console, a full load again.
        await page.goto(`${base}/graphql`);
        await page.getByRole("main", { name: "GraphiQL" }).waitFor();
        await settled(since);
        api.clock.advanceMs(1_000);
        seen++;
        const back = started;
        await page.goto(`${base}/users`);
        await page.getByRole("heading", { name: "Active users" }).waitFor();
        await settled(back);
      } else {
        const v = views[i % views.length];
        await v.go();
        await page.getByRole("heading", { level: 1, name: v.heading }).waitFor();
        await settled(since);
      }
      // A page a second, as fast as a person clicks (T2), on the server's clock.
      api.clock.advanceMs(1_000);
      seen++;
    }
    expect(statuses.filter((s) => s === 429)).toEqual([]);
    // The defaults were in force (a person's bucket of 1,200 points, 20 a second) and every request paid its price.
    expect(costs.length).toBeGreaterThanOrEqual(60);
    expect(new Set(costs.map((c) => `${c.throttleStatus.maximumAvailable}/${c.throttleStatus.restoreRate}`))).toEqual(new Set(["1200/20"]));
    expect(Math.min(...costs.map((c) => c.throttleStatus.currentlyAvailable))).toBeGreaterThan(0);
    expect(statuses.length).toBeGreaterThanOrEqual(60);
    expect(statuses.every((s) => s === 200)).toBe(true);
    expect(pageErrors).toEqual([]);
  });

  step("K8 paging, search and filters live in the URL: a reload and Back show the same view", async () => {
    await nav("Active users").click();
    await page.getByLabel("Show").selectOption({ label: "Unlicensed users" });
    // 61 people, 6 of whom have a license (one of them in error): 55 unlicensed.
    await page.getByText("1–50 of 55").waitFor();
    expect(new URL(page.url()).searchParams.get("show")).toBe("unlicensed");
    await page.getByRole("button", { name: "Next page" }).click();
    await page.getByText("51–55 of 55").waitFor();
    const url = page.url();
    expect(new URL(url).searchParams.get("page")).toMatch(/^[\w-]+$/);
    const first = await page.locator("tbody tr").first().getAttribute("data-user");
    await page.reload();
    await page.getByText("51–55 of 55").waitFor();
    expect(page.url()).toBe(url);
    expect(await page.getByLabel("Show").inputValue()).toBe("unlicensed");
    expect(await page.locator("tbody tr").first().getAttribute("data-user")).toBe(first);
    await page.goBack();
    await page.getByText("1–50 of 55").waitFor();
    await page.goForward();
    await page.getByText("51–55 of 55").waitFor();
    // A search with the filter: both in the URL, back at page 1.
    await page.getByLabel("Search users").fill("walk5");
    await page.getByLabel("Search users").press("Enter");
    await page.getByText("1–10 of 10").waitFor();
    const params = new URL(page.url()).searchParams;
    expect([params.get("search"), params.get("show"), params.get("page")]).toEqual(["walk5", "unlicensed", null]);
    await page.reload();
    await page.getByText("1–10 of 10").waitFor();
    expect(await page.getByLabel("Search users").inputValue()).toBe("walk5");

    // A group's members: the Direct/All choice is in the URL too.
    await nav("Groups").click();
    await page.getByRole("link", { name: "Support", exact: true }).click();
    await page.getByRole("heading", { level: 1, name: "Support" }).waitFor();
    await page.getByRole("region", { name: "Members" }).getByText("No user members.").waitFor();
    await page.getByLabel("All members, through nested groups too").check();
    await page.getByRole("region", { name: "Members" }).locator(`tr[data-user="${upn(5)}"]`).waitFor();
    expect(new URL(page.url()).searchParams.get("members")).toBe("all");
    await page.reload();
    await page.getByRole("region", { name: "Members" }).locator(`tr[data-user="${upn(5)}"]`).waitFor();
    expect(await page.getByLabel("All members, through nested groups too").isChecked()).toBe(true);
    await page.goBack();
    await page.getByRole("region", { name: "Members" }).getByText("No user members.").waitFor();
    expect(await page.getByLabel("Direct members").isChecked()).toBe(true);
  });

  step("K8 Active users filters: license errors, cannot build bots, by SKU", async () => {
    await nav("Active users").click();
    await page.getByLabel("Show").selectOption({ label: "Users with license errors" });
    await page.getByText("1–1 of 1").waitFor();
    await row(upn(5)).getByText("Error: no free seat").waitFor();
    await page.getByLabel("Show").selectOption({ label: "Users who cannot build bots" });
    await page.getByText("1–50 of 56").waitFor();
    expect(await row(upn(0)).count()).toBe(0);
    await page.getByLabel("Show").selectOption({ label: "All users" });
    await page.getByLabel("License").selectOption({ label: "Power Virtual Agent User License" });
    await page.getByText("1–6 of 6").waitFor();
    expect((await page.locator("tbody tr").evaluateAll((rows) => rows.map((r) => r.getAttribute("data-user")))).sort()).toEqual([0, 1, 2, 3, 4, 5].map(upn).sort());
    await page.getByLabel("Show").selectOption({ label: "Users with license errors" });
    await page.getByText("1–1 of 1").waitFor();
    const params = new URL(page.url()).searchParams;
    expect([params.get("show"), params.get("sku")]).toEqual(["errors", fx.sku.user]);
    await picture("active-users-filters");
    await expectAccessible("Active users filtered");
  });

  step("K8 S3 several users selected get one license change together; with too few seats nobody changes, in words", async () => {
    await page.getByLabel("Search users").fill("walk1");
    await page.getByLabel("License").selectOption({ label: "Any license" });
    await page.getByLabel("Show").selectOption({ label: "Unlicensed users" });
    await page.getByLabel("Search users").press("Enter");
    // walk10 … walk19 (walk1 has a license).
    await page.getByText("1–10 of 10").waitFor();
    for (const i of [10, 11, 12]) await row(upn(i)).getByRole("checkbox").check();
    await page.getByRole("region", { name: "Selected users" }).getByText("3 users selected").waitFor();
    await expectAccessible("Active users with a selection");
    await page.getByRole("button", { name: "Manage product licenses of the selected users" }).click();
    await dialog().getByRole("heading", { name: "Manage product licenses: 3 users" }).waitFor();
    const user = dialog().getByRole("group", { name: "Power Virtual Agent User License" });
    await user.getByText("0 of 5 licenses available").waitFor();
    await user.getByLabel(/Assign to the selected users/).check();
    await dialog().getByRole("button", { name: "Save changes for 3 users" }).click();
    const alert = dialog().getByRole("alert");
    await alert.getByText("3 of the selected users need a new seat and 0 are free. Buy more seats or select fewer users; nobody was changed.").waitFor();
    expect(await alert.getByText("SEATS_EXHAUSTED").count()).toBe(1);
    await expectAccessible("Bulk license flyout with an error");
    for (const i of [10, 11, 12]) expect((await fx.effective(people[i])).effectiveLicenses).toEqual([]);
    await page.keyboard.press("Escape");

    // Five more seats: walk5 takes the first (S5), four are left for the three.
    await fx.buy(5, 0);
    await page.getByRole("button", { name: "Manage product licenses of the selected users" }).click();
    await dialog().getByRole("group", { name: "Power Virtual Agent User License" }).getByText("4 of 10 licenses available").waitFor();
    await dialog().getByRole("group", { name: "Power Virtual Agent User License" }).getByLabel(/Assign to the selected users/).check();
    await picture("bulk-licenses");
    await expectAccessible("Bulk license flyout");
    const events = (await api.ok(fx.admin, Q.audit, { action: "ASSIGN_USER_LICENSE" })).auditEvents.totalCount;
    await dialog().getByRole("button", { name: "Save changes for 3 users" }).click();
    await dialog().waitFor({ state: "detached" });
    await page.getByRole("status").getByText("Licenses of 3 users saved.").waitFor();
    expect(await page.getByRole("region", { name: "Selected users" }).count()).toBe(0);
    for (const i of [10, 11, 12]) expect((await fx.effective(people[i])).effectiveLicenses.map((l) => l.state)).toEqual(["ACTIVE"]);
    expect((await api.ok(fx.admin, Q.audit, { action: "ASSIGN_USER_LICENSE" })).auditEvents.totalCount).toBe(events + 3);
    // The refresh afterwards takes them out of the unlicensed list.
    await page.getByText("1–7 of 7").waitFor();
  });

  step("K8 a 429 waits its Retry-After and retries on its own: the page stays on screen, no error, no sign-in banner", async () => {
    await page.getByLabel("Search users").fill("");
    await page.getByLabel("Search users").press("Enter");
    await page.getByText("1–50 of 52").waitFor();
    const first = await page.locator("tbody tr").first().getAttribute("data-user");
    let refused = 0;
    await page.route("**/graphql", (route) => (operationOf(route.request()) === "ActiveUsers" && refused++ === 0 ? throttled(route) : route.fallback()));
    await page.getByRole("button", { name: "Next page" }).click();
    // Waiting: the first page stays with its pager, and a quiet line says what happens.
    await page.getByRole("status").getByText(/The server asked the console to slow down; it tries again on its own in \d+ s\./).waitFor();
    expect(await page.locator("tbody tr").first().getAttribute("data-user")).toBe(first);
    expect(await page.getByRole("navigation", { name: "Users pages" }).count()).toBe(1);
    await page.getByText("51–52 of 52").waitFor();
    await page.unroute("**/graphql");
    expect(refused).toBeGreaterThanOrEqual(2);
    expect(await page.getByRole("alert").count()).toBe(0);
    expect(await page.getByText("You could not be signed in").count()).toBe(0);
  });

  step("K8 K6 throttled past its retries: the error in words, the page shown before kept (pager off), Try again loads it", async () => {
    let refused = 0;
    await page.route("**/graphql", (route) => (operationOf(route.request()) === "ActiveUsers" ? (refused++, throttled(route)) : route.fallback()));
    // A search not asked before (a view already seen would come from the cache, with the error beside it).
    await page.getByLabel("Search users").fill("walk3");
    await page.getByLabel("Search users").press("Enter");
    const alert = page.getByRole("alert");
    await alert.getByText("The users could not be loaded; the list below is the one shown before").waitFor();
    await alert.getByText("Too many requests right now. Try again in 1 s.").waitFor();
    // The first answer and its 3 retries.
    expect(refused).toBe(4);
    await page.getByText("51–52 of 52").waitFor();
    expect(await page.getByRole("button", { name: "Next page" }).isDisabled()).toBe(true);
    expect(await page.getByRole("button", { name: "Previous page" }).isDisabled()).toBe(true);
    expect(await page.getByText("You could not be signed in").count()).toBe(0);
    await expectAccessible("Active users throttled past its retries");
    await page.unroute("**/graphql");
    await page.getByRole("button", { name: "Try again" }).click();
    // walk30 … walk39 (walk3 has a license through Night Shift).
    await page.getByText("1–10 of 10").waitFor();
    expect(await page.getByRole("alert").count()).toBe(0);
  });

  step("K8 a committed change whose refresh is throttled is shown as saved, not as failed", async () => {
    await page.getByLabel("Show").selectOption({ label: "All users" });
    await page.getByLabel("Search users").fill("walk20");
    await page.getByLabel("Search users").press("Enter");
    await page.getByText("1–1 of 1").waitFor();
    await row(upn(20)).getByRole("button", { name: /Manage product licenses/ }).click();
    await dialog().getByRole("checkbox", { name: "Power Virtual Agent User License" }).check();
    // The mutation goes through; every read after it is refused once with a 429, as a busy minute would.
    let committed = false;
    const refusedOnce = new Set<string>();
    await page.route("**/graphql", (route) => {
      const op = operationOf(route.request());
      if (op === "AssignUserLicenses") {
        committed = true;
        return route.fallback();
      }
      if (committed && !refusedOnce.has(op)) {
        refusedOnce.add(op);
        return throttled(route);
      }
      return route.fallback();
    });
    const refreshed = page.waitForResponse((r) => committed && isGraphql(r.request()) && operationOf(r.request()) === "ActiveUsers" && r.status() === 200);
    await dialog().getByRole("button", { name: "Save changes" }).click();
    await dialog().waitFor({ state: "detached" });
    await page.getByRole("status").getByText(`Licenses of walk 20 saved.`).waitFor();
    expect(await page.getByText("The licenses were not saved").count()).toBe(0);
    // The row shows it from the mutation's answer at once, and the throttled refresh lands later on its own.
    await row(upn(20)).getByText("Active").waitFor();
    expect((await fx.effective(people[20])).effectiveLicenses.map((l) => l.state)).toEqual(["ACTIVE"]);
    await refreshed;
    expect(refusedOnce.has("ActiveUsers")).toBe(true);
    expect(await page.getByRole("alert").count()).toBe(0);
    expect(await page.getByText("You could not be signed in").count()).toBe(0);
    await page.unroute("**/graphql");
    // One audit event for the one change (K8): nothing sent twice.
    expect((await api.ok(fx.admin, Q.audit, { action: "ASSIGN_USER_LICENSE", targetId: people[20] })).auditEvents.totalCount).toBe(1);
    await expectAccessible("Active users after a saved change");
  });

  step("K6 no CSP violation and no script error on the way", async () => {
    expect(cspViolations).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
