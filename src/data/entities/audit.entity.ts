import { Field, ID, ObjectType } from "type-graphql";
import { Column, Entity, Index, PrimaryColumn } from "typeorm";
import { Node } from "./node";
import { TimestampColumn } from "./columns";

@ObjectType({ implements: Node })
@Entity("audit_event")
@Index("ix_audit_event_tenant", ["tenantId", "id"])
@Index("ix_audit_event_target", ["tenantId", "targetId"])
@Index("ix_audit_event_action", ["tenantId", "action"])
export class AuditEvent implements Node {
  @Field(() => ID)
  @PrimaryColumn({ type: "varchar", length: 64 })
  id: string;

  @Column({ type: "varchar", length: 64, name: "tenant_id" })
  tenantId: string;

  @Field(() => String, {
    description:
      "e.g. PURCHASE, ASSIGN_USER_LICENSE, ASSIGN_GROUP_LICENSE, ADD_GROUP_MEMBERS, START_TRIAL, CREATE_BOT.",
  })
  @Column({ type: "varchar", length: 64 })
  action: string;

  @Column({ type: "varchar", length: 64, name: "actor_id", nullable: true })
  actorId: string | null;

  @Field(() => ID, { nullable: true })
  @Column({ type: "varchar", length: 64, name: "target_id", nullable: true })
  targetId: string | null;

  @Field(() => String, { description: "JSON text of what changed." })
  @Column({ type: "text" })
  details: string;

  @Field(() => Date)
  @TimestampColumn({ name: "at" })
  at: Date;
}
