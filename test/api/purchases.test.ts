/**
 * Subscriptions and purchases (DESIGN §3 P1–P5, P7, P8, cancelSubscription),
 * their audit events (A1), their role matrix (§6) and their errors (§7).
 */
import { engines, TestApi } from "../helpers/harness";
import { newTenant, Q, TenantFx, userLicense, principalToken } from "../helpers/fixtures";

const PURCHASE = `mutation($input: PurchaseLicensesInput!) {
  purchaseLicenses(input: $input) { orderId subscriptions { id quantity channel status orderId isTrial endsAt sku { id partNumber } } }
}`;
const SUBS = `query($all: Boolean) {
  tenant { hasActiveTenantLicense subscriptions(includeInactive: $all) { id quantity channel status orderId endsAt sku { id partNumber } } }
}`;
const LICENSES = `{ tenant { licenses { sku { id partNumber } prepaidUnits { enabled warning suspended } consumedUnits availableUnits } } }`;
const AUDIT = `query($action: String) { auditEvents(first: 1000, action: $action) { totalCount nodes { id action targetId details actor { id } } } }`;
const UPDATE_QTY = `mutation($input: UpdateSubscriptionQuantityInput!) { updateSubscriptionQuantity(input: $input) { id quantity status } }`;
const CANCEL = `mutation($id: ID!) { cancelSubscription(id: $id) { id status quantity } }`;

const TENANT_PN = "POWER_VIRTUAL_AGENTS";
const USER_PN = "POWER_VIRTUAL_AGENTS_USER";

/** Error codes DESIGN §7 allows. */
const KNOWN_CODES = [
  "UNAUTHENTICATED", "FORBIDDEN", "NOT_FOUND", "BAD_USER_INPUT", "CONFLICT", "SEATS_EXHAUSTED", "SEATS_IN_USE",
  "TENANT_LICENSE_REQUIRED", "CHANNEL_MISMATCH", "LICENSE_NOT_ASSIGNABLE", "LICENSE_REQUIRED", "GROUP_CYCLE",
  "GROUP_HAS_LICENSES", "USER_OWNS_BOTS", "LAST_GLOBAL_ADMIN", "TRIALS_DISABLED", "TRIAL_EXHAUSTED", "RATE_LIMITED",
  "GRAPHQL_VALIDATION_FAILED", "INTERNAL_SERVER_ERROR",
];

/** Callers who may not buy, update or cancel (DESIGN §6). */
const NOT_BILLING = ["LICENSE_ADMIN", "GROUPS_ADMIN", "GLOBAL_READER", "no roles", "BotRuntime", "PlatformOperator"] as const;

