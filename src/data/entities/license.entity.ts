import { Column, Entity, Index, PrimaryColumn } from "typeorm";
import { TimestampColumn } from "./columns";
import { TEXT_LIMITS } from "../../domain/text";

abstract class AssignmentBase {
  @PrimaryColumn({ type: "varchar", length: TEXT_LIMITS.id, name: "sku_id" })
  skuId: string;

  @Column({ type: "varchar", length: TEXT_LIMITS.id, name: "tenant_id" })
  tenantId: string;

  @Column({ type: "simple-json", name: "disabled_plan_ids" })
  disabledPlanIds: string[];

  @TimestampColumn({ name: "assigned_at" })
  assignedAt: Date;

  @TimestampColumn({ name: "updated_at" })
  updatedAt: Date;
}

/** A SKU assigned directly to a user (S3). */
@Entity("user_license_assignment")
@Index("ix_user_license_assignment_tenant", ["tenantId", "skuId"])
@Index("ix_user_license_assignment_user", ["tenantId", "userId"])
export class UserLicenseAssignment extends AssignmentBase {
  @PrimaryColumn({ type: "varchar", length: TEXT_LIMITS.id, name: "user_id" })
  userId: string;
}

/** A SKU assigned to a security group; its transitive members want it (S1). */
@Entity("group_license_assignment")
@Index("ix_group_license_assignment_tenant", ["tenantId", "skuId"])
@Index("ix_group_license_assignment_group", ["tenantId", "groupId"])
export class GroupLicenseAssignment extends AssignmentBase {
  @PrimaryColumn({ type: "varchar", length: TEXT_LIMITS.id, name: "group_id" })
  groupId: string;
}

/** A row about one user and one SKU of a tenant. */
abstract class UserSkuRow {
  @PrimaryColumn({ type: "varchar", length: TEXT_LIMITS.id, name: "user_id" })
  userId: string;

  @PrimaryColumn({ type: "varchar", length: TEXT_LIMITS.id, name: "sku_id" })
  skuId: string;

  @Column({ type: "varchar", length: TEXT_LIMITS.id, name: "tenant_id" })
  tenantId: string;
}

/**
 * One row while a user wants a USER-kind SKU (S1), from any source. `wantSeq`
 * orders the wanters (S4: longest wanting first, ties by user ID); `holdsSeat`
 * is the allocation, kept so that the seat holders are always the first
 * `pool` wanters in that order.
 */
@Entity("license_want")
@Index("ix_license_want_queue", ["tenantId", "skuId", "holdsSeat", "wantSeq", "userId"])
@Index("ix_license_want_user", ["tenantId", "userId"])
// V4: the inactive report's count, one range of this index (migration 1764374400524).
@Index("ix_license_want_idle", ["tenantId", "skuId", "holdsSeat", "idleSince", "userId"])
export class LicenseWant extends UserSkuRow {
  @Column({ type: "integer", name: "want_seq" })
  wantSeq: number;

  @TimestampColumn({ name: "wanted_since" })
  wantedSince: Date;

  @Column({ type: "boolean", name: "holds_seat" })
  holdsSeat: boolean;

  @TimestampColumn({ name: "updated_at" })
  updatedAt: Date;

  /**
   * V4: from when the holder counts as idle for reclamation: the later of the user's COALESCE(last_activity_at,
   * created_at) and wantedSince. Inserted as wantedSince, moved forward by the activity write (Database.writeActivity).
   * Read only by the inactive report's count.
   */
  @TimestampColumn({ name: "idle_since" })
  idleSince: Date;
}

/** Per tenant and SKU: the pool size the seats were last allocated for, and the want counter. */
@Entity("seat_pool")
export class SeatPool {
  @PrimaryColumn({ type: "varchar", length: TEXT_LIMITS.id, name: "tenant_id" })
  tenantId: string;

  @PrimaryColumn({ type: "varchar", length: TEXT_LIMITS.id, name: "sku_id" })
  skuId: string;

  @Column({ type: "integer", name: "allocated_pool" })
  allocatedPool: number;

  @Column({ type: "integer", name: "want_seq" })
  wantSeq: number;
}

/** S9: a user's self-service trial of a trial SKU; one extension after it expires. */
@Entity("user_trial")
@Index("ix_user_trial_tenant", ["tenantId", "skuId"])
@Index("ix_user_trial_user", ["tenantId", "userId"])
export class UserTrial extends UserSkuRow {
  @TimestampColumn({ name: "started_at" })
  startedAt: Date;

  @TimestampColumn({ name: "expires_at" })
  expiresAt: Date;

  @Column({ type: "boolean" })
  extended: boolean;
}
