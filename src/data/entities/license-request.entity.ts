import { Field, ID, ObjectType } from "type-graphql";
import { Column, Entity, Index, PrimaryColumn } from "typeorm";
import { Node } from "./node";
import { TimestampColumn } from "./columns";
import { TEXT_LIMITS } from "../../domain/text";
import { LicenseRequestStatus } from "../../domain/enums";

/** V1: a user's request for a USER-kind SKU for themselves; at most one PENDING per user and SKU (a partial unique index). */
@ObjectType({ implements: Node, description: "A user's request for a USER-kind SKU (V1)." })
@Entity("license_request")
@Index("ix_license_request_page", ["tenantId", "id"])
@Index("ix_license_request_status", ["tenantId", "status", "id"])
@Index("ix_license_request_requester", ["tenantId", "requesterId"])
@Index("ix_license_request_sku", ["tenantId", "skuId"])
@Index("ix_license_request_decided_by", ["tenantId", "decidedById"])
@Index("ix_license_request_group", ["tenantId", "grantedThroughGroupId"])
@Index("uq_license_request_open", ["tenantId", "requesterId", "skuId"], { unique: true, where: "status = 'PENDING'" })
export class LicenseRequest implements Node {
  @Field(() => ID)
  @PrimaryColumn({ type: "varchar", length: TEXT_LIMITS.id })
  id: string;

  @Column({ type: "varchar", length: TEXT_LIMITS.id, name: "tenant_id" })
  tenantId: string;

  @Column({ type: "varchar", length: TEXT_LIMITS.id, name: "sku_id" })
  skuId: string;

  @Column({ type: "varchar", length: TEXT_LIMITS.id, name: "requester_id" })
  requesterId: string;

  @Field(() => String, { nullable: true })
  @Column({ type: "varchar", length: TEXT_LIMITS.justification, nullable: true })
  justification: string | null;

  @Field(() => LicenseRequestStatus)
  @Column({ type: "varchar", length: 16 })
  status: LicenseRequestStatus;

  @Field(() => Date)
  @TimestampColumn({ name: "created_at" })
  createdAt: Date;

  @Field(() => Date, { nullable: true })
  @TimestampColumn({ name: "decided_at", nullable: true })
  decidedAt: Date | null;

  @Column({ type: "varchar", length: TEXT_LIMITS.id, name: "decided_by_id", nullable: true })
  decidedById: string | null;

  @Field(() => String, { nullable: true, description: "The reason given with a denial." })
  @Column({ type: "varchar", length: TEXT_LIMITS.justification, nullable: true })
  reason: string | null;

  @Column({ type: "varchar", length: TEXT_LIMITS.id, name: "granted_through_group_id", nullable: true })
  grantedThroughGroupId: string | null;

  @Field(() => Boolean, { description: "Opened by claimLicense when no seat was free (V2)." })
  @Column({ type: "boolean", name: "from_auto_claim" })
  fromAutoClaim: boolean;
}

/** V2: per tenant and SKU, whether users may claim a seat themselves, optionally only the members of one group. */
@ObjectType("AutoClaimPolicy", { description: "Per-SKU auto-claim policy (V2)." })
@Entity("auto_claim_policy")
@Index("ix_auto_claim_policy_group", ["tenantId", "scopeGroupId"])
export class AutoClaimPolicy {
  @PrimaryColumn({ type: "varchar", length: TEXT_LIMITS.id, name: "tenant_id" })
  tenantId: string;

  @PrimaryColumn({ type: "varchar", length: TEXT_LIMITS.id, name: "sku_id" })
  skuId: string;

  @Field(() => Boolean)
  @Column({ type: "boolean" })
  enabled: boolean;

  @Column({ type: "varchar", length: TEXT_LIMITS.id, name: "scope_group_id", nullable: true })
  scopeGroupId: string | null;

  @TimestampColumn({ name: "updated_at" })
  updatedAt: Date;
}
