import { engines, TestApi } from "../helpers/harness";
import { newTenant, Q, TenantFx } from "../helpers/fixtures";
import { graphql } from "../gql";

/** DESIGN §9: usage location (L1–L3). */
const SETTINGS = graphql(`mutation UsageLocationDoc1($input: TenantSettingsInput!) { updateTenantSettings(input: $input) { id defaultUsageLocation } }`);
const USER_LOC = graphql(`query UsageLocationDoc2($id: ID!) { user(id: $id) { usageLocation effectiveUsageLocation } }`);
const UPDATE = graphql(`mutation UsageLocationDoc3($input: UpdateUserInput!) { updateUser(input: $input) { id usageLocation effectiveUsageLocation } }`);
const CREATE = graphql(`mutation UsageLocationDoc4($input: CreateUserInput!) { createUser(input: $input) { id usageLocation effectiveUsageLocation } }`);

describe.each(engines())("usage location (%s)", (_engine, url) => {
  let api: TestApi;
  beforeAll(async () => (api = await TestApi.start(url)));
  afterAll(() => api.stop());

  const state = async (t: TenantFx, userId: string) => {
    const e = await t.effective(userId);
    const l = e.effectiveLicenses.find((x: any) => x.sku.partNumber === "POWER_VIRTUAL_AGENTS_USER");
    return l ? `${l.state}/${l.error}/${l.holdsSeat ? "seat" : "none"}` : "none";
  };
  const userAt = async (t: TenantFx, name: string, usageLocation?: string) => {
    const u = await t.user(name);
    if (usageLocation) await api.ok(t.admin, UPDATE, { input: { id: u.id, usageLocation } });
    return u.id;
  };

  it("L1 the tenant default is US unless set at createTenant, stored uppercase, changed with updateTenantSettings", async () => {
    const t = await newTenant(api);
    expect((await api.ok(t.admin, graphql(`query UsageLocationDoc5 { tenant { defaultUsageLocation } }`))).tenant.defaultUsageLocation).toBe("US");
    const op = await api.operatorToken();
    const r = await api.ok(op, graphql(`mutation UsageLocationDoc6($input: CreateTenantInput!) { createTenant(input: $input) { tenant { defaultUsageLocation } } }`), {
      input: { displayName: "Fabrikam DE", adminUserPrincipalName: "admin@fabrikam-de.example", adminDisplayName: "Admin", defaultUsageLocation: "de" },
    });
    expect(r.createTenant.tenant.defaultUsageLocation).toBe("DE");
    expect((await api.ok(t.admin, SETTINGS, { input: { defaultUsageLocation: "fr" } })).updateTenantSettings.defaultUsageLocation).toBe("FR");
    expect((await api.ok(t.admin, graphql(`query UsageLocationDoc7 { tenant { defaultUsageLocation } }`))).tenant.defaultUsageLocation).toBe("FR");
  });

  it("L1 anything but an ISO 3166-1 alpha-2 code is BAD_USER_INPUT and changes nothing", async () => {
    const t = await newTenant(api);
    for (const bad of ["XX", "USA", "U", "", "1A", "EU"]) {
      expect(await api.failsUnchanged(t.admin, SETTINGS, { input: { defaultUsageLocation: bad } })).toBe("BAD_USER_INPUT");
      expect(await api.failsUnchanged(t.admin, CREATE, { input: { userPrincipalName: `x${bad}@x.example`, displayName: "X", usageLocation: bad || "ZZ" } })).toBe("BAD_USER_INPUT");
    }
    const op = await api.operatorToken();
    expect(await api.code(op, Q.createTenant, { input: { displayName: "T", adminUserPrincipalName: "a@t.example", adminDisplayName: "A", defaultUsageLocation: "XX" } })).toBe("BAD_USER_INPUT");
  });

  it("L1 a user's own location wins; without one the tenant default applies; an empty string clears it", async () => {
    const t = await newTenant(api);
    const u = (await api.ok(t.admin, CREATE, { input: { userPrincipalName: "loc@loc.example", displayName: "Loc", usageLocation: "gb" } })).createUser;
    expect([u.usageLocation, u.effectiveUsageLocation]).toEqual(["GB", "GB"]);
    const cleared = (await api.ok(t.admin, UPDATE, { input: { id: u.id, usageLocation: "" } })).updateUser;
    expect([cleared.usageLocation, cleared.effectiveUsageLocation]).toEqual([null, "US"]);
    await api.ok(t.admin, SETTINGS, { input: { defaultUsageLocation: "NL" } });
    expect((await api.ok(t.admin, USER_LOC, { id: u.id })).user).toEqual({ usageLocation: null, effectiveUsageLocation: "NL" });
  });

  it("L2 the catalog lists CU, IR, KP, SY as unavailable for all three PVA SKUs (seeded data)", async () => {
    const t = await newTenant(api);
    const skus = (await api.ok(t.admin, graphql(`query UsageLocationDoc8 { skus { partNumber unavailableInCountries } }`))).skus;
    expect(skus.map((s: any) => [s.partNumber, [...s.unavailableInCountries].sort()])).toEqual([
      ["POWER_VIRTUAL_AGENTS", ["CU", "IR", "KP", "SY"]],
      ["POWER_VIRTUAL_AGENTS_TRIAL", ["CU", "IR", "KP", "SY"]],
      ["POWER_VIRTUAL_AGENTS_USER", ["CU", "IR", "KP", "SY"]],
    ]);
  });

  it("L3 direct assignment where the SKU is not offered is USAGE_LOCATION_PROHIBITED and changes nothing (own location or tenant default)", async () => {
    const t = await newTenant(api);
    await t.buy(5);
    const ir = await userAt(t, "ir", "IR");
    const input = { userId: ir, addLicenses: [{ skuId: t.sku.user }] };
    expect(await api.failsUnchanged(t.admin, Q.assignUser, { input })).toBe("USAGE_LOCATION_PROHIBITED");
    await api.ok(t.admin, SETTINGS, { input: { defaultUsageLocation: "KP" } });
    const plain = await userAt(t, "plain");
    expect(await api.failsUnchanged(t.admin, Q.assignUser, { input: { userId: plain, addLicenses: [{ skuId: t.sku.user }] } })).toBe("USAGE_LOCATION_PROHIBITED");
    const us = await userAt(t, "us", "US");
    await t.license(us);
    expect(await state(t, us)).toBe("ACTIVE/NONE/seat");
  });

  it("L3 through a group a prohibited user wants the SKU, holds no seat, shows PROHIBITED_IN_USAGE_LOCATION and takes no part in the queue", async () => {
    const t = await newTenant(api);
    await t.buy(1);
    const g = await t.group("Makers");
    await t.assignGroup(g);
    const sy = await userAt(t, "sy", "SY");
    const a = await userAt(t, "a", "US");
    const b = await userAt(t, "b", "DE");
    await t.add(g, [sy]);
    await t.add(g, [a]);
    await t.add(g, [b]);
    expect([await state(t, sy), await state(t, a), await state(t, b)]).toEqual(["ERROR/PROHIBITED_IN_USAGE_LOCATION/none", "ACTIVE/NONE/seat", "ERROR/COUNT_VIOLATION/none"]);
    // S6 order: no granting subscription at all comes first.
    const t2 = await newTenant(api);
    const g2 = await t2.group("G");
    await t2.assignGroup(g2);
    const cu = await userAt(t2, "cu", "CU");
    await t2.add(g2, [cu]);
    expect(await state(t2, cu)).toBe("DISABLED/SUBSCRIPTION_INACTIVE/none");
  });

  it("L3 a seat holder whose location becomes prohibited loses the seat to the next in line; allowed again, they queue by the start of their want", async () => {
    const t = await newTenant(api);
    await t.buy(1);
    const g = await t.group("Makers");
    await t.assignGroup(g);
    const first = await userAt(t, "first", "US");
    const second = await userAt(t, "second", "US");
    await t.add(g, [first]);
    await t.add(g, [second]);
    expect([await state(t, first), await state(t, second)]).toEqual(["ACTIVE/NONE/seat", "ERROR/COUNT_VIOLATION/none"]);
    await api.ok(t.admin, UPDATE, { input: { id: first, usageLocation: "IR" } });
    expect([await state(t, first), await state(t, second)]).toEqual(["ERROR/PROHIBITED_IN_USAGE_LOCATION/none", "ACTIVE/NONE/seat"]);
    const third = await userAt(t, "third", "US");
    await t.add(g, [third]);
    await api.ok(t.admin, UPDATE, { input: { id: first, usageLocation: "US" } });
    // S4: the holder keeps the seat; `first` is back in the queue ahead of `third`, whose want started later.
    expect([await state(t, first), await state(t, second), await state(t, third)]).toEqual(["ERROR/COUNT_VIOLATION/none", "ACTIVE/NONE/seat", "ERROR/COUNT_VIOLATION/none"]);
    await api.ok(t.admin, Q.removeMembers, { input: { groupId: g, userIds: [second] } });
    expect([await state(t, first), await state(t, third)]).toEqual(["ACTIVE/NONE/seat", "ERROR/COUNT_VIOLATION/none"]);
  });

  it("L3 a new tenant default moves the seats of users without their own location", async () => {
    const t = await newTenant(api);
    await t.buy(2);
    const g = await t.group("Makers");
    await t.assignGroup(g);
    const local = await userAt(t, "local");
    const abroad = await userAt(t, "abroad", "DE");
    await t.add(g, [local, abroad]);
    expect([await state(t, local), await state(t, abroad)]).toEqual(["ACTIVE/NONE/seat", "ACTIVE/NONE/seat"]);
    await api.ok(t.admin, SETTINGS, { input: { defaultUsageLocation: "CU" } });
    expect([await state(t, local), await state(t, abroad)]).toEqual(["ERROR/PROHIBITED_IN_USAGE_LOCATION/none", "ACTIVE/NONE/seat"]);
    const lic = (await t.licenses()).find((l: any) => l.sku.partNumber === "POWER_VIRTUAL_AGENTS_USER");
    expect(lic!.consumedUnits).toBe(1);
    await api.ok(t.admin, SETTINGS, { input: { defaultUsageLocation: "US" } });
    expect(await state(t, local)).toBe("ACTIVE/NONE/seat");
  });
});
