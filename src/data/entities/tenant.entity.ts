import { Field, ID, Int, ObjectType } from "type-graphql";
import { Column, Entity, PrimaryColumn } from "typeorm";
import { Node } from "./node";
import { TimestampColumn } from "./columns";
import { TEXT_LIMITS } from "../../domain/text";

@ObjectType({ implements: Node })
@Entity("tenant")
export class Tenant implements Node {
  @Field(() => ID)
  @PrimaryColumn({ type: "varchar", length: TEXT_LIMITS.id })
  id: string;

  @Field(() => String)
  @Column({ type: "varchar", length: TEXT_LIMITS.name, name: "display_name" })
  displayName: string;

  @Field(() => Boolean, { description: "When false, users cannot start self-service trials (the AllowAdHocSubscriptions flag)." })
  @Column({ type: "boolean", name: "allow_ad_hoc_subscriptions" })
  allowAdHocSubscriptions: boolean;

  @Field(() => Int, { description: "A pool is lowOnSeats when availableUnits is at or below this (E5)." })
  @Column({ type: "integer", name: "seat_alert_threshold", default: 0 })
  seatAlertThreshold: number;

  @Field(() => Date)
  @TimestampColumn({ name: "created_at" })
  createdAt: Date;

  @Field(() => String, { description: "Usage location of users who have none of their own (L1)." })
  @Column({ type: "varchar", length: 2, name: "default_usage_location", default: "US" })
  defaultUsageLocation: string;

  @Field(() => Int, { description: "V4: a seat holder is inactive after this many days without activity." })
  @Column({ type: "integer", name: "inactive_after_days", default: 90 })
  inactiveAfterDays: number;

  @Field(() => Boolean, { description: "V4: warn, then reclaim direct assignments of inactive holders automatically." })
  @Column({ type: "boolean", name: "auto_reclaim", default: false })
  autoReclaim: boolean;

  /** Bumped by every write transaction of the tenant; keys the per-instance cache of its licensing state. */
  @Column({ type: "integer", name: "state_version", default: 0 })
  stateVersion: number;
}
