import { Arg, Ctx as GqlCtx, FieldResolver, ID, Mutation, Resolver, Root } from "type-graphql";
import type { Ctx } from "../../app/context";
import { Sku, Subscription } from "../../data/entities";
import { SubscriptionStatus } from "../../domain/enums";
import { subscriptionStatus } from "../../domain/licensing/status";
import { PurchaseLicensesInput, PurchaseLicensesPayload, UpdateSubscriptionQuantityInput } from "./subscription.inputs";
import { cancelSubscription, purchaseLicenses, updateSubscriptionQuantity } from "../../app/subscription.service";

@Resolver(() => Subscription)
export class SubscriptionResolver {
  @Mutation(() => PurchaseLicensesPayload)
  purchaseLicenses(@Arg("input", () => PurchaseLicensesInput) input: PurchaseLicensesInput, @GqlCtx() ctx: Ctx) {
    return purchaseLicenses(ctx, input);
  }

  @Mutation(() => Subscription)
  updateSubscriptionQuantity(@Arg("input", () => UpdateSubscriptionQuantityInput) input: UpdateSubscriptionQuantityInput, @GqlCtx() ctx: Ctx) {
    return updateSubscriptionQuantity(ctx, input);
  }

  @Mutation(() => Subscription)
  cancelSubscription(@Arg("id", () => ID) id: string, @GqlCtx() ctx: Ctx) {
    return cancelSubscription(ctx, id);
  }

  @FieldResolver(() => Sku)
  sku(@Root() s: Subscription, @GqlCtx() ctx: Ctx): Sku {
    return ctx.catalog.sku(s.skuId)!;
  }

  @FieldResolver(() => SubscriptionStatus)
  status(@Root() s: Subscription, @GqlCtx() ctx: Ctx): SubscriptionStatus {
    return subscriptionStatus(s, ctx.clock.now());
  }
}
