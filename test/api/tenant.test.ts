/**
 * Tenants: createTenant (platform operators only), updateTenantSettings
 * (GLOBAL_ADMIN only) and who may read which tenant fields (DESIGN §6, §7, A1).
 */
import { engines, TestApi, AnyDoc, Vars } from "../helpers/harness";
import { newTenant, Q, TenantFx, principalToken } from "../helpers/fixtures";
import { graphql } from "../gql";

const CREATE_TENANT = graphql(`mutation TenantCreateTenant($input: CreateTenantInput!) {
  createTenant(input: $input) { tenant { id displayName allowAdHocSubscriptions } admin { id userPrincipalName displayName roles accountEnabled } }
}`);
/** The payload with every tenant field that any signed-in user of the tenant may read. */
const CREATE_TENANT_FULL = graphql(`mutation TenantCreateTenantFull($input: CreateTenantInput!) {
  createTenant(input: $input) { tenant { id displayName allowAdHocSubscriptions createdAt hasActiveTenantLicense } admin { id roles } }
}`);
const FLAGS = graphql(`query TenantFlags { tenant { id displayName allowAdHocSubscriptions hasActiveTenantLicense } }`);
const SUBSCRIPTIONS = graphql(`query TenantSubscriptions($all: Boolean) { tenant { subscriptions(includeInactive: $all) { id quantity status sku { partNumber } } } }`);
const LICENSES = graphql(`query TenantLicenses { tenant { licenses { sku { partNumber } prepaidUnits { enabled warning suspended } consumedUnits availableUnits } } }`);
const SETTINGS = graphql(`mutation TenantSettings($input: TenantSettingsInput!) { updateTenantSettings(input: $input) { id allowAdHocSubscriptions } }`);
const AUDIT_COUNT = graphql(`query TenantAuditCount { auditEvents(first: 1) { totalCount } }`);
const ME = graphql(`query TenantMe { me { id roles userPrincipalName } }`);

const ADMIN_ROLES = ["GLOBAL_ADMIN", "BILLING_ADMIN", "LICENSE_ADMIN", "GROUPS_ADMIN"] as const;
const READERS = [...ADMIN_ROLES, "GLOBAL_READER"] as const;

