import { principalToken, TenantFx } from "./fixtures";
import { TestApi, Doc, InvalidVars } from "./harness";
import { graphql } from "../gql";
import { PurchaseChannel, PurchaseLicensesInput } from "../gql/graphql";

/** Documents, constants and helpers for the purchase and subscription tests (test/api/purchases). */

export const PURCHASE = graphql(`mutation PurchasesPurchase($input: PurchaseLicensesInput!) {
  purchaseLicenses(input: $input) { orderId subscriptions { id quantity channel status orderId isTrial endsAt sku { id partNumber } } }
}`);
export const SUBS = graphql(`query PurchasesSubs($all: Boolean) {
  tenant { hasActiveTenantLicense subscriptions(includeInactive: $all) { id quantity channel status orderId endsAt sku { id partNumber } } }
}`);
export const LICENSES = graphql(`query PurchasesLicenses { tenant { licenses { sku { id partNumber } prepaidUnits { enabled warning suspended } consumedUnits availableUnits } } }`);
export const AUDIT = graphql(`query PurchasesAudit($action: String) { auditEvents(first: 1000, action: $action) { totalCount nodes { id action targetId details actor { id } } } }`);
export const UPDATE_QTY = graphql(`mutation PurchasesUpdateQty($input: UpdateSubscriptionQuantityInput!) { updateSubscriptionQuantity(input: $input) { id quantity status } }`);
export const CANCEL = graphql(`mutation PurchasesCancel($id: ID!) { cancelSubscription(id: $id) { id status quantity } }`);

export const TENANT_PN = "POWER_VIRTUAL_AGENTS";
export const USER_PN = "POWER_VIRTUAL_AGENTS_USER";

/** Error codes DESIGN §7 allows. */
export const KNOWN_CODES = [
  "UNAUTHENTICATED", "FORBIDDEN", "NOT_FOUND", "BAD_USER_INPUT", "CONFLICT", "SEATS_EXHAUSTED", "SEATS_IN_USE",
  "TENANT_LICENSE_REQUIRED", "CHANNEL_MISMATCH", "LICENSE_NOT_ASSIGNABLE", "LICENSE_REQUIRED", "GROUP_CYCLE",
  "GROUP_HAS_LICENSES", "USER_OWNS_BOTS", "LAST_GLOBAL_ADMIN", "TRIALS_DISABLED", "TRIAL_EXHAUSTED", "RATE_LIMITED",
  "GRAPHQL_VALIDATION_FAILED", "INTERNAL_SERVER_ERROR",
];

/** Callers who may not buy, update or cancel (DESIGN §6). */
export const NOT_BILLING = ["LICENSE_ADMIN", "GROUPS_ADMIN", "GLOBAL_READER", "no roles", "BotRuntime", "PlatformOperator"] as const;

export const pool = <L extends { sku: { partNumber: string } }>(ls: L[], partNumber: string): L | undefined => ls.find((l) => l.sku.partNumber === partNumber);

/** True when some object inside `v` names the SKU (by part number or ID) and carries the quantity. */
export function mentionsItem(v: unknown, sku: { id: string; partNumber: string }, quantity: number): boolean {
  if (Array.isArray(v)) return v.some((x) => mentionsItem(x, sku, quantity));
  if (v && typeof v === "object") {
    const vals = Object.values(v as Record<string, unknown>);
    const names = vals.some((x) => x === sku.id || x === sku.partNumber || (typeof x === "object" && x !== null && JSON.stringify(x).includes(sku.id)));
    if (names && vals.includes(quantity)) return true;
    return vals.some((x) => mentionsItem(x, sku, quantity));
  }
  return false;
}

/** Helpers bound to the suite's API (`api()` is read at call time, after beforeAll). */
export function purchaseKit(api: () => TestApi) {
  const iso = (days: number) => new Date(api().clock.now().getTime() + days * 86_400_000).toISOString();

  const failsUnchanged = <R, V>(token: string | undefined, query: Doc<R, V>, vars?: NoInfer<V> | InvalidVars) => api().failsUnchanged(token, query, vars);

  async function buy(t: TenantFx, channel: PurchaseChannel, items: { skuId: string; quantity: number }[], extra: Partial<PurchaseLicensesInput> = {}) {
    return (await api().ok(t.admin, PURCHASE, { input: { channel, items, ...extra } })).purchaseLicenses;
  }

  async function subs(t: TenantFx, all = false) {
    return (await api().ok(t.admin, SUBS, { all })).tenant.subscriptions;
  }

  async function licenses(t: TenantFx) {
    return (await api().ok(t.admin, LICENSES)).tenant.licenses;
  }

  async function audit(t: TenantFx, action?: string) {
    return (await api().ok(t.admin, AUDIT, { action })).auditEvents;
  }

  const callerToken = (t: TenantFx, who: string) => principalToken(api(), t, who);
  return { iso, failsUnchanged, buy, subs, licenses, audit, callerToken };
}
