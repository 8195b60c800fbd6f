import { engines, TestApi } from "../../helpers/harness";
import { newTenant } from "../../helpers/fixtures";
import { purchaseKit, pool, PURCHASE, USER_PN } from "../../helpers/purchases";
import { PurchaseLicensesInput } from "../../gql/graphql";

/** purchaseLicenses' idempotencyKey (P5): retries buy once, keys are per tenant, failures do not use a key up. */
describe.each(engines())("purchases: P5 idempotencyKey (%s)", (_engine, url) => {
  let api: TestApi;
  beforeAll(async () => (api = await TestApi.start(url)));
  afterAll(() => api.stop());
  const { iso, failsUnchanged, buy, subs, licenses, audit } = purchaseKit(() => api);

  // ---- P5 -----------------------------------------------------------------

  describe("P5 idempotencyKey", () => {
    it("P5 the same key with the same input returns the first order and buys nothing more", async () => {
      const t = await newTenant(api);
      const input: PurchaseLicensesInput = { channel: "ADMIN_CENTER", idempotencyKey: "order-42", items: [{ skuId: t.sku.tenant, quantity: 1 }, { skuId: t.sku.user, quantity: 5 }] };
      const first = (await api.ok(t.admin, PURCHASE, { input })).purchaseLicenses;
      const poolBefore = await licenses(t);
      const again = (await api.ok(t.admin, PURCHASE, { input })).purchaseLicenses;
      expect(again.orderId).toBe(first.orderId);
      expect(again.subscriptions.map((s) => s.id).sort()).toEqual(first.subscriptions.map((s) => s.id).sort());
      expect(again.subscriptions.map((s) => s.quantity).sort()).toEqual([1, 5]);
      expect((await subs(t, true)).map((s) => s.id).sort()).toEqual(first.subscriptions.map((s) => s.id).sort());
      expect(await licenses(t)).toEqual(poolBefore);
      expect(pool(await licenses(t), USER_PN)!.prepaidUnits.enabled).toBe(5);
      expect((await audit(t, "PURCHASE")).totalCount).toBe(1);
      // a third retry still returns the same order
      expect((await api.ok(t.admin, PURCHASE, { input })).purchaseLicenses.orderId).toBe(first.orderId);
      expect((await subs(t, true))).toHaveLength(2);
    });

    it("P5 the same key with another input is CONFLICT and changes nothing", async () => {
      const t = await newTenant(api);
      const key = "order-7";
      await buy(t, "ADMIN_CENTER", [{ skuId: t.sku.tenant, quantity: 1 }, { skuId: t.sku.user, quantity: 5 }], { idempotencyKey: key });
      const variants: PurchaseLicensesInput[] = [
        { channel: "ADMIN_CENTER", items: [{ skuId: t.sku.tenant, quantity: 1 }, { skuId: t.sku.user, quantity: 6 }] },
        { channel: "ADMIN_CENTER", items: [{ skuId: t.sku.user, quantity: 5 }] },
        { channel: "ADMIN_CENTER", items: [{ skuId: t.sku.tenant, quantity: 1 }, { skuId: t.sku.user, quantity: 5 }], endsAt: iso(100) },
        { channel: "VOLUME_LICENSING", items: [{ skuId: t.sku.tenant, quantity: 1 }, { skuId: t.sku.user, quantity: 5 }] },
      ];
      for (const v of variants) {
        expect(await failsUnchanged(t.admin, PURCHASE, { input: { ...v, idempotencyKey: key } })).toBe("CONFLICT");
      }
      expect(await subs(t, true)).toHaveLength(2);
    });

    it("P5 keys are scoped to the tenant: two tenants use the same key independently", async () => {
      const a = await newTenant(api, "Contoso");
      const b = await newTenant(api, "Northwind");
      const key = "shared-key";
      const ra = await buy(a, "ADMIN_CENTER", [{ skuId: a.sku.tenant, quantity: 1 }, { skuId: a.sku.user, quantity: 3 }], { idempotencyKey: key });
      // same input in another tenant: a new order, not a replay of A's
      const rb = await buy(b, "ADMIN_CENTER", [{ skuId: b.sku.tenant, quantity: 1 }, { skuId: b.sku.user, quantity: 3 }], { idempotencyKey: key });
      expect(rb.orderId).not.toBe(ra.orderId);
      const bIds = rb.subscriptions.map((s) => s.id).sort();
      expect(bIds).not.toEqual(ra.subscriptions.map((s) => s.id).sort());
      expect((await subs(b)).map((s) => s.id).sort()).toEqual(bIds);
      expect(pool(await licenses(b), USER_PN)!.prepaidUnits.enabled).toBe(3);
      // another input with the same key in a third tenant is not a CONFLICT either
      const c = await newTenant(api, "Tailspin");
      const rc = await buy(c, "ADMIN_CENTER", [{ skuId: c.sku.tenant, quantity: 9 }], { idempotencyKey: key });
      expect(rc.subscriptions[0].quantity).toBe(9);
      // and A's key still replays A's order only
      const again = await buy(a, "ADMIN_CENTER", [{ skuId: a.sku.tenant, quantity: 1 }, { skuId: a.sku.user, quantity: 3 }], { idempotencyKey: key });
      expect(again.orderId).toBe(ra.orderId);
      expect(await subs(a, true)).toHaveLength(2);
    });

    it("P5 concurrent retries with the same key buy once and all return the same order", async () => {
      const t = await newTenant(api);
      const input: PurchaseLicensesInput = { channel: "ADMIN_CENTER", idempotencyKey: "burst", items: [{ skuId: t.sku.tenant, quantity: 1 }, { skuId: t.sku.user, quantity: 5 }] };
      const rs = await Promise.all([1, 2, 3, 4].map(() => api.exec(t.admin, PURCHASE, { input })));
      for (const r of rs) expect(r.errors).toBeUndefined();
      expect(new Set(rs.map((r) => r.data!.purchaseLicenses.orderId)).size).toBe(1);
      expect(await subs(t, true)).toHaveLength(2);
      expect(pool(await licenses(t), USER_PN)!.prepaidUnits.enabled).toBe(5);
      expect((await audit(t, "PURCHASE")).totalCount).toBe(1);
    });

    it("P5 a failed purchase does not use up its key", async () => {
      const t = await newTenant(api);
      const key = "retry-me";
      const input: PurchaseLicensesInput = { channel: "ADMIN_CENTER", idempotencyKey: key, items: [{ skuId: t.sku.user, quantity: 2 }] };
      expect(await failsUnchanged(t.admin, PURCHASE, { input })).toBe("TENANT_LICENSE_REQUIRED");
      await buy(t, "ADMIN_CENTER", [{ skuId: t.sku.tenant, quantity: 1 }]);
      const r = (await api.ok(t.admin, PURCHASE, { input })).purchaseLicenses;
      expect(r.subscriptions[0]).toMatchObject({ quantity: 2, sku: { partNumber: USER_PN } });
    });
  });

});
