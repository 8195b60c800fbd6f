import { Field, ID, ObjectType } from "type-graphql";
import { Column, Entity, Index, PrimaryColumn } from "typeorm";
import { Node } from "./node";
import { ObjectSource } from "../../domain/enums";
import { TimestampColumn } from "./columns";
import { TEXT_LIMITS } from "../../domain/text";

@ObjectType({ implements: Node })
@Entity("security_group")
@Index("ix_security_group_tenant", ["tenantId"])
@Index("ix_security_group_page", ["tenantId", "id"])
@Index("ix_security_group_external", ["tenantId", "externalId"])
@Index("ix_security_group_name", ["tenantId", "displayName"])
export class SecurityGroup implements Node {
  @Field(() => ID)
  @PrimaryColumn({ type: "varchar", length: TEXT_LIMITS.id })
  id: string;

  @Column({ type: "varchar", length: TEXT_LIMITS.id, name: "tenant_id" })
  tenantId: string;

  @Field(() => String)
  @Column({ type: "varchar", length: TEXT_LIMITS.name, name: "display_name" })
  displayName: string;

  @Field(() => String, { nullable: true })
  @Column({ type: "varchar", length: TEXT_LIMITS.description, nullable: true })
  description: string | null;

  @Field(() => Date)
  @TimestampColumn({ name: "created_at" })
  createdAt: Date;

  @Field(() => ObjectSource)
  @Column({ type: "varchar", length: 16, default: ObjectSource.CLOUD })
  source: ObjectSource;

  @Field(() => String, { nullable: true })
  @Column({ type: "varchar", length: TEXT_LIMITS.name, name: "external_id", nullable: true })
  externalId: string | null;

  @TimestampColumn({ name: "updated_at", nullable: true })
  updatedAt: Date | null;

  /** The SCIM attributes (members aside) as the directory sent them, as JSON text. */
  @Column({ type: "text", name: "scim_attributes", nullable: true })
  scimAttributes: string | null;
}

/** A user directly in a group. */
@Entity("group_user_member")
@Index("ix_group_user_member_user", ["tenantId", "userId"])
export class GroupUserMember {
  @PrimaryColumn({ type: "varchar", length: TEXT_LIMITS.id, name: "group_id" })
  groupId: string;

  @PrimaryColumn({ type: "varchar", length: TEXT_LIMITS.id, name: "user_id" })
  userId: string;

  @Column({ type: "varchar", length: TEXT_LIMITS.id, name: "tenant_id" })
  tenantId: string;

  @TimestampColumn({ name: "created_at" })
  createdAt: Date;
}

/** A group nested directly inside another (child is a member of parent). */
@Entity("group_nesting")
@Index("ix_group_nesting_child", ["tenantId", "childId"])
@Index("ix_group_nesting_tenant", ["tenantId"])
export class GroupNesting {
  @PrimaryColumn({ type: "varchar", length: TEXT_LIMITS.id, name: "parent_id" })
  parentId: string;

  @PrimaryColumn({ type: "varchar", length: TEXT_LIMITS.id, name: "child_id" })
  childId: string;

  @Column({ type: "varchar", length: TEXT_LIMITS.id, name: "tenant_id" })
  tenantId: string;

  @TimestampColumn({ name: "created_at" })
  createdAt: Date;
}
