import { engines, TestApi, AnyDoc, Vars, invalidVars } from "../../helpers/harness";
import { newTenant } from "../../helpers/fixtures";
import { purchaseKit, pool, PURCHASE, SUBS, TENANT_PN, USER_PN, KNOWN_CODES } from "../../helpers/purchases";
import { PurchaseChannel } from "../../gql/graphql";

/** purchaseLicenses: one atomic order (P1), input errors (§7), trials cannot be bought (P4). */
describe.each(engines())("purchases: P1 orders, P4 trials (%s)", (_engine, url) => {
  let api: TestApi;
  beforeAll(async () => (api = await TestApi.start(url)));
  afterAll(() => api.stop());
  const { iso, failsUnchanged, buy, subs, licenses } = purchaseKit(() => api);

  // ---- P1 -----------------------------------------------------------------

  describe("P1 purchaseLicenses is one atomic order", () => {
    it("P1 every item of an order is bought and the subscriptions share the order ID", async () => {
      const t = await newTenant(api);
      const r = await buy(t, "ADMIN_CENTER", [{ skuId: t.sku.tenant, quantity: 2 }, { skuId: t.sku.user, quantity: 7 }]);
      expect(r.orderId).toBeTruthy();
      expect(r.subscriptions).toHaveLength(2);
      for (const s of r.subscriptions) expect(s).toMatchObject({ orderId: r.orderId, channel: "ADMIN_CENTER", status: "ACTIVE", isTrial: false });
      expect(r.subscriptions.map((s) => [s.sku.partNumber, s.quantity]).sort()).toEqual([[TENANT_PN, 2], [USER_PN, 7]]);

      const listed = await subs(t);
      expect(listed.map((s) => s.id).sort()).toEqual(r.subscriptions.map((s) => s.id).sort());
      expect(new Set(listed.map((s) => s.orderId))).toEqual(new Set([r.orderId]));

      const second = await buy(t, "ADMIN_CENTER", [{ skuId: t.sku.user, quantity: 1 }]);
      expect(second.orderId).not.toBe(r.orderId);
      expect(second.subscriptions[0].orderId).toBe(second.orderId);
    });

    it("P1 an order with one valid and one invalid item (bad quantity) buys nothing", async () => {
      const t = await newTenant(api);
      const code = await failsUnchanged(t.admin, PURCHASE, {
        input: { channel: "ADMIN_CENTER", items: [{ skuId: t.sku.tenant, quantity: 1 }, { skuId: t.sku.user, quantity: 0 }] },
      });
      expect(code).toBe("BAD_USER_INPUT");
      expect(await subs(t, true)).toEqual([]);
      expect((await api.ok(t.admin, SUBS)).tenant.hasActiveTenantLicense).toBe(false);
    });

    it("P1 an order with one valid item and one unknown SKU buys nothing (NOT_FOUND)", async () => {
      const t = await newTenant(api);
      const code = await failsUnchanged(t.admin, PURCHASE, {
        input: { channel: "ADMIN_CENTER", items: [{ skuId: t.sku.tenant, quantity: 1 }, { skuId: "sku_does_not_exist", quantity: 1 }] },
      });
      expect(code).toBe("NOT_FOUND");
      expect(await subs(t, true)).toEqual([]);
    });

    it("P1 an order with one valid item and a trial SKU buys nothing (P4)", async () => {
      const t = await newTenant(api);
      const code = await failsUnchanged(t.admin, PURCHASE, {
        input: { channel: "ADMIN_CENTER", items: [{ skuId: t.sku.tenant, quantity: 1 }, { skuId: t.sku.trial, quantity: 1 }] },
      });
      expect(code).toBe("BAD_USER_INPUT");
      expect(await subs(t, true)).toEqual([]);
    });

    it.each([0, -1, 1_000_001, 1_000_000_000])("P1 quantity %p is BAD_USER_INPUT and changes nothing", async (quantity) => {
      const t = await newTenant(api);
      await t.buy(1);
      const code = await failsUnchanged(t.admin, PURCHASE, { input: { channel: "ADMIN_CENTER", items: [{ skuId: t.sku.user, quantity }] } });
      expect(code).toBe("BAD_USER_INPUT");
    });

    it("P1 a non-integer quantity is refused with BAD_USER_INPUT and changes nothing", async () => {
      const t = await newTenant(api);
      const code = await failsUnchanged(t.admin, PURCHASE, { input: { channel: "ADMIN_CENTER", items: [{ skuId: t.sku.tenant, quantity: 1.5 }] } });
      expect(code).toBe("BAD_USER_INPUT");
    });

    it("P1 quantities 1 and 1,000,000 (the bounds) are accepted", async () => {
      const t = await newTenant(api);
      const r = await buy(t, "ADMIN_CENTER", [{ skuId: t.sku.tenant, quantity: 1 }, { skuId: t.sku.user, quantity: 1_000_000 }]);
      expect(r.subscriptions.map((s) => s.quantity).sort((a: number, b: number) => a - b)).toEqual([1, 1_000_000]);
      expect(pool(await licenses(t), USER_PN)).toMatchObject({ prepaidUnits: { enabled: 1_000_000 }, consumedUnits: 0, availableUnits: 1_000_000 });
    });

    it("P1 an order without items is BAD_USER_INPUT", async () => {
      const t = await newTenant(api);
      expect(await failsUnchanged(t.admin, PURCHASE, { input: { channel: "ADMIN_CENTER", items: [] } })).toBe("BAD_USER_INPUT");
    });

    it("P1 an order that names the same SKU twice is BAD_USER_INPUT and buys nothing", async () => {
      const t = await newTenant(api);
      const code = await failsUnchanged(t.admin, PURCHASE, {
        input: { channel: "ADMIN_CENTER", items: [{ skuId: t.sku.tenant, quantity: 1 }, { skuId: t.sku.tenant, quantity: 2 }] },
      });
      expect(code).toBe("BAD_USER_INPUT");
    });
  });

  // ---- input errors ---------------------------------------------------------

  describe("input errors", () => {
    it("an unknown SKU ID is NOT_FOUND and changes nothing", async () => {
      const t = await newTenant(api);
      expect(await failsUnchanged(t.admin, PURCHASE, { input: { channel: "ADMIN_CENTER", items: [{ skuId: "sku_nope", quantity: 1 }] } })).toBe("NOT_FOUND");
      // An ID of another kind of object is no SKU either.
      expect(await failsUnchanged(t.admin, PURCHASE, { input: { channel: "ADMIN_CENTER", items: [{ skuId: t.adminId, quantity: 1 }] } })).toBe("NOT_FOUND");
    });

    it("endsAt in the past is BAD_USER_INPUT and changes nothing; a future endsAt is kept", async () => {
      const t = await newTenant(api);
      const code = await failsUnchanged(t.admin, PURCHASE, {
        input: { channel: "ADMIN_CENTER", items: [{ skuId: t.sku.tenant, quantity: 1 }], endsAt: iso(-1) },
      });
      expect(code).toBe("BAD_USER_INPUT");
      for (const bad of ["not-a-date", "2027-01-01", 12345]) {
        expect(await failsUnchanged(t.admin, PURCHASE, invalidVars({ input: { channel: "ADMIN_CENTER", items: [{ skuId: t.sku.tenant, quantity: 1 }], endsAt: bad } }))).toBe("BAD_USER_INPUT");
      }
      const endsAt = iso(365);
      const r = await buy(t, "ADMIN_CENTER", [{ skuId: t.sku.tenant, quantity: 1 }], { endsAt });
      expect(new Date(r.subscriptions[0].endsAt).getTime()).toBe(new Date(endsAt).getTime());
      expect(r.subscriptions[0].status).toBe("ACTIVE");
    });

    it("missing required fields are a GraphQL validation error with a code and change nothing", async () => {
      const t = await newTenant(api);
      await t.buy(1);
      const sub = (await subs(t))[0];
      const cases: [AnyDoc | string, Vars | undefined][] = [
        // inline, no channel
        [`mutation { purchaseLicenses(input: { items: [{ skuId: "${t.sku.tenant}", quantity: 1 }] }) { orderId } }`, undefined],
        // inline, an item without quantity
        [`mutation { purchaseLicenses(input: { channel: ADMIN_CENTER, items: [{ skuId: "${t.sku.tenant}" }] }) { orderId } }`, undefined],
        // through variables, an item without quantity
        [PURCHASE, { input: { channel: "ADMIN_CENTER", items: [{ skuId: t.sku.tenant }] } }],
        // through variables, no input at all
        [PURCHASE, {}],
        [`mutation { updateSubscriptionQuantity(input: { subscriptionId: "${sub.id}" }) { id } }`, undefined],
        [`mutation { cancelSubscription { id } }`, undefined],
      ];
      for (const [query, vars] of cases) {
        const code = await api.failsUnchanged(t.admin, query, vars);
        expect(KNOWN_CODES).toContain(code);
        expect(["GRAPHQL_VALIDATION_FAILED", "BAD_USER_INPUT"]).toContain(code);
      }
    });
  });

  // ---- P4 -----------------------------------------------------------------

  describe("P4 trials cannot be bought", () => {
    it.each<PurchaseChannel>(["ADMIN_CENTER", "VOLUME_LICENSING", "PARTNER"])("P4 the trial SKU through %s is BAD_USER_INPUT", async (channel) => {
      const t = await newTenant(api);
      await buy(t, channel, [{ skuId: t.sku.tenant, quantity: 1 }]);
      expect(await failsUnchanged(t.admin, PURCHASE, { input: { channel, items: [{ skuId: t.sku.trial, quantity: 1 }] } })).toBe("BAD_USER_INPUT");
    });

    it("P4 the SELF_SERVICE_TRIAL channel is BAD_USER_INPUT for any SKU", async () => {
      const t = await newTenant(api);
      expect(await failsUnchanged(t.admin, PURCHASE, { input: { channel: "SELF_SERVICE_TRIAL", items: [{ skuId: t.sku.tenant, quantity: 1 }] } })).toBe("BAD_USER_INPUT");
      expect(
        await failsUnchanged(t.admin, PURCHASE, {
          input: { channel: "SELF_SERVICE_TRIAL", items: [{ skuId: t.sku.tenant, quantity: 1 }, { skuId: t.sku.user, quantity: 1 }] },
        }),
      ).toBe("BAD_USER_INPUT");
      expect(await subs(t, true)).toEqual([]);
    });
  });

});
