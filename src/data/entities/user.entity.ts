import { Field, ID, ObjectType } from "type-graphql";
import { Column, Entity, Index, PrimaryColumn } from "typeorm";
import { AdminRole, ObjectSource } from "../../domain/enums";
import { Node } from "./node";
import { TimestampColumn } from "./columns";
import { TEXT_LIMITS } from "../../domain/text";

@ObjectType({ implements: Node })
@Entity("app_user")
@Index("uq_app_user_upn", ["tenantId", "upnKey"], { unique: true })
@Index("ix_app_user_page", ["tenantId", "id"])
@Index("ix_app_user_external", ["tenantId", "externalId"])
@Index("ix_app_user_warning", ["tenantId", "reclaimWarningAt"])
// V4: (tenant_id, COALESCE(last_activity_at, created_at), id, …) of the users not deleted; an expression index, made by migration 1764374400450.
@Index("ix_app_user_idle", { synchronize: false })
export class User implements Node {
  @Field(() => ID)
  @PrimaryColumn({ type: "varchar", length: TEXT_LIMITS.id })
  id: string;

  @Column({ type: "varchar", length: TEXT_LIMITS.id, name: "tenant_id" })
  tenantId: string;

  @Field(() => String)
  @Column({ type: "varchar", length: TEXT_LIMITS.name, name: "user_principal_name" })
  userPrincipalName: string;

  /** Lower-cased UPN: uniqueness is case-insensitive (U1) on every engine. */
  @Column({ type: "varchar", length: TEXT_LIMITS.name, name: "upn_key" })
  upnKey: string;

  @Field(() => String)
  @Column({ type: "varchar", length: TEXT_LIMITS.name, name: "display_name" })
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

  @Field(() => String, { nullable: true, description: "The user's own usage location (ISO 3166-1 alpha-2), if set (L1)." })
  @Column({ type: "varchar", length: 2, name: "usage_location", nullable: true })
  usageLocation: string | null;

  @Field(() => ObjectSource)
  @Column({ type: "varchar", length: 16, default: ObjectSource.CLOUD })
  source: ObjectSource;

  @Field(() => String, { nullable: true, description: "The directory's ID for this user (SCIM externalId)." })
  @Column({ type: "varchar", length: TEXT_LIMITS.name, name: "external_id", nullable: true })
  externalId: string | null;

  @Field(() => Date, { nullable: true, description: "Set when the directory deleted a user who still owns bots (D7)." })
  @TimestampColumn({ name: "deleted_at", nullable: true })
  deletedAt: Date | null;

  /** meta.lastModified for SCIM; null until the first change after creation. */
  @TimestampColumn({ name: "updated_at", nullable: true })
  updatedAt: Date | null;

  /** V3: the last activity written (at most once an hour; an instance keeps newer activity in memory until it flushes). */
  @TimestampColumn({ name: "last_activity_at", nullable: true })
  lastActivityAt: Date | null;

  /** V4: when the automatic pass warned that the user's direct licenses will be reclaimed unless they are active. */
  @TimestampColumn({ name: "reclaim_warning_at", nullable: true })
  reclaimWarningAt: Date | null;

  /** "|a@x|b@y|": every email value, lower-cased, for SCIM filters on emails.value. */
  @Column({ type: "varchar", length: TEXT_LIMITS.emails, name: "email_key", nullable: true })
  emailKey: string | null;

  @Column({ type: "varchar", length: TEXT_LIMITS.name, name: "work_email_key", nullable: true })
  workEmailKey: string | null;

  /** The SCIM attributes as the directory sent them (D3), as JSON text. */
  @Column({ type: "text", name: "scim_attributes", nullable: true })
  scimAttributes: string | null;
}
