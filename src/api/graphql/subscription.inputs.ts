import type * as In from "../../app/subscriptions/inputs";
import { Field, ID, InputType, Int, ObjectType } from "type-graphql";
import { Subscription } from "../../data/entities";
import { PurchaseChannel } from "../../domain/enums";

@InputType()
export class PurchaseItemInput implements In.PurchaseItemInput {
  @Field(() => ID)
  skuId: string;

  @Field(() => Int)
  quantity: number;
}

@InputType()
export class PurchaseLicensesInput implements In.PurchaseLicensesInput {
  @Field(() => PurchaseChannel)
  channel: PurchaseChannel;

  @Field(() => [PurchaseItemInput])
  items: PurchaseItemInput[];

  @Field(() => String, {
    nullable: true,
    description: "A retried purchase with the same key returns the first result and buys nothing more.",
  })
  idempotencyKey?: string | null;

  @Field(() => Date, { nullable: true })
  endsAt?: Date | null;
}

@InputType()
export class UpdateSubscriptionQuantityInput implements In.UpdateSubscriptionQuantityInput {
  @Field(() => ID)
  subscriptionId: string;

  @Field(() => Int)
  quantity: number;
}

@ObjectType()
export class PurchaseLicensesPayload implements In.PurchaseLicensesPayload {
  @Field(() => ID)
  orderId: string;

  @Field(() => [Subscription])
  subscriptions: Subscription[];
}
