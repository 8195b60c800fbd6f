/**
 * The admin console, part 2 (issue 15, DESIGN §13 K2 and K5) in Debian's Chromium against a real server on a
 * fresh SQLite file: Billing (Purchase services, Subscriptions), Settings, Capacity and the Audit log.
 * The steps run in order on one new tenant that starts with no licenses at all, as a new admin would work.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Page } from "playwright-core";
import { signInLink } from "../../src/http/console";
import { Browser, ensureConsoleBuilt, launchBrowser, mainBundle } from "../helpers/browser";
import { CONSOLE_CSP } from "../../src/http/console";
import { newTenant, Q, TenantFx, userLicense } from "../helpers/fixtures";
import { TestApi } from "../helpers/harness";
import { navLink, story } from "../helpers/story";
import { graphql } from "../gql";

const START_TRIAL = graphql(`mutation ConsoleAdminStartTrial($input: StartTrialInput!) { startTrial(input: $input) { state } }`);
const TENANT_SETTINGS = graphql(`query ConsoleAdminTenantSettings { tenant { id defaultUsageLocation seatAlertThreshold allowAdHocSubscriptions } }`);
const SUBSCRIPTIONS = graphql(`query ConsoleAdminSubscriptions { tenant { subscriptions(includeInactive: true) { id quantity status channel orderId sku { partNumber } } } }`);

jest.setTimeout(120_000);

let api: TestApi;
let base: string;
let browser: Browser;
let page: Page;
let dir: string;
let fx: TenantFx;
const cspViolations: string[] = [];
const { step, picture, expectAccessible } = story(() => page);
const nav = (name: string) => navLink(page, name);
const dialog = () => page.getByRole("dialog");
const subscriptions = async () => (await api.ok(fx.admin, SUBSCRIPTIONS)).tenant.subscriptions;

beforeAll(async () => {
  ensureConsoleBuilt();
  dir = mkdtempSync(join(tmpdir(), "console-admin-e2e-"));
  api = await TestApi.start(`sqlite:${join(dir, "e2e.sqlite")}`);
  base = await api.listen();
  fx = await newTenant(api, "Northwind");
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

/** The channel first: a product the organization already has through it has no quantity to fill (K8, Buy licenses). */
async function order(quantities: { tenant?: string; user?: string }, channel = "Microsoft 365 admin center"): Promise<void> {
  await page.getByLabel("Purchase channel").selectOption({ label: channel });
  for (const [label, value] of [["Quantity of Power Virtual Agent", quantities.tenant], ["Quantity of Power Virtual Agent User License", quantities.user]] as const) {
    const input = page.getByLabel(label, { exact: true });
    if (value !== undefined || (await input.count())) await input.fill(value ?? "");
  }
}

