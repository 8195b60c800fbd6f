import { Field, ID, ObjectType } from "type-graphql";
import { Column, Entity, Index, PrimaryColumn } from "typeorm";
import { Node } from "./node";
import { TimestampColumn } from "./columns";
import { TEXT_LIMITS } from "../../domain/text";

@ObjectType({ implements: Node })
@Entity("audit_event")
@Index("ix_audit_event_tenant", ["tenantId", "id"])
@Index("ix_audit_event_target", ["tenantId", "targetId"])
@Index("ix_audit_event_action", ["tenantId", "action"])
export class AuditEvent implements Node {
  @Field(() => ID)
  @PrimaryColumn({ type: "varchar", length: TEXT_LIMITS.id })
  id: string;

  @Column({ type: "varchar", length: TEXT_LIMITS.id, name: "tenant_id" })
  tenantId: string;

  @Field(() => String, {
    description:
      "e.g. PURCHASE, ASSIGN_USER_LICENSE, ASSIGN_GROUP_LICENSE, ADD_GROUP_MEMBERS, START_TRIAL, CREATE_BOT.",
  })
  @Column({ type: "varchar", length: TEXT_LIMITS.id })
  action: string;

  @Column({ type: "varchar", length: TEXT_LIMITS.id, name: "actor_id", nullable: true })
  actorId: string | null;

  @Field(() => ID, { nullable: true })
  @Column({ type: "varchar", length: TEXT_LIMITS.id, name: "target_id", nullable: true })
  targetId: string | null;

  @Field(() => String, {
    nullable: true,
    description: "The target's name when the event was written (a user's UPN, a group's or a SKU's display name).",
  })
  @Column({ type: "varchar", length: TEXT_LIMITS.name, name: "target_display_name", nullable: true })
  targetDisplayName: string | null;

  @Field(() => String, { description: "JSON text of what changed." })
  @Column({ type: "text" })
  details: string;

  @Field(() => Date)
  @TimestampColumn({ name: "at" })
  at: Date;
}