describe.each(engines())("tenant (%s)", (_engine, url) => {
  let api: TestApi;
  beforeAll(async () => (api = await TestApi.start(url)));
  afterAll(() => api.stop());

  let seq = 0;

  const failsUnchanged = (token: string | undefined, query: AnyDoc | string, vars?: Vars) => api.failsUnchanged(token, query as AnyDoc, vars);

  const callerToken = (t: TenantFx, who: string) => principalToken(api, t, who);

  const tenantInput = (name = "Woodgrove") => ({
    displayName: name,
    adminUserPrincipalName: `boss@${name.toLowerCase()}-${++seq}.example`,
    adminDisplayName: "The Boss",
  });

  // ---- createTenant -----------------------------------------------------------

  describe("createTenant", () => {
    it("§6 a PlatformOperator creates a tenant with its first GLOBAL_ADMIN, who can sign in to it", async () => {
      const input = tenantInput();
      const r = (await api.ok(await api.operatorToken(), CREATE_TENANT, { input })).createTenant;
      expect(r.tenant).toMatchObject({ displayName: "Woodgrove", allowAdHocSubscriptions: expect.any(Boolean) });
      expect(r.admin).toMatchObject({ userPrincipalName: input.adminUserPrincipalName, displayName: "The Boss", roles: ["GLOBAL_ADMIN"], accountEnabled: true });

      const admin = await api.token({ tid: r.tenant.id, oid: r.admin.id });
      expect((await api.ok(admin, FLAGS)).tenant).toMatchObject({ id: r.tenant.id, displayName: "Woodgrove", hasActiveTenantLicense: false });
      expect((await api.ok(admin, ME)).me).toMatchObject({ id: r.admin.id, roles: ["GLOBAL_ADMIN"] });
      expect((await api.ok(admin, SUBSCRIPTIONS, { all: true })).tenant.subscriptions).toEqual([]);
      expect((await api.ok(admin, LICENSES)).tenant.licenses).toEqual([]);
    });

    it("§6 the createTenant payload can be read in full: the new tenant's name, flags and hasActiveTenantLicense (false)", async () => {
      const before = await api.snapshot();
      const r = await api.exec(await api.operatorToken(), CREATE_TENANT_FULL, { input: tenantInput("Payload") });
      // A mutation either succeeds with its payload or fails and changes nothing (§7); here the tenant is written.
      expect(await api.snapshot()).not.toEqual(before);
      expect(r.errors ?? []).toEqual([]);
      expect(r.data!.createTenant.tenant).toMatchObject({ displayName: "Payload", hasActiveTenantLicense: false, createdAt: expect.any(String) });
      expect(r.data!.createTenant.admin.roles).toEqual(["GLOBAL_ADMIN"]);
    });

    it("A1 createTenant appends exactly one audit event, in the new tenant", async () => {
      const r = (await api.ok(await api.operatorToken(), CREATE_TENANT, { input: tenantInput() })).createTenant;
      const admin = await api.token({ tid: r.tenant.id, oid: r.admin.id });
      expect((await api.ok(admin, AUDIT_COUNT)).auditEvents.totalCount).toBe(1);
    });

    it("§6 a new tenant sees nothing of other tenants", async () => {
      const old = await newTenant(api, "Contoso");
      await old.buy(5);
      const r = (await api.ok(await api.operatorToken(), CREATE_TENANT, { input: tenantInput("Fresh") })).createTenant;
      const admin = await api.token({ tid: r.tenant.id, oid: r.admin.id });
      expect((await api.ok(admin, SUBSCRIPTIONS, { all: true })).tenant.subscriptions).toEqual([]);
      expect((await api.ok(admin, FLAGS)).tenant.hasActiveTenantLicense).toBe(false);
    });

    it.each([...READERS, "no roles", "BotRuntime"])("§6 createTenant by %s is FORBIDDEN and changes nothing", async (who) => {
      const t = await newTenant(api);
      const token = await callerToken(t, who);
      expect(await failsUnchanged(token, CREATE_TENANT, { input: tenantInput() })).toBe("FORBIDDEN");
    });

    it("§6 createTenant without a token is UNAUTHENTICATED and changes nothing", async () => {
      expect(await failsUnchanged(undefined, CREATE_TENANT, { input: tenantInput() })).toBe("UNAUTHENTICATED");
    });

    it("§7 createTenant with bad input is BAD_USER_INPUT and changes nothing", async () => {
      const op = await api.operatorToken();
      const ok = tenantInput();
      for (const input of [
        { ...ok, adminUserPrincipalName: "not-a-upn" },
        { ...ok, adminUserPrincipalName: "" },
        { ...ok, displayName: "   " },
        { ...ok, adminDisplayName: "" },
      ]) {
        expect(await failsUnchanged(op, CREATE_TENANT, { input })).toBe("BAD_USER_INPUT");
      }
    });

    it("§7 createTenant with a missing required field is a validation error and changes nothing", async () => {
      const op = await api.operatorToken();
      const code = await failsUnchanged(op, `mutation { createTenant(input: { displayName: "X", adminDisplayName: "Y" }) { tenant { id } } }`);
      expect(code).toBe("GRAPHQL_VALIDATION_FAILED");
      const { adminDisplayName: _drop, ...partial } = tenantInput();
      expect(["BAD_USER_INPUT", "GRAPHQL_VALIDATION_FAILED"]).toContain(await failsUnchanged(op, CREATE_TENANT, { input: partial }));
    });
  });

  // ---- updateTenantSettings ---------------------------------------------------

  describe("updateTenantSettings", () => {
    it("§6 a GLOBAL_ADMIN changes allowAdHocSubscriptions; everyone in the tenant sees it; one audit event per change (A1)", async () => {
      const t = await newTenant(api);
      const plain = await t.user("plain");
      const n0 = (await api.ok(t.admin, AUDIT_COUNT)).auditEvents.totalCount;

      const off = (await api.ok(t.admin, SETTINGS, { input: { allowAdHocSubscriptions: false } })).updateTenantSettings;
      expect(off).toEqual({ id: t.tenantId, allowAdHocSubscriptions: false });
      expect((await api.ok(plain.token, FLAGS)).tenant.allowAdHocSubscriptions).toBe(false);
      expect((await api.ok(t.admin, AUDIT_COUNT)).auditEvents.totalCount).toBe(n0 + 1);

      const on = (await api.ok(t.admin, SETTINGS, { input: { allowAdHocSubscriptions: true } })).updateTenantSettings;
      expect(on.allowAdHocSubscriptions).toBe(true);
      expect((await api.ok(plain.token, FLAGS)).tenant.allowAdHocSubscriptions).toBe(true);
      expect((await api.ok(t.admin, AUDIT_COUNT)).auditEvents.totalCount).toBe(n0 + 2);
    });

    it("§6 updateTenantSettings changes only the caller's tenant", async () => {
      const a = await newTenant(api, "Contoso");
      const b = await newTenant(api, "Northwind");
      const before = (await api.ok(b.admin, FLAGS)).tenant.allowAdHocSubscriptions;
      await api.ok(a.admin, SETTINGS, { input: { allowAdHocSubscriptions: !before } });
      expect((await api.ok(b.admin, FLAGS)).tenant.allowAdHocSubscriptions).toBe(before);
      expect((await api.ok(a.admin, FLAGS)).tenant.allowAdHocSubscriptions).toBe(!before);
    });

    it.each(["BILLING_ADMIN", "LICENSE_ADMIN", "GROUPS_ADMIN", "GLOBAL_READER", "no roles", "BotRuntime", "PlatformOperator"])(
      "§6 updateTenantSettings by %s is FORBIDDEN and changes nothing",
      async (who) => {
        const t = await newTenant(api);
        const token = await callerToken(t, who);
        const current = (await api.ok(t.admin, FLAGS)).tenant.allowAdHocSubscriptions;
        expect(await failsUnchanged(token, SETTINGS, { input: { allowAdHocSubscriptions: !current } })).toBe("FORBIDDEN");
        expect((await api.ok(t.admin, FLAGS)).tenant.allowAdHocSubscriptions).toBe(current);
      },
    );

    it("§6 updateTenantSettings without a token is UNAUTHENTICATED and changes nothing", async () => {
      await newTenant(api);
      expect(await failsUnchanged(undefined, SETTINGS, { input: { allowAdHocSubscriptions: false } })).toBe("UNAUTHENTICATED");
    });

    it("§6 a GLOBAL_ADMIN demoted to BILLING_ADMIN loses updateTenantSettings at once", async () => {
      const t = await newTenant(api);
      const second = await t.user("second", ["GLOBAL_ADMIN"]);
      await api.ok(second.token, SETTINGS, { input: { allowAdHocSubscriptions: false } });
      await api.ok(t.admin, Q.updateUser, { input: { id: second.id, roles: ["BILLING_ADMIN"] } });
      expect(await failsUnchanged(second.token, SETTINGS, { input: { allowAdHocSubscriptions: true } })).toBe("FORBIDDEN");
    });
  });

  // ---- reads --------------------------------------------------------------------

  describe("reading the tenant", () => {
    it.each(READERS)("§6 %s reads tenant.subscriptions, tenant.licenses and the audit log", async (who) => {
      const t = await newTenant(api);
      const bought = await t.buy(4, 2);
      const token = await callerToken(t, who);
      const subs = (await api.ok(token, SUBSCRIPTIONS, { all: false })).tenant.subscriptions;
      expect(subs.map((s) => s.id).sort()).toEqual(bought.subscriptions.map((s) => s.id).sort());
      expect(subs.map((s) => [s.sku.partNumber, s.quantity]).sort()).toEqual([["POWER_VIRTUAL_AGENTS", 2], ["POWER_VIRTUAL_AGENTS_USER", 4]]);
      expect((await api.ok(token, SUBSCRIPTIONS, { all: true })).tenant.subscriptions).toHaveLength(2);
      const lic = (await api.ok(token, LICENSES)).tenant.licenses;
      expect(lic.find((l) => l.sku.partNumber === "POWER_VIRTUAL_AGENTS_USER")).toMatchObject({
        prepaidUnits: { enabled: 4, warning: 0, suspended: 0 }, consumedUnits: 0, availableUnits: 4,
      });
      expect((await api.ok(token, AUDIT_COUNT)).auditEvents.totalCount).toBeGreaterThan(0);
    });

    it("§6 a user without roles reads the tenant's name and flags but gets FORBIDDEN for subscriptions, licenses and the audit log", async () => {
      const t = await newTenant(api, "Litware");
      const plain = await t.user("plain");
      expect((await api.ok(plain.token, FLAGS)).tenant).toEqual({
        id: t.tenantId, displayName: "Litware", allowAdHocSubscriptions: expect.any(Boolean), hasActiveTenantLicense: false,
      });
      await t.buy(3);
      expect((await api.ok(plain.token, FLAGS)).tenant.hasActiveTenantLicense).toBe(true);
      expect(
        (await api.ok(plain.token, graphql(`query TenantTenant { tenant { displayName allowAdHocSubscriptions hasActiveTenantLicense } }`))).tenant,
      ).toMatchObject({ displayName: "Litware", hasActiveTenantLicense: true });

      for (const [query, vars] of [
        [SUBSCRIPTIONS, { all: false }],
        [SUBSCRIPTIONS, { all: true }],
        [LICENSES, undefined],
        [AUDIT_COUNT, undefined],
      ] as [AnyDoc, Vars | undefined][]) {
        const r = await api.exec(plain.token, query, vars);
        expect(r.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
        expect(JSON.stringify(r.data ?? null)).not.toMatch(/POWER_VIRTUAL_AGENTS|subscription_|"quantity"/);
      }
    });

    it("§6 hasActiveTenantLicense follows the tenant license (bought, then cancelled)", async () => {
      const t = await newTenant(api);
      const plain = await t.user("plain");
      const r = await t.buy(0, 1);
      expect((await api.ok(plain.token, FLAGS)).tenant.hasActiveTenantLicense).toBe(true);
      await api.ok(t.admin, Q.cancel, { id: r.subscriptions[0].id });
      expect((await api.ok(plain.token, FLAGS)).tenant.hasActiveTenantLicense).toBe(false);
    });

    it.each(["BotRuntime", "PlatformOperator"])("§6 a %s token gets FORBIDDEN for the tenant query", async (who) => {
      const t = await newTenant(api);
      await t.buy(1);
      const token = await callerToken(t, who);
      for (const q of [FLAGS, LICENSES] as AnyDoc[]) expect(await api.code(token, q)).toBe("FORBIDDEN");
    });

    it("§6 without a token the tenant query is UNAUTHENTICATED", async () => {
      expect(await api.code(undefined, FLAGS)).toBe("UNAUTHENTICATED");
    });

    it("§6 each tenant reads only its own subscriptions", async () => {
      const a = await newTenant(api, "Contoso");
      const b = await newTenant(api, "Northwind");
      const ra = await a.buy(5);
      const rb = await b.buy(2);
      const subsA = (await api.ok(a.admin, SUBSCRIPTIONS, { all: true })).tenant.subscriptions.map((s) => s.id).sort();
      const subsB = (await api.ok(b.admin, SUBSCRIPTIONS, { all: true })).tenant.subscriptions.map((s) => s.id).sort();
      expect(subsA).toEqual(ra.subscriptions.map((s) => s.id).sort());
      expect(subsB).toEqual(rb.subscriptions.map((s) => s.id).sort());
    });
  });
});

describe.each(engines())("createTenant payload (%s)", (_engine, url) => {
  let api: TestApi;
  beforeAll(async () => (api = await TestApi.start(url)));
  afterAll(() => api.stop());

  it("§6 the operator reads the new admin's (empty) licenses from the payload, but nothing of other tenants", async () => {
    const other = await newTenant(api, "Other");
    const op = await api.operatorToken();
    const r = await api.ok(op, graphql(`mutation TenantCreateTenant2 { createTenant(input: { displayName: "P", adminUserPrincipalName: "a@p.example", adminDisplayName: "A" }) {
      tenant { hasActiveTenantLicense } admin { canCreateBots effectiveLicenses { state } memberOf { id } } } }`));
    expect(r.createTenant).toEqual({ tenant: { hasActiveTenantLicense: false }, admin: { canCreateBots: false, effectiveLicenses: [], memberOf: [] } });
    expect(await api.code(op, graphql(`query TenantUser($id: ID!) { user(id: $id) { id } }`), { id: other.adminId })).toBe("FORBIDDEN");
  });
});
