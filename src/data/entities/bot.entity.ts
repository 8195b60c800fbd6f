import { Field, ID, ObjectType } from "type-graphql";
import { Column, Entity, Index, PrimaryColumn } from "typeorm";
import { Node } from "./node";
import { CountColumn, TimestampColumn } from "./columns";
import { TEXT_LIMITS } from "../../domain/text";

@ObjectType({ implements: Node })
@Entity("bot")
@Index("ix_bot_owner", ["tenantId", "ownerId"])
@Index("ix_bot_page", ["tenantId", "id"])
export class Bot implements Node {
  @Field(() => ID)
  @PrimaryColumn({ type: "varchar", length: TEXT_LIMITS.id })
  id: string;

  @Column({ type: "varchar", length: TEXT_LIMITS.id, name: "tenant_id" })
  tenantId: string;

  @Field(() => String)
  @Column({ type: "varchar", length: TEXT_LIMITS.name })
  name: string;

  @Column({ type: "varchar", length: TEXT_LIMITS.id, name: "owner_id" })
  ownerId: string;

  @Field(() => Boolean)
  @Column({ type: "boolean" })
  published: boolean;

  @Field(() => Date)
  @TimestampColumn({ name: "created_at" })
  createdAt: Date;
}

/**
 * Billed sessions aggregated per bot and UTC month: recording adds to one row,
 * so capacity reads never scan raw events. Rows outlive a deleted bot, since
 * the sessions were billed all the same.
 */
@Entity("bot_usage")
@Index("ix_bot_usage_period", ["tenantId", "period"])
export class BotUsage {
  @PrimaryColumn({ type: "varchar", length: TEXT_LIMITS.id, name: "bot_id" })
  botId: string;

  @PrimaryColumn({ type: "varchar", length: 7 })
  period: string;

  @Column({ type: "varchar", length: TEXT_LIMITS.id, name: "tenant_id" })
  tenantId: string;

  @CountColumn({ name: "sessions" })
  sessions: number;
}
