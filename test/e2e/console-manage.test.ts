/**
 * The console for daily use (issue 20, DESIGN §13 K8, §4 S11) in Debian's Chromium against a real server on a fresh
 * SQLite file at the default throttling: groups managed in the console (GROUP_CYCLE in words), the removal preview,
 * Buy licenses / Remove licenses on a subscription, the audit log by name and by day, capacity before the first
 * subscription. A save whose refresh fails afterwards is still reported as saved (the mutation's answer decides).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Page } from "playwright-core";
import { signInLink } from "../../src/http/console";
import { throttleSettingsFrom } from "../../src/config";
import { Browser, ensureConsoleBuilt, launchBrowser } from "../helpers/browser";
import { newTenant, Q, TenantFx, userLicense } from "../helpers/fixtures";
import { TestApi } from "../helpers/harness";
import { navLink, story } from "../helpers/story";
import { graphql } from "../gql";

const GROUP = graphql(`query ConsoleDailyGroup($id: ID!) { securityGroup(id: $id) { id displayName members { nodes { id } } memberGroups { id } } }`);
const SUBSCRIPTIONS = graphql(`query ConsoleDailySubscriptions { tenant { subscriptions(includeInactive: true) { id quantity sku { partNumber } } } }`);
const CREATE_TOKEN = graphql(`mutation ConsoleDailyToken($input: CreateProvisioningTokenInput!) { createProvisioningToken(input: $input) { token } }`);

jest.setTimeout(180_000);

let api: TestApi;
let base: string;
let browser: Browser;
let page: Page;
let dir: string;
let fx: TenantFx;
const throttled: string[] = [];
const { step, picture, expectAccessible } = story(() => page);
const nav = (name: string) => navLink(page, name);
const dialog = () => page.getByRole("dialog");
const status = () => page.getByRole("status");

/** Fails the next request of the named operation with a 500, as a refresh that breaks after a save; `done` settles then. */
async function breakNext(operation: string): Promise<{ done: Promise<void> }> {
  let broken = false;
  let settle!: () => void;
  const done = new Promise<void>((r) => (settle = r));
  await page.route("**/graphql", async (route) => {
    const body = route.request().postData() ?? "";
    if (broken || !body.includes(`"operationName":"${operation}"`)) return route.fallback();
    broken = true;
    await route.fulfill({ status: 500, contentType: "application/json", body: JSON.stringify({ errors: [{ message: "boom", extensions: { code: "INTERNAL_SERVER_ERROR" } }] }) });
    settle();
  });
  return { done };
}

beforeAll(async () => {
  ensureConsoleBuilt();
  dir = mkdtempSync(join(tmpdir(), "console-manage-e2e-"));
  // The defaults an installation runs with (T1, T2), not the harness's unlimited throttle.
  api = await TestApi.start(`sqlite:${join(dir, "e2e.sqlite")}`, { config: { throttle: throttleSettingsFrom({}) } });
  base = await api.listen();
  fx = await newTenant(api, "Contoso");
  browser = await launchBrowser();
  page = await browser.context.newPage();
  page.setDefaultTimeout(15_000);
  page.on("response", (r) => {
    if (r.status() === 429) throttled.push(r.url());
  });
});

