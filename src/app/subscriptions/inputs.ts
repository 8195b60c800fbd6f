/** What the subscriptions services take: plain shapes that every way in fills (the GraphQL input classes implement them). */
import type { PurchaseChannel } from "../../domain/enums";
import type { Subscription } from "../../data/entities";

export interface PurchaseItemInput {
  skuId: string;
  quantity: number;
}

export interface PurchaseLicensesInput {
  channel: PurchaseChannel;
  items: PurchaseItemInput[];
  idempotencyKey?: string | null;
  endsAt?: Date | null;
}

export interface UpdateSubscriptionQuantityInput {
  subscriptionId: string;
  quantity: number;
}

export interface PurchaseLicensesPayload {
  orderId: string;
  subscriptions: Subscription[];
}
