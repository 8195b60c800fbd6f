import { engines, TestApi } from "../../helpers/harness";
import { newTenant } from "../../helpers/fixtures";
import { purchaseKit, pool, PURCHASE, SUBS, CANCEL, TENANT_PN, USER_PN } from "../../helpers/purchases";
import { PurchaseChannel } from "../../gql/graphql";

/** User licenses need a granting tenant license (P2) of a matching channel (P3). */
describe.each(engines())("purchases: P2 tenant license, P3 channels (%s)", (_engine, url) => {
  let api: TestApi;
  beforeAll(async () => (api = await TestApi.start(url)));
  afterAll(() => api.stop());
  const { iso, failsUnchanged, buy, subs, licenses } = purchaseKit(() => api);

  // ---- P2 -----------------------------------------------------------------

  describe("P2 user licenses need the tenant license", () => {
    it("P2 a user license without any tenant license is TENANT_LICENSE_REQUIRED and changes nothing", async () => {
      const t = await newTenant(api);
      const code = await failsUnchanged(t.admin, PURCHASE, { input: { channel: "ADMIN_CENTER", items: [{ skuId: t.sku.user, quantity: 5 }] } });
      expect(code).toBe("TENANT_LICENSE_REQUIRED");
    });

    it("P2 the tenant license in the same order is enough", async () => {
      const t = await newTenant(api);
      const r = await buy(t, "ADMIN_CENTER", [{ skuId: t.sku.user, quantity: 5 }, { skuId: t.sku.tenant, quantity: 1 }]);
      expect(r.subscriptions).toHaveLength(2);
    });

    it("P2 an existing granting tenant license is enough", async () => {
      const t = await newTenant(api);
      await buy(t, "ADMIN_CENTER", [{ skuId: t.sku.tenant, quantity: 1 }]);
      const r = await buy(t, "ADMIN_CENTER", [{ skuId: t.sku.user, quantity: 5 }]);
      expect(r.subscriptions[0]).toMatchObject({ quantity: 5, sku: { partNumber: USER_PN } });
    });

    it("P2 a tenant license in WARNING (expired, in grace) still grants, so user licenses can be bought", async () => {
      const t = await newTenant(api);
      await buy(t, "ADMIN_CENTER", [{ skuId: t.sku.tenant, quantity: 1 }], { endsAt: iso(1) });
      api.clock.advanceDays(2);
      expect((await subs(t))[0].status).toBe("WARNING");
      const r = await buy(t, "ADMIN_CENTER", [{ skuId: t.sku.user, quantity: 2 }]);
      expect(r.subscriptions).toHaveLength(1);
    });

    it("P2 a cancelled (SUSPENDED) tenant license does not grant: TENANT_LICENSE_REQUIRED", async () => {
      const t = await newTenant(api);
      const r = await buy(t, "ADMIN_CENTER", [{ skuId: t.sku.tenant, quantity: 1 }]);
      await api.ok(t.admin, CANCEL, { id: r.subscriptions[0].id });
      const code = await failsUnchanged(t.admin, PURCHASE, { input: { channel: "ADMIN_CENTER", items: [{ skuId: t.sku.user, quantity: 1 }] } });
      expect(code).toBe("TENANT_LICENSE_REQUIRED");
    });

    it("P2 a tenant license past its grace period (SUSPENDED) does not grant: TENANT_LICENSE_REQUIRED", async () => {
      const t = await newTenant(api);
      await buy(t, "ADMIN_CENTER", [{ skuId: t.sku.tenant, quantity: 1 }], { endsAt: iso(1) });
      api.clock.advanceDays(32);
      expect((await subs(t, true))[0].status).toBe("SUSPENDED");
      const code = await failsUnchanged(t.admin, PURCHASE, { input: { channel: "ADMIN_CENTER", items: [{ skuId: t.sku.user, quantity: 1 }] } });
      expect(code).toBe("TENANT_LICENSE_REQUIRED");
    });

    it("P2 the tenant license itself needs nothing", async () => {
      const t = await newTenant(api);
      const r = await buy(t, "ADMIN_CENTER", [{ skuId: t.sku.tenant, quantity: 3 }]);
      expect(r.subscriptions[0]).toMatchObject({ quantity: 3, sku: { partNumber: TENANT_PN } });
      expect((await api.ok(t.admin, SUBS)).tenant.hasActiveTenantLicense).toBe(true);
    });
  });

  // ---- P3 -----------------------------------------------------------------

  describe("P3 channels", () => {
    it.each<PurchaseChannel>(["VOLUME_LICENSING", "PARTNER"])("P3 %s user licenses with only an ADMIN_CENTER tenant license: CHANNEL_MISMATCH", async (channel) => {
      const t = await newTenant(api);
      await buy(t, "ADMIN_CENTER", [{ skuId: t.sku.tenant, quantity: 1 }]);
      const code = await failsUnchanged(t.admin, PURCHASE, { input: { channel, items: [{ skuId: t.sku.user, quantity: 3 }] } });
      expect(code).toBe("CHANNEL_MISMATCH");
    });

    it("P3 PARTNER user licenses with only a VOLUME_LICENSING tenant license: CHANNEL_MISMATCH (and the other way round)", async () => {
      const t = await newTenant(api);
      await buy(t, "VOLUME_LICENSING", [{ skuId: t.sku.tenant, quantity: 1 }]);
      expect(await failsUnchanged(t.admin, PURCHASE, { input: { channel: "PARTNER", items: [{ skuId: t.sku.user, quantity: 3 }] } })).toBe("CHANNEL_MISMATCH");
      const t2 = await newTenant(api);
      await buy(t2, "PARTNER", [{ skuId: t2.sku.tenant, quantity: 1 }]);
      expect(await failsUnchanged(t2.admin, PURCHASE, { input: { channel: "VOLUME_LICENSING", items: [{ skuId: t2.sku.user, quantity: 3 }] } })).toBe("CHANNEL_MISMATCH");
    });

    it.each<PurchaseChannel>(["VOLUME_LICENSING", "PARTNER"])("P3 %s user licenses with a tenant license of the same channel, existing or in the same order", async (channel) => {
      const t = await newTenant(api);
      const same = await buy(t, channel, [{ skuId: t.sku.tenant, quantity: 1 }, { skuId: t.sku.user, quantity: 2 }]);
      expect(same.subscriptions.map((s) => s.channel)).toEqual([channel, channel]);
      const later = await buy(t, channel, [{ skuId: t.sku.user, quantity: 4 }]);
      expect(later.subscriptions[0]).toMatchObject({ channel, quantity: 4 });
      expect(pool(await licenses(t), USER_PN)!.prepaidUnits.enabled).toBe(6);
    });

    it("P3 a same-channel tenant license that no longer grants does not count, even if another channel's does", async () => {
      const t = await newTenant(api);
      const vl = await buy(t, "VOLUME_LICENSING", [{ skuId: t.sku.tenant, quantity: 1 }]);
      await buy(t, "ADMIN_CENTER", [{ skuId: t.sku.tenant, quantity: 1 }]);
      await api.ok(t.admin, CANCEL, { id: vl.subscriptions[0].id });
      const code = await failsUnchanged(t.admin, PURCHASE, { input: { channel: "VOLUME_LICENSING", items: [{ skuId: t.sku.user, quantity: 1 }] } });
      expect(code).toBe("CHANNEL_MISMATCH");
    });

    it.each<PurchaseChannel>(["VOLUME_LICENSING", "PARTNER", "ADMIN_CENTER"])("P3 ADMIN_CENTER user licenses accept a tenant license bought through %s", async (channel) => {
      const t = await newTenant(api);
      await buy(t, channel, [{ skuId: t.sku.tenant, quantity: 1 }]);
      const r = await buy(t, "ADMIN_CENTER", [{ skuId: t.sku.user, quantity: 2 }]);
      expect(r.subscriptions[0]).toMatchObject({ channel: "ADMIN_CENTER", quantity: 2 });
    });
  });

});