describe("Billing in Chromium (issue 15, K2)", () => {
  step("K2 P2 user licenses alone, with no tenant license, are refused in words and nothing is bought", async () => {
    await page.goto(signInLink(base, fx.admin));
    await page.getByRole("heading", { name: "Active users" }).waitFor();
    await nav("Purchase services").click();
    await page.getByRole("heading", { name: "Purchase services" }).waitFor();
    await page.getByText("The organization has no active tenant license yet.").waitFor();
    await picture("purchase-services");
    await expectAccessible("Purchase services");
    await order({ user: "10" });
    await page.getByRole("button", { name: "Place order" }).click();
    const alert = page.getByRole("alert");
    await alert.getByText("Nothing was bought").waitFor();
    await alert.getByText(/User licenses need the tenant license \(Power Virtual Agent\), and the organization has none that is active\. Add it to this order/).waitFor();
    expect(await alert.getByText("TENANT_LICENSE_REQUIRED").count()).toBe(1);
    await expectAccessible("Purchase services with an error");
    expect(await subscriptions()).toEqual([]);
  });

  step("K2 P1 the tenant license and user licenses bought in one order both show in Subscriptions", async () => {
    await order({ tenant: "1", user: "10" });
    await page.getByRole("button", { name: "Place order" }).click();
    await page.getByRole("status").getByText(/Bought 1 × Power Virtual Agent and 10 × Power Virtual Agent User License\./).waitFor();
    const subs = await subscriptions();
    expect(subs.map((s) => [s.sku.partNumber, s.quantity, s.status]).sort()).toEqual([["POWER_VIRTUAL_AGENTS", 1, "ACTIVE"], ["POWER_VIRTUAL_AGENTS_USER", 10, "ACTIVE"]]);
    expect(new Set(subs.map((s) => s.orderId)).size).toBe(1);
    await page.getByRole("link", { name: "See your subscriptions" }).click();
    await page.getByRole("heading", { name: "Subscriptions", level: 1 }).waitFor();
    for (const s of subs) await page.locator(`tr[data-subscription="${s.id}"]`).getByText("Active", { exact: true }).waitFor();
    const pool = page.locator('tr[data-pool="Power Virtual Agent User License"] td');
    expect(await pool.allInnerTexts()).toEqual(["10", "0", "0", "0", "10", "0"]);
    await picture("subscriptions");
    await expectAccessible("Subscriptions");
  });

  step("K2 P3 user licenses through a partner need a tenant license from that partner: CHANNEL_MISMATCH in words", async () => {
    await nav("Purchase services").click();
    await order({ user: "5" }, "Partner (CSP)");
    await page.getByRole("button", { name: "Place order" }).click();
    await page.getByRole("alert").getByText(/User licenses bought through Partner \(CSP\) need a tenant license bought through Partner \(CSP\) too\./).waitFor();
    expect(await page.getByRole("alert").getByText("CHANNEL_MISMATCH").count()).toBe(1);
    expect(await subscriptions()).toHaveLength(2);
  });

  step("K2 K8 products the organization has through a channel are bought on their subscription (Buy licenses), not as a second row", async () => {
    await page.getByLabel("Purchase channel").selectOption({ label: "Microsoft 365 admin center" });
    expect(await page.getByLabel(/^Quantity of /).count()).toBe(0);
    const owned = await page.locator("td[data-owned]").allInnerTexts();
    expect(owned.map((t) => t.split(".")[0])).toEqual(["You have 1", "You have 10"]);
    await page.getByRole("link", { name: "Buy licenses for Power Virtual Agent User License" }).waitFor();
  });

  step("K2 P5 a double-clicked order buys once", async () => {
    // Through a partner, with the partner's own tenant license: the admin center's products are owned already.
    await order({ tenant: "1", user: "3" }, "Partner (CSP)");
    await page.getByRole("button", { name: "Place order" }).dblclick();
    await page.getByRole("status").getByText(/Bought 1 × Power Virtual Agent and 3 × Power Virtual Agent User License\./).waitFor();
    const threes = (await subscriptions()).filter((s) => s.quantity === 3);
    expect(threes).toHaveLength(1);
  });

  step("K2 P5 an order whose answer was lost, sent again from the same form, buys once", async () => {
    await order({ tenant: "1", user: "4" }, "Volume licensing");
    // The server buys; the answer never reaches the browser (a dropped connection).
    let bought = 0;
    await page.route("**/graphql", async (route) => {
      if (!route.request().postData()?.includes("PurchaseLicenses")) return route.continue();
      bought++;
      await route.fetch();
      await route.abort("connectionreset");
    }, { times: 1 });
    await page.getByRole("button", { name: "Place order" }).click();
    await page.getByRole("alert").getByText("The server cannot be reached. Check that it is running and your connection, then try again.").waitFor();
    expect(bought).toBe(1);
    expect((await subscriptions()).filter((s) => s.quantity === 4)).toHaveLength(1);
    await page.getByRole("button", { name: "Place order" }).click();
    await page.getByRole("status").getByText(/Bought 1 × Power Virtual Agent and 4 × Power Virtual Agent User License\./).waitFor();
    expect((await subscriptions()).filter((s) => s.quantity === 4)).toHaveLength(1);
  });

  step("K2 P7 K8 Remove licenses offers no quantity below the seats in use; SEATS_IN_USE explained when the seats changed meanwhile", async () => {
    // 17 seats in 3 subscriptions (10, 3, 4); 12 people hold one, so the 10 can go down to 5 at the least.
    for (const id of await fx.bulkUsers(12, "seat")) await fx.license(id);
    const subs = await subscriptions();
    const ten = subs.find((s) => s.quantity === 10)!;
    const four = subs.find((s) => s.quantity === 4)!;
    await nav("Subscriptions").click();
    const row = page.locator(`tr[data-subscription="${ten.id}"]`);
    await row.getByRole("button", { name: /Remove licenses/ }).click();
    await dialog().getByText("12 seats of Power Virtual Agent User License are assigned, so this subscription cannot go below 5.").waitFor();
    await dialog().getByText("From 5 to 9: the lowest total this subscription can take is 5.").waitFor();
    expect(await dialog().getByLabel("New total").getAttribute("min")).toBe("5");
    // Another admin lowers the subscription of 4 to 2 just before this save reaches the server: 5 is no longer
    // possible, and the server says so (SEATS_IN_USE).
    await page.route("**/graphql", async (route) => {
      if (!route.request().postData()?.includes('"operationName":"UpdateSubscriptionQuantity"')) return route.fallback();
      await api.ok(fx.admin, Q.updateQuantity, { input: { subscriptionId: four.id, quantity: 2 } });
      await route.continue();
    }, { times: 1 });
    await dialog().getByLabel("New total").fill("5");
    await dialog().getByRole("button", { name: "Remove licenses", exact: true }).click();
    const alert = dialog().getByRole("alert");
    await alert.getByText("More seats of Power Virtual Agent User License are assigned than that quantity allows (someone was given one meanwhile). Remove the license from people or groups who no longer need it first, or choose a larger quantity.").waitFor();
    expect(await alert.getByText("SEATS_IN_USE").count()).toBe(1);
    await picture("change-quantity-refused");
    await expectAccessible("Remove licenses refused");
    // The live pools bring the new figures: the stated minimum follows.
    await dialog().getByText("12 seats of Power Virtual Agent User License are assigned, so this subscription cannot go below 7.").waitFor();
    await api.ok(fx.admin, Q.updateQuantity, { input: { subscriptionId: four.id, quantity: 4 } });
    await dialog().getByText("From 5 to 9: the lowest total this subscription can take is 5.").waitFor();
    await dialog().getByLabel("New total").fill("6");
    await dialog().getByRole("button", { name: "Remove licenses", exact: true }).click();
    await dialog().waitFor({ state: "detached" });
    await page.getByText("Power Virtual Agent User License: 4 licenses removed. The subscription now has 6.").waitFor();
    await page.locator('tr[data-pool="Power Virtual Agent User License"] td', { hasText: /^13$/ }).first().waitFor();
    expect(await page.locator('tr[data-pool="Power Virtual Agent User License"] td').allInnerTexts()).toEqual(["13", "0", "0", "12", "1", "0"]);
  });

  step("K2 P6 a subscription is cancelled only after a confirmation, and shows as suspended", async () => {
    const three = (await subscriptions()).find((s) => s.quantity === 3)!;
    const row = page.locator(`tr[data-subscription="${three.id}"]`);
    await row.getByRole("button", { name: /Cancel subscription/ }).click();
    await dialog().getByRole("heading", { name: "Cancel Power Virtual Agent User License?" }).waitFor();
    await dialog().getByText(/12 seats are assigned and 10 would remain: the people who got their seat most recently lose it/).waitFor();
    await picture("cancel-subscription");
    await expectAccessible("Cancel confirmation");
    await dialog().getByRole("button", { name: "Keep the subscription" }).click();
    await dialog().waitFor({ state: "detached" });
    expect((await subscriptions()).find((s) => s.id === three.id)!.status).toBe("ACTIVE");
    await row.getByRole("button", { name: /Cancel subscription/ }).click();
    await dialog().getByRole("button", { name: "Yes, cancel the subscription" }).click();
    await dialog().waitFor({ state: "detached" });
    await row.getByText("Suspended", { exact: true }).waitFor();
    expect(await row.getByRole("button").count()).toBe(0);
    const pool = userLicense(await fx.licenses())!;
    expect(pool).toMatchObject({ prepaidUnits: { enabled: 10, warning: 0, suspended: 3 }, consumedUnits: 10, unassignedDemand: 2 });
    expect(await page.locator('tr[data-pool="Power Virtual Agent User License"] td').allInnerTexts()).toEqual(["10", "0", "3", "10", "0", "2 waiting"]);
  });

  step("K2 K6 a Global reader sees the subscriptions and the catalog but nothing to buy, change or cancel", async () => {
    const reader = await fx.user("rhea", ["GLOBAL_READER"]);
    await page.goto(signInLink(base, reader.token));
    await nav("Subscriptions").click();
    await page.locator('tr[data-pool="Power Virtual Agent User License"]').waitFor();
    expect(await page.getByRole("button", { name: /Buy licenses|Remove licenses|Cancel subscription/ }).count()).toBe(0);
    await nav("Purchase services").click();
    await page.getByText("Only a Global admin or a Billing admin can buy licenses.").waitFor();
    expect(await page.locator("input, select").count()).toBe(0);
    await expectAccessible("Reader's purchase page");
    await page.goto(signInLink(base, fx.admin));
    await page.getByRole("heading", { name: "Active users" }).waitFor();
  });
});

