import { Field, ID, ObjectType } from "type-graphql";
import { Column, Entity, Index, PrimaryColumn } from "typeorm";
import { AdminRole } from "../../domain/enums";
import { Node } from "./node";
import { TimestampColumn } from "./columns";

@ObjectType({ implements: Node })
@Entity("app_user")
@Index("uq_app_user_upn", ["tenantId", "upnKey"], { unique: true })
@Index("ix_app_user_page", ["tenantId", "id"])
export class User implements Node {
  @Field(() => ID)
  @PrimaryColumn({ type: "varchar", length: 64 })
  id: string;

  @Column({ type: "varchar", length: 64, name: "tenant_id" })
  tenantId: string;

  @Field(() => String)
  @Column({ type: "varchar", length: 256, name: "user_principal_name" })
  userPrincipalName: string;

  /** Lower-cased UPN: uniqueness is case-insensitive (U1) on every engine. */
  @Column({ type: "varchar", length: 256, name: "upn_key" })
  upnKey: string;

  @Field(() => String)
  @Column({ type: "varchar", length: 256, name: "display_name" })
  displayName: string;

  @Field(() => Boolean)
  @Column({ type: "boolean", name: "account_enabled" })
  accountEnabled: boolean;

  @Field(() => [AdminRole])
  @Column({ type: "simple-array" })
  roles: AdminRole[];

  @Field(() => Date)
  @TimestampColumn({ name: "created_at" })
  createdAt: Date;
}
