import { engines, TestApi } from "../../helpers/harness";
import { newTenant, Q } from "../../helpers/fixtures";
import { purchaseKit, pool, mentionsItem, PURCHASE, UPDATE_QTY, CANCEL, TENANT_PN, USER_PN, NOT_BILLING } from "../../helpers/purchases";
import { PurchaseLicensesInput } from "../../gql/graphql";

/** Purchases' audit events (A1) and role matrix (§6). */
describe.each(engines())("purchases: A1 audit, \u00a76 roles (%s)", (_engine, url) => {
  let api: TestApi;
  beforeAll(async () => (api = await TestApi.start(url)));
  afterAll(() => api.stop());
  const { failsUnchanged, buy, licenses, audit, callerToken } = purchaseKit(() => api);

  // ---- A1 -----------------------------------------------------------------

  describe("A1 audit", () => {
    it("A1 a successful purchase appends exactly one PURCHASE event naming its items; a failed one appends none", async () => {
      const t = await newTenant(api);
      const before = (await audit(t)).totalCount;
      const r = await buy(t, "ADMIN_CENTER", [{ skuId: t.sku.tenant, quantity: 2 }, { skuId: t.sku.user, quantity: 13 }]);
      const all = await audit(t);
      expect(all.totalCount).toBe(before + 1);
      const purchases = await audit(t, "PURCHASE");
      expect(purchases.totalCount).toBe(1);
      const ev = purchases.nodes[0];
      expect(ev.actor).toEqual({ id: t.adminId });
      const details = JSON.parse(ev.details);
      expect(mentionsItem(details, { id: t.sku.tenant, partNumber: TENANT_PN }, 2)).toBe(true);
      expect(mentionsItem(details, { id: t.sku.user, partNumber: USER_PN }, 13)).toBe(true);
      expect(ev.targetId === r.orderId || JSON.stringify(details).includes(r.orderId)).toBe(true);

      // failures append nothing
      expect(await failsUnchanged(t.admin, PURCHASE, { input: { channel: "ADMIN_CENTER", items: [{ skuId: t.sku.user, quantity: 0 }] } })).toBe("BAD_USER_INPUT");
      expect(await failsUnchanged(t.admin, PURCHASE, { input: { channel: "PARTNER", items: [{ skuId: t.sku.user, quantity: 1 }] } })).toBe("CHANNEL_MISMATCH");
      expect((await audit(t)).totalCount).toBe(before + 1);
      expect((await audit(t, "PURCHASE")).totalCount).toBe(1);

      // a second purchase: one more
      await buy(t, "ADMIN_CENTER", [{ skuId: t.sku.user, quantity: 4 }]);
      expect((await audit(t, "PURCHASE")).totalCount).toBe(2);
      expect((await audit(t)).totalCount).toBe(before + 2);
    });

    it("A1 updateSubscriptionQuantity and cancelSubscription each append exactly one event", async () => {
      const t = await newTenant(api);
      const sub = (await t.buy(5)).subscriptions.find((s) => s.sku.partNumber === USER_PN)!;
      const n0 = (await audit(t)).totalCount;
      await api.ok(t.admin, UPDATE_QTY, { input: { subscriptionId: sub.id, quantity: 6 } });
      const n1 = await audit(t);
      expect(n1.totalCount).toBe(n0 + 1);
      expect(n1.nodes.some((e) => e.targetId === sub.id)).toBe(true);
      await api.ok(t.admin, CANCEL, { id: sub.id });
      expect((await audit(t)).totalCount).toBe(n0 + 2);
    });
  });

  // ---- §6 role matrix -------------------------------------------------------

  describe("§6 role matrix", () => {
    it.each(["GLOBAL_ADMIN", "BILLING_ADMIN"])("§6 %s may purchase, update and cancel", async (who) => {
      const t = await newTenant(api);
      const token = await callerToken(t, who);
      const r = (await api.ok(token, PURCHASE, { input: { channel: "ADMIN_CENTER", items: [{ skuId: t.sku.tenant, quantity: 1 }, { skuId: t.sku.user, quantity: 4 }] } }))
        .purchaseLicenses;
      const sub = r.subscriptions.find((s) => s.sku.partNumber === USER_PN);
      expect((await api.ok(token, UPDATE_QTY, { input: { subscriptionId: sub!.id, quantity: 6 } })).updateSubscriptionQuantity.quantity).toBe(6);
      expect((await api.ok(token, CANCEL, { id: sub!.id })).cancelSubscription.status).toBe("SUSPENDED");
      expect(pool(await licenses(t), USER_PN)!.prepaidUnits).toEqual({ enabled: 0, warning: 0, suspended: 6 });
    });

    it.each(NOT_BILLING)("§6 %s gets FORBIDDEN for purchase, update and cancel, and nothing changes", async (who) => {
      const t = await newTenant(api);
      const sub = (await t.buy(5)).subscriptions.find((s) => s.sku.partNumber === USER_PN)!;
      const token = await callerToken(t, who);
      expect(await failsUnchanged(token, PURCHASE, { input: { channel: "ADMIN_CENTER", items: [{ skuId: t.sku.user, quantity: 1 }] } })).toBe("FORBIDDEN");
      expect(await failsUnchanged(token, UPDATE_QTY, { input: { subscriptionId: sub.id, quantity: 9 } })).toBe("FORBIDDEN");
      expect(await failsUnchanged(token, CANCEL, { id: sub.id })).toBe("FORBIDDEN");
    });

    it("§6 without a token purchase, update and cancel are UNAUTHENTICATED and nothing changes", async () => {
      const t = await newTenant(api);
      const sub = (await t.buy(5)).subscriptions.find((s) => s.sku.partNumber === USER_PN)!;
      expect(await failsUnchanged(undefined, PURCHASE, { input: { channel: "ADMIN_CENTER", items: [{ skuId: t.sku.user, quantity: 1 }] } })).toBe("UNAUTHENTICATED");
      expect(await failsUnchanged(undefined, UPDATE_QTY, { input: { subscriptionId: sub.id, quantity: 9 } })).toBe("UNAUTHENTICATED");
      expect(await failsUnchanged(undefined, CANCEL, { id: sub.id })).toBe("UNAUTHENTICATED");
    });

    it("§6 roles come from the database: a demoted BILLING_ADMIN is FORBIDDEN at once, a promoted user may buy at once", async () => {
      const t = await newTenant(api);
      await t.buy(1);
      const billing = await t.user("billing", ["BILLING_ADMIN"]);
      const plain = await t.user("plain");
      const item: PurchaseLicensesInput = { channel: "ADMIN_CENTER", items: [{ skuId: t.sku.user, quantity: 1 }] };
      await api.ok(billing.token, PURCHASE, { input: item });
      await api.ok(t.admin, Q.updateUser, { input: { id: billing.id, roles: [] } });
      expect(await failsUnchanged(billing.token, PURCHASE, { input: item })).toBe("FORBIDDEN");
      expect(await failsUnchanged(plain.token, PURCHASE, { input: item })).toBe("FORBIDDEN");
      await api.ok(t.admin, Q.updateUser, { input: { id: plain.id, roles: ["BILLING_ADMIN"] } });
      await api.ok(plain.token, PURCHASE, { input: item });
      expect(pool(await licenses(t), USER_PN)!.prepaidUnits.enabled).toBe(3);
    });

    it("§6 a disabled BILLING_ADMIN, or a token whose tid is another tenant, is UNAUTHENTICATED", async () => {
      const a = await newTenant(api, "Contoso");
      const b = await newTenant(api, "Northwind");
      await a.buy(1);
      const billing = await a.user("billing", ["BILLING_ADMIN"]);
      await api.ok(a.admin, Q.updateUser, { input: { id: billing.id, accountEnabled: false } });
      const item: PurchaseLicensesInput = { channel: "ADMIN_CENTER", items: [{ skuId: a.sku.user, quantity: 1 }] };
      expect(await failsUnchanged(billing.token, PURCHASE, { input: item })).toBe("UNAUTHENTICATED");
      const crossed = await api.token({ tid: b.tenantId, oid: a.adminId });
      expect(await failsUnchanged(crossed, PURCHASE, { input: { channel: "ADMIN_CENTER", items: [{ skuId: b.sku.tenant, quantity: 1 }] } })).toBe("UNAUTHENTICATED");
    });
  });
});