describe("Settings, Capacity and the Audit log in Chromium (issue 15, K5)", () => {
  step("K5 S9 self-service trials turned off in Settings: a user's startTrial is refused with TRIALS_DISABLED", async () => {
    const user = await fx.user("tara");
    await nav("Settings").click();
    const trials = page.getByRole("switch", { name: "Let users start self-service trials" });
    expect(await trials.isChecked()).toBe(true);
    await expectAccessible("Settings");
    await trials.uncheck();
    await page.getByRole("button", { name: "Save trial setting" }).click();
    await page.getByRole("status").getByText("Self-service trials are off.").waitFor();
    expect(await api.code(user.token, START_TRIAL, { input: { skuId: fx.sku.trial } })).toBe("TRIALS_DISABLED");
    // Reloaded, the page shows what the server keeps.
    await page.reload();
    await page.getByRole("switch", { name: "Let users start self-service trials" }).waitFor();
    expect(await page.getByRole("switch", { name: "Let users start self-service trials" }).isChecked()).toBe(false);
    await page.getByRole("switch", { name: "Let users start self-service trials" }).check();
    await page.getByRole("button", { name: "Save trial setting" }).click();
    await page.getByRole("status").getByText("Self-service trials are on.").waitFor();
    expect((await api.ok(user.token, START_TRIAL, { input: { skuId: fx.sku.trial } })).startTrial.state).toBe("ACTIVE");
  });

  step("K5 C1 B3 Capacity: the tenant's figures, each bot's sessions and a monthly chart with the overage", async () => {
    const maker = await fx.user("mika");
    // The pool is full with 2 people waiting (the cancelled subscription): 3 more seats serve them and the maker.
    await fx.buy(3, 0);
    await fx.license(maker.id);
    const helpdesk = (await api.ok(maker.token, Q.createBot, { input: { name: "Helpdesk" } })).createBot.id;
    const sales = (await api.ok(maker.token, Q.createBot, { input: { name: "Sales Assistant" } })).createBot.id;
    await api.ok(fx.admin, Q.record, { input: { botId: helpdesk, count: 1500, at: "2026-02-15T12:00:00.000Z" } });
    await api.ok(fx.admin, Q.record, { input: { botId: helpdesk, count: 5000, at: "2026-03-05T12:00:00.000Z" } });
    await api.ok(fx.admin, Q.record, { input: { botId: sales, count: 1600, at: "2026-03-06T12:00:00.000Z" } });
    await nav("Capacity").click();
    await page.getByRole("heading", { name: "March 2026", exact: true }).waitFor();
    const figure = (label: string) => page.locator(".figures div", { has: page.locator("dt", { hasText: label }) }).locator("dd").innerText();
    expect([await figure("Purchased"), await figure("Consumed"), await figure("Remaining"), await figure("Overage")]).toEqual(["6,000", "6,600", "0", "600"]);
    await page.getByText("600 sessions beyond the 6,000 purchased this month.").waitFor();
    expect(await page.locator('tr[data-bot="Helpdesk"] td').allInnerTexts()).toEqual(["mika", "5,000", "76 %"]);
    expect(await page.locator('tr[data-bot="Sales Assistant"] td').allInnerTexts()).toEqual(["mika", "1,600", "24 %"]);
    const chart = page.getByRole("img", { name: /Billed sessions by month/ });
    await chart.waitFor();
    expect(await chart.locator("g[data-period]").count()).toBe(12);
    expect(await chart.locator('g[data-period="2026-03"] rect.over').count()).toBe(1);
    // K8: the subscriptions started on 10 March; February had none, so all its sessions are overage.
    expect(await chart.locator('g[data-period="2026-02"] rect.over').count()).toBe(1);
    expect(await chart.locator("desc").textContent()).toContain("Mar: 6,600 consumed of 6,000 purchased, 600 overage");
    expect(await chart.locator("desc").textContent()).toContain("Feb: 1,500 consumed of 0 purchased, 1,500 overage");
    await picture("capacity");
    await expectAccessible("Capacity");
    await page.getByLabel("Month", { exact: true }).selectOption("2026-02");
    await page.getByRole("heading", { name: "February 2026", exact: true }).waitFor();
    expect([await figure("Purchased"), await figure("Consumed"), await figure("Remaining"), await figure("Overage")]).toEqual(["0", "1,500", "0", "1,500"]);
    expect(await page.locator("tr[data-bot]").count()).toBe(1);
  });

  step("K5 A1 Audit log: filtered by action and by target, before/after and seat changes readable, paged", async () => {
    await nav("Audit log").click();
    await page.getByRole("heading", { name: "Audit log" }).waitFor();
    await page.getByLabel("Action", { exact: true }).selectOption({ label: "Subscription cancelled" });
    await page.getByRole("button", { name: "Apply filter" }).click();
    await page.getByText("1–1 of 1").waitFor();
    const cancelled = page.locator('tr[data-action="CANCEL_SUBSCRIPTION"]');
    expect(await cancelled.locator(".change-table tbody tr").allInnerTexts()).toEqual(["status\tACTIVE\tSUSPENDED"]);
    await cancelled.getByRole("list", { name: "Seat changes" }).getByText(/Seats of Power Virtual Agent User License: 2 seats taken back, 2 people left without a seat \(COUNT_VIOLATION\)/).waitFor();
    expect(await cancelled.locator("td").first().innerText()).toMatch(/^[A-Z][a-z]{2} \d+, 2026, \d+:\d\d [AP]M UTC$/);
    expect(await cancelled.locator("td").nth(1).innerText()).toMatch(/^Admin\s+admin@northwind\d*\.example$/);
    expect(await cancelled.locator(".target-name").innerText()).toBe("Power Virtual Agent User License");
    await picture("audit-log");
    await expectAccessible("Audit log, filtered by action");

    const ten = (await subscriptions()).find((s) => s.quantity === 6)!;
    await page.getByRole("button", { name: "Clear filter" }).click();
    await page.getByLabel("Target ID").fill(ten.id);
    await page.getByRole("button", { name: "Apply filter" }).click();
    await page.getByText("1–1 of 1").waitFor();
    const changed = page.locator('tr[data-action="UPDATE_SUBSCRIPTION_QUANTITY"]');
    expect(await changed.locator(".change-table tbody tr").allInnerTexts()).toEqual(["quantity\t10\t6"]);

    await page.getByRole("button", { name: "Clear filter" }).click();
    const total = (await api.ok(fx.admin, Q.audit, {})).auditEvents.totalCount;
    expect(total).toBeGreaterThan(25);
    await page.getByText(`1–25 of ${total}`).waitFor();
    await page.getByRole("button", { name: "Next page" }).click();
    await page.getByText(`26–${Math.min(50, total)} of ${total}`).waitFor();
    await page.getByRole("button", { name: "Previous page" }).click();
    await page.getByText(`1–25 of ${total}`).waitFor();
    // The newest event first: the sessions recorded for the capacity report.
    expect(await page.locator("tbody tr").first().getAttribute("data-action")).toBe("RECORD_BOT_SESSIONS");
  });
});

