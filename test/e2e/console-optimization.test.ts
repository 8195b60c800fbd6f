/**
 * License optimization in the console (issue 24, DESIGN §16 V7) in Debian's Chromium against a real server on a
 * fresh SQLite file at the DEFAULT throttling: a user asks for a license in the why-not panel and cancels; admins see
 * the request live on License requests with the seat figures, SEATS_EXHAUSTED told in words, approve through a group,
 * deny with a reason; the auto-claim policy and the inactivity settings; the Inactive licenses report and Reclaim;
 * the usage-history chart on Subscriptions; Export on Active users. axe-clean, no CSP violation, no 429.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Page, Request } from "playwright-core";
import { signInLink } from "../../src/http/console";
import { throttleSettingsFrom } from "../../src/config";
import { runUsageSnapshots } from "../../src/app/usage/history";
import { Browser, ensureConsoleBuilt, launchBrowser } from "../helpers/browser";
import { newTenant, TenantFx, userLicense } from "../helpers/fixtures";
import { TestApi } from "../helpers/harness";
import { navLink, story } from "../helpers/story";
import { graphql } from "../gql";

const ME = graphql(`query ConsoleOptimizationMe { me { userPrincipalName } }`);
const ASK = graphql(`mutation ConsoleOptimizationAsk($input: RequestLicenseInput!) { requestLicense(input: $input) { id status } }`);
const REQUESTS = graphql(`query ConsoleOptimizationRequests { tenant { licenseRequests(first: 50) { nodes { status reason requester { id } grantedThroughGroup { id } } } } }`);
const POLICIES = graphql(`query ConsoleOptimizationPolicies { tenant { inactiveAfterDays autoReclaim autoClaimPolicies { enabled sku { id } scopeGroup { id } } } }`);

jest.setTimeout(180_000);

let api: TestApi;
let base: string;
let browser: Browser;
let page: Page;
let dir: string;
let fx: TenantFx;
let domain = "";
let ann: string;
let ben: string;
let rita: { id: string; token: string };
let sam: { id: string; token: string };
let makers: string;
const cspViolations: string[] = [];
const pageErrors: string[] = [];
const statuses: number[] = [];
const { step, picture, expectAccessible } = story(() => page);
const nav = (name: string) => navLink(page, name);
const dialog = () => page.getByRole("dialog");
const isGraphql = (r: Request) => new URL(r.url()).pathname === "/graphql" && r.method() === "POST";
/** A person's minute between steps (T2): the default buckets refill on the server's clock. */
const aMinute = () => api.clock.advanceMs(60_000);

beforeAll(async () => {
  ensureConsoleBuilt();
  dir = mkdtempSync(join(tmpdir(), "console-optimization-e2e-"));
  api = await TestApi.start(`sqlite:${join(dir, "e2e.sqlite")}`, { config: { throttle: throttleSettingsFrom({}) } });
  base = await api.listen();
  fx = await newTenant(api, "Contoso");
  domain = (await api.ok(fx.admin, ME)).me.userPrincipalName.split("@")[1];
  // 2 seats: Ann holds one directly, Ben one through Makers; none is free.
  await fx.buy(2);
  ann = (await fx.user("ann")).id;
  ben = (await fx.user("ben")).id;
  await fx.license(ann);
  makers = await fx.group("Makers");
  await fx.assignGroup(makers);
  await fx.add(makers, [ben]);
  rita = await fx.user("rita", ["GLOBAL_READER"]);
  sam = await fx.user("sam");
  // V5: five days of snapshots, one a day.
  for (let d = 0; d < 5; d++) {
    await runUsageSnapshots(api.app);
    api.clock.advanceDays(1);
  }
  browser = await launchBrowser();
  page = await browser.context.newPage();
  page.setDefaultTimeout(10_000);
  page.on("console", (m) => {
    if (/Content.Security.Policy|Refused to/i.test(m.text())) cspViolations.push(m.text());
  });
  page.on("pageerror", (e) => pageErrors.push(e.message));
  page.on("response", (r) => {
    if (isGraphql(r.request())) statuses.push(r.status());
  });
});

