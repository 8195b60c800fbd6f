import { Ctx, FieldResolver, Query, Resolver, Root } from "type-graphql";
import type { RequestContext } from "../../app/request/context";
import { ServicePlan, Sku } from "../../data/entities";
import { requireUser } from "../../app/auth/permissions";

@Resolver(() => Sku)
export class CatalogResolver {
  @Query(() => [Sku])
  skus(@Ctx("ctx") ctx: RequestContext): Sku[] {
    requireUser(ctx.principal);
    return ctx.catalog.skus;
  }

  @FieldResolver(() => [Sku], { description: "SKUs that must be active in the tenant before this one can be bought or used." })
  requires(@Root() sku: Sku, @Ctx("ctx") ctx: RequestContext): Sku[] {
    return ctx.catalog.requires(sku.id).map((id) => ctx.catalog.sku(id)!);
  }

  @FieldResolver(() => [ServicePlan])
  servicePlans(@Root() sku: Sku, @Ctx("ctx") ctx: RequestContext): ServicePlan[] {
    return ctx.catalog.plans(sku.id);
  }
}