afterAll(async () => {
  await browser?.close();
  await api?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("Groups managed in the console (K8)", () => {
  let ana: { id: string };
  let ben: { id: string };
  let sales: string;

  step("K8 a group is created in the console and gets members found by search", async () => {
    ana = await fx.user("ana");
    ben = await fx.user("ben");
    await fx.user("cleo");
    await page.goto(signInLink(base, fx.admin));
    await page.getByRole("heading", { name: "Active users" }).waitFor();
    await nav("Groups").click();
    await page.getByRole("button", { name: "Create group" }).click();
    await dialog().getByLabel("Name", { exact: true }).fill("Sales");
    await dialog().getByLabel("Description (optional)").fill("Everyone who sells");
    await expectAccessible("Create a group");
    await dialog().getByRole("button", { name: "Create group" }).click();
    await page.getByRole("heading", { name: "Sales", level: 1 }).waitFor();
    await status().getByText("Sales created. Add members and licenses below.").waitFor();
    sales = decodeURIComponent(new URL(page.url()).pathname.split("/").pop()!);

    await page.getByRole("button", { name: "Add members" }).click();
    await dialog().getByLabel("Search users").fill("an");
    await dialog().getByRole("button", { name: "Search" }).click();
    await dialog().getByRole("checkbox", { name: /^ana / }).check();
    await dialog().getByLabel("Search users").fill("");
    await dialog().getByRole("button", { name: "Search" }).click();
    await dialog().getByRole("checkbox", { name: /^ben / }).check();
    await picture("group-add-members");
    await expectAccessible("Add members");
    await dialog().getByRole("button", { name: "Add 2 members" }).click();
    await dialog().waitFor({ state: "detached" });
    await status().getByText("Added to Sales: ana, ben.").waitFor();
    await page.locator(`tr[data-user^="ana@"]`).waitFor();
    await page.locator(`tr[data-user^="ben@"]`).waitFor();
    const g = (await api.ok(fx.admin, GROUP, { id: sales })).securityGroup!;
    expect(g.members.nodes.map((m) => m.id).sort()).toEqual([ana.id, ben.id].sort());
  });

  step("K8 a group is nested, and nesting back is GROUP_CYCLE told as the chain that would loop; nothing changes", async () => {
    const emea = await fx.group("Sales EMEA");
    const paris = await fx.group("Sales Paris");
    await fx.add(emea, [], [paris]);
    await page.getByRole("button", { name: "Add nested groups" }).click();
    await dialog().getByLabel("Search groups").fill("EMEA");
    await dialog().getByRole("button", { name: "Search" }).click();
    await dialog().getByRole("checkbox", { name: /^Sales EMEA/ }).check();
    await dialog().getByRole("button", { name: "Add 1 group" }).click();
    await dialog().waitFor({ state: "detached" });
    await status().getByText("Nested in Sales: Sales EMEA.").waitFor();
    await page.locator('li[data-group="Sales EMEA"]').waitFor();

    // Sales ⊃ Sales EMEA ⊃ Sales Paris: putting Sales inside Sales Paris would loop.
    await page.goto(`${base}/groups/${encodeURIComponent(paris)}`);
    await page.getByRole("heading", { name: "Sales Paris", level: 1 }).waitFor();
    await page.getByRole("button", { name: "Add nested groups" }).click();
    await dialog().getByLabel("Search groups").fill("Sales");
    await dialog().getByRole("button", { name: "Search" }).click();
    expect(await dialog().getByRole("checkbox", { name: /^Sales Paris/ }).isDisabled()).toBe(true);
    await dialog().getByRole("checkbox", { name: /^Sales Everyone/ }).check();
    const before = await api.snapshot();
    await dialog().getByRole("button", { name: "Add 1 group" }).click();
    const alert = dialog().getByRole("alert");
    await alert.getByText("No group was nested").waitFor();
    await alert.getByText(
      "Sales cannot go inside Sales Paris: Sales contains Sales EMEA, Sales EMEA contains Sales Paris already, so the chain would loop (Sales Paris → Sales → Sales EMEA → Sales Paris) and Sales Paris would be inside itself. Choose another group, or take Sales Paris out of that chain first.",
    ).waitFor();
    expect(await alert.getByText("GROUP_CYCLE").count()).toBe(1);
    await picture("group-cycle");
    await expectAccessible("GROUP_CYCLE explained");
    expect(await api.snapshot()).toBe(before);
    await dialog().getByRole("button", { name: "Cancel" }).click();
  });

  step("K8 a group is renamed, a member and a nested group removed, each confirmed by the mutation's answer even when the refresh fails", async () => {
    await page.goto(`${base}/groups/${encodeURIComponent(sales)}`);
    await page.getByRole("heading", { name: "Sales", level: 1 }).waitFor();
    await page.getByRole("button", { name: "Edit name and description" }).click();
    await dialog().getByLabel("Name", { exact: true }).fill("Sales team");
    await dialog().getByRole("button", { name: "Save" }).click();
    await dialog().waitFor({ state: "detached" });
    await page.getByRole("heading", { name: "Sales team", level: 1 }).waitFor();
    await status().getByText("Sales renamed to Sales team.").waitFor();

    // The member is removed; the members list's refresh then fails: the page still says it was done.
    const refresh = await breakNext("GroupMembers");
    await page.locator(`tr[data-user^="ben@"]`).getByRole("button", { name: /Remove/ }).click();
    await status().getByText("ben removed from Sales team.").waitFor();
    await refresh.done;
    expect(await page.getByText("Nothing was removed").count()).toBe(0);
    await page.unrouteAll();
    await page.locator('li[data-group="Sales EMEA"]').getByRole("button", { name: /Remove/ }).click();
    await status().getByText("Sales EMEA is no longer nested in Sales team.").waitFor();
    await page.locator('li[data-group="Sales EMEA"]').waitFor({ state: "detached" });
    const g = (await api.ok(fx.admin, GROUP, { id: sales })).securityGroup!;
    expect({ name: g.displayName, members: g.members.nodes.map((m) => m.id), groups: g.memberGroups }).toEqual({ name: "Sales team", members: [ana.id], groups: [] });
    await picture("group-managed");
    await expectAccessible("A managed group");
  });

  step("K8 G2 a group with a license is deleted only after its licenses; without, after a confirmation", async () => {
    await fx.buy(5);
    const licensed = await fx.group("Licensed");
    await fx.assignGroup(licensed);
    await page.goto(`${base}/groups/${encodeURIComponent(licensed)}`);
    await page.getByRole("button", { name: "Delete group" }).click();
    await dialog().getByText(/Licensed still has a license assigned\. Remove it first/).waitFor();
    expect(await dialog().getByRole("button", { name: "Yes, delete the group" }).count()).toBe(0);
    await dialog().getByRole("button", { name: "Close", exact: true }).click();

    await page.goto(`${base}/groups/${encodeURIComponent(sales)}`);
    await page.getByRole("button", { name: "Delete group" }).click();
    await dialog().getByRole("button", { name: "Yes, delete the group" }).click();
    await page.getByRole("heading", { name: "Groups", level: 1 }).waitFor();
    await status().getByText("Sales team deleted.").waitFor();
    expect((await api.ok(fx.admin, GROUP, { id: sales })).securityGroup).toBeNull();
  });
});

describe("The removal preview (S11, K8)", () => {
  step("S11 K8 before a group license is removed: who loses a seat, who keeps it through another source, who gets a freed seat next", async () => {
    // 5 seats: 'Licensed' holds none yet; a fresh group of 2, the pool then full with one waiting.
    const team = await fx.group("Support");
    const only = await fx.user("olga");
    const both = await fx.user("boris");
    await fx.add(team, [only.id, both.id]);
    await fx.license(both.id);
    await fx.assignGroup(team);
    const fillers = await fx.bulkUsers(3, "filler");
    for (const id of fillers) await fx.license(id);
    // A direct assignment to a full pool is refused (SEATS_EXHAUSTED); through a group, wanda waits for a seat.
    const waiting = await fx.user("wanda");
    const room = await fx.group("Waiting room");
    await fx.assignGroup(room);
    await fx.add(room, [waiting.id]);
    expect(userLicense(await fx.licenses())).toMatchObject({ consumedUnits: 5, unassignedDemand: 1 });

    await page.goto(`${base}/groups/${encodeURIComponent(team)}`);
    await page.getByRole("heading", { name: "Support", level: 1 }).waitFor();
    await page.getByRole("button", { name: /Remove license/ }).click();
    await dialog().getByRole("button", { name: "Preview impact" }).click();
    const impact = dialog().getByRole("region", { name: /What removing Power Virtual Agent User License from Support would do/ });
    await impact.getByRole("heading", { name: "1 member would lose their seat" }).waitFor();
    expect(await impact.getByRole("list", { name: "Would lose their seat" }).innerText()).toMatch(/^olga olga@/);
    await impact.getByRole("heading", { name: "1 member keeps it" }).waitFor();
    await impact.getByRole("heading", { name: "1 person waiting would get a freed seat next" }).waitFor();
    expect(await impact.getByRole("list", { name: "Would get a seat next" }).innerText()).toMatch(/^wanda wanda@/);
    expect(await impact.getByText(/New seats needed|Already licensed/).count()).toBe(0);
    await picture("group-removal-preview");
    await expectAccessible("Removal preview");

    // The removal is committed, then the refresh of the members fails: the flyout reports the removal, not a failure.
    const refresh = await breakNext("GroupMembers");
    await dialog().getByRole("button", { name: "Remove license" }).click();
    await dialog().waitFor({ state: "detached" });
    await status().getByText("Power Virtual Agent User License removed from Support.").waitFor();
    await refresh.done;
    await page.unrouteAll();
    expect((await fx.effective(waiting.id)).effectiveLicenses[0]).toMatchObject({ state: "ACTIVE", holdsSeat: true });
    expect((await fx.effective(only.id)).effectiveLicenses).toEqual([]);
    expect((await api.ok(fx.admin, Q.audit, { action: "ASSIGN_GROUP_LICENSE", targetId: team })).auditEvents.totalCount).toBe(2);
  });
});

describe("Buy licenses and Remove licenses on a subscription (K8, P7)", () => {
  step("K8 Buy licenses raises the subscription's quantity: no second row; Purchase services sends an owned product there", async () => {
    const before = (await api.ok(fx.admin, SUBSCRIPTIONS)).tenant!.subscriptions;
    const user = before.find((s) => s.sku.partNumber === "POWER_VIRTUAL_AGENTS_USER")!;
    await nav("Purchase services").click();
    const owned = page.locator(`td[data-owned]`).filter({ hasText: "You have 5." });
    await owned.waitFor();
    expect(await page.getByLabel("Quantity of Power Virtual Agent User License").count()).toBe(0);
    await owned.getByRole("link", { name: /Buy licenses/ }).click();
    await dialog().getByRole("heading", { name: "Buy licenses: Power Virtual Agent User License" }).waitFor();
    await dialog().getByLabel("Licenses to add").fill("3");
    await dialog().getByText("From 1 to 999,995. New total: 8.").waitFor();
    await picture("buy-licenses");
    await expectAccessible("Buy licenses");
    // The order is committed; the list's refresh then fails: the page reports the purchase.
    const refresh = await breakNext("Subscriptions");
    await dialog().getByRole("button", { name: "Buy", exact: true }).click();
    await dialog().waitFor({ state: "detached" });
    await status().getByText("Power Virtual Agent User License: 3 licenses bought. The subscription now has 8.").waitFor();
    await refresh.done;
    await page.unrouteAll();
    await page.locator(`tr[data-subscription="${user.id}"] td:nth-child(3)`, { hasText: /^8$/ }).waitFor();
    const after = (await api.ok(fx.admin, SUBSCRIPTIONS)).tenant!.subscriptions;
    expect(after.length).toBe(before.length);
    expect(after.find((s) => s.id === user.id)!.quantity).toBe(8);
  });

  step("K8 P7 Remove licenses goes down to the stated minimum: the input's min is the figure the text gives", async () => {
    // 8 seats, 5 held (wanda, boris and three fillers): the subscription can go down to 5.
    const user = (await api.ok(fx.admin, SUBSCRIPTIONS)).tenant!.subscriptions.find((s) => s.sku.partNumber === "POWER_VIRTUAL_AGENTS_USER")!;
    // A fresh load: the refresh broken on purpose in the step before left its notice.
    await page.reload();
    const row = page.locator(`tr[data-subscription="${user.id}"]`);
    await row.getByRole("button", { name: /Remove licenses/ }).click();
    await dialog().getByText("5 seats of Power Virtual Agent User License are assigned, so this subscription cannot go below 5.").waitFor();
    await dialog().getByText("From 5 to 7: the lowest total this subscription can take is 5.").waitFor();
    const input = dialog().getByLabel("New total");
    expect([await input.getAttribute("min"), await input.getAttribute("max")]).toEqual(["5", "7"]);
    await input.fill("4");
    await dialog().getByRole("button", { name: "Remove licenses", exact: true }).click();
    await dialog().getByRole("alert").getByText("Enter a whole number from 5 to 7.").waitFor();
    await picture("remove-licenses");
    await expectAccessible("Remove licenses");
    await input.fill("5");
    await dialog().getByRole("button", { name: "Remove licenses", exact: true }).click();
    await dialog().waitFor({ state: "detached" });
    await status().getByText("Power Virtual Agent User License: 3 licenses removed. The subscription now has 5.").waitFor();
    expect((await api.ok(fx.admin, SUBSCRIPTIONS)).tenant!.subscriptions.find((s) => s.id === user.id)!.quantity).toBe(5);
    // At the minimum, nothing can be removed, and the flyout says why instead of offering a save.
    await row.getByRole("button", { name: /Remove licenses/ }).click();
    await dialog().getByText(/No license can be removed now: every one is needed\./).waitFor();
    expect(await dialog().getByRole("button", { name: "Remove licenses", exact: true }).count()).toBe(0);
    await dialog().getByRole("button", { name: "Cancel" }).click();
  });
});

describe("Audit log and capacity (K8)", () => {
  step("K8 the audit log names targets, lists every action in words and filters by days", async () => {
    await api.ok(fx.admin, CREATE_TOKEN, { input: { description: "Okta sync" } });
    api.clock.set("2026-03-12T09:00:00.000Z");
    await fx.group("Later group");
    await nav("Audit log").click();
    await page.getByRole("heading", { name: "Audit log" }).waitFor();
    const options = await page.getByLabel("Action", { exact: true }).locator("option").allInnerTexts();
    expect(options).toEqual(expect.arrayContaining(["Provisioning token created", "Provisioning token revoked", "Group members removed", "Subscription quantity changed"]));
    expect(options.filter((o) => /^[A-Z_]+$/.test(o))).toEqual([]);
    await page.getByLabel("Action", { exact: true }).selectOption({ label: "Provisioning token created" });
    await page.getByRole("button", { name: "Apply filter" }).click();
    await page.getByText("1–1 of 1").waitFor();
    const token = page.locator('tr[data-action="CREATE_PROVISIONING_TOKEN"]');
    expect(await token.locator(".target-name").innerText()).toBe("Okta sync");
    expect(await token.getByText("CREATE_PROVISIONING_TOKEN").count()).toBe(0);

    await page.getByLabel("Action", { exact: true }).selectOption({ label: "Group changed" });
    await page.getByRole("button", { name: "Apply filter" }).click();
    await page.getByText("1–1 of 1").waitFor();
    expect(await page.locator('tr[data-action="UPDATE_GROUP"] .target-name').innerText()).toBe("Sales team");

    await page.getByLabel("Action", { exact: true }).selectOption({ label: "Group created" });
    await page.getByLabel("From (UTC)").fill("2026-03-12");
    await page.getByLabel("To (UTC, included)").fill("2026-03-12");
    await page.getByRole("button", { name: "Apply filter" }).click();
    await page.getByText("1–1 of 1").waitFor();
    expect(await page.locator('tr[data-action="CREATE_GROUP"] .target-name').innerText()).toBe("Later group");
    expect(new URL(page.url()).search).toBe("?action=CREATE_GROUP&from=2026-03-12&to=2026-03-12");
    await picture("audit-log-by-days");
    await expectAccessible("Audit log by days");
    await page.getByLabel("From (UTC)").fill("2026-03-10");
    await page.getByLabel("To (UTC, included)").fill("2026-03-10");
    await page.getByRole("button", { name: "Apply filter" }).click();
    await page.getByText("1–6 of 6").waitFor();
    expect(await page.getByText("Later group").count()).toBe(0);
    await page.getByRole("button", { name: "Clear filter" }).click();
    await page.locator('tr[data-action="CREATE_PROVISIONING_TOKEN"]').waitFor();
  });

  step("K8 C1 capacity draws no purchased sessions for months before the tenant's first subscription", async () => {
    const maker = await fx.user("mika");
    await fx.buy(1, 1);
    await fx.license(maker.id);
    const bot = (await api.ok(maker.token, Q.createBot, { input: { name: "Early bot" } })).createBot.id;
    await api.ok(fx.admin, Q.record, { input: { botId: bot, count: 700, at: "2026-01-20T12:00:00.000Z" } });
    await nav("Capacity").click();
    const chart = page.getByRole("img", { name: /Billed sessions by month/ });
    await chart.waitFor();
    const desc = await chart.locator("desc").textContent();
    expect(desc).toContain("Jan: 700 consumed of 0 purchased, 700 overage");
    expect(desc).toContain("Feb: 0 consumed of 0 purchased");
    expect(desc).toContain("Mar: 0 consumed of 4,000 purchased");
    await page.getByLabel("Month", { exact: true }).selectOption("2026-01");
    await page.getByRole("heading", { name: "January 2026", exact: true }).waitFor();
    const figure = (label: string) => page.locator(".figures div", { has: page.locator("dt", { hasText: label }) }).locator("dd").innerText();
    expect([await figure("Purchased"), await figure("Consumed"), await figure("Overage")]).toEqual(["0", "700", "700"]);
    await picture("capacity-before-first-subscription");
    await expectAccessible("Capacity before the first subscription");
  });

  step("T2 K8 the whole walk at the default throttling met no 429", async () => {
    expect(throttled).toEqual([]);
  });
});