describe("Live pools over graphql-ws (issue 15, K5, §11)", () => {
  step("E2 E5 K5 a pool changes without a reload when another session buys and assigns, and a banner shows while it runs low", async () => {
    await page.goto(signInLink(base, fx.admin));
    await nav("Subscriptions").click();
    const pool = page.locator('tr[data-pool="Power Virtual Agent User License"] td');
    await page.getByRole("heading", { name: "Subscriptions", level: 1 }).waitFor();
    // Every seat is taken: the pool is low (E5, threshold 0).
    expect(await pool.allInnerTexts()).toEqual(["13", "0", "3", "13", "0", "0"]);
    const banner = page.getByRole("status").filter({ hasText: "Power Virtual Agent User License is running low" });
    await banner.getByText(/0 of 13 seats available\./).waitFor();
    await picture("low-seats-banner");
    await expectAccessible("Subscriptions with the low-seats banner");
    await page.evaluate(`window.__sameDocument = true`);

    // Another session (the API directly, as another admin's browser would) buys 2 seats: the page follows.
    await fx.buy(2, 0);
    await page.locator('tr[data-pool="Power Virtual Agent User License"] td:nth-child(2)', { hasText: /^15$/ }).waitFor();
    await banner.waitFor({ state: "detached" });
    // ... and assigns one.
    const newcomer = await fx.user("lina");
    await fx.license(newcomer.id);
    await page.locator('tr[data-pool="Power Virtual Agent User License"] td:nth-child(5)', { hasText: /^14$/ }).waitFor();
    expect(await pool.allInnerTexts()).toEqual(["15", "0", "3", "14", "1", "0"]);
    expect(await page.evaluate<boolean>(`window.__sameDocument === true`)).toBe(true);
  });

  step("E5 K5 the seat alert threshold set in Settings raises the banner at once", async () => {
    await nav("Settings").click();
    await page.getByLabel("Warn when available seats are at or below").fill("1");
    await page.getByRole("button", { name: "Save threshold" }).click();
    await page.getByText("Seat alert threshold set to 1.").waitFor();
    await page.getByRole("status").filter({ hasText: "Power Virtual Agent User License is running low" }).getByText(/1 of 15 seats available\./).waitFor();
    await page.getByRole("link", { name: "Buy more seats" }).waitFor();
    await expectAccessible("Settings with the threshold");
    expect(await page.evaluate<boolean>(`window.__sameDocument === true`)).toBe(true);
  });
});

