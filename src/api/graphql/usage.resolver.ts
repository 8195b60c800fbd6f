import { Arg, Ctx, FieldResolver, ID, Resolver } from "type-graphql";
import type { RequestContext } from "../../app/request/context";
import { Tenant } from "../../data/entities";
import { licenseUsageHistory } from "../../app/usage/history";
import { LicenseUsageDay } from "./usage.types";

/** V5 on the tenant. */
@Resolver(() => Tenant)
export class TenantUsageResolver {
  @FieldResolver(() => [LicenseUsageDay], { description: "Days from `from` to `to` inclusive (YYYY-MM-DD, UTC), at most 400." })
  async licenseUsageHistory(
    @Ctx("ctx") ctx: RequestContext,
    @Arg("skuId", () => ID) skuId: string,
    @Arg("from", () => String) from: string,
    @Arg("to", () => String) to: string,
  ): Promise<LicenseUsageDay[]> {
    const days = await licenseUsageHistory(ctx, skuId, from, to);
    return days.map((d) => ({ date: d.day, enabled: d.enabled, warning: d.warning, consumed: d.consumed, waiting: d.waiting, activeHolders: d.activeHolders }));
  }
}
