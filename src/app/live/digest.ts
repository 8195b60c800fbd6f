import { User } from "../../data/entities";
import type { RequestContext } from "../request/context";
import { canCreateBotsFrom } from "../licensing/licensing";
import type { poolFigures } from "../subscriptions/subscriptions";

/**
 * E3: what myLicenseChanged reflects, per user — account, roles, canCreateBots and effective licenses (state, error,
 * seat, plans, sources, trial end) — as one comparable string. Batched: one facts statement for all of them.
 */
export async function digests(sys: RequestContext, users: User[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  if (!users.length) return out;
  const [views, lic] = await Promise.all([sys.loaders.effective.loadMany(users.map((u) => u.id)), sys.loaders.licensing()]);
  const tenantLicensed = lic.hasActiveTenantLicense();
  users.forEach((u, i) => {
    const v = views[i];
    if (v instanceof Error) throw v;
    out.set(u.id, JSON.stringify([
      u.userPrincipalName, u.displayName, u.accountEnabled, [...u.roles].sort(),
      canCreateBotsFrom(sys, u, v, tenantLicensed),
      v.map((x) => [x.skuId, x.state, x.error, x.holdsSeat, x.enabledPlanIds, x.expiresAt?.getTime() ?? null,
        x.sources.map((s) => [s.kind, s.groupId, s.via, s.disabledPlanIds])]),
    ]));
  });
  return out;
}

/** The pools' figures tenantLicensesChanged sends, as one comparable string. */
export function poolsDigest(figures: Awaited<ReturnType<typeof poolFigures>>): string {
  return JSON.stringify(figures.map((f) => [f.sku.id, f.prepaidUnits, f.consumedUnits, f.availableUnits, f.unassignedDemand, f.lowOnSeats]));
}
