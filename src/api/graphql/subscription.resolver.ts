import { Arg, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from "type-graphql";
import type { RequestContext } from "../../app/request/context";
import { Sku, Subscription } from "../../data/entities";
import { SubscriptionStatus } from "../../domain/enums";
import { subscriptionStatus } from "../../domain/licensing/status";
import { PurchaseLicensesInput, PurchaseLicensesPayload, UpdateSubscriptionQuantityInput } from "./subscription.inputs";
import { cancelSubscription, purchaseLicenses, updateSubscriptionQuantity } from "../../app/subscriptions/subscriptions";

@Resolver(() => Subscription)
export class SubscriptionResolver {
  @Mutation(() => PurchaseLicensesPayload)
  purchaseLicenses(@Arg("input", () => PurchaseLicensesInput) input: PurchaseLicensesInput, @Ctx("ctx") ctx: RequestContext) {
    return purchaseLicenses(ctx, input);
  }

  @Mutation(() => Subscription)
  updateSubscriptionQuantity(@Arg("input", () => UpdateSubscriptionQuantityInput) input: UpdateSubscriptionQuantityInput, @Ctx("ctx") ctx: RequestContext) {
    return updateSubscriptionQuantity(ctx, input);
  }

  @Mutation(() => Subscription)
  cancelSubscription(@Arg("id", () => ID) id: string, @Ctx("ctx") ctx: RequestContext) {
    return cancelSubscription(ctx, id);
  }

  @FieldResolver(() => Sku)
  sku(@Root() s: Subscription, @Ctx("ctx") ctx: RequestContext): Sku {
    return ctx.catalog.sku(s.skuId)!;
  }

  @FieldResolver(() => SubscriptionStatus)
  status(@Root() s: Subscription, @Ctx("ctx") ctx: RequestContext): SubscriptionStatus {
    return subscriptionStatus(s, ctx.clock.now());
  }
}
