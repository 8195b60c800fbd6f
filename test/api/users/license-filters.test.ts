import { engines, TestApi } from "../../helpers/harness";
import { newTenant, Q, TenantFx } from "../../helpers/fixtures";
import { engineKit, tenantSubscriptionOf } from "../../helpers/engine";
import { asc } from "../../helpers/ids";
import { graphql } from "../../gql";
import type { UserFilter } from "../../gql/graphql";

const USERS = graphql(`query UsersLicenseFilters($f: UserFilter, $first: Int) {
  tenant { users(first: $first, filter: $f) { totalCount nodes { id canCreateBots effectiveLicenses { state } } } }
}`);
const TRIAL = graphql(`mutation UsersLicenseFiltersTrial($input: StartTrialInput!) { startTrial(input: $input) { state } }`);

/** K8: the Active users filters unlicensed, hasLicenseErrors and canCreateBots (S6, S10), with the others. */
describe.each(engines())("users: K8 license filters (%s)", (_engine, url) => {
  let api: TestApi;
  beforeAll(async () => (api = await TestApi.start(url)));
  afterAll(() => api.stop());
  const { planIds } = engineKit(() => api);

  const page = async (t: TenantFx, f: UserFilter, first = 200) => (await api.ok(t.admin, USERS, { f, first })).tenant.users;
  const where = async (t: TenantFx, f: UserFilter) => {
    const p = await page(t, f);
    expect(p.totalCount).toBe(p.nodes.length);
    return asc(p.nodes.map((n) => n.id));
  };

  /** A tenant with one user per case of S6 and S10. */
  async function world() {
    const t = await newTenant(api);
    await t.buy(5);
    const plans = await planIds(t);
    const id = async (upn: string) => (await t.user(upn)).id;
    const licensed = await id("licensed"); // direct, every plan on
    const noAuthoring = await id("no-authoring"); // direct, BOT_AUTHORING off
    await t.license(licensed);
    await t.license(noAuthoring, [plans.BOT_AUTHORING]);
    // S7: a group's source with the plan off next to a direct source with it on: the plan is on.
    const mixed = await id("mixed");
    const viaGroup = await id("via-group"); // through a nested group, plan on
    const off = await t.group("Authoring off");
    await t.add(off, [mixed]);
    await t.assignGroup(off, [plans.BOT_AUTHORING]);
    await t.license(mixed);
    const top = await t.group("Top");
    const nested = await t.group("Nested");
    await t.add(top, [], [nested]);
    await t.add(nested, [viaGroup]);
    await t.assignGroup(top);
    const disabled = await id("disabled"); // S12: keeps the seat, cannot build bots
    await t.license(disabled);
    await api.ok(t.admin, Q.updateUser, { input: { id: disabled, accountEnabled: false } });
    const waiting = await id("waiting"); // the pool is full: ERROR / COUNT_VIOLATION
    await t.add(top, [waiting]);
    const trial = await t.user("trial");
    await api.ok(trial.token, TRIAL, { input: { skuId: t.sku.trial } });
    const plain = await id("plain");
    return { t, licensed, noAuthoring, mixed, viaGroup, waiting, disabled, trial: trial.id, plain, top };
  }

  it("K8 unlicensed, hasLicenseErrors and canCreateBots each split the users as their licenses say, and canCreateBots agrees with the field", async () => {
    const w = await world();
    const { t } = w;
    const everyone = await where(t, {});
    const unlicensed = asc([t.adminId, w.plain]);
    expect(await where(t, { unlicensed: true })).toEqual(unlicensed);
    expect(await where(t, { unlicensed: false })).toEqual(everyone.filter((u) => !unlicensed.includes(u)));
    expect(await where(t, { hasLicenseErrors: true })).toEqual([w.waiting]);
    expect(await where(t, { hasLicenseErrors: false })).toEqual(everyone.filter((u) => u !== w.waiting));
    const builders = asc([w.licensed, w.mixed, w.viaGroup, w.trial]);
    expect(await where(t, { canCreateBots: true })).toEqual(builders);
    expect(await where(t, { canCreateBots: false })).toEqual(everyone.filter((u) => !builders.includes(u)));

    // The filter and the field are one rule (S10), and unlicensed means no effective license at all.
    const all = (await page(t, {})).nodes;
    expect(asc(all.filter((u) => u.canCreateBots).map((u) => u.id))).toEqual(builders);
    expect(asc(all.filter((u) => !u.effectiveLicenses.length).map((u) => u.id))).toEqual(unlicensed);
    expect(asc(all.filter((u) => u.effectiveLicenses.some((l) => l.state === "ERROR")).map((u) => u.id))).toEqual([w.waiting]);
  });

  it("K8 the filters combine with each other and with search, skuId, licenseState and memberOfGroupId; another tenant's users never appear", async () => {
    const w = await world();
    const { t } = w;
    const other = await newTenant(api, "Other");
    await other.user("plain-elsewhere");
    expect(await where(t, { unlicensed: false, canCreateBots: false })).toEqual(asc([w.noAuthoring, w.waiting, w.disabled]));
    expect(await where(t, { hasLicenseErrors: true, canCreateBots: false, memberOfGroupId: w.top })).toEqual([w.waiting]);
    expect(await where(t, { hasLicenseErrors: false, licenseState: "ACTIVE" })).toEqual(asc([w.licensed, w.noAuthoring, w.mixed, w.viaGroup, w.disabled, w.trial]));
    expect(await where(t, { hasLicenseErrors: true, licenseState: "ACTIVE" })).toEqual([]);
    expect(await where(t, { canCreateBots: true, skuId: t.sku.trial })).toEqual([w.trial]);
    expect(await where(t, { canCreateBots: true, search: "via-" })).toEqual([w.viaGroup]);
    expect(await where(t, { unlicensed: true, search: "plain" })).toEqual([w.plain]);
    expect(await where(t, { unlicensed: true, canCreateBots: true })).toEqual([]);
  });

  it("K8 S6 S10 a missing tenant license puts seat holders in ERROR (DEPENDENCY_VIOLATION) and stops them building bots; a trial still builds; an expired trial is licensed but cannot", async () => {
    const t = await newTenant(api);
    const order = await t.buy(2);
    const holder = await t.user("holder");
    await t.license(holder.id);
    const trial = await t.user("trial");
    await api.ok(trial.token, TRIAL, { input: { skuId: t.sku.trial } });
    expect(await where(t, { canCreateBots: true })).toEqual(asc([holder.id, trial.id]));
    await api.ok(t.admin, Q.cancel, { id: tenantSubscriptionOf(order) });
    expect(await where(t, { hasLicenseErrors: true })).toEqual([holder.id]);
    expect(await where(t, { canCreateBots: true })).toEqual([trial.id]);
    api.clock.advanceDays(31);
    expect(await where(t, { canCreateBots: true })).toEqual([]);
    expect(await where(t, { unlicensed: false })).toEqual(asc([holder.id, trial.id]));
    expect(await where(t, { hasLicenseErrors: true })).toEqual([holder.id]);
  });

  it("K8 a filtered page costs the same statements for 5 users as for 300", async () => {
    const statements = async (n: number) => {
      const t = await newTenant(api);
      await t.buy(n);
      const g = await t.group("G");
      await t.add(g, await t.bulkUsers(n, "f"));
      await t.assignGroup(g);
      await page(t, {}, 1);
      const before = api.logger.count;
      const p = await page(t, { unlicensed: false, hasLicenseErrors: false, canCreateBots: true }, 1000);
      expect(p.nodes).toHaveLength(n);
      return api.logger.count - before;
    };
    const small = await statements(5);
    expect(await statements(300)).toBe(small);
  });
});
