import { engines, TestApi } from "../../helpers/harness";
import { newTenant, userLicense } from "../../helpers/fixtures";
import { purchaseKit, pool, PURCHASE, SUBS, UPDATE_QTY, CANCEL, TENANT_PN, USER_PN } from "../../helpers/purchases";

/** Subscriptions after the purchase: the pool and updateSubscriptionQuantity (P7), the 300 limit (P8), cancelSubscription (P6), tenant isolation (§6). */
describe.each(engines())("purchases: P6\u2013P8 subscriptions (%s)", (_engine, url) => {
  let api: TestApi;
  beforeAll(async () => (api = await TestApi.start(url)));
  afterAll(() => api.stop());
  const { iso, failsUnchanged, buy, subs, licenses } = purchaseKit(() => api);

  // ---- P7 -----------------------------------------------------------------

  describe("P7 pool and updateSubscriptionQuantity", () => {
    it("P7 the pool sums ACTIVE and WARNING subscriptions; consumed and available follow the seats held", async () => {
      const t = await newTenant(api);
      await buy(t, "ADMIN_CENTER", [{ skuId: t.sku.tenant, quantity: 1 }, { skuId: t.sku.user, quantity: 5 }]);
      await buy(t, "ADMIN_CENTER", [{ skuId: t.sku.user, quantity: 3 }], { endsAt: iso(10) });
      for (const name of ["u1", "u2"]) await t.license((await t.user(name)).id);

      expect(pool(await licenses(t), USER_PN)).toMatchObject({ prepaidUnits: { enabled: 8, warning: 0, suspended: 0 }, consumedUnits: 2, availableUnits: 6 });
      expect(userLicense(await t.licenses())).toMatchObject({ consumedUnits: 2, availableUnits: 6 });

      api.clock.advanceDays(11); // the 3-seat subscription is in its grace period
      expect((await subs(t)).filter((s) => s.status === "WARNING").map((s) => s.quantity)).toEqual([3]);
      expect(pool(await licenses(t), USER_PN)).toMatchObject({ prepaidUnits: { enabled: 5, warning: 3, suspended: 0 }, consumedUnits: 2, availableUnits: 6 });

      api.clock.advanceDays(30); // grace over: SUSPENDED, no longer in the pool
      expect(pool(await licenses(t), USER_PN)).toMatchObject({ prepaidUnits: { enabled: 5, warning: 0, suspended: 3 }, consumedUnits: 2, availableUnits: 3 });
      expect((await subs(t)).map((s) => s.quantity).sort()).toEqual([1, 5]);
    });

    it("P7 lowering below the seats in use is SEATS_IN_USE and changes nothing; down to exactly the seats in use and raising work", async () => {
      const t = await newTenant(api);
      const r = await buy(t, "ADMIN_CENTER", [{ skuId: t.sku.tenant, quantity: 1 }, { skuId: t.sku.user, quantity: 5 }]);
      const sub = r.subscriptions.find((s) => s.sku.partNumber === USER_PN);
      for (const name of ["a", "b", "c"]) await t.license((await t.user(name)).id);

      expect(await failsUnchanged(t.admin, UPDATE_QTY, { input: { subscriptionId: sub!.id, quantity: 2 } })).toBe("SEATS_IN_USE");
      expect(pool(await licenses(t), USER_PN)).toMatchObject({ prepaidUnits: { enabled: 5 }, consumedUnits: 3, availableUnits: 2 });

      const down = (await api.ok(t.admin, UPDATE_QTY, { input: { subscriptionId: sub!.id, quantity: 3 } })).updateSubscriptionQuantity;
      expect(down).toMatchObject({ id: sub!.id, quantity: 3 });
      expect(pool(await licenses(t), USER_PN)).toMatchObject({ prepaidUnits: { enabled: 3 }, consumedUnits: 3, availableUnits: 0 });

      const up = (await api.ok(t.admin, UPDATE_QTY, { input: { subscriptionId: sub!.id, quantity: 10 } })).updateSubscriptionQuantity;
      expect(up.quantity).toBe(10);
      expect(pool(await licenses(t), USER_PN)).toMatchObject({ prepaidUnits: { enabled: 10 }, consumedUnits: 3, availableUnits: 7 });
      expect((await subs(t)).find((s) => s.id === sub!.id)!.quantity).toBe(10);
    });

    it("P7 SEATS_IN_USE counts the whole pool (other subscriptions, WARNING included)", async () => {
      const t = await newTenant(api);
      const a = (await buy(t, "ADMIN_CENTER", [{ skuId: t.sku.tenant, quantity: 1 }, { skuId: t.sku.user, quantity: 2 }])).subscriptions.find(
        (s) => s.sku.partNumber === USER_PN,
      );
      await buy(t, "ADMIN_CENTER", [{ skuId: t.sku.user, quantity: 2 }], { endsAt: iso(5) });
      for (const name of ["a", "b", "c", "d"]) await t.license((await t.user(name)).id);
      api.clock.advanceDays(6);
      expect(pool(await licenses(t), USER_PN)).toMatchObject({ prepaidUnits: { enabled: 2, warning: 2 }, consumedUnits: 4 });
      // 1 + 2 (warning) = 3 < 4 seats in use
      expect(await failsUnchanged(t.admin, UPDATE_QTY, { input: { subscriptionId: a!.id, quantity: 1 } })).toBe("SEATS_IN_USE");
    });

    it("P7 lowering is allowed while the seats in use still fit", async () => {
      const t = await newTenant(api);
      const r = await buy(t, "ADMIN_CENTER", [{ skuId: t.sku.tenant, quantity: 1 }, { skuId: t.sku.user, quantity: 5 }]);
      const sub = r.subscriptions.find((s) => s.sku.partNumber === USER_PN);
      await t.license((await t.user("only")).id);
      expect((await api.ok(t.admin, UPDATE_QTY, { input: { subscriptionId: sub!.id, quantity: 2 } })).updateSubscriptionQuantity.quantity).toBe(2);
      expect(pool(await licenses(t), USER_PN)).toMatchObject({ prepaidUnits: { enabled: 2 }, consumedUnits: 1, availableUnits: 1 });
    });

    it.each([0, -1, 1_000_001, 1_000_000_000])("P7 updateSubscriptionQuantity to %p is BAD_USER_INPUT and changes nothing", async (quantity) => {
      const t = await newTenant(api);
      const r = await t.buy(5);
      expect(await failsUnchanged(t.admin, UPDATE_QTY, { input: { subscriptionId: r.subscriptions[0].id, quantity } })).toBe("BAD_USER_INPUT");
    });

    it("P7 updateSubscriptionQuantity of an unknown subscription is NOT_FOUND", async () => {
      const t = await newTenant(api);
      await t.buy(5);
      expect(await failsUnchanged(t.admin, UPDATE_QTY, { input: { subscriptionId: "subscription_nope", quantity: 3 } })).toBe("NOT_FOUND");
    });
  });

  // ---- P8 -----------------------------------------------------------------

  describe("P8 subscription limit", () => {
    it("P8 a tenant has at most 300 subscriptions; beyond is BAD_USER_INPUT and changes nothing", async () => {
      const t = await newTenant(api);
      for (let i = 0; i < 299; i++) await buy(t, "ADMIN_CENTER", [{ skuId: t.sku.tenant, quantity: 1 }]);
      // an order of two items would make 301
      expect(
        await failsUnchanged(t.admin, PURCHASE, { input: { channel: "ADMIN_CENTER", items: [{ skuId: t.sku.tenant, quantity: 1 }, { skuId: t.sku.user, quantity: 1 }] } }),
      ).toBe("BAD_USER_INPUT");
      // two purchases race for the 300th slot: exactly one wins
      const race = await Promise.all([1, 2].map((q) => api.exec(t.admin, PURCHASE, { input: { channel: "ADMIN_CENTER", items: [{ skuId: t.sku.user, quantity: q }] } })));
      expect(race.filter((r) => !r.errors).length).toBe(1);
      expect(race.filter((r) => r.errors).map((r) => r.errors![0].extensions?.code)).toEqual(["BAD_USER_INPUT"]);
      expect(await subs(t)).toHaveLength(300);
      expect(await failsUnchanged(t.admin, PURCHASE, { input: { channel: "ADMIN_CENTER", items: [{ skuId: t.sku.tenant, quantity: 1 }] } })).toBe("BAD_USER_INPUT");
      expect(await subs(t, true)).toHaveLength(300);
      expect(pool(await licenses(t), TENANT_PN)!.prepaidUnits.enabled).toBe(299);
      // the limit is per tenant
      const other = await newTenant(api);
      expect((await other.buy(1)).subscriptions).toHaveLength(2);
    });
  });

  // ---- cancelSubscription ---------------------------------------------------

  describe("cancelSubscription", () => {
    it("P6 cancelling makes a subscription SUSPENDED at once; it leaves the default list, stays with includeInactive, and leaves the pool", async () => {
      const t = await newTenant(api);
      await t.buy(5);
      const extra = (await buy(t, "ADMIN_CENTER", [{ skuId: t.sku.user, quantity: 3 }])).subscriptions[0];
      expect(pool(await licenses(t), USER_PN)!.prepaidUnits).toEqual({ enabled: 8, warning: 0, suspended: 0 });

      const c = (await api.ok(t.admin, CANCEL, { id: extra.id })).cancelSubscription;
      expect(c).toMatchObject({ id: extra.id, status: "SUSPENDED" });

      expect((await subs(t)).map((s) => s.id)).not.toContain(extra.id);
      expect(await subs(t)).toHaveLength(2);
      const all = await subs(t, true);
      expect(all).toHaveLength(3);
      expect(all.find((s) => s.id === extra.id)).toMatchObject({ status: "SUSPENDED", quantity: 3 });
      expect(pool(await licenses(t), USER_PN)).toMatchObject({ prepaidUnits: { enabled: 5, warning: 0, suspended: 3 }, availableUnits: 5 });
    });

    it("P6 cancelling the tenant license turns hasActiveTenantLicense off", async () => {
      const t = await newTenant(api);
      const r = await buy(t, "ADMIN_CENTER", [{ skuId: t.sku.tenant, quantity: 1 }]);
      expect((await api.ok(t.admin, SUBS)).tenant.hasActiveTenantLicense).toBe(true);
      await api.ok(t.admin, CANCEL, { id: r.subscriptions[0].id });
      expect((await api.ok(t.admin, SUBS)).tenant.hasActiveTenantLicense).toBe(false);
    });

    it("cancelSubscription of an unknown ID is NOT_FOUND and changes nothing", async () => {
      const t = await newTenant(api);
      await t.buy(1);
      expect(await failsUnchanged(t.admin, CANCEL, { id: "subscription_nope" })).toBe("NOT_FOUND");
    });
  });

  // ---- tenant isolation (§6) -------------------------------------------------

  describe("tenant isolation", () => {
    it("§6 another tenant's subscription ID is NOT_FOUND for update and cancel, and nothing changes", async () => {
      const a = await newTenant(api, "Contoso");
      const b = await newTenant(api, "Northwind");
      const subA = (await a.buy(5)).subscriptions.find((s) => s.sku.partNumber === USER_PN)!;
      await b.buy(1);
      expect(await failsUnchanged(b.admin, UPDATE_QTY, { input: { subscriptionId: subA.id, quantity: 9 } })).toBe("NOT_FOUND");
      expect(await failsUnchanged(b.admin, CANCEL, { id: subA.id })).toBe("NOT_FOUND");
      expect((await subs(a)).find((s) => s.id === subA.id)).toMatchObject({ status: "ACTIVE", quantity: 5 });
      expect((await subs(b, true)).map((s) => s.id)).not.toContain(subA.id);
    });
  });

});