afterAll(async () => {
  await browser?.close();
  await api?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("license optimization in the console (issue 24, V7)", () => {
  step("V7 V1 the signed-in user asks for a license in the why-not panel, sees it waiting, cancels, asks again", async () => {
    await page.goto(signInLink(base, rita.token));
    await page.getByRole("heading", { name: "Active users" }).waitFor();
    await page.getByLabel("Search users").fill("rita");
    await page.getByLabel("Search users").press("Enter");
    await page.locator(`tr[data-user="rita@${domain}"]`).getByRole("button", { name: "Why can't this user build bots?" }).click();
    const panel = dialog();
    const section = panel.getByRole("region", { name: "Request Power Virtual Agent User License" });
    await section.waitFor();
    const why = section.getByLabel(/Why you need it/);
    // At most 500 characters: the field takes no more.
    await why.fill("x".repeat(600));
    expect((await why.inputValue()).length).toBe(500);
    await why.fill("I build the HR onboarding bot.");
    await section.getByText("30 of 500 characters").waitFor();
    await section.getByRole("button", { name: "Request a license" }).click();
    await section.getByText(/is waiting for a license admin/).waitFor();
    await section.getByText("Your request for Power Virtual Agent User License was sent to the license admins.").waitFor();
    await expectAccessible("why-not panel with a pending request");
    await picture("request-license");
    await section.getByRole("button", { name: "Cancel my request" }).click();
    await section.getByText("You cancelled your last request.").waitFor();
    expect((await api.ok(fx.admin, REQUESTS)).tenant.licenseRequests.nodes.map((r) => r.status)).toEqual(["CANCELLED"]);
    aMinute();
    await section.getByLabel(/Why you need it/).fill("I build the HR onboarding bot.");
    await section.getByRole("button", { name: "Request a license" }).click();
    await section.getByRole("button", { name: "Cancel my request" }).waitFor();
    // A reader sees the requests, with nothing to decide.
    await panel.getByRole("button", { name: /^Close/ }).click();
    await nav("License requests").click();
    await page.getByRole("heading", { name: "License requests" }).waitFor();
    await page.locator(`tr[data-request="rita@${domain}"]`).waitFor();
    expect(await page.getByRole("button", { name: /^Approve/ }).count()).toBe(0);
  });

  step("V7 V1 an admin sees the pending requests with the seats, live; SEATS_EXHAUSTED in words; approve through a group; deny with a reason", async () => {
    aMinute();
    await page.goto(signInLink(base, fx.admin));
    await page.getByRole("heading", { name: "Active users" }).waitFor();
    await nav("License requests").click();
    await page.getByRole("heading", { name: "License requests" }).waitFor();
    const ritaRow = page.locator(`tr[data-request="rita@${domain}"]`);
    await ritaRow.getByText("0 available, 2 assigned").waitFor();
    await ritaRow.getByText("I build the HR onboarding bot.").waitFor();
    // Live: Sam asks from elsewhere and the row appears without a reload.
    await api.ok(sam.token, ASK, { input: { skuId: fx.sku.user, justification: "Support bot" } });
    const samRow = page.locator(`tr[data-request="sam@${domain}"]`);
    await samRow.waitFor();
    await expectAccessible("License requests");
    await picture("license-requests");
    // No seat is free: the approval is refused in words, and the request stays pending.
    await ritaRow.getByRole("button", { name: /^Approve/ }).click();
    await dialog().getByRole("button", { name: "Approve", exact: true }).click();
    await dialog().getByText(/No seat of Power Virtual Agent User License is free \(0 available, 2 assigned\), so rita cannot be given one now\. Nothing changed/).waitFor();
    await dialog().getByText("SEATS_EXHAUSTED").waitFor();
    await expectAccessible("approval refused: SEATS_EXHAUSTED");
    await picture("request-seats-exhausted");
    await dialog().getByRole("button", { name: "Cancel", exact: true }).click();
    expect((await api.ok(fx.admin, REQUESTS)).tenant.licenseRequests.nodes.filter((r) => r.status === "PENDING")).toHaveLength(2);
    // One more seat (bought elsewhere): approved by adding Rita to Makers.
    await fx.buy(1, 0);
    aMinute();
    await ritaRow.getByRole("button", { name: /^Approve/ }).click();
    await dialog().getByLabel(/By adding rita to a group/).check();
    await dialog().getByLabel("Search groups").fill("Mak");
    await dialog().getByLabel("Group", { exact: true }).selectOption({ label: "Makers (has Power Virtual Agent User License)" });
    await expectAccessible("approve through a group");
    await picture("request-approve-group");
    await dialog().getByRole("button", { name: "Approve", exact: true }).click();
    await page.getByText("Approved: rita was added to Makers and has Power Virtual Agent User License.").waitFor();
    await ritaRow.waitFor({ state: "detached" });
    const effective = await fx.effective(rita.id);
    expect(userLicense(effective.effectiveLicenses)).toMatchObject({ state: "ACTIVE", holdsSeat: true, sources: [{ kind: "GROUP", group: { id: makers } }] });
    // Denied with a reason the requester sees.
    await samRow.getByRole("button", { name: /^Deny/ }).click();
    await dialog().getByLabel(/Reason/).fill("Use the shared support bot for now.");
    await dialog().getByRole("button", { name: "Deny", exact: true }).click();
    await page.getByText("Denied sam's request for Power Virtual Agent User License.").waitFor();
    await page.getByText("No request is waiting.").waitFor();
    const decided = (await api.ok(fx.admin, REQUESTS)).tenant.licenseRequests.nodes;
    expect(decided.find((r) => r.requester.id === sam.id)).toMatchObject({ status: "DENIED", reason: "Use the shared support bot for now." });
    expect(decided.find((r) => r.requester.id === rita.id && r.status === "APPROVED")).toMatchObject({ grantedThroughGroup: { id: makers } });
  });

  step("V7 V2 V4 Settings: auto-claim per license with a scope group, and the inactivity settings", async () => {
    aMinute();
    await nav("Settings").click();
    const claim = page.getByRole("form", { name: "Power Virtual Agent User License" });
    await claim.getByRole("switch", { name: /Give Power Virtual Agent User License at first use/ }).check();
    await claim.getByLabel("Search groups").fill("Makers");
    await claim.getByLabel("Only for members of").selectOption({ label: "Makers" });
    await claim.getByRole("button", { name: "Save auto-claim of Power Virtual Agent User License" }).click();
    await claim.getByText("Auto-claim of Power Virtual Agent User License is on for the members of Makers.").waitFor();
    await page.getByLabel("Inactive after (days)").fill("0");
    await page.getByRole("button", { name: "Save inactivity settings" }).click();
    await page.getByText("Enter a whole number of days from 1 to 3,650.").waitFor();
    await page.getByLabel("Inactive after (days)").fill("30");
    await page.getByRole("switch", { name: "Reclaim inactive people's licenses automatically" }).check();
    await page.getByRole("button", { name: "Save inactivity settings" }).click();
    await page.getByText("Inactive after 30 days; automatic reclamation is on.").waitFor();
    expect((await api.ok(fx.admin, POLICIES)).tenant).toEqual({
      inactiveAfterDays: 30, autoReclaim: true, autoClaimPolicies: [{ enabled: true, sku: { id: fx.sku.user }, scopeGroup: { id: makers } }],
    });
    await expectAccessible("Settings with auto-claim and inactivity");
    await page.getByRole("heading", { name: "Inactivity and reclamation" }).evaluate((h) => h.scrollIntoView({ block: "start" }));
    await picture("settings-optimization");
  });

  step("V7 V4 Inactive licenses: who holds through a group cannot be reclaimed per user; the ticked direct holders are reclaimed", async () => {
    api.clock.advanceDays(31);
    await nav("Inactive licenses").click();
    await page.getByRole("heading", { name: "Inactive licenses" }).waitFor();
    // The route survives a reload (the server answers index.html at /reports/…).
    await page.reload();
    await page.getByRole("heading", { name: "Inactive licenses" }).waitFor();
    await page.getByText(/have not used the product for 30 days or more/).waitFor();
    const annRow = page.locator(`tr[data-user="ann@${domain}"]`);
    const benRow = page.locator(`tr[data-user="ben@${domain}"]`);
    await annRow.getByText("Assigned directly: can be reclaimed.").waitFor();
    await benRow.getByText(/Through Makers: cannot be reclaimed from the user\./).waitFor();
    expect(await benRow.getByRole("checkbox").count()).toBe(0);
    await annRow.getByRole("checkbox", { name: "Select ann" }).check();
    await page.getByText("1 holder selected").waitFor();
    await expectAccessible("Inactive licenses");
    await picture("inactive-licenses");
    await page.getByRole("button", { name: "Reclaim licenses" }).click();
    await page.getByText(/^Reclaimed 1 license \(ann\); 1 seat is now available\./).waitFor();
    await annRow.waitFor({ state: "detached" });
    expect(userLicense((await fx.effective(ann)).effectiveLicenses)).toBeUndefined();
    expect(userLicense((await fx.effective(ben)).effectiveLicenses)).toMatchObject({ state: "ACTIVE" });
  });

  step("V7 V5 Subscriptions shows the usage history as a chart with its figures", async () => {
    aMinute();
    await runUsageSnapshots(api.app);
    await nav("Subscriptions").click();
    const usage = page.getByRole("region", { name: "Usage history" });
    const chart = usage.getByRole("img", { name: /Power Virtual Agent User License: seats by day/ });
    await chart.waitFor();
    // Five days in March with both seats held, and today's with one more bought and Ann's reclaimed.
    expect(await usage.locator("[data-date]").count()).toBe(6);
    await usage.getByText("The figures").click();
    const rows = usage.locator("tbody tr");
    expect(await rows.first().locator("td").allInnerTexts()).toEqual(["2", "0", "2", "0", "0"]);
    expect(await rows.last().locator("td").allInnerTexts()).toEqual(["3", "0", "2", "0", "0"]);
    await usage.getByLabel("License", { exact: true }).selectOption({ label: "Power Virtual Agent" });
    await usage.getByRole("img", { name: /^Power Virtual Agent: seats by day/ }).waitFor();
    await usage.getByLabel("License", { exact: true }).selectOption({ label: "Power Virtual Agent User License" });
    await chart.waitFor();
    await expectAccessible("Subscriptions with the usage history");
    await usage.evaluate((s) => s.scrollIntoView({ block: "start" }));
    await picture("usage-history");
  });

  step("V7 V6 Export on Active users downloads the CSV with the session's token", async () => {
    aMinute();
    await nav("Active users").click();
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Export users (CSV)" }).click()]);
    expect(download.suggestedFilename()).toMatch(/^users-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = readFileSync((await download.path())!, "utf8");
    expect(csv.startsWith("\uFEFFUser principal name,Display name,Account enabled")).toBe(true);
    expect(csv).toContain(`rita@${domain},rita,TRUE`);
    expect(csv.split("\r\n").filter(Boolean)).toHaveLength(6);
    await page.getByRole("button", { name: "Export users (CSV)" }).waitFor();
    await expectAccessible("Active users with Export");
  });

  step("V7 the walk ran at the default throttling with no 429, no CSP violation and no page error", async () => {
    expect(statuses.filter((s) => s === 429)).toEqual([]);
    expect(statuses.length).toBeGreaterThan(20);
    expect(cspViolations).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