describe.each(engines())("purchases (%s)", (_engine, url) => {
  let api: TestApi;
  beforeAll(async () => (api = await TestApi.start(url)));
  afterAll(() => api.stop());

  // ---- helpers ------------------------------------------------------------

  const iso = (days: number) => new Date(api.clock.now().getTime() + days * 86_400_000).toISOString();

  const failsUnchanged = (token: string | undefined, query: string, vars?: Record<string, unknown>) => api.failsUnchanged(token, query, vars);

  async function buy(t: TenantFx, channel: string, items: { skuId: string; quantity: number }[], extra: Record<string, unknown> = {}) {
    return (await api.ok(t.admin, PURCHASE, { input: { channel, items, ...extra } })).purchaseLicenses;
  }

  async function subs(t: TenantFx, all = false): Promise<any[]> {
    return (await api.ok(t.admin, SUBS, { all })).tenant.subscriptions;
  }

  async function licenses(t: TenantFx): Promise<any[]> {
    return (await api.ok(t.admin, LICENSES)).tenant.licenses;
  }

  const pool = (ls: any[], partNumber: string) => ls.find((l) => l.sku.partNumber === partNumber);

  async function audit(t: TenantFx, action?: string) {
    return (await api.ok(t.admin, AUDIT, { action })).auditEvents;
  }

  const callerToken = (t: TenantFx, who: string) => principalToken(api, t, who);

  /** True when some object inside `v` names the SKU (by part number or ID) and carries the quantity. */
  function mentionsItem(v: unknown, sku: { id: string; partNumber: string }, quantity: number): boolean {
    if (Array.isArray(v)) return v.some((x) => mentionsItem(x, sku, quantity));
    if (v && typeof v === "object") {
      const vals = Object.values(v as Record<string, unknown>);
      const names = vals.some((x) => x === sku.id || x === sku.partNumber || (typeof x === "object" && x !== null && JSON.stringify(x).includes(sku.id)));
      if (names && vals.includes(quantity)) return true;
      return vals.some((x) => mentionsItem(x, sku, quantity));
    }
    return false;
  }

  // ---- P1 -----------------------------------------------------------------

  describe("P1 purchaseLicenses is one atomic order", () => {
    it("P1 every item of an order is bought and the subscriptions share the order ID", async () => {
      const t = await newTenant(api);
      const r = await buy(t, "ADMIN_CENTER", [{ skuId: t.sku.tenant, quantity: 2 }, { skuId: t.sku.user, quantity: 7 }]);
      expect(r.orderId).toBeTruthy();
      expect(r.subscriptions).toHaveLength(2);
      for (const s of r.subscriptions) expect(s).toMatchObject({ orderId: r.orderId, channel: "ADMIN_CENTER", status: "ACTIVE", isTrial: false });
      expect(r.subscriptions.map((s: any) => [s.sku.partNumber, s.quantity]).sort()).toEqual([[TENANT_PN, 2], [USER_PN, 7]]);

      const listed = await subs(t);
      expect(listed.map((s) => s.id).sort()).toEqual(r.subscriptions.map((s: any) => s.id).sort());
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
      expect(r.subscriptions.map((s: any) => s.quantity).sort((a: number, b: number) => a - b)).toEqual([1, 1_000_000]);
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
        expect(await failsUnchanged(t.admin, PURCHASE, { input: { channel: "ADMIN_CENTER", items: [{ skuId: t.sku.tenant, quantity: 1 }], endsAt: bad } })).toBe("BAD_USER_INPUT");
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
      const cases: [string, Record<string, unknown> | undefined][] = [
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
        const code = await failsUnchanged(t.admin, query, vars);
        expect(KNOWN_CODES).toContain(code);
        expect(["GRAPHQL_VALIDATION_FAILED", "BAD_USER_INPUT"]).toContain(code);
      }
    });
  });

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
    it.each(["VOLUME_LICENSING", "PARTNER"])("P3 %s user licenses with only an ADMIN_CENTER tenant license: CHANNEL_MISMATCH", async (channel) => {
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

    it.each(["VOLUME_LICENSING", "PARTNER"])("P3 %s user licenses with a tenant license of the same channel, existing or in the same order", async (channel) => {
      const t = await newTenant(api);
      const same = await buy(t, channel, [{ skuId: t.sku.tenant, quantity: 1 }, { skuId: t.sku.user, quantity: 2 }]);
      expect(same.subscriptions.map((s: any) => s.channel)).toEqual([channel, channel]);
      const later = await buy(t, channel, [{ skuId: t.sku.user, quantity: 4 }]);
      expect(later.subscriptions[0]).toMatchObject({ channel, quantity: 4 });
      expect(pool(await licenses(t), USER_PN).prepaidUnits.enabled).toBe(6);
    });

    it("P3 a same-channel tenant license that no longer grants does not count, even if another channel's does", async () => {
      const t = await newTenant(api);
      const vl = await buy(t, "VOLUME_LICENSING", [{ skuId: t.sku.tenant, quantity: 1 }]);
      await buy(t, "ADMIN_CENTER", [{ skuId: t.sku.tenant, quantity: 1 }]);
      await api.ok(t.admin, CANCEL, { id: vl.subscriptions[0].id });
      const code = await failsUnchanged(t.admin, PURCHASE, { input: { channel: "VOLUME_LICENSING", items: [{ skuId: t.sku.user, quantity: 1 }] } });
      expect(code).toBe("CHANNEL_MISMATCH");
    });

    it.each(["VOLUME_LICENSING", "PARTNER", "ADMIN_CENTER"])("P3 ADMIN_CENTER user licenses accept a tenant license bought through %s", async (channel) => {
      const t = await newTenant(api);
      await buy(t, channel, [{ skuId: t.sku.tenant, quantity: 1 }]);
      const r = await buy(t, "ADMIN_CENTER", [{ skuId: t.sku.user, quantity: 2 }]);
      expect(r.subscriptions[0]).toMatchObject({ channel: "ADMIN_CENTER", quantity: 2 });
    });
  });

  // ---- P4 -----------------------------------------------------------------

  describe("P4 trials cannot be bought", () => {
    it.each(["ADMIN_CENTER", "VOLUME_LICENSING", "PARTNER"])("P4 the trial SKU through %s is BAD_USER_INPUT", async (channel) => {
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

  // ---- P5 -----------------------------------------------------------------

  describe("P5 idempotencyKey", () => {
    it("P5 the same key with the same input returns the first order and buys nothing more", async () => {
      const t = await newTenant(api);
      const input = { channel: "ADMIN_CENTER", idempotencyKey: "order-42", items: [{ skuId: t.sku.tenant, quantity: 1 }, { skuId: t.sku.user, quantity: 5 }] };
      const first = (await api.ok(t.admin, PURCHASE, { input })).purchaseLicenses;
      const poolBefore = await licenses(t);
      const again = (await api.ok(t.admin, PURCHASE, { input })).purchaseLicenses;
      expect(again.orderId).toBe(first.orderId);
      expect(again.subscriptions.map((s: any) => s.id).sort()).toEqual(first.subscriptions.map((s: any) => s.id).sort());
      expect(again.subscriptions.map((s: any) => s.quantity).sort()).toEqual([1, 5]);
      expect((await subs(t, true)).map((s) => s.id).sort()).toEqual(first.subscriptions.map((s: any) => s.id).sort());
      expect(await licenses(t)).toEqual(poolBefore);
      expect(pool(await licenses(t), USER_PN).prepaidUnits.enabled).toBe(5);
      expect((await audit(t, "PURCHASE")).totalCount).toBe(1);
      // a third retry still returns the same order
      expect((await api.ok(t.admin, PURCHASE, { input })).purchaseLicenses.orderId).toBe(first.orderId);
      expect((await subs(t, true))).toHaveLength(2);
    });

    it("P5 the same key with another input is CONFLICT and changes nothing", async () => {
      const t = await newTenant(api);
      const key = "order-7";
      await buy(t, "ADMIN_CENTER", [{ skuId: t.sku.tenant, quantity: 1 }, { skuId: t.sku.user, quantity: 5 }], { idempotencyKey: key });
      const variants = [
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
      const bIds = rb.subscriptions.map((s: any) => s.id).sort();
      expect(bIds).not.toEqual(ra.subscriptions.map((s: any) => s.id).sort());
      expect((await subs(b)).map((s) => s.id).sort()).toEqual(bIds);
      expect(pool(await licenses(b), USER_PN).prepaidUnits.enabled).toBe(3);
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
      const input = { channel: "ADMIN_CENTER", idempotencyKey: "burst", items: [{ skuId: t.sku.tenant, quantity: 1 }, { skuId: t.sku.user, quantity: 5 }] };
      const rs = await Promise.all([1, 2, 3, 4].map(() => api.exec(t.admin, PURCHASE, { input })));
      for (const r of rs) expect(r.errors).toBeUndefined();
      expect(new Set(rs.map((r) => r.data.purchaseLicenses.orderId)).size).toBe(1);
      expect(await subs(t, true)).toHaveLength(2);
      expect(pool(await licenses(t), USER_PN).prepaidUnits.enabled).toBe(5);
      expect((await audit(t, "PURCHASE")).totalCount).toBe(1);
    });

    it("P5 a failed purchase does not use up its key", async () => {
      const t = await newTenant(api);
      const key = "retry-me";
      const input = { channel: "ADMIN_CENTER", idempotencyKey: key, items: [{ skuId: t.sku.user, quantity: 2 }] };
      expect(await failsUnchanged(t.admin, PURCHASE, { input })).toBe("TENANT_LICENSE_REQUIRED");
      await buy(t, "ADMIN_CENTER", [{ skuId: t.sku.tenant, quantity: 1 }]);
      const r = (await api.ok(t.admin, PURCHASE, { input })).purchaseLicenses;
      expect(r.subscriptions[0]).toMatchObject({ quantity: 2, sku: { partNumber: USER_PN } });
    });
  });

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
      const sub = r.subscriptions.find((s: any) => s.sku.partNumber === USER_PN);
      for (const name of ["a", "b", "c"]) await t.license((await t.user(name)).id);

      expect(await failsUnchanged(t.admin, UPDATE_QTY, { input: { subscriptionId: sub.id, quantity: 2 } })).toBe("SEATS_IN_USE");
      expect(pool(await licenses(t), USER_PN)).toMatchObject({ prepaidUnits: { enabled: 5 }, consumedUnits: 3, availableUnits: 2 });

      const down = (await api.ok(t.admin, UPDATE_QTY, { input: { subscriptionId: sub.id, quantity: 3 } })).updateSubscriptionQuantity;
      expect(down).toMatchObject({ id: sub.id, quantity: 3 });
      expect(pool(await licenses(t), USER_PN)).toMatchObject({ prepaidUnits: { enabled: 3 }, consumedUnits: 3, availableUnits: 0 });

      const up = (await api.ok(t.admin, UPDATE_QTY, { input: { subscriptionId: sub.id, quantity: 10 } })).updateSubscriptionQuantity;
      expect(up.quantity).toBe(10);
      expect(pool(await licenses(t), USER_PN)).toMatchObject({ prepaidUnits: { enabled: 10 }, consumedUnits: 3, availableUnits: 7 });
      expect((await subs(t)).find((s) => s.id === sub.id).quantity).toBe(10);
    });

    it("P7 SEATS_IN_USE counts the whole pool (other subscriptions, WARNING included)", async () => {
      const t = await newTenant(api);
      const a = (await buy(t, "ADMIN_CENTER", [{ skuId: t.sku.tenant, quantity: 1 }, { skuId: t.sku.user, quantity: 2 }])).subscriptions.find(
        (s: any) => s.sku.partNumber === USER_PN,
      );
      await buy(t, "ADMIN_CENTER", [{ skuId: t.sku.user, quantity: 2 }], { endsAt: iso(5) });
      for (const name of ["a", "b", "c", "d"]) await t.license((await t.user(name)).id);
      api.clock.advanceDays(6);
      expect(pool(await licenses(t), USER_PN)).toMatchObject({ prepaidUnits: { enabled: 2, warning: 2 }, consumedUnits: 4 });
      // 1 + 2 (warning) = 3 < 4 seats in use
      expect(await failsUnchanged(t.admin, UPDATE_QTY, { input: { subscriptionId: a.id, quantity: 1 } })).toBe("SEATS_IN_USE");
    });

    it("P7 lowering is allowed while the seats in use still fit", async () => {
      const t = await newTenant(api);
      const r = await buy(t, "ADMIN_CENTER", [{ skuId: t.sku.tenant, quantity: 1 }, { skuId: t.sku.user, quantity: 5 }]);
      const sub = r.subscriptions.find((s: any) => s.sku.partNumber === USER_PN);
      await t.license((await t.user("only")).id);
      expect((await api.ok(t.admin, UPDATE_QTY, { input: { subscriptionId: sub.id, quantity: 2 } })).updateSubscriptionQuantity.quantity).toBe(2);
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
      expect(pool(await licenses(t), TENANT_PN).prepaidUnits.enabled).toBe(299);
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
      expect(pool(await licenses(t), USER_PN).prepaidUnits).toEqual({ enabled: 8, warning: 0, suspended: 0 });

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
      expect(n1.nodes.some((e: any) => e.targetId === sub.id)).toBe(true);
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
      const sub = r.subscriptions.find((s: any) => s.sku.partNumber === USER_PN);
      expect((await api.ok(token, UPDATE_QTY, { input: { subscriptionId: sub.id, quantity: 6 } })).updateSubscriptionQuantity.quantity).toBe(6);
      expect((await api.ok(token, CANCEL, { id: sub.id })).cancelSubscription.status).toBe("SUSPENDED");
      expect(pool(await licenses(t), USER_PN).prepaidUnits).toEqual({ enabled: 0, warning: 0, suspended: 6 });
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
      const item = { channel: "ADMIN_CENTER", items: [{ skuId: t.sku.user, quantity: 1 }] };
      await api.ok(billing.token, PURCHASE, { input: item });
      await api.ok(t.admin, Q.updateUser, { input: { id: billing.id, roles: [] } });
      expect(await failsUnchanged(billing.token, PURCHASE, { input: item })).toBe("FORBIDDEN");
      expect(await failsUnchanged(plain.token, PURCHASE, { input: item })).toBe("FORBIDDEN");
      await api.ok(t.admin, Q.updateUser, { input: { id: plain.id, roles: ["BILLING_ADMIN"] } });
      await api.ok(plain.token, PURCHASE, { input: item });
      expect(pool(await licenses(t), USER_PN).prepaidUnits.enabled).toBe(3);
    });

    it("§6 a disabled BILLING_ADMIN, or a token whose tid is another tenant, is UNAUTHENTICATED", async () => {
      const a = await newTenant(api, "Contoso");
      const b = await newTenant(api, "Northwind");
      await a.buy(1);
      const billing = await a.user("billing", ["BILLING_ADMIN"]);
      await api.ok(a.admin, Q.updateUser, { input: { id: billing.id, accountEnabled: false } });
      const item = { channel: "ADMIN_CENTER", items: [{ skuId: a.sku.user, quantity: 1 }] };
      expect(await failsUnchanged(billing.token, PURCHASE, { input: item })).toBe("UNAUTHENTICATED");
      const crossed = await api.token({ tid: b.tenantId, oid: a.adminId });
      expect(await failsUnchanged(crossed, PURCHASE, { input: { channel: "ADMIN_CENTER", items: [{ skuId: b.sku.tenant, quantity: 1 }] } })).toBe("UNAUTHENTICATED");
    });
  });
});