describe("Directory sync settings (issue 15, K5, D1, L1)", () => {
  step("L1 K5 the default usage location is changed in Settings", async () => {
    await nav("Settings").click();
    const field = page.getByLabel("Country code");
    expect(await field.inputValue()).toBe("US");
    await field.fill("D");
    await page.getByRole("button", { name: "Save location" }).click();
    await page.getByText("Enter a two-letter country code (ISO 3166-1 alpha-2), for example US, DE or FR.").waitFor();
    await field.fill("de");
    await page.getByRole("button", { name: "Save location" }).click();
    await page.getByText("Default usage location set to DE.").waitFor();
    expect((await api.ok(fx.admin, TENANT_SETTINGS)).tenant.defaultUsageLocation).toBe("DE");
  });

  step("D1 K5 a provisioning token is shown once with the SCIM base URL under Entra ID's and Okta's field names, and works for SCIM", async () => {
    // The address the server tells directories to use (PUBLIC_URL): here the test server's own.
    (api.app.config as { publicUrl?: string }).publicUrl = base;
    await browser.context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: base });
    await page.getByLabel("Description").fill("Entra ID provisioning");
    await page.getByLabel("Expires after").selectOption({ label: "1 year" });
    await page.getByRole("button", { name: "Create token" }).click();
    const created = page.getByRole("region", { name: "Token “Entra ID provisioning” created: copy it now" });
    await created.waitFor();
    const tenantUrl = await created.getByLabel("Tenant URL").inputValue();
    const secret = await created.getByLabel("Secret Token").inputValue();
    // K8: Entra's Tenant URL carries ?aadOptscim062020 (README, Directory sync); Okta's base URL is the plain one.
    expect(tenantUrl).toBe(`${base}/scim/v2?aadOptscim062020`);
    const scimBase = await created.getByLabel("SCIM connector base URL").inputValue();
    expect(scimBase).toBe(`${base}/scim/v2`);
    expect(await created.getByLabel("Authorization (Bearer)").inputValue()).toBe(secret);
    await created.getByRole("button", { name: "Copy Secret Token" }).click();
    await created.getByText("Copied.").waitFor();
    expect(await page.evaluate<string>(`navigator.clipboard.readText()`)).toBe(secret);
    await picture("provisioning-token");
    await expectAccessible("Settings with a new provisioning token");

    // One SCIM request with it, as Entra ID's "Test Connection" would make.
    const scim = await fetch(`${scimBase}/Users?count=1`, { headers: { authorization: `Bearer ${secret}` } });
    expect(scim.status).toBe(200);
    expect(((await scim.json()) as { schemas: string[] }).schemas).toEqual(["urn:ietf:params:scim:api:messages:2.0:ListResponse"]);

    await created.getByRole("button", { name: "I have copied it" }).click();
    await created.waitFor({ state: "detached" });
    expect(await page.locator(`input[value="${secret}"]`).count()).toBe(0);
    await page.reload();
    const row = page.locator('tr[data-token="Entra ID provisioning"]');
    await row.waitFor();
    expect(await row.locator("td").first().innerText()).toBe(`…${secret.slice(-4)}`);
    expect(await row.locator("td").nth(3).innerText()).not.toBe("Never");
    await picture("settings");
    await expectAccessible("Settings with a provisioning token");

    await row.getByRole("button", { name: /Revoke/ }).click();
    await dialog().getByRole("button", { name: "Yes, revoke the token" }).click();
    await dialog().waitFor({ state: "detached" });
    await row.waitFor({ state: "detached" });
    expect((await fetch(`${scimBase}/Users?count=1`, { headers: { authorization: `Bearer ${secret}` } })).status).toBe(401);
  });
});

