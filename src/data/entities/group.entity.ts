import { Field, ID, ObjectType } from "type-graphql";
import { Column, Entity, Index, PrimaryColumn } from "typeorm";
import { Node } from "./node";
import { TimestampColumn } from "./columns";

@ObjectType({ implements: Node })
@Entity("security_group")
@Index("ix_security_group_tenant", ["tenantId"])
@Index("ix_security_group_page", ["tenantId", "id"])
export class SecurityGroup implements Node {
  @Field(() => ID)
  @PrimaryColumn({ type: "varchar", length: 64 })
  id: string;

  @Column({ type: "varchar", length: 64, name: "tenant_id" })
  tenantId: string;

  @Field(() => String)
  @Column({ type: "varchar", length: 256, name: "display_name" })
  displayName: string;

  @Field(() => String, { nullable: true })
  @Column({ type: "varchar", length: 1024, nullable: true })
  description: string | null;

  @Field(() => Date)
  @TimestampColumn({ name: "created_at" })
  createdAt: Date;
}

/** A user directly in a group. */
@Entity("group_user_member")
@Index("ix_group_user_member_user", ["tenantId", "userId"])
export class GroupUserMember {
  @PrimaryColumn({ type: "varchar", length: 64, name: "group_id" })
  groupId: string;

  @PrimaryColumn({ type: "varchar", length: 64, name: "user_id" })
  userId: string;

  @Column({ type: "varchar", length: 64, name: "tenant_id" })
  tenantId: string;

  @TimestampColumn({ name: "created_at" })
  createdAt: Date;
}

/** A group nested directly inside another (child is a member of parent). */
@Entity("group_nesting")
@Index("ix_group_nesting_child", ["tenantId", "childId"])
@Index("ix_group_nesting_tenant", ["tenantId"])
export class GroupNesting {
  @PrimaryColumn({ type: "varchar", length: 64, name: "parent_id" })
  parentId: string;

  @PrimaryColumn({ type: "varchar", length: 64, name: "child_id" })
  childId: string;

  @Column({ type: "varchar", length: 64, name: "tenant_id" })
  tenantId: string;

  @TimestampColumn({ name: "created_at" })
  createdAt: Date;
}
