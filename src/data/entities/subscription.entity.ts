import { Field, ID, Int, ObjectType } from "type-graphql";
import { Column, Entity, Index, PrimaryColumn } from "typeorm";
import { PurchaseChannel } from "../../domain/enums";
import { Node } from "./node";
import { TimestampColumn } from "./columns";
import { TEXT_LIMITS } from "../../domain/text";

@Entity("purchase_order")
@Index("uq_purchase_order_key", ["tenantId", "idempotencyKey"], { unique: true })
export class PurchaseOrder {
  @PrimaryColumn({ type: "varchar", length: TEXT_LIMITS.id })
  id: string;

  @Column({ type: "varchar", length: TEXT_LIMITS.id, name: "tenant_id" })
  tenantId: string;

  @Column({ type: "varchar", length: TEXT_LIMITS.name, name: "idempotency_key", nullable: true })
  idempotencyKey: string | null;

  @Column({ type: "varchar", length: 128, name: "request_hash" })
  requestHash: string;

  @TimestampColumn({ name: "created_at" })
  createdAt: Date;
}

/** Named LicenseSubscription in GraphQL: `Subscription` is GraphQL's root subscription type. */
@ObjectType("LicenseSubscription", { implements: Node })
@Entity("subscription")
@Index("ix_subscription_tenant_sku", ["tenantId", "skuId"])
export class Subscription implements Node {
  @Field(() => ID)
  @PrimaryColumn({ type: "varchar", length: TEXT_LIMITS.id })
  id: string;

  @Column({ type: "varchar", length: TEXT_LIMITS.id, name: "tenant_id" })
  tenantId: string;

  @Column({ type: "varchar", length: TEXT_LIMITS.id, name: "sku_id" })
  skuId: string;

  @Field(() => Int)
  @Column({ type: "integer" })
  quantity: number;

  @Field(() => PurchaseChannel)
  @Column({ type: "varchar", length: 32 })
  channel: PurchaseChannel;

  @Field(() => Boolean)
  @Column({ type: "boolean", name: "is_trial" })
  isTrial: boolean;

  @Field(() => ID, { description: "Subscriptions bought together in one purchase share an order ID." })
  @Index("ix_subscription_order")
  @Column({ type: "varchar", length: TEXT_LIMITS.id, name: "order_id" })
  orderId: string;

  @Field(() => Date)
  @TimestampColumn({ name: "starts_at" })
  startsAt: Date;

  @Field(() => Date, { nullable: true })
  @TimestampColumn({ name: "ends_at", nullable: true })
  endsAt: Date | null;

  @TimestampColumn({ name: "canceled_at", nullable: true })
  canceledAt: Date | null;

  @Field(() => Date)
  @TimestampColumn({ name: "created_at" })
  createdAt: Date;
}