describe("API explorer (issue 15, K7)", () => {
  it("K7 GET /graphql from a browser is the explorer page; API clients get the API as before, and no Apollo landing page", async () => {
    const html = await fetch(`${base}/graphql`, { headers: { accept: "text/html,application/xhtml+xml,*/*;q=0.8" } });
    expect({ status: html.status, type: html.headers.get("content-type"), vary: html.headers.get("vary"), csp: html.headers.get("content-security-policy") })
      .toEqual({ status: 200, type: "text/html; charset=utf-8", vary: "Accept", csp: CONSOLE_CSP });
    const body = await html.text();
    expect(body).toContain('<div id="root"></div>');
    expect(body).not.toMatch(/apollographql|embeddable-sandbox|cdn\./i);
    const query = await fetch(`${base}/graphql?query=${encodeURIComponent("{ skus { partNumber } }")}`, { headers: { accept: "text/html", "apollo-require-preflight": "1" } });
    expect(query.headers.get("content-type")).toMatch(/^application\/(graphql-response\+)?json/);
    const json = await fetch(`${base}/graphql`, { headers: { accept: "application/json" } });
    expect(json.headers.get("content-type")).not.toMatch(/text\/html/);
  });

  it("K7 in production the explorer is off unless EXPLORER=true, and Apollo's CDN landing page never appears", async () => {
    for (const explorer of [false, true]) {
      const prod = await TestApi.start(`sqlite:${join(dir, `prod-${explorer}.sqlite`)}`, { config: { production: true, explorer } });
      try {
        const r = await fetch(`${await prod.listen()}/graphql`, { headers: { accept: "text/html" } });
        const text = await r.text();
        expect(text).not.toMatch(/apollographql|embeddable-sandbox/i);
        expect({ explorer, html: (r.headers.get("content-type") ?? "").startsWith("text/html") }).toEqual({ explorer, html: explorer });
      } finally {
        await prod.stop();
      }
    }
  });

  step("K7 GraphiQL is lazy-loaded from the project's bundle at /graphql and runs a query with the admin's token", async () => {
    const bundle = mainBundle();
    expect(bundle.scripts.some((f) => /explorer|graphiql|codemirror/i.test(f))).toBe(false);
    // GraphiQL alone is ~400 kB gzipped: a main bundle under 260 kB cannot hold it (V7's pages brought it to ~252 kB).
    expect(bundle.gzip).toBeLessThanOrEqual(260_000);
    const scripts: string[] = [];
    page.on("request", (r) => {
      if (r.resourceType() === "script") scripts.push(new URL(r.url()).pathname);
    });
    await page.goto(signInLink(base, fx.admin));
    await page.getByRole("heading", { name: "Active users" }).waitFor();
    expect(scripts.filter((s) => /Explorer-/.test(s))).toEqual([]);
    const introspected = page.waitForResponse((r) => Boolean(r.request().postData()?.includes("IntrospectionQuery")) && r.ok());
    await page.getByRole("link", { name: "API explorer" }).click();
    await page.locator(".graphiql-container").waitFor();
    await introspected;
    await page.locator(".graphiql-query-editor").getByText("availableUnits").waitFor();
    expect(scripts.filter((s) => /Explorer-/.test(s))).toHaveLength(1);
    expect(scripts.every((s) => s.startsWith("/assets/"))).toBe(true);
    await page.getByRole("button", { name: /Execute query/ }).click();
    await page.locator(".result-window").getByText('"Northwind"').waitFor();
    await picture("explorer");
    await expectAccessible("API explorer");
    await page.getByRole("link", { name: "Back to the admin center" }).click();
    await page.getByRole("heading", { name: "Active users" }).waitFor();
  });
});

describe("Content-Security-Policy (issue 15)", () => {
  step("K6 the part-2 pages load under the Content-Security-Policy without a single violation", async () => {
    expect(cspViolations).toEqual([]);
  });
});
